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
    * a title and a name the knowledge base lacks (``الباحث فلان``، ``د. فلان``): no entity, the name
      words as ``speaker_name``; later ``وذكر فلان`` (the surname) or ``وأضاف الباحث`` refer back to it.
    * news media (KB outlets, ``صحيفة/وكالة ...`` heads): ``نقلت صحيفة X عن Y`` is Y's quote; a medium
      with a speech verb speaks; ``بحسب وكالة X`` without one is no quote; ``outlet :headline`` lines
      are not speech of the outlet. See ``README_quotes_figures.md``.
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
# folded keys (the key view writes alef maqsura as ya: على -> علي, إلى -> الي)
_GOVERNING = frozenset("مع الي علي عن من في لدي بين ضد حول بشان عبر".split())
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
    reports: bool = False
    adjacent: bool = False


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
                reports, adjacent = bool(v.get("reports", False)), bool(v.get("speaker_adjacent", False))
                finite = {key(n) for n in v.get("finite") or []}
                for form, names in (("finite", v.get("finite")), ("participle", v.get("participles")),
                                    ("noun", v.get("nouns"))):
                    for n in names or []:
                        k = key(n)
                        fem = (form == "finite" and ((k.endswith("ت") and not lemma.endswith("ت"))
                                                     or (k.startswith("ت") and "ي" + k[1:] in finite))) \
                            or (form == "participle" and k.endswith("ه"))
                        self.words.setdefault(k, _Cue(lemma, form, weak, preps, cap, fem, reports, adjacent))
            self.complementizers = frozenset(key(w) for w in data["complementizers"])
            self.according = sorted({key(w) for w in data["according_to"]}, key=len, reverse=True)
            self.according_verbs = sorted({key(w) for w in data.get("according_to_verbs", [])}, key=len, reverse=True)
            us = data["unnamed_sources"]
            self.source_heads = frozenset(key(w) for w in [*us["heads"], *(us.get("definite_heads") or ())])
            self.source_adjectives = frozenset(key(w) for w in us["adjectives"])
            self.min_direct_words = int(data.get("min_direct_words", 3))
            self.max_gap_words = int(data.get("max_gap_words", 18))
            self.institutions = frozenset(key(w) for w in data.get("institutions", []))
            self.titles = frozenset(key(w) for w in data.get("titles", []))
            self.honorifics = frozenset(key(w) for w in data.get("honorifics", []) if " " not in w)
            self.titles |= self.honorifics
            self.carry_chars = int(data.get("carry_chars", 600))
            self.governing = frozenset(key(w) for w in data.get("governing") or ()) or _GOVERNING
            self.media_heads = frozenset(key(w) for w in data.get("media_heads") or ())
            self.media_anaphors = frozenset(key(w) for w in data.get("media_anaphors") or ())
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

    def __init__(self, cues: QuoteCues | None = None, media: frozenset[str] | None = None):
        self.cues = cues or QuoteCues.load()
        self.normalizer = Normalizer()
        self._media = media

    @property
    def media(self) -> frozenset[str]:
        """Entity ids of news media (kind company in the knowledge base's ``media.yaml``), read on first use."""
        if self._media is None:
            self._media = load_media_ids()
        return self._media

    # ------------------------------------------------------------------------------ driver
    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        ctx = _Context(article, norm, self.cues, self.media)
        found: list[_Found] = []
        for q in self._headlines(ctx):
            found.append(q)
            ctx.quotes_found.append(q)
        heads = {q.cue[0] for q in found}
        lookup = self.cues._prefixed.get
        for cm in _WORD.finditer(key):
            hit = lookup(cm.group())
            if hit is None:
                continue
            ws, we = cm.start(), cm.end()
            if ws in heads or ctx.in_name(ws, we) or ctx.inside_quote(ws):
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
                if cue.adjacent and cue.form == "noun":
                    break  # "حديث الرئيس عن"، "إعلان فلان أن": a noun needs its own complementizer
                content_start = colon + 1
                break
            if quote is not None:
                if cue.adjacent and cue.form == "noun":
                    break
                content_start = quote
                break
            if j >= len(words) or nxt >= sent_end or k > gap_limit:
                break
            ws, we, w = words[j]
            if w in self.cues.complementizers and not (j and words[j - 1][2] in _NOT_SPEECH_BEFORE):
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
                if other is not None and (other[0].form == "finite" or (
                        other[0].form == "participle" and key[pos:ws].strip(" ") == ",")):
                    break  # another speech verb ("، مشيرة إلى"): this one has no content of its own
            pos = we
            j += 1
            k += 1
        speaker_region = (ce, content_start if content_start is not None else min(pos, sent_end))
        speaker, sname = None, None
        if cue.form == "participle":
            speaker, sname = self._speaker_back(ctx, cs, cue)
        if speaker is None and sname is None:
            speaker, sname = self._speaker_in(ctx, *speaker_region, cue)
            if cue.adjacent and speaker is not None:
                after = _WORD.search(key, ctx.norm.from_original(speaker.end))
                if _WORD.search(key, ce, ctx.key_start(speaker)) is not None or (
                        cue.form != "noun" and after is not None and (
                            after.group() in self.cues.complementizers or after.group() in cue.preps)):
                    speaker = None  # "يصف الحلف بأنه": the described, not the speaker
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
        if speaker is None and sname is None and content_start is not None:
            sname = self._titled(ctx, ce, content_start)  # "قال د. فلان إن": the titled name after the verb
        if speaker is None and sname is None and cue.form != "participle" and not cue.weak:
            speaker, sname = self._speaker_back(ctx, cs, cue, k)
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
    def _speaker_in(self, ctx: "_Context", start: int, end: int, cue: _Cue | None = None
                    ) -> tuple[Mention | None, str | None]:
        key = ctx.key
        # "وقال، بحسب ما نقلته وكالة ...": the source of the report is not the speaker
        acc = self.cues._according_re.search(key, start, end)
        if acc is not None:
            end = acc.start()
        # a medium (or a reporting verb) citing someone: "نقلت صحيفة X عن الخبير Y"
        cited = self._cited(ctx, start, end, cue)
        if cited is not None:
            return cited
        best = None
        for m, ks, ke, kind in ctx.actors_between(start, end):
            if ctx.inside_quote(ks) or ctx.governed(ks):
                continue
            if kind == "state" and m.method == "adjective" and not ctx.institution_before(ks):
                continue
            if kind == "person":
                return m, None
            if best is None:
                best = m
        src = self._unnamed(ctx, start, end)
        if best is not None and (src is None or ctx.key_start(best) < src[0]):
            # an organization inside a title ("مدير مركز ...، فلان"): the titled person speaks
            if ctx.article.entities.get(best.entity) is not None \
                    and ctx.article.entities[best.entity].kind == "org" and not ctx.is_media(best):
                named = self._titled(ctx, start, end, name_only=True)
                if named is not None:
                    return None, named
            return best, None
        if src is not None:
            return None, src[2]
        if best is None:
            w = _WORD.search(key, start, end)
            if w is not None and len(_WORD.findall(key[start:w.start()])) == 0:
                word = w.group()
                # "وأكدت الوكالة أن": the medium named last
                if word in self.cues.media_anaphors:
                    m = ctx.last_media_before(start)
                    if m is not None:
                        return m, None
                # "وذكر علاوي أن": the surname of a speaker introduced before by a title; "وتؤكد المحللة"
                # (the title alone): the last speaker introduced with that title
                name = ctx.titled.get(word)
                if name is None and (word in self.cues.titles or word[1:] in self.cues.titles):
                    nxt = _WORD.search(key, w.end(), end)
                    if nxt is None or nxt.group() in self.cues.complementizers:
                        name = ctx.titled.get("@" + word)
                if name is not None:
                    return None, name
        return best, None

    def _cited(self, ctx: "_Context", start: int, end: int, cue: _Cue | None
               ) -> tuple[Mention | None, str | None] | None:
        """The speaker after عن when a medium or a reporting verb cites them; None if there is no such citation."""
        key = ctx.key
        if "عن" not in key[start:end] and "لسان" not in key[start:end]:
            return None
        for w in _WORD.finditer(key, start, end):
            if w.group() != "عن" and w.group() != "لسان":  # "عن فلان"، "على لسان فلان"
                continue
            if ctx.inside_quote(w.start()):
                return None
            before = [a for a in ctx.actors_between(start, w.start()) if not ctx.governed(a[1])]
            if not ((cue is not None and cue.reports) or any(ctx.is_media(a[0]) for a in before)):
                return None
            if any(a[3] == "person" for a in before):
                return None  # "قال بوتين عن أردوغان": a person speaks about someone
            return self._source_after(ctx, w.end(), end)
        return None

    def _source_after(self, ctx: "_Context", s: int, end: int) -> tuple[Mention | None, str | None] | None:
        """The cited speaker right after عن: a person, a titled name, an unnamed source, or an actor."""
        first = None
        for m, ks, ke, kind in ctx.actors_between(s, end):
            if ctx.inside_quote(ks):
                continue
            adjacent = len(_WORD.findall(ctx.key[s:ks])) == 0
            if kind == "person" and (adjacent or not ctx.governed(ks)):
                return m, None
            if first is None and adjacent and not (kind == "state" and m.method == "adjective"):
                first = m
        named = self._titled(ctx, s, end, name_only=first is not None)
        if named is not None:
            return None, named
        src = self._unnamed(ctx, s, end)
        if src is not None and len(_WORD.findall(ctx.key[s:src[0]])) == 0:
            return None, src[2]
        if first is not None:
            return first, None
        # "نقلت الوكالة عن قاسمي قوله": a short name the knowledge base does not know, closed by قوله، أن
        # or a colon
        words = []
        for w in _WORD.finditer(ctx.key, s, end):
            g = w.group()
            if g in _SAYING or g in self.cues.complementizers or (words and g in self.cues.titles):
                break  # "عن فلان قوله"، "عن فلان أن"، "عن فلان رئيس المرصد قوله"
            if len(words) >= 3 or g in self.cues.governing or g in _NOT_NAME or self.cues.lookup(g) is not None:
                return None
            words.append(w)
        else:
            return None
        if not words or (g not in self.cues.titles and ctx.key[words[-1].end():w.start()].strip(" ") not in ("", ":")):
            return None
        os_, oe = ctx.norm.to_original(words[0].start(), words[-1].end())
        return None, ctx.article.text[os_:oe]

    def _titled(self, ctx: "_Context", start: int, end: int, name_only: bool = False) -> str | None:
        """A speaker named by a title and a name the knowledge base does not know (الباحث فلان).

        The name is found by :func:`_name_of`; a title with no name ("الباحث في المجلس") gives the whole
        stretch, or None with ``name_only``. Found names are remembered for "وذكر فلان" and "وأضاف الباحث".
        """
        key = ctx.key
        ws = ctx.words_between(start, end)
        if not ws or len(ws) > 16:
            return None
        first = ws[0][2]
        if first not in self.cues.titles and not (first[:1] in "وف" and first[1:] in self.cues.titles):
            return None
        s, e = ws[0][0], end
        # the stretch ends before a circumstance ("في تصريح"، "خلال مؤتمر"، "لـ«الصحيفة»"), a complementizer,
        # a quotation or another speech word
        for n, w in enumerate(ws[1:], 1):
            g = w[2]
            nxt = ws[n + 1][2] if n + 1 < len(ws) else ""
            if g in _SAYING or g in self.cues.complementizers or self.cues.lookup(g) is not None \
                    or g in ("ل", "خلال") or (g in ("في", "ل", "عبر") and nxt.startswith(_CIRCUMSTANCE)):
                e = min(e, w[0])
                break
        q = _first_opener(ctx, s, e)
        if q is not None:
            e = q
        s, e = _trim(key, s, e)
        if e - s < 3:
            return None
        name = _name_of(key, s, e, self.cues)
        if name is None:
            if name_only:
                return None
            ns, ne = s, e
        else:
            ns, ne = name
        os_, oe = ctx.norm.to_original(ns, ne)
        text = ctx.article.text[os_:oe]
        if name is not None:
            ctx.titled[key[ns:ne].split()[-1]] = text
            ctx.titled["@" + (first if first in self.cues.titles else first[1:])] = text
        return text

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
            if ctx.inside_quote(ks) or ctx.governed(ks) or not ok(m, kind):
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
            if kind == "person" and not fem and not ctx.governed(ks) and not ctx.inside_quote(ks):
                return m, None
        return None, None

    def _subject(self, ctx: "_Context", start: int, end: int, fem: bool) -> Mention | None:
        """The first actor of ``[start, end)`` not governed by a preposition (a person first)."""
        key = ctx.key
        cands = [a for a in ctx.actors_between(start, end)
                 if not ctx.inside_quote(a[1]) and not ctx.governed(a[1]) and not (fem and a[3] == "person")
                 and not ctx.is_media(a[0])  # an outlet is a speaker only next to its verb
                 and not (a[3] == "state" and a[0].method == "adjective" and not ctx.institution_before(a[1]))]
        persons = [a for a in cands if a[3] == "person"]
        if persons:
            return persons[0][0]
        return cands[0][0] if cands else None

    # ------------------------------------------------------------------------------ headlines
    def _headlines(self, ctx: "_Context") -> list[_Found]:
        key = ctx.key
        out = []
        outlet = self.normalizer.key(ctx.article.outlet) if ctx.article.outlet else None
        seen: set[str] = set()
        for lm in _LINE.finditer(key):
            ls, le = lm.start(), lm.end()
            line = key[ls:le]
            if ":" not in line:
                continue
            for cm in re.finditer(r":", line):
                c = ls + cm.start()
                # "outlet :headline" (a press-file item): the outlet names its item, it does not speak
                if outlet and key[ls:c].strip() == outlet:
                    continue
                # the speaker: the actor mention ending right before the colon
                cands = [a for a in ctx.actors_between(ls, c) if key[a[2]:c].strip() == ""]
                if not cands:
                    continue
                m, ks, ke, kind = cands[-1]
                head = key[ls:ks].strip()
                if ctx.is_media(m) and (not head or head.endswith(":")):
                    continue  # a medium naming its report ("رويترز: ..."), not speech
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
                said = key[rest[0]:rest[1]]
                if said not in seen:  # the same headline again (a link to the article): one act of speech
                    seen.add(said)
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
                    if ctx.is_media(m):
                        # "بحسب ما نقلت الوكالة عن مسؤول": the official; "بحسب الأناضول": a source, not speech
                        cited = self._cited(ctx, pos, region_end, None)
                        if cited is not None:
                            speaker, sname = cited
                        elif not vm:
                            continue
            if speaker is None:
                src = self._unnamed(ctx, pos, region_end)
                # "بحسب المصادر" (the sources named before, no speech verb) is no quote of its own
                if src is not None and len(_WORD.findall(key[pos:src[0]])) <= (4 if vm else 1) \
                        and (vm or not key.startswith("ال", src[0])):
                    sname = src[2]
                    src_end = src[1]
            if speaker is None and sname is None:
                name = _WORD.match(key, pos + 1 if key[pos:pos + 1] == " " else pos)
                if name is not None and name.group() in ctx.titled:  # "وفق بورشفسكايا"
                    sname = ctx.titled[name.group()]
                    src_end = name.end()
            if speaker is None and sname is None:
                continue
            # "وقال فلان، بحسب ما نقلته ...، إن": a parenthesis of the speech verb before, not a quote of its own
            prev = _WORD.findall(key[max(sent_start, cs - 24):cs])
            if key[sent_start:cs].rstrip().endswith(",") and (
                    (prev and self.cues.lookup(prev[-1]) is not None)
                    or any(sent_start <= f.cue[0] < cs and f.content[0] >= cs for f in ctx.quotes_found)):
                continue
            pre = key[sent_start:cs].strip(" ,،\n\"")
            after = key[sent_start:cs].rstrip().endswith(",") and key[cs] == "و"
            if after:
                # "...، ووفقا لفلان، الذي ...": a relative clause describes the source; the content is before
                comma = key.find(",", src_end, sent_end)
                nxt = _WORD.match(key, comma + 1 if key[comma + 1:comma + 2] != " " else comma + 2) if comma >= 0 else None
                after = nxt is None or nxt.group() not in ("الذي", "التي", "الذين", "اللذين", "اللتين")
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


#: words before أن that make it no complementizer of speech ("قبل أن"، "يجب أن") (folded)
_NOT_SPEECH_BEFORE = frozenset("قبل بعد دون منذ حتي يجب يمكن بد ما لابد عسي".split())
#: nouns of the occasion of speech: "في تصريح"، "خلال مؤتمر" end a titled speaker's name (folded prefixes)
_CIRCUMSTANCE = tuple("تصريح حديث مقابله بيان اتصال مؤتمر كلمه لقاء تغريده منشور مقال".split())
#: "قوله" and its kin: the cited speaker's words follow
_SAYING = frozenset("قوله قولها قولهم حديثه حديثها".split())
#: words that are never part of a name after a title (folded)
_NOT_NAME = frozenset("باسم بشان نحو ان انه انها ما لا لم لن قد اليوم امس غدا الاحد الاثنين الثلاثاء الاربعاء الخميس "
                      "الجمعه السبت صباح مساء".split())


def _name_of(key: str, s: int, e: int, cues: QuoteCues) -> tuple[int, int] | None:
    """The name inside a titled stretch ``key[s:e]``, or None.

    Tried in order: an honorific and the words after it ("العقيد فلان الفلاني")، a comma-separated part
    that is only a name ("المحلل السياسي، فلان، ...")، the words at the end after the title's attributes
    ("الخبير في المجلس الروسي فلان الفلاني"). A name has one to three words, does not start with ال and
    holds no title, preposition or function word.
    """
    ws = list(_WORD.finditer(key, s, e))
    if not ws:
        return None

    def ok(w: str) -> bool:
        return w not in cues.titles and w not in cues.governing and w not in _NOT_NAME

    # an honorific (د، الدكتور، العقيد ...) and the name after it, in any part
    for i, w in enumerate(ws[:-1]):
        if w.group() in cues.honorifics:
            name = []
            for x in ws[i + 1:i + 4]:
                g = x.group()
                if not ok(g) or (g.startswith("ال") and (not name or name[-1].group().startswith("ال"))) \
                        or key[(name[-1] if name else w).end():x.start()].strip():
                    break
                name.append(x)
            if name and not (len(name) == 1 and name[0].group().startswith("ال")):
                return name[0].start(), name[-1].end()
    parts = []
    pos = s
    for m in re.finditer(r"[,;؛]", key[s:e]):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    for ps, pe in reversed(parts[1:]):
        pw = list(_WORD.finditer(key, ps, pe))
        if 1 <= len(pw) <= 4 and not pw[0].group().startswith("ال") and all(ok(x.group()) for x in pw):
            return pw[0].start(), pw[-1].end()
    name: list[re.Match] = []
    i = len(ws) - 1
    while i > 0:
        w = ws[i].group()
        if not ok(w) or w in cues.source_adjectives or len(name) >= 3:
            break
        if w.startswith("ال") and not (i == len(ws) - 1 and not ws[i - 1].group().startswith("ال")):
            break
        name.insert(0, ws[i])
        i -= 1
    if not name or (len(name) == 1 and name[0].group().startswith("ال")):
        return None
    # the name follows the title or one of its attributes (الروسية، المرصد), not an ordinary word
    before = ws[i].group()
    if not (before in cues.titles or before.startswith("ال") or (before[:1] in "وف" and before[1:] in cues.titles)):
        return None
    return name[0].start(), name[-1].end()


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


def _governed(key: str, ks: int, governing: frozenset[str] = _GOVERNING) -> bool:
    """Whether a mention starting at ``ks`` is governed by a preposition (لأردوغان، مع بوتين)."""
    if ks > 0 and key[ks - 1].isalpha():
        return key[ks - 1] in "لب"
    prev = _WORD.findall(key[max(0, ks - 12):ks])
    return bool(prev) and prev[-1] in governing


def _trim(key: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (key[s] in " \n\t\"'-:,." ):
        s += 1
    while e > s and key[e - 1] in " \n\t\"'.,;:-":
        e -= 1
    return s, e


class _Context:
    """Per-article indexes in key offsets: words, sentences, quotation pairs, actor mentions."""

    __slots__ = ("article", "norm", "key", "cues", "words", "_ends", "_starts", "pairs", "_pair_starts",
                 "actors", "_actor_starts", "_adj", "_name_spans", "quotes_found", "media", "titled")

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

    def is_media(self, m: Mention) -> bool:
        """Whether a mention names a news medium (an outlet of the KB, or a name headed by صحيفة، وكالة ...)."""
        if m.entity in self.media:
            return True
        w = _WORD.match(self.key, self.norm.from_original(m.start))
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


def load_media_ids(path: str | Path | None = None) -> frozenset[str]:
    """The ids of the news media of the knowledge base (``actors/data/media.yaml``, rows of kind company)."""
    ref = Path(path) if path else resources.files("marsad.actors").joinpath("data/media.yaml")
    try:
        rows = yaml.safe_load(ref.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        return frozenset()
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read the media list: {exc}", str(ref)) from exc
    if not isinstance(rows, list):
        raise KnowledgeBaseError("the media list must be a list of entries", str(ref))
    return frozenset(str(r["id"]) for r in rows if isinstance(r, dict) and r.get("kind") == "company" and "id" in r)


__all__ = ["QuoteCues", "QuoteExtractor", "load_media_ids"]
