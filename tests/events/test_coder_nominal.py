"""Noun-phrase events (verbal nouns with their agent and object) and the triggers added with them.

Every sentence is our own; the expected codes come from reading the sentence, not from the coder.
"""

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


def triples(article: Article) -> set[tuple]:
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in article.events}


def pairs(article: Article, etype: str) -> set[frozenset]:
    return {frozenset((e.source.code, e.target.code)) for e in article.events
            if e.type == etype and e.source and e.target}


# -- genitive agent and the state of the object thing (patient) -----------------------------------
def test_purchase_seller_is_the_adjective_of_the_goods(code):
    a = code("يعود اقتناء تركيا منظومة إس-400 الروسية إلى عام 2017.")
    assert pairs(a, "COOPERATE") == {frozenset(("TUR", "RUS"))}


def test_supplies_take_the_supplier_from_the_goods(code):
    a = code("بدأت إمدادات الغاز الروسي إلى المجر عبر البحر الأسود.")
    assert pairs(a, "COOPERATE") == {frozenset(("RUS", "HUN"))}


def test_annexation_targets_the_state_of_the_territory(code):
    a = code("ندد البيان بضم روسيا شبه جزيرة القرم عام 2014.")
    evs = [e for e in a.events if e.type == "COERCE"]
    assert [(e.source.code, e.target.code, e.mode) for e in evs] == [("RUS", "UKR", "seize")]


def test_joining_a_group_is_no_annexation(code):
    a = code("رحبت موسكو بضم تركيا إلى مجموعة بريكس.")
    assert not [e for e in a.events if e.type == "COERCE"]


def test_downing_with_a_stated_shooter(code):
    a = code("توترت العلاقات بعد إسقاط تركيا طائرة روسية قرب الحدود.")
    assert ("ASSAULT", "TUR", "RUS") in triples(a)


def test_downing_with_no_shooter_still_has_the_target(code):
    a = code("تذكر الصحيفة بإسقاط المقاتلة الروسية عام 2015.")
    assert triples(a) == {("ASSAULT", None, "RUS")}


def test_patient_not_taken_across_a_preposition(code):
    # the adjective belongs to the border, not to the aircraft
    a = code("توترت العلاقات بعد إسقاط طائرة قرب الحدود السورية.")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_unstated_mention_folds_into_the_stated_one(code):
    a = code("أسقطت تركيا طائرة روسية عام 2015. وأدى إسقاط الطائرة الروسية عام 2015 إلى أزمة.")
    evs = [e for e in a.events if e.type == "ASSAULT"]
    assert len(evs) == 1 and (evs[0].source.code, evs[0].target.code) == ("TUR", "RUS")
    assert len(evs[0].mentions) == 2


def test_killing_targets_the_victims_state_not_the_announcer(code):
    a = code("أعلنت الحركة مقتل ثلاثة جنود أتراك في هجوم.")
    assert triples(a) == {("ASSAULT", None, "TUR")}


def test_killing_of_uncoded_victims_is_no_event(code):
    a = code("أعلن الجيش مقتل ستة مسلحين في اشتباكات.")
    assert not [e for e in a.events if e.type == "ASSAULT"]


# -- backing, sanctions ---------------------------------------------------------------------------
def test_support_from_an_adjective_to_a_recipient_after_lam(code):
    assert triples(code("تواصل الدعم التركي لأذربيجان خلال الحرب.")) == {("SUPPORT", "TUR", "AZE")}


def test_support_from_an_uncoded_backer_keeps_the_recipient(code):
    assert triples(code("وصل الدعم الغربي لأوكرانيا إلى مستويات قياسية.")) == {("SUPPORT", None, "UKR")}


def test_sanctions_after_a_relative_clause(code):
    assert triples(code("تضررت البنوك من العقوبات التي فرضها الغرب على روسيا.")) == {("SANCTION", None, "RUS")}


def test_sanctions_with_a_state_adjective(code):
    assert triples(code("تراجعت الليرة بعد العقوبات الأمريكية على تركيا.")) == {("SANCTION", "USA", "TUR")}


def test_joining_sanctions_is_sanctioning_and_negation_holds(code):
    a = code("لم تنضم تركيا إلى العقوبات الغربية على روسيا.")
    evs = [e for e in a.events if e.type == "SANCTION"]
    assert [(e.source.code, e.target.code, e.modality) for e in evs] == [("TUR", "RUS", "negated")]


def test_approving_sanctions_on_a_state_is_no_support_for_it(code):
    a = code("وافق الاتحاد الأوروبي على فرض عقوبات جديدة على روسيا.")
    assert ("SUPPORT", "EU", "RUS") not in triples(a)


# -- approval, opposition, anger -----------------------------------------------------------------
def test_approval_of_an_accession(code):
    a = code("جاء ذلك بعد موافقة تركيا على انضمام السويد إلى الناتو.")
    assert ("SUPPORT", "TUR", "SWE") in triples(a)
    # the accession approved is prospective: no AGREE of its own
    assert not [e for e in a.events if e.type == "AGREE"]


def test_approval_verb(code):
    assert ("SUPPORT", "TUR", "SWE") in triples(code("وافقت تركيا على انضمام السويد إلى الحلف."))


def test_objection_to_a_request_is_a_rejection(code):
    assert triples(code("تجدد اعتراض تركيا على انضمام السويد إلى الحلف.")) == {("REJECT", "TUR", "SWE")}


def test_opposition_to_an_act_is_disapproval_and_the_act_is_coded(code):
    a = code("أكد البيان معارضة أنقرة لضم روسيا شبه جزيرة القرم.")
    assert {("ACCUSE", "TUR", "RUS"), ("COERCE", "RUS", "UKR")} <= triples(a)


def test_the_opposition_is_no_opposing(code):
    a = code("التقى وفد من المعارضة السورية بمسؤولين أتراك في أنقرة.")
    assert not [e for e in a.events if e.type in ("ACCUSE", "REJECT")]


def test_anger_aroused_by_a_sale(code):
    a = code("أثار بيع روسيا منظومات دفاعية إلى تركيا غضب الولايات المتحدة.")
    assert ("ACCUSE", "USA", "TUR") in triples(a)
    assert frozenset(("RUS", "TUR")) in pairs(a, "COOPERATE")


# -- other triggers -------------------------------------------------------------------------------
def test_joining_an_alliance(code):
    assert pairs(code("انضمت تركيا إلى حلف شمال الأطلسي عام 1952."), "AGREE") == {frozenset(("TUR", "NATO"))}


def test_pledge(code):
    assert pairs(code("تعهدت روسيا لتركيا بتسريع بناء المحطة."), "AGREE") == {frozenset(("RUS", "TUR"))}


def test_help_verb_is_aid(code):
    a = code("تساعد أنقرة حكومة الوفاق الوطني في طرابلس.")
    assert [e.source.code for e in a.events if e.type == "AID"] == ["TUR"]


def test_handing_over_prisoners_is_a_release_goods_a_delivery(code):
    a = code("سلمت أوكرانيا أسرى روس إلى روسيا في عملية تبادل.")
    assert [(e.type, e.mode) for e in a.events] == [("RETREAT", "release")]
    b = code("سلمت روسيا منظومات دفاعية إلى تركيا.")
    assert pairs(b, "COOPERATE") == {frozenset(("RUS", "TUR"))} and not [e for e in b.events if e.type == "RETREAT"]


def test_building_a_plant_with_qama_bi(code):
    a = code("تقوم روسيا ببناء محطة للطاقة النووية في تركيا.")
    assert pairs(a, "COOPERATE") == {frozenset(("RUS", "TUR"))}


def test_aims_is_no_attack(code):
    a = code("وقعت مصر والأردن اتفاقا تجاريا. ويستهدف البلدان رفع حجم التبادل التجاري.")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_refusal_negates_the_act_it_governs(code):
    a = code("برفض الحكومة الإيرانية دعم الجماعات المسلحة في العراق انتهى الاجتماع.")
    support = [e for e in a.events if e.type == "SUPPORT"]
    assert support and all(e.modality == "negated" for e in support)
    # a refusal farther back, in another clause, leaves the act asserted
    b = code("رفضت المعارضة الحوار، وبعد أسبوع قصفت الطائرات الروسية مواقع المسلحين.")
    assault = [e for e in b.events if e.type == "ASSAULT"]
    assert assault and all(e.modality == "asserted" for e in assault)


def test_categorically_is_no_boycott(code):
    assert not [e for e in code("إلا أن أنقرة ترفض بشكل قاطع استخدام هذا التعبير.").events if e.type == "PROTEST"]
    a = code("أعلنت إيران أنها ستقاطع المنتجات الأمريكية.")
    assert [(e.type, e.mode) for e in a.events] == [("PROTEST", "boycott")]


def test_pronoun_on_a_governed_noun_is_the_actor_right_before(code):
    a = code("وجددت تركيا وقوفها الكامل إلى جانب أذربيجان في اشتباكاتها على الحدود مع أرمينيا.")
    assert ("ASSAULT", "AZE", "ARM") in triples(a)
    assert ("ASSAULT", "TUR", "ARM") not in triples(a)


def test_verb_phrase_after_a_relative_takes_the_antecedent(code):
    a = code("قد تزيد الخطوة التوتر مع واشنطن، التي فرضت عقوبات على أنقرة العام الماضي.")
    assert ("SANCTION", "USA", "TUR") in triples(a)


def test_title_kept_whole_with_its_article_is_no_gap(code):
    # the minister after the verb is its subject, not the state named before the comma
    a = code("بعد موافقة تركيا على انضمام السويد، هدد وزير الخارجية الروسي سيرغي لافروف السويد.", published=None)
    assert ("THREATEN", "RUS", "SWE") in triples(a)
    assert ("THREATEN", "SWE", "RUS") not in triples(a)


def test_name_behind_a_construct_head_keeps_the_preposition(code):
    # الناتو sits in "في حلف الناتو": not the subject of the verb after it
    a = code("وتعتبر تركيا أول بلد من أعضاء حلف الناتو يقتني منظومة إس-400 الروسية.")
    assert ("COOPERATE", "NATO", "RUS") not in triples(a) and ("COOPERATE", "RUS", "NATO") not in triples(a)
