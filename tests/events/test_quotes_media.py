"""Quotes and news media: outlets that cite someone, source attributions, item headlines (own sentences)."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline, text_components
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def pipe():
    res = Resources()
    comps = list(text_components(res)) + [c for c in res.extra_components(("actors",))
                                          if c.name in ("actors", "quotes")]
    return Pipeline(comps)


def run(pipe, text, outlet=None):
    return pipe.process(Article(id="t", text=text, published="2021-09-29", outlet=outlet))


def test_medium_citing_a_known_person(pipe):
    a = run(pipe, "ونقلت وكالة رويترز عن أردوغان قوله إن بلاده ستواصل الحوار مع موسكو حول الملف السوري.")
    assert [q.speaker_entity for q in a.quotes] == ["person.erdogan_recep_tayyip"]
    assert a.quotes[0].text.startswith("بلاده")


def test_medium_citing_a_titled_expert(pipe):
    a = run(pipe, "ونقلت صحيفة \"الشرق الأوسط\" عن الخبير في الشؤون التركية سليم داوود قوله: "
                  "\"العلاقة بين البلدين تمر بمرحلة دقيقة\".")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.speaker_entity is None and q.speaker_name == "سليم داوود"
    assert q.direct and q.text == "العلاقة بين البلدين تمر بمرحلة دقيقة"


def test_medium_citing_an_unnamed_official(pipe):
    a = run(pipe, "وقالت وكالة الأناضول نقلا عن مسؤول تركي إن الاجتماع سيعقد الأسبوع المقبل.")
    assert len(a.quotes) == 1
    assert a.quotes[0].speaker_entity is None and a.quotes[0].speaker_name.startswith("مسؤول تركي")


def test_medium_speaking_with_a_speech_verb_is_kept(pipe):
    a = run(pipe, "وقالت وكالة رويترز إن القوات التركية عززت مواقعها قرب الحدود.")
    assert [q.speaker_entity for q in a.quotes] == ["company.reuters"]


def test_according_to_a_medium_without_speech_verb_is_no_quote(pipe):
    a = run(pipe, "وصلت تعزيزات عسكرية جديدة إلى ريف إدلب الجنوبي، بحسب وكالة الأناضول.")
    assert a.quotes == []


def test_medium_anaphor_takes_the_last_outlet(pipe):
    a = run(pipe, "ذكرت وكالة رويترز أن المحادثات استمرت ثلاث ساعات. وأكدت الوكالة أن الطرفين اتفقا على "
                  "لقاء جديد.")
    assert [q.speaker_entity for q in a.quotes] == ["company.reuters", "company.reuters"]


def test_report_phrase_after_a_verb_is_not_the_speaker(pipe):
    a = run(pipe, "التقى أردوغان نظيره الروسي في سوتشي. وقال أردوغان، بحسب ما نقلته وكالة الأناضول، إن "
                  "السلام في المنطقة يحتاج إلى تعاون البلدين.")
    speakers = [q.speaker_entity for q in a.quotes]
    assert "company.anadolu_agency" not in speakers
    assert speakers == ["person.erdogan_recep_tayyip"]


def test_outlet_headline_line_is_not_a_quote(pipe):
    a = run(pipe, "الأناضول :تركيا وروسيا تبحثان توسيع التبادل التجاري\nعقد وفدا البلدين اجتماعا في أنقرة.",
            outlet="الأناضول")
    assert a.quotes == []


def test_name_headline_after_the_outlet_is_a_quote(pipe):
    a = run(pipe, "الأناضول :أردوغان: لن نتخلى عن منظومة الدفاع الجوي\nعاد الرئيس من سوتشي مساء الأربعاء.",
            outlet="الأناضول")
    assert [q.speaker_entity for q in a.quotes] == ["person.erdogan_recep_tayyip"]
    assert a.quotes[0].direct and a.quotes[0].text.startswith("لن نتخلى")


def test_repeated_headline_is_one_quote(pipe):
    text = ("بوتين: العلاقات مع أنقرة تتطور بثبات\nاستقبل الرئيس الروسي ضيفه التركي.\n"
            "   بوتين: العلاقات مع أنقرة تتطور بثبات\n")
    a = run(pipe, text)
    assert len([q for q in a.quotes if q.text.startswith("العلاقات")]) == 1
