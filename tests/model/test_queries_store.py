"""Records read from the store match what was written; an Article in memory gives the same records."""

from __future__ import annotations

import pytest

from marsad.model import DyadModel, ModelInput, Registers
from marsad.store import Store
from marsad.store.queries import event_records, model_input, quantity_records
from marsad.types import ActorRef, Article, Entity, Event, Mention, Quantity, Quote, Span

TEXT = "استقبل بوتين أردوغان في سوتشي وبحثا الملف السوري. وبلغ حجم التبادل التجاري 26 مليار دولار."


def _article(aid="n1", outlet="وكالة", parent="pack-1", text=TEXT):
    i_putin = text.index("بوتين")
    i_erd = text.index("أردوغان")
    i_sochi = text.index("سوتشي")
    end = text.index(".") + 1
    ents = {
        "person.putin_vladimir": Entity("person.putin_vladimir", "person", "Vladimir Putin", "فلاديمير بوتين", "RUS"),
        "person.erdogan_recep_tayyip": Entity("person.erdogan_recep_tayyip", "person", "Erdogan", "رجب طيب أردوغان",
                                              "TUR"),
        "place.sochi": Entity("place.sochi", "place", "Sochi", "سوتشي", "RUS"),
    }
    mentions = [Mention(i_putin, i_putin + 5, "بوتين", "person.putin_vladimir", acts_for="RUS"),
                Mention(i_erd, i_erd + 7, "أردوغان", "person.erdogan_recep_tayyip", acts_for="TUR"),
                Mention(i_sochi, i_sochi + 5, "سوتشي", "place.sochi")]
    ev = Event("CONSULT", "visit", "verbal_coop", 4.0, ActorRef("person.erdogan_recep_tayyip", "TUR"),
               ActorRef("person.putin_vladimir", "RUS"), Span(0, end, text[:end]), date="2021-09-29",
               date_precision="day", dossiers=["syria"], id=f"{aid}#e0")
    i26 = text.index("26")
    q = Quantity(26e9, "USD", "trade_volume", i26, i26 + 13, text[i26:i26 + 13], "2020")
    quote = Quote("person.putin_vladimir", "بوتين", None, "نص", 0, 2)
    return Article(aid, text, title="قمة سوتشي", outlet=outlet, published="2021-09-30", parent=parent,
                   mentions=mentions, entities=ents, events=[ev], quantities=[q], quotes=[quote])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.add_article(_article())
        s.add_article(_article("n2", "قناة", text=TEXT.replace("استقبل", "التقى")))
        yield s


def test_event_records_from_store(store):
    recs = list(event_records(store, codes=["TUR"]))
    assert [r.id for r in recs] == ["n1#e0", "n2#e0"]
    r = recs[0]
    assert (r.source_code, r.target_code, r.type, r.mode, r.date) == ("TUR", "RUS", "CONSULT", "visit", "2021-09-29")
    assert r.dossiers == ("syria",) and (r.outlet, r.published, r.story) == ("وكالة", "2021-09-30", "pack-1")
    assert {c.entity for c in r.context} == {"place.sochi", "person.putin_vladimir", "person.erdogan_recep_tayyip"}
    assert r.evidence.text == TEXT[:TEXT.index(".") + 1]
    assert list(event_records(store, codes=["USA"])) == []


def test_store_and_memory_give_the_same_model(store):
    from_store = model_input(store, codes=["TUR", "RUS"])
    in_memory = ModelInput.from_articles([_article(), _article("n2", "قناة", text=TEXT.replace("استقبل", "التقى"))])
    assert [r.id for r in from_store.events] == [r.id for r in in_memory.events]
    assert [sorted(c.entity for c in r.context) for r in from_store.events] == \
           [sorted(c.entity for c in r.context) for r in in_memory.events]
    for data in (from_store, in_memory):
        model = DyadModel.build(data.events)
        assert {model.a, model.b} == {"TUR", "RUS"}
        reg = Registers.build(model, data.quantities)
        assert len(reg.contacts) == 1 and reg.contacts[0].places[0]["entity"] == "place.sochi"
        assert reg.contacts[0].to_dict()["outlets"] == ["قناة", "وكالة"]
        assert reg.figures["trade_volume"][0].values == [26e9]
    assert len(from_store.quotes) == 2 and len(from_store.articles) == 2


def test_quantity_records_filter(store):
    assert [q.what for q in quantity_records(store, whats=["trade_volume"])] == ["trade_volume"] * 2
    assert list(quantity_records(store, whats=["tourists"])) == []
