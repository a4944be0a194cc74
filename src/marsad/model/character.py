"""The character of the relationship, dossier by dossier, and how it changed.

Labels (thresholds in ``model.yaml``, ``character:``), on the all-time balance B of a dossier:

* ``insufficient`` -- fewer than ``min_events`` (2) interactions;
* ``cooperative``  -- B >= ``cooperative`` (0.5: cooperation is at least three quarters of the
  weighted intensity);
* ``contested``    -- B < ``contested`` (0: conflict outweighs cooperation);
* ``mixed``        -- in between: cooperation outweighs conflict but conflict is a quarter or more
  of it -- the compartmentalized cooperation of rivals.

Opposite sides (``opposite_sides: true``): a dossier in which a and b stand on opposite sides of
a third party X (:func:`opposite_sides`: over all time, one of them has an act of conflict towards
X, the other an act of cooperation towards X, and the first one's balance with X is lower than the
other's by at least ``side_gap``) is ``contested`` whatever the direct balance and however few direct interactions it has -- rivals
who meet often to talk about a war in which they back opposite camps are not cooperating on it.
Such a label is never ``firm``. The all-dossier row ``*`` is then ``mixed`` rather than
``cooperative`` when some dossier is contested (cooperation compartmentalized around disputes).

Rival camps (``rival_camps: true``): the knowledge base lists rival camps of one conflict
(``rivals``: the LNA and the Tripoli government, Azerbaijan and Armenia). When a backs X and b
backs X's rival Y in a dossier (:func:`rival_camps`: a has a cooperative stance towards X and b
towards Y -- balance above ``stance_band`` --, and each leans to its own camp by at least
``side_gap``: B(a, X) - B(a, Y) and B(b, Y) - B(b, X), a side never acting on a camp counting as
0), they stand on opposite sides too: X and Y join ``opposed`` and the pair is listed in ``camps``.

Stated sides (``stated_sides: true``): sentences that state a and b stand opposed or aligned over
an issue (``Stance`` records, not events) are counted per dossier. A dossier where the
asserted opposed sentences outnumber the aligned ones by at least ``stated_min`` (1) is
``contested`` -- unless its events say otherwise by a clear margin: its direct label is
``cooperative`` and ``firm`` (the whole interval at or above ``cooperative``). Such a label is
never firm; ``stated_opposed``/``stated_aligned`` and their evidence are kept on the dossier.

``firm`` says whether the whole interval of B lies inside the label's band (a label that a few
more events could overturn is not firm).

Change: the dossier's interactions are split into two periods -- by default the first and
second halves of the time the dyad's interactions cover (by day), or two periods the user
gives -- and B is computed for each. ``warmer``/``cooler`` when B moved by at least ``shift``
(0.2), ``stable`` otherwise, ``unknown`` when a half has no weighted interaction.

Third parties: for every other actor X that interacts with a or b in the dossier (either
direction, any type), the balance of its interactions with a and with b; X ``leans`` to a when
B(a, X) - B(b, X) >= ``side_gap`` (0.3; a side X never interacts with counts as 0), to b in the
mirror case, ``even`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from marsad.errors import ModelError
from marsad.model.config import ModelConfig
from marsad.model.core import ALL, COOP_QUADS, Interaction, Summary, first_day, summarize
from marsad.model.dyad import DyadModel

LABELS = ("cooperative", "contested", "mixed", "insufficient")


def label_of(s: Summary, min_events: int, cooperative: float, contested: float) -> tuple[str, bool]:
    """The character label of a summary and whether its interval lies inside the label's band."""
    if s.n < min_events or s.balance is None:
        return "insufficient", False
    if s.balance >= cooperative:
        return "cooperative", s.low >= cooperative
    if s.balance < contested:
        return "contested", s.high < contested
    return "mixed", s.low >= contested and s.high < cooperative


def _acts(s: Summary) -> tuple[bool, bool]:
    """Whether a summary holds a weighted cooperative act and a weighted conflictual act."""
    coop = conf = False
    for it in s.interactions:
        if it.weight <= 0:
            continue
        if it.intensity > 0:
            coop = True
        elif it.intensity < 0:
            conf = True
    return coop, conf


def opposite_sides(sa: Summary, sb: Summary, gap: float) -> bool:
    """a and b stand on opposite sides of a third party X (``sa``/``sb``: their acts towards X).

    One of them has a (weighted) conflictual act towards X, the other a cooperative one, and the
    balance of the one in conflict is lower than the other's by at least ``gap`` (side_gap).
    """
    if sa.balance is None or sb.balance is None:
        return False
    coop_a, conf_a = _acts(sa)
    coop_b, conf_b = _acts(sb)
    if conf_a and coop_b and sb.balance - sa.balance >= gap:
        return True
    return conf_b and coop_a and sa.balance - sb.balance >= gap


def _backs(s: Summary | None, band: float) -> bool:
    """A cooperative stance: a weighted cooperative act and a balance above ``band``."""
    return s is not None and s.balance is not None and s.balance > band and _acts(s)[0]


def rival_camps(model: DyadModel, dossier: str, rivals: dict[str, frozenset[str]] | None,
                band: float, gap: float) -> list[tuple[str, str]]:
    """Pairs (X, Y) of rival camps in ``dossier`` where a backs X and b backs Y (all time).

    a backs X: a's acts towards X have a cooperative stance (balance above ``band``, with a weighted
    cooperative act); likewise b towards Y; and each leans to its own camp by at least ``gap``
    (B(a, X) - B(a, Y) and B(b, Y) - B(b, X); no acts towards a camp count as 0).
    """
    if not rivals:
        return []
    cells = {x: c for (x, d, p), c in model.third.items() if d == dossier and p == ALL}
    out = []
    for x, cx in cells.items():
        if not _backs(cx.a, band):
            continue
        for y in sorted(rivals.get(x, ())):
            cy = cells.get(y)
            if cy is None or y in (model.a, model.b) or not _backs(cy.b, band):
                continue
            ax, ay = cx.a.balance or 0.0, (cy.a.balance or 0.0) if cy.a.n else 0.0
            bx, by = (cx.b.balance or 0.0) if cx.b.n else 0.0, cy.b.balance or 0.0
            if ax - ay >= gap and by - bx >= gap:
                out.append((x, y))
    return sorted(out)


def _stated(stances, dossier: str) -> tuple[list, list]:
    """The asserted opposed and aligned statements about a dossier (one per sentence)."""
    opp, ali, seen = [], [], set()
    for st in stances:
        if dossier not in st.dossiers or st.modality != "asserted":
            continue
        key = (st.article, st.evidence.start, st.stance)
        if key in seen:
            continue
        seen.add(key)
        (opp if st.stance == "opposed" else ali).append(st)
    return opp, ali


@dataclass(slots=True)
class ThirdSide:
    third: str
    with_a: Summary
    with_b: Summary
    leans: str  # "a", "b" or "even"

    def to_dict(self, a: str, b: str) -> dict:
        lean = {"a": a, "b": b}.get(self.leans, "even")
        return {"third": self.third, "leans": lean,
                "with_a": {"n": self.with_a.n, "balance": _r(self.with_a.balance), "events": self.with_a.event_ids()},
                "with_b": {"n": self.with_b.n, "balance": _r(self.with_b.balance), "events": self.with_b.event_ids()}}


@dataclass(slots=True)
class DossierCharacter:
    dossier: str
    label: str
    firm: bool
    overall: Summary
    periods: tuple[tuple[str, str], tuple[str, str]] | None
    first: Summary | None
    second: Summary | None
    change: str
    third_parties: list[ThirdSide]
    summary_en: str = ""
    summary_ar: str = ""
    #: third parties a and b take opposite stances towards in this dossier (the dyad's third-party
    #: cells with relation ``opposed``): "on opposite sides", which makes the dossier contested
    opposed: list[str] = field(default_factory=list)
    #: rival camps (X, Y) backed by a and by b respectively (knowledge-base ``rivals``)
    camps: list[tuple[str, str]] = field(default_factory=list)
    #: asserted sentences stating a and b stand opposed / aligned over this dossier (StanceRecords)
    stated_opposed: list = field(default_factory=list)
    stated_aligned: list = field(default_factory=list)
    #: why the label differs from the direct balance's: "opposite_sides", "rival_camps", "stated" or ""
    reason: str = ""

    def to_dict(self, a: str, b: str, cfg=None) -> dict:
        def half(s: Summary | None, p) -> dict | None:
            if s is None:
                return None
            label = label_of(s, cfg.min_events, cfg.cooperative, cfg.contested)[0] if cfg is not None else None
            return {"period": list(p) if p else None, "n": s.n, "balance": _r(s.balance),
                    "interval": [_r(s.low), _r(s.high)], "events": s.event_ids(), "label": label}
        return {
            "dossier": self.dossier, "label": self.label, "firm": self.firm,
            "n_interactions": self.overall.n, "n_reports": self.overall.n_reports,
            "balance": _r(self.overall.balance), "interval": [_r(self.overall.low), _r(self.overall.high)],
            "quads": dict(self.overall.quads), "n_articles": len(self.overall.articles),
            "n_outlets": len(self.overall.outlets), "events": self.overall.event_ids(),
            "change": self.change,
            "first": half(self.first, self.periods[0] if self.periods else None),
            "second": half(self.second, self.periods[1] if self.periods else None),
            "third_parties": [t.to_dict(a, b) for t in self.third_parties],
            "opposed": list(self.opposed),
            "camps": [list(c) for c in self.camps],
            "stated": {"opposed": len(self.stated_opposed), "aligned": len(self.stated_aligned),
                       "evidence": [s.to_dict() for s in self.stated_opposed + self.stated_aligned]},
            "reason": self.reason,
            "summary": {"en": self.summary_en, "ar": self.summary_ar},
        }


@dataclass(slots=True)
class Character:
    a: str
    b: str
    periods: tuple[tuple[str, str], tuple[str, str]] | None
    config: ModelConfig | None = None
    dossiers: dict[str, DossierCharacter] = field(default_factory=dict)

    @classmethod
    def build(cls, model: DyadModel, periods: tuple[tuple[str, str], tuple[str, str]] | None = None,
              kb=None, rivals: dict[str, frozenset[str]] | None = None) -> Character:
        """Character of every dossier of ``model`` (and of ``*``, all dossiers together).

        ``periods``: two (start, end) ranges (``YYYY[-MM[-DD]]``, inclusive) to compare; by
        default the two halves of the covered time. ``kb`` (a KnowledgeBase) lends names to actor
        codes the settings do not label, and its rival camps (``rival_codes()``) unless
        ``rivals`` (actor code -> rival codes) is given.
        """
        if rivals is None and kb is not None and hasattr(kb, "rival_codes"):
            rivals = kb.rival_codes()
        cfg = model.config
        if periods is None:
            periods = _halves(model)
        elif len(periods) != 2:
            raise ModelError("give exactly two periods to compare")
        out = cls(model.a, model.b, periods, cfg)
        z, outlets = cfg.z, model.outlet_of
        by_dossier: dict[str, list[Interaction]] = {}
        for it in model.interactions:
            for d in (*it.dossiers, ALL):
                by_dossier.setdefault(d, []).append(it)
        thirds: dict[str, dict[str, tuple[list[Interaction], list[Interaction]]]] = {}
        for it in model.third_interactions:
            side_a = it.involves(model.a)
            x = it.other(model.a if side_a else model.b)
            for d in (*it.dossiers, ALL):
                g = thirds.setdefault(d, {}).setdefault(x, ([], []))
                g[0 if side_a else 1].append(it)
        opposed: dict[str, list[str]] = {}
        if cfg.opposite_sides:
            for (x, d, p), c in model.third.items():
                if p == ALL and d != ALL and opposite_sides(c.a, c.b, cfg.side_gap):
                    opposed.setdefault(d, []).append(x)
            for d in opposed:
                opposed[d].sort(key=lambda x: (-(model.third[(x, d, ALL)].a.n + model.third[(x, d, ALL)].b.n), x))
                by_dossier.setdefault(d, [])
        reasons: dict[str, str] = {d: "opposite_sides" for d in opposed}
        camps: dict[str, list[tuple[str, str]]] = {}
        if cfg.rival_camps and rivals:
            for d in sorted({d for (_, d, p) in model.third if p == ALL and d != ALL}):
                found = rival_camps(model, d, rivals, cfg.stance_band, cfg.side_gap)
                if found:
                    camps[d] = found
                    sides = opposed.setdefault(d, [])
                    for pair in found:
                        sides.extend(x for x in pair if x not in sides)
                    reasons.setdefault(d, "rival_camps")
                    by_dossier.setdefault(d, [])
        stated: dict[str, tuple[list, list]] = {}
        if cfg.stated_sides and model.stances:
            for d in sorted({d for st in model.stances for d in st.dossiers}):
                stated[d] = _stated(model.stances, d)
                by_dossier.setdefault(d, [])
        contested_any = False
        for d in sorted(by_dossier, key=lambda d: (d == ALL, d)):
            items = by_dossier[d]
            overall = model.cell(d, ALL).total
            label, firm = label_of(overall, cfg.min_events, cfg.cooperative, cfg.contested)
            sides = opposed.get(d, []) if d != ALL else []
            reason = ""
            if sides and label != "contested":
                label, firm, reason = "contested", False, reasons.get(d, "opposite_sides")
            st_opp, st_ali = stated.get(d, ([], [])) if d != ALL else ([], [])
            if len(st_opp) - len(st_ali) >= max(cfg.stated_min, 1) and label != "contested" \
                    and not (label == "cooperative" and firm):
                label, firm, reason = "contested", False, "stated"
            if d == ALL and contested_any and label == "cooperative":
                label, firm = "mixed", False
            if d != ALL and label == "contested":
                contested_any = True
            first = second = None
            change = "unknown"
            if periods is not None:
                first = summarize([it for it in items if _within(it, periods[0])], z, outlets)
                second = summarize([it for it in items if _within(it, periods[1])], z, outlets)
                if first.balance is not None and second.balance is not None:
                    delta = second.balance - first.balance
                    change = "warmer" if delta >= cfg.shift else "cooler" if delta <= -cfg.shift else "stable"
            third_sides = []
            for x, (ga, gb) in (thirds.get(d) or {}).items():
                sa, sb = summarize(ga, z, outlets), summarize(gb, z, outlets)
                gap = (sa.balance or 0.0) - (sb.balance or 0.0)
                leans = "a" if gap >= cfg.side_gap else "b" if gap <= -cfg.side_gap else "even"
                third_sides.append(ThirdSide(x, sa, sb, leans))
            third_sides.sort(key=lambda t: (-(t.with_a.n + t.with_b.n), t.third))
            dc = DossierCharacter(d, label, firm, overall, periods, first, second, change, third_sides,
                                  opposed=list(opposed.get(d, [])) if d != ALL else [],
                                  camps=list(camps.get(d, [])) if d != ALL else [],
                                  stated_opposed=st_opp, stated_aligned=st_ali, reason=reason)
            dc.summary_en = _sentence(dc, model, "en", kb)
            dc.summary_ar = _sentence(dc, model, "ar", kb)
            out.dossiers[d] = dc
        return out

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "periods": [list(p) for p in self.periods] if self.periods else None,
                "dossiers": [c.to_dict(self.a, self.b, self.config) for c in self.dossiers.values()]}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _halves(model: DyadModel) -> tuple[tuple[str, str], tuple[str, str]] | None:
    first, last = model.span()
    if first is None:
        return None
    d0 = dt.date.fromisoformat(first_day(first))
    d1 = dt.date.fromisoformat(_valid_last(last))
    if d1 <= d0:
        return None
    mid = d0 + (d1 - d0) // 2
    return (d0.isoformat(), mid.isoformat()), ((mid + dt.timedelta(days=1)).isoformat(), d1.isoformat())


def _valid_last(date: str) -> str:
    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return date[:10]


def _within(it: Interaction, period: tuple[str, str]) -> bool:
    if not it.date:
        return False
    d = first_day(it.date)
    lo = first_day(period[0])
    hi = _valid_last(period[1])
    return lo <= d <= hi


def _level(z: float) -> int:
    return round(100 * math.erf(z / math.sqrt(2)))


def _sentence(dc: DossierCharacter, model: DyadModel, lang: str, kb) -> str:
    cfg = model.config
    s = dc.overall
    dossier = cfg.label("dossiers", dc.dossier, lang)
    label = cfg.label("character", dc.label, lang)
    coop = sum(n for q, n in s.quads.items() if q in COOP_QUADS)
    conflict = s.n - coop
    level = _level(cfg.z)
    a_name, b_name = cfg.actor_name(model.a, lang, kb), cfg.actor_name(model.b, lang, kb)
    sides = [cfg.actor_name(x, lang, kb) for x in dc.opposed[:5]]
    camps = [(cfg.actor_name(x, lang, kb), cfg.actor_name(y, lang, kb)) for x, y in dc.camps[:3]]
    n_st = len(dc.stated_opposed)
    if lang == "ar":
        opp = f"؛ على طرفي نقيض إزاء: {'، '.join(sides)}" if sides else ""
        opp += "".join(f"؛ {a_name} تدعم {x} و{b_name} تدعم {y}" for x, y in camps)
        opp += f"؛ النص يصفهما على طرفي نقيض في {n_st} جملة" if n_st else ""
    else:
        opp = f"; on opposite sides over {', '.join(sides)}" if sides else ""
        opp += "".join(f"; {a_name} backs {x}, {b_name} backs its rival {y}" for x, y in camps)
        opp += f"; stated opposed in {n_st} sentence{'s' if n_st != 1 else ''}" if n_st else ""
    if s.balance is None:
        if lang == "ar":
            return f"{dossier}: {label} — لا أحداث موزونة بين {a_name} و{b_name}{opp}."
        return f"{dossier}: {label} — no weighted events between {a_name} and {b_name}{opp}."
    bal, lo, hi = f"{s.balance:+.2f}", f"{s.low:+.2f}", f"{s.high:+.2f}"
    ch = cfg.label("change", dc.change, lang) if dc.change != "unknown" else None
    f1 = dc.first.balance if dc.first is not None else None
    f2 = dc.second.balance if dc.second is not None else None
    thirds = []
    for t in dc.third_parties[:5]:
        name = cfg.actor_name(t.third, lang, kb)
        if t.leans == "even":
            thirds.append(f"{name} ({'على مسافة واحدة' if lang == 'ar' else 'even'})")
        else:
            side = a_name if t.leans == "a" else b_name
            thirds.append(f"{name} ({'أقرب إلى ' + side if lang == 'ar' else 'closer to ' + side})")
    if lang == "ar":
        text = (f"{dossier}: {label} — الميزان {bal} (مجال ثقة {level}٪ من {lo} إلى {hi})؛ "
                f"عدد التفاعلات: {s.n} (تعاون: {coop}، خلاف: {conflict})؛ المقالات: {len(s.articles)}؛ "
                f"المنابر: {len(s.outlets)}")
        if ch is not None:
            text += f"؛ التحول بين النصفين: {ch} ({f1:+.2f} ← {f2:+.2f})"
        if thirds:
            text += "؛ أطراف ثالثة: " + "، ".join(thirds)
        return text + opp + "."
    text = (f"{dossier}: {label} — balance {bal} ({level}% interval {lo} to {hi}) over {s.n} interactions "
            f"({coop} cooperative, {conflict} conflictual) in {len(s.articles)} articles from "
            f"{len(s.outlets)} outlets")
    if ch is not None:
        text += f"; {ch} in the second period ({f1:+.2f} → {f2:+.2f})"
    if thirds:
        text += "; third parties: " + ", ".join(thirds)
    return text + opp + "."
