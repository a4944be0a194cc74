"""The PLOVER ontology file and the trigger lexicon load into objects with the values EVENTS.md gives."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.events.lexicon import Lexicon
from marsad.events.ontology import Ontology
from marsad.text.normalize import Normalizer


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_sixteen_types_with_quads(onto):
    assert len(onto) == 16
    quads = {t.quad for t in onto.types.values()}
    assert quads == {"verbal_coop", "material_coop", "verbal_conflict", "material_conflict"}
    assert onto["SANCTION"].quad == "material_conflict"
    assert onto["AID"].quad == "material_coop"
    assert onto["REJECT"].quad == "verbal_conflict"


def test_intensities_and_mode_scores(onto):
    assert onto["ACCUSE"].score() == -3  # the manual's +3 is a sign slip
    assert onto["CONSULT"].score("phone") == 1.5
    assert onto["CONSULT"].score("visit") == 4
    assert onto["CONSULT"].score(None) == 2.5
    assert onto["RETREAT"].score("withdraw") == 8
    assert onto["RETREAT"].score("release") == 6.5
    assert onto["ASSAULT"].score("aerial") == -9


def test_symmetric_types(onto):
    assert {t.name for t in onto.types.values() if t.symmetric} == {"CONSULT", "AGREE", "COOPERATE"}


def test_cameo_crosswalk(onto):
    assert onto.from_cameo("190") == ["ASSAULT"]
    assert onto.from_cameo("20") == ["ASSAULT"]
    assert sorted(onto.from_cameo("08")) == ["CONCEDE", "RETREAT"]
    assert sorted(onto.from_cameo("11")) == ["ACCUSE"]
    assert onto.from_cameo("01") == [] and onto.from_cameo("02") == []


def test_bad_ontology_is_a_typed_error(tmp_path):
    bad = tmp_path / "plover.yaml"
    bad.write_text("types:\n  AGREE: {quad: friendly, intensity: 2}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        Ontology.load(bad)


def test_lexicon_generates_verb_forms():
    lex = Lexicon.load()
    key = Normalizer().key
    for form in ("استقبل", "استقبلت", "استقبلا", "يستقبل", "تستقبل", "يستقبلان"):
        forms = lex.lookup(key(form))
        assert any(f.trigger.type == "CONSULT" and f.trigger.mode == "visit" for f in forms), form
    assert any(f.trigger.type == "ASSAULT" for f in lex.lookup(key("غارات")))
    assert lex.phrases.get(key("اتصال")), "multi-word phrases are indexed by their first word"


def test_lexicon_rejects_unknown_type(tmp_path):
    trig = tmp_path / "triggers.yaml"
    trig.write_text("triggers:\n  - {id: x, type: HUG, verbs: [عانق]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        Lexicon.load(trig, types=set(Ontology.load().types))
