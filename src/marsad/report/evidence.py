"""The evidence appendix of the briefing: one entry per event report, figure and tone score, and sets of
reports; every number of the report links to its entry by anchor (see :mod:`marsad.report.build`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from marsad.model.core import Interaction, Summary, first_day
from marsad.model.records import EventRecord, QuantityRecord


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


class Evidence:
    """The evidence appendix: one entry per event report and figure, plus sets of reports."""

    def __init__(self, urls: dict[str, str]):
        self.urls = urls
        self.events: dict[str, dict] = {}
        self.anchors: dict[str, str] = {}
        self.sets: dict[tuple[str, ...], dict] = {}
        self.figures: dict[tuple, dict] = {}
        self.tones: dict[str, dict] = {}
        self.stances: dict[str, dict] = {}
        self._used: set[str] = set()

    def _unique(self, anchor: str) -> str:
        base, k = anchor, 2
        while anchor in self._used:
            anchor = f"{base}-{k}"
            k += 1
        self._used.add(anchor)
        return anchor

    def event(self, r: EventRecord) -> str:
        a = self.anchors.get(r.id)
        if a is not None:
            return a
        a = self._unique("ev-" + _slug(r.id))
        self.anchors[r.id] = a
        ev, trig = r.evidence, r.trigger
        rel = None
        if trig is not None and trig.text:
            if ev.start <= trig.start and trig.end <= ev.end and ev.text[trig.start - ev.start:trig.end - ev.start] == trig.text:
                rel = [trig.start - ev.start, trig.end - ev.start]
            else:
                i = ev.text.find(trig.text)
                if i >= 0:
                    rel = [i, i + len(trig.text)]
        self.events[r.id] = {
            "anchor": a, "id": r.id, "article": r.article, "outlet": r.outlet, "published": r.published,
            "title": r.title, "url": self.urls.get(r.article), "date": r.date, "type": r.type, "mode": r.mode,
            "quad": r.quad, "intensity": r.intensity, "modality": r.modality,
            "source": r.source_code, "target": r.target_code, "dossiers": list(r.dossiers),
            "text": ev.text, "start": ev.start, "end": ev.end, "trigger": rel,
            "trigger_text": trig.text if trig is not None else None,
            "also_in": list(r.also_in),
        }
        return a

    def ref(self, records: Iterable[EventRecord]) -> str | None:
        """The anchor for a number backed by ``records`` (one report: its entry; several: a set)."""
        ids_: dict[str, None] = {}
        for r in records:
            self.event(r)
            ids_[r.id] = None
        ids = tuple(ids_)
        if not ids:
            return None
        if len(ids) == 1:
            return self.anchors[ids[0]]
        s = self.sets.get(ids)
        if s is None:
            h = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:10]
            s = self.sets[ids] = {"anchor": self._unique(f"ev-set-{h}"), "events": list(ids),
                                  "anchors": [self.anchors[i] for i in ids]}
        return s["anchor"]

    def interactions(self, items: Iterable[Interaction]) -> str | None:
        return self.ref(r for it in items for r in it.records)

    def summary(self, s: Summary) -> str | None:
        return self.interactions(s.interactions)

    def figure(self, q: QuantityRecord) -> str:
        key = (q.article, q.span.start, q.span.end)
        e = self.figures.get(key)
        if e is None:
            e = self.figures[key] = {
                "anchor": self._unique(f"ev-fig-{_slug(q.article)}-{q.span.start}"), "article": q.article,
                "outlet": q.outlet, "published": q.published, "title": q.title, "url": self.urls.get(q.article),
                "value": q.value, "unit": q.unit, "what": q.what, "date": q.date, "text": q.span.text,
                "start": q.span.start, "end": q.span.end,
            }
        return e["anchor"]

    def stance(self, st) -> str:
        """The entry of a stated stance (a :class:`~marsad.model.records.StanceRecord`): its sentence."""
        e = self.stances.get(st.id)
        if e is None:
            cue = None
            if st.cue is not None and st.evidence.start <= st.cue.start and st.cue.end <= st.evidence.end:
                cue = [st.cue.start - st.evidence.start, st.cue.end - st.evidence.start]
            e = self.stances[st.id] = {
                "anchor": self._unique("ev-st-" + _slug(st.id)), "id": st.id, "article": st.article,
                "outlet": st.outlet, "published": st.published, "title": st.title, "url": self.urls.get(st.article),
                "a": st.a, "b": st.b, "stance": st.stance, "modality": st.modality, "dossiers": list(st.dossiers),
                "text": st.evidence.text, "start": st.evidence.start, "end": st.evidence.end, "cue": cue,
            }
        return e["anchor"]

    def tone(self, story: str, outlet: str, score: dict, articles: list[str]) -> str:
        key = f"{story}\x00{outlet}"
        e = self.tones.get(key)
        if e is None:
            e = self.tones[key] = {"anchor": self._unique(f"ev-tone-{_slug(story)}-{len(self.tones) + 1}"),
                                   "story": story, "outlet": outlet, "articles": list(articles),
                                   "score": score.get("score"), "pos": score.get("pos"), "neg": score.get("neg"),
                                   "hits": score.get("hits", [])}
        return e["anchor"]

    def to_dict(self) -> dict:
        def order(e: dict):
            d = e.get("date") or e.get("published") or "9999"
            return (first_day(d), e.get("article") or "", e.get("start") or 0)
        return {"events": sorted(self.events.values(), key=order),
                "figures": sorted(self.figures.values(), key=order),
                "sets": sorted(self.sets.values(), key=lambda s: s["anchor"]),
                "tones": list(self.tones.values()),
                "stances": sorted(self.stances.values(), key=order)}
