"""Character labels, change between periods, third-party sides, generated sentences."""

from __future__ import annotations

import json

import pytest

from marsad.model import ALL, Character, DyadModel


def _build(make_event, periods=None):
    e = make_event
    recs = [
        # energy: all cooperation -> cooperative (B = 1)
        e("COOPERATE", "RUS", "TUR", 9.5, "2020-01-10", dossiers=("energy_oil_gas",)),
        e("AGREE", "TUR", "RUS", 2.5, "2020-06-10", dossiers=("energy_oil_gas",)),
        e("COOPERATE", "TUR", "RUS", 9.5, "2021-06-10", dossiers=("energy_oil_gas",)),
        # syria: cooperation 9.5 + 4 vs conflict 9 -> B = (13.5 - 9) / 22.5 = 0.2 -> mixed
        e("COOPERATE", "RUS", "TUR", 9.5, "2020-03-05"),
        e("ASSAULT", "RUS", "TUR", -9, "2020-02-27"),
        e("CONSULT", "TUR", "RUS", 4, "2021-09-29"),
        # libya: conflict outweighs cooperation -> B = (2.5 - 3 - 3.5) / 9 = -0.444 -> contested
        e("ACCUSE", "TUR", "RUS", -3, "2020-01-20", dossiers=("libya",)),
        e("THREATEN", "RUS", "TUR", -3.5, "2020-02-20", dossiers=("libya",)),
        e("AGREE", "TUR", "RUS", 2.5, "2021-11-20", dossiers=("libya",)),
        # black sea: one event only -> insufficient (min_events is 2)
        e("CONSULT", "TUR", "RUS", 2.5, "2021-07-20", dossiers=("black_sea",)),
        # third parties in syria: the US sides with Turkey against Russia
        e("SUPPORT", "USA", "TUR", 5, "2020-03-01"),
        e("ACCUSE", "USA", "RUS", -3, "2020-03-02"),
        e("AGREE", "IRN", "RUS", 2.5, "2020-03-03"),
        e("AGREE", "IRN", "TUR", 2.5, "2020-03-04"),
    ]
    return Character.build(DyadModel.build(recs, "TUR", "RUS"), periods)


def test_labels(make_event):
    ch = _build(make_event)
    labels = {d: c.label for d, c in ch.dossiers.items()}
    assert labels["energy_oil_gas"] == "cooperative"
    assert labels["syria"] == "mixed"
    assert labels["libya"] == "contested"
    assert labels["black_sea"] == "insufficient"
    assert ch.dossiers["syria"].overall.balance == pytest.approx(0.2)
    assert ch.dossiers["libya"].overall.balance == pytest.approx(-4 / 9)
    # three events cannot make a label firm
    assert not ch.dossiers["energy_oil_gas"].firm


def test_change_between_given_periods(make_event):
    ch = _build(make_event, periods=(("2020-01", "2020-12"), ("2021", "2021")))
    syria = ch.dossiers["syria"]
    # 2020: (9.5 - 9) / 18.5 ; 2021: consult only -> 1.0
    assert syria.first.balance == pytest.approx(0.5 / 18.5)
    assert syria.second.balance == 1.0
    assert syria.change == "warmer"
    libya = ch.dossiers["libya"]
    assert (libya.first.balance, libya.second.balance, libya.change) == (-1.0, 1.0, "warmer")
    assert ch.dossiers["energy_oil_gas"].change == "stable"


def test_default_halves_cover_the_span(make_event):
    ch = _build(make_event)
    (s1, e1), (s2, e2) = ch.periods
    assert s1 == "2020-01-10" and e2 == "2021-11-20" and e1 < s2


def test_third_party_sides(make_event):
    syria = _build(make_event).dossiers["syria"]
    sides = {t.third: t.leans for t in syria.third_parties}
    assert sides == {"USA": "a", "IRN": "even"}


def test_sentences_carry_the_numbers(make_event):
    syria = _build(make_event).dossiers["syria"]
    assert syria.summary_en.startswith("Syria: mixed")
    assert "+0.20" in syria.summary_en and "3 interactions" in syria.summary_en
    assert "the United States (closer to Turkey)" in syria.summary_en
    assert syria.summary_ar.startswith("سوريا: مختلط")
    assert "+0.20" in syria.summary_ar and "عدد التفاعلات: 3" in syria.summary_ar
    assert ALL in _build(make_event).dossiers


def test_to_dict_is_json(make_event):
    d = json.loads(json.dumps(_build(make_event).to_dict(), ensure_ascii=False))
    syria = next(x for x in d["dossiers"] if x["dossier"] == "syria")
    leans = {t["third"]: t["leans"] for t in syria["third_parties"]}
    assert syria["label"] == "mixed" and leans == {"USA": "TUR", "IRN": "even"}
    assert syria["first"]["label"] in ("mixed", "insufficient", "cooperative", "contested")
