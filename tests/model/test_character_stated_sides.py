"""Sentences stating the two stand opposed make a dossier contested, unless its events firmly say otherwise."""

from __future__ import annotations

import itertools

from marsad.model import ALL, Character, DyadModel
from marsad.model.records import ModelInput, StanceRecord
from marsad.types import Article, Span, Stance

_n = itertools.count(1)


def stance(stance="opposed", dossiers=("south_caucasus",), modality="asserted", a="RUS", b="TUR", article=None):
    n = next(_n)
    text = "جملة تقول إنهما على طرفي نقيض"
    return StanceRecord(f"s{n}", article or f"art-s{n}", a, b, stance, Span(100 * n, 100 * n + len(text), text),
                        None, tuple(dossiers), modality, "outlet-1", "2021-10-01")


def _coop(e, dossier, k=2):
    out = []
    for i in range(k):
        out.append(e("COOPERATE", "RUS", "TUR", 9.5, f"2021-{1 + i // 28:02d}-{1 + i % 28:02d}", dossiers=(dossier,)))
    return out


def test_stated_opposition_makes_the_file_contested(make_event):
    recs = _coop(make_event, "south_caucasus") + _coop(make_event, "energy_oil_gas")
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS", stances=[stance(), stance()]))
    sc = ch.dossiers["south_caucasus"]
    assert sc.label == "contested" and not sc.firm and sc.reason == "stated"
    assert len(sc.stated_opposed) == 2
    assert "stated opposed in 2 sentences" in sc.summary_en
    assert ch.dossiers["energy_oil_gas"].label == "cooperative"
    assert ch.dossiers[ALL].label == "mixed"
    d = next(x for x in ch.to_dict()["dossiers"] if x["dossier"] == "south_caucasus")
    assert d["stated"]["opposed"] == 2 and d["stated"]["evidence"][0]["evidence"]["text"]


def test_a_dossier_with_no_events_but_stated_opposition_is_contested(make_event):
    recs = _coop(make_event, "energy_oil_gas")
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS", stances=[stance(dossiers=("libya",))]))
    assert ch.dossiers["libya"].label == "contested"


def test_firmly_cooperative_events_outweigh_a_statement(make_event):
    recs = _coop(make_event, "south_caucasus", k=30)
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS", stances=[stance()]))
    sc = ch.dossiers["south_caucasus"]
    assert sc.label == "cooperative" and sc.firm
    assert len(sc.stated_opposed) == 1  # still shown


def test_aligned_negated_and_other_pairs_do_not_count(make_event):
    recs = _coop(make_event, "south_caucasus")
    stances = [stance(), stance("aligned"),                     # one against one: no net opposition
               stance(modality="negated"), stance(modality="hypothetical"),
               stance(a="ARM", b="AZE")]                        # another pair
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS", stances=stances))
    assert ch.dossiers["south_caucasus"].label == "cooperative"


def test_one_sentence_counts_once(make_event):
    recs = _coop(make_event, "south_caucasus")
    s1 = stance()
    twice = StanceRecord("dup", s1.article, s1.a, s1.b, s1.stance, s1.evidence, None, s1.dossiers, s1.modality)
    aligned = [stance("aligned", article="x1"), stance("aligned", article="x2")]
    ch = Character.build(DyadModel.build(recs, "TUR", "RUS", stances=[s1, twice, stance(), *aligned]))
    assert len(ch.dossiers["south_caucasus"].stated_opposed) == 2
    assert ch.dossiers["south_caucasus"].label == "cooperative"  # 2 opposed - 2 aligned < 1


def test_stances_travel_from_articles_to_the_model():
    text = "تقف أنقرة وموسكو على طرفي نقيض في ليبيا."
    art = Article(id="a1", text=text, outlet="o", published="2021-01-01")
    art.stances = [Stance("RUS", "TUR", "opposed", Span(0, len(text), text), Span(17, 30, text[17:30]), ("libya",))]
    data = ModelInput.from_articles([art])
    assert [(s.id, s.a, s.b, s.dossiers) for s in data.stances] == [("a1#s0", "RUS", "TUR", ("libya",))]
    model = DyadModel.build(data.events, "TUR", "RUS", stances=data.stances)
    assert model.stances and model.to_dict()["stances"][0]["article"] == "a1"
    # a date range keeps statements by publication date
    assert DyadModel.build([], "TUR", "RUS", start="2022", stances=data.stances).stances == []
