"""Opposite sides of a third party make a dossier contested; the overall row is then mixed."""

from __future__ import annotations

from marsad.model import ALL, Character, DyadModel


def _recs(e, turkey_on_syria="REJECT"):
    intensity = {"REJECT": -2, "SUPPORT": 5}[turkey_on_syria]
    return [
        # direct: they talk and cooperate about Syria (B = +1)
        e("CONSULT", "TUR", "RUS", 4, "2021-09-29"),
        e("COOPERATE", "RUS", "TUR", 9.5, "2021-09-30"),
        # Russia backs the Syrian government, Turkey rejects it
        e("SUPPORT", "RUS", "SYR", 5, "2021-09-01"),
        e(turkey_on_syria, "TUR", "SYR", intensity, "2021-09-02"),
        # energy: cooperation only
        e("COOPERATE", "RUS", "TUR", 9.5, "2021-05-01", dossiers=("energy_oil_gas",)),
        e("AGREE", "TUR", "RUS", 2.5, "2021-06-01", dossiers=("energy_oil_gas",)),
    ]


def test_opposite_sides_make_the_file_contested(make_event):
    ch = Character.build(DyadModel.build(_recs(make_event), "TUR", "RUS"))
    syria = ch.dossiers["syria"]
    assert syria.overall.balance == 1.0  # the direct balance alone says cooperative
    assert syria.label == "contested" and not syria.firm
    assert syria.opposed == ["SYR"]
    assert "opposite sides over Syria" in syria.summary_en
    assert ch.dossiers["energy_oil_gas"].label == "cooperative"
    assert ch.dossiers[ALL].label == "mixed"


def test_same_side_is_not_opposition(make_event):
    ch = Character.build(DyadModel.build(_recs(make_event, "SUPPORT"), "TUR", "RUS"))
    assert ch.dossiers["syria"].label == "cooperative" and ch.dossiers["syria"].opposed == []
    assert ch.dossiers[ALL].label == "cooperative"
