"""Registers: leader contacts, agreements, shocks, figures."""

from __future__ import annotations

import json

from marsad.model import DyadModel, Registers
from marsad.model.records import ContextRef


def _sochi(start=0):
    return ContextRef("place.sochi", "place", "سوتشي", "سوتشي", start, start + 5)


def _putin():
    return ContextRef("person.putin_vladimir", "person", "فلاديمير بوتين", "بوتين", 0, 5, "RUS")


def test_contacts(make_event):
    recs = [
        make_event("CONSULT", "TUR", "RUS", 4, "2021-09-29", mode="visit", outlet="A", context=(_sochi(), _putin()),
                   dossiers=("syria", "arms_trade"), source_entity="person.erdogan_recep_tayyip"),
        make_event("CONSULT", "RUS", "TUR", 4, "2021-09-29", mode="visit", outlet="B", context=(_sochi(),),
                   dossiers=("syria",)),
        make_event("CONSULT", "TUR", "RUS", 1.5, "2021-12-03", mode="phone", outlet="C"),
        make_event("CONSULT", "TUR", "RUS", 2.5, "2022-01-10", modality="future", outlet="C"),
        make_event("CONSULT", "TUR", "USA", 2.5, "2021-09-20"),   # not a contact of the dyad
    ]
    reg = Registers.build(DyadModel.build(recs, "TUR", "RUS"))
    assert [(c.date, c.mode) for c in reg.contacts] == [("2021-09-29", "visit"), ("2021-12-03", "phone"),
                                                        ("2022-01-10", "meeting")]
    sochi = reg.contacts[0]
    assert [p["name"] for p in sochi.places] == ["سوتشي"] and sochi.places[0]["n"] == 2
    assert {p["entity"] for p in sochi.participants} == {"person.erdogan_recep_tayyip", "person.putin_vladimir"}
    assert sochi.dossiers == ["syria", "arms_trade"]
    d = sochi.to_dict()
    assert d["outlets"] == ["A", "B"] and len(d["evidence"]) == 2
    assert reg.contacts[2].modality == "future"
    json.dumps(reg.to_dict(), ensure_ascii=False)


def test_agreements_and_shocks(make_event):
    recs = [
        make_event("AGREE", "TUR", "RUS", 2.5, "2010-05", trigger="اتفاقية", dossiers=("nuclear_energy",)),
        make_event("AGREE", "TUR", "RUS", 2.5, "2022-03-01", modality="future", trigger="اتفاق"),
        make_event("COOPERATE", "RUS", "TUR", 9.5, "2019-07-12", dossiers=("arms_trade",)),
        make_event("ASSAULT", "TUR", "RUS", -9, "2015-11-24", outlet="A"),
        make_event("ASSAULT", "TUR", "RUS", -9, "2015-11-24", outlet="B"),
        make_event("ASSAULT", "RUS", "TUR", -9, "2020-02-27"),
        make_event("SANCTION", "RUS", "TUR", -6, "2015-12-01"),
        make_event("THREATEN", "RUS", "TUR", -3.5, "2016-01-01", modality="hypothetical"),
    ]
    reg = Registers.build(DyadModel.build(recs, "TUR", "RUS"))
    assert [(a.type, a.date, a.status) for a in reg.agreements] == [
        ("AGREE", "2010-05", "concluded"), ("COOPERATE", "2019-07-12", "concluded"),
        ("AGREE", "2022-03-01", "announced")]
    assert reg.agreements[0].what == ["اتفاقية"]
    # sharpest first; at equal intensity the more reported first; hypothetical threats left out
    assert [(s.type, s.date) for s in reg.shocks] == [("ASSAULT", "2015-11-24"), ("ASSAULT", "2020-02-27"),
                                                      ("SANCTION", "2015-12-01")]
    assert reg.shocks[0].to_dict()["n_reports"] == 2
    assert len(Registers.build(DyadModel.build(recs, "TUR", "RUS"), max_shocks=1).shocks) == 1


def test_figures_side_by_side(make_event, make_quantity):
    recs = [make_event("COOPERATE", "TUR", "RUS", 9.5, article="x1"),
            make_event("COOPERATE", "TUR", "RUS", 9.5, article="x2", outlet="B")]
    qs = [
        make_quantity(26e9, "trade_volume", "2019", article="x1", outlet="A"),
        make_quantity(24.5e9, "trade_volume", "2019", article="x2", outlet="B"),   # conflicts (6 % > 2 %)
        make_quantity(20.8e9, "trade_volume", "2020", article="x1", outlet="A"),
        make_quantity(20.81e9, "trade_volume", "2020", article="x2", outlet="B"),  # within 2 %
        make_quantity(100e9, "trade_target", None, article="x1", published="2021-09-30"),
        make_quantity(7e6, "tourists", "2019", unit="tourists", article="elsewhere"),
    ]
    model = DyadModel.build(recs, "TUR", "RUS")
    reg = Registers.build(model, qs)
    assert set(reg.figures) == {"trade_volume", "trade_target"}      # scope: articles of the dyad
    tv = reg.figures["trade_volume"]
    assert [(p.date, p.conflict) for p in tv] == [("2019", True), ("2020", False)]
    assert tv[0].values == [24.5e9, 26e9]
    assert {r["outlet"] for r in tv[0].to_dict()["reports"]} == {"A", "B"}
    target = reg.figures["trade_target"][0]
    assert (target.date, target.dated_by) == ("2021-09-30", "published")
    assert "tourists" in Registers.build(model, qs, scope="all").figures


def test_unattributed_attack_on_a_member_is_a_shock_when_the_article_is_about_the_dyad(make_event):
    recs = [
        make_event("CONSULT", "TUR", "RUS", 1.5, "2021-12-03", mode="phone", article="call"),
        # in the same article: soldiers of one side killed, attacker not stated
        make_event("ASSAULT", None, "TUR", -9, "2020-02", article="call"),
        # elsewhere, an unattributed attack in an article with no event of the dyad: not listed
        make_event("ASSAULT", None, "RUS", -9, "2020-05", article="other"),
        # an unattributed act that is not conflictual: not a shock
        make_event("SUPPORT", None, "TUR", 5, "2020-03", article="call"),
    ]
    model = DyadModel.build(recs, "TUR", "RUS")
    reg = Registers.build(model)
    assert [(s.source, s.target, s.date) for s in reg.shocks] == [(None, "TUR", "2020-02")]
    # the balance counts only what one did to the other
    assert len(model.interactions) == 1
