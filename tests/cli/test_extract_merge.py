"""The extract library merges events across the items of one compilation, not across files."""

from __future__ import annotations

from marsad.extract import ExtractReport, extract
from marsad.pipeline import Component, Pipeline
from marsad.types import ActorRef, Article, Event, Span

PHRASE = "اجتمع الرئيسان في سوتشي"


def add_summit(article: Article) -> Article:
    s = article.text.index(PHRASE)
    sp = Span(s, s + len(PHRASE), PHRASE)
    article.events.append(Event("CONSULT", "visit", "verbal_coop", 4.0, ActorRef(None, "TUR"),
                                ActorRef(None, "RUS"), sp, date="2021-09-29", date_precision="day",
                                mentions=[sp]))
    return article


def reader(_paths):
    yield Article(id="i1", text=f"خبر أول: {PHRASE} أمس.", parent="comp", outlet="أ", published="2021-09-30")
    yield Article(id="i2", text=f"في خبر ثان {PHRASE} لبحث إدلب.", parent="comp", outlet="ب",
                  published="2021-09-30")
    yield Article(id="solo", text=f"ملف منفصل: {PHRASE}.", outlet="ج", published="2021-09-30")


def test_items_of_a_compilation_share_their_merged_events():
    pipe = Pipeline([Component("summit", add_summit)])
    report = ExtractReport()
    recs = list(extract(["ignored"], pipe, report=report, reader=reader))
    assert [r["id"] for r in recs] == ["i1", "i2", "solo"]
    assert recs[0]["events"][0]["articles"] == ["i2"]
    assert recs[1]["events"][0]["articles"] == ["i1"]
    assert recs[2]["events"][0]["articles"] == []     # a separate file is not merged with the compilation
    assert (report.events, report.merged_events, report.written) == (3, 2, 3)


def test_no_merge_keeps_events_apart():
    pipe = Pipeline([Component("summit", add_summit)])
    report = ExtractReport()
    recs = list(extract(["ignored"], pipe, report=report, reader=reader, merge=False))
    assert all(r["events"][0]["articles"] == [] for r in recs)
    assert report.merged_events == 3


def test_a_failing_component_is_a_counted_failure():
    def boom(article: Article) -> Article:
        if article.id == "i2":
            raise RuntimeError("broken")
        return article

    report = ExtractReport()
    recs = list(extract(["ignored"], Pipeline([Component("boom", boom)]), report=report, reader=reader))
    assert [r["id"] for r in recs] == ["i1", "solo"]
    assert len(report.failures) == 1 and "boom" in str(report.failures[0])
