"""The date a figure refers to (units.yaml ``figure_dates`` + marsad.events.dates), on sentences written
for these tests. Publication date of every text: 2022-10-20 unless stated."""

from __future__ import annotations

import pytest

from marsad.events.quantities import QuantityExtractor
from marsad.types import Article


@pytest.fixture(scope="module")
def qx():
    return QuantityExtractor()


def dates(qx, text, published="2022-10-20"):
    a = qx(Article(id="t", text=text, published=published))
    return [q.date for q in a.quantities]


@pytest.mark.parametrize("text, expected", [
    ("وفي العام 2018 بلغ حجم التبادل 25 مليار دولار.", "2018"),
    ("وبلغ عدد الزوار عام 2016 نحو 3 ملايين سائح.", "2016"),
    ("ووصل حجم التجارة إلى 20 مليار دولار في 2019.", "2019"),
    ("وفي مارس 2020 نقل الخط 4 مليارات متر مكعب من الغاز.", "2020-03"),
    ("وخلال العام الجاري زار البلاد 5 ملايين سائح.", "2022"),
    ("وبلغ حجم التبادل 30 مليار دولار العام الماضي.", "2021"),
    ("وبلغ نمو التجارة 40% في الأشهر التسعة الأولى من العام.", "2022"),
    ("وقال إن التبادل ازداد خلال 8 أشهر بنسبة 35%.", "2022"),
    ("وارتفعت الصادرات منذ بداية العام بنسبة 12%.", "2022"),
    ("ويعيش في المخيمات حاليا نحو مليون شخص.", "2022"),
    ("ويسعى البلدان إلى رفع حجم التبادل التجاري إلى 60 مليار دولار بحلول 2025.", "2025"),   # a target date
])
def test_year_and_month_of_a_figure(qx, text, expected):
    assert dates(qx, text) == [expected]


def test_comparison_base_is_not_the_date(qx):
    assert dates(qx, "وزاد حجم التجارة خلال 9 أشهر بنسبة 45% مقارنة بالعام 2021.") == ["2022"]
    assert dates(qx, "وارتفعت الصادرات 10% مقارنة بالعام الماضي.") == [None]


def test_start_of_a_span_is_not_the_date(qx):
    assert dates(qx, "ومنذ عام 2011 غادر البلاد 6 ملايين شخص.") == [None]


def test_months_up_to_publication_that_span_two_years(qx):
    # ten months up to February 2023 lie mostly in 2022
    assert dates(qx, "وقال إن التبادل ارتفع خلال 10 أشهر بنسبة 30%.", published="2023-02-10") == ["2022"]


def test_the_clause_of_the_figure_wins(qx):
    """The figure's own clause holds its date even when another cue is nearer across a comma."""
    text = "وقال إنه في العام الماضي تراجع حجم التبادل بنسبة 18%، وهذا العام ارتفع بنسبة 40%."
    assert dates(qx, text) == ["2021", "2022"]


def test_day_kept_for_casualties_cut_for_flows(qx):
    text = "وقتل 9 أشخاص في القصف يوم الأحد. وقال الوزير اليوم إن الاستثمارات بلغت 7 مليارات دولار."
    assert dates(qx, text, published="2022-10-20") == ["2022-10-16", "2022"]


def test_weekday_needs_its_article(qx):
    # "واحد" must not be read as the weekday "الأحد"
    assert dates(qx, "وأنفقت الشركة 90 ألف دولار في متجر واحد.") == [None]


def test_days_after_an_event_are_not_days_after_publication(qx):
    assert dates(qx, "وضربت هزة ثانية المنطقة بعد 3 أيام من زلزال أوقع 200 قتيل.") == [None]
