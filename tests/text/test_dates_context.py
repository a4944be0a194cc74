"""DateFinder: words that look like month names but are not dates."""

from __future__ import annotations

import pytest

from marsad.text.dates import DateFinder


@pytest.fixture(scope="module")
def finder():
    return DateFinder.load_default()


@pytest.mark.parametrize("text", [
    "استقبل الرئيس رجب طيب أردوغان نظيره",  # a given name, not the Hijri month
    "وفتح الباب أمام الحل السياسي",  # الباب contains آب
    "مارس الضغوط على الحكومة لسنوات",  # the verb "practised"
    "لم يرد ذكر آب في البيان",  # آب without a number
    "في أيار الماضي",  # a month without a year is left to the event layer
    "زار الوفد الروسي المدينة في رمضان",  # Hijri month without a year
    "قتل 2000 جندي",  # a bare number is not a year
    "في عام 9999",  # out of range
    "كانون الثاني",  # a month alone
])
def test_not_a_date(finder, text):
    assert finder.find(text) == []


def test_given_name_next_to_a_real_date(finder):
    text = "التقى رجب طيب أردوغان في 5 آذار 2020 بنظيره"
    [d] = finder.find(text)
    assert d.value == "2020-03-05"
    assert text[d.start:d.end] == "5 آذار 2020"


def test_ambiguous_month_with_number_is_a_date(finder):
    assert [d.value for d in finder.find("في مارس 2020 وقع الاتفاق")] == ["2020-03"]
    assert [d.value for d in finder.find("في 10 آب 2016")] == ["2016-08-10"]
    assert [d.value for d in finder.find("نيسان 2019")] == ["2019-04"]


def test_offsets_survive_diacritics(finder):
    text = "وَقَعَ ذلكَ في ٣ أيّار ٢٠٢٠ تماماً"
    [d] = finder.find(text)
    assert d.value == "2020-05-03"
    assert text[d.start:d.end] == "٣ أيّار ٢٠٢٠"
