"""Extract: read inputs, run the pipeline, and give one ``marsad.article/v1`` record per article.

No database is involved: this is the path for people who want marsad's output as data (JSON
Lines) to feed their own tools. Inputs are those of ``ingest`` (:func:`marsad.io.readers.iter_inputs`).

Streaming, with one exception: the items of one press compilation (articles sharing a
``parent``, which the reader yields one after the other) are held until the compilation ends,
so that an interaction several items report is merged across them
(:func:`marsad.stories.events.merge_events`); each per-article event then lists in ``articles``
the other items that report it.

A file or line that cannot be read, and an article on which a pipeline component fails, are
failures: collected in :attr:`ExtractReport.failures` and reported through ``progress``; the
run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.contract import article_to_dict
from marsad.errors import InputError
from marsad.stories.events import mark_articles, merge_events
from marsad.types import Article

Reader = Callable[[Sequence[Path]], Iterable["Article | InputError"]]
Progress = Callable[["Article | InputError"], None]


@dataclass(slots=True)
class ExtractReport:
    """Counts of one run: articles read and written, events per article and after merging across
    the items of compilations, the items the contract left out (``dropped`` notes), failures."""

    read: int = 0
    written: int = 0
    non_arabic: int = 0
    events: int = 0
    merged_events: int = 0
    dropped: list[str] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return {
            "read": self.read, "written": self.written, "non_arabic": self.non_arabic, "events": self.events,
            "merged_events": self.merged_events, "dropped": list(self.dropped),
            "failures": [{"path": f.path, "line": f.line, "message": str(f)} for f in self.failures],
        }


def _default_reader(paths: Sequence[Path]) -> Iterable[Article | InputError]:
    from marsad.io.readers import iter_inputs

    return iter_inputs(paths)


def extract(
    paths: Iterable[str | Path],
    pipeline=None,
    *,
    report: ExtractReport | None = None,
    progress: Progress | None = None,
    reader: Reader | None = None,
    merge: bool = True,
    include_text: bool = False,
) -> Iterator[dict]:
    """The ``marsad.article/v1`` records of the articles in ``paths``, in input order.

    ``pipeline`` defaults to ``default_pipeline()``; ``report`` (created if not given, pass one
    to read it afterwards) is filled as records are produced; ``progress`` is called with each
    processed :class:`Article` or :class:`InputError`; ``merge`` merges events across the items
    of a compilation; ``include_text`` adds the original text to each record.
    """
    if pipeline is None:
        from marsad.pipeline import default_pipeline

        pipeline = default_pipeline()
    report = report if report is not None else ExtractReport()
    read = reader or _default_reader
    group: list[Article] = []

    def flush() -> Iterator[dict]:
        if not group:
            return
        if merge:
            merged = merge_events(group)
            mark_articles(group, merged)
            report.merged_events += len(merged)
        else:
            report.merged_events += sum(len(a.events) for a in group)
        for a in group:
            report.events += len(a.events)
            record = article_to_dict(a, report.dropped, include_text=include_text)
            report.written += 1
            yield record
        group.clear()

    for item in read([Path(p) for p in paths]):
        if isinstance(item, InputError):
            report.failures.append(item)
            if progress:
                progress(item)
            continue
        article = item
        report.read += 1
        if not article.is_arabic:
            report.non_arabic += 1
        try:
            article = pipeline.process(article)
        except Exception as exc:  # noqa: BLE001 - a component's failure is this article's failure
            err = InputError(f"not extracted: {exc}", article.source, article.source_line)
            err.__cause__ = exc
            report.failures.append(err)
            if progress:
                progress(err)
            continue
        if group and (article.parent is None or article.parent != group[-1].parent):
            yield from flush()
        group.append(article)
        if progress:
            progress(article)
        if article.parent is None:
            yield from flush()
    yield from flush()


__all__ = ["ExtractReport", "extract"]
