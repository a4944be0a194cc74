"""Modality (negated, future, hypothetical) and what is not an event (our own sentences)."""

from __future__ import annotations

import pytest

from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def resources():
    return Resources()


@pytest.fixture(scope="module")
def code(resources):
    pipe = default_pipeline(resources, layers=("text", "actors", "events"))

    def run(text: str, published: str = "2021-09-29") -> Article:
        return pipe.process(Article(id="t", text=text, published=published))

    return run


def only(article: Article, etype: str):
    evs = [e for e in article.events if e.type == etype]
    assert len(evs) == 1, [(e.type, e.source, e.target) for e in article.events]
    return evs[0]


def test_negated(code):
    ev = only(code("لم يلتق بوتين أردوغان خلال الزيارة."), "CONSULT")
    assert ev.modality == "negated"


def test_denial_reaches_the_trigger(code):
    ev = only(code("نفت الخارجية الروسية أن تكون موسكو قد هددت كييف بأي شيء."), "THREATEN")
    assert ev.modality == "negated"


def test_future_proclitic(code):
    ev = only(code("وسيزور أردوغان موسكو في الخريف."), "CONSULT")
    assert ev.modality == "future" and (ev.source.code, ev.target.code) == ("TUR", "RUS")


def test_future_scheduled(code):
    ev = only(code("من المقرر أن يستقبل بوتين أردوغان الأسبوع المقبل."), "CONSULT")
    assert ev.modality == "future"


def test_hypothetical_condition(code):
    ev = only(code("إذا قصفت روسيا أوكرانيا مجددا فسيتغير الموقف."), "ASSAULT")
    assert ev.modality == "hypothetical"


def test_hypothetical_qad_with_imperfect(code):
    ev = only(code("قد تفرض واشنطن عقوبات على أنقرة."), "SANCTION")
    assert ev.modality == "hypothetical"


def test_asserted_by_default(code):
    ev = only(code("انتقدت فرنسا إيران بشدة في بيان صدر أمس."), "ACCUSE")
    assert ev.modality == "asserted" and (ev.source.code, ev.target.code) == ("FRA", "IRN")


def test_relative_clause_subject_is_not_the_speaker(code):
    # the attack is the subject of استهدف, not Turkey; and no recipient of the condemnation is named
    a = code("أدانت تركيا الهجوم الذي استهدف سفارتها.")
    assert not [e for e in a.events if e.type == "ASSAULT" and e.source is not None]


def test_no_trigger_no_event(code):
    a = code("تركيا وروسيا دولتان كبيرتان تطلان على البحر الأسود.")
    assert a.mentions and a.events == []


def test_no_actor_no_event(code):
    a = code("وقع اتفاق جديد واستمرت المحادثات وتكررت الغارات طوال الليل.")
    assert a.events == []


def test_no_self_event(code):
    a = code("التقى الرئيس التركي رجب طيب أردوغان وزير الخارجية التركي مولود جاويش أوغلو.")
    assert a.events == []


def test_fact_about_one_country_is_not_an_event(code):
    a = code("يبلغ عدد سكان تركيا أكثر من ثمانين مليون نسمة.")
    assert a.events == []


def test_one_event_with_several_mentions(code):
    text = ("أجرى أردوغان اتصالا هاتفيا مع بوتين يوم الجمعة. وتناول الاتصال الهاتفي بين أردوغان وبوتين الوضع "
            "في سوريا.")
    a = code(text)
    ev = only(a, "CONSULT")
    assert len(ev.mentions) == 2
    assert ev.evidence == ev.mentions[0]
    assert ev.mentions[0].start < ev.mentions[1].start


def test_intensity_and_quad_from_the_ontology(code, resources):
    a = code("أجرى أردوغان اتصالا هاتفيا مع بوتين. وقصفت الطائرات الروسية مواقع قرب الحدود.")
    onto = resources.ontology
    for ev in a.events:
        assert ev.quad == onto[ev.type].quad
        assert ev.intensity == onto[ev.type].score(ev.mode)
    phone = only(a, "CONSULT")
    assert phone.mode == "phone" and phone.intensity == 1.5


def test_evidence_and_trigger_slice_the_text(code):
    text = "في خبر آخر، ندد الاتحاد الأوروبي بالغارات الروسية على المدن الأوكرانية."
    a = code(text)
    assert a.events
    for ev in a.events:
        assert a.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert a.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end
        assert 0.0 <= ev.confidence <= 1.0


def test_coder_leaves_dates_and_dossiers_to_later_components(resources):
    pipe = default_pipeline(resources, layers=("text", "actors"))
    art = pipe.process(Article(id="t", text="ندد الاتحاد الأوروبي أمس بالغارات الروسية على المدن الأوكرانية.",
                               published="2021-09-29"))
    resources.event_coder(art)
    assert art.events
    assert all(e.date is None and e.date_precision is None and e.dossiers == [] for e in art.events)


def test_coder_leaves_other_layers_alone(resources):
    pipe = default_pipeline(resources, layers=("text", "actors"))
    art = pipe.process(Article(id="t", text="استقبل بوتين أردوغان في سوتشي.", published="2021-09-29"))
    before = list(art.mentions)
    resources.event_coder(art)
    assert art.mentions == before and len(art.events) == 1
