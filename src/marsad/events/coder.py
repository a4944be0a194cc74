"""The PLOVER event coder for Arabic: ``Article -> Article`` after the actor layer.

Per sentence it finds trigger words (``triggers.yaml``, one dictionary lookup per word), then the
actors of the trigger among the sentence's actor mentions with Arabic word order:

* verb first, subject after the verb (``استقبل بوتين أردوغان``), or subject before the verb;
* prepositions mark roles per trigger (``مع`` counterpart, ``إلى``/``ل`` destination, ``على``/``ضد``
  the attacked or accused, ``من`` the one asked); ``بين X و Y`` gives the two parties;
* ``X و Y`` coordinated on one side give one event per actor of that side; three or more parties of a
  symmetric interaction give one event per pair;
* noun triggers take their agent from a state adjective (``قمة روسية تركية``, ``الغارات الروسية``) or
  a genitive actor (``زيارة أردوغان``), else from the subject of the verb before them;
* passives (``تم توقيع``, a verb written with damma ``استُقبل``) take no subject.

Precision first: no trigger, no event; a symmetric type (CONSULT, AGREE, COOPERATE) needs two
parties; other types need a stated recipient unless the ontology marks them ``one_sided``; an
actor is never coded with itself; there is no default code. The modality comes from cues near the
trigger (``cues.yaml``). One interaction reported several times in an article is one event with
several mentions. ``date``, ``date_precision`` and ``dossiers`` are left for later components.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from itertools import combinations

from marsad.events.agents import AGENT_PREFIX, UNCODED, actor_ref
from marsad.events.lexicon import Form, Lexicon
from marsad.events.ontology import Ontology
from marsad.types import ActorRef, Article, Event, Span

_DAMMA = "\u064f"
_COMPLEMENT_PREPS = frozenset({"الي", "علي", "عن", "من", "بشان"})
#: types whose recipient may stand in the complement of the verb (رفضت واشنطن تسليم المنظومة إلى أنقرة)
COMPLEMENT_TYPES = frozenset({"REJECT", "REQUEST", "THREATEN", "SUPPORT"})
_PARTICLES = frozenset({"قد", "لم", "لن", "لا", "سوف", "ما", "لقد", "وقد"})
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان"})
_NOMINAL_PRES = frozenset({"ال", "ب", "ك", "ل"})
_NOUN_CONTEXT = frozenset({"من", "في", "الي", "علي", "عن", "مع", "بعد", "قبل", "خلال", "عقب", "اثر", "منذ", "ما"})
_COMMAS = frozenset({"،", ",", "؛", ";"})
_VS_SKIP = frozenset({"اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
                      "ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "رسميا", "مساء", "صباح", "صباحا", "مساءا",
                      # quantifiers before a group noun (تظاهر آلاف الطلاب، قتل عشرات المسلحين)
                      "الاف", "مئات", "عشرات", "ملايين", "الالاف", "المئات", "العشرات", "اعداد", "حشود"})
_THAT = frozenset({"ان", "بان", "لان", "وان"})
_CONTEXT_PREPS = frozenset({"في", "خلال", "اثر", "جراء", "بعد", "قبل", "منذ", "عقب", "اثناء"})
_CLAUSE_PUNCT = frozenset(".؛;:!?؟\n")
_TRIM = " \t\n\u00a0،,.:;؛-–—\"'«»“”"


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    stem: str  # folded stem key
    whole: str  # folded key of proclitics + stem
    pres: tuple[str, ...]  # folded proclitics
    sentence: int
    stem_start: int
    stem_end: int
    full: str = ""  # folded key of the whole written word (clitics included)
    suffix: str = ""  # folded pronoun enclitic, if any


@dataclass(slots=True)
class _Actor:
    """One actor phrase: adjacent mentions acting for one code."""

    w0: int
    w1: int
    start: int
    end: int
    code: str
    entity: str | None
    confidence: float
    adjective: bool  # only state adjectives
    metonym: bool  # only capitals / seats
    prep: str | None = None
    head: int | None = None  # for adjectives: the word they modify
    group: int = -1  # coordination group id


@dataclass(slots=True)
class _Hit:
    form: Form
    w0: int
    w1: int


@dataclass(slots=True)
class _Found:
    type: str
    mode: str | None
    source: tuple[str, str | None] | None  # (code, entity)
    target: tuple[str, str | None] | None
    modality: str
    background: bool
    confidence: float
    evidence: Span
    trigger: Span
    extra: list[Span] = field(default_factory=list)


class EventCoder:
    """``Article -> Article``: codes PLOVER events from the article's sentences and actor mentions."""

    name = "events"

    def __init__(self, ontology: Ontology, lexicon: Lexicon, kb=None):
        self.ontology = ontology
        self.lexicon = lexicon
        self.kb = kb
        self.cues = lexicon.cues
        self._max_phrase = max((len(f.words) for fs in lexicon.phrases.values() for f in fs), default=1)
        ag = lexicon.agents
        self._agent_keys = ag.keys | frozenset("ال" + k for k in ag.keys) if ag is not None else frozenset()

    # ------------------------------------------------------------------------------- entry
    def __call__(self, article: Article) -> Article:
        if not article.tokens or not article.sentences:
            return article
        # only sentences with an actor can hold an event: words are built for those alone
        sent_starts = [x.start for x in article.sentences]
        kinds = {eid: ent.kind for eid, ent in article.entities.items()}
        keep = {bisect.bisect_right(sent_starts, m.start) - 1 for m in article.mentions
                if m.acts_for and kinds.get(m.entity) not in ("place", "thing")}
        agents = self.lexicon.agents
        if agents is not None:
            akeys = self._agent_keys
            keep.update(t.sentence for t in article.tokens if t.part == "stem" and t.norm in akeys)
        if not keep:
            return article
        words = self._words(article, keep)
        if not words:
            return article
        actors = self._actors(article, words)
        found: list[_Found] = []
        by_sentence: dict[int, list[_Actor]] = {}
        for a in actors:
            by_sentence.setdefault(words[a.w0].sentence, []).append(a)
        # sentence boundaries over the word list
        bounds: list[tuple[int, int]] = []
        s0 = 0
        for i in range(1, len(words) + 1):
            if i == len(words) or words[i].sentence != words[s0].sentence:
                bounds.append((s0, i))
                s0 = i
        for lo, hi in bounds:
            sent_actors = by_sentence.get(words[lo].sentence)
            if not sent_actors:
                continue
            hits = self._triggers(words, lo, hi)
            for hit in hits:
                found.extend(self._code(article, words, lo, hi, hit, sent_actors))
        article.events = article.events + self._merge(found)
        return article

    # ------------------------------------------------------------------------------- words
    def _words(self, article: Article, keep: set[int] | None = None) -> list[_Word]:
        out: list[_Word] = []
        cur: list = []
        for tok in article.tokens:
            if keep is not None and tok.sentence not in keep:
                continue
            if cur and tok.word != cur[0].word:
                out.append(_make_word(cur))
                cur = []
            cur.append(tok)
        if cur:
            out.append(_make_word(cur))
        return out

    # ------------------------------------------------------------------------------- actors
    def _person_state(self, entity: str | None, day: dt.date | None) -> str | None:
        if self.kb is None or entity is None:
            return None
        e = self.kb.get(entity)
        if e is None or e.kind != "person":
            return None
        roles = e.active_on(day) if day else ()
        for r in roles:
            st = self.kb.get(r.of)
            if st is not None and st.kind == "state":
                return st.id
        return None

    def _actors(self, article: Article, words: list[_Word]) -> list[_Actor]:
        cues = self.cues
        day = _day(article.published)
        starts = [w.start for w in words]
        kinds = {eid: ent.kind for eid, ent in article.entities.items()}
        methods: list[tuple] = []
        first, last = words[0].start, words[-1].end
        for m in article.mentions:
            if not m.acts_for or kinds.get(m.entity) in ("place", "thing") or m.start < first or m.start >= last:
                continue
            code = m.acts_for
            if kinds.get(m.entity) == "person":
                code = self._person_state(m.entity, day) or code
            methods.append((m.start, m.end, code, m))
        methods.sort(key=lambda x: (x[0], -x[1]))
        phrases: list[_Actor] = []
        text = article.text
        for s, e, code, m in methods:
            w0 = bisect.bisect_right(starts, s) - 1
            w1 = bisect.bisect_right(starts, e - 1) - 1
            if w0 < 0 or words[w0].end <= s:
                continue
            adj = m.method == "adjective"
            met = m.method == "metonym"
            if phrases:
                p = phrases[-1]
                gap = text[p.end:s] if s >= p.end else ""
                overlap = s < p.end
                if (overlap or gap.strip(" ،,\u00a0-–") == "") and p.code == code \
                        and words[w0].sentence == words[p.w0].sentence:
                    p.end = max(p.end, e)
                    p.w1 = max(p.w1, w1)
                    p.adjective = p.adjective and adj
                    p.metonym = p.metonym and met
                    if not adj and (p.entity is None or kinds.get(p.entity) == "state" and m.method != "adjective"):
                        p.entity = m.entity
                    p.confidence = max(p.confidence, m.confidence)
                    continue
                if overlap:
                    continue
            phrases.append(_Actor(w0, w1, s, e, code, m.entity, m.confidence, adj, met))
        if self.lexicon.agents is not None:
            phrases = self._agent_phrases(words, phrases, kinds)
        # prepositions, heads of adjectives, coordination
        preps = cues.prepositions
        kept: list[_Actor] = []
        for i, a in enumerate(phrases):
            if a.adjective and a.w0 > 0 and words[a.w0 - 1].sentence == words[a.w0].sentence and (
                    words[a.w0 - 1].whole in preps or any(p in ("ب", "ل") for p in words[a.w0].pres)):
                a.adjective = False  # a gentilic used as a noun after a preposition (على الفلسطينيين، للأتراك)
            if a.adjective:
                prev = kept[-1] if kept else None
                if prev is not None and prev.adjective and prev.head is not None and (
                        prev.w1 == a.w0 - 1 or (prev.w1 == a.w0 - 2 and words[a.w0 - 1].stem in "-–")
                        or (prev.w1 == a.w0 - 1 and "و" in words[a.w0].pres[:1])):
                    a.head, a.prep = prev.head, prev.prep  # قمة روسية تركية، الرئيسين التركي والروسي
                    kept.append(a)
                    continue
                h = a.w0 - 1
                while h >= 0 and words[h].stem in cues.actor_head_skip and a.w0 - h < 3:
                    h -= 1
                a.head = h if h >= 0 else None
                a.prep = self._prep_of(words, h, preps) if h >= 0 else None
            else:
                a.prep = self._prep_of(words, a.w0, preps)
            kept.append(a)
        group = 0
        for i, a in enumerate(kept):
            prev = kept[i - 1] if i else None
            first = words[a.w0]
            linked = False
            if prev is not None and words[prev.w0].sentence == first.sentence:
                between = text[prev.end:a.start]
                if "و" in first.pres[:1] and between.strip(" ،,\u00a0") in ("", "و"):
                    linked = True
                elif 0 < a.w0 - prev.w1 <= 3 and "و" in words[prev.w1 + 1].pres[:1] and all(
                        words[j].stem in cues.actor_heads or words[j].stem in cues.actor_head_skip
                        for j in range(prev.w1 + 1, a.w0)):
                    linked = True  # الطائرات الروسية وقوات النظام
                elif between.strip(" \u00a0") in ("،", ",") and a.prep is None and prev.prep is None \
                        and a.w0 + 1 < len(words) and _next_is_coord(kept, i, words, text):
                    linked = True
            if linked:
                a.group = prev.group
                if a.prep is None or (a.adjective and prev.adjective):
                    a.prep = prev.prep
            else:
                group += 1
                a.group = group
        return kept

    def _agent_phrases(self, words: list[_Word], phrases: list[_Actor], kinds: dict) -> list[_Actor]:
        """Generic actors (``agents.yaml``): an agent noun takes the code of a state adjective or a genitive
        actor attached to it (الشرطة العراقية، قوات النظام), else stands as an uncoded actor ``?AGENT``."""
        ag = self.lexicon.agents
        akeys = self._agent_keys
        covered: dict[int, _Actor] = {}
        for p in phrases:
            for j in range(p.w0, p.w1 + 1):
                covered[j] = p
        starts = {p.w0: p for p in phrases}
        out = list(phrases)
        n_words = len(words)
        i = 0
        while i < n_words:
            w = words[i]
            if (w.stem not in akeys and w.whole not in akeys) or i in covered:
                i += 1
                continue
            sent = w.sentence

            def keys_at(k: int, i=i, sent=sent) -> tuple[str, ...]:
                j = i + k
                if j >= n_words or words[j].sentence != sent:
                    return ()
                return (words[j].stem, _strip(words[j].whole))

            m = ag.match(keys_at)
            if m is None:
                i += 1
                continue
            n, agent = m
            end = i + n - 1
            if any(j in covered for j in range(i, end + 1)) or (
                    i > 0 and words[i - 1].sentence == sent and words[i - 1].stem in ag.not_before) or (
                    end + 1 < n_words and words[end + 1].sentence == sent and (
                        words[end + 1].stem in ag.not_after or _strip(words[end + 1].whole) in ag.not_after)):
                i = end + 1
                continue
            j = end + 1
            while j < n_words and j - end <= 2 and words[j].sentence == sent and (
                    words[j].stem in ag.skip or _strip(words[j].whole) in ag.skip) and j not in starts:
                j += 1
            if j == end + 1 and j < n_words and _strip(words[j].stem) in ag.titles and j + 1 in starts \
                    and kinds.get(starts[j + 1].entity) == "person":
                j += 1  # قوات الجنرال خليفة حفتر
            genitive = (j == end + 1 or _strip(words[j - 1].stem) in ag.titles) and j < n_words \
                and all(p == "ال" for p in words[j].pres)
            att = starts.get(j)
            if att is not None and words[j].sentence == sent and (att.adjective or (
                    genitive and kinds.get(att.entity) != "person")):
                # the state adjective or genitive actor gives the country (the agent noun heads the phrase)
                att.w0, att.start = i, w.start
                att.entity = AGENT_PREFIX + agent
                att.adjective = att.metonym = False
                att.head = None
            elif att is not None and words[j].sentence == sent and genitive:
                # a commander's troops act for the party he leads (قوات حفتر): keep his code
                att.w0, att.start = i, w.start
                att.entity = AGENT_PREFIX + agent
            elif out and out[-1].w1 == i - 1 and out[-1].code.startswith(UNCODED) and words[i - 1].sentence == sent:
                out[-1].w1, out[-1].end = end, words[end].end  # مسلحون انتحاريون: one group, the first noun's agent
            else:
                out.append(_Actor(i, end, w.start, words[end].end, UNCODED + agent, AGENT_PREFIX + agent,
                                  0.7, False, False))
            for k in range(i, max(j, end + 1)):
                covered[k] = out[-1]
            i = end + 1
        out.sort(key=lambda a: (a.w0, -a.w1))
        return out

    @staticmethod
    def _prep_of(words: list[_Word], wi: int, preps: frozenset[str]) -> str | None:
        w = words[wi]
        for p in reversed(w.pres):
            if p in ("ب", "ل", "ك"):
                return p
        if wi > 0 and words[wi - 1].sentence == w.sentence:
            pw = words[wi - 1]
            # "مع كل من X و Y": the preposition before كل من
            if pw.whole == "من" and wi > 1 and words[wi - 2].stem == "كل":
                return EventCoder._prep_of(words, wi - 2, preps) if wi > 2 else None
            # "من جانب X"، "من قبل X": the agent of a passive or a noun
            if pw.stem in ("جانب", "قبل", "طرف") and wi > 1 and words[wi - 2].whole == "من":
                return "من"
            if pw.whole in preps or pw.stem in preps:
                return pw.stem if pw.stem in preps else pw.whole
        return None

    # ------------------------------------------------------------------------------- triggers
    def _triggers(self, words: list[_Word], lo: int, hi: int) -> list[_Hit]:
        lex = self.lexicon
        hits: list[_Hit] = []
        i = lo
        keys = lex.keys
        while i < hi:
            w = words[i]
            best: _Hit | None = None
            if w.stem not in keys and w.whole not in keys and w.full not in keys and not (
                    w.pres and any(x in keys for x in _candidates(w))) and not (
                    w.stem[:1] in ("و", "ف") and w.stem[1:] in keys) and not _fallback_hit(w.full, lex):
                i += 1
                continue
            # phrases first (longest)
            for key in (w.stem, w.whole):
                for f in lex.phrases.get(key, ()):
                    n = len(f.words)
                    if i + n > hi:
                        continue
                    if all(words[i + k].stem == f.words[k] or words[i + k].whole == f.words[k]
                           or _strip(words[i + k].whole) == f.words[k] for k in range(1, n)):
                        if best is None or n > best.w1 - best.w0 + 1:
                            best = _Hit(f, i, i + n - 1)
            if best is None:
                forms = None
                for key in _candidates(w):
                    forms = lex.single.get(key)
                    if forms:
                        break
                if not forms and len(w.whole) > 3:
                    # a word the tokenizer split wrongly: read as a noun with clitics (للقائهما، زيارته)
                    forms = _fallback_hit(w.full, lex)
                if forms:
                    # a word behind ال، ب، ك or a preposition is a noun; a bare word prefers the verb reading
                    nominal = any(p in _NOMINAL_PRES for p in w.pres) or (
                        i > lo and words[i - 1].whole in _NOUN_CONTEXT) or (
                        bool(hits) and hits[-1].w1 == i - 1 and hits[-1].form.pos in ("noun", "phrase"))
                    nouns = [f for f in forms if f.pos in ("noun", "phrase")]
                    verbs = [f for f in forms if f.pos not in ("noun", "phrase")]
                    pick = nouns if nominal else (verbs or nouns)
                    if nominal and not nouns and any(p in ("ال", "ب", "ك") for p in w.pres):
                        pick = []
                    if pick:
                        best = _Hit(max(pick, key=lambda f: f.confidence), i, i)
            if best is not None and self._needs_ok(best, words, hi):
                hits.append(best)
                i = best.w1 + 1
                continue
            i += 1
        # a noun trigger right after another trigger is its complement (توقيع اتفاقية، دعا إلى وقف إطلاق النار)
        # ... or its object behind a preposition (دعا X إلى الانسحاب، طالب X بفرض عقوبات، أشاد بالتعاون)
        out: list[_Hit] = []
        for h in hits:
            if out and h.form.pos in ("noun", "phrase"):
                gap = h.w0 - out[-1].w1
                if gap <= 2 or (gap <= 7 and self._governed(words, h.w0, lo)):
                    continue
            out.append(h)
        return out

    def _governed(self, words: list[_Word], wi: int, lo: int, with_fi: bool = False) -> bool:
        """Whether word wi is introduced by a preposition (a proclitic ب/ل or إلى، على، عن، من)."""
        w = words[wi]
        if any(p in ("ب", "ل") for p in w.pres):
            return True
        if wi > lo:
            prev = words[wi - 1].whole
            return prev in _COMPLEMENT_PREPS or (with_fi and prev in _CONTEXT_PREPS)
        return False

    def _norm_key(self, w: _Word, words: list[_Word]) -> str:
        return w.full

    @staticmethod
    def _needs_ok(hit: _Hit, words: list[_Word], hi: int) -> bool:
        t = hit.form.trigger
        if t.needs_before:
            ok = False
            for j in range(max(0, hit.w0 - t.needs_before_window), hit.w0):
                if words[j].stem in t.needs_before or _strip(words[j].whole) in t.needs_before:
                    ok = True
            if not ok:
                return False
        if not t.needs:
            return True
        for j in range(hit.w1 + 1, min(hi, hit.w1 + 1 + t.needs_window)):
            if words[j].stem in t.needs or words[j].whole in t.needs or _strip(words[j].whole) in t.needs:
                return True
        return False

    # ------------------------------------------------------------------------------- coding
    def _code(self, article: Article, words: list[_Word], lo: int, hi: int, hit: _Hit,
              actors: list[_Actor]) -> list[_Found]:
        form, trig = hit.form, hit.form.trigger
        etype = self.ontology.types.get(trig.type)
        if etype is None:
            return []
        args = trig.args
        t0, t1 = hit.w0, hit.w1
        is_noun = form.pos in ("noun", "phrase")
        passive = self._passive(article, words, hit, lo)
        usable = [a for a in actors if self._usable(a, hit, words, trig)]
        if not usable:
            return []
        uncoded_ok = None
        topic = self.cues.topic_preps
        sources: list[_Actor] = []
        targets: list[_Actor] = []
        factor = 1.0
        groups: dict[int, list[_Actor]] = {}
        for a in usable:
            groups.setdefault(a.group, []).append(a)

        def side(a: _Actor) -> list[_Actor]:
            return groups[a.group]

        after = [a for a in usable if a.w0 > t1 and a.w0 - t1 <= 12
                 and not self._crosses(words, t1, a.w0, commas=True)]
        before = [a for a in usable if a.w1 < t0 and t0 - a.w1 <= 10 and not self._crosses(words, a.w1, t0)]
        between = [a for a in after if a.prep == "بين" and a.w0 - t1 <= 8]
        # --- adjectives on a noun trigger: its agent(s) (الغارات الروسية، قمة روسية تركية)
        adj = [a for a in after if a.adjective and a.head is not None and a.w0 - t1 <= 4 and (
            t0 <= a.head <= t1 or (a.head == t1 + 1 and words[a.head].stem in self.cues.actor_heads
                                   and "ل" in words[a.head].pres))] \
            if is_noun else []
        adj_ids = {id(x) for a in adj for x in side(a)}
        if adj:
            sources = [x for x in usable if id(x) in adj_ids]
        # --- prepositions the trigger names
        prep_roles: dict[str, list[_Actor]] = {"source": [], "target": []}
        for a in after:
            if a.prep is None or a.prep == "بين" or id(a) in adj_ids:
                continue
            r = args.prep_role(a.prep)
            if r is not None and not prep_roles[r] and a.w0 - t1 <= 12:
                prep_roles[r] = side(a)
        # --- subject / object / genitive
        unprep_after = [a for a in after if a.prep is None and id(a) not in adj_ids]
        unprep_before = [a for a in before if a.prep is None]
        subj: list[_Actor] = []
        obj: list[_Actor] = []
        head_role = args.head
        if head_role is not None:
            prev_act = [a for a in before if t0 - a.w1 <= 2]
            if prev_act:
                if head_role == "target":
                    targets = side(prev_act[-1])
                else:
                    sources = side(prev_act[-1])
        rel = self._relative_antecedent(words, t0, lo, before) if not is_noun and words[t0].suffix else None
        if rel is None and not is_noun and words[t0].suffix and unprep_before and unprep_before[-1].w1 == t0 - 1 \
                and unprep_after and unprep_after[0].w0 - t1 <= 2 and not passive:
            # an indefinite relative clause (ميليشيات تدعمها أنقرة): the pronoun on the verb is the noun before
            rel = unprep_before[-1]
        if head_role is not None:
            pass
        elif not is_noun:
            if rel is not None:
                # "أذربيجان التي تدعمها أنقرة": the pronoun on the verb is the antecedent
                if unprep_after and unprep_after[0].w0 - t1 <= 3:
                    subj = side(unprep_after[0])
                obj = [rel]
            elif passive:
                if unprep_after and unprep_after[0].w0 - t1 <= 4:
                    obj = side(unprep_after[0])
            elif form.agrees:
                # a dual or plural verb agrees with a subject before it (or a pronoun)
                if unprep_before and not self._complementizer(words, unprep_before[-1].w1, t0):
                    subj = side(unprep_before[-1])
                    factor = 0.85
                if unprep_after and unprep_after[0].w0 - t1 <= 3:
                    obj = side(unprep_after[0])
            elif args.subject is None:
                if unprep_after and self._adjacent_after(words, t1, unprep_after[0].w0):
                    obj = side(unprep_after[0])
            elif rel_subject := (t0 > lo and words[t0 - 1].whole in _RELATIVES):
                # "الهجوم الذي استهدف ...": the subject is the noun before the relative pronoun
                cand = [a for a in before if a.w1 == t0 - 2]
                if cand:
                    subj = side(cand[-1])
                if unprep_after and unprep_after[0].w0 - t1 <= 3:
                    obj = side(unprep_after[0])
            elif unprep_before and (unprep_before[-1].w1 == t0 - 1 or (
                    unprep_before[-1].w1 == t0 - 2 and words[t0 - 1].whole in _PARTICLES)):
                # an actor right before the verb is its subject (وروسيا تنتقد أوكرانيا)
                subj = side(unprep_before[-1])
                factor = 0.9
                if unprep_after and unprep_after[0].w0 - t1 <= 3:
                    obj = side(unprep_after[0])
            else:
                if unprep_after and self._adjacent_after(words, t1, unprep_after[0].w0):
                    subj = side(unprep_after[0])
                    factor = 0.95
                    rest = [a for a in unprep_after if a.group != unprep_after[0].group]
                    if rest and rest[0].w0 - unprep_after[0].w1 <= 4:
                        obj = side(rest[0])
                else:
                    if unprep_before:
                        subj = side(unprep_before[-1])
                        factor = 0.85
                    if unprep_after and unprep_after[0].w0 - t1 <= 3:
                        obj = side(unprep_after[0])
            if args.object == "pair" and obj and len(_codes(obj)) >= 2:
                sources, targets = list(obj), []
            for role, val in ((args.subject, subj), (args.object, obj)):
                if role == "source" and val and not sources:
                    sources = list(val)
                elif role == "target" and val and not targets:
                    targets = list(val)
        else:
            gen = [a for a in unprep_after if not a.adjective and (a.w0 == t1 + 1 or (
                a.w0 == t1 + 2 and words[t1 + 1].stem in self.cues.actor_heads))]
            if gen:
                # a verbal noun with a pronoun takes an object (لقائه نظيره التركي)
                role = args.object if (passive or words[t1].suffix) else args.genitive
                if role == "source" and not sources:
                    sources = side(gen[0])
                elif role == "target" and not targets:
                    targets = side(gen[0])
        if prep_roles["source"] and not sources:
            sources = prep_roles["source"]
        if prep_roles["target"] and not targets:
            targets = [a for a in prep_roles["target"] if a.code not in _codes(sources)] or targets
        # --- بين X و Y
        pair_mode = False
        no_pairs = False
        if between:
            grp = side(between[0])
            codes = _codes(grp)
            if args.between == "targets":
                if not targets:
                    targets = grp
            elif args.between == "both" and len(codes) >= 2 and not sources:
                sources, targets = grp, grp
                pair_mode = True
            elif not sources and not targets and len(codes) >= 2 and between[0].w0 - t1 <= 6:
                sources, targets = grp, []
                pair_mode = True
            elif sources and not targets and between[0].w0 - t1 <= 5:
                targets = [a for a in grp if a.code not in _codes(sources)]
            elif not sources and not targets and between[0].w0 - t1 <= 4:
                # "لقاء بينه ونظيره الروسي": the pronoun is the subject before
                if unprep_before and t0 - unprep_before[-1].w1 <= 10:
                    sources, targets = side(unprep_before[-1]), grp
                    factor = min(factor, 0.75)
        # --- a noun trigger takes the subject of the verb before it (أجرى بوتين اتصالا هاتفيا مع أردوغان),
        #     unless the noun sits behind a preposition (مقتل جنود أتراك في قصف جوي)
        if is_noun and not sources and not pair_mode and not passive and unprep_before \
                and (words[t1].suffix or not self._governed(words, t0, lo, with_fi=True)):
            cand = unprep_before[-1]
            # a generic actor is not lent to a noun it does not govern (تمكنت الشرطة من تحديد منفذ الاعتداء)
            if (not cand.code.startswith(UNCODED) or self._lend_ok(etype.name)) and t0 - cand.w1 <= 6 and not self._crosses(words, cand.w1, t0, commas=True):
                sources = side(cand)
                factor = min(factor, 0.75)
                no_pairs = True
        # --- demands, refusals and threats: the party named in the complement (رفضت واشنطن تسليم
        #     المنظومة إلى أنقرة)
        if not targets and sources and etype.name in COMPLEMENT_TYPES and not is_noun:
            src_codes = _codes(sources)
            for a in after:
                if a.code in src_codes or a.w0 - t1 > 8 or (a.prep is not None and a.prep in topic) \
                        or a.code.startswith(UNCODED):
                    continue
                targets = side(a)
                factor = min(factor, 0.7)
                break
        if is_noun and sources and not targets and prep_roles["source"] and "ب" in words[t0].pres and before:
            # "حققتها قوات باكو بدعم من تركيا": the side before the phrase receives the support
            cand = [a for a in before if t0 - a.w1 <= 4 and a.code not in _codes(sources)]
            if cand:
                targets = side(cand[-1])
                factor = min(factor, 0.7)
        # a trigger that is itself an agent noun (متظاهرون، محتجين): the agent is the actor
        ag = self.lexicon.agents
        own = [a for a in usable if t0 <= a.w0 and a.w1 <= t1 and a.entity and a.entity.startswith(AGENT_PREFIX)
               and ag is not None and a.entity[len(AGENT_PREFIX):] in ag.trigger_agents]
        if own:
            sources = [own[0]]
            targets = [a for a in prep_roles["target"] if a.code != own[0].code]
        if ag is not None and etype.name in ag.victim_types and sources and all(
                a.entity and a.entity[len(AGENT_PREFIX):] in ag.victims for a in sources):
            # civilians, refugees... never carry out an attack or an arrest: they are its target
            if not targets:
                targets = sources
            sources = []
        if not sources and not targets:
            return []
        if etype.name == "REQUEST" and not targets and is_noun:
            return []
        # --- events from the sides
        both = args.between == "both"
        if both and not pair_mode and len(_codes(sources)) >= 2 and not targets:
            pair_mode = True  # تبادل أسرى روسي أوكراني
        if no_pairs and etype.symmetric and not targets:
            return []  # a list of actors before a noun is one side, never both
        pairs = self._pairs(etype, sources, targets, pair_mode, both, trig.one_sided)
        if uncoded_ok is False or not self._uncoded_ok(etype.name):
            # generic actors with no country: the event needs a coded side, unless its type allows none
            pairs = [(x, y) for x, y in pairs if _coded(x) or _coded(y)]
        if not pairs:
            return []
        mode = trig.mode
        if etype.name == "CONSULT":
            parties = _codes(sources) | _codes(targets)
            if len(parties) >= 3 and mode is None:
                mode = "multilateral"
        modality, background = self._modality(article, words, lo, hit, form)
        conf = trig.confidence * form.confidence ** 0.5 * factor
        ment = [a.confidence for a in sources + targets]
        conf *= (sum(ment) / len(ment)) ** 0.5 if ment else 1.0
        conf = round(max(0.05, min(1.0, conf)), 3)
        ev_span = self._evidence(article, words, lo, hi, hit)
        tspan = article.span(words[t0].start, words[t1].end)
        return [_Found(etype.name, mode, s, t, modality, background, conf, ev_span, tspan) for s, t in pairs]

    def _lend_ok(self, etype: str) -> bool:
        ag = self.lexicon.agents
        return ag is not None and etype in ag.noun_subject_types

    def _uncoded_ok(self, etype: str) -> bool:
        ag = self.lexicon.agents
        return ag is not None and etype in ag.uncoded_types

    def _pairs(self, etype, sources: list[_Actor], targets: list[_Actor], pair_mode: bool,
               both: bool = False, one_sided: bool | None = None) -> list[tuple[tuple[str, str | None] | None, tuple[str, str | None] | None]]:
        src = _uniq(sources)
        tgt = _uniq(targets)
        out: list = []
        if pair_mode or (etype.symmetric and not tgt):
            if len(src) < 2 or not (etype.symmetric or both):
                return []
            for a, b in combinations(src, 2):
                out.append((a, b))
                if not etype.symmetric:
                    out.append((b, a))
            return out
        if etype.symmetric and (not src or not tgt):
            return []
        if src and tgt:
            return [(s, t) for s in src for t in tgt if s[0] != t[0]]
        if src and not tgt:
            keep = etype.one_sided if one_sided is None else one_sided
            return [(s, None) for s in src] if keep else []
        if tgt and not src:
            return [(None, t) for t in tgt] if etype.sourceless else []
        return out

    def _adjacent_after(self, words: list[_Word], t1: int, w0: int) -> bool:
        """Whether an actor starting at w0 follows the verb at t1 with only time words or titles between."""
        if w0 - t1 > 4:
            return False
        for j in range(t1 + 1, w0):
            k = words[j].stem
            if not (words[j].whole in _VS_SKIP or k in _VS_SKIP or k in self.cues.actor_heads
                    or k in self.cues.actor_head_skip or k in _COMMAS):
                return False
        return True

    @staticmethod
    def _relative_antecedent(words: list[_Word], t0: int, lo: int, before: list[_Actor]) -> _Actor | None:
        """The actor a relative pronoun right before the verb refers to (أذربيجان التي تدعمها)."""
        for k in (1, 2):
            j = t0 - k
            if j < lo:
                return None
            if words[j].whole in _RELATIVES:
                cands = [a for a in before if a.w1 < j and j - a.w1 <= 2]
                return cands[-1] if cands else None
        return None

    def _usable(self, a: _Actor, hit: _Hit, words: list[_Word], trig) -> bool:
        """Whether an actor phrase can be an argument of this trigger."""
        if a.adjective:
            if a.head is None:
                return False
            if hit.w0 <= a.head <= hit.w1 and a.w0 > hit.w1:
                return True  # an adjective of the trigger noun itself
            hw = words[a.head]
            if hw.stem in self.cues.actor_heads or hw.whole in self.cues.actor_heads:
                return True
            # an adjective on the noun right after the trigger (ندد بالغارات الروسية)
            return a.head > hit.w1 and (a.head - hit.w1 <= 2 or (a.head - hit.w1 <= 6 and a.prep is not None
                                                                 and a.prep not in self.cues.topic_preps))
        if a.w0 > 0 and words[a.w0 - 1].stem in self.cues.place_heads and not words[a.w0].pres:
            return False  # مطار كابول، ريف دمشق، شمال سوريا
        if a.metonym and a.prep == "في":
            return False  # a capital after في is a place
        return True

    @staticmethod
    def _complementizer(words: list[_Word], a: int, b: int) -> bool:
        """Whether أن/إن (a new clause: قال مسعفون إن 150 شخصا قتلوا) lies between words a and b."""
        return any(words[j].whole in _THAT for j in range(a + 1, b))

    def _crosses(self, words: list[_Word], a: int, b: int, commas: bool = False) -> bool:
        """Whether a clause boundary (a strong punctuation mark, or a comma) lies between words a and b."""
        for j in range(a + 1, b):
            k = words[j].stem
            if k in _CLAUSE_PUNCT or (commas and k in _COMMAS):
                return True
        return False

    def _passive(self, article: Article, words: list[_Word], hit: _Hit, lo: int) -> bool:
        w = words[hit.w0]
        if hit.form.pos in ("noun", "phrase"):
            if hit.w0 > lo:
                p = words[hit.w0 - 1]
                return p.stem in self.cues.passive_markers or p.whole in self.cues.passive_markers
            return False
        surface = article.text[w.stem_start:w.stem_end]
        # a damma on the first letter of the stem marks a passive verb (استُقبل، يُستقبل)
        if len(surface) > 1 and surface[1] == _DAMMA:
            return True
        for k in range(1, min(len(surface), 4)):
            if surface[k] == _DAMMA and surface[0] in "ايتا" and k <= 3 and surface.startswith(("اُ", "استُ", "يُ", "تُ")):
                return True
        return False

    # ------------------------------------------------------------------------------- modality
    def _modality(self, article: Article, words: list[_Word], lo: int, hit: _Hit, form: Form) -> tuple[str, bool]:
        c = self.cues
        t0, t1 = hit.w0, hit.w1
        w = words[t0]

        def window(n: int) -> list[_Word]:
            return words[max(lo, t0 - n):t0]

        # negation
        for pw in window(c.negation_window):
            if pw.stem in c.negation or pw.whole in c.negation:
                return "negated", False
        for pw in window(c.denial_window):
            if pw.stem in c.denial or pw.whole in c.denial:
                return "negated", False
        background = _phrase_in(window(c.background_window), c.background)
        if not background:
            for j in range(max(lo, t0 - c.background_window), t0):
                if words[j].stem in c.year_words and j + 1 < len(words) and words[j + 1].stem.isdigit():
                    if _old_year(words[j + 1].stem, article.published):
                        background = True
        # hypothetical
        if _phrase_in(window(c.hypothetical_window), c.hypothetical):
            return "hypothetical", background
        for pw in window(2):
            if pw.stem in c.hypothetical_near or pw.whole in c.hypothetical_near:
                return "hypothetical", background
        prev = words[t0 - 1] if t0 > lo else None
        if prev is not None and (prev.stem == c.qad or prev.whole == c.qad) and form.pos == "imperfect":
            return "hypothetical", background
        for j in range(max(lo, t0 - 3), t0 - 1):
            # قد + an imperfect verb before a noun trigger (قد تفرض واشنطن عقوبات)
            if words[j].whole == c.qad and words[j + 1].stem[:1] in ("ي", "ت") and len(words[j + 1].stem) >= 4:
                return "hypothetical", background
        for pw in window(4):
            surface = article.text[pw.start:pw.end]
            if surface == c.conditional_in and pw is words[max(lo, t0 - 4)] and t0 - 4 <= lo:
                return "hypothetical", background
        # future
        if c.future_proclitic in w.pres and form.pos in ("imperfect", "verb"):
            return "future", False
        if _phrase_in(window(c.future_window), c.future_before):
            return "future", False
        if form.pos in ("noun", "phrase"):
            for aw in words[t1 + 1:t1 + 1 + c.future_after_window]:
                if aw.sentence != w.sentence:
                    break
                if aw.stem in c.future_after or aw.whole in c.future_after:
                    return "future", False
        return "asserted", background

    # ------------------------------------------------------------------------------- evidence
    def _evidence(self, article: Article, words: list[_Word], lo: int, hi: int, hit: _Hit) -> Span:
        """The sentence around the trigger, trimmed (offsets into article.text)."""
        s = words[lo].start
        e = words[hi - 1].end
        text = article.text
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM and text[e - 1] not in "»”\"":
            e -= 1
        return article.span(s, e)

    # ------------------------------------------------------------------------------- merging
    def _merge(self, found: list[_Found]) -> list[Event]:
        events: list[Event] = []
        index: dict[tuple, Event] = {}
        for f in found:
            etype = self.ontology.types[f.type]
            s = f.source[0] if f.source else None
            t = f.target[0] if f.target else None
            pair = tuple(sorted((s or "", t or ""))) if etype.symmetric else (s, t)
            key = (f.type, pair, f.modality, f.background)
            ev = index.get(key)
            if ev is not None and (ev.mode == f.mode or ev.mode is None or f.mode is None):
                if f.evidence not in ev.mentions:
                    ev.mentions.append(f.evidence)
                if ev.mode is None and f.mode is not None:
                    ev.mode = f.mode
                    ev.intensity = etype.score(f.mode)
                ev.confidence = round(max(ev.confidence, f.confidence), 3)
                continue
            ev = Event(
                type=f.type, mode=f.mode, quad=etype.quad, intensity=etype.score(f.mode),
                source=actor_ref(f.source[0], f.source[1]) if f.source else None,
                target=actor_ref(f.target[0], f.target[1]) if f.target else None,
                evidence=f.evidence, trigger=f.trigger, modality=f.modality, confidence=f.confidence,
                mentions=[f.evidence],
            )
            index.setdefault(key, ev)
            events.append(ev)
        return events


# -- helpers ------------------------------------------------------------------------------------
def _make_word(toks) -> _Word:
    if len(toks) == 1:
        t = toks[0]
        return _Word(t.start, t.end, t.norm, t.norm, (), t.sentence, t.start, t.end, t.norm, "")
    if len(toks) == 2 and toks[0].part == "pre" and toks[1].part == "stem":
        p, t = toks
        whole = p.norm + t.norm
        full = ("ل" + t.norm) if (p.norm == "ال" and p.end - p.start == 1) else whole
        return _Word(p.start, t.end, t.norm, whole, (p.norm,), t.sentence, t.start, t.end, full, "")
    pres = tuple(t.norm for t in toks if t.part == "pre")
    stems = [t for t in toks if t.part == "stem"]
    st = stems[0] if stems else toks[-1]
    whole = "".join(pres) + st.norm
    full = "".join("ل" if (t.part == "pre" and t.norm == "ال" and t.end - t.start == 1) else t.norm for t in toks)
    suf = "".join(t.norm for t in toks if t.part == "suf")
    if not suf:
        for p in ("هما", "هم", "ها", "ه"):
            if full.endswith(p) and len(full) > len(p) + 3 and not st.norm.endswith(p):
                suf = p
                break
        if not suf and st.norm.endswith(("هما", "هم")):
            suf = "هما" if st.norm.endswith("هما") else "هم"
    return _Word(toks[0].start, toks[-1].end, st.norm, whole, pres, toks[0].sentence, st.start, st.end, full, suf)


def _strip(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def _candidates(w: _Word):
    """Keys to look a word up under: the whole word, then with fewer proclitics, then the stem."""
    yield w.whole
    pres = w.pres
    if not pres and w.stem[:1] in ("و", "ف") and len(w.stem) > 3:
        yield w.stem[1:]
    for i in range(1, len(pres)):
        yield "".join(pres[i:]) + w.stem
    if w.stem != w.whole:
        yield w.stem


_FALLBACK_PRE = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وس", "فس",
                 "و", "ف", "ب", "ل", "س")
_FALLBACK_PRE_SET = frozenset(_FALLBACK_PRE)
_FALLBACK_SUF = ("هما", "هم", "ها", "كم", "نا", "ه")


def _fallback_hit(key: str, lex: Lexicon) -> list:
    """Noun forms of a folded written word read with an article/proclitic and a pronoun removed."""
    hit = lex.suffixed.get(key)
    if hit:
        return hit
    n = len(key)
    for k in (4, 3, 2, 1):
        if n - k >= 3 and key[:k] in _FALLBACK_PRE_SET:
            rest = key[k:]
            hit = lex.suffixed.get(rest)
            if hit:
                return hit
            forms = lex.single.get(rest)
            if forms:
                hit = [f for f in forms if f.pos in ("noun", "phrase")]
                if hit:
                    return hit
    return []


def _fallback(key: str):
    """Readings of a folded word the tokenizer may have split wrongly: clitics stripped by rule."""
    heads = [key] + [key[len(p):] for p in _FALLBACK_PRE if key.startswith(p) and len(key) - len(p) >= 3]
    for h in heads:
        yield h
        for suf in _FALLBACK_SUF:
            if h.endswith(suf) and len(h) - len(suf) >= 3:
                core = h[: -len(suf)]
                yield core
                if core.endswith("ت"):
                    yield core[:-1] + "ه"
                if core.endswith("ي"):  # hamza seat folded before a pronoun (لقائه -> لقاء)
                    yield core[:-1] + "ء"


def _coded(side: tuple[str, str | None] | None) -> bool:
    """Whether an event side names a state or organization (not an uncoded generic actor)."""
    return side is not None and not side[0].startswith(UNCODED)


def _codes(actors: list[_Actor]) -> set[str]:
    return {a.code for a in actors}


def _uniq(actors: list[_Actor]) -> list[tuple[str, str | None]]:
    seen: dict[str, str | None] = {}
    for a in actors:
        if a.code not in seen or (seen[a.code] is None and a.entity):
            seen[a.code] = a.entity
    return list(seen.items())


def _phrase_in(ws: list[_Word], phrases) -> bool:
    """Whether one of ``phrases`` (a dict first word -> word tuples) occurs in the words ``ws``."""
    if not phrases or not ws:
        return False
    for i, w in enumerate(ws):
        cands = phrases.get(w.stem) or phrases.get(w.whole) or phrases.get(_strip(w.whole))
        if not cands:
            continue
        for ph in cands:
            n = len(ph)
            if i + n > len(ws):
                continue
            if all(ph[k] in (ws[i + k].stem, ws[i + k].whole, _strip(ws[i + k].whole)) for k in range(1, n)):
                return True
    return False


def _next_is_coord(actors: list[_Actor], i: int, words: list[_Word], text: str) -> bool:
    """``A، B وC``: a comma list closed by و (B is linked to A when a later actor is linked by و)."""
    for a in actors[i + 1:i + 4]:
        first = words[a.w0]
        if first.sentence != words[actors[i].w0].sentence:
            return False
        if "و" in first.pres[:1] and text[actors[i].end:a.start].strip(" ،,\u00a0و") == "":
            return True
        gap = text[actors[i].end:a.start].strip(" \u00a0")
        if gap not in ("،", ","):
            return False
        i += 1
    return False


def _old_year(token: str, published: str | None) -> bool:
    try:
        year = int(token)
    except ValueError:
        return False
    if not 1900 <= year <= 2100:
        return False
    if published and len(published) >= 4 and published[:4].isdigit():
        return year < int(published[:4])
    return False


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        if len(published) == 7:
            return dt.date(int(published[:4]), int(published[5:7]), 15)
        if len(published) >= 10:
            return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return None
