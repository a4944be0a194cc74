from __future__ import annotations

import pytest

from marsad.errors import NotFoundError
from marsad.stories.dedup import content_hash
from marsad.types import ActorRef, Article, Entity, Event, Mention, Quantity, Quote, Sentence, Span

TEXT = ("استقبل الرئيس الروسي في الكرملين نظيره التركي، وقال إن البلدين سيرفعان التبادل التجاري "
        "إلى 100 مليار دولار.")


def _rich_article() -> Article:
    a = Article(id="doc-1", text=TEXT, title="قمة في موسكو", outlet="نشرة تجريبية", published="2021-09-29",
                source="x.jsonl", source_line=3, lang="ar", flags=["test"])
    s = TEXT.index("الرئيس الروسي")
    m1 = Mention(s, s + len("الرئيس الروسي"), "الرئيس الروسي", "Q7747", "role", 0.9, "RUS")
    t = TEXT.index("التركي")
    m2 = Mention(t, t + len("التركي"), "التركي", "Q39259", "adjective", 0.8, "TUR")
    a.mentions = [m1, m2]
    a.entities = {"Q7747": Entity("Q7747", "person", "Vladimir Putin", "فلاديمير بوتين", "RUS", "RUSGOV", True, [m1]),
                  "Q39259": Entity("Q39259", "person", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "TUR", "TURGOV",
                                   True, [m2])}
    v = TEXT.index("استقبل")
    a.events = [Event("MEET", None, "verbal_coop", 1.0, ActorRef("Q7747", "RUSGOV"), ActorRef("Q39259", "TURGOV"),
                      Span(0, 40, TEXT[:40]), Span(v, v + 6, "استقبل"), "2021-09-29", "day", "asserted",
                      ["tr-ru-syria", "tr-ru-trade"], 0.8)]
    q = TEXT.index("البلدين")
    a.quotes = [Quote("Q7747", None, Span(q - 8, q - 4, TEXT[q - 8:q - 4]), TEXT[q:-1], q, len(TEXT) - 1, False)]
    n = TEXT.index("100")
    a.quantities = [Quantity(100e9, "USD", "trade", n, n + len("100 مليار دولار"), "100 مليار دولار")]
    a.dossiers = ["tr-ru-trade"]
    a.sentences = [Sentence(0, len(TEXT))]
    a.repeated_paragraphs = [(5, 9)]
    return a


def test_round_trip_keeps_every_layer(store):
    a = _rich_article()
    res = store.add_article(a)
    assert (res.status, res.id, res.duplicate_of, res.cluster) == ("new", "doc-1", None, "doc-1")
    b = store.get_article("doc-1")
    assert (b.title, b.outlet, b.published, b.source, b.source_line, b.lang, b.flags) == \
        ("قمة في موسكو", "نشرة تجريبية", "2021-09-29", "x.jsonl", 3, "ar", ["test"])
    assert b.mentions == sorted(a.mentions, key=lambda m: (m.start, m.end))
    assert set(b.entities) == {"Q7747", "Q39259"}
    assert b.entities["Q7747"].mentions == [a.mentions[0]]
    assert b.entities["Q39259"].code == "TURGOV"
    ev = b.events[0]
    assert ev.source == ActorRef("Q7747", "RUSGOV") and ev.target == ActorRef("Q39259", "TURGOV")
    assert ev.evidence == Span(0, 40, TEXT[:40]) and ev.trigger.text == "استقبل"
    assert ev.dossiers == ["tr-ru-syria", "tr-ru-trade"] and ev.id == "doc-1#e0"
    assert b.quotes == a.quotes and b.quantities == a.quantities
    assert b.dossiers == ["tr-ru-trade"]
    assert b.sentences == a.sentences and b.repeated_paragraphs == [(5, 9)]
    assert b.text[ev.trigger.start:ev.trigger.end] == "استقبل"


def test_events_are_indexed_by_dyad_and_dossier(store):
    store.add_article(_rich_article())
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM events WHERE source_code = 'RUSGOV' AND target_code = 'TURGOV'"
        " AND date BETWEEN '2021-01-01' AND '2021-12-31'"))
    assert "events_dyad" in plan
    n = store.conn.execute("SELECT count(*) FROM event_dossiers WHERE dossier = 'tr-ru-syria'").fetchone()[0]
    assert n == 1


def test_same_article_twice_is_unchanged(store):
    store.add_article(_rich_article())
    before = store.stats()
    res = store.add_article(_rich_article())
    assert res.status == "unchanged"
    assert store.stats() == before


def test_exact_duplicate_under_another_id_and_file(store):
    store.add_article(Article(id="first", text=TEXT, source="a.txt"))
    # same text with diacritics, other alef forms and «» quotes: the folded key is the same
    variant = TEXT.replace("الرئيس", "الرَّئيس").replace("إلى", "الى")
    assert content_hash(variant) == content_hash(TEXT)
    res = store.add_article(Article(id="second", text=variant, source="b/other-name.html"))
    assert res.status == "duplicate" and res.duplicate_of == "first"
    assert store.duplicate_of("second") == "first"
    st = store.stats()
    assert (st.articles, st.duplicates) == (1, 1)
    dup = store.get_article("second")
    assert dup.text == variant and dup.source == "b/other-name.html"
    assert "duplicate of first" in dup.notes
    assert [a.id for a in store.iter_articles()] == ["first"]
    assert [a.id for a in store.iter_articles(include_duplicates=True)] == ["first", "second"]
    assert store.cluster_of("second") == store.cluster_of("first")


def test_changed_text_under_same_id_is_updated(store):
    store.add_article(Article(id="x", text=TEXT))
    res = store.add_article(Article(id="x", text=TEXT + " وأضاف أن الزيارة ناجحة."))
    assert res.status == "updated"
    assert store.get_article("x").text.endswith("ناجحة.")
    assert store.stats().articles == 1


def test_missing_article_raises_not_found(store):
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_log_failure_counts_repeats(store):
    store.log_failure("in.jsonl", 4, "bad JSON")
    store.log_failure("in.jsonl", 4, "bad JSON")
    store.log_failure("in.jsonl", 9, "empty text")
    f = store.failures()
    assert [(x.path, x.line, x.seen) for x in f] == [("in.jsonl", 4, 2), ("in.jsonl", 9, 1)]
    assert store.stats().failures == 2


def test_tokens_recomputed_on_request(store, text_pipeline):
    a = text_pipeline.process(Article(id="t", text="وبوتين في أنقرة"))
    store.add_article(a)
    assert store.get_article("t").tokens == []
    again = store.get_article("t", tokens=True)
    assert [t.norm for t in again.tokens] == [t.norm for t in a.tokens]
