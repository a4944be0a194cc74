"""Cross-outlet event merging: the same interaction reported by several articles is one event.

Within one article the event coder already gives one event per interaction with all its
mentions. Across articles of one story (a story cluster in the store, or the items of one press
compilation for ``marsad extract``), :func:`merge_events` groups the per-article events that
report the same interaction into a :class:`MergedEvent` holding the mentions from every article.
Both levels are kept: the per-article events stay the evidence, the merged events are the
deduplicated count.

Two events are the same interaction when they have
  * the same PLOVER type and the same modality,
  * the same actor codes (source, target), in either order for the symmetric types
    (CONSULT, AGREE, COOPERATE), and
  * compatible dates: equal; or one a prefix of the other (``2021-09`` and ``2021-09-29``); or
    one undated and the other's date within the story's publication dates (widened by
    ``slack_days`` on each side, since news reports what happened days before). When no
    article of the story is dated an undated event is compatible with any date; and
  * different articles: two events of one article are never merged (the event coder already
    gives one event per interaction within an article, and kept these apart).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from marsad.types import ActorRef, Article, Event, Span

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


class MergedMention(NamedTuple):
    """One stretch of one article that reports a merged event (offsets into that article's text)."""

    article: str
    outlet: str | None
    span: Span


@dataclass(slots=True)
class MergedEvent:
    """One interaction, deduplicated across the articles of a story.

    The canonical fields come from the member events (type, modality and actors are shared; the
    most precise date, the mode and intensity of the first member that has a mode, the highest
    confidence, the union of dossiers).
    ``mentions`` lists every (article id, outlet, span) that reports it, ``events`` the ids of
    the per-article events merged into it.
    """

    id: str
    type: str
    mode: str | None
    quad: str
    intensity: float
    source: ActorRef | None
    target: ActorRef | None
    date: str | None
    date_precision: str | None
    modality: str
    dossiers: list[str] = field(default_factory=list)
    confidence: float = 1.0
    mentions: list[MergedMention] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """Ids of the articles reporting this event, in order of first mention."""
        return list(dict.fromkeys(m.article for m in self.mentions))

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(m.outlet for m in self.mentions if m.outlet))

    def as_dict(self) -> dict:
        def actor(a: ActorRef | None) -> dict | None:
            return None if a is None else {"entity": a.entity, "code": a.code}

        return {
            "id": self.id, "type": self.type, "mode": self.mode, "quad": self.quad, "intensity": self.intensity,
            "source": actor(self.source), "target": actor(self.target), "date": self.date,
            "date_precision": self.date_precision, "modality": self.modality, "dossiers": list(self.dossiers),
            "confidence": self.confidence, "articles": self.articles, "events": list(self.events),
            "mentions": [{"article": m.article, "outlet": m.outlet, **m.span.as_dict()} for m in self.mentions],
        }


def _precision(date: str | None) -> int:
    return 0 if not date else {4: 1, 7: 2, 10: 3}.get(len(date), 0)


def _as_day(date: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(date) if date and len(date) == 10 else None
    except ValueError:
        return None


def _period(date: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    try:
        if len(date) == 10:
            d = _dt.date.fromisoformat(date)
            return d, d
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            first = _dt.date(y, m, 1)
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - _dt.timedelta(days=1)
        if len(date) == 4:
            return _dt.date(int(date), 1, 1), _dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


class _Window:
    """The story's publication dates, widened by ``slack`` days on each side."""

    def __init__(self, articles: list[Article], slack: int):
        days = [d for d in (_as_day(a.published) for a in articles) if d is not None]
        self.bounds = (min(days) - _dt.timedelta(days=slack), max(days) + _dt.timedelta(days=slack)) if days else None

    def holds(self, date: str) -> bool:
        if self.bounds is None:
            return True
        p = _period(date)
        return p is not None and p[0] <= self.bounds[1] and p[1] >= self.bounds[0]


def dates_compatible(a: str | None, b: str | None, window: _Window) -> bool:
    if a and b:
        return a.startswith(b) or b.startswith(a)
    if a or b:
        return window.holds(a or b)
    return True


def event_key(ev: Event, symmetric: Collection[str] = SYMMETRIC) -> tuple:
    """(type, actor codes, modality); the codes are sorted for the symmetric types."""
    src = ev.source.code if ev.source else None
    tgt = ev.target.code if ev.target else None
    pair = tuple(sorted((src or "", tgt or ""))) if ev.type in symmetric else (src or "", tgt or "")
    return ev.type, pair, ev.modality


@dataclass(slots=True)
class _Group:
    key: tuple
    members: list[tuple[Article, int, Event]]
    dates: list[str | None]

    def accepts(self, article: Article, date: str | None, window: _Window) -> bool:
        if any(a is article for a, _, _ in self.members):
            return False  # two events of one article were kept apart by the coder: never merged here
        return all(dates_compatible(d, date, window) for d in self.dates)


def _event_id(article: Article, seq: int, ev: Event) -> str:
    return ev.id or f"{article.id}#e{seq}"


def merge_events(articles: Iterable[Article], *, symmetric: Collection[str] = SYMMETRIC,
                 slack_days: int = 3) -> list[MergedEvent]:
    """The events of ``articles`` (one story) merged across articles, in order of first report.

    Every per-article event belongs to exactly one merged event; an event reported once gives a
    merged event with the mentions of its one article.
    """
    arts = list(articles)
    window = _Window(arts, slack_days)
    groups: list[_Group] = []
    by_key: dict[tuple, list[_Group]] = {}
    # dated events first, so an undated report joins the dated one it is compatible with
    order = [(a, i, ev) for a in arts for i, ev in enumerate(a.events)]
    order.sort(key=lambda t: _precision(t[2].date) == 0)
    for art, seq, ev in order:
        key = event_key(ev, symmetric)
        for g in by_key.get(key, []):
            if g.accepts(art, ev.date, window):
                g.members.append((art, seq, ev))
                g.dates.append(ev.date)
                break
        else:
            g = _Group(key, [(art, seq, ev)], [ev.date])
            groups.append(g)
            by_key.setdefault(key, []).append(g)
    position = {id(a): n for n, a in enumerate(arts)}
    for g in groups:
        g.members.sort(key=lambda t: (position[id(t[0])], t[2].evidence.start, t[1]))
    groups.sort(key=lambda g: (position[id(g.members[0][0])], g.members[0][2].evidence.start))
    return [_merged(g) for g in groups]


def _merged(g: _Group) -> MergedEvent:
    first = g.members[0][2]
    lead = next((ev for _, _, ev in g.members if ev.mode), first)
    best = max(g.members, key=lambda t: _precision(t[2].date))[2]
    mentions: list[MergedMention] = []
    seen: set[tuple[str, int, int]] = set()
    ids = []
    dossiers: dict[str, None] = {}
    for art, seq, ev in g.members:
        ids.append(_event_id(art, seq, ev))
        for sp in ev.mentions or [ev.evidence]:
            if (art.id, sp.start, sp.end) not in seen:
                seen.add((art.id, sp.start, sp.end))
                mentions.append(MergedMention(art.id, art.outlet, sp))
        dossiers.update(dict.fromkeys(ev.dossiers))
    # source/target: prefer a member that names the entity, keep the first member's direction
    src = next((ev.source for _, _, ev in g.members if ev.source and ev.source.entity
                and _same_side(ev, first, "source")), first.source)
    tgt = next((ev.target for _, _, ev in g.members if ev.target and ev.target.entity
                and _same_side(ev, first, "target")), first.target)
    digest = hashlib.sha1("|".join(sorted(ids)).encode("utf-8")).hexdigest()[:16]
    return MergedEvent(
        id=f"m{digest}", type=first.type, mode=lead.mode, quad=first.quad, intensity=lead.intensity,
        source=src, target=tgt,
        date=best.date, date_precision=best.date_precision if best.date else None, modality=first.modality,
        dossiers=list(dossiers), confidence=max(ev.confidence for _, _, ev in g.members),
        mentions=mentions, events=ids,
    )


def _same_side(ev: Event, first: Event, side: str) -> bool:
    mine = getattr(ev, side)
    theirs = getattr(first, side)
    return (mine.code if mine else None) == (theirs.code if theirs else None)


def mark_articles(articles: Iterable[Article], merged: Iterable[MergedEvent]) -> None:
    """Set ``Event.articles`` of each per-article event to the other articles reporting it."""
    by_id: dict[str, list[str]] = {}
    for m in merged:
        for eid in m.events:
            by_id[eid] = m.articles
    for a in articles:
        for seq, ev in enumerate(a.events):
            others = [x for x in by_id.get(_event_id(a, seq, ev), []) if x != a.id]
            ev.articles = others


__all__ = ["SYMMETRIC", "MergedEvent", "MergedMention", "dates_compatible", "event_key", "mark_articles",
           "merge_events"]
