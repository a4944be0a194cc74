"""Modality of a trigger (negated, hypothetical, future, asserted) and background history, from cues."""

from __future__ import annotations

from marsad.events.coder.records import _THAT, _Hit, _Word
from marsad.events.coder.words import _old_year, _phrase_in
from marsad.events.lexicon import Form
from marsad.types import Article


#: clause marks a cancelling verb does not reach across
_STOPS = frozenset({"،", ",", ".", "؛", ":", "!", "؟"})


class Modality:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: modality cues near the trigger."""

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
        if form.trigger.type not in c.refusal_not_types:
            # a refusal right before the act (رفضت واشنطن تسليم المنظومة، برفض الحكومة دعم ...): not done
            for pw in window(c.refusal_window):
                if pw.stem in c.refusal or pw.whole in c.refusal:
                    return "negated", False
                if pw.stem in ("،", ",", ".", "؛", ":"):
                    break
        if c.cancel and form.pos in ("noun", "phrase") and form.trigger.type not in c.cancel_not_types \
                and not self._governed(words, t0, lo):
            # an act cancelled, postponed or suspended (ألغى الوزير زيارة كانت مقررة، تأجيل القمة): not done
            for pw in reversed(window(c.cancel_window)):
                if pw.stem in _STOPS or pw.whole in _THAT:
                    break
                if pw.stem in c.cancel or pw.whole in c.cancel:
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

