"""A commander of a non-state force acts for that force, and so do "his forces" (our own sentences).

The knowledge base gives Khalifa Haftar the role ``commander`` of the LNA (a group): his troops and he
himself are coded LNA, not Libya, so that backing Haftar and backing the Tripoli government are
backing two different (rival) camps. A head of state still acts for the state.
"""

from __future__ import annotations

import pytest

from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def code():
    pipe = default_pipeline(Resources(), layers=("text", "actors", "events"))

    def run(text: str, published: str = "2021-03-10") -> Article:
        return pipe.process(Article(id="t", text=text, published=published))

    return run


def pairs(article: Article, etype: str) -> set[tuple]:
    return {(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in article.events if e.type == etype}


def test_forces_of_a_commander_named_with_his_rank_act_for_his_group(code):
    a = code("وتدعم موسكو قوات المشير خليفة حفتر في شرق ليبيا.")
    assert ("RUS", "LNA") in pairs(a, "SUPPORT")
    assert ("RUS", "LBY") not in pairs(a, "SUPPORT")


def test_the_commander_himself_acts_for_his_group(code):
    a = code("استقبل الرئيس المصري خليفة حفتر في القاهرة أمس.")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert consult and {"EGY", "LNA"} == {consult[0].source.code, consult[0].target.code}


def test_help_to_the_recognised_government_is_aid_to_it(code):
    a = code("تساعد أنقرة حكومة الوفاق الوطني في طرابلس بالمستشارين العسكريين.")
    assert ("TUR", "GNA") in pairs(a, "AID") | pairs(a, "SUPPORT")


def test_two_backers_of_two_camps_in_one_sentence(code):
    a = code("تدعم روسيا قوات حفتر، بينما تساعد تركيا حكومة الوفاق الوطني.")
    found = pairs(a, "SUPPORT") | pairs(a, "AID")
    assert ("RUS", "LNA") in found and ("TUR", "GNA") in found


def test_a_head_of_state_who_also_leads_a_party_still_acts_for_the_state(code):
    # Erdogan is also the AKP's leader: a party leadership does not replace the state
    a = code("استقبل أردوغان خليفة حفتر في أنقرة.")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert consult and {"TUR", "LNA"} == {consult[0].source.code, consult[0].target.code}
