"""The dyad model: how two actors treat each other, per dossier and per period.

:meth:`DyadModel.build` takes event records (from the store or from articles in memory), keeps
those between ``a`` and ``b`` (and, for the third-party view, those of ``a`` or ``b`` with anyone
else), merges reports of one interaction (see :mod:`marsad.model.core`), and fills one
:class:`Cell` per (dossier, period), plus the all-dossier row ``*`` and the all-time column ``*``.
Each cell holds a :class:`~marsad.model.core.Summary` for the three directions -- ``a_to_b``,
``b_to_a`` and ``mutual`` (symmetric types: CONSULT, AGREE, COOPERATE, counted once whichever side
is the source) -- and for all of them together: counts by quad class and type, the balance in
[-1, 1] with its interval, the articles and outlets behind it, and the ids and evidence spans of
every report.

An event with several dossiers counts in each of them (and once in ``*``). An event's period is
its coded date, or -- if it has none and ``undated: published`` -- its article's publication date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.errors import ModelError
from marsad.model.config import ModelConfig
from marsad.model.core import (ALL, PERIODS, Interaction, Summary, build_interactions, effective_date, first_day,
                               outlet_map, period_key, summarize)
from marsad.model.records import EventRecord, StanceRecord

DIRECTIONS = ("a_to_b", "b_to_a", "mutual")


def most_present_dyad(records: Iterable[EventRecord]) -> tuple[str, str]:
    """The pair of actor codes with the most events between them (either direction).

    Ties go to the pair reported by more articles, then to alphabetical order. The first code of
    the pair is the one present in more events overall. Raises :class:`ModelError` when no event
    has two distinct actor codes.
    """
    pairs: Counter = Counter()
    pair_articles: dict[tuple[str, str], set[str]] = {}
    actors: Counter = Counter()
    for r in records:
        s, t = r.source_code, r.target_code
        if s:
            actors[s] += 1
        if t:
            actors[t] += 1
        if s and t and s != t:
            key = (s, t) if s < t else (t, s)
            pairs[key] += 1
            pair_articles.setdefault(key, set()).add(r.article)
    if not pairs:
        raise ModelError("no event has two distinct actor codes: no dyad to model")
    best = min(pairs, key=lambda k: (-pairs[k], -len(pair_articles[k]), k))
    x, y = best
    if actors[y] > actors[x]:
        x, y = y, x
    return x, y


@dataclass(slots=True)
class Cell:
    """One dossier in one period: a summary per direction and one for all directions."""

    dossier: str
    period: str
    total: Summary
    directions: dict[str, Summary]

    def to_dict(self, evidence: bool = True) -> dict:
        return {"dossier": self.dossier, "period": self.period, "total": self.total.to_dict(evidence),
                "directions": {k: v.to_dict(evidence) for k, v in self.directions.items()}}


@dataclass(slots=True)
class ThirdPartyCell:
    """How ``a`` and ``b`` act towards one third party in one dossier and period.

    ``a``/``b`` summarize the interactions where that side is the actor (source, or either side of
    a symmetric type) and the third party the recipient. ``stance_a``/``stance_b`` are
    ``cooperative`` (balance above +stance_band), ``conflictual`` (below -stance_band), ``unclear``
    or ``none``; ``relation`` is ``aligned`` (same stance), ``opposed`` (opposite stances),
    ``one_sided`` (only one of them acts) or ``unclear``. ``agreement``/``opposition`` count
    pairs (an act of a, an act of b) in the same period that point the same way (both cooperative
    or both conflictual) or opposite ways; the all-time cell sums the periods.
    """

    third: str
    dossier: str
    period: str
    a: Summary
    b: Summary
    stance_a: str
    stance_b: str
    relation: str
    agreement: int
    opposition: int

    def to_dict(self, evidence: bool = True) -> dict:
        return {"third": self.third, "dossier": self.dossier, "period": self.period,
                "a": self.a.to_dict(evidence), "b": self.b.to_dict(evidence), "stance_a": self.stance_a,
                "stance_b": self.stance_b, "relation": self.relation, "agreement": self.agreement,
                "opposition": self.opposition}


def _stance(s: Summary, band: float) -> str:
    if s.n == 0 or s.balance is None:
        return "none"
    if s.balance > band:
        return "cooperative"
    if s.balance < -band:
        return "conflictual"
    return "unclear"


def _relation(sa: str, sb: str) -> str:
    if sa == "none" and sb == "none":
        return "unclear"
    if sa == "none" or sb == "none":
        return "one_sided"
    if "unclear" in (sa, sb):
        return "unclear"
    return "aligned" if sa == sb else "opposed"


def _signs(items: list[Interaction]) -> tuple[int, int]:
    coop = conf = 0
    for it in items:
        if it.weight <= 0:
            continue
        if it.intensity > 0:
            coop += 1
        elif it.intensity < 0:
            conf += 1
    return coop, conf


@dataclass(slots=True)
class DyadModel:
    a: str
    b: str
    period: str
    start: str | None
    end: str | None
    config: ModelConfig
    cells: dict[tuple[str, str], Cell]
    third: dict[tuple[str, str, str], ThirdPartyCell]
    interactions: list[Interaction]          # between a and b
    third_interactions: list[Interaction]    # between a or b and someone else (either direction)
    outlet_of: dict[str, str | None]
    n_records: int = 0
    dossiers: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    #: acts on a or b whose author the text does not state (a strike that killed Turkish soldiers);
    #: not in the balance, but the registers list the conflictual ones among the shocks
    unattributed: list[Interaction] = field(default_factory=list)
    #: sentences stating that a and b stand opposed or aligned (not events; see the character's
    #: "stated" rule), within the date range when one is given (by publication date)
    stances: list[StanceRecord] = field(default_factory=list)

    @classmethod
    def build(cls, records: Iterable[EventRecord], a: str | None = None, b: str | None = None,
              period: str = "month", start: str | None = None, end: str | None = None,
              config: ModelConfig | None = None, stances: Iterable[StanceRecord] = ()) -> DyadModel:
        """Build the model of the dyad ``a``–``b`` (default: :func:`most_present_dyad`).

        ``start``/``end`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive) keep the events whose
        date (or publication date, for undated ones) falls in the range; with a range, events with
        no date at all are left out.
        """
        if period not in PERIODS:
            raise ModelError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
        if (a is None) != (b is None):
            raise ModelError("give both actors of the dyad or neither")
        config = config or ModelConfig.load()
        records = records if isinstance(records, list) else list(records)
        if a is None:
            a, b = most_present_dyad(records)
        if a == b:
            raise ModelError(f"a dyad needs two different actors, got {a!r} twice")
        outlet_of = outlet_map(records)
        lo = first_day(start) if start else None
        hi = _upper(end) if end else None
        undated = config.undated
        kept = []
        for r in records:
            s = r.source.code if r.source is not None else None
            t = r.target.code if r.target is not None else None
            if s != a and s != b and t != a and t != b:
                continue
            if lo is not None or hi is not None:
                d, _ = effective_date(r, undated)
                if d is None or (lo is not None and first_day(d) < lo) or (hi is not None and first_day(d) > hi):
                    continue
            kept.append(r)
        inter = build_interactions(kept, config)
        pair = {a, b}
        dyad: list[Interaction] = []
        third: list[Interaction] = []
        unattributed: list[Interaction] = []
        for it in inter:
            s, t = it.source, it.target
            if s is None and t in pair:
                unattributed.append(it)  # an act on a or b whose author the text does not state
            if s is None or t is None or s == t:
                continue
            if s in pair and t in pair:
                dyad.append(it)
            elif s in pair or t in pair:
                third.append(it)
        stated = []
        for st in stances:
            if {st.a, st.b} != pair:
                continue
            d = st.published
            if (lo is not None or hi is not None) and (
                    d is None or (lo is not None and first_day(d) < lo) or (hi is not None and first_day(d) > hi)):
                continue
            stated.append(st)
        model = cls(a, b, period, start, end, config, {}, {}, dyad, third, outlet_of, len(kept),
                    unattributed=unattributed, stances=stated)
        model._fill_cells()
        model._fill_third()
        return model

    # -- building -----------------------------------------------------------------------------
    def _fill_cells(self) -> None:
        a = self.a
        groups: dict[tuple[str, str], dict[str, list[Interaction]]] = {}
        for it in self.interactions:
            direction = "mutual" if it.symmetric else ("a_to_b" if it.source == a else "b_to_a")
            pk = period_key(it.date, self.period)
            periods = (pk, ALL) if pk else (ALL,)
            for d in (*it.dossiers, ALL):
                for p in periods:
                    g = groups.get((d, p))
                    if g is None:
                        g = groups[(d, p)] = {k: [] for k in DIRECTIONS}
                    g[direction].append(it)
        z, outlets = self.config.z, self.outlet_of
        for (d, p), g in groups.items():
            dirs = {k: summarize(v, z, outlets) for k, v in g.items()}
            total = summarize(g["a_to_b"] + g["b_to_a"] + g["mutual"], z, outlets)
            self.cells[(d, p)] = Cell(d, p, total, dirs)
        if (ALL, ALL) not in self.cells:
            empty = {k: summarize([], z, outlets) for k in DIRECTIONS}
            self.cells[(ALL, ALL)] = Cell(ALL, ALL, summarize([], z, outlets), empty)
        self.dossiers = sorted({d for d, _ in self.cells if d != ALL})
        self.periods = sorted({p for _, p in self.cells if p != ALL})

    def _fill_third(self) -> None:
        a, b = self.a, self.b
        groups: dict[tuple[str, str, str], tuple[list[Interaction], list[Interaction]]] = {}
        for it in self.third_interactions:
            if it.source in (a, b):
                actor, x = it.source, it.target
            elif it.symmetric:  # a or b is the target of a symmetric type: an actor all the same
                actor, x = it.target, it.source
            else:  # the third party acts on a or b: not part of this view
                continue
            pk = period_key(it.date, self.period)
            periods = (pk, ALL) if pk else (ALL,)
            for d in (*it.dossiers, ALL):
                for p in periods:
                    g = groups.get((x, d, p))
                    if g is None:
                        g = groups[(x, d, p)] = ([], [])
                    g[0 if actor == a else 1].append(it)
        z, outlets, band = self.config.z, self.outlet_of, self.config.stance_band
        pairs: dict[tuple[str, str], list[int]] = {}
        for (x, d, p), (ga, gb) in groups.items():
            sa, sb = summarize(ga, z, outlets), summarize(gb, z, outlets)
            st_a, st_b = _stance(sa, band), _stance(sb, band)
            agree = oppose = 0
            if p != ALL:
                ca, fa = _signs(ga)
                cb, fb = _signs(gb)
                agree, oppose = ca * cb + fa * fb, ca * fb + fa * cb
                acc = pairs.setdefault((x, d), [0, 0])
                acc[0] += agree
                acc[1] += oppose
            self.third[(x, d, p)] = ThirdPartyCell(x, d, p, sa, sb, st_a, st_b, _relation(st_a, st_b), agree, oppose)
        for (x, d), (agree, oppose) in pairs.items():
            c = self.third.get((x, d, ALL))
            if c is not None:
                c.agreement, c.opposition = agree, oppose

    # -- reading ------------------------------------------------------------------------------
    def cell(self, dossier: str = ALL, period: str = ALL) -> Cell:
        """The cell of a dossier and period (an empty one when nothing was reported there)."""
        c = self.cells.get((dossier, period))
        if c is None:
            z, outlets = self.config.z, self.outlet_of
            c = Cell(dossier, period, summarize([], z, outlets), {k: summarize([], z, outlets) for k in DIRECTIONS})
        return c

    def series(self, dossier: str = ALL) -> list[Cell]:
        """The dossier's cells in period order (periods with no event are left out)."""
        return [self.cells[(dossier, p)] for p in self.periods if (dossier, p) in self.cells]

    def third_parties(self, dossier: str = ALL, period: str = ALL) -> list[ThirdPartyCell]:
        """Third-party cells of a dossier and period, the most active third party first."""
        out = [c for (x, d, p), c in self.third.items() if d == dossier and p == period]
        out.sort(key=lambda c: (-(c.a.n + c.b.n), c.third))
        return out

    def span(self) -> tuple[str | None, str | None]:
        """The first and last dates of the dyad's interactions (coded or publication dates)."""
        dates = [it.date for it in self.interactions if it.date]
        if not dates:
            return None, None
        return min(dates, key=first_day), max(dates, key=first_day)

    def to_dict(self, evidence: bool = True) -> dict:
        first, last = self.span()
        return {
            "a": self.a, "b": self.b, "period": self.period, "start": self.start, "end": self.end,
            "covered": [first, last], "n_records": self.n_records, "n_interactions": len(self.interactions),
            "settings": {"symmetric_types": sorted(self.config.symmetric_types),
                         "modality_weights": dict(self.config.modality_weights), "z": self.config.z,
                         "merge_reports": self.config.merge_reports, "undated": self.config.undated},
            "dossiers": list(self.dossiers), "periods": list(self.periods),
            "cells": [c.to_dict(evidence) for _, c in sorted(self.cells.items())],
            "third_parties": [c.to_dict(evidence) for _, c in sorted(self.third.items())],
            "stances": [s.to_dict() for s in self.stances],
        }


def _upper(end: str) -> str:
    """Inclusive upper bound on first days: ``2021`` covers up to ``2021-12-31``."""
    if len(end) == 4:
        return end + "-12-31"
    if len(end) == 7:
        return end + "-31"
    return end[:10]
