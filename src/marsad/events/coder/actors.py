"""Actor phrases of a sentence: adjacent mentions joined, generic agents attached to their country,
the preposition before each phrase, the noun a state adjective modifies, and coordination groups."""

from __future__ import annotations

import bisect
import datetime as dt

from marsad.events.agents import AGENT_PREFIX, UNCODED
from marsad.events.coder.records import _Actor, _Word
from marsad.events.coder.words import _day, _strip
from marsad.types import Article

_QUOTES = frozenset({'"', "«", "“", "'"})
#: nouns heading an organization's name in construct (حلف الناتو، منظمة التجارة العالمية، دول الخليج)
_CONSTRUCT_HEADS = frozenset({"حلف", "منظمه", "مجموعه", "دول", "دوله", "جامعه", "اتحاد", "تحالف", "تكتل", "كتله"})


class ActorPhrases:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: finding the actor phrases."""

    def _person_state(self, entity: str | None, day: dt.date | None) -> str | None:
        """The code a person acts for from their roles on ``day``: the state of a state office, else the
        armed group or organization they command (a commander of a non-state force acts for that force:
        Haftar for the LNA, not for Libya; a party leadership does not replace the state)."""
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
        for r in roles if day else [r for r in e.roles if r.end is None]:
            if r.title == "commander":
                grp = self.kb.code_entry(r.of)
                if grp is not None and grp.kind in ("group", "org") and grp.code:
                    return grp.code
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
        methods.extend(self._dual_adjectives(words, methods))
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
                if a.prep is None and a.w0 > 0 and words[a.w0 - 1].sentence == words[a.w0].sentence \
                        and "ال" in words[a.w0].pres and words[a.w0 - 1].stem in cues.actor_heads:
                    # a head noun with an adjective and a name (مع نظيره الروسي فلاديمير بوتين): its preposition
                    a.prep = self._prep_of(words, a.w0 - 1, preps)
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
        # pronouns on بين and dual nouns (الرئيسان) standing for actors named before (coref.py)
        return self._coref_actors(article, words, kept)

    def _dual_forms(self) -> dict[str, tuple[str, str]]:
        """Dual and plural forms of the states' adjectives, folded (تركيتان، تركيين، روسيتين -> the state)."""
        cache = getattr(self, "_duals_cache", None)
        if cache is not None:
            return cache
        out: dict[str, str] = {}
        if self.kb is not None:
            for e in self.kb.entries.values():
                if e.kind != "state" or not e.code:
                    continue
                for adj in e.adjectives:
                    if " " in adj or not adj.endswith("ي"):
                        continue
                    for suf in ("ان", "ين", "ون"):
                        out.setdefault(adj + suf, (e.code, e.id))
                    for suf in ("تان", "تين"):
                        out.setdefault(adj + suf, (e.code, e.id))
        self._duals_cache = out
        return out

    def _dual_adjectives(self, words: list[_Word], methods: list[tuple]) -> list[tuple]:
        """State adjectives in the dual or plural the actor layer leaves out (مقاتلتان تركيتان)."""
        forms = self._dual_forms()
        if not forms:
            return []
        taken = [(s, e) for s, e, _, _ in methods]
        out = []
        for w in words:
            hit = forms.get(w.stem)
            if hit is None or "ال" in w.pres and len(w.pres) > 1:
                continue
            if any(s < w.stem_end and w.stem_start < e for s, e in taken):
                continue
            out.append((w.stem_start, w.stem_end, hit[0], _DualMention(*hit)))
        return out

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
        if wi > 1 and words[wi - 1].stem in _QUOTES and words[wi - 2].sentence == w.sentence:
            wi -= 1  # a quotation mark before the name (في حلف "الناتو"): the preposition is before it
        if wi > 0 and words[wi - 1].sentence == w.sentence:
            pw = words[wi - 1]
            # "مع كل من X و Y": the preposition before كل من
            if pw.whole == "من" and wi > 1 and words[wi - 2].stem == "كل":
                return ActorPhrases._prep_of(words, wi - 2, preps) if wi > 2 else None
            # "من جانب X"، "من قبل X": the agent of a passive or a noun
            if pw.stem in ("جانب", "قبل", "طرف") and wi > 1 and words[wi - 2].whole == "من":
                return "من"
            if pw.whole in preps or pw.stem in preps:
                return pw.stem if pw.stem in preps else pw.whole
            # a construct head before an organization's name (في حلف الناتو، إلى منظمة التجارة): its preposition
            if pw.stem in _CONSTRUCT_HEADS and not pw.pres and wi > 1 and words[wi - 2].sentence == w.sentence:
                ppw = words[wi - 2]
                if ppw.whole in preps or ppw.stem in preps:
                    return ppw.stem if ppw.stem in preps else ppw.whole
        return None


class _DualMention:
    """A stand-in mention for a dual or plural state adjective found by the coder."""

    method = "adjective"
    confidence = 0.85
    entity = None

    def __init__(self, code: str, entity: str):
        self.entity = entity
        self.acts_for = code


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

