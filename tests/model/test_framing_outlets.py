"""Framing of one story across outlets, on hand-made records."""

from __future__ import annotations

import json

import pytest

from marsad.model import ArticleRecord, Framing, ModelInput, QuantityRecord, QuoteRecord
from marsad.types import Span


@pytest.fixture
def story(make_event):
    arts = [
        ArticleRecord("a1", "الوكالة أ", "2021-09-29", "قمة مثمرة", "لقاء مثمر وبناءة الأجواء وتعاون واسع", "sochi"),
        ArticleRecord("a2", "القناة ب", "2021-09-30", "قمة وسط التوتر", "أزمة في إدلب وتصعيد وخلاف", "sochi"),
        ArticleRecord("a3", "الوكالة أ", "2021-09-30", "متابعة", "نص محايد", "sochi"),
        ArticleRecord("z9", "القناة ب", "2021-01-01", "قصة أخرى", "أزمة", "other"),
    ]
    events = [
        make_event("CONSULT", "TUR", "RUS", 4, article="a1", outlet="الوكالة أ", mode="visit"),
        make_event("CONSULT", "RUS", "TUR", 4, article="a2", outlet="القناة ب", mode="visit"),
        make_event("AGREE", "TUR", "RUS", 2.5, article="a3", outlet="الوكالة أ"),
        make_event("ASSAULT", "RUS", "SYR", -9, article="a2", outlet="القناة ب"),
    ]
    quotes = [QuoteRecord("العلاقات جيدة", Span(0, 5, "x"), "a1", "person.putin_vladimir", "بوتين"),
              QuoteRecord("لا تقدم", Span(0, 5, "x"), "a2", None, "مسؤول أمريكي")]
    figures = [QuantityRecord(100e9, "USD", "trade_target", Span(0, 3, "x"), "a1")]
    return ModelInput(arts, events, figures, quotes)


def test_facts_quotes_figures_and_omissions(story):
    fr = Framing.build(story)
    assert [s.story for s in fr.stories] == ["sochi"]       # "other" has one outlet only
    s = fr.stories[0]
    assert set(s.facts) == {"CONSULT RUS–TUR asserted", "AGREE RUS–TUR asserted", "ASSAULT RUS→SYR asserted"}
    assert sorted(s.facts["CONSULT RUS–TUR asserted"]) == ["القناة ب", "الوكالة أ"]
    a, b = s.outlet("الوكالة أ"), s.outlet("القناة ب")
    assert a.articles == ["a1", "a3"]
    assert a.omitted_facts == ["ASSAULT RUS→SYR asserted"]
    assert b.omitted_facts == ["AGREE RUS–TUR asserted"]
    assert a.coverage == pytest.approx(2 / 3)
    assert list(a.quotes) == ["person.putin_vladimir"] and b.omitted_speakers == ["person.putin_vladimir"]
    assert list(a.figures) == ["trade_target 100000000000 USD"] and b.omitted_figures == list(a.figures)


def test_tone_side_by_side(story):
    s = Framing.build(story).stories[0]
    a, b = s.outlet("الوكالة أ"), s.outlet("القناة ب")
    # a: title مثمرة + text مثمر, بناءة, تعاون -> 4 positive ; b: title توتر + أزمة, تصعيد, خلاف -> 4 negative
    assert (a.tone.pos, a.tone.neg) == (4, 0) and a.tone.score == pytest.approx(4 / 6)
    assert (b.tone.pos, b.tone.neg) == (0, 4) and b.tone.score == pytest.approx(-4 / 6)
    assert b.title_tone.neg == 1


def test_restrict_to_codes_and_json(story):
    s = Framing.build(story, codes=("UKR",), min_outlets=2).stories[0]
    assert s.facts == {}
    assert all(o.coverage is None for o in s.outlets)
    json.dumps(Framing.build(story).to_dict(), ensure_ascii=False)
