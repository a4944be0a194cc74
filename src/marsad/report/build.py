"""The briefing's content: one dyad's relationship, computed once, rendered as HTML, Markdown or JSON.

:func:`build_report` reads events, figures and quotes (from a :class:`~marsad.store.Store`, a
database path, a :class:`~marsad.model.records.ModelInput`, articles or event records), builds
the relationship views of :mod:`marsad.model` (dyad cells, registers, character, framing) and
turns them into :class:`Report` -- a plain, JSON-ready ``content`` dict. The three renderers
(:mod:`marsad.report.html`, :mod:`marsad.report.markdown`, JSON) all read that one dict, so they
carry the same sections and the same numbers.

Evidence: every number is given with a ``ref``, the anchor of the evidence behind it in
``content["evidence"]``: ``ev-<event id>`` for one event report, ``ev-set-<hash>`` for a group of
them (a list of links to each report), ``ev-fig-...`` for a reported figure and ``ev-tone-...``
for the words a tone score counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError, ModelError
from marsad.model.config import ModelConfig
from marsad.model.core import ALL, COOP_QUADS, NO_DOSSIER, Interaction, Summary, first_day, summarize
from marsad.model.records import EventRecord, ModelInput, QuantityRecord
from marsad.types import Article

SCHEMA = "marsad.report/v1"
#: stories shown in the framing section (the ones reported by the most outlets)
MAX_STORIES = 6
FORMATS = ("html", "md", "json")

#: the sections of the briefing, in order: id, English title, Arabic title
SECTIONS = (
    ("summary", "Summary", "الخلاصة"),
    ("balance", "Balance over time", "الميزان عبر الزمن"),
    ("heatmap", "Dossiers by period", "الملفات حسب الفترة"),
    ("contacts", "Leader contacts", "اتصالات القادة"),
    ("agreements", "Agreements and deals", "الاتفاقات والصفقات"),
    ("shocks", "Disputes and shocks", "الخلافات والصدمات"),
    ("figures", "Figures over time", "الأرقام عبر الزمن"),
    ("third-parties", "Third parties", "الأطراف الثالثة"),
    ("network", "Actor network", "شبكة الفاعلين"),
    ("framing", "Framing across outlets", "التأطير عبر المنابر"),
    ("evidence", "Evidence", "الأدلة"),
)

QUAD_NAMES = {
    "verbal_coop": ("verbal cooperation", "تعاون لفظي"), "material_coop": ("material cooperation", "تعاون مادي"),
    "verbal_conflict": ("verbal conflict", "نزاع لفظي"), "material_conflict": ("material conflict", "نزاع مادي"),
}
LEANS = {"even": ("even", "على مسافة واحدة")}
RELATIONS = {
    "aligned": ("aligned", "متوافقان"), "opposed": ("opposed", "متعارضان"), "one_sided": ("one side only", "طرف واحد"),
    "unclear": ("unclear", "غير واضح"),
}
STANCES = {
    "cooperative": ("cooperative", "تعاوني"), "conflictual": ("conflictual", "نزاعي"), "unclear": ("unclear", "غير واضح"),
    "none": ("no interaction", "لا تفاعل"),
}
FIGURE_NAMES = {
    "trade_volume": ("trade volume", "حجم التبادل التجاري"), "trade_target": ("trade target", "هدف التبادل التجاري"),
    "tourists": ("tourists", "السياح"), "gas_volume": ("gas volume", "حجم الغاز"),
    "investment": ("investment", "الاستثمار"), "other": ("other figures", "أرقام أخرى"),
}


@dataclass(slots=True)
class Report:
    """The briefing's content (``content``, JSON-ready) and the model it was computed from."""

    content: dict
    relationship: object | None = None

    @property
    def status(self) -> str:
        return self.content["status"]

    def to_dict(self) -> dict:
        return self.content


# -- inputs -------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Input:
    data: ModelInput
    urls: dict[str, str] = field(default_factory=dict)


def load_input(source) -> _Input:
    """Model records from a Store, a database path, a ModelInput, articles or event records."""
    from marsad.store.db import Store

    if isinstance(source, _Input):
        return source
    if isinstance(source, ModelInput):
        return _Input(source)
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise InputError(f"no database at {path}", str(path))
        with Store(path) as store:
            return _from_store(store)
    if isinstance(source, Store):
        return _from_store(source)
    items = list(source)
    if all(isinstance(x, Article) for x in items):
        return _Input(ModelInput.from_articles(items), {a.id: a.url for a in items if a.url})
    if all(isinstance(x, EventRecord) for x in items):
        return _Input(ModelInput(events=items))
    raise InputError("build_report takes a Store, a database path, a ModelInput, Articles or EventRecords")


def _from_store(store) -> _Input:
    stories: dict[str, str] = {}
    for cluster, ids in store.clusters().items():
        for i in ids:
            stories[i] = cluster
    articles = list(store.iter_articles())
    return _Input(ModelInput.from_articles(articles, stories), {a.id: a.url for a in articles if a.url})


# -- evidence -----------------------------------------------------------------------------------
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
                "tones": list(self.tones.values())}


# -- building -----------------------------------------------------------------------------------
def _names(cfg: ModelConfig, code: str | None, kb=None) -> dict:
    return {"en": cfg.actor_name(code, "en", kb), "ar": cfg.actor_name(code, "ar", kb)}


def _label(cfg: ModelConfig, group: str, key: str | None) -> dict:
    """English and Arabic labels from the model settings; a key they do not label is shown in
    words (``israel_palestine`` -> ``israel palestine``) with no Arabic name."""
    en, ar = cfg.label(group, key, "en"), cfg.label(group, key, "ar")
    if key is not None and en == key and ar == key:
        return {"en": key.replace("_", " "), "ar": None}
    return {"en": en, "ar": ar}


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


def fill_periods(periods: Iterable[str], period: str) -> list[str]:
    """``periods`` with the gaps between the first and last filled in (``2020-01, 2020-03`` ->
    ``2020-01, 2020-02, 2020-03``), so a time axis shows quiet periods as such. Keys coarser
    than ``period`` (a year-only date in a month view) are kept as they are."""
    periods = sorted(set(periods))
    pat = {"month": r"\d{4}-\d{2}", "quarter": r"\d{4}-Q[1-4]", "year": r"\d{4}"}[period]
    regular = [p for p in periods if re.fullmatch(pat, p)]
    if not regular:
        return periods
    def index(p: str) -> int:
        y = int(p[:4])
        if period == "month":
            return y * 12 + int(p[5:7]) - 1
        if period == "quarter":
            return y * 4 + int(p[6]) - 1
        return y
    def key(i: int) -> str:
        if period == "month":
            return f"{i // 12:04d}-{i % 12 + 1:02d}"
        if period == "quarter":
            return f"{i // 4:04d}-Q{i % 4 + 1}"
        return f"{i:04d}"
    lo, hi = index(regular[0]), index(regular[-1])
    full = {key(i) for i in range(lo, hi + 1)}
    return sorted(full | set(periods))


def _choose_period(data: ModelInput, a, b, start, end, config) -> str:
    from marsad.model.dyad import DyadModel

    try:
        m = DyadModel.build(data.events, a, b, "month", start, end, config)
    except ModelError:
        return "month"
    if len(fill_periods(m.periods, "month")) <= 30:
        return "month"
    q = DyadModel.build(data.events, m.a, m.b, "quarter", start, end, config)
    return "quarter" if len(fill_periods(q.periods, "quarter")) <= 32 else "year"


def build_report(store_or_records, dyad: tuple[str, str] | None = None, start: str | None = None,
                 end: str | None = None, period: str = "auto", config: ModelConfig | None = None,
                 lexicon=None, kb=None, generated: str | None = None) -> Report:
    """The briefing on ``dyad`` (default: the pair with the most events) from ``start`` to ``end``.

    ``kb`` lends names to actor codes, people and places the model settings do not label; by
    default the knowledge base of :class:`marsad.resources.Resources` (``kb=False``: none, codes
    and entity ids are shown as they are).

    ``period`` is ``month``, ``quarter``, ``year`` or ``auto`` (months for up to two years,
    then quarters, then years). With no events at all, or none between the two actors, the report
    still builds, with ``status`` ``no_events`` and empty sections that say so.
    """
    from marsad.model.relationship import Relationship

    for d, name in ((start, "start"), (end, "end")):
        if d is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
            raise InputError(f"{name} date must be YYYY, YYYY-MM or YYYY-MM-DD, not {d!r}")
    if dyad is not None and (len(dyad) != 2 or dyad[0] == dyad[1]):
        raise InputError("the dyad is two different actor codes, e.g. TUR RUS")
    inp = load_input(store_or_records)
    data = inp.data
    config = config or ModelConfig.load()
    kb = default_kb() if kb is None else (kb or None)
    a, b = (dyad[0], dyad[1]) if dyad else (None, None)
    ev = Evidence(inp.urls)
    content = _skeleton(data, a, b, start, end, generated)
    content["settings"] = _settings(config)
    rel = None
    if not data.events and a is None:
        content["status"] = "no_events"
        content["message"] = {"en": "The database holds no coded events yet.",
                              "ar": "لا تحوي قاعدة البيانات أحداثًا مرمّزة بعد."}
        content["evidence"] = ev.to_dict()
        return Report(content)
    if period == "auto":
        period = _choose_period(data, a, b, start, end, config)
    try:
        rel = Relationship.build(data, a, b, period, start, end, config, lexicon, kb=kb,
                                  framing_limit=MAX_STORIES)
    except ModelError as exc:
        if a is not None:
            raise
        content["status"] = "no_events"
        content["message"] = {"en": f"No dyad to report on: {exc}.",
                              "ar": "لا يوجد طرفان تجمعهما أحداث مرمّزة."}
        content["evidence"] = ev.to_dict()
        return Report(content)
    _fill(content, rel, data, config, ev, kb)
    return Report(content, rel)


def default_kb():
    """The shipped knowledge base (through :class:`marsad.resources.Resources`), or ``None`` when
    it cannot be read (the report then shows codes and ids instead of names)."""
    from marsad.errors import MarsadError

    try:
        from marsad.resources import Resources

        return Resources().kb
    except MarsadError:
        return None


def _entity_words(entity: str | None) -> str | None:
    """``person.fidan_hakan`` -> ``fidan hakan``: an id shown as words when no name is known."""
    if not entity:
        return None
    return entity.split(".", 1)[-1].split(":")[-1].replace("_", " ")


def _skeleton(data: ModelInput, a, b, start, end, generated) -> dict:
    return {
        "schema": SCHEMA,
        "generated": generated or dt.date.today().isoformat(),
        "status": "ok",
        "message": None,
        "title": {"en": "Relations briefing", "ar": "موجز العلاقات"},
        "dyad": {"a": a, "b": b, "a_name": None, "b_name": None},
        "scope": {"from": start, "to": end, "covered": [None, None], "period": None},
        "counts": {"articles": len(data.articles), "event_reports": len(data.events), "dyad_reports": 0,
                   "interactions": 0, "dyad_articles": 0, "outlets": 0, "ref": None},
        "sections": [{"id": i, "title": {"en": en, "ar": ar}} for i, en, ar in SECTIONS],
        "summary": {"overall": None, "dossiers": [], "by_label": {}, "sentence": {"en": "", "ar": ""}},
        "balance": [],
        "heatmap": {"periods": [], "rows": []},
        "contacts": [],
        "agreements": [],
        "shocks": [],
        "figures": [],
        "third_parties": [],
        "network": {"nodes": [], "edges": [], "omitted": 0},
        "framing": {"stories": []},
        "labels": {"dossiers": {}},
        "evidence": {"events": [], "figures": [], "sets": [], "tones": []},
    }


def _settings(cfg: ModelConfig) -> dict:
    import math

    return {"modality_weights": dict(cfg.modality_weights), "z": cfg.z,
            "level": round(100 * math.erf(cfg.z / math.sqrt(2))), "merge_reports": cfg.merge_reports,
            "undated": cfg.undated, "symmetric_types": sorted(cfg.symmetric_types),
            "character": {"min_events": cfg.min_events, "cooperative": cfg.cooperative, "contested": cfg.contested,
                          "shift": cfg.shift, "side_gap": cfg.side_gap, "opposite_sides": cfg.opposite_sides},
            "stance_band": cfg.stance_band, "figure_tolerance": cfg.figure_tolerance}


def _dossier_row(dc, cfg: ModelConfig, ev: Evidence) -> dict:
    s = dc.overall
    coop = sum(n for q, n in s.quads.items() if q in COOP_QUADS)

    def half(h, p):
        if h is None:
            return None
        return {"period": list(p) if p else None, "n": h.n, "balance": _r(h.balance), "low": _r(h.low),
                "high": _r(h.high), "ref": ev.summary(h)}

    return {
        "dossier": dc.dossier, "name": _label(cfg, "dossiers", dc.dossier), "label": dc.label,
        "label_name": _label(cfg, "character", dc.label), "firm": dc.firm,
        "n": s.n, "n_reports": s.n_reports, "n_coop": coop, "n_conflict": s.n - coop,
        "balance": _r(s.balance), "low": _r(s.low), "high": _r(s.high),
        "n_articles": len(s.articles), "n_outlets": len(s.outlets), "ref": ev.summary(s),
        "change": dc.change, "change_name": _label(cfg, "change", dc.change) if dc.change != "unknown"
        else {"en": "unknown", "ar": "غير معروف"},
        "first": half(dc.first, dc.periods[0] if dc.periods else None),
        "second": half(dc.second, dc.periods[1] if dc.periods else None),
        "sentence": {"en": dc.summary_en, "ar": dc.summary_ar},
    }


def _headline(rows: list[dict], overall: dict | None, a_name: dict, b_name: dict, lang: str) -> str:
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(r["label"], []).append(r["name"][lang] or r["name"]["en"])
    if overall is None or overall["n"] == 0:
        if lang == "ar":
            return f"لا أحداث مرمّزة بين {a_name['ar']} و{b_name['ar']} في هذه الفترة."
        return f"No coded events between {a_name['en']} and {b_name['en']} in this period."
    parts = []
    for label, en, ar in (("cooperative", "cooperative", "تعاونية"), ("contested", "contested", "متنازع عليها"),
                          ("mixed", "mixed", "مختلطة")):
        names = groups.get(label) or []
        if names:
            if lang == "ar":
                parts.append(f"{len(names)} {ar} ({'، '.join(names)})")
            else:
                parts.append(f"{len(names)} {en} ({', '.join(names)})")
    bal, lo, hi = (f"{overall['balance']:+.2f}" if overall["balance"] is not None else "n/a",
                   f"{overall['low']:+.2f}", f"{overall['high']:+.2f}")
    if lang == "ar":
        head = (f"العلاقة بين {a_name['ar']} و{b_name['ar']}: الميزان العام {bal} (مجال الثقة من {lo} إلى {hi}) "
                f"في {overall['n']} تفاعلًا من {overall['n_articles']} مقالًا و{overall['n_outlets']} منبرًا")
        if parts:
            head += "؛ الملفات: " + "، ".join(parts)
        else:
            head += "؛ لا ملف يبلغ عدد الأحداث اللازم للحكم عليه"
        return head + "."
    label = overall["label_name"]["en"]
    head = (f"Relations between {a_name['en']} and {b_name['en']} look {label} overall: balance {bal} "
            f"(95% interval {lo} to {hi}) over {overall['n']} interactions reported in {overall['n_articles']} "
            f"articles from {overall['n_outlets']} outlets")
    if parts:
        head += ". Dossiers: " + "; ".join(parts)
    else:
        head += ". No dossier has enough events to be characterised on its own"
    return head + "."


def _fill(content: dict, rel, data: ModelInput, cfg: ModelConfig, ev: Evidence, kb) -> None:
    model, reg, ch, fr = rel.model, rel.registers, rel.character, rel.framing
    a, b = model.a, model.b
    a_name, b_name = _names(cfg, a, kb), _names(cfg, b, kb)
    content["dyad"] = {"a": a, "b": b, "a_name": a_name, "b_name": b_name}
    content["title"] = {"en": f"{a_name['en']} – {b_name['en']}: relations briefing",
                        "ar": f"موجز العلاقات بين {a_name['ar']} و{b_name['ar']}"}
    first, last = model.span()
    content["scope"] = {"from": model.start, "to": model.end, "covered": [first, last], "period": model.period}
    total = model.cell(ALL, ALL).total
    content["counts"].update({"dyad_reports": total.n_reports, "interactions": total.n,
                              "dyad_articles": len(total.articles), "outlets": len(total.outlets),
                              "ref": ev.summary(total)})
    if total.n == 0:
        content["status"] = "no_events"
        content["message"] = {"en": f"No coded events between {a_name['en']} and {b_name['en']} in this period.",
                              "ar": f"لا أحداث مرمّزة بين {a_name['ar']} و{b_name['ar']} في هذه الفترة."}

    # summary
    rows = [_dossier_row(dc, cfg, ev) for d, dc in ch.dossiers.items() if d != ALL]
    rows.sort(key=lambda r: (r["dossier"] == NO_DOSSIER, -r["n"], r["dossier"]))
    overall = _dossier_row(ch.dossiers[ALL], cfg, ev) if ALL in ch.dossiers else None
    by_label: dict[str, list[str]] = {}
    for r in rows:
        by_label.setdefault(r["label"], []).append(r["dossier"])
    content["summary"] = {
        "overall": overall, "dossiers": rows, "by_label": by_label,
        "periods": [list(p) for p in ch.periods] if ch.periods else None,
        "sentence": {"en": _headline(rows, overall, a_name, b_name, "en"),
                     "ar": _headline(rows, overall, a_name, b_name, "ar")},
    }

    # balance over time and heat map
    order = [ALL] + [r["dossier"] for r in rows]
    content["balance"] = []
    for d in order:
        pts = [{"period": c.period, "balance": _r(c.total.balance), "low": _r(c.total.low), "high": _r(c.total.high),
                "n": c.total.n, "ref": ev.summary(c.total)} for c in model.series(d)]
        if pts:
            content["balance"].append({"dossier": d, "name": _label(cfg, "dossiers", d), "points": pts})
    periods = fill_periods(model.periods, model.period)
    hrows = []
    for d in order:
        cells = []
        for p in periods:
            c = model.cells.get((d, p))
            cells.append(None if c is None or c.total.n == 0 else
                         {"period": p, "n": c.total.n, "balance": _r(c.total.balance), "ref": ev.summary(c.total)})
        if any(cells):
            hrows.append({"dossier": d, "name": _label(cfg, "dossiers", d), "cells": cells})
    content["heatmap"] = {"periods": periods, "rows": hrows}

    # registers
    def names_of(items, key="name"):
        return [x.get(key) or _entity_words(x.get("entity")) for x in items]

    content["contacts"] = [{
        "date": c.date, "date_precision": c.date_precision, "mode": c.mode,
        "mode_name": _label(cfg, "contact_mode", c.mode), "modality": c.modality,
        "places": names_of(c.places), "participants": names_of(c.participants),
        "dossiers": [d for d in c.dossiers if d != NO_DOSSIER],
        "n_reports": len(c.interaction.records), "outlets": sorted({r.outlet for r in c.interaction.records if r.outlet}),
        "ref": ev.interactions([c.interaction]),
    } for c in reg.contacts]
    content["agreements"] = [{
        "type": x.type, "date": x.date, "status": x.status, "status_name": _label(cfg, "status", x.interaction.modality),
        "what": list(x.what), "dossiers": [d for d in x.dossiers if d != NO_DOSSIER],
        "source": x.interaction.source, "target": x.interaction.target,
        "n_reports": len(x.interaction.records),
        "outlets": sorted({r.outlet for r in x.interaction.records if r.outlet}),
        "ref": ev.interactions([x.interaction]),
    } for x in reg.agreements]
    content["shocks"] = [{
        "type": s.type, "mode": s.mode, "date": s.date, "intensity": round(s.intensity, 2),
        "source": s.source, "target": s.target, "dossiers": [d for d in s.dossiers if d != NO_DOSSIER],
        "quad": s.interaction.quad, "n_reports": len(s.interaction.records),
        "outlets": sorted({r.outlet for r in s.interaction.records if r.outlet}),
        "ref": ev.interactions([s.interaction]),
    } for s in reg.shocks]
    figs = []
    for what, points in reg.figures.items():
        by_unit: dict[str | None, list] = {}
        for p in points:
            by_unit.setdefault(p.unit, []).append(p)
        for unit, pts in by_unit.items():
            name = FIGURE_NAMES.get(what, (what.replace("_", " "), None))
            figs.append({"what": what, "unit": unit, "name": {"en": name[0], "ar": name[1]}, "points": [{
                "date": p.date, "dated_by": p.dated_by, "conflict": p.conflict, "values": p.values,
                "n_sources": len({q.outlet or q.article for q in p.reports}),
                "reports": [{"value": q.value, "outlet": q.outlet, "published": q.published, "article": q.article,
                             "text": q.span.text, "ref": ev.figure(q)} for q in p.reports],
            } for p in pts]})
    content["figures"] = figs

    # third parties: leanings (character) and stances (dyad cells)
    stances = {c.third: c for c in model.third_parties(ALL, ALL)}
    tps = []
    sides = ch.dossiers[ALL].third_parties if ALL in ch.dossiers else []
    for t in sides:
        st = stances.get(t.third)
        lean = "even" if t.leans == "even" else (a if t.leans == "a" else b)
        lean_name = {"en": "even", "ar": "على مسافة واحدة"} if lean == "even" else \
            {"en": f"closer to {(a_name if lean == a else b_name)['en']}",
             "ar": f"أقرب إلى {(a_name if lean == a else b_name)['ar']}"}
        tps.append({
            "third": t.third, "name": _names(cfg, t.third, kb),
            "with_a": {"n": t.with_a.n, "balance": _r(t.with_a.balance), "ref": ev.summary(t.with_a)},
            "with_b": {"n": t.with_b.n, "balance": _r(t.with_b.balance), "ref": ev.summary(t.with_b)},
            "leans": lean, "leans_name": lean_name,
            "stance_a": st.stance_a if st else "none", "stance_b": st.stance_b if st else "none",
            "relation": st.relation if st else "unclear",
            "relation_name": dict(zip(("en", "ar"), RELATIONS.get(st.relation if st else "unclear", ("?", "?")))),
        })
    content["third_parties"] = tps

    used = {d for r in content["contacts"] + content["agreements"] + content["shocks"] for d in r["dossiers"]}
    used.update(r["dossier"] for r in rows)
    content["labels"] = {"dossiers": {d: _label(cfg, "dossiers", d) for d in sorted(used)}}
    content["network"] = _network(model, cfg, ev, kb)
    content["framing"] = _framing(fr, cfg, ev, data, kb)
    content["evidence"] = ev.to_dict()


def _network(model, cfg: ModelConfig, ev: Evidence, kb, max_nodes: int = 14) -> dict:
    items = list(model.interactions) + list(model.third_interactions)
    if not items:
        return {"nodes": [], "edges": [], "omitted": 0}
    by_node: dict[str, list[Interaction]] = {}
    by_edge: dict[tuple[str, str], list[Interaction]] = {}
    for it in items:
        s, t = it.source, it.target
        for c in (s, t):
            by_node.setdefault(c, []).append(it)
        by_edge.setdefault((s, t) if s < t else (t, s), []).append(it)
    ranked = sorted(by_node, key=lambda c: (c not in (model.a, model.b), -len(by_node[c]), c))
    keep = set(ranked[:max_nodes])
    nodes = [{"code": c, "name": _names(cfg, c, kb), "n": len(by_node[c]),
              "role": "a" if c == model.a else "b" if c == model.b else "third",
              "ref": ev.interactions(by_node[c])} for c in ranked[:max_nodes]]
    edges = []
    for (x, y), its in sorted(by_edge.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if x not in keep or y not in keep:
            continue
        coop = sum(1 for it in its if it.quad in COOP_QUADS)
        s = summarize(its, cfg.z, model.outlet_of)
        edges.append({"a": x, "b": y, "n": len(its), "n_coop": coop, "coop_share": round(coop / len(its), 4),
                      "balance": _r(s.balance), "ref": ev.interactions(its)})
    return {"nodes": nodes, "edges": edges, "omitted": max(0, len(ranked) - max_nodes)}


def _framing(fr, cfg: ModelConfig, ev: Evidence, data: ModelInput, kb=None, max_stories: int | None = None) -> dict:
    max_stories = MAX_STORIES if max_stories is None else max_stories
    from marsad.model.framing import fact_text

    stories = []
    for st in fr.stories[:max_stories]:
        outlets = []
        reports: dict[str, list] = {}
        for o in st.outlets:
            for k, v in o.facts.items():
                reports.setdefault(k, []).extend(v)
        texts = {k: {"en": fact_text(v, cfg, kb, "en"), "ar": fact_text(v, cfg, kb, "ar")}
                 for k, v in reports.items()}
        for o in st.outlets:
            recs = [r for rs in o.facts.values() for r in rs]
            tone = o.tone.to_dict()
            outlets.append({
                "outlet": o.outlet, "articles": list(o.articles),
                "facts": [{"key": k, "text": texts[k], "n": len(v), "ref": ev.ref(v)}
                          for k, v in sorted(o.facts.items())],
                "n_facts": len(o.facts), "facts_ref": ev.ref(recs),
                "speakers": sorted(o.quotes), "figures": sorted(o.figures),
                "omitted": {"facts": list(o.omitted_facts), "speakers": list(o.omitted_speakers),
                            "figures": list(o.omitted_figures)},
                "omitted_facts_text": [texts[k] for k in o.omitted_facts if k in texts],
                "coverage": _r(o.coverage),
                "tone": tone["score"], "tone_words": [h["entry"] for h in tone["hits"][:6]],
                "tone_ref": ev.tone(st.story, o.outlet, tone, o.articles),
            })
        stories.append({"story": st.story, "title": st.title, "n_outlets": len(st.outlets),
                        "n_articles": len(st.articles), "n_facts": len(st.facts),
                        "facts": [{"key": k, "text": texts.get(k), "outlets": list(v)}
                                  for k, v in sorted(st.facts.items())],
                        "outlets": outlets})
    return {"stories": stories, "n_stories": fr.n_stories}


# -- writing ------------------------------------------------------------------------------------
def render(report: Report, format: str) -> str:
    """The report as text in ``format`` (html, md or json)."""
    import json

    if format == "html":
        from marsad.report.html import render_html
        return render_html(report.content)
    if format in ("md", "markdown"):
        from marsad.report.markdown import render_markdown
        return render_markdown(report.content)
    if format == "json":
        return json.dumps(report.content, ensure_ascii=False, indent=1) + "\n"
    raise InputError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def write_report(report: Report, format: str, path: str | Path) -> Path:
    """Write the report to ``path`` (UTF-8) in ``format``; returns the path."""
    out = render(report, format)
    path = Path(path)
    try:
        path.write_text(out, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror or exc}", str(path)) from exc
    return path
