"""Backing rival camps of one conflict (knowledge-base ``rivals``) puts a and b on opposite sides."""

from __future__ import annotations

from marsad.actors.kb import KnowledgeBase
from marsad.model import ALL, Character, DyadModel

RIVALS = {"EAST": frozenset({"WEST"}), "WEST": frozenset({"EAST"})}


def _recs(e, turkey_backs="WEST"):
    return [
        # direct: they talk about the war and agree on a ceasefire plan (B = +1)
        e("CONSULT", "TUR", "RUS", 4, "2020-01-10", dossiers=("libya",)),
        e("AGREE", "RUS", "TUR", 2.5, "2020-01-12", dossiers=("libya",)),
        # Russia backs the eastern camp, Turkey backs turkey_backs
        e("SUPPORT", "RUS", "EAST", 5, "2020-01-01", dossiers=("libya",)),
        e("AID", "TUR", turkey_backs, 10, "2020-01-02", dossiers=("libya",)),
        # energy: cooperation only, no camps
        e("COOPERATE", "RUS", "TUR", 9.5, "2020-05-01", dossiers=("energy_oil_gas",)),
        e("AGREE", "TUR", "RUS", 2.5, "2020-06-01", dossiers=("energy_oil_gas",)),
    ]


def test_backing_rival_camps_makes_the_file_contested(make_event):
    ch = Character.build(DyadModel.build(_recs(make_event), "TUR", "RUS"), rivals=RIVALS)
    libya = ch.dossiers["libya"]
    assert libya.overall.balance == 1.0  # direct events alone: cooperative
    assert libya.label == "contested" and not libya.firm
    assert libya.reason == "rival_camps"
    assert libya.camps == [("WEST", "EAST")]  # (a = TUR backs, b = RUS backs)
    assert set(libya.opposed) == {"EAST", "WEST"}
    assert "backs its rival" in libya.summary_en
    assert ch.dossiers["energy_oil_gas"].label == "cooperative"
    assert ch.dossiers[ALL].label == "mixed"


def test_backing_the_same_camp_is_not_opposition(make_event):
    ch = Character.build(DyadModel.build(_recs(make_event, "EAST"), "TUR", "RUS"), rivals=RIVALS)
    assert ch.dossiers["libya"].label == "cooperative" and ch.dossiers["libya"].camps == []


def test_without_rivals_the_camps_are_two_unrelated_parties(make_event):
    ch = Character.build(DyadModel.build(_recs(make_event), "TUR", "RUS"))
    assert ch.dossiers["libya"].label == "cooperative"


def test_backing_both_camps_is_no_side(make_event):
    recs = _recs(make_event) + [make_event("AID", "TUR", "EAST", 10, "2020-01-03", dossiers=("libya",))]
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS"), rivals=RIVALS)
    assert ch.dossiers["libya"].camps == []


def test_rivals_come_from_the_knowledge_base(make_event, tmp_path):
    (tmp_path / "camps.yaml").write_text(
        "- {id: group.east_camp, kind: group, name_en: East, name_ar: الشرق, variants: [], country: LBY,"
        " code: EAST, rivals: [group.west_camp]}\n"
        "- {id: group.west_camp, kind: group, name_en: West, name_ar: الغرب, variants: [], country: LBY,"
        " code: WEST}\n", encoding="utf-8")
    kb = KnowledgeBase.load([tmp_path], packaged=False)
    ch = Character.build(DyadModel.build(_recs(make_event), "TUR", "RUS"), kb=kb)
    assert ch.dossiers["libya"].label == "contested"
    assert ch.to_dict()["dossiers"][0]["camps"] or any(d["camps"] for d in ch.to_dict()["dossiers"])
