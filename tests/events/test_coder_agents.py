"""Generic actors (agents.yaml): police, soldiers, gunmen, protesters as event actors (our own sentences)."""

from __future__ import annotations

import pytest

from marsad.contract import article_from_dict, article_to_dict, validate_record
from marsad.events.agents import Agents, actor_ref
from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import ActorRef, Article


@pytest.fixture(scope="module")
def code():
    pipe = default_pipeline(Resources(), layers=("text", "actors", "events"))

    def run(text: str) -> Article:
        return pipe.process(Article(id="t", text=text, published="2020-05-04"))

    return run


def sides(article: Article, etype: str) -> set[tuple]:
    def one(r):
        return (r.code, r.agent) if r is not None else None
    return {(one(e.source), one(e.target)) for e in article.events if e.type == etype}


def test_state_adjective_gives_the_agent_its_country(code):
    a = code("داهمت الشرطة الأردنية منزلا واعتقلت الشرطة الأردنية خمسة ناشطين في عمان.")
    assert (("JOR", "POLICE"), (None, "ACTIVISTS")) in sides(a, "COERCE")


def test_skip_words_between_noun_and_adjective(code):
    a = code("قصفت القوات المسلحة السودانية مواقع المتمردين قرب الحدود.")
    assert (("SDN", "MILITARY"), (None, "REBELS")) in sides(a, "ASSAULT")


def test_plural_gentilic_after_agent_noun(code):
    a = code("قتل جنود هنود أربعة مسلحين باكستانيين في كشمير.")
    assert (("IND", "MILITARY"), ("PAK", "MILITANTS")) in sides(a, "ASSAULT")


def test_genitive_actor_gives_the_code(code):
    a = code("هاجمت قوات حلف شمال الأطلسي مواقع للمسلحين في الجبال.")
    src = {s for s, _ in sides(a, "ASSAULT")}
    assert ("NATO", "MILITARY") in src


def test_uncoded_agents_are_kept_for_assault(code):
    a = code("أطلق مسلحون مجهولون النار على حافلة للركاب في الطريق الصحراوي.")
    assert ((None, "MILITANTS"), None) in sides(a, "ASSAULT")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.source.entity == "agent:MILITANTS" and ev.source.code is None


def test_uncoded_agents_alone_do_not_make_a_cooperation(code):
    # COOPERATE is not an uncoded type: two generic sides without a country give nothing
    a = code("نسق الطلاب مع العمال تحركاتهم في الجامعة.")
    assert not [e for e in a.events if e.type == "COOPERATE"]


def test_uncoded_agent_with_a_coded_side_is_kept(code):
    a = code("دعا مجلس الأمن الدولي الجماعات المسلحة إلى الانسحاب من المنطقة العازلة.")
    assert (("UNSC", None), (None, "MILITANTS")) in sides(a, "REQUEST")


def test_protest_trigger_that_names_the_protesters(code):
    a = code("تظاهر آلاف الطلاب أمام السفارة الفرنسية في الرباط.")
    assert ((None, "STUDENTS"), ("FRA", None)) in sides(a, "PROTEST")


def test_civilians_are_targets_not_attackers(code):
    a = code("استهدفت القذائف المدنيين في السوق المركزي.")
    for src, tgt in sides(a, "ASSAULT"):
        assert src is None or src[1] != "CIVILIANS"


def test_security_council_is_not_security_forces(code):
    a = code("طالب مجلس الأمن الحكومة اليمنية بوقف القتال.")
    for e in a.events:
        for r in (e.source, e.target):
            assert r is None or r.agent != "SECURITY"


def test_speech_subject_is_not_the_subject_of_the_reported_verb(code):
    a = code("قال مسعفون إن عشرين شخصا قتلوا في القصف.")
    assert all(e.source is None or e.source.agent != "CIVILIANS" for e in a.events)
    assert all(e.source is None or e.source.agent is None for e in a.events if e.type == "ASSAULT")


def test_fear_of_an_attack_is_hypothetical(code):
    a = code("نزح الآلاف تحسبا لهجوم القوات الحكومية على البلدة.")
    assert all(e.modality == "hypothetical" for e in a.events if e.type == "ASSAULT")


def test_actor_ref_reads_the_agent_from_the_entity():
    assert ActorRef("agent:POLICE", "IRQ").agent == "POLICE"
    assert ActorRef("TUR", "TUR").agent is None
    r = actor_ref("?SETTLERS", "agent:SETTLERS")
    assert (r.entity, r.code, r.agent) == ("agent:SETTLERS", None, "SETTLERS")


def test_agents_file_loads_and_matches_phrases_first():
    ag = Agents.load()
    words = [("قوات",), ("امن",)]
    n, agent = ag.match(lambda k: words[k] if k < len(words) else ())
    assert (n, agent) == (2, "SECURITY")
    assert ag.match(lambda k: (("قوات",) if k == 0 else ())) == (1, "MILITARY")
    assert "ASSAULT" in ag.uncoded_types and "CONSULT" not in ag.uncoded_types


def test_contract_round_trip_keeps_the_agent(code):
    a = code("اعتقلت الشرطة المصرية عشرة متظاهرين في القاهرة.")
    ev = next(e for e in a.events if e.type == "COERCE")
    assert ev.source.agent == "POLICE" and ev.source.code == "EGY"
    record = article_to_dict(a)
    assert validate_record(record) == []
    assert any((e["source"] or {}).get("agent") == "POLICE" for e in record["events"])
    back = article_from_dict(record, text=a.text)
    ev2 = next(e for e in back.events if e.type == "COERCE")
    assert ev2.source == ev.source and ev2.target == ev.target
