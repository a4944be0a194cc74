"""Stated stances: sentences saying two actors stand opposed or aligned, with no interaction.

"Russia and Turkey found themselves on opposite sides in the Syrian conflict" reports no act of one
towards the other, so it is no PLOVER event (EVENTS.md: statements of fact are not events); yet an
analyst reads it as a statement about the relationship. :class:`StanceExtractor` (pipeline
component ``stances``, after the event coder) finds such sentences from the cue phrases of
``data/stances.yaml`` and writes :class:`~marsad.types.Stance` records to ``article.stances``:

* **cue** -- an ``opposed`` or ``aligned`` phrase matched on the folded key at word boundaries (و/ف
  may stand in front).
* **pair** -- a cue ending in ``بين`` takes the first two actors named right after it (``خلافات بين
  أنقرة وموسكو``). Otherwise the actors named in the sentence (states, organizations, groups and the
  people acting for them; state adjectives only after a party noun such as ``الجانبان التركي
  والروسي``) are the candidates: the article's own pair (its two most mentioned actor codes) when
  both are among them, else the two named nearest before the cue (then after it). With fewer than two,
  a dual word (``البلدان``, ``نفسيهما``, ``يقفان``...) in the sentence stands for the article's pair.
  No pair: no stance. The article's pair is the two states most of its events are between (else
  its two most mentioned states, adjectives included).
* **dossiers** -- the taxonomy's keywords and entities (as the dossier classifier reads them) in the
  stretch that names the issue: from the cue to the end of its clause (a comma ends it unless the
  list goes on: ``لا سيما``, ``مثل``, a word with و in front); when that names no dossier, the rest
  of the sentence. The pair's own codes do not file the statement.
* **modality** -- ``negated`` after a negator (``لا``, ``لم``... but not ``لا يزال`` "still"),
  ``hypothetical`` after ``قد``, ``ربما``, ``إذا``..., else ``asserted``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer
from marsad.types import Article, Sentence, Span, Stance
from marsad.datafiles import read_yaml

_BREAKS = ".؟?!؛;:\n"
_COMMAS = "،,"
#: nouns after which a state adjective names a party (الجانبان التركي والروسي)
_PARTY_HEADS = frozenset({"الجانب", "الجانبان", "الجانبين", "الطرف", "الطرفان", "الطرفين", "الموقف",
                          "الموقفان", "الموقفين", "الموقفين", "الحكومه", "الحكومتان", "الحكومتين"})
_ACTOR_KINDS = frozenset({"state", "org", "person"})


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    """Folded cue phrases and the word lists of ``data/stances.yaml``."""

    cues: tuple[tuple[str, str], ...]  # (folded phrase, "opposed" | "aligned"), longest first
    duals: tuple[str, ...]
    negators: tuple[str, ...]
    not_negators: tuple[str, ...]
    hypothetical: tuple[str, ...]
    continuations: tuple[str, ...]

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceLexicon:
        ref = Path(path) if path else resources.files("marsad.events").joinpath("data/stances.yaml")
        data = read_yaml(ref, "the stance cues")
        if not (data.get("opposed") or data.get("aligned")):
            raise KnowledgeBaseError("the stance file needs 'opposed' and/or 'aligned' lists", str(ref))
        key = Normalizer().key

        def words(name: str) -> tuple[str, ...]:
            items = data.get(name) or []
            if not isinstance(items, list):
                raise KnowledgeBaseError(f"{name} must be a list", str(ref))
            return tuple(sorted({key(str(x)) for x in items if str(x).strip()}, key=lambda k: -len(k)))

        cues = [(k, stance) for stance in ("opposed", "aligned") for k in words(stance)]
        cues.sort(key=lambda c: -len(c[0]))
        return cls(tuple(cues), words("duals"), words("negators"), words("not_negators"), words("hypothetical"),
                   words("continue_after_comma"))


class StanceExtractor:
    """``Article -> Article``: sets ``article.stances`` (needs sentences and actor mentions).

    ``taxonomy`` is the dossier taxonomy (:class:`marsad.dossiers.classify.Taxonomy`) whose keywords
    and entities file each statement; without one, statements carry no dossiers.
    """

    name = "stances"

    def __init__(self, lexicon: StanceLexicon | None = None, taxonomy=None):
        self.lexicon = lexicon or StanceLexicon.load()
        self.taxonomy = taxonomy
        self.normalizer = Normalizer()
        alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k, _ in self.lexicon.cues)
        self._cue_re = re.compile(rf"(?<!\w)(?:[وف])?({alts})(?!\w)") if alts else None
        self._stance_of = dict(self.lexicon.cues)

    def __call__(self, article: Article) -> Article:
        article.stances = self.extract(article)
        return article

    def extract(self, article: Article) -> list[Stance]:
        if self._cue_re is None or not article.text:
            return []
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        matches = list(self._cue_re.finditer(key))
        if not matches:
            return []
        sentences = article.sentences or [Sentence(0, len(article.text))]
        actors = self._actor_mentions(article)
        pair = _event_pair(article) or _article_pair(article, actors)
        out: list[Stance] = []
        seen: set[tuple] = set()
        for m in matches:
            phrase = re.sub(r"\s+", " ", m.group(1))
            stance = self._stance_of.get(phrase)
            if stance is None:
                continue
            cs, ce = norm.to_original(m.start(1), m.end(1))
            sent = next((s for s in sentences if s.start <= cs < s.end), None)
            if sent is None:
                continue
            found = self._pair(article, sent, cs, ce, phrase.endswith(" بين"), actors, pair, key, norm)
            if found is None:
                continue
            a, b = sorted(found)
            dossiers = self._dossiers(article, norm, sent, cs, ce, {a, b})
            modality = self._modality(key, m.start(1), norm.from_original(sent.start))
            k = (a, b, stance, sent.start, cs)
            if k in seen:
                continue
            seen.add(k)
            out.append(Stance(a, b, stance, article.span(sent.start, sent.end), article.span(cs, ce),
                              tuple(dossiers), modality))
        return out

    # -- the pair ---------------------------------------------------------------------------------
    @staticmethod
    def _actor_mentions(article: Article) -> list[tuple[int, int, str, bool]]:
        """(start, end, code, counts as a party) of the actor mentions, in text order."""
        kinds = {eid: e.kind for eid, e in article.entities.items()}
        out = []
        text = article.text
        for m in article.mentions:
            if not m.acts_for or kinds.get(m.entity, "state") not in _ACTOR_KINDS:
                continue
            party = True
            if m.method == "adjective":
                head = text[max(0, m.start - 40):m.start].split()
                party = bool(head) and _fold_al(head[-1]) in _PARTY_HEADS
                if not party and len(head) >= 2 and head[-1].startswith("و"):
                    # the second of two adjectives (الجانبان التركي والروسي)
                    party = any(o[1] <= m.start and o[3] and m.start - o[1] <= 3 for o in out)
            out.append((m.start, m.end, m.acts_for, party))
        out.sort()
        return out

    def _pair(self, article: Article, sent: Sentence, cs: int, ce: int, after: bool, actors, pair, key,
              norm) -> tuple[str, str] | None:
        in_sent = [x for x in actors if sent.start <= x[0] < sent.end and x[3]]
        if after:  # خلافات بين X وY: the two named right after the cue
            codes: list[str] = []
            for s, e, code, _ in in_sent:
                if s >= ce and s - ce <= 60 and code not in codes:
                    codes.append(code)
            if len(codes) >= 2:
                return codes[0], codes[1]
        codes_before = []
        for s, e, code, _ in reversed([x for x in in_sent if x[0] < cs]):
            if code not in codes_before:
                codes_before.append(code)
        codes_after = []
        for s, e, code, _ in in_sent:
            if s >= ce and code not in codes_after:
                codes_after.append(code)
        named = set(codes_before) | set(codes_after)
        if pair is not None and set(pair) <= named:
            return pair
        if len(codes_before) >= 2:
            return codes_before[0], codes_before[1]
        window = f" {key[norm.from_original(sent.start):norm.from_original(sent.end)]} "
        dual = any(f" {d} " in window or f" و{d} " in window for d in self.lexicon.duals)
        if dual and pair is not None and (not codes_before or set(codes_before) & set(pair)):
            return pair
        if len(codes_after) >= 2 and not codes_before:
            return codes_after[0], codes_after[1]
        return None

    # -- the issue --------------------------------------------------------------------------------
    def _dossiers(self, article: Article, norm, sent: Sentence, cs: int, ce: int, pair: set[str]) -> list[str]:
        if self.taxonomy is None:
            return []
        end = _clause_end(article.text, ce, sent.end, self.normalizer, self.lexicon.continuations)
        found = self._dossiers_in(article, norm, cs, end, pair)
        if not found:  # the issue named before the cue (الصراع حول كاراباخ أظهر تباينا في النهج)
            found = self._dossiers_in(article, norm, sent.start, cs, pair)
        return found

    def _dossiers_in(self, article: Article, norm, start: int, end: int, pair: set[str]) -> list[str]:
        tax = self.taxonomy
        hits: Counter = Counter()
        k0, k1 = norm.from_original(start), norm.from_original(end)
        for s, e, ds in tax.keyword_hits(norm.key[k0:k1]):
            for d in ds:
                hits[d] += 1
        pair_entities = set()
        for m in article.mentions:
            if m.acts_for in pair and m.entity in pair:
                pair_entities.add(m.entity)
        for m in article.mentions:
            if start <= m.start < end and m.entity not in pair and m.entity not in pair_entities:
                for d in tax.by_entity.get(m.entity, ()):
                    hits[d] += 1
        return [d for d, _ in sorted(hits.items(), key=lambda x: (-x[1], x[0])) if d != "other"]

    # -- modality ---------------------------------------------------------------------------------
    def _modality(self, key: str, kstart: int, ksent: int) -> str:
        before = key[max(ksent, kstart - 40):kstart].split()
        two = " ".join(before[-2:])
        lex = self.lexicon
        if any(two.endswith(n) or f"{n} " in f"{two} " for n in lex.not_negators):
            return "asserted"
        if any(w in lex.negators for w in before[-2:]) or any(
                f" {n} " in f" {two} " for n in lex.negators if " " in n):
            return "negated"
        if any(w in lex.hypothetical for w in before[-4:]):
            return "hypothetical"
        return "asserted"


def _fold_al(word: str) -> str:
    w = Normalizer().key(word)
    for p in ("و", "ف"):
        if w.startswith(p + "ال"):
            return w[1:]
    return w


def _event_pair(article: Article) -> tuple[str, str] | None:
    """The article's own pair from its events: the two states most often on the two sides of one event
    ("the two countries" are states; a government's backing of a militia is not the article's pair)."""
    states = {e.code for e in article.entities.values() if e.kind == "state" and e.code}
    counts: Counter = Counter()
    for ev in article.events:
        s = ev.source.code if ev.source is not None else None
        t = ev.target.code if ev.target is not None else None
        if s and t and s != t and s in states and t in states:
            counts[tuple(sorted((s, t)))] += 1
    if not counts:
        return None
    best = max(counts.values())
    top = sorted(p for p, n in counts.items() if n == best)
    return top[0] if len(top) == 1 else None


def _article_pair(article: Article, actors) -> tuple[str, str] | None:
    """The article's own pair: its two most mentioned states, adjectives included (الرئيس الروسي names
    Russia too; ties: first mentioned); with fewer than two states, its two most named actors."""
    states = {e.code for e in article.entities.values() if e.kind == "state" and e.code}
    counts: Counter = Counter()
    first: dict[str, int] = {}
    in_states = sum(1 for c in {x[2] for x in actors} if c in states) >= 2
    for s, _, code, party in actors:
        if (in_states and code not in states) or (not in_states and not party):
            continue
        counts[code] += 1
        first.setdefault(code, s)
    top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
    return (top[0], top[1]) if len(top) == 2 else None


def _clause_end(text: str, start: int, limit: int, normalizer: Normalizer, continuations: tuple[str, ...]) -> int:
    """Where the clause that starts at ``start`` ends (a break, or a comma the list does not go on after)."""
    i = start
    while i < limit:
        ch = text[i]
        if ch in _BREAKS:
            return i
        if ch in _COMMAS:
            nxt = normalizer.key(text[i + 1:i + 40]).split()
            if not nxt:
                return i
            two = " ".join(nxt[:3])
            if not (nxt[0].startswith("و") and len(nxt[0]) > 2) and not any(
                    two.startswith(c) for c in continuations):
                return i
        i += 1
    return limit


__all__ = ["Stance", "StanceExtractor", "StanceLexicon", "Span"]
