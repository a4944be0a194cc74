"""Pronouns and pairs that stand for actors named earlier: a conservative, documented coreference.

Two rules, precision first (see ``data/README.md``, "Pronouns and pairs"):

* **A third-person singular pronoun** (``ـه``/``ـها``) on a meeting noun (``لقائه نظيره الروسي``) or on
  ``بين`` (``لقاء بينه ونظيره الروسي``) refers to the nearest person mentioned before it, in the same
  sentence or the one before, who is not the other party of the event. The person acts for the state they
  serve on the article's date. Nothing else (states, organizations, plural pronouns) is resolved.
* **His country** (``بلاده``، ``بلادها``، ``دولته``، ``حكومته``) is the state of the actor named last before it
  in its sentence when that actor is a person the knowledge base places in a state: ``أعلن أردوغان أن بلاده
  ستقاطع ...`` → TUR; ``قال سفير تركيا في قطر إن بلاده ...`` → nothing (the last actor is a state).
* A person the knowledge base cannot place (a name the recognizer found with no known office) still counts as
  the nearest person: a pronoun after it resolves to nothing rather than to someone named earlier.
* **A dual noun** (``الرئيسان``، ``الزعيمان``، ``البلدين``، ``الجانبان``، ``الطرفين``، ``الوزيران``،
  ``الدولتان``) stands for the two states named before it in the same sentence, or else in the previous one,
  only when exactly two different states are named there (leaders count for their state). With one
  state, three or more, or none, the dual stands for nothing.
"""

from __future__ import annotations

import bisect

from marsad.events.coder.records import _Actor, _Word
from marsad.events.coder.words import _day
from marsad.types import Article

#: folded dual nouns (the article and a leading و/ف are stripped before the lookup)
_DUALS = frozenset({
    "رييسان", "رييسين", "زعيمان", "زعيمين", "بلدان", "بلدين", "جانبان", "جانبين", "طرفان", "طرفين",
    "وزيران", "وزيرين", "دولتان", "دولتين",
})
#: duals that are also plurals (بلدان "countries"): only when no adjective with the article follows
_AMBIGUOUS_DUALS = frozenset({"بلدان"})
_BETWEEN_PRONOUNS = frozenset({"بينه", "بينها"})
#: "his country / his government": the state of the person named last (أعلن أردوغان أن بلاده ستقاطع ...)
_OWN_STATE = frozenset({"بلاده", "بلادها", "دولته", "دولتها", "حكومته", "حكومتها"})
_SINGULAR_SUFFIXES = frozenset({"ه", "ها"})
#: confidence of an actor read through a pronoun or a dual noun
CONF = 0.7


def dual_key(w: _Word) -> str | None:
    """The dual noun a word is (folded, no article), or None."""
    if "ال" not in w.pres:
        return None
    return w.stem if w.stem in _DUALS else None


class Coreference:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: pronouns and dual nouns as actors."""

    # -- who was named where -------------------------------------------------------------------
    def _named(self, article: Article) -> list[tuple[int, int, str, str | None, str]]:
        """Coded actor mentions of the article: (start, sentence, code, entity, kind), in text order;
        people carry the state they serve on the article's date."""
        cache = getattr(self, "_named_cache", None)
        if cache is not None and cache[0] is article and cache[1] == len(article.mentions):
            return cache[2]
        day = _day(article.published)
        starts = [s.start for s in article.sentences]
        kinds = {eid: ent.kind for eid, ent in article.entities.items()}
        out = []
        for m in article.mentions:
            kind = kinds.get(m.entity)
            if kind in ("place", "thing") or (not m.acts_for and kind != "person"):
                continue
            code = m.acts_for or ""  # a person the knowledge base cannot place: a referent with no code
            if kind == "person":
                code = self._person_state(m.entity, day) or code
            out.append((m.start, bisect.bisect_right(starts, m.start) - 1, code, m.entity, kind or ""))
        self._named_cache = (article, len(article.mentions), out)
        return out

    def _is_state(self, code: str) -> bool:
        if self.kb is None:
            return len(code) == 3 and code.isupper()
        e = self.kb.code_entry(code)
        return e is not None and e.kind == "state"

    def _referent(self, article: Article, named, pos: int, sentence: int,
                  exclude: set[str]) -> tuple[str, str | None] | None:
        """The nearest person named before ``pos`` in the same sentence or the previous one whose code is
        not in ``exclude``: (code, entity)."""
        for start, sent, code, entity, kind in reversed(named):
            if start >= pos:
                continue
            if sent < sentence - 1:
                break
            if kind == "person" and code not in exclude:
                return (code, entity) if code else None  # the nearest person is unknown: no referent
        return None

    def _own_state(self, named, pos: int, sentence: int) -> tuple[str, str | None] | None:
        """The state of "his country": the last actor named before ``pos`` in its sentence, when that actor is
        a person the knowledge base places in a state."""
        last = [x for x in named if x[1] == sentence and x[0] < pos]
        if not last:
            return None
        _, _, code, _, kind = last[-1]
        return (code, code) if kind == "person" and code and self._is_state(code) else None

    def _pair_named(self, named, pos: int, sentence: int) -> list[tuple[str, str | None]] | None:
        """The two states named before ``pos`` in its sentence, else in the previous one (exactly two)."""
        for sent, limit in ((sentence, pos), (sentence - 1, None)):
            seen: dict[str, str | None] = {}
            for start, s, code, entity, kind in named:
                if s != sent or (limit is not None and start >= limit) or not code or not self._is_state(code):
                    continue
                if code not in seen or kind == "state":
                    seen[code] = entity
            if seen:
                return list(seen.items()) if len(seen) == 2 else None
        return None

    # -- synthetic actor phrases ---------------------------------------------------------------
    def _coref_actors(self, article: Article, words: list[_Word], kept: list[_Actor]) -> list[_Actor]:
        """Actors for dual nouns and for the pronoun of ``بينه و X``, added to ``kept`` (sorted)."""
        named = None
        covered = {j for a in kept for j in range(a.w0, a.w1 + 1)}
        starts_at = {a.w0: a for a in kept}
        group = max((a.group for a in kept), default=0)
        added: list[_Actor] = []
        preps = self.cues.prepositions
        for i, w in enumerate(words):
            if w.full in _BETWEEN_PRONOUNS or (w.stem in _BETWEEN_PRONOUNS and not w.pres):
                other = starts_at.get(i + 1)
                if other is None or "و" not in words[i + 1].pres[:1] or other.code.startswith("?"):
                    continue
                named = named if named is not None else self._named(article)
                ref = self._referent(article, named, w.start, w.sentence, {other.code})
                if ref is None:
                    continue
                a = _Actor(i, i, w.start, w.end, ref[0], ref[1], CONF, False, False, prep="بين", group=other.group)
                other.prep = "بين"
                added.append(a)
                continue
            if w.full in _OWN_STATE and i not in covered:
                named = named if named is not None else self._named(article)
                ref = self._own_state(named, w.start, w.sentence)
                if ref is not None:
                    group += 1
                    added.append(_Actor(i, i, w.start, w.end, ref[0], ref[0], CONF, False, False,
                                        prep=self._prep_of(words, i, preps), group=group))
                continue
            key = dual_key(w)
            if key is None or i in covered:
                continue
            nxt = words[i + 1] if i + 1 < len(words) and words[i + 1].sentence == w.sentence else None
            if (i + 1) in starts_at:
                continue  # الرئيسين التركي والروسي: the adjectives name them
            if key in _AMBIGUOUS_DUALS and nxt is not None and "ال" in nxt.pres:
                continue  # البلدان العربية: a plural
            named = named if named is not None else self._named(article)
            pair = self._pair_named(named, w.start, w.sentence)
            if pair is None:
                continue
            group += 1
            prep = self._prep_of(words, i, preps)
            for code, entity in pair:
                added.append(_Actor(i, i, w.start, w.end, code, entity, CONF, False, False, prep=prep, group=group))
        if not added:
            return kept
        return sorted(kept + added, key=lambda a: (a.w0, -a.w1))

    def _pronoun_actor(self, article: Article, words: list[_Word], t1: int,
                       others: list[_Actor]) -> _Actor | None:
        """The person a singular pronoun on the trigger word refers to (لقائه نظيره الروسي)."""
        w = words[t1]
        if w.suffix not in _SINGULAR_SUFFIXES:
            return None
        named = self._named(article)
        ref = self._referent(article, named, w.start, w.sentence, {a.code for a in others})
        if ref is None:
            return None
        return _Actor(t1, t1, w.start, w.end, ref[0], ref[1], CONF, False, False)
