"""DateFinder: month names of every series, paired forms, numeric and Hijri dates."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.text.dates import DateFinder


@pytest.fixture(scope="module")
def finder():
    return DateFinder.load_default()


def one(finder, text):
    found = finder.find(text)
    assert len(found) == 1, (text, found)
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
MAGHREBI = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]


@pytest.mark.parametrize("series", [EGYPTIAN, LEVANTINE, MAGHREBI], ids=["egyptian", "levantine", "maghrebi"])
def test_every_month_of_a_series(finder, series):
    for number, name in enumerate(series, start=1):
        d = one(finder, f"وقع ذلك في 12 {name} 2019 بحسب المصادر")
        assert d.value == f"2019-{number:02d}-12", name
        assert d.precision == "day" and d.calendar == "gregorian"
        assert d.text == f"12 {name} 2019"


@pytest.mark.parametrize("variant,month", [("فبرير", 2), ("يونيه", 6), ("يوليه", 7), ("اغسطس", 8), ("ايار", 5),
                                           ("اذار", 3), ("إبريل", 4), ("كانون ثاني", 1), ("تشرين أول", 10)])
def test_spelling_variants(finder, variant, month):
    assert one(finder, f"في 3 {variant} 2020").value == f"2020-{month:02d}-03"


def test_month_year_and_year_alone(finder):
    d = one(finder, "أعلنت الشركة في نوفمبر 2015 عن خطتها")
    assert (d.value, d.precision, d.text) == ("2015-11", "month", "نوفمبر 2015")
    d = one(finder, "وقد وقعا عام 2015 اتفاقاً")
    assert (d.value, d.precision, d.text) == ("2015", "year", "عام 2015")
    d = one(finder, "بدأ المشروع في 2019 وتعثر")
    assert (d.value, d.precision, d.text) == ("2019", "year", "2019")


def test_numeric_forms(finder):
    assert one(finder, "تاريخ النشر:29.09.2021 | 13:35").value == "2021-09-29"
    assert one(finder, "صدر في 29/9/2021").value == "2021-09-29"
    assert one(finder, "بتاريخ 2021-09-29").value == "2021-09-29"
    assert one(finder, "بتاريخ 2021/09/29").value == "2021-09-29"
    assert one(finder, "09/29/2021").value == "2021-09-29"  # US order when the day cannot be a month
    assert finder.find("31/02/2021") == []  # no such day
    assert finder.find("بنسبة 6.5 في المئة") == []


def test_arabic_indic_digits(finder):
    d = one(finder, "في ٢٩ سبتمبر ٢٠٢١ التقى الرئيسان")
    assert d.value == "2021-09-29" and d.text == "٢٩ سبتمبر ٢٠٢١"
    assert one(finder, "٣٠/٩/٢٠٢١").value == "2021-09-30"


def test_paired_forms(finder):
    d = one(finder, "يوم الجمعة 3 كانون الأول/ ديسمبر 2021 أجرى الرئيسان اتصالاً")
    assert (d.value, d.weekday) == ("2021-12-03", 5)
    assert d.text == "يوم الجمعة 3 كانون الأول/ ديسمبر 2021"
    d = one(finder, "في ديسمبر (كانون الأول) 2020")
    assert (d.value, d.precision) == ("2020-12", "month")
    d = one(finder, "الأربعاء, أيلول (سبتمبر) 29, 2021 - 11:11")
    assert (d.value, d.weekday) == ("2021-09-29", 3)
    d = one(finder, "في 15 آب/أغسطس 2016")
    assert d.value == "2016-08-15"


def test_weekday_day_month_without_year(finder):
    d = one(finder, "أعلنت الرئاسة يوم الجمعة 3 كانون الأول/ ديسمبر أن الرئيسين تحدثا")
    assert d.value == "--12-03" and d.year_missing and d.year is None
    assert d.text == "يوم الجمعة 3 كانون الأول/ ديسمبر"
    [d] = finder.find("يوم الجمعة 3 كانون الأول/ ديسمبر", default_year=2021)
    assert d.value == "2021-12-03"


def test_other_writings(finder):
    assert one(finder, "نشر في: 29 سبتمبر ,2021: 02:58 م").value == "2021-09-29"
    assert one(finder, "الأربعاء, 29 سبتمبر - 2021").value == "2021-09-29"
    assert one(finder, "في سبتمبر 29, 2021").value == "2021-09-29"
    assert one(finder, "في 11 آذار/مارس 2021م أعلن").text == "11 آذار/مارس 2021م"
    assert one(finder, "September 29, 2021").value == "2021-09-29"
    assert one(finder, "14 جويلية 2022").value == "2022-07-14"


def test_hijri(finder):
    d = one(finder, "وذلك في 15 رجب 1443 هـ")
    # 1 Rajab 1443 fell on 2 February 2022
    assert (d.value, d.calendar, d.hijri, d.precision) == ("2022-02-16", "hijri", "1443-07-15", "day")
    d = finder.find("الأربعاء - 22 صفر 1443 هـ - 29 سبتمبر 2021 مـ")
    assert [x.value for x in d] == ["2021-09-29", "2021-09-29"]
    assert [x.calendar for x in d] == ["hijri", "gregorian"]
    d = one(finder, "خلال شهر رمضان 1444")
    assert (d.value, d.precision, d.hijri) == ("2023-03", "month", "1444-09")


def test_parse(finder):
    assert finder.parse("2013-12-26").value == "2013-12-26"
    assert finder.parse("2021-09-29T13:35:00+03:00").value == "2021-09-29"
    assert finder.parse("2015").precision == "year"
    assert finder.parse("2015-11").value == "2015-11"
    d = finder.parse("نشر في: 29 سبتمبر ,2021 آخر تحديث: 30 سبتمبر ,2021")
    assert d.value == "2021-09-29"
    assert finder.parse("بلا تاريخ") is None
    assert finder.parse("") is None


def test_invalid_months_data():
    with pytest.raises(KnowledgeBaseError):
        DateFinder({"gregorian": {}, "hijri": {}, "weekdays": {}})
    with pytest.raises(KnowledgeBaseError):
        DateFinder({"nothing": 1})


def test_year_after_min_aam(finder):
    d = one(finder, "وفي 11 سبتمبر/أيلول من عام 2001 وقعت الهجمات")
    assert (d.value, d.text) == ("2001-09-11", "11 سبتمبر/أيلول من عام 2001")
