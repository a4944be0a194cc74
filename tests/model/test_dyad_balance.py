"""Dyad cells: counts, directions, the balance computed by hand, its interval, periods, filters."""

from __future__ import annotations

import json

import pytest

from marsad.errors import ModelError
from marsad.model import ALL, DyadModel, most_present_dyad


@pytest.fixture
def syria_feb(make_event):
    return [
        make_event("ASSAULT", "RUS", "TUR", -9, "2020-02-27", outlet="A"),                 # b_to_a
        make_event("ACCUSE", "TUR", "RUS", -3, "2020-02-28", confidence=0.5, outlet="B"),  # a_to_b
        make_event("COOPERATE", "RUS", "TUR", 9.5, "2020-02-10", modality="future", outlet="A"),  # mutual
        make_event("AGREE", "TUR", "RUS", 2.5, "2020-02-11", modality="negated", outlet="C"),     # mutual, w=0
    ]


def test_balance_by_hand(syria_feb):
    m = DyadModel.build(syria_feb, "TUR", "RUS")
    cell = m.cell("syria", "2020-02")
    # weights: 1, 0.5 (confidence), 0.5 (future), 0 (negated)
    # num = -9 - 1.5 + 4.75 + 0 = -5.75 ; den = 9 + 1.5 + 4.75 = 15.25
    assert cell.total.balance == pytest.approx(-5.75 / 15.25)
    assert cell.total.n == 4
    assert cell.total.quads == {"verbal_coop": 1, "material_coop": 1, "verbal_conflict": 1, "material_conflict": 1}
    assert cell.directions["a_to_b"].types == {"ACCUSE": 1}
    assert cell.directions["b_to_a"].types == {"ASSAULT": 1}
    assert cell.directions["mutual"].types == {"COOPERATE": 1, "AGREE": 1}
    assert cell.directions["b_to_a"].balance == -1.0
    assert cell.total.outlets == ["A", "B", "C"]
    assert len(cell.total.articles) == 4
    # every report behind the numbers can be found again
    assert sorted(cell.total.event_ids()) == sorted(r.id for r in syria_feb)
    ev = cell.total.to_dict()["evidence"][0]
    assert {"event", "article", "start", "end", "text"} <= set(ev)


def test_effective_n_and_interval(syria_feb):
    cell = DyadModel.build(syria_feb, "TUR", "RUS").cell("syria", ALL)
    # Kish: v = 9, 1.5, 4.75 -> 15.25^2 / (81 + 2.25 + 22.5625)
    assert cell.total.n_eff == pytest.approx(15.25 ** 2 / 105.8125)
    assert cell.total.low < cell.total.balance < cell.total.high


def test_one_cooperative_event_interval_by_hand(make_event):
    m = DyadModel.build([make_event("CONSULT", "TUR", "RUS", 4)], "TUR", "RUS")
    s = m.cell().total
    # Wilson with p = 1, n = 1: lower bound 1 / (1 + z^2) ; balance = 2p - 1
    assert s.balance == 1.0
    assert s.low == pytest.approx(2 / (1 + 1.96 ** 2) - 1)
    assert s.high == pytest.approx(1.0)


def test_interval_narrows_with_more_events(make_event):
    def events(n):
        out = []
        for i in range(n):
            day = f"2021-{1 + i % 12:02d}-{1 + i // 12:02d}"  # distinct days: distinct interactions
            out.append(make_event("CONSULT", "TUR", "RUS", 4, day))
            out.append(make_event("ACCUSE", "RUS", "TUR", -4, day))
        return out
    widths = [DyadModel.build(events(n), "TUR", "RUS").cell().total.width for n in (1, 5, 40)]
    balances = [DyadModel.build(events(n), "TUR", "RUS").cell().total.balance for n in (1, 5, 40)]
    assert balances == [pytest.approx(0.0)] * 3
    assert widths[0] > widths[1] > widths[2]
    assert widths[2] < 0.5


def test_empty_cell_has_full_interval(make_event):
    m = DyadModel.build([make_event("CONSULT", "TUR", "RUS", 4)], "TUR", "RUS")
    s = m.cell("libya", ALL).total
    assert s.n == 0 and s.balance is None and (s.low, s.high) == (-1.0, 1.0)


def test_reports_of_one_interaction_are_merged(make_event):
    summit = [make_event("CONSULT", src, tgt, 4, "2021-09-29", outlet=o, mode="visit")
              for src, tgt, o in (("TUR", "RUS", "A"), ("RUS", "TUR", "B"), ("TUR", "RUS", "C"))]
    m = DyadModel.build(summit, "TUR", "RUS")
    s = m.cell().total
    assert s.n == 1 and s.n_reports == 3
    assert s.outlets == ["A", "B", "C"] and len(s.articles) == 3
    assert m.cell().directions["mutual"].n == 1


def test_events_with_several_dossiers_count_in_each_and_once_in_all(make_event):
    recs = [make_event("SANCTION", "RUS", "TUR", -6, dossiers=("trade_economy", "tourism"))]
    m = DyadModel.build(recs, "TUR", "RUS")
    assert m.cell("trade_economy").total.n == 1
    assert m.cell("tourism").total.n == 1
    assert m.cell(ALL).total.n == 1
    assert m.dossiers == ["tourism", "trade_economy"]


@pytest.mark.parametrize("period,key", [("month", "2020-02"), ("quarter", "2020-Q1"), ("year", "2020")])
def test_periods(make_event, period, key):
    m = DyadModel.build([make_event("ASSAULT", "RUS", "TUR", -9, "2020-02-27")], "TUR", "RUS", period=period)
    assert m.periods == [key]


def test_year_only_date_keeps_its_precision(make_event):
    m = DyadModel.build([make_event("ASSAULT", "TUR", "RUS", -9, "2015")], "TUR", "RUS", period="month")
    assert m.periods == ["2015"]


def test_undated_event_goes_to_publication_month(make_event):
    m = DyadModel.build([make_event("COOPERATE", "RUS", "TUR", 9.5, None, published="2021-09-30")], "TUR", "RUS")
    assert m.periods == ["2021-09"]


def test_start_end_filter(make_event):
    recs = [make_event("ASSAULT", "RUS", "TUR", -9, "2015-11-24"), make_event("CONSULT", "TUR", "RUS", 4, "2021-09-29")]
    m = DyadModel.build(recs, "TUR", "RUS", start="2016", end="2021-12")
    assert m.cell().total.types == {"CONSULT": 1}


def test_default_dyad_is_most_present_pair(make_event):
    recs = [make_event("CONSULT", "TUR", "RUS", 4), make_event("ACCUSE", "RUS", "TUR", -3),
            make_event("ACCUSE", "TUR", "USA", -3), make_event("ACCUSE", "TUR", "GRC", -3),
            make_event("AID", "TUR", None, 10)]
    assert most_present_dyad(recs) == ("TUR", "RUS")
    m = DyadModel.build(recs)
    assert (m.a, m.b) == ("TUR", "RUS")
    assert m.cell().total.n == 2


def test_errors(make_event):
    with pytest.raises(ModelError):
        most_present_dyad([make_event("AID", "TUR", None, 10)])
    with pytest.raises(ModelError):
        DyadModel.build([], "TUR", None)
    with pytest.raises(ModelError):
        DyadModel.build([], "TUR", "RUS", period="week")


def test_to_dict_is_json(syria_feb):
    d = DyadModel.build(syria_feb, "TUR", "RUS").to_dict()
    back = json.loads(json.dumps(d, ensure_ascii=False))
    assert back["a"] == "TUR" and back["cells"]
