"""Dossier classification on texts written for these tests, with the shipped and a custom taxonomy."""

from __future__ import annotations

import pytest

from marsad.dossiers.classify import DossierClassifier, Taxonomy
from marsad.errors import KnowledgeBaseError
from marsad.types import Article, Event, Mention, Span

EXPECTED_IDS = {"syria", "iraq", "yemen", "libya", "israel_palestine", "iran_nuclear", "korea", "ukraine_crimea",
                "south_caucasus", "black_sea", "nato_alliances", "eu_relations", "us_relations", "energy_oil_gas",
                "nuclear_energy", "arms_trade", "trade_economy", "sanctions", "terrorism_security",
                "migration_refugees", "tourism", "chemical_weapons", "human_rights_law", "elections_domestic",
                "diplomacy_mediation", "history", "other"}


def test_default_taxonomy_ids_and_labels():
    tax = Taxonomy.load()
    assert set(tax.dossiers) == EXPECTED_IDS
    assert all(d.label_en and d.label_ar for d in tax.dossiers.values())
    assert "syria" in tax.by_entity["place.idlib"]
    assert "arms_trade" in tax.by_entity["thing.s400"]
    assert "nuclear_energy" in tax.by_entity["thing.akkuyu_npp"]
    assert "energy_oil_gas" in tax.by_entity["thing.turkstream"]
    assert "nato_alliances" in tax.by_entity["org.nato"]


def test_title_hit_and_clitic_boundaries():
    text = "العقوبات تضغط على الاقتصاد\nوتحدث الوزير عن أمور عامة لا صلة لها بأي ملف محدد في هذا اللقاء القصير."
    a = DossierClassifier()(Article(id="a", text=text))
    assert "sanctions" in a.dossiers
    # "وبالعقوبات" is found; "عقوباتهم" is not a whole-word match of the form
    tax = Taxonomy.load()
    assert tax.keyword_hits("وبالعقوبات")
    assert not tax.keyword_hits("مستعقوبات")


def test_other_only_when_nothing_applies():
    a = DossierClassifier()(Article(id="b", text="خبر قصير\nجرى حفل افتتاح معرض للكتاب في المدينة."))
    assert a.dossiers == ["other"]


def test_entity_hits_and_event_dossiers(tmp_path):
    tax_file = tmp_path / "tax.yaml"
    tax_file.write_text(
        "dossiers:\n"
        "  - {id: alpha, label_en: Alpha, label_ar: ألف, keywords: [الطاقة المتجددة], entities: [place.x]}\n"
        "  - {id: beta, label_en: Beta, label_ar: باء, keywords: [الموانئ], entities: []}\n"
        "  - {id: other, label_en: Other, label_ar: أخرى}\n", encoding="utf-8")
    clf = DossierClassifier(Taxonomy.load(tax_file))
    text = "عنوان عام\nتحدث الوزير عن الطاقة المتجددة. وزار المدينة. ثم تحدث عن الطاقة المتجددة مرة أخرى."
    a = Article(id="c", text=text)
    i = text.index("المدينة")
    a.mentions = [Mention(i, i + 7, "المدينة", "place.x")]
    s = text.index("ثم")
    a.events = [Event("CONSULT", None, "verbal_coop", 2.5, None, None, Span(s, len(text), text[s:]))]
    clf(a)
    assert a.dossiers == ["alpha"]
    assert a.events[0].dossiers == ["alpha"]


def test_bad_taxonomy(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("dossiers:\n  - {label_en: x}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        Taxonomy.load(f)
