"""Event mentions and merged events in the store (tables of ``0003_event_mentions_merged.sql``).

* Every mention of a per-article event is kept in ``event_mentions`` (written with the article
  by :func:`marsad.store.codec.write_layers`, read back by ``read_layers``).
* The events of a story cluster merged across its articles (:func:`marsad.stories.events.merge_events`)
  are kept in ``merged_events`` with their mentions and member events. :func:`rebuild_merged`
  recomputes them for the clusters an ingest run touched; :func:`read_merged` reads them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from marsad.stories.events import MergedEvent, MergedMention, merge_events
from marsad.types import ActorRef, Event, Span


# ------------------------------------------------------------------ per-article event mentions
def write_event_mentions(conn: sqlite3.Connection, event_num: int, ev: Event) -> None:
    conn.executemany(
        "INSERT INTO event_mentions (event, seq, start, end, text) VALUES (?,?,?,?,?)",
        [(event_num, i, m.start, m.end, m.text) for i, m in enumerate(ev.mentions)],
    )


def read_event_extras(conn: sqlite3.Connection, article_num: int) -> dict[int, tuple[list[Span], list[str]]]:
    """Per event num of an article: its mentions, and the other articles its merged event lists."""
    out: dict[int, tuple[list[Span], list[str]]] = {}
    for r in conn.execute(
        "SELECT m.event, m.start, m.end, m.text FROM event_mentions m JOIN events e ON e.num = m.event"
        " WHERE e.article = ? ORDER BY m.event, m.seq", (article_num,)
    ):
        out.setdefault(r["event"], ([], []))[0].append(Span(r["start"], r["end"], r["text"]))
    for r in conn.execute(
        "SELECT DISTINCT e.num AS event, mm.article FROM events e"
        " JOIN merged_event_members x ON x.event = e.id"
        " JOIN merged_event_mentions mm ON mm.merged = x.merged"
        " JOIN articles a ON a.num = e.article"
        " WHERE e.article = ? AND mm.article != a.id ORDER BY e.num, mm.merged, mm.seq", (article_num,)
    ):
        arts = out.setdefault(r["event"], ([], []))[1]
        if r["article"] not in arts:
            arts.append(r["article"])
    return out


# ------------------------------------------------------------------ merged events
def merged_ids(store, article_id: str) -> dict[str, str]:
    """Event id -> id of the merged event it belongs to, for the events of one article."""
    return {r["event"]: r["id"] for r in store.conn.execute(
        "SELECT x.event, m.id FROM events e JOIN articles a ON a.num = e.article"
        " JOIN merged_event_members x ON x.event = e.id JOIN merged_events m ON m.num = x.merged"
        " WHERE a.id = ?", (article_id,))}


def clusters_to_merge(store, touched: Iterable[str]) -> list[str]:
    """The clusters whose merged events must be rebuilt: those touched (that hold events or
    merged events) and any cluster whose articles have events but no merged event yet."""
    conn = store.conn
    out = dict.fromkeys(c for c in touched if c)
    missing = conn.execute(
        "SELECT DISTINCT s.cluster FROM story_members s JOIN events e ON e.article = s.article"
        " WHERE NOT EXISTS (SELECT 1 FROM merged_events m WHERE m.cluster = s.cluster)"
    ).fetchall()
    out.update(dict.fromkeys(r["cluster"] for r in missing))
    return list(out)


def rebuild_merged(store, touched: Iterable[str] = ()) -> int:
    """Recompute the merged events of the clusters in ``touched`` (and of clusters that have
    events but no merged events); drop those of clusters that no longer exist. Returns the number
    of merged events written. Each cluster is rewritten in its own transaction."""
    conn = store.conn
    written = 0
    for cluster in clusters_to_merge(store, touched):
        has_events = conn.execute(
            "SELECT 1 FROM story_members s JOIN events e ON e.article = s.article WHERE s.cluster = ? LIMIT 1",
            (cluster,)).fetchone()
        if not has_events and not conn.execute(
                "SELECT 1 FROM merged_events WHERE cluster = ? LIMIT 1", (cluster,)).fetchone():
            continue  # nothing to merge and nothing merged before: no transaction
        merged = merge_events([store.get_article(i) for i in store.story(cluster)]) if has_events else []
        with store.transaction() as c:
            c.execute("DELETE FROM merged_events WHERE cluster = ?", (cluster,))
            # a renamed cluster may still hold the same merged events under its old name
            c.executemany("DELETE FROM merged_events WHERE id = ?", [(m.id,) for m in merged])
            for m in merged:
                _insert(c, cluster, m)
        written += len(merged)
    with store.transaction() as c:
        c.execute("DELETE FROM merged_events WHERE cluster NOT IN (SELECT cluster FROM story_members)")
    return written


def _insert(conn: sqlite3.Connection, cluster: str, m: MergedEvent) -> None:
    src, tgt = m.source, m.target
    cur = conn.execute(
        "INSERT INTO merged_events (id, cluster, type, mode, quad, intensity, source_entity, source_code,"
        " target_entity, target_code, date, date_precision, modality, dossiers, confidence, articles, outlets)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (m.id, cluster, m.type, m.mode, m.quad, m.intensity, src.entity if src else None, src.code if src else None,
         tgt.entity if tgt else None, tgt.code if tgt else None, m.date, m.date_precision, m.modality,
         json.dumps(m.dossiers, ensure_ascii=False), m.confidence, len(m.articles), len(m.outlets)),
    )
    num = cur.lastrowid
    conn.executemany("INSERT INTO merged_event_mentions (merged, seq, article, start, end, text)"
                     " VALUES (?,?,?,?,?,?)",
                     [(num, i, x.article, x.span.start, x.span.end, x.span.text) for i, x in enumerate(m.mentions)])
    conn.executemany("INSERT INTO merged_event_members (merged, event) VALUES (?, ?)",
                     [(num, e) for e in m.events])


def read_merged(store, *, cluster: str | None = None, date_from: str | None = None, date_to: str | None = None,
                dyad: tuple[str, str] | None = None) -> Iterator[MergedEvent]:
    """Stored merged events, ordered by date then id; filters as in :mod:`marsad.export`
    (``dyad`` matches either direction; undated events pass date filters only when unbounded)."""
    where, args = [], []
    if cluster is not None:
        where.append("m.cluster = ?")
        args.append(cluster)
    if date_from:
        where.append("m.date IS NOT NULL AND m.date >= substr(?, 1, length(m.date))")
        args.append(date_from)
    if date_to:
        where.append("m.date IS NOT NULL AND m.date <= substr(?, 1, length(m.date))")
        args.append(date_to)
    if dyad:
        where.append("((m.source_code = ? AND m.target_code = ?) OR (m.source_code = ? AND m.target_code = ?))")
        args.extend([dyad[0], dyad[1], dyad[1], dyad[0]])
    sql = "SELECT * FROM merged_events m" + (" WHERE " + " AND ".join(where) if where else "") + \
        " ORDER BY m.date IS NULL, m.date, m.id"
    conn = store.conn
    for r in conn.execute(sql, args).fetchall():
        mentions = [
            MergedMention(x["article"], x["outlet"], Span(x["start"], x["end"], x["text"]))
            for x in conn.execute(
                "SELECT mm.article, a.outlet, mm.start, mm.end, mm.text FROM merged_event_mentions mm"
                " LEFT JOIN articles a ON a.id = mm.article WHERE mm.merged = ? ORDER BY mm.seq", (r["num"],))
        ]
        events = [x["event"] for x in conn.execute(
            "SELECT event FROM merged_event_members WHERE merged = ? ORDER BY event", (r["num"],))]
        yield MergedEvent(
            id=r["id"], type=r["type"], mode=r["mode"], quad=r["quad"], intensity=r["intensity"],
            source=ActorRef(r["source_entity"], r["source_code"])
            if r["source_entity"] is not None or r["source_code"] is not None else None,
            target=ActorRef(r["target_entity"], r["target_code"])
            if r["target_entity"] is not None or r["target_code"] is not None else None,
            date=r["date"], date_precision=r["date_precision"], modality=r["modality"],
            dossiers=json.loads(r["dossiers"]), confidence=r["confidence"], mentions=mentions, events=events,
        )


__all__ = ["clusters_to_merge", "merged_ids", "read_event_extras", "read_merged", "rebuild_merged", "write_event_mentions"]
