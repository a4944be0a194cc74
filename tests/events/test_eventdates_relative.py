"""Event dates: relative expressions and the no-cue rule, on texts written for these tests."""

from __future__ import annotations

import pytest

from marsad.events.dates import EventDater, resolve_relative
from marsad.types import Article, Event, Span

PUB = "2021-09-30"  # a Thursday


@pytest.mark.parametrize("text,value,precision", [
    ("التقى الرئيسان اليوم في سوتشي", "2021-09-30", "day"),
    ("التقى الرئيسان أمس في سوتشي", "2021-09-29", "day"),
    ("وجرى الاتصال أول أمس", "2021-09-28", "day"),
    ("وعقد اللقاء يوم الأربعاء", "2021-09-29", "day"),
    ("وعقد اللقاء اليوم الخميس", "2021-09-30", "day"),
    ("وقصفت الطائرات الأحد الماضي", "2021-09-26", "day"),
    ("وجرى ذلك قبل يومين", "2021-09-28", "day"),
    ("وجرى ذلك قبل ثلاثة أيام", "2021-09-27", "day"),
    ("وزار أنقرة الأسبوع الماضي", "2021-09", "month"),
    ("ووقع الاتفاق الشهر الماضي", "2021-08", "month"),
    ("ويزور موسكو الشهر المقبل", "2021-10", "month"),
    ("وتراجع التبادل العام الماضي", "2020", "year"),
    ("ويتوقع افتتاح المحطة العام المقبل", "2022", "year"),
    ("وتعقد القمة في نهاية الشهر الجاري", "2021-09", "month"),
    ("وجرى الاتفاق في نوفمبر الماضي", "2020-11", "month"),
])
def test_resolve_relative(text, value, precision):
    got = resolve_relative(text, PUB)
    assert got is not None
    assert got[0] == value and got[1] == precision
    s, e = got[2]
    assert text[s:e].strip()


def test_no_expression():
    assert resolve_relative("وتطورت العلاقات بين البلدين", PUB) is None
    assert resolve_relative("التقى الرئيسان أمس", None) is None


def _event(text, start, end, modality="asserted"):
    return Event("CONSULT", "visit", "verbal_coop", 4.0, None, None, Span(start, end, text[start:end]),
                 modality=modality)


def test_dater_absolute_relative_and_default():
    title = "بوتين يستقبل أردوغان في سوتشي"
    lead = "استقبل الرئيس الروسي نظيره التركي في منتجع سوتشي لبحث الملفات الإقليمية بين البلدين."
    later1 = "وكان الرئيسان قد التقيا في موسكو في مارس 2020 لبحث وقف إطلاق النار."
    later2 = "وتحدث الوزيران هاتفيا الأسبوع الماضي بشأن التحضير للقمة المرتقبة بين الرئيسين."
    later3 = "ويتبادل البلدان الزيارات الرسمية بصورة منتظمة منذ سنوات طويلة وعلى مستويات متعددة."
    text = "\n".join([title, lead, later1, later2, later3])
    a = Article(id="d", text=text, published="2021-09-29")
    spans = [(text.index(s), text.index(s) + len(s)) for s in (lead, later1, later2, later3)]
    a.events = [_event(text, *sp) for sp in spans]
    EventDater()(a)
    got = [(e.date, e.date_precision) for e in a.events]
    assert got == [("2021-09-29", "day"), ("2020-03", "month"), ("2021-09", "month"), (None, None)]


def test_dater_future_event_without_cue_stays_undated():
    text = "يزور الرئيس التركي روسيا لبحث الملفات العالقة بين البلدين وتطوير العلاقات الاقتصادية بينهما."
    a = Article(id="f", text=text, published="2021-09-29")
    a.events = [_event(text, 0, len(text), modality="future")]
    EventDater()(a)
    assert a.events[0].date is None


def test_eventdates_bare_weekday_only_after_yawm():
    from marsad.events.dates import resolve_relative

    # "one of them" is not Sunday; "يوم أحد" is
    assert resolve_relative("قال واحد منهم إن الاتفاق صامد", "2021-09-29") is None
    assert resolve_relative("أصيب اثنين من الجنود", "2021-09-29") is None
    hit = resolve_relative("وصل الوفد يوم أحد", "2021-09-29")
    assert hit is not None and hit[0] == "2021-09-26"


def _dated_article(text, published=None):
    from marsad.events.dates import EventDater
    from marsad.types import ActorRef, Article, Event, Span

    headline_end = text.index("\n")
    body = text.index("اتصالا")
    ev = Event("CONSULT", "phone", "verbal_coop", 1.5, ActorRef("TUR", "TUR"), ActorRef("RUS", "RUS"),
               Span(0, headline_end, text[:headline_end]))
    ev.mentions = [ev.evidence, Span(body, body + 6, text[body:body + 6])]
    art = Article(id="d", text=text, published=published, events=[ev])
    return EventDater()(art).events[0]


def test_eventdates_read_the_other_mentions_and_infer_the_year_from_the_weekday():
    text = ("اتصال بين الرئيسين التركي والروسي\n"
            "تدهورت العلاقات في 2020 ثم تحسنت.\n"
            "وأجرى الرئيسان يوم الجمعة 3 كانون الأول/ ديسمبر اتصالا هاتفيا.")
    ev = _dated_article(text)
    # 3 December fell on a Friday in 2021, the first such year from 2020 on
    assert (ev.date, ev.date_precision) == ("2021-12-03", "day")


def test_eventdates_year_less_date_without_weekday_stays_undated():
    text = ("اتصال بين الرئيسين التركي والروسي\n"
            "تدهورت العلاقات في 2020 ثم تحسنت.\n"
            "وأجرى الرئيسان في 3 كانون الأول/ ديسمبر اتصالا هاتفيا.")
    assert _dated_article(text).date is None
