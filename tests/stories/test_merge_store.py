"""Merged events in the store: ingest ends by merging the events of each story cluster."""

from __future__ import annotations

import json

from click.testing import CliRunner

from marsad.cli import main
from marsad.ingest import ingest
from marsad.pipeline import Component, Pipeline
from marsad.store import Store
from marsad.store.merged import read_merged, rebuild_merged
from marsad.types import ActorRef, Article, Event, Span

BODY = ("عقد الرئيس التركي رجب طيب أردوغان ونظيره الروسي فلاديمير بوتين قمة في منتجع سوتشي على البحر الأسود "
        "تناولت الأوضاع في محافظة إدلب السورية وصفقة منظومات الدفاع الجوي وملف الغاز والسياحة والتجارة "
        "بين البلدين، واستمرت المحادثات قرابة ثلاث ساعات بحضور الوفدين ثم عقد الرئيسان لقاء منفردا. ")
SUMMIT = "عقد الرئيس التركي رجب طيب أردوغان ونظيره الروسي فلاديمير بوتين قمة"


def add_summit(a: Article) -> Article:
    s = a.text.index(SUMMIT)
    sp = Span(s, s + len(SUMMIT), SUMMIT)
    date = "2021-09-29" if a.id == "s1" else None   # the second outlet does not date it
    a.events.append(Event("CONSULT", "visit", "verbal_coop", 4.0, ActorRef(None, "RUS" if date else "TUR"),
                          ActorRef(None, "TUR" if date else "RUS"), sp, date=date,
                          date_precision="day" if date else None, mentions=[sp]))
    return a


def reader(_paths):
    yield Article(id="s1", text=BODY + "وأكدت الرئاسة التركية ذلك.", outlet="وكالة أ", published="2021-09-29")
    yield Article(id="s2", text="تقرير: " + BODY, outlet="وكالة ب", published="2021-09-30")
    yield Article(id="s3", text="خبر آخر تماما عن الطقس في أنقرة ولا علاقة له بالقمة. " + SUMMIT + " أخرى لاحقا.",
                  outlet="وكالة ج", published="2021-09-30")


def test_ingest_merges_the_events_of_a_story_across_outlets(tmp_path):
    db = tmp_path / "m.db"
    with Store(db) as store:
        ingest(["x"], store, Pipeline([Component("summit", add_summit)]), reader=reader)
        assert store.cluster_of("s1") == store.cluster_of("s2") != store.cluster_of("s3")
        merged = list(read_merged(store))
        assert len(merged) == 2                               # s1+s2 (one story), s3 alone
        both = next(m for m in merged if len(m.articles) == 2)
        assert both.articles == ["s1", "s2"] and both.outlets == ["وكالة أ", "وكالة ب"]
        assert both.date == "2021-09-29" and sorted(both.events) == ["s1#e0", "s2#e0"]
        for art_id, _outlet, sp in both.mentions:
            assert store.get_article(art_id).text[sp.start:sp.end] == sp.text
        # both levels are kept: per-article events list the other article
        assert store.get_article("s1").events[0].articles == ["s2"]
        assert store.get_article("s3").events[0].articles == []
        # dyad and date filters on merged events
        assert len(list(read_merged(store, dyad=("TUR", "RUS"), date_from="2021-09-01"))) == 1
        # a rebuild is idempotent
        assert rebuild_merged(store, [store.cluster_of("s1")]) == 1
        assert len(list(read_merged(store))) == 2
    out = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl"])
    recs = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert recs["s2"]["events"][0]["articles"] == ["s1"]


def test_rerun_keeps_merged_events_and_drops_those_of_vanished_clusters(tmp_path):
    with Store(tmp_path / "m.db") as store:
        pipe = Pipeline([Component("summit", add_summit)])
        ingest(["x"], store, pipe, reader=reader)
        ingest(["x"], store, pipe, reader=reader)              # unchanged: nothing rebuilt, nothing lost
        assert len(list(read_merged(store))) == 2
        store.conn.execute("INSERT INTO merged_events (id, cluster, type, quad, intensity, modality, confidence,"
                           " articles, outlets) VALUES ('mx', 'gone', 'AID', 'material_coop', 1, 'asserted', 1, 1, 1)")
        rebuild_merged(store, [])
        assert [m.id for m in read_merged(store) if m.id == "mx"] == []
