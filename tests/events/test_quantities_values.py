"""Figures on short texts written for these tests."""

from __future__ import annotations

import pytest

from marsad.events.quantities import QuantityExtractor
from marsad.types import Article


@pytest.fixture(scope="module")
def qx():
    return QuantityExtractor()


def figures(qx, text, published="2021-09-29"):
    a = qx(Article(id="t", text=text, published=published))
    for q in a.quantities:
        assert a.text[q.start:q.end] == q.text
    return [(q.value, q.unit, q.what) for q in a.quantities], a


def test_scale_and_currency(qx):
    got, _ = figures(qx, "وبلغت الاستثمارات الروسية في تركيا 6.5 مليار دولار.")
    assert got == [(6.5e9, "USD", "investment")]


def test_arabic_indic_digits(qx):
    got, _ = figures(qx, "ارتفع حجم التبادل التجاري إلى ٢٦ مليار دولار.")
    assert got == [(26e9, "USD", "trade_volume")]


def test_trade_target(qx):
    got, _ = figures(qx, "ويهدف البلدان إلى رفع حجم التبادل التجاري بينهما إلى 100 مليار دولار.")
    assert got == [(1e11, "USD", "trade_target")]


def test_word_numbers_and_duration(qx):
    got, _ = figures(qx, "واستمرت المحادثات ثلاث ساعات ونصف.")
    assert got == [(3.5, "hours", "duration")]


def test_thousands_of_tourists_and_year(qx):
    got, a = figures(qx, "وفي العام 2019 زار البلاد 6.8 مليون سائح روسي.")
    assert got == [(6.8e6, "tourists", "tourists")]
    assert a.quantities[0].date == "2019"


def test_relative_year(qx):
    _, a = figures(qx, "وخلال العام الجاري تجاوز عدد السياح 2.5 مليون سائح.")
    assert a.quantities[0].date == "2021"


def test_percent_forms(qx):
    got, _ = figures(qx, "نما التبادل التجاري 50 في المئة ثم 30% ثم 20 بالمئة.")
    assert [(v, u) for v, u, _ in got] == [(50, "percent"), (30, "percent"), (20, "percent")]


def test_casualties(qx):
    got, _ = figures(qx, "وأدى القصف إلى مقتل 11 عنصرا من الفصائل.")
    assert got == [(11, "people", "casualties")]


@pytest.mark.parametrize("text", [
    "اشترت تركيا منظومة إس-400 الروسية.",
    "تسلمت أنقرة منظومة S-400 عام 2019.",
    "ستضم المحطة وحدات من طراز VVER-1200.",
    "عقد الاجتماع في 29 سبتمبر 2021.",
    "1. الملف السوري\n2. الملف الليبي",
    "للاتصال: 0096399123456",
    "جاء ذلك قبل ثلاثة أشهر من القمة.",
    "حل ثانيا في الترتيب.",
])
def test_not_figures(qx, text):
    got, _ = figures(qx, text)
    assert got == []
