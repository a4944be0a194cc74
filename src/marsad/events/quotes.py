"""Quotes: direct and reported speech attributed to a speaker.

:class:`QuoteExtractor` (pipeline component ``quotes``) runs after the actor layer and reads
``article.mentions``. The cue words and thresholds are data (``events/data/quote_cues.yaml``),
loaded into a :class:`QuoteCues` object; see ``events/data/README_quotes_figures.md``.

How a quote is found
    1. **A speech verb** (قال، أكد، أشار، أوضح ... in their past, imperfect, dual, plural and
       participle forms, with و/ف attached) is followed, within ``max_gap_words`` words of the same
       sentence, by the start of its content: a complementizer (إن، أن، بأن ...), a colon, or an
       opening quotation mark (for أعرب عن / نفى the words right after the verb). Weak verbs
       (ذكر، تابع، رأى ...) need one of those; other verbs too.
    2. **A headline** ``بوتين: ...`` (an actor's mention opening a line, or right after the
       ``outlet :`` of a press-file item, followed by a colon) quotes the rest of the line.
    3. **According to** (وفق، بحسب، نقلا عن + a source): the content is the clause before the cue,
       or the rest of the sentence when the cue opens it.
    4. A verb with its speaker but no content after it (``«...»، قال بوتين``) takes the quotation
       that closes just before it.

The content ends at the end of the sentence (periods inside an open quotation do not count), or
at the closing mark when it opens with one, or before a following ``، مضيفا ...`` / ``، وفق ...``
clause. ``text`` excludes the quotation marks, the complementizer and the final full stop.
``direct`` is true when the content is (or contains) a quotation of two words or more.

Who said it (the speaker)
    * the first actor mention (person, then organization or state) between the verb and its
      content (verb-first: ``وقال الرئيس الروسي فلاديمير بوتين إن``), or an unnamed source there
      (``مصدر دبلوماسي تركي``: no entity, the words as the name);
    * otherwise, for participles (مشيرا، مضيفا) and continuation verbs (وأضاف، وتابع): the speaker
      of the previous quote, when it is within ``carry_chars``;
    * otherwise the actor mention just before the verb in its sentence (subject-first:
      ``وكان أردوغان قد أكد``), not governed by a preposition;
    * after من جهته / من جانبه / بدوره: the last person mentioned before.
    No speaker found: no quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Article, Mention, Quote, Span

_WORD = re.compile(r"[^\W\d_]+")
_SPEAKER_KINDS = ("person", "org", "state")
_CONTINUATION = frozenset({"اضاف", "تابع", "اردف"})
_BACKREF = ("من جهته", "من جهتها", "من جانبه", "من جانبها", "بدوره", "بدورها", "من ناحيته", "من ناحيتها")
_GOVERNING = frozenset("مع الى على عن من في لدى بين ضد حول بشان".split())
_OPENERS = "«“„\"‹"
_CLOSERS = "»”\"›"


@dataclass(frozen=True, slots=True)
class _Cue:
    lemma: str
    form: str  # finite | participle | noun
    weak: bool
    preps: tuple[str, ...]
    content_after_prep: bool
    feminine: bool = False


class QuoteCues:
    """The cue lexicon of :mod:`marsad.events.quotes`, folded and indexed."""

    def __init__(self, data: dict, source: str | None = None):
        key = Normalizer().key
        try:
            self.words: dict[str, _Cue] = {}
            for v in data["verbs"]:
                lemma = key(v["lemma"])
                preps = tuple(key(p) for p in v.get("preps", []) or [])
                weak = bool(v.get("weak", False))
                cap = bool(v.get("content_after_prep", False))
                finite = {key(n) for n in v.get("finite") or []}
                for form, names in (("finite", v.get("finite")), ("participle", v.get("participles")),
                                    ("noun", v.get("nouns"))):
                    for n in names or []:
                        k = key(n)
                        fem = (form == "finite" and ((k.endswith("ت") and not lemma.endswith("ت"))
                                                     or (k.startswith("ت") and "ي" + k[1:] in finite))) \
                            or (form == "participle" and k.endswith("ه"))
                        self.words.setdefault(k, _Cue(lemma, form, weak, preps, cap, fem))
            self.complementizers = frozenset(key(w) for w in data["complementizers"])
            self.according = sorted({key(w) for w in data["according_to"]}, key=len, reverse=True)
            self.according_verbs = sorted({key(w) for w in data.get("according_to_verbs", [])}, key=len, reverse=True)
            us = data["unnamed_sources"]
            self.source_heads = frozenset(key(w) for w in us["heads"])
            self.source_adjectives = frozenset(key(w) for w in us["adjectives"])
            self.min_direct_words = int(data.get("min_direct_words", 3))
            self.max_gap_words = int(data.get("max_gap_words", 18))
            self.institutions = frozenset(key(w) for w in data.get("institutions", []))
            self.titles = frozenset(key(w) for w in data.get("titles", []))
            self.carry_chars = int(data.get("carry_chars", 600))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid quote cue data: {exc!r}", source) from exc
        if not self.words:
            raise KnowledgeBaseError("quote cue data holds no verbs", source)
        self._prefixed: dict[str, tuple[_Cue, int]] = {}
        for w, c in self.words.items():
            for p in ("", "و", "ف", "وب", "ب"):
                if "ب" in p and c.form != "noun":
                    continue
                self._prefixed.setdefault(p + w, (c, len(p)))
        alt = "|".join(re.escape(w) for w in sorted(self._prefixed, key=len, reverse=True))
        self.cue_re = re.compile(r"(?<![^\W\d_])(?:" + alt + r")(?![^\W\d_])")
        heads = "|".join(re.escape(h) for h in sorted(self.source_heads, key=len, reverse=True))
        self._source_re = re.compile(r"(?<![^\W\d_])(?:و|ف|ل|ب)?(?P<head>" + heads + r")(?![^\W\d_])")
        acc = "|".join(r"\s*".join(re.escape(p) for p in a.split()) for a in self.according)
        self._according_re = re.compile(r"(?<![^\W\d_])(?:و)?(?:" + acc + r")(?![^\W\d_])|(?<![^\W\d_])(?:و|ف)?(?:وفقا|طبقا)\s+ل(?=[^\W\d_])")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "QuoteCues":
        """The lexicon from ``path``, or the one shipped with marsad."""
        ref = Path(path) if path else resources.files("marsad.events").joinpath("data/quote_cues.yaml")
        try:
            data = yaml.safe_load(ref.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeBaseError(f"cannot read quote cues: {exc}", str(ref)) from exc
        if not isinstance(data, dict):
            raise KnowledgeBaseError("quote cue data must be a mapping", str(ref))
        return cls(data, str(ref))

    def lookup(self, word: str) -> tuple[_Cue, int] | None:
        """The cue a folded word is (with و/ف or بـ attached), and the length of the attached part."""
        return self._prefixed.get(word)


@dataclass(slots=True)
class _Found:
    cue: tuple[int, int]  # key offsets
    content: tuple[int, int]
    speaker: Mention | None
    speaker_name: str | None
    direct: bool
    speaker_kind: str | None = None


class QuoteExtractor:
    """``Article -> Article``: fills ``article.quotes`` (see the module documentation)."""

    name = "quotes"

    def __init__(self, cues: QuoteCues | None = None):
        self.cues = cues or QuoteCues.load()
        self.normalizer = Normalizer()

    # ------------------------------------------------------------------------------ driver
    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        ctx = _Context(article, norm, self.cues)
        found: list[_Found] = []
        for q in self._headlines(ctx):
            found.append(q)
            ctx.quotes_found.append(q)
        heads = {q.cue[0] for q in found}
        for cm in self.cues.cue_re.finditer(ctx.key):
            ws, we = cm.start(), cm.end()
            hit = self.cues.lookup(cm.group())
            if hit is None or ws in heads or ctx.in_name(ws, we) or ctx.inside_quote(ws):
                continue
            q = self._from_verb(ctx, ws, we, hit[0])
            if q is not None:
                if q.speaker is not None:
                    ent = article.entities.get(q.speaker.entity)
                    q.speaker_kind = ent.kind if ent is not None else None
                found.append(q)
                ctx.quotes_found.append(q)
        for q in self._according(ctx):
            if all(not (q.cue[0] < f.cue[1] and f.cue[0] < q.cue[1]) for f in found):
                found.append(q)
        found.sort(key=lambda f: f.cue[0])
        kept: list[_Found] = []
        for f in found:
            if f.speaker is None and f.speaker_name is None:
                continue
            # one act of speech, two cues ("صرح بوتين قائلا «...»"): keep the first cue
            if kept and kept[-1].content == f.content:
                continue
            kept.append(f)
        article.quotes = [self._quote(article, norm, f) for f in kept]
        return article

    def _quote(self, article: Article, norm: Normalized, f: _Found) -> Quote:
        cs, ce = norm.to_original(*f.cue)
        s, e = norm.to_original(*f.content)
        sp = f.speaker
        return Quote(sp.entity if sp else None, sp.text if sp else f.speaker_name,
                     Span(cs, ce, article.text[cs:ce]), article.text[s:e], s, e, f.direct)

    # ------------------------------------------------------------------------------ verbs
    def _from_verb(self, ctx: "_Context", cs: int, ce: int, cue: _Cue) -> _Found | None:
        key = ctx.key
        sent_end = ctx.sentence_end(cs)
        words = []
        for m in _WORD.finditer(key, ce, sent_end):
            words.append((m.start(), m.end(), m.group()))
            if len(words) > self.cues.max_gap_words + 3:
                break
        i = -1
        # the region between the verb and its content
        content_start = None
        pos = ce
        j = i + 1
        gap_limit = self.cues.max_gap_words
        k = 0
        while True:
            nxt = words[j][0] if j < len(words) else len(key)
            lim = min(nxt, sent_end)
            colon = key.find(":", pos, lim)
            quote = _first_opener(ctx, pos, lim)
            if colon >= 0 and (quote is None or colon < quote):
                content_start = colon + 1
                break
            if quote is not None:
                content_start = quote
                break
            if j >= len(words) or nxt >= sent_end or k > gap_limit:
                break
            ws, we, w = words[j]
            if w in self.cues.complementizers:
                content_start = we
                break
            if cue.content_after_prep and w in cue.preps:
                nw = words[j + 1][2] if j + 1 < len(words) else ""
                if nw in self.cues.complementizers:
                    content_start = words[j + 1][1]
                else:
                    content_start = we
                break
            if k > 0:
                other = self.cues.lookup(w)
                if other is not None and other[0].form == "finite":
                    break  # another speech verb: this one has no content of its own
            pos = we
            j += 1
            k += 1
        speaker_region = (ce, content_start if content_start is not None else min(pos, sent_end))
        speaker, sname = None, None
        if cue.form == "participle":
            speaker, sname = self._speaker_back(ctx, cs, cue)
        if speaker is None and sname is None:
            speaker, sname = self._speaker_in(ctx, *speaker_region)
        if content_start is None:
            # «...»، قال بوتين : the quotation that closes just before the verb
            pre = ctx.closing_before(cs)
            if pre is None or (speaker is None and sname is None):
                return None
            content = pre
            direct = True
        else:
            if cue.weak and not _strong_start(key, content_start, ctx):
                if not (cue.form == "noun" and speaker is not None):
                    return None
            content, direct = self._content(ctx, content_start, sent_end)
            if content is None:
                return None
        if speaker is None and sname is None and cue.form != "participle" and not cue.weak:
            speaker, sname = self._speaker_back(ctx, cs, cue, k)
        if speaker is None and sname is None and content_start is not None:
            sname = self._titled(ctx, ce, content_start)
        if speaker is None and sname is None:
            return None
        return _Found((cs, ce), content, speaker, sname, direct)

    def _content(self, ctx: "_Context", start: int, sent_end: int) -> tuple[tuple[int, int] | None, bool]:
        key = ctx.key
        s = start
        while s < len(key) and key[s] in " \n":
            s += 1
        pair = ctx.pair_at(s)
        if pair is not None:
            inner = (pair[0] + 1, pair[1])
            words = len(_WORD.findall(key[inner[0]:inner[1]]))
            if words >= 1:
                return _trim(key, *inner), True
        end = ctx.sentence_end(s, allow_quotes=True)
        # stop before a following attributed clause: "، مضيفا أن" / "، وفق ..." / "، بحسب ..."
        for m in _COMMA.finditer(key, s, end):
            nxt = _WORD.match(key, m.end())
            if nxt is None:
                continue
            w = nxt.group()
            hit = self.cues.lookup(w)
            if (hit is not None and hit[0].form == "participle") or w in _ACCORDING_HEADS:
                if not ctx.inside_quote(m.start()):
                    end = m.start()
                    break
        span = _trim(key, s, end)
        if span[1] - span[0] < 3:
            return None, False
        direct = ctx.has_quotation(span[0], span[1], 2)
        return span, direct

    # ------------------------------------------------------------------------------ speakers
    def _speaker_in(self, ctx: "_Context", start: int, end: int) -> tuple[Mention | None, str | None]:
        best = None
        for m, ks, ke, kind in ctx.actors_between(start, end):
            if ctx.inside_quote(ks) or _governed(ctx.key, ks):
                continue
            if kind == "state" and m.method == "adjective" and not ctx.institution_before(ks):
                continue
            if kind == "person":
                return m, None
            if best is None:
                best = m
        src = self._unnamed(ctx, start, end)
        if best is not None and (src is None or ctx.key_start(best) < src[0]):
            return best, None
        if src is not None:
            return None, src[2]
        return best, None

    def _titled(self, ctx: "_Context", start: int, end: int) -> str | None:
        """A speaker named by a title and a name the knowledge base does not know (الباحث فلان)."""
        ws = [w for w in ctx.words_between(start, end)]
        if not ws or len(ws) > 10:
            return None
        first = ws[0][2]
        if first not in self.cues.titles and not (first[:1] in "وف" and first[1:] in self.cues.titles):
            return None
        s, e = _trim(ctx.key, ws[0][0], end)
        # drop a trailing "في تصريح ..." / "خلال ..." circumstance
        for w in ws[1:]:
            if w[2] in ("في", "خلال", "لـ", "ل") and w[0] > ws[1][0]:
                e = min(e, w[0])
                break
        s, e = _trim(ctx.key, s, e)
        if e - s < 3:
            return None
        os_, oe = ctx.norm.to_original(s, e)
        return ctx.article.text[os_:oe]

    def _unnamed(self, ctx: "_Context", start: int, end: int) -> tuple[int, int, str] | None:
        key = ctx.key
        m = self.cues._source_re.search(key, start, end)
        if m is None:
            return None
        hs, he = m.start("head"), m.end()
        last = he
        count = 0
        for w in _WORD.finditer(key, he, end):
            if count >= 3 or key[last:w.start()].strip():
                break
            word = w.group()
            if word in self.cues.source_adjectives or ctx.adjective_at(w.start()) or word in ("في", "ب"):
                last = w.end()
                count += 1
                continue
            if count and key[last - 2:last] in ("في",):
                last = w.end()
                count += 1
                continue
            break
        if key[last - 3:last] == " في":
            last -= 3
        os_, oe = ctx.norm.to_original(hs, last)
        return hs, last, ctx.article.text[os_:oe]

    def _speaker_back(self, ctx: "_Context", cs: int, cue: _Cue, gap_words: int = 0
                      ) -> tuple[Mention | None, str | None]:
        """The speaker of a verb with no speaker after it (see the module documentation)."""
        key = ctx.key
        sent_start = ctx.sentence_start(cs)
        carry = self.cues.carry_chars
        prev = ctx.last_quote_before(cs)
        fem = cue.feminine
        ok = (lambda m, kind: kind != "person") if fem else (lambda m, kind: True)
        if prev is not None and prev.cue[0] >= sent_start and _agrees(prev, fem):
            return prev.speaker, prev.speaker_name
        if cue.form == "participle":
            # the subject of the clause: the first actor of the sentence not governed by a preposition
            subj = self._subject(ctx, sent_start, cs, fem)
            if subj is not None:
                return subj, None
            if prev is not None and cs - prev.content[1] <= carry and _agrees(prev, fem):
                return prev.speaker, prev.speaker_name
            return None, None
        # subject-first: an actor mention in the few words before the verb
        lo = max(sent_start, cs - 60)
        for m, ks, ke, kind in reversed(ctx.actors_between(lo, cs)):
            if ctx.inside_quote(ks) or _governed(key, ks) or not ok(m, kind):
                continue
            if kind == "state" and m.method == "adjective" and not ctx.institution_before(ks):
                continue
            if len(_WORD.findall(key[ke:cs])) > 3:
                break
            return m, None
        src = self._unnamed(ctx, lo, cs)
        if src is not None and len(_WORD.findall(key[src[1]:cs])) <= 3:
            return None, src[2]
        before = key[max(sent_start, cs - 40):cs]
        if any(b in before for b in _BACKREF):
            for m, ks, ke, kind in reversed(ctx.actors_between(max(0, cs - carry), cs)):
                if kind == "person" and not ctx.inside_quote(ks) and not fem:
                    return m, None
        if gap_words > 3 or cue.weak:
            return None, None
        titled = self._titled(ctx, sent_start, cs)
        if titled is not None:
            return None, titled
        if len(_WORD.findall(key[sent_start:cs])) > 3:
            # a second verb in a sentence ("أشاد بوتين ...، وقال إن"): the subject of the sentence
            subj = self._subject(ctx, sent_start, cs, fem)
            if subj is not None:
                return subj, None
        # a verb with no subject of its own continues the previous speaker
        if prev is not None and cs - prev.content[1] <= carry and _agrees(prev, fem):
            return prev.speaker, prev.speaker_name
        # ... or the subject of the previous sentence
        ps = ctx.sentence_start(max(0, sent_start - 1))
        for m, ks, ke, kind in ctx.actors_between(ps, sent_start):
            if kind == "person" and not fem and not _governed(key, ks) and not ctx.inside_quote(ks):
                return m, None
        return None, None

    def _subject(self, ctx: "_Context", start: int, end: int, fem: bool) -> Mention | None:
        """The first actor of ``[start, end)`` not governed by a preposition (a person first)."""
        key = ctx.key
        cands = [a for a in ctx.actors_between(start, end)
                 if not ctx.inside_quote(a[1]) and not _governed(key, a[1]) and not (fem and a[3] == "person")
                 and not (a[3] == "state" and a[0].method == "adjective" and not ctx.institution_before(a[1]))]
        persons = [a for a in cands if a[3] == "person"]
        if persons:
            return persons[0][0]
        return cands[0][0] if cands else None

    # ------------------------------------------------------------------------------ headlines
    def _headlines(self, ctx: "_Context") -> list[_Found]:
        key = ctx.key
        out = []
        for lm in _LINE.finditer(key):
            ls, le = lm.start(), lm.end()
            line = key[ls:le]
            for cm in re.finditer(r":", line):
                c = ls + cm.start()
                # the speaker: the actor mention ending right before the colon
                cands = [a for a in ctx.actors_between(ls, c) if key[a[2]:c].strip() == ""]
                if not cands:
                    continue
                m, ks, ke, kind = cands[-1]
                head = key[ls:ks].strip()
                # "بوتين لأردوغان:" : the speaker is the mention before the addressee
                if head and ks > 0 and key[ks - 1] == "ل":
                    prev = [a for a in ctx.actors_between(ls, ks - 1) if key[a[2]:ks - 1].strip() == ""]
                    if prev:
                        m, ks, ke, kind = prev[-1]
                        head = key[ls:ks].strip()
                if head and not head.endswith(":"):
                    continue
                rest = _trim(key, c + 1, min(le, ctx.sentence_end(c + 1)))
                if rest[1] - rest[0] < 5 or len(_WORD.findall(key[rest[0]:rest[1]])) < 2:
                    continue
                out.append(_Found((ks, c + 1), rest, m, None, True))
                break
        return out

    # ------------------------------------------------------------------------------ according to
    def _according(self, ctx: "_Context") -> list[_Found]:
        key = ctx.key
        out = []
        if not any(h in key for h in ("وفق", "حسب", "نقلا", "طبقا")):
            return out
        for am in self.cues._according_re.finditer(key):
            cs, ce = am.start(), am.end()
            if ctx.inside_quote(cs):
                continue
            sent_start, sent_end = ctx.sentence_start(cs), ctx.sentence_end(cs)
            # the source: an actor or unnamed source right after the cue (after "ما أورد" ...)
            pos = ce
            vm = None
            for v in self.cues.according_verbs:
                if key.startswith(v, pos + (1 if key[pos:pos + 1] == " " else 0)):
                    vm = v
                    break
            region_end = min(sent_end, pos + 80)
            speaker, sname = None, None
            actors = [a for a in ctx.actors_between(pos, region_end)
                      if not (a[3] == "state" and a[0].method == "adjective" and not ctx.institution_before(a[1]))]
            if actors:
                m, ks, ke, kind = actors[0]
                if len(_WORD.findall(key[pos:ks])) <= (4 if vm else 1):
                    speaker = m
                    src_end = ke
            if speaker is None:
                src = self._unnamed(ctx, pos, region_end)
                if src is not None and len(_WORD.findall(key[pos:src[0]])) <= (4 if vm else 1):
                    sname = src[2]
                    src_end = src[1]
            if speaker is None and sname is None:
                continue
            pre = key[sent_start:cs].strip(" ,،\n\"")
            after = key[sent_start:cs].rstrip().endswith(",") and key[cs] == "و"
            if len(_WORD.findall(pre)) >= 3 and not after:
                content = _trim(key, sent_start, cs)
                # the clause before: from the last comma-free stretch start (sentence start)
            else:
                comma = key.find(",", src_end, sent_end)
                if comma < 0:
                    continue
                content = _trim(key, comma + 1, sent_end)
            if content[1] - content[0] < 5:
                continue
            out.append(_Found((cs, ce), content, speaker, sname, ctx.has_quotation(content[0], content[1], 2)))
        return out


_COMMA = re.compile(r"[,;]\s*|\s+(?=و?(?:مضيف|مشير|مؤكد|موكد|لافت|معتبر|مشدد|موضح))")
_ACCORDING_HEADS = frozenset({"وفق", "وفقا", "بحسب", "حسب", "نقلا"})
_LINE = re.compile(r"[^\n]+")
_MARKS = re.compile(r'["\n]')


def _first_opener(ctx: "_Context", start: int, end: int) -> int | None:
    """The first quotation opening in ``[start, end)`` that holds speech (not a quoted name)."""
    for s, e in ctx.pairs_in(start, end):
        if start <= s < end and len(_WORD.findall(ctx.key[s + 1:e])) >= ctx.cues.min_direct_words:
            return s
    return None


def _strong_start(key: str, start: int, ctx: "_Context") -> bool:
    """Whether content at ``start`` was opened by a complementizer, a colon or a quotation mark."""
    before = key[max(0, start - 6):start].rstrip()
    if before.endswith(":"):
        return True
    if ctx.pair_at(start) is not None:
        return True
    w = _WORD.findall(key[max(0, start - 8):start])
    return bool(w) and w[-1] in ctx.cues.complementizers


def _agrees(prev: _Found, feminine: bool) -> bool:
    return not (feminine and prev.speaker is not None and prev.speaker_kind == "person")


def _governed(key: str, ks: int) -> bool:
    """Whether a mention starting at ``ks`` is governed by a preposition (لأردوغان، مع بوتين)."""
    if ks > 0 and key[ks - 1].isalpha():
        return key[ks - 1] in "لب"
    prev = _WORD.findall(key[max(0, ks - 12):ks])
    return bool(prev) and prev[-1] in _GOVERNING


def _trim(key: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (key[s] in " \n\t\"'-:,." ):
        s += 1
    while e > s and key[e - 1] in " \n\t\"'.,;:-":
        e -= 1
    return s, e


class _Context:
    """Per-article indexes in key offsets: words, sentences, quotation pairs, actor mentions."""

    __slots__ = ("article", "norm", "key", "cues", "words", "_ends", "_starts", "pairs", "_pair_starts",
                 "actors", "_actor_starts", "_adj", "_name_spans", "quotes_found")

    def __init__(self, article: Article, norm: Normalized, cues: QuoteCues):
        self.article = article
        self.norm = norm
        self.cues = cues
        key = self.key = norm.key

        self.pairs = _pairs(article.text, norm)
        self._pair_starts = [p[0] for p in self.pairs]
        ends = []
        for m in re.finditer(r"\n|[.!?؟](?=\s|$|[\"»”])", key):
            if m.group() != "\n" and self.inside_quote(m.start()) and "\n" not in key[m.start():m.start() + 1]:
                continue
            ends.append(m.end())
        self._ends = ends
        self._starts = ends
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
        self.quotes_found: list[_Found] = []

    def words_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.key, start, end)]

    def institution_before(self, ks: int) -> bool:
        """Whether an adjective at ``ks`` follows an institution noun (الخارجية التركية)."""
        prev = _WORD.findall(self.key[max(0, ks - 20):ks])
        return bool(prev) and (prev[-1] in self.cues.institutions
                               or (prev[-1][:1] in "وفلب" and prev[-1][1:] in self.cues.institutions))

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

    def sentence_end(self, pos: int, allow_quotes: bool = False) -> int:
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
            if e <= end + 1 and len(_WORD.findall(self.key[s + 1:e])) >= min_words:
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
                if len(_WORD.findall(key[inner[0]:inner[1]])) >= self.cues.min_direct_words:
                    return _trim(key, *inner)
                return None
            if e < j - 1:
                return None
        return None

    def last_quote_before(self, cs: int) -> _Found | None:
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


__all__ = ["QuoteCues", "QuoteExtractor"]
