"""Read-only queries that feed the relationship model (:mod:`marsad.model`) from the store.

Each function streams flat records (``EventRecord``, ``QuantityRecord``, ``QuoteRecord``,
``ArticleRecord``) with the metadata of their article. Only canonical articles are read (exact
duplicates carry no layers). An article's ``story`` is its press compilation (``parent``) when it
has one, else its story cluster.

Not in the schema (0001): an event's extra mentions (``Event.mentions``) and the other articles
merged into it (``Event.articles``); records read here have only the evidence span and their own
article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from marsad.errors import StoreError
from marsad.model.records import (ArticleRecord, ContextRef, EventRecord, ModelInput, QuantityRecord,
                                  QuoteRecord)
from marsad.types import ActorRef, Span

_ARTICLE = ("a.id AS aid, a.outlet AS a_outlet, a.published AS a_published, a.title AS a_title,"
            " coalesce(a.parent, s.cluster) AS a_story")
_JOIN = ("JOIN articles a ON a.num = {t}.article LEFT JOIN story_members s ON s.article = a.num"
         " WHERE a.duplicate_of IS NULL")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _stream(store, sql: str, params: Sequence, batch: int) -> Iterator[list[sqlite3.Row]]:
    try:
        cur = store.conn.execute(sql, tuple(params))
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                return
            yield rows
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read records for the model: {exc}") from exc


def event_records(store, codes: Iterable[str] | None = None, batch: int = 1000) -> Iterator[EventRecord]:
    """Events (with dossiers and the places/people mentioned in their evidence), in article order.

    ``codes`` keeps the events whose source or target is one of these actor codes.
    """
    sql = f"SELECT e.*, {_ARTICLE} FROM events e {_JOIN.format(t='e')}"
    params: list = []
    if codes is not None:
        codes = sorted(set(codes))
        sql += f" AND (e.source_code IN ({_marks(len(codes))}) OR e.target_code IN ({_marks(len(codes))}))"
        params = codes + codes
    sql += " ORDER BY e.article, e.seq"
    conn = store.conn
    for rows in _stream(store, sql, params, batch):
        try:
            nums = [r["num"] for r in rows]
            dossiers: dict[int, list[str]] = {}
            for d in conn.execute(f"SELECT event, dossier FROM event_dossiers WHERE event IN ({_marks(len(nums))})",
                                  nums):
                dossiers.setdefault(d["event"], []).append(d["dossier"])
            arts = sorted({r["article"] for r in rows})
            context: dict[int, list[ContextRef]] = {}
            for m in conn.execute(
                "SELECT m.article, m.start, m.end, m.text, m.entity, m.acts_for, en.kind, en.name_ar, en.name_en"
                " FROM mentions m JOIN entities en ON en.article = m.article AND en.id = m.entity"
                f" WHERE m.article IN ({_marks(len(arts))}) AND en.kind IN ('place', 'person')"
                " ORDER BY m.article, m.start", arts,
            ):
                context.setdefault(m["article"], []).append(ContextRef(
                    m["entity"], m["kind"], m["name_ar"] or m["name_en"], m["text"], m["start"], m["end"],
                    m["acts_for"]))
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: cannot read event layers: {exc}") from exc
        for r in rows:
            s0, e0 = r["evidence_start"], r["evidence_end"]
            ctx = tuple(c for c in context.get(r["article"], ()) if s0 <= c.start and c.end <= e0)
            yield EventRecord(
                id=r["id"], article=r["aid"], type=r["type"], quad=r["quad"], intensity=r["intensity"],
                source=ActorRef(r["source_entity"], r["source_code"])
                if r["source_entity"] is not None or r["source_code"] is not None else None,
                target=ActorRef(r["target_entity"], r["target_code"])
                if r["target_entity"] is not None or r["target_code"] is not None else None,
                evidence=Span(s0, e0, r["evidence_text"]), mode=r["mode"],
                trigger=Span(r["trigger_start"], r["trigger_end"], r["trigger_text"])
                if r["trigger_start"] is not None else None,
                date=r["date"], date_precision=r["date_precision"], modality=r["modality"],
                dossiers=tuple(sorted(dossiers.get(r["num"], ()))), confidence=r["confidence"],
                outlet=r["a_outlet"], published=r["a_published"], title=r["a_title"], story=r["a_story"],
                context=ctx,
            )


def quantity_records(store, whats: Iterable[str] | None = None, articles: Iterable[str] | None = None,
                     batch: int = 1000) -> Iterator[QuantityRecord]:
    """Figures, optionally only of some kinds (``whats``) or of some articles."""
    sql = f"SELECT q.*, {_ARTICLE} FROM quantities q {_JOIN.format(t='q')}"
    params: list = []
    if whats is not None:
        whats = sorted(set(whats))
        sql += f" AND q.what IN ({_marks(len(whats))})"
        params += whats
    wanted = set(articles) if articles is not None else None
    sql += " ORDER BY q.article, q.seq"
    for rows in _stream(store, sql, params, batch):
        for r in rows:
            if wanted is not None and r["aid"] not in wanted:
                continue
            yield QuantityRecord(r["value"], r["unit"], r["what"], Span(r["start"], r["end"], r["text"]), r["aid"],
                                 r["date"], r["a_outlet"], r["a_published"], r["a_title"], r["a_story"])


def quote_records(store, articles: Iterable[str] | None = None, batch: int = 1000) -> Iterator[QuoteRecord]:
    sql = f"SELECT q.*, {_ARTICLE} FROM quotes q {_JOIN.format(t='q')} ORDER BY q.article, q.seq"
    wanted = set(articles) if articles is not None else None
    for rows in _stream(store, sql, (), batch):
        for r in rows:
            if wanted is not None and r["aid"] not in wanted:
                continue
            yield QuoteRecord(r["text"], Span(r["start"], r["end"], r["text"]), r["aid"], r["speaker_entity"],
                              r["speaker_name"], bool(r["direct"]), r["a_outlet"], r["a_published"], r["a_story"])


def article_records(store, ids: Iterable[str] | None = None, with_text: bool = True,
                    batch: int = 500) -> Iterator[ArticleRecord]:
    """Article metadata (and text, for the tone of the framing view)."""
    text = "a.text" if with_text else "''"
    sql = (f"SELECT {text} AS a_text, {_ARTICLE} FROM articles a LEFT JOIN story_members s ON s.article = a.num"
           " WHERE a.duplicate_of IS NULL ORDER BY a.num")
    wanted = set(ids) if ids is not None else None
    for rows in _stream(store, sql, (), batch):
        for r in rows:
            if wanted is not None and r["aid"] not in wanted:
                continue
            yield ArticleRecord(r["aid"], r["a_outlet"], r["a_published"], r["a_title"], r["a_text"], r["a_story"])


def model_input(store, codes: Iterable[str] | None = None, with_text: bool = True) -> ModelInput:
    """Everything the model needs. With ``codes``, only events involving those actors, and the
    articles, figures and quotes of the articles that have such events."""
    events = list(event_records(store, codes))
    ids = {r.article for r in events} if codes is not None else None
    return ModelInput(
        articles=list(article_records(store, ids, with_text)),
        events=events,
        quantities=list(quantity_records(store, articles=ids)),
        quotes=list(quote_records(store, articles=ids)),
    )
