"""Noun-phrase events: the verbal noun (masdar) with its agent and its object, the press's favourite form.

A verbal noun takes its agent as a genitive right after it (``اقتناء تركيا``، ``ضم روسيا``، ``موافقة تركيا``)
and its object after that, as a plain noun phrase (``ضم روسيا شبه جزيرة القرم``، ``انتقاد واشنطن شراء تركيا``)
or behind the trigger's preposition (``موافقة تركيا على انضمام السويد``). The rules here, precision first:

* **object after the genitive**: the first actor after the genitive, within three words, with no other
  actor, clause mark or comma between, takes the trigger's ``object`` role when that role differs from
  the genitive's (``دعم روسيا النظام السوري`` → SUPPORT RUS→SYR);
* **patient**: when the trigger names a ``patient`` role, the state attached to its object thing takes
  it: a state adjective at the end of the object noun phrase (``طائرة روسية``، ``منظومة إس-400 الروسية``،
  ``الغاز الروسي``) or, for triggers with ``patient_places``, the state of a place right after the agent
  (``ضم روسيا شبه جزيرة القرم`` → UKR). The noun phrase may hold a name, a number, quotes and modifiers,
  but no preposition: ``إسقاط طائرة قرب الحدود السورية`` gives no patient;
* **before**: a trigger naming a ``before`` role gives it to the nearest actor before it in its clause,
  bare or behind إلى/ل (``أثار بيع المنظومة إلى تركيا غضب واشنطن``: the one the anger is about; not the
  seller behind من).
"""

from __future__ import annotations

from marsad.events.coder.records import (
    _CLAUSE_PUNCT,
    _COMMAS,
    _CONTEXT_PREPS,
    _VS_SKIP,
    _Actor,
    _Word,
)
from marsad.types import Article

#: words allowed inside an object noun phrase besides nouns: quotes, dashes, slashes
_NP_PUNCT = frozenset({'"', "'", "«", "»", "“", "”", "-", "–", "/"})
#: words that may stand between a verbal noun and its genitive (مقتل 33 جنديا، مقتل عشرات الجنود)
#: (folded: ة -> ه)
_COUNT_WORDS = frozenset({"عشرات", "مئات", "الاف", "اثنين", "اثنان", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه",
                          "ست", "سته", "سبع", "سبعه", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "اكثر", "نحو",
                          "حوالي"})
#: how far (in words) the adjective of an object noun phrase may stand from the phrase's first word
_NP_SPAN = 6


class Nominal:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: arguments of verbal nouns."""

    def _genitive_gap_ok(self, words: list[_Word], t1: int, w0: int) -> bool:
        """Whether only a number or a quantity word stands between the noun at t1 and an actor at w0."""
        if w0 - t1 > 4:
            return False
        for j in range(t1 + 1, w0):
            k = words[j].stem
            if k == "من" and j > t1 + 1 and words[j - 1].stem == "اكثر":
                continue  # أكثر من 60
            if not (k.isdigit() or k in _COUNT_WORDS or words[j].whole in _VS_SKIP or k in _VS_SKIP):
                return False
        return w0 > t1 + 1

    def _object_after(self, words: list[_Word], anchor: int, after: list[_Actor], skip: set[int]) -> _Actor | None:
        """The first actor after the genitive ending at ``anchor``: within three words, nothing between it
        but plain words (no actor, clause mark or comma); adjectives only when their head is a named head."""
        for a in after:
            if a.w0 <= anchor or id(a) in skip:
                continue
            if a.w0 - anchor > 3 or self._crosses(words, anchor, a.w0, commas=True) or a.adjective:
                return None
            if a.prep is not None and a.prep in self.cues.topic_preps:
                return None
            return a
        return None

    def _np_words_ok(self, words: list[_Word], a: int, b: int) -> bool:
        """Whether words a..b-1 can sit inside one noun phrase (no preposition, clause mark or comma)."""
        preps = self.cues.prepositions
        for j in range(a, b):
            w = words[j]
            k = w.stem
            if k in _NP_PUNCT:
                continue
            if k in _CLAUSE_PUNCT or k in _COMMAS or w.whole in preps or k in preps or w.whole in _CONTEXT_PREPS:
                return False
            if j > a and any(p in ("ب", "ل", "ك") for p in w.pres):
                return False
            if j > a and "و" in w.pres[:1]:
                return False
        return True

    def _patient(self, article: Article, words: list[_Word], anchor: int, hi: int, actors: list[_Actor],
                 places: bool) -> _Actor | None:
        """The state attached to the object noun phrase that starts right after ``anchor``."""
        first = anchor + 1
        if first >= hi:
            return None
        for a in actors:
            if a.w0 < first:
                continue
            if a.w0 - first > _NP_SPAN:
                break
            if not a.adjective:
                return None  # another actor comes first: not an adjective of the object
            if a.w0 > first and self._np_words_ok(words, first, a.w0):
                return a
            return None
        if not places:
            return None
        ws = words[first]
        for m in article.mentions:
            if m.start < ws.start:
                continue
            if m.start >= ws.end:
                break
            ent = article.entities.get(m.entity)
            if ent is not None and ent.kind == "place" and ent.country:
                return _Actor(first, first, m.start, m.end, ent.country, ent.country, 0.8, False, False)
        return None

    def _before_actor(self, words: list[_Word], t0: int, lo: int, actors: list[_Actor]) -> _Actor | None:
        """The nearest actor before the trigger in its clause (no strong punctuation or أن between)."""
        cands = [a for a in actors if a.w1 < t0 and t0 - a.w1 <= 12 and not a.code.startswith("?")
                 and (a.prep is None or a.prep in ("الي", "ل")) and not a.adjective
                 and not self._crosses(words, a.w1, t0, commas=True) and not self._complementizer(words, a.w1, t0)]
        return cands[-1] if cands else None
