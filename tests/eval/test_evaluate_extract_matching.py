"""The per-layer matching of ``marsad eval extract`` on hand-made gold and system articles."""

from __future__ import annotations

import pytest

from marsad.evaluate_extract import score_dossiers, score_events, score_metadata, score_quantities, score_quotes
from marsad.gold import GoldArticle
from marsad.types import ActorRef, Article, Entity, Event, Quantity, Quote, Span


def gold(**kw) -> GoldArticle:
    base = dict(file="x.txt", item=1, anchor=(0, 5), span=None, outlet=None, published=None, dossiers=[],
                entities=[], events=[], quotes=[], quantities=[])
    base.update(kw)
    return GoldArticle(**base)


def sys_event(etype: str, src: str | None, tgt: str | None) -> Event:
    return Event(etype, None, "verbal_coop", 1.0, ActorRef(None, src) if src else None,
                 ActorRef(None, tgt) if tgt else None, Span(0, 1, "x"))


def test_events_match_on_type_and_codes_one_system_event_per_gold_row():
    g = gold(events=[{"type": "CONSULT", "source": "TUR", "target": "RUS"},
                     {"type": "CONSULT", "source": "TUR", "target": "RUS"},     # a second summit
                     {"type": "ACCUSE", "source": "RUS", "target": "TUR"},
                     {"type": "AID", "source": "TUR", "target": None}])
    a = Article(id="a", text="x" * 10)
    a.events = [sys_event("CONSULT", "RUS", "TUR"),          # symmetric: matches the first row
                sys_event("ACCUSE", "TUR", "RUS"),           # wrong direction
                sys_event("AID", "TUR", None),
                sys_event("AID", "TUR", None)]               # duplicate: a false positive
    strict, loose = score_events([(g, a)], [])
    assert (strict.tp, strict.fp, strict.fn) == (2, 2, 2)
    assert (loose.tp, loose.fp, loose.fn) == (3, 1, 1)


def test_events_of_unpaired_articles_are_false_positives():
    g = gold(events=[{"type": "AGREE", "source": "TUR", "target": "RUS"}])
    extra = Article(id="z", text="x")
    extra.events = [sys_event("AGREE", "TUR", "RUS")]
    strict, _ = score_events([(g, None)], [extra])
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)


class FakeKeys:
    def gold(self, row):
        return {"Vladimir Putin": "id:putin"}.get(row.get("name_en"), f"name:{row.get('name_en')}")

    def system(self, ent):
        return f"code:{ent.code}" if ent.kind == "state" else f"id:{ent.id}"


def test_quotes_need_overlap_and_speaker_with_file_offsets():
    a = Article(id="a", text="0123456789" * 5, source_offset=100)
    a.entities = {"putin": Entity("putin", "person", "Vladimir Putin", None),
                  "TUR": Entity("TUR", "state", "Turkey", None, "TUR", "TUR")}
    a.quotes = [Quote("putin", None, None, a.text[10:20], 10, 20),     # file [110, 120]
                Quote("putin", None, None, a.text[30:40], 30, 40),     # right words, wrong speaker
                Quote("TUR", None, None, a.text[41:45], 41, 45)]       # a state for an unnamed official
    g = gold(quotes=[{"speaker": "Vladimir Putin", "speaker_code": "RUS", "span": [115, 125]},
                     {"speaker": "Sergey Lavrov", "speaker_code": "RUS", "span": [130, 140]},
                     {"speaker": "Turkish foreign ministry source", "speaker_code": "TUR", "span": [140, 146]}])
    s = score_quotes([(g, a)], [], FakeKeys())
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_quantities_match_value_and_unit():
    a = Article(id="a", text="x")
    a.quantities = [Quantity(6.5e9, "USD", "investment", 0, 1, "x"), Quantity(5, "percent", None, 0, 1, "x"),
                    Quantity(100, "MW", None, 0, 1, "x")]
    g = gold(quantities=[{"value": 6500000000, "unit": "USD"}, {"value": 5, "unit": "km"},
                         {"value": 100, "unit": "MW"}])
    s = score_quantities([(g, a)], [])
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_dossiers_and_metadata():
    a = Article(id="a", text="x", outlet="الأناضول", published="2021-09-30", dossiers=["syria", "tourism"])
    g = gold(dossiers=["syria", "energy_oil_gas"], outlet="الاناضول", published=None)
    d = score_dossiers([(g, a)], [])
    assert (d.tp, d.fp, d.fn) == (1, 1, 1)
    meta = score_metadata([(g, a)], [])
    assert (meta["outlet"].tp, meta["outlet"].fp) == (1, 0)           # hamza folded
    assert (meta["published"].tp, meta["published"].fp, meta["published"].fn) == (0, 1, 0)
    assert meta["outlet"].f1 == pytest.approx(1.0)


def test_names_the_recognizer_found_match_gold_rows_by_their_arabic_forms():
    from marsad.gold import score_entities

    g = gold(entities=[{"kind": "person", "code": None, "name_en": "Vladimir Putin"},
                       {"kind": "person", "code": None, "name_en": "Sami Haddad", "name_ar": ["سامي حداد", "حداد"]},
                       {"kind": "org", "code": None, "name_en": "Levant Centre", "name_ar": ["مركز الشام"]},
                       {"kind": "person", "code": None, "name_en": "Rana Aziz", "name_ar": ["رنا عزيز"]}])
    a = Article(id="a", text="x")
    a.entities = {"putin": Entity("putin", "person", "Vladimir Putin", None, kb=True),
                  "doc:person:1": Entity("doc:person:1", "person", None, "سامى حدّاد", kb=False),  # folded alike
                  "doc:place:1": Entity("doc:place:1", "place", None, "مركز الشام", kb=False),  # wrong kind
                  "doc:person:2": Entity("doc:person:2", "person", None, "كبار رافقوا", kb=False)}  # junk
    kb_only = score_entities([(g, a)], FakeKeys())["all"]
    assert (kb_only.tp, kb_only.fp, kb_only.fn) == (1, 0, 3)
    names = score_entities([(g, a)], FakeKeys(), kb_only=False)
    assert (names["all"].tp, names["all"].fp, names["all"].fn) == (2, 2, 2)
    assert (names["person"].tp, names["person"].fp, names["person"].fn) == (2, 1, 1)
