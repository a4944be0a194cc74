"""Trigger words of a sentence: phrases first, then single words read as verbs or nouns by context."""

from __future__ import annotations

from marsad.events.coder.records import (
    _COMPLEMENT_PREPS,
    _CONTEXT_PREPS,
    _NOMINAL_PRES,
    _NOUN_CONTEXT,
    _Hit,
    _Word,
)
from marsad.events.coder.words import _candidates, _fallback_hit, _strip

#: types of a trigger that condemns another act: the act named after it with its own agent is coded too
#: (معارضة أنقرة لضم روسيا القرم: ACCUSE and the annexation, which happened). An act approved, refused or
#: asked for (موافقة تركيا على انضمام السويد) is prospective: it stays the complement, with no event of its own.
_JUDGING = frozenset({"ACCUSE"})
#: adverbs that may stand between a verb's subject and its object
_ADVERBS = frozenset({"بشده", "بقوه", "مجددا", "ايضا", "كذلك", "رسميا", "علنا", "اليوم", "امس", "بدوره", "بدورها"})


class Triggers:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: finding the trigger words."""

    def _triggers(self, words: list[_Word], lo: int, hi: int, actor_starts: set[int] = frozenset(),
                  actor_words: set[int] = frozenset()) -> list[_Hit]:
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
                        # the most reliable reading whose context words are there (تسليم الأسرى: a release)
                        for f in sorted(pick, key=lambda f: -f.confidence):
                            best = _Hit(f, i, i)
                            if self._needs_ok(best, words, hi, actor_words):
                                break
            if best is not None and best.form.trigger.construct_only and best.form.pos in ("noun", "phrase") and (
                    "ال" in w.pres or not (w.suffix or i + 1 in actor_starts)):
                best = None  # معارضة أنقرة، معارضتها: not المعارضة / جماعة معارضة ("the opposition", "opposing")
            if best is not None and self._needs_ok(best, words, hi, actor_words):
                hits.append(best)
                i = best.w1 + 1
                continue
            i += 1
        # a noun trigger right after another trigger is its complement (توقيع اتفاقية، دعا إلى وقف إطلاق النار),
        # unless it has its own agent after a judging trigger (معارضة أنقرة لضم روسيا القرم)
        # ... or its object behind a preposition (دعا X إلى الانسحاب، طالب X بفرض عقوبات، أشاد بالتعاون)
        out: list[_Hit] = []
        for h in hits:
            if out and h.form.pos in ("noun", "phrase"):
                gap = h.w0 - out[-1].w1
                if (gap <= 2 or (gap <= 7 and self._governed(words, h.w0, lo))) and not (
                        h.w1 + 1 in actor_starts and out[-1].form.trigger.type in _JUDGING
                        and h.form.trigger.type not in _JUDGING and h.form.trigger.args.genitive == "source"):
                    continue
                if out[-1].form.pos not in ("noun", "phrase") and gap <= 6 and all(
                        j in actor_words or words[j].stem in _ADVERBS or words[j].whole in _ADVERBS
                        for j in range(out[-1].w1 + 1, h.w0)):
                    continue  # the verb's object after its subject (أدان الزعيمان بشدة الهجمات)
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

    @staticmethod
    def _needs_ok(hit: _Hit, words: list[_Word], hi: int, actor_words: set[int] = frozenset()) -> bool:
        """Whether the trigger's context words are there; the words of actor phrases right after the
        trigger do not count in the ``needs`` window (وقّع وزيرا الدفاع التركي خلوصي أكار والروسي سيرغي
        شويغو مذكرة تفاهم: the names stand between the verb and its object)."""
        t = hit.form.trigger
        if t.unless_before and hit.w0 > 0 and (words[hit.w0 - 1].stem in t.unless_before
                                               or _strip(words[hit.w0 - 1].whole) in t.unless_before):
            return False
        if t.unless:
            for j in range(hit.w1 + 1, min(hi, hit.w1 + 1 + t.unless_window)):
                if words[j].stem in t.unless or _strip(words[j].whole) in t.unless:
                    return False
        if t.needs_before:
            ok = False
            for j in range(max(0, hit.w0 - t.needs_before_window), hit.w0):
                if words[j].stem in t.needs_before or _strip(words[j].whole) in t.needs_before:
                    ok = True
            if not ok:
                return False
        if not t.needs:
            return True
        end = hit.w1 + 1 + t.needs_window
        if actor_words:
            end += sum(1 for j in range(hit.w1 + 1, min(hi, hit.w1 + 1 + 2 * t.needs_window)) if j in actor_words)
            end = min(end, hit.w1 + 1 + 2 * t.needs_window)
        for j in range(hit.w1 + 1, min(hi, end)):
            if words[j].stem in t.needs or words[j].whole in t.needs or _strip(words[j].whole) in t.needs:
                return True
        return False
