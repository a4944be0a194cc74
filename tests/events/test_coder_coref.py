"""Pronouns and dual nouns standing for actors named before (events/coder/coref.py); our own sentences."""

from __future__ import annotations

import pytest

from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def code():
    pipe = default_pipeline(Resources(), layers=("text", "actors", "events"))

    def run(text: str, published: str = "2021-09-29") -> Article:
        return pipe.process(Article(id="t", text=text, published=published))

    return run


def consults(article: Article) -> list:
    return [e for e in article.events if e.type == "CONSULT"]


def test_pronoun_on_between_is_the_person_named_before(code):
    a = code("وصل الرئيس التركي رجب طيب أردوغان إلى سوتشي. "
             "وقال في مستهل لقاء بينه ونظيره الروسي إن الأجواء إيجابية.")
    evs = consults(a)
    assert len(evs) == 1 and {evs[0].source.code, evs[0].target.code} == {"TUR", "RUS"}


def test_pronoun_on_a_meeting_noun_without_a_subject_before(code):
    a = code("وصل بوتين إلى أنقرة. وأعرب عن ارتياحه لنتائج لقائه نظيره التركي.")
    evs = consults(a)
    assert [(e.source.code, e.target.code) for e in evs] == [("RUS", "TUR")]


def test_pronoun_with_no_person_before_resolves_to_nothing(code):
    a = code("انتهت المباحثات مساء أمس. وقال في مستهل لقاء بينه ونظيره الروسي إن الأجواء إيجابية.")
    assert consults(a) == []


def test_dual_stands_for_the_two_leaders_of_the_previous_sentence(code):
    a = code("استقبل بوتين أردوغان في سوتشي. وبحث الرئيسان ملفات سوريا وليبيا.")
    evs = consults(a)
    assert len(evs) == 1 and {evs[0].source.code, evs[0].target.code} == {"TUR", "RUS"}
    # the second sentence is a mention of the same meeting
    assert len(evs[0].mentions) == 2


def test_dual_verb_subject_gives_the_pair(code):
    a = code("اتصل وزير الخارجية المصري بنظيره الأردني. واتفق البلدان على تعزيز التعاون.")
    assert {frozenset((e.source.code, e.target.code)) for e in a.events if e.type == "AGREE"} == {
        frozenset(("EGY", "JOR"))}


def test_dual_with_three_states_before_stands_for_nothing(code):
    a = code("زار وزير الخارجية الإيراني أنقرة وموسكو والقاهرة. وبحث الطرفان الملف السوري.")
    # the three visits are coded from the first sentence; the second adds no mention
    assert all(len(e.mentions) == 1 for e in consults(a))
    assert len(consults(a)) == 3


def test_plural_buldan_with_an_adjective_is_no_dual(code):
    a = code("زار وزير الخارجية المصري الأردن. ووقعت البلدان العربية اتفاقية للتجارة الحرة.")
    assert not [e for e in a.events if e.type == "AGREE"]


def test_his_country_is_the_state_of_the_person_named_last(code):
    a = code("أعلن أردوغان أن بلاده ستقاطع المنتجات الأمريكية.")
    assert [(e.type, e.source.code, e.target.code) for e in a.events] == [("PROTEST", "TUR", "USA")]


def test_his_country_after_a_state_is_not_resolved(code):
    # the last actor before بلاده is Qatar, a state: "his country" is not guessed from it
    a = code("قال مسؤول في قطر إن بلاده ستقاطع المنتجات الأمريكية.")
    assert not [e for e in a.events if e.source is not None and e.source.code == "QAT"]
