"""Evidence spans and merging: one interaction reported several times in an article is one event."""

from __future__ import annotations

from marsad.events.agents import actor_ref
from marsad.events.coder.records import _TRIM, _Found, _Hit, _Word
from marsad.types import Article, Event, Span


class Merging:
    """Mixin of :class:`~marsad.events.coder.EventCoder`: evidence and merging."""

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
        return self._fold_unstated(events, {id(ev): key for key, ev in index.items()})

    @staticmethod
    def _fold_unstated(events: list[Event], keys: dict[int, tuple]) -> list[Event]:
        """A mention with no stated source (إسقاط طائرة روسية) of the same type, target, modality and
        background as exactly one event with a source in the article (إسقاط تركيا طائرة روسية) is taken
        as another mention of that event."""
        folded: set[int] = set()
        for ev in events:
            if ev.source is not None or ev.target is None or ev.target.code is None:
                continue
            k = keys.get(id(ev))
            cands = [x for x in events if x is not ev and x.source is not None and x.source.code is not None
                     and x.type == ev.type and x.target is not None and x.target.code == ev.target.code
                     and keys.get(id(x), (None,) * 4)[2:] == (k[2:] if k else None)
                     and (x.mode == ev.mode or x.mode is None or ev.mode is None)]
            if len({x.source.code for x in cands}) == 1:
                host = cands[0]
                for m in ev.mentions:
                    if m not in host.mentions:
                        host.mentions.append(m)
                folded.add(id(ev))
        return [ev for ev in events if id(ev) not in folded]

