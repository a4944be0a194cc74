"""Per-article indexes of the quote finder, in key offsets: sentences, quotation pairs, actor mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from marsad.events.quotes.cues import QuoteCues
from marsad.text.normalize import Normalized
from marsad.types import Article, Mention

WORD = re.compile(r"[^\W\d_]+")
_SPEAKER_KINDS = ("person", "org", "state")
_MARKS = re.compile(r'["\n]')


@dataclass(slots=True)
class Found:
    cue: tuple[int, int]  # key offsets
    content: tuple[int, int]
    speaker: Mention | None
    speaker_name: str | None
    direct: bool
    speaker_kind: str | None = None


class Context:
    """Per-article indexes in key offsets: sentences, quotation pairs, actor mentions."""

    __slots__ = ("article", "norm", "key", "cues", "_ends", "pairs", "_pair_starts", "actors", "_actor_starts",
                 "_adj", "_name_spans", "quotes_found", "media", "titled")

    def __init__(self, article: Article, norm: Normalized, cues: QuoteCues, media: frozenset[str] = frozenset()):
        self.article = article
        self.norm = norm
        self.cues = cues
        self.media = media
        # speakers named by a title (الباحث فلان): folded last word of the name -> the name
        self.titled: dict[str, str] = {}
        key = self.key = norm.key

        self.pairs = _pairs(article.text, norm)
        self._pair_starts = [p[0] for p in self.pairs]
        ends = []
        for m in re.finditer(r"\n|[.!?؟](?=\s|$|[\"»”])", key):
            if m.group() != "\n" and self.inside_quote(m.start()) and "\n" not in key[m.start():m.start() + 1]:
                continue
            i = m.start()
            if m.group() == "." and i and key[i - 1] == "د" and (i < 2 or not key[i - 2].isalpha()):
                continue  # "د. فلان": the abbreviated title, not the end of a sentence
            ends.append(m.end())
        self._ends = ends
        actors = []
        self._adj = set()
        names = []
        ents = article.entities
        from_original = norm.from_original
        for mt in article.mentions:
            ent = ents.get(mt.entity)
            kind = ent.kind if ent is not None else None
            ks, ke = from_original(mt.start), from_original(mt.end)
            names.append((ks, ke))
            if kind == "state" and mt.method == "adjective":
                self._adj.add(ks)
            if kind in _SPEAKER_KINDS:
                actors.append((mt, ks, ke, kind))
        actors.sort(key=lambda a: a[1])
        self.actors = actors
        self._actor_starts = [a[1] for a in actors]
        self._name_spans = names
        self.quotes_found: list[Found] = []

    def words_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.key, start, end)]

    def institution_before(self, ks: int) -> bool:
        """Whether an adjective at ``ks`` follows an institution noun (الخارجية التركية)."""
        prev = WORD.findall(self.key[max(0, ks - 20):ks])
        return bool(prev) and (prev[-1] in self.cues.institutions
                               or (prev[-1][:1] in "وفلب" and prev[-1][1:] in self.cues.institutions))

    def is_media(self, m: Mention) -> bool:
        """Whether a mention names a news medium (an outlet of the KB, or a name headed by صحيفة، وكالة ...)."""
        if m.entity in self.media:
            return True
        w = WORD.match(self.key, self.norm.from_original(m.start))
        return w is not None and w.group() in self.cues.media_heads

    def last_media_before(self, pos: int) -> Mention | None:
        for m, ks, ke, kind in reversed(self.actors_between(0, pos)):
            if self.is_media(m):
                return m
        return None

    def governed(self, ks: int) -> bool:
        return _governed(self.key, ks, self.cues.governing)

    def in_name(self, s: int, e: int) -> bool:
        return any(ns <= s and e <= ne for ns, ne in self._name_spans)

    def adjective_at(self, ks: int) -> bool:
        return ks in self._adj or (ks + 2) in self._adj

    def key_start(self, m: Mention) -> int:
        return self.norm.from_original(m.start)

    def actors_between(self, start: int, end: int) -> list[tuple[Mention, int, int, str]]:
        lo = bisect_left(self._actor_starts, start)
        hi = bisect_left(self._actor_starts, end)
        return [a for a in self.actors[lo:hi] if a[2] <= end]

    def sentence_end(self, pos: int) -> int:
        i = bisect_right(self._ends, pos)
        return self._ends[i] if i < len(self._ends) else len(self.key)

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self._ends, pos) - 1
        return self._ends[i] if i >= 0 else 0

    def pair_at(self, s: int) -> tuple[int, int] | None:
        i = bisect_left(self._pair_starts, s)
        if i < len(self.pairs) and self.pairs[i][0] == s:
            return self.pairs[i]
        return None

    def pairs_in(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_left(self._pair_starts, start)
        hi = bisect_left(self._pair_starts, end)
        return self.pairs[lo:hi]

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self._pair_starts, pos) - 1
        while i >= 0:
            s, e = self.pairs[i]
            if s < pos < e:
                return True
            if e < pos and i >= 0:
                # pairs do not nest deeply; one step back is enough for guillemets around "..."
                i -= 1
                if i >= 0 and self.pairs[i][1] > pos and self.pairs[i][0] < pos:
                    return True
                return False
            i -= 1
        return False

    def has_quotation(self, start: int, end: int, min_words: int) -> bool:
        for s, e in self.pairs_in(start - 1, end):
            if e <= end + 1 and len(WORD.findall(self.key[s + 1:e])) >= min_words:
                return True
        return False

    def closing_before(self, cs: int) -> tuple[int, int] | None:
        key = self.key
        j = cs
        while j > 0 and key[j - 1] in " ,;\n":
            j -= 1
        for s, e in reversed(self.pairs_in(max(0, j - 2000), j)):
            if e == j - 1:
                inner = (s + 1, e)
                if len(WORD.findall(key[inner[0]:inner[1]])) >= self.cues.min_direct_words:
                    return trim(key, *inner)
                return None
            if e < j - 1:
                return None
        return None

    def last_quote_before(self, cs: int) -> Found | None:
        best = None
        for q in self.quotes_found:
            if q.cue[0] < cs and (best is None or q.cue[0] > best.cue[0]):
                best = q
        return best



def _pairs(text: str, norm: Normalized) -> list[tuple[int, int]]:
    """Quotation pairs ``(open, close)`` in key offsets, found per paragraph.

    Guillemets open and close explicitly; straight and curly double quotes toggle.
    """
    key = norm.key
    out = []
    orig = norm.orig_index
    g_open: int | None = None
    d_open: int | None = None
    for m in _MARKS.finditer(key):
        i = m.start()
        if m.group() == "\n":
            g_open = d_open = None
            continue
        o = text[orig(i)]
        if o in "«‹":
            g_open = i
        elif o in "»›":
            if g_open is not None:
                out.append((g_open, i))
                g_open = None
        elif d_open is None:
            d_open = i
        else:
            out.append((d_open, i))
            d_open = None
    out.sort()
    return out


def first_opener(ctx: Context, start: int, end: int) -> int | None:
    """The first quotation opening in ``[start, end)`` that holds speech (not a quoted name)."""
    for s, e in ctx.pairs_in(start, end):
        if start <= s < end and len(WORD.findall(ctx.key[s + 1:e])) >= ctx.cues.min_direct_words:
            return s
    return None


def _governed(key: str, ks: int, governing: frozenset[str]) -> bool:
    """Whether a mention starting at ``ks`` is governed by a preposition (لأردوغان، مع بوتين)."""
    if ks > 0 and key[ks - 1].isalpha():
        return key[ks - 1] in "لب"
    prev = WORD.findall(key[max(0, ks - 12):ks])
    return bool(prev) and prev[-1] in governing


def trim(key: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` without the spaces, quotation marks and punctuation at either end of ``key[s:e]``."""
    while s < e and (key[s] in " \n\t\"'-:,." ):
        s += 1
    while e > s and key[e - 1] in " \n\t\"'.,;:-":
        e -= 1
    return s, e
