"""Export: the store's findings as files other tools read.

Formats (:data:`FORMATS`)
    ``jsonl``   one ``marsad.article/v1`` record per stored article (:mod:`marsad.contract`), the
                same records ``marsad extract`` writes, rebuilt from the database.
    ``plover``  one JSON object per event (per-article events: every report is a line; the
                ``merged_event`` field groups the reports of one interaction across outlets).
    ``csv``     the same events flattened, one row per event with a header row, UTF-8 with a
                byte-order mark so spreadsheet programs open the Arabic text correctly.

Filters: ``date_from``/``date_to`` (``YYYY-MM-DD``, inclusive) keep events whose date overlaps the
range (an event dated ``2021-09`` overlaps ``2021-09-15``..``2021-12-31``); an undated event is
judged by its article's publication date; for ``jsonl`` the article's publication date is used.
An item without any date is left out as soon as a bound is given. ``dyad`` (two actor codes)
keeps events between the two actors in either direction; for ``jsonl``, the articles with at
least one such event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from marsad.contract import article_to_dict
from marsad.errors import QueryError
from marsad.types import Article, Event

FORMATS = ("jsonl", "plover", "csv")

#: the columns of the CSV export and the keys of a PLOVER-style record, in order
COLUMNS = (
    "event_id", "merged_event", "event_date", "date_precision", "event_type", "event_mode", "quad_class",
    "intensity", "cameo_root", "source_actor", "target_actor", "source_entity", "target_entity", "modality",
    "confidence", "dossiers", "event_text", "evidence_start", "evidence_end", "mentions", "other_articles",
    "article_id", "outlet", "published", "url", "title",
)


@dataclass(frozen=True, slots=True)
class ExportFilter:
    date_from: str | None = None
    date_to: str | None = None
    dyad: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        import datetime as dt

        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v is not None:
                try:
                    dt.date.fromisoformat(v)
                except ValueError:
                    raise QueryError(f"{name.replace('_', ' ')} must be YYYY-MM-DD, not {v!r}") from None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"the date range is empty ({self.date_from} > {self.date_to})")
        if self.dyad is not None and (len(self.dyad) != 2 or not all(self.dyad)):
            raise QueryError("a dyad is two actor codes, e.g. TUR RUS")

    def date_ok(self, date: str | None) -> bool:
        """Whether a (possibly partial) date overlaps the range."""
        if not (self.date_from or self.date_to):
            return True
        if not date:
            return False
        if self.date_from and date < self.date_from[:len(date)]:
            return False
        if self.date_to and date > self.date_to[:len(date)]:
            return False
        return True

    def dyad_ok(self, ev: Event) -> bool:
        if self.dyad is None:
            return True
        pair = (ev.source.code if ev.source else None, ev.target.code if ev.target else None)
        return pair in (tuple(self.dyad), tuple(reversed(self.dyad)))

    def event_ok(self, article: Article, ev: Event) -> bool:
        return self.dyad_ok(ev) and self.date_ok(ev.date or article.published)

    def article_ok(self, article: Article) -> bool:
        if not self.date_ok(article.published):
            return False
        return self.dyad is None or any(self.dyad_ok(ev) for ev in article.events)


@dataclass(slots=True)
class ExportReport:
    """What was written: ``records`` lines or rows (header not counted), ``articles`` read from the
    store, ``dropped`` notes of items the contract left out (offsets not matching their words)."""

    format: str
    records: int = 0
    articles: int = 0
    dropped: list[str] = field(default_factory=list)


def cameo_roots(ontology=None) -> dict[str, str | None]:
    """PLOVER type -> its first CAMEO root code, from the event ontology's crosswalk
    (``events/data/plover.yaml``); empty when the ontology is not available."""
    if ontology is None:
        try:
            from marsad.events.ontology import Ontology
        except ImportError:  # the event layer is optional for exports
            return {}
        ontology = Ontology.load()
    return {name: (t.cameo[0] if t.cameo else None) for name, t in ontology.types.items()}


def event_record(article: Article, seq: int, ev: Event, cameo: dict[str, str | None],
                 merged: dict[str, str] | None = None) -> dict:
    """The PLOVER-style record of one per-article event (keys :data:`COLUMNS`)."""
    eid = ev.id or f"{article.id}#e{seq}"
    return {
        "event_id": eid, "merged_event": (merged or {}).get(eid), "event_date": ev.date,
        "date_precision": ev.date_precision, "event_type": ev.type, "event_mode": ev.mode, "quad_class": ev.quad,
        "intensity": ev.intensity, "cameo_root": cameo.get(ev.type),
        "source_actor": ev.source.code if ev.source else None, "target_actor": ev.target.code if ev.target else None,
        "source_entity": ev.source.entity if ev.source else None,
        "target_entity": ev.target.entity if ev.target else None,
        "modality": ev.modality, "confidence": ev.confidence, "dossiers": list(ev.dossiers),
        "event_text": ev.evidence.text, "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
        "mentions": [m.as_dict() for m in (ev.mentions or [ev.evidence])], "other_articles": list(ev.articles),
        "article_id": article.id, "outlet": article.outlet, "published": article.published, "url": article.url,
        "title": article.title,
    }


def _csv_row(rec: dict) -> list:
    row = []
    for col in COLUMNS:
        v = rec[col]
        if col == "mentions":
            v = len(v)
        elif isinstance(v, list):
            v = ";".join(v)
        row.append("" if v is None else v)
    return row


def _events(store, flt: ExportFilter, report: ExportReport) -> Iterator[tuple[Article, int, Event]]:
    for article in store.iter_articles():
        report.articles += 1
        for seq, ev in enumerate(article.events):
            if ev.evidence.text != article.text[ev.evidence.start:ev.evidence.end]:
                report.dropped.append(f"{article.id}: event {ev.id} not reported: its evidence is not the slice")
                continue
            if flt.event_ok(article, ev):
                yield article, seq, ev


def export(store, fmt: str, out: TextIO, flt: ExportFilter = ExportFilter(), *, ontology=None) -> ExportReport:
    """Write the store's articles (``jsonl``) or events (``plover``, ``csv``) to ``out``."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    report = ExportReport(fmt)
    if fmt == "jsonl":
        for article in store.iter_articles():
            report.articles += 1
            if flt.article_ok(article):
                out.write(json.dumps(article_to_dict(article, report.dropped), ensure_ascii=False) + "\n")
                report.records += 1
        return report
    from marsad.store.merged import merged_ids

    cameo = cameo_roots(ontology)
    writer = None
    if fmt == "csv":
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
    merged: dict[str, str] = {}
    merged_of = None
    for article, seq, ev in _events(store, flt, report):
        if merged_of is not article.id:
            merged, merged_of = merged_ids(store, article.id), article.id
        rec = event_record(article, seq, ev, cameo, merged)
        if writer is not None:
            writer.writerow(_csv_row(rec))
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        report.records += 1
    return report


__all__ = ["COLUMNS", "FORMATS", "ExportFilter", "ExportReport", "cameo_roots", "event_record", "export"]
