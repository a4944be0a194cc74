"""What a report is computed from: model records read from a Store, a database path, a ModelInput,
articles or event records, with the articles' URLs for the evidence links."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError
from marsad.model.records import EventRecord, ModelInput
from marsad.types import Article


@dataclass(slots=True)
class ReportInput:
    data: ModelInput
    urls: dict[str, str] = field(default_factory=dict)


def load_input(source) -> ReportInput:
    """Model records from a Store, a database path, a ModelInput, articles or event records."""
    from marsad.store.db import Store

    if isinstance(source, ReportInput):
        return source
    if isinstance(source, ModelInput):
        return ReportInput(source)
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
        return ReportInput(ModelInput.from_articles(items), {a.id: a.url for a in items if a.url})
    if all(isinstance(x, EventRecord) for x in items):
        return ReportInput(ModelInput(events=items))
    raise InputError("build_report takes a Store, a database path, a ModelInput, Articles or EventRecords")


def _from_store(store) -> ReportInput:
    stories: dict[str, str] = {}
    for cluster, ids in store.clusters().items():
        for i in ids:
            stories[i] = cluster
    articles = list(store.iter_articles())
    return ReportInput(ModelInput.from_articles(articles, stories), {a.id: a.url for a in articles if a.url})
