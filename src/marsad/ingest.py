"""Ingest: read inputs, run the pipeline on each Arabic article, write each one to the store.

Streaming: one article at a time is read, processed and committed in its own transaction, so
memory does not grow with the corpus and an interrupted run keeps what it wrote. A re-run skips
articles already stored (``unchanged``) before running the pipeline on them, and exact duplicates
are recorded without running it either.

A file or line that cannot be read and a pipeline component that fails on an article are
per-article failures: they are returned in :attr:`IngestReport.failures`, logged in the store,
and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError
from marsad.store import AddResult, Store
from marsad.stories.dedup import RepeatFinder
from marsad.types import Article

Reader = Callable[[Sequence[Path]], Iterable["Article | InputError"]]
Progress = Callable[["AddResult | InputError"], None]


@dataclass(slots=True)
class IngestReport:
    """Counts of one run. ``clusters`` is the number of story clusters of two or more articles
    in the store after the run."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    updated: int = 0
    clusters: int = 0
    non_arabic: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates, "unchanged": self.unchanged,
            "updated": self.updated, "clusters": self.clusters, "non_arabic": self.non_arabic,
            "failures": [{"path": f.path, "line": f.line, "message": str(f)} for f in self.failures],
        }


def _default_reader(paths: Sequence[Path]) -> Iterable[Article | InputError]:
    from marsad.io.readers import iter_inputs

    return iter_inputs(paths)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    pipeline=None,
    progress: Progress | None = None,
    reader: Reader | None = None,
) -> IngestReport:
    """Read ``paths`` and add every article to ``store``.

    ``pipeline`` is a :class:`marsad.pipeline.Pipeline` (default: ``default_pipeline()``);
    ``progress`` is called with each :class:`AddResult` or :class:`InputError` as it happens;
    ``reader`` replaces :func:`marsad.io.readers.iter_inputs` (tests, other sources).
    """
    if pipeline is None:
        from marsad.pipeline import default_pipeline

        pipeline = default_pipeline()
    names = set(getattr(pipeline, "names", ()))
    repeats = None if "repeats" in names else RepeatFinder(store.normalizer)
    read = reader or _default_reader
    report = IngestReport()
    touched: dict[str, None] = {}  # story clusters that gained or changed an article

    def fail(err: InputError) -> None:
        report.failures.append(err)
        store.log_failure(err.path, err.line, str(err))
        if progress:
            progress(err)

    for item in read([Path(p) for p in paths]):
        if isinstance(item, InputError):
            fail(item)
            continue
        article = item
        report.read += 1
        if not article.is_arabic:
            report.non_arabic += 1
        pre = store.check(article)
        if pre.status in ("new", "updated"):
            try:
                article = pipeline.process(article)
                if repeats is not None and article.is_arabic:
                    article = repeats(article)
            except Exception as exc:  # noqa: BLE001 - a component's failure is this article's failure
                err = InputError(f"not stored: {exc}", article.source, article.source_line)
                err.__cause__ = exc
                fail(err)
                continue
        result = store.add_article(article) if pre.status != "unchanged" else pre
        if result.status in ("new", "updated") and result.cluster:
            touched[result.cluster] = None
        if result.status == "new":
            report.new += 1
        elif result.status == "duplicate":
            report.duplicates += 1
        elif result.status == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
        if progress:
            progress(result)
    report.clusters = store.stats().clusters

    # -- final step: merge the events of each touched story across its articles and outlets ------
    # (marsad.stories.events.merge_events; stored in merged_events, see store/merged.py)
    from marsad.store.merged import rebuild_merged

    rebuild_merged(store, touched)
    return report
