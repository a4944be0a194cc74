"""Stated stances: sentences saying two actors stand opposed or aligned (our own sentences).

They are not events: the coder gives none for them, the stance extractor gives Stance records.
"""

from __future__ import annotations

import pytest

from marsad.contract import article_from_dict, article_to_dict, validate_record
from marsad.events.stances import StanceExtractor, StanceLexicon
from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def run():
    pipe = default_pipeline(Resources(), layers=("text", "actors", "events"))

    def go(text: str) -> Article:
        return pipe.process(Article(id="t", text=text, published="2022-04-01"))

    return go


def one(a: Article):
    assert len(a.stances) == 1, a.stances
    return a.stances[0]


def test_opposite_sides_named_before_the_cue(run):
    st = one(run("تقف أنقرة وموسكو على طرفي نقيض في الحرب الأهلية الليبية منذ سنوات."))
    assert (st.a, st.b, st.stance, st.modality) == ("RUS", "TUR", "opposed", "asserted")
    assert "libya" in st.dossiers
    assert st.cue.text == "على طرفي نقيض"


def test_a_statement_is_not_an_event(run):
    a = run("وجدت تركيا وروسيا نفسيهما في خندقين متقابلين في الملف السوري.")
    st = one(a)
    assert st.stance == "opposed" and "syria" in st.dossiers
    assert not [e for e in a.events if {e.source and e.source.code, e.target and e.target.code} == {"TUR", "RUS"}]


def test_disagreement_between_names_the_pair_after_the_cue(run):
    st = one(run("برزت خلافات بين أنقرة وموسكو حول إقليم ناغورنو كاراباخ."))
    assert (st.a, st.b, st.stance) == ("RUS", "TUR", "opposed")
    assert st.dossiers == ("south_caucasus",)


def test_the_two_countries_stand_for_the_article_pair(run):
    a = run("زار وزير الخارجية التركي موسكو والتقى نظيره الروسي. ومع ذلك تتعارض مصالح البلدين في سوريا.")
    st = one(a)
    assert (st.a, st.b, st.stance) == ("RUS", "TUR", "opposed") and "syria" in st.dossiers


def test_aligned_and_negated(run):
    st = one(run("تتطابق مواقف القاهرة والرياض من الأزمة في اليمن."))
    assert (st.a, st.b, st.stance, st.modality) == ("EGY", "SAU", "aligned", "asserted")
    assert "yemen" in st.dossiers
    st = one(run("قال المتحدث إن البلدين لا تتطابق مواقفهما في ليبيا، بل لا تتطابق مواقف أنقرة وموسكو هناك."))
    assert st.stance == "aligned" and st.modality == "negated"


def test_still_is_not_a_negation_and_contrast_is_no_stance(run):
    st = one(run("لا تزال تركيا وروسيا على طرفي نقيض في سوريا."))
    assert st.modality == "asserted"
    assert run("على النقيض من ذلك، وقعت تركيا وروسيا اتفاقا للغاز.").stances == []


def test_the_issue_is_the_clause_of_the_cue_not_the_whole_sentence(run):
    # NATO membership is said before the cue: the stance is about the wars named after it
    st = one(run("رغم أن تركيا عضو في حلف الناتو فقد وقفت مع روسيا على طرفي نقيض في الأزمة الليبية، "
                 "فضلا عن تعاونهما في الطاقة."))
    assert st.dossiers == ("libya",)


def test_no_pair_no_stance(run):
    assert run("الأطراف الليبية على طرفي نقيض منذ سنوات.").stances == []


def test_contract_and_round_trip(run):
    a = run("تقف أنقرة وموسكو على طرفي نقيض في الحرب الأهلية الليبية.")
    rec = article_to_dict(a, include_text=True)
    assert validate_record(rec) == []
    assert rec["stances"][0]["cue"]["text"] == "على طرفي نقيض"
    assert article_to_dict(article_from_dict(rec), include_text=True) == rec
    b = run("وقعت تركيا وروسيا اتفاقا للغاز.")
    assert "stances" not in article_to_dict(b)


def test_lexicon_loads_folded_cues_longest_first():
    lex = StanceLexicon.load()
    lengths = [len(k) for k, _ in lex.cues]
    assert lengths == sorted(lengths, reverse=True)
    assert ("علي طرفي نقيض", "opposed") in lex.cues  # folded: alef maqsura -> ya
    assert StanceExtractor(lex).extract(Article(id="x", text="")) == []


def test_the_two_countries_are_states_not_the_militia_one_of_them_backs(run):
    a = run("دشن الرئيسان الروسي والتركي خطا للغاز في إسطنبول. ويقف البلدان على طرفي نقيض في ليبيا؛ "
            "فأنقرة تساند حكومة الوفاق الوطني في طرابلس بينما تميل موسكو إلى قوات حفتر.")
    st = one(a)
    assert (st.a, st.b, st.dossiers) == ("RUS", "TUR", ("libya",))
