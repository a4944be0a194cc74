"""The aligned/opposed view: a and b acting towards the same third party."""

from __future__ import annotations

from marsad.model import ALL, DyadModel


def test_aligned_and_opposed(make_event):
    recs = [
        make_event("CONSULT", "TUR", "RUS", 4),
        # both criticise the US in the same month: aligned
        make_event("ACCUSE", "TUR", "USA", -3, "2021-09-01", dossiers=("us_relations",)),
        make_event("ACCUSE", "RUS", "USA", -3, "2021-09-03", dossiers=("us_relations",)),
        # Turkey aids Ukraine, Russia strikes it: opposed
        make_event("AID", "TUR", "UKR", 10, "2022-03-01", dossiers=("ukraine_crimea",)),
        make_event("ASSAULT", "RUS", "UKR", -9, "2022-03-02", dossiers=("ukraine_crimea",)),
        make_event("ASSAULT", "RUS", "UKR", -9, "2022-03-09", dossiers=("ukraine_crimea",)),
        # only Turkey deals with Azerbaijan
        make_event("SUPPORT", "TUR", "AZE", 5, "2020-10-01", dossiers=("south_caucasus",)),
    ]
    m = DyadModel.build(recs, "TUR", "RUS")
    usa = m.third[("USA", ALL, ALL)]
    assert (usa.stance_a, usa.stance_b, usa.relation) == ("conflictual", "conflictual", "aligned")
    assert (usa.agreement, usa.opposition) == (1, 0)
    ukr = m.third[("UKR", ALL, ALL)]
    assert ukr.relation == "opposed"
    # one Turkish act against two Russian ones in the same month: two opposing pairs
    assert (ukr.agreement, ukr.opposition) == (0, 2)
    assert ukr.a.event_ids() == [recs[3].id]
    assert m.third[("AZE", ALL, ALL)].relation == "one_sided"
    assert m.third[("UKR", "ukraine_crimea", "2022-03")].opposition == 2
    assert [c.third for c in m.third_parties()] == ["UKR", "USA", "AZE"]
    # the dyad's own cells do not include the third-party events
    assert m.cell().total.n == 1


def test_pairs_only_within_a_period(make_event):
    recs = [make_event("ACCUSE", "TUR", "USA", -3, "2021-01-05"), make_event("ACCUSE", "RUS", "USA", -3, "2021-06-05")]
    usa = DyadModel.build(recs, "TUR", "RUS").third[("USA", ALL, ALL)]
    assert usa.relation == "aligned"            # stances over the whole time
    assert (usa.agreement, usa.opposition) == (0, 0)  # but never in the same month


def test_third_party_acting_on_a_is_not_an_act_of_a(make_event):
    recs = [make_event("ASSAULT", "SYR", "TUR", -9, "2020-02-27"),
            make_event("CONSULT", "USA", "TUR", 4, "2021-09-01")]  # symmetric: Turkey takes part
    m = DyadModel.build(recs, "TUR", "RUS")
    assert ("SYR", ALL, ALL) not in m.third
    assert m.third[("USA", ALL, ALL)].a.n == 1
