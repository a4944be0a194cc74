"""Registers of the dyad: leader contacts, agreements, disputes and shocks, figures over time.

Built from a :class:`~marsad.model.dyad.DyadModel` (its merged interactions between ``a`` and
``b``, so a summit reported by 26 articles is one row with 26 pieces of evidence) and from
quantity records.

* Contacts: CONSULT interactions. ``mode`` is the event's mode (visit, phone, multilateral,
  third-party) or ``meeting`` when none was coded; ``places`` are the place entities mentioned in
  the evidence sentences; ``participants`` the people (the event's own source/target entities
  when they are people, and the people mentioned in the evidence); ``dossiers`` the dossiers of the reports.
* Agreements: AGREE and COOPERATE interactions; ``status`` from the modality: asserted =
  concluded, future = announced, hypothetical = possible, negated = denied.
* Shocks: conflict interactions (intensity < 0) that were reported as having happened
  (asserted), sharpest (lowest intensity) first, then the most reported. Conflictual acts on a or
  b whose author the text does not state (``source`` None: a strike that killed one side's
  soldiers) are listed too when they come from articles that report an event of the dyad: the
  register says what hit the relationship, the balance counts only what one did to the other.
* Figures: quantities grouped by ``what`` (trade_volume, trade_target, tourists, gas_volume,
  investment, ...), then by the date the figure is about (the quantity's date, else the
  publication date) and unit. Reports of one what+date+unit whose values differ by more than
  ``figure_tolerance`` of the larger are flagged ``conflict`` and listed side by side.
  By default only figures from articles that report an event of the dyad are kept
  (``scope="dyad"``); ``scope="all"`` keeps every figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.errors import ModelError
from marsad.model.core import Interaction, first_day
from marsad.model.dyad import DyadModel
from marsad.model.records import QuantityRecord

STATUS = {"asserted": "concluded", "future": "announced", "hypothetical": "possible", "negated": "denied"}


def _outlets(it: Interaction) -> list[str]:
    return sorted({r.outlet for r in it.records if r.outlet})


def _articles(it: Interaction) -> list[str]:
    return sorted(it.articles())


@dataclass(slots=True)
class Contact:
    date: str | None
    date_precision: str | None
    mode: str
    modality: str
    places: list[dict]
    participants: list[dict]
    dossiers: list[str]
    interaction: Interaction

    def to_dict(self) -> dict:
        it = self.interaction
        return {"date": self.date, "date_precision": self.date_precision, "mode": self.mode,
                "modality": self.modality, "places": self.places, "participants": self.participants,
                "dossiers": list(self.dossiers), "source": it.source, "target": it.target,
                "events": [r.id for r in it.records], "articles": _articles(it), "outlets": _outlets(it),
                "evidence": it.evidence()}


@dataclass(slots=True)
class Agreement:
    type: str
    date: str | None
    status: str
    what: list[str]
    dossiers: list[str]
    interaction: Interaction

    def to_dict(self) -> dict:
        it = self.interaction
        return {"type": self.type, "date": self.date, "status": self.status, "modality": it.modality,
                "what": self.what, "dossiers": list(self.dossiers), "source": it.source, "target": it.target,
                "events": [r.id for r in it.records], "articles": _articles(it), "outlets": _outlets(it),
                "evidence": it.evidence()}


@dataclass(slots=True)
class Shock:
    type: str
    mode: str | None
    date: str | None
    intensity: float
    source: str | None
    target: str | None
    dossiers: list[str]
    interaction: Interaction

    def to_dict(self) -> dict:
        it = self.interaction
        return {"type": self.type, "mode": self.mode, "date": self.date, "intensity": round(self.intensity, 3),
                "source": self.source, "target": self.target, "dossiers": list(self.dossiers),
                "n_reports": len(it.records), "events": [r.id for r in it.records], "articles": _articles(it),
                "outlets": _outlets(it), "evidence": it.evidence()}


@dataclass(slots=True)
class FigurePoint:
    """All reports of one figure: what, the date it is about, unit."""

    what: str
    date: str | None
    dated_by: str
    unit: str | None
    reports: list[QuantityRecord]
    conflict: bool

    @property
    def values(self) -> list[float]:
        return sorted({q.value for q in self.reports})

    def to_dict(self) -> dict:
        vals = sorted(q.value for q in self.reports)
        mid = len(vals) // 2
        median = vals[mid] if len(vals) % 2 else (vals[mid - 1] + vals[mid]) / 2
        return {
            "what": self.what, "date": self.date, "dated_by": self.dated_by, "unit": self.unit,
            "values": self.values, "median": median, "conflict": self.conflict,
            "n_sources": len({q.outlet or q.article for q in self.reports}),
            "reports": [{"value": q.value, "text": q.span.text, "start": q.span.start, "end": q.span.end,
                         "article": q.article, "outlet": q.outlet, "published": q.published, "title": q.title}
                        for q in self.reports],
        }


@dataclass(slots=True)
class Registers:
    a: str
    b: str
    contacts: list[Contact] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    shocks: list[Shock] = field(default_factory=list)
    figures: dict[str, list[FigurePoint]] = field(default_factory=dict)

    @classmethod
    def build(cls, model: DyadModel, quantities: Iterable[QuantityRecord] = (), scope: str = "dyad",
              max_shocks: int = 20, tolerance: float | None = None, kb=None) -> Registers:
        """``kb`` (a KnowledgeBase) names the participants and places the evidence does not name
        (an event's own source/target person, e.g. a leader behind a capital's name)."""
        if scope not in ("dyad", "all"):
            raise ModelError(f"scope must be 'dyad' or 'all', not {scope!r}")
        reg = cls(model.a, model.b)
        by_date = lambda x: (first_day(x.date) if x.date else "9999", x.interaction.id)  # noqa: E731
        for it in model.interactions:
            if it.type == "CONSULT":
                reg.contacts.append(_contact(it, kb))
            elif it.type in ("AGREE", "COOPERATE"):
                what = sorted({r.trigger.text for r in it.records if r.trigger is not None and r.trigger.text})
                reg.agreements.append(Agreement(it.type, it.date, STATUS.get(it.modality, it.modality), what,
                                                list(it.dossiers), it))
            if it.intensity < 0 and it.modality == "asserted":
                reg.shocks.append(Shock(it.type, it.mode, it.date, it.intensity, it.source, it.target,
                                        list(it.dossiers), it))
        dyad_articles = {a for it in model.interactions for a in it.articles()}
        for it in model.unattributed:
            if it.intensity < 0 and it.modality == "asserted" and dyad_articles.intersection(it.articles()):
                reg.shocks.append(Shock(it.type, it.mode, it.date, it.intensity, None, it.target,
                                        list(it.dossiers), it))
        reg.contacts.sort(key=by_date)
        reg.agreements.sort(key=by_date)
        reg.shocks.sort(key=lambda s: (s.intensity, -len(s.interaction.records),
                                       first_day(s.date) if s.date else "9999"))
        del reg.shocks[max_shocks:]
        keep = dyad_articles if scope == "dyad" else None
        tol = model.config.figure_tolerance if tolerance is None else tolerance
        reg.figures = figures(quantities, keep, tol)
        return reg

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b,
                "contacts": [c.to_dict() for c in self.contacts],
                "agreements": [x.to_dict() for x in self.agreements],
                "shocks": [s.to_dict() for s in self.shocks],
                "figures": {w: [p.to_dict() for p in pts] for w, pts in self.figures.items()}}


def _kb_name(kb, entity: str | None) -> str | None:
    if kb is None or not entity:
        return None
    e = kb.get(entity)
    if e is None:
        return None
    return e.name_ar or e.name_en


def _contact(it: Interaction, kb=None) -> Contact:
    places: dict[str, dict] = {}
    people: dict[str, dict] = {}
    for r in it.records:
        for ref in (r.source, r.target):
            if ref is not None and ref.entity and ref.entity.startswith(("person.", "doc:person:")):
                people.setdefault(ref.entity, {"entity": ref.entity, "name": None, "acts_for": ref.code, "n": 0})
        for c in r.context:
            if c.kind == "place":
                p = places.setdefault(c.entity, {"entity": c.entity, "name": c.name or c.text, "n": 0})
                p["n"] += 1
            elif c.kind == "person":
                p = people.setdefault(c.entity, {"entity": c.entity, "name": None, "acts_for": c.acts_for, "n": 0})
                p["name"] = p["name"] or c.name or c.text
                p["n"] += 1
    for d in (*places.values(), *people.values()):
        if not d["name"]:
            d["name"] = _kb_name(kb, d["entity"])
    date_precision = it.records[0].date_precision if it.dated_by == "event" else ("day" if it.date else None)
    return Contact(it.date, date_precision, it.mode or "meeting", it.modality,
                   sorted(places.values(), key=lambda p: (-p["n"], p["entity"])),
                   sorted(people.values(), key=lambda p: (-p["n"], p["entity"])), list(it.dossiers), it)


def figures(quantities: Iterable[QuantityRecord], articles: set[str] | None = None,
            tolerance: float = 0.02) -> dict[str, list[FigurePoint]]:
    """Figures grouped by what, then by (date, unit), in date order (see the module docstring)."""
    groups: dict[tuple[str, str | None, str | None], tuple[str, list[QuantityRecord]]] = {}
    for q in quantities:
        if articles is not None and q.article not in articles:
            continue
        what = q.what or "other"
        if q.date:
            date, dated_by = q.date, "figure"
        elif q.published:
            date, dated_by = q.published[:10], "published"
        else:
            date, dated_by = None, "none"
        key = (what, date, q.unit)
        g = groups.get(key)
        if g is None:
            groups[key] = (dated_by, [q])
        else:
            g[1].append(q)
    out: dict[str, list[FigurePoint]] = {}
    for (what, date, unit), (dated_by, reports) in groups.items():
        vals = [q.value for q in reports]
        hi = max(abs(v) for v in vals)
        conflict = hi > 0 and (max(vals) - min(vals)) > tolerance * hi
        out.setdefault(what, []).append(FigurePoint(what, date, dated_by, unit, reports, conflict))
    for pts in out.values():
        pts.sort(key=lambda p: (first_day(p.date) if p.date else "9999", p.unit or ""))
    return dict(sorted(out.items()))
