"""What every view of the model shares: interactions, periods, and the balance with its interval.

Interactions
    Several articles reporting one interaction give several :class:`EventRecord`. With
    ``merge_reports`` they are merged into one :class:`Interaction` keyed by (type, mode, actors --
    unordered for symmetric types --, date as coded, modality); its intensity is the mean of its
    reports', its confidence the highest. Every number then counts interactions, while the ids,
    evidence spans, articles and outlets of all the reports stay attached.

Balance (cooperation-conflict), in [-1, 1]
    For interactions i with intensity I_i (PLOVER, -10..+10), confidence c_i and modality weight
    m_i (asserted 1, future 0.5, hypothetical 0.25, negated 0 -- see model.yaml)::

        w_i = c_i * m_i
        B   = sum(w_i * I_i) / sum(w_i * |I_i|)

    B = +1 when everything is cooperation, -1 when everything is conflict. Interactions of
    intensity 0 (REQUEST) and negated ones do not move it. B = 2p - 1 where
    p = sum over cooperative i of w_i|I_i| / sum of w_i|I_i| is the weighted cooperative share.

Interval
    A Wilson score interval on p with the Kish effective number of interactions
    n_eff = (sum v_i)^2 / sum v_i^2, v_i = w_i|I_i| (n_eff = n when all weigh the same, less when a
    few dominate), mapped back to B. With one interaction the 95 % interval is about 1.6 wide, with
    ten about 0.6, with a hundred about 0.07; with none it is [-1, 1] and B is None.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.model.config import ModelConfig
from marsad.model.records import EventRecord

COOP_QUADS = ("verbal_coop", "material_coop")
CONFLICT_QUADS = ("verbal_conflict", "material_conflict")
QUADS = COOP_QUADS + CONFLICT_QUADS
PERIODS = ("month", "quarter", "year")
ALL = "*"
NO_DOSSIER = "(none)"


def period_key(date: str | None, period: str) -> str | None:
    """The period a date falls in: ``2021-09`` (month), ``2021-Q3`` (quarter), ``2021`` (year).

    A date coarser than the period keeps its own precision (a year-only date in a month view is
    the cell ``2015``), so nothing is placed in a month it may not belong to.
    """
    if not date:
        return None
    if period == "year" or len(date) < 7:
        return date[:4]
    if period == "month":
        return date[:7]
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"


def first_day(date: str) -> str:
    """``2015`` -> ``2015-01-01``, ``2021-09`` -> ``2021-09-01``."""
    if len(date) == 4:
        return date + "-01-01"
    if len(date) == 7:
        return date + "-01"
    return date[:10]


def wilson(p: float, n: float, z: float) -> tuple[float, float]:
    """Wilson score interval of a proportion ``p`` observed over ``n`` (effective) trials."""
    if n <= 0:
        return 0.0, 1.0
    z2 = z * z
    denom = 1.0 + z2 / n
    center = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(max(p * (1 - p), 0.0) / n + z2 / (4 * n * n)) / denom
    return max(0.0, center - half), min(1.0, center + half)


@dataclass(slots=True)
class Interaction:
    """One interaction: the reports (event records) of it, merged."""

    key: tuple
    type: str
    mode: str | None
    quad: str
    modality: str
    source: str | None
    target: str | None
    symmetric: bool
    date: str | None
    dated_by: str | None
    intensity: float
    confidence: float
    weight: float
    records: list[EventRecord] = field(default_factory=list)
    dossiers: tuple[str, ...] = ()
    #: precomputed by build_interactions for summarize: w*I, w*|I|, the articles behind it
    signed: float = 0.0
    magnitude: float = 0.0
    article_ids: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.records[0].id

    def involves(self, code: str) -> bool:
        return self.source == code or self.target == code

    def other(self, code: str) -> str | None:
        return self.target if self.source == code else self.source

    def articles(self) -> set[str]:
        out = set()
        for r in self.records:
            out.add(r.article)
            out.update(r.also_in)
        return out

    def evidence(self) -> list[dict]:
        return [evidence_dict(r) for r in self.records]

    def to_dict(self) -> dict:
        r0 = self.records[0]
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "quad": self.quad, "modality": self.modality,
            "source": self.source, "target": self.target, "symmetric": self.symmetric, "date": self.date,
            "dated_by": self.dated_by, "date_precision": r0.date_precision if self.dated_by == "event" else "day",
            "intensity": round(self.intensity, 3), "confidence": round(self.confidence, 3),
            "weight": round(self.weight, 3), "dossiers": list(self.dossiers),
            "events": [r.id for r in self.records], "evidence": [evidence_dict(r) for r in self.records],
        }


def evidence_dict(r: EventRecord) -> dict:
    return {"event": r.id, "article": r.article, "outlet": r.outlet, "published": r.published,
            "start": r.evidence.start, "end": r.evidence.end, "text": r.evidence.text}


def effective_date(r: EventRecord, undated: str) -> tuple[str | None, str | None]:
    if r.date:
        return r.date, "event"
    if undated == "published" and r.published:
        return r.published[:10], "published"
    return None, None


def build_interactions(records: Iterable[EventRecord], config: ModelConfig) -> list[Interaction]:
    """Group event records into interactions (one per record when ``merge_reports`` is off)."""
    sym_types = config.symmetric_types
    weights = config.modality_weights
    use_published = config.undated == "published"
    merge = config.merge_reports
    groups: dict[tuple, Interaction] = {}
    out: list[Interaction] = []
    for r in records:
        s = r.source.code if r.source is not None else None
        t = r.target.code if r.target is not None else None
        sym = r.type in sym_types
        if sym and s is not None and t is not None and t < s:
            pair = (t, s)
        else:
            pair = (s, t)
        date = r.date
        if date:
            dated_by = "event"
        elif use_published and r.published:
            date, dated_by = r.published[:10], "published"
        else:
            date = dated_by = None
        key = (r.type, r.mode, pair, date, r.modality) if merge else (r.id,)
        it = groups.get(key)
        if it is None:
            it = Interaction(key, r.type, r.mode, r.quad, r.modality, s, t, sym, date, dated_by, r.intensity,
                             r.confidence, 0.0, [r], tuple(r.dossiers))
            groups[key] = it
            out.append(it)
        else:
            it.records.append(r)
            if r.confidence > it.confidence:
                it.confidence = r.confidence
            if r.dossiers:
                it.dossiers = tuple(dict.fromkeys(it.dossiers + tuple(r.dossiers)))
    if merge and config.merge_window_days >= 0:
        out = _merge_story_reports(out, config.merge_window_days, use_published)
    for it in out:
        n = len(it.records)
        if n > 1:
            it.intensity = sum(r.intensity for r in it.records) / n
        it.weight = w = it.confidence * weights.get(it.modality, 0.0)
        it.signed = w * it.intensity
        it.magnitude = abs(it.signed)
        recs = it.records
        if n == 1 and not recs[0].also_in:
            it.article_ids = frozenset((recs[0].article,))
        else:
            it.article_ids = frozenset(it.articles())
        if not it.dossiers:
            it.dossiers = (NO_DOSSIER,)
    return out


def _day(date: str | None):
    if date and len(date) == 10:
        try:
            return _dt.date.fromisoformat(date)
        except ValueError:
            return None
    return None


def _dates_compatible(x: str | None, y: str | None, window: int) -> bool:
    """Equal, one a prefix of the other (``2021-09`` and ``2021-09-29``), or two days at most
    ``window`` days apart."""
    if not x or not y:
        return False
    if x.startswith(y) or y.startswith(x):
        return True
    dx, dy = _day(x), _day(y)
    return dx is not None and dy is not None and abs((dx - dy).days) <= window


def choose_date(records: Sequence[EventRecord], use_published: bool) -> tuple[str | None, str | None]:
    """The date of an interaction whose reports disagree (see :func:`build_interactions`).

    Reports are ranked by (day precision, explicit), *explicit* meaning the coded date differs
    from the report's publication date -- so it came from a date in the text, not from the rule
    that dates the news of the day by its publication. Among the best-ranked dates the most
    frequent wins, then the earliest. With no coded date: the most frequent publication day.
    """
    best: dict[str, int] = {}
    rank = None
    for r in records:
        if not r.date:
            continue
        rk = (len(r.date) == 10, r.date != (r.published or "")[:10], len(r.date))
        if rank is None or rk > rank:
            rank, best = rk, {}
        if rk == rank:
            best[r.date] = best.get(r.date, 0) + 1
    if best:
        return min(best, key=lambda d: (-best[d], first_day(d))), "event"
    if use_published:
        pubs: dict[str, int] = {}
        for r in records:
            if r.published:
                pubs[r.published[:10]] = pubs.get(r.published[:10], 0) + 1
        if pubs:
            return min(pubs, key=lambda d: (-pubs[d], d)), "published"
    return None, None


def _merge_story_reports(items: list[Interaction], window: int, use_published: bool) -> list[Interaction]:
    """Second merging pass: within one story (press compilation or story cluster), interactions of
    the same type, actors (unordered for symmetric types) and modality whose dates are compatible
    (:func:`_dates_compatible`) and whose modes agree (an unstated mode agrees with any) are one
    interaction -- the outlets of a press file date one summit by the day it happened, by their
    own publication day or by its month, and some call it a visit while others do not."""
    groups: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        story = it.records[0].story
        if story is None or it.date is None:
            continue
        pair = it.key[2] if len(it.key) == 5 else (it.source, it.target)
        groups.setdefault((it.type, pair, it.modality, story), []).append(i)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged_any = False
    for idx in groups.values():
        if len(idx) < 2:
            continue
        for x in range(len(idx)):
            ix = items[idx[x]]
            for y in range(x + 1, len(idx)):
                iy = items[idx[y]]
                if ix.mode is not None and iy.mode is not None and ix.mode != iy.mode:
                    continue
                if _dates_compatible(ix.date, iy.date, window):
                    rx, ry = find(idx[x]), find(idx[y])
                    if rx != ry:
                        parent[max(rx, ry)] = min(rx, ry)
                        merged_any = True
    if not merged_any:
        return items
    members: dict[int, list[Interaction]] = {}
    for i, it in enumerate(items):
        members.setdefault(find(i), []).append(it)
    out = []
    for root in sorted(members):
        its = members[root]
        head = its[0]
        if len(its) > 1:
            for other in its[1:]:
                head.records.extend(other.records)
                head.confidence = max(head.confidence, other.confidence)
                head.dossiers = tuple(dict.fromkeys(head.dossiers + other.dossiers))
            modes: dict[str, int] = {}
            for r in head.records:
                if r.mode:
                    modes[r.mode] = modes.get(r.mode, 0) + 1
            head.mode = max(modes, key=lambda m: modes[m]) if modes else None
            head.date, head.dated_by = choose_date(head.records, use_published)
        out.append(head)
    return out


@dataclass(slots=True)
class Summary:
    """The numbers of a set of interactions, and the reports behind them."""

    interactions: list[Interaction]
    n_reports: int
    quads: dict[str, int]
    types: dict[str, int]
    balance: float | None
    low: float
    high: float
    n_eff: float
    coop_share: float | None
    articles: list[str]
    outlets: list[str]

    @property
    def n(self) -> int:
        return len(self.interactions)

    @property
    def width(self) -> float:
        return self.high - self.low

    def event_ids(self) -> list[str]:
        return [r.id for it in self.interactions for r in it.records]

    def to_dict(self, evidence: bool = True) -> dict:
        d = {
            "n_interactions": self.n, "n_reports": self.n_reports, "quads": dict(self.quads),
            "types": dict(self.types),
            "balance": None if self.balance is None else round(self.balance, 4),
            "interval": [round(self.low, 4), round(self.high, 4)], "n_eff": round(self.n_eff, 3),
            "coop_share": None if self.coop_share is None else round(self.coop_share, 4),
            "n_articles": len(self.articles), "n_outlets": len(self.outlets),
            "articles": list(self.articles), "outlets": list(self.outlets),
            "events": self.event_ids(),
        }
        if evidence:
            d["evidence"] = [evidence_dict(r) for it in self.interactions for r in it.records]
        return d


def summarize(interactions: Sequence[Interaction], z: float, outlet_of: dict[str, str | None]) -> Summary:
    """Counts, balance and interval of ``interactions`` (see the module docstring)."""
    quads = dict.fromkeys(QUADS, 0)
    types: dict[str, int] = {}
    num = den = den2 = 0.0
    n_reports = 0
    articles: set[str] = set()
    for it in interactions:
        quads[it.quad] = quads.get(it.quad, 0) + 1
        types[it.type] = types.get(it.type, 0) + 1
        v = it.magnitude
        num += it.signed
        den += v
        den2 += v * v
        n_reports += len(it.records)
        articles |= it.article_ids
    if den > 0:
        balance = num / den
        p = (balance + 1) / 2
        n_eff = den * den / den2
        lo, hi = wilson(p, n_eff, z)
        coop = p
    else:
        balance, coop, n_eff, lo, hi = None, None, 0.0, 0.0, 1.0
    outlets = sorted({o for a in articles if (o := outlet_of.get(a))})
    return Summary(list(interactions), n_reports, quads, types, balance, 2 * lo - 1, 2 * hi - 1, n_eff, coop,
                   sorted(articles), outlets)


def outlet_map(records: Iterable[EventRecord]) -> dict[str, str | None]:
    return {r.article: r.outlet for r in records}
