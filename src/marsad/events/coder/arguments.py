"""Arguments of a trigger: who acts and who receives, from word order, prepositions and coordination."""

from __future__ import annotations

from itertools import combinations

from marsad.events.agents import AGENT_PREFIX, UNCODED
from marsad.events.coder.actors import _coded, _codes, _uniq
from marsad.events.coder.records import (
    _CLAUSE_PUNCT,
    _COMMAS,
    _DAMMA,
    _PARTICLES,
    _RELATIVES,
    _THAT,
    _VS_SKIP,
    COMPLEMENT_TYPES,
    _Actor,
    _Found,
    _Hit,
    _Word,
)
from marsad.events.coder.words import _strip
from marsad.types import Article

#: forms of قام "to carry out" (قام بـ + a verbal noun)
_TEMPORAL = frozenset({"قبل", "بعد", "منذ", "حتي", "دون", "بدون", "لحين"})
_VICTIM_PREPS = frozenset({"علي", "ضد"})
#: types whose recipient is not the victim of the act they back or refuse (a threat's target is)
_NOT_VICTIM = frozenset({"SUPPORT", "REJECT"})
_DID = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاما", "يقومان", "تقومان", "قاموا", "يقومون"})


class Arguments:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: the sides of each trigger."""

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
            elif t0 > lo and words[t0 - 1].whole in _RELATIVES:
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
                    if unprep_before and not self._speech_complement(words, unprep_before[-1].w1, t0):
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
                a.w0 == t1 + 2 and words[t1 + 1].stem in self.cues.actor_heads)
                or self._genitive_gap_ok(words, t1, a.w0))]
            if gen:
                # a verbal noun with a pronoun takes an object (لقائه نظيره التركي)
                role = args.object if (passive or words[t1].suffix) else args.genitive
                if role == "source" and not sources:
                    sources = side(gen[0])
                elif role == "target" and not targets:
                    targets = side(gen[0])
                anchor = max(x.w1 for x in side(gen[0]))
                if role == args.genitive and args.object in ("source", "target") and args.object != role:
                    # the object after the genitive (ضم روسيا ...، موافقة تركيا على انضمام السويد)
                    o = self._object_after(words, anchor, after, {id(x) for x in side(gen[0])})
                    if o is not None:
                        if args.object == "source" and not sources:
                            sources = side(o)
                        elif args.object == "target" and not targets:
                            targets = [x for x in side(o) if x.code not in _codes(sources)]
                        factor = min(factor, 0.9)
        # --- the state attached to the object thing (إسقاط طائرة روسية، اقتناء منظومة إس-400 الروسية)
        if args.patient is not None or trig.needs_patient:
            anchor = t1
            first_after = [a for a in unprep_after if not a.adjective and a.w0 > t1 and (
                a.w0 == t1 + 1 or self._adjacent_after(words, t1, a.w0) or self._genitive_gap_ok(words, t1, a.w0))]
            if first_after:
                anchor = max(x.w1 for x in side(first_after[0]))
            pat = self._patient(article, words, anchor, hi, actors, trig.patient_places) \
                if args.patient is not None else None
            if pat is None and trig.needs_patient:
                return []
            if pat is not None and not any(pat is x for x in sources + targets):
                if args.patient == "target" and not targets and pat.code not in _codes(sources):
                    targets = [pat]
                elif args.patient == "source" and not sources and pat.code not in _codes(targets):
                    sources = [pat]
        if not targets and not prep_roles["target"] and not is_noun:
            # the state adjective of the thing behind على (فرضت قيودا على واردات الحمضيات المغربية)
            prep_roles["target"] = self._adjective_behind_prep(words, t1, hi, actors, args)
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
        if is_noun and trig.lend and not sources and not pair_mode and not passive and unprep_before \
                and (words[t1].suffix or not self._governed(words, t0, lo, with_fi=True)
                     or self._did(words, t0, lo)):
            cand = unprep_before[-1]
            if words[t1].suffix and self._governed(words, t0, lo, with_fi=True):
                # a governed noun with a pronoun (دعمها لأذربيجان في اشتباكاتها): the pronoun is the actor
                # named right before, whatever its preposition
                near = [a for a in before if not a.adjective and t0 - a.w1 <= 4]
                if near:
                    cand = near[-1]
            # a generic actor is not lent to a noun it does not govern (تمكنت الشرطة من تحديد منفذ الاعتداء)
            if (not cand.code.startswith(UNCODED) or self._lend_ok(etype.name)) and t0 - cand.w1 <= 6 and not self._crosses(words, cand.w1, t0, commas=True):
                sources = side(cand)
                factor = min(factor, 0.75)
                no_pairs = True
        # --- a verb phrase right after a relative pronoun: its agent is the antecedent (واشنطن، التي فرضت
        #     عقوبات على أنقرة)
        if is_noun and not sources and form.pos == "phrase" and t0 > lo and words[t0 - 1].whole in _RELATIVES:
            ante = [a for a in before if a.w1 < t0 - 1 and t0 - 1 - a.w1 <= 2 and not a.adjective]
            if ante and args.subject == "source":
                sources = side(ante[-1])
                factor = min(factor, 0.8)
        # --- a singular pronoun on a meeting noun is the person named last (لقائه نظيره الروسي)
        if is_noun and etype.name == "CONSULT" and not pair_mode and args.genitive in ("source", "target"):
            mine = sources if args.genitive == "source" else targets
            if not mine:
                pro = self._pronoun_actor(article, words, t1, sources + targets)
                if pro is not None:
                    if args.genitive == "source":
                        sources = [pro]
                    else:
                        targets = [pro]
                    factor = min(factor, 0.75)
        # --- the nearest actor before the trigger (أثار بيع المنظومة إلى تركيا غضب واشنطن)
        if args.before is not None:
            b = self._before_actor(words, t0, lo, actors)
            if b is not None:
                if args.before == "target" and not targets and b.code not in _codes(sources):
                    targets = [b]
                elif args.before == "source" and not sources and b.code not in _codes(targets):
                    sources = [b]
        if sources and targets and not pair_mode:
            # a side coded like the source is no recipient (أثنى بوتين على صفقة أبرمتها بلاده مع تركيا)
            targets = [a for a in targets if a.code not in _codes(sources)]
        # --- demands, refusals and threats: the party named in the complement (رفضت واشنطن تسليم
        #     المنظومة إلى أنقرة)
        if not targets and sources and etype.name in COMPLEMENT_TYPES and not is_noun:
            src_codes = _codes(sources)
            for a in after:
                if a.code in src_codes or a.w0 - t1 > 8 or (a.prep is not None and a.prep in topic) \
                        or a.code.startswith(UNCODED) or (a.prep in _VICTIM_PREPS and etype.name in _NOT_VICTIM):
                    continue  # behind على/ضد it is the victim of the act backed (وافق على فرض عقوبات على روسيا)
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
        sourceless = trig.sourceless
        if sourceless and is_noun and "ب" in words[t0].pres:
            sourceless = False  # the complement of another act (تهديد أميركي بفرض عقوبات على أنقرة)
        pairs = self._pairs(etype, sources, targets, pair_mode, both, trig.one_sided, sourceless)
        if trig.needs_coded:
            pairs = [(x, y) for x, y in pairs if _coded(x) or _coded(y)]
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

    @staticmethod
    def _did(words: list[_Word], t0: int, lo: int) -> bool:
        """``قام/تقوم X بـ`` + a verbal noun: the verbal noun is what the subject did (تقوم روسيا ببناء المحطة)."""
        if "ب" not in words[t0].pres:
            return False
        for j in range(t0 - 1, max(lo, t0 - 5) - 1, -1):
            if words[j].stem in _DID:
                return True
        return False

    def _lend_ok(self, etype: str) -> bool:
        ag = self.lexicon.agents
        return ag is not None and etype in ag.noun_subject_types

    def _uncoded_ok(self, etype: str) -> bool:
        ag = self.lexicon.agents
        return ag is not None and etype in ag.uncoded_types

    def _pairs(self, etype, sources: list[_Actor], targets: list[_Actor], pair_mode: bool,
               both: bool = False, one_sided: bool | None = None,
               sourceless: bool | None = None) -> list[tuple[tuple[str, str | None] | None, tuple[str, str | None] | None]]:
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
            return [(None, t) for t in tgt] if (etype.sourceless if sourceless is None else sourceless) else []
        return out

    def _adjective_behind_prep(self, words: list[_Word], t1: int, hi: int, actors: list[_Actor], args) -> list[_Actor]:
        """A state adjective ending the noun phrase behind a victim preposition (على/ضد) the trigger marks as
        its target, within 8 words of the trigger, in its clause: ``قيودا على واردات الحمضيات المغربية``."""
        for a in actors:
            if a.w0 <= t1 or a.w0 - t1 > 8 or not a.adjective or a.prep is not None:
                continue
            if self._crosses(words, t1, a.w0, commas=True):
                return []
            for j in range(a.w0 - 1, max(t1, a.w0 - 5), -1):
                p = words[j].whole
                if p in _VICTIM_PREPS:
                    if args.prep_role(p) == "target" and j + 1 < a.w0 and self._np_words_ok(words, j + 1, a.w0):
                        return [a]
                    return []
            return []
        return []

    def _adjacent_after(self, words: list[_Word], t1: int, w0: int) -> bool:
        """Whether an actor starting at w0 follows the verb at t1 with only time words or titles between."""
        if w0 - t1 > 4:
            return False
        for j in range(t1 + 1, w0):
            k = words[j].stem
            ks = _strip(k)  # a word the tokenizer kept whole with its article (الخارجية)
            if not (words[j].whole in _VS_SKIP or k in _VS_SKIP or k in self.cues.actor_heads
                    or k in self.cues.actor_head_skip or k in _COMMAS or ks in self.cues.actor_heads
                    or ks in self.cues.actor_head_skip):
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
    def _speech_complement(words: list[_Word], a: int, b: int) -> bool:
        """Whether أن/إن opening a reported clause lies between words a and b (قال مسعفون إن ...), not the
        temporal قبل أن / بعد أن / منذ أن, whose clause keeps the subject before it."""
        return any(words[j].whole in _THAT and not (j > 0 and words[j - 1].whole in _TEMPORAL)
                   for j in range(a + 1, b))

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

