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
import re
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError, ModelError
from marsad.model.config import ModelConfig
from marsad.model.records import ModelInput
from marsad.report.evidence import Evidence
from marsad.report.inputs import load_input
from marsad.report.sections import MAX_STORIES, fill, fill_periods

SCHEMA = "marsad.report/v1"
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
    fill(content, rel, data, config, ev, kb)
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
