"""LanguageIdentifier: the Arabic fast path and lingua for the rest."""

from __future__ import annotations

import pytest

from marsad.text.lang import LanguageIdentifier
from marsad.types import Article


@pytest.fixture(scope="module")
def ident():
    return LanguageIdentifier()


def test_arabic_fast_path_does_not_build_lingua():
    li = LanguageIdentifier()
    assert li.detect("قال وزير الخارجية إن المحادثات في موسكو تناولت الوضع على الحدود.") == "ar"
    assert li._detector is None  # lingua was not needed


@pytest.mark.parametrize("text,code", [
    ("The foreign ministers met in Moscow on Tuesday to discuss the border situation.", "en"),
    ("Les ministres des affaires étrangères se sont rencontrés à Moscou mardi.", "fr"),
    ("Dışişleri bakanları salı günü Moskova'da bir araya geldi.", "tr"),
    ("Министры иностранных дел встретились во вторник в Москве.", "ru"),
    ("وزیران خارجه روز سه‌شنبه در مسکو با یکدیگر دیدار کردند و درباره مرز گفتگو کردند.", "fa"),
    ("שרי החוץ נפגשו ביום שלישי במוסקבה.", "he"),
])
def test_other_languages(ident, text, code):
    assert ident.detect(text) == code


def test_persian_is_not_taken_by_the_fast_path(ident):
    assert not ident.is_clearly_arabic("وزیران خارجه روز سه‌شنبه در مسکو با یکدیگر دیدار کردند")


def test_component_sets_lang_and_flag(ident):
    a = ident(Article(id="x", text="The talks in Sochi lasted almost three hours, officials said."))
    assert a.lang == "en" and a.flags == ["non_arabic"]
    b = ident(Article(id="y", text="استمرت المحادثات في سوتشي نحو ثلاث ساعات على ما قال مسؤولون."))
    assert b.lang == "ar" and b.flags == []


def test_empty_text(ident):
    assert ident.detect("") is None
    assert ident.detect("12345 ... 678") is None
