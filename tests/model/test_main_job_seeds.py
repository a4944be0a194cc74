"""The main job on the seeds: the Turkey–Russia picture the model and the report draw from the text alone.

One ingest of ../shared/seeds (module scope) feeds every test. Each test states one fact an analyst
knows from reading the seeds and checks that the model/report show it; the expected values come
from the seed texts, not from marsad's output. Facts the event coder does not yet find are marked
xfail(strict=True) with the precise cause, so they fail loudly once the coder finds them.
"""

from __future__ import annotations

import re

import pytest

from marsad.ingest import ingest
from marsad.model import ALL
from marsad.report import build_report
from marsad.store import Store

DYAD = {"TUR", "RUS"}
TURKSTREAM = re.compile(r"ترك ستريم|تورك ستريم|السيل التركي")
AKKUYU = re.compile(r"أكويو|اكويو|آكويو")
S400 = re.compile(r"(إس|أس|اس)\s*-?\s*400|S-?400")
GRAIN = re.compile(r"الحبوب")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(db) as store:
        rep = ingest([seeds_dir], store)
    assert rep.read >= 25, "the press file alone holds ~26 articles"
    report = build_report(db, dyad=("TUR", "RUS"), generated="2024-01-01")
    assert report.status == "ok"
    return report


def _dyad(it) -> bool:
    return {it.source, it.target} == DYAD


def _texts(it) -> list[str]:
    return [r.evidence.text for r in it.records]


# (a) ------------------------------------------------------------------------------------------
def test_sochi_summit_is_one_visit_with_many_outlets(seeds_report):
    """29 Sep 2021: Erdogan visits Putin in Sochi; the press file (seed 004) has ~20 outlets on it."""
    contacts = seeds_report.content["contacts"]
    summit = [c for c in contacts if c["date"] == "2021-09-29" and c["mode"] == "visit"]
    assert len(summit) == 1, "the reports of the summit are merged into one contact"
    c = summit[0]
    assert len(c["outlets"]) >= 5
    assert any("سوتشي" in (p or "") for p in c["places"])
    people = " ".join(p or "" for p in c["participants"])
    assert "بوتين" in people and "أردوغان" in people
    rel = seeds_report.relationship
    consult = [it for it in rel.model.interactions if it.type == "CONSULT" and it.date == "2021-09-29"
               and it.mode == "visit" and _dyad(it)]
    assert len(consult) == 1 and len({r.outlet for r in consult[0].records if r.outlet}) >= 5


# (b) ------------------------------------------------------------------------------------------
def test_phone_call_of_3_december_2021(seeds_report):
    calls = [c for c in seeds_report.content["contacts"] if c["mode"] == "phone"]
    assert any(c["date"] == "2021-12-03" for c in calls)


# (c) ------------------------------------------------------------------------------------------
def test_idlib_escalation_2020_is_a_shock(seeds_report):
    """Turkish soldiers killed by an air strike in 2020 (seed 003; seed 004 on Idlib): the texts do not say
    who struck, so the shock is listed with its target and no author."""
    shocks = seeds_report.content["shocks"]
    assert any(s["target"] == "TUR" and s["type"] == "ASSAULT" and (s["date"] or "").startswith("2020")
               and "syria" in s["dossiers"] for s in shocks)


# (d) ------------------------------------------------------------------------------------------
def test_2015_jet_downing_is_a_shock_dated_2015(seeds_report):
    shocks = seeds_report.content["shocks"]
    assert any(s["source"] == "TUR" and s["target"] == "RUS" and (s["date"] or "").startswith("2015")
               for s in shocks)


# (e) (f) (g) ----------------------------------------------------------------------------------
def test_s400_is_an_arms_deal(seeds_report):
    """Russia sold S-400 air defence systems to Turkey (seed 004, several items)."""
    agreements = seeds_report.relationship.registers.agreements
    assert any("arms_trade" in x.dossiers and any(S400.search(t) for t in _texts(x.interaction))
               for x in agreements)


def test_turkstream_is_energy_cooperation(seeds_report):
    """TurkStream, the gas pipeline under the Black Sea (seeds 000, 004)."""
    rel = seeds_report.relationship
    assert any(_dyad(it) and it.intensity > 0 and "energy_oil_gas" in it.dossiers
               and any(TURKSTREAM.search(t) for t in _texts(it)) for it in rel.model.interactions)
    # and the gas the pipeline carried is a reported figure
    assert "gas_volume" in rel.registers.figures


def test_akkuyu_is_a_nuclear_agreement(seeds_report):
    """Akkuyu: the nuclear plant Rosatom builds under the 2010 intergovernmental agreement (seed 004)."""
    agreements = seeds_report.relationship.registers.agreements
    nuclear = [x for x in agreements if "nuclear_energy" in x.dossiers]
    assert any((x.date or "").startswith("2010") for x in nuclear), "the 2010 agreement"
    assert all({x.interaction.source, x.interaction.target} == DYAD for x in nuclear)


# (h) ------------------------------------------------------------------------------------------
def test_grain_deal_is_on_the_ukraine_file(seeds_report):
    """The foreign ministers discussed the grain deal (seed 000); Turkey brokered it (seeds 000, 002)."""
    rel = seeds_report.relationship
    grain = [it for it in rel.model.interactions if any(GRAIN.search(t) for t in _texts(it))]
    assert grain
    assert any(_dyad(it) and ({"ukraine_crimea", "black_sea"} & set(it.dossiers)) for it in grain)


# (i) ------------------------------------------------------------------------------------------
def test_sweden_nato_accession(seeds_report):
    rel = seeds_report.relationship
    assert any(it.source == "TUR" and it.target == "SWE" and it.intensity > 0
               and "nato_alliances" in it.dossiers for it in rel.model.third_interactions)


# (j) ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dossier", [
    "syria",
    "libya",
    "south_caucasus",
    "ukraine_crimea",
])
def test_conflict_files_are_contested(seeds_report, dossier):
    """Syria: Russia backs the government Turkey acts against; Libya: Moscow backs Haftar's forces (LNA)
    and Ankara the Tripoli government (GNA), rival camps in the knowledge base; South Caucasus: the texts
    state the two stand on opposite sides of the Karabakh war (seed 000, seed 001); Ukraine: Crimea."""
    labels = {r["dossier"]: r["label"] for r in seeds_report.content["summary"]["dossiers"]}
    assert labels.get(dossier) == "contested"


@pytest.mark.parametrize("dossier", ["energy_oil_gas", "trade_economy", "tourism"])
def test_economic_files_are_cooperative(seeds_report, dossier):
    labels = {r["dossier"]: r["label"] for r in seeds_report.content["summary"]["dossiers"]}
    assert labels.get(dossier) == "cooperative"


def test_overall_is_compartmentalized(seeds_report):
    """Cooperation on the economy next to disputes over wars: mixed overall, not plainly cooperative."""
    ch = seeds_report.relationship.character
    assert ch.dossiers[ALL].label == "mixed"
