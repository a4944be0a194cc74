"""Argument and modality rules found on the bundled examples, tested on our own sentences: dual titles
with two state adjectives, cancelled or postponed acts, and measures imposed on a state."""

from __future__ import annotations

import pytest

from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def code():
    pipe = default_pipeline(Resources(), layers=("text", "actors", "events"))

    def run(text: str, published: str = "2022-03-14") -> Article:
        return pipe.process(Article(id="t", text=text, published=published))

    return run


def pairs(article: Article, etype: str) -> set[frozenset]:
    return {frozenset((e.source.code, e.target.code)) for e in article.events
            if e.type == etype and e.source and e.target}


def modalities(article: Article, etype: str) -> set[str]:
    return {e.modality for e in article.events if e.type == etype}


# ------------------------------------------------------------------ dual titles, two state adjectives
def test_dual_ministers_with_names_between_the_adjectives(code):
    a = code("وقّع وزيرا الدفاع التركي خلوصي أكار والروسي سيرغي شويغو الأربعاء مذكرة للتعاون العسكري.")
    assert pairs(a, "AGREE") == {frozenset(("TUR", "RUS"))}


def test_dual_ministers_with_a_portfolio(code):
    a = code("وقع وزيرا الطاقة المصري والقبرصي اتفاقية لنقل الغاز عبر المتوسط.")
    assert pairs(a, "AGREE") == {frozenset(("EGY", "CYP"))}


def test_dual_foreign_ministers_meet(code):
    a = code("التقى وزيرا الخارجية الروسي والتركي مساء الخميس في أنطاليا.")
    assert pairs(a, "CONSULT") == {frozenset(("RUS", "TUR"))}


# ------------------------------------------------------------------ cancelled or postponed acts
def test_cancelled_visit_is_negated(code):
    a = code("وألغى وزير الخارجية الفرنسي زيارة كانت مرتقبة إلى الجزائر الأسبوع المقبل.")
    assert modalities(a, "CONSULT") == {"negated"}


def test_postponed_visit_with_pronoun_is_negated(code):
    a = code("أرجأ الرئيس الفرنسي زيارته إلى الجزائر بسبب الأزمة.")
    assert modalities(a, "CONSULT") == {"negated"}


def test_postponement_noun_negates_the_summit(code):
    a = code("أعلن الكرملين تأجيل القمة الروسية التركية إلى موعد لاحق.")
    assert modalities(a, "CONSULT") == {"negated"}


def test_commenting_on_a_visit_is_no_cancellation(code):
    # علّق على = commented on: the visit behind the preposition stays asserted
    a = code("علّق الرئيس الفرنسي على زيارة أردوغان إلى الجزائر.")
    assert "negated" not in modalities(a, "CONSULT")
    assert modalities(a, "CONSULT")


def test_a_visit_after_a_comma_is_not_cancelled(code):
    a = code("ألغت الحكومة المؤتمر الصحفي، وزار الرئيس الفرنسي الجزائر أمس.")
    assert modalities(a, "CONSULT") == {"asserted"}


# ------------------------------------------------------------------ measures imposed on a state
def triples(article: Article) -> set[tuple]:
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in article.events}


def test_decree_imposing_measures_takes_the_signer(code):
    a = code("أصدر الرئيس الجزائري مرسوما يفرض قيودا على الشركات الفرنسية العاملة في البلاد.")
    assert ("SANCTION", "DZA", "FRA") in triples(a)


def test_restrictions_on_goods_of_a_state(code):
    a = code("فرضت الجزائر رسوما على السيارات الفرنسية المستوردة.")
    assert ("SANCTION", "DZA", "FRA") in triples(a)


def test_ban_on_flights_to_a_state(code):
    a = code("قررت الحكومة المغربية حظر الرحلات الجوية إلى الجزائر.")
    assert ("SANCTION", "MAR", "DZA") in triples(a)


def test_curfew_is_no_sanction(code):
    a = code("فرضت السلطات المصرية حظر التجول في العاصمة.")
    assert not [e for e in a.events if e.type == "SANCTION"]


# ------------------------------------------------------------------ dual and plural state adjectives
def test_dual_adjective_on_the_shooters_and_the_downed_plane(code):
    a = code("أسقطت مقاتلتان يونانيتان طائرة تركية مسيرة فوق بحر إيجه.")
    assert ("ASSAULT", "GRC", "TUR") in triples(a)


def test_plural_adjective_on_detained_citizens(code):
    a = code("اعتقلت الشرطة مواطنين روسيين في أنطاليا.")
    assert any(e.target and e.target.code == "RUS" for e in a.events)
