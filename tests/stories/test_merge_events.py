"""Cross-outlet merging on hand-made articles: one interaction reported by several outlets."""

from __future__ import annotations

from marsad.stories.events import MergedEvent, mark_articles, merge_events
from marsad.types import ActorRef, Article, Event, Span

QUAD = {"CONSULT": "verbal_coop", "AGREE": "verbal_coop", "ACCUSE": "verbal_conflict", "ASSAULT": "material_conflict"}


def art(aid: str, outlet: str, published: str | None, text: str) -> Article:
    return Article(id=aid, text=text, outlet=outlet, published=published)


def ev(a: Article, words: str, etype: str, src: str | None, tgt: str | None, date: str | None = None,
       modality: str = "asserted", mode: str | None = None) -> Event:
    s = a.text.index(words)
    sp = Span(s, s + len(words), words)
    e = Event(type=etype, mode=mode, quad=QUAD[etype], intensity=2.5,
              source=ActorRef(None, src) if src else None, target=ActorRef(None, tgt) if tgt else None,
              evidence=sp, date=date, date_precision="day" if date and len(date) == 10 else None,
              modality=modality, mentions=[sp])
    a.events.append(e)
    return e


def three_outlets():
    a = art("a1", "وكالة أ", "2021-09-30", "التقى أردوغان بوتين في سوتشي أمس. واتهمت أنقرة جهات بالتصعيد.")
    b = art("b2", "صحيفة ب", "2021-09-30", "بحث بوتين مع أردوغان في سوتشي ملف إدلب.")
    c = art("c3", "قناة ج", "2021-10-01", "قمة بين الرئيسين الروسي والتركي انعقدت في سوتشي.")
    ev(a, "التقى أردوغان بوتين في سوتشي أمس", "CONSULT", "TUR", "RUS", "2021-09-29", mode="visit")
    ev(a, "واتهمت أنقرة جهات بالتصعيد", "ACCUSE", "TUR", None, "2021-09-29")
    ev(b, "بحث بوتين مع أردوغان في سوتشي", "CONSULT", "RUS", "TUR", None)   # undated, reversed
    ev(c, "قمة بين الرئيسين الروسي والتركي", "CONSULT", "RUS", "TUR", "2021-09")  # month precision
    return [a, b, c]


def test_one_interaction_three_outlets_is_one_merged_event():
    arts = three_outlets()
    merged = merge_events(arts)
    consult = [m for m in merged if m.type == "CONSULT"]
    assert len(consult) == 1
    m = consult[0]
    assert isinstance(m, MergedEvent)
    assert m.articles == ["a1", "b2", "c3"]
    assert m.outlets == ["وكالة أ", "صحيفة ب", "قناة ج"]
    assert m.date == "2021-09-29" and m.date_precision == "day"
    assert m.mode == "visit"
    assert (m.source.code, m.target.code) == ("TUR", "RUS")   # first report's direction
    assert len(m.events) == 3 and "a1#e0" in m.events
    for article_id, outlet, span in m.mentions:   # (article id, outlet, Span) triples
        text = next(a for a in arts if a.id == article_id).text
        assert text[span.start:span.end] == span.text


def test_every_event_belongs_to_exactly_one_merged_event():
    arts = three_outlets()
    merged = merge_events(arts)
    ids = [e for m in merged for e in m.events]
    assert sorted(ids) == sorted(f"{a.id}#e{i}" for a in arts for i in range(len(a.events)))
    assert len(merged) == 2  # the summit and the accusation


def test_direction_matters_for_asymmetric_types():
    a = art("a", "x", "2021-09-30", "اتهمت تركيا روسيا. واتهمت روسيا تركيا.")
    ev(a, "اتهمت تركيا روسيا", "ACCUSE", "TUR", "RUS", "2021-09-30")
    b = art("b", "y", "2021-09-30", "اتهمت روسيا تركيا.")
    ev(b, "اتهمت روسيا تركيا", "ACCUSE", "RUS", "TUR", "2021-09-30")
    merged = merge_events([a, b])
    assert len(merged) == 2


def test_different_day_modality_or_actor_do_not_merge():
    a = art("a", "x", "2021-09-30", "اتفاق أول. اتفاق ثان. اتفاق ثالث. اتفاق رابع.")
    b = art("b", "y", "2021-09-30", "اتفاق أول. اتفاق ثان. اتفاق ثالث. اتفاق رابع.")
    ev(a, "اتفاق أول", "AGREE", "TUR", "RUS", "2021-09-29")
    ev(b, "اتفاق أول", "AGREE", "RUS", "TUR", "2021-09-28")                 # other day
    ev(a, "اتفاق ثان", "AGREE", "TUR", "RUS", "2021-09-29", modality="future")
    ev(b, "اتفاق ثان", "AGREE", "TUR", "RUS", "2021-09-29", modality="asserted")  # joins the first
    ev(a, "اتفاق ثالث", "AGREE", "TUR", "UKR", "2021-09-29")
    merged = merge_events([a, b])
    sizes = sorted(len(m.events) for m in merged)
    assert sizes == [1, 1, 1, 2]


def test_undated_report_outside_the_story_dates_stays_apart():
    # an undated mention cannot join a dated event from years before the story's articles
    a = art("a", "x", "2021-09-30", "أسقطت تركيا طائرة روسية عام 2015. وأسقطت تركيا الطائرة.")
    ev(a, "أسقطت تركيا طائرة روسية عام 2015", "ASSAULT", "TUR", "RUS", "2015-11")
    b = art("b", "y", "2021-10-01", "أسقطت تركيا الطائرة.")
    ev(b, "أسقطت تركيا الطائرة", "ASSAULT", "TUR", "RUS", None)
    assert len(merge_events([a, b])) == 2
    # with no publication date at all, the undated report joins
    a.published = b.published = None
    assert len(merge_events([a, b])) == 1


def test_mark_articles_lists_the_other_reporting_articles():
    arts = three_outlets()
    mark_articles(arts, merge_events(arts))
    assert arts[0].events[0].articles == ["b2", "c3"]
    assert arts[1].events[0].articles == ["a1", "c3"]
    assert arts[0].events[1].articles == []


def test_merged_event_as_dict_is_json_ready():
    import json
    m = merge_events(three_outlets())[0]
    d = json.loads(json.dumps(m.as_dict(), ensure_ascii=False))
    assert d["articles"] == ["a1", "b2", "c3"] and len(d["mentions"]) == 3


def test_two_events_of_one_article_are_never_merged():
    a = art("a", "x", "2021-09-30", "وقعت تركيا وروسيا اتفاقا عام 2010. ووقعتا صفقة أخرى عام 2017.")
    ev(a, "وقعت تركيا وروسيا اتفاقا عام 2010", "AGREE", "TUR", "RUS", None)
    ev(a, "ووقعتا صفقة أخرى عام 2017", "AGREE", "RUS", "TUR", None)
    b = art("b", "y", "2021-09-30", "صفقة بين روسيا وتركيا.")
    ev(b, "صفقة بين روسيا وتركيا", "AGREE", "RUS", "TUR", None)
    merged = merge_events([a, b])
    assert sorted(len(m.events) for m in merged) == [1, 2]
    assert all(len(set(m.articles)) == len(m.articles) for m in merged)
