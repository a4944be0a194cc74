"""An item that cannot point to its words is not reported, and the drop is noted."""

from __future__ import annotations

import dataclasses

from marsad.contract import article_to_dict
from marsad.types import Mention, Quantity, Quote, Span


def test_event_with_wrong_evidence_is_dropped(article):
    ev = article.events[0]
    bad = dataclasses.replace(ev, evidence=Span(ev.evidence.start + 3, ev.evidence.end, ev.evidence.text),
                              mentions=[])
    article.events.append(bad)
    notes: list[str] = []
    rec = article_to_dict(article, notes)
    assert len(rec["events"]) == 1
    assert any("event t1#e1" in n and "evidence" in n for n in notes)


def test_bad_event_mention_is_dropped_but_event_kept(article):
    ev = article.events[0]
    ev.mentions.append(Span(5, 9, "غلط"))
    notes: list[str] = []
    rec = article_to_dict(article, notes)
    assert len(rec["events"][0]["mentions"]) == 1
    assert any("mention [5:9]" in n for n in notes)


def test_out_of_range_quantity_and_quote_are_dropped(article):
    n = len(article.text)
    article.quantities.append(Quantity(5, "percent", "other", n - 2, n + 4, "5 في المئة"))
    q = article.quotes[0]
    article.quotes.append(Quote("putin", None, Span(0, 2, "xx"), q.text, q.start, q.end))
    notes: list[str] = []
    rec = article_to_dict(article, notes)
    assert len(rec["quantities"]) == 1 and len(rec["quotes"]) == 1
    assert sum("not reported" in x for x in notes) == 2


def test_entity_without_a_good_mention_is_dropped(article):
    ent = article.entities["sochi"]
    ent.mentions = [Mention(0, 5, "أنقرة", "sochi")]
    article.mentions = [m for m in article.mentions if m.entity != "sochi"]
    notes: list[str] = []
    rec = article_to_dict(article, notes)
    assert "sochi" not in {e["id"] for e in rec["entities"]}
    assert any("entity sochi" in x for x in notes)


def test_malformed_publication_date_becomes_null(article):
    article.published = "2021"
    notes: list[str] = []
    assert article_to_dict(article, notes)["published"] is None
    assert notes
