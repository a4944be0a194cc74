"""Writing an Article's layers to the tables of 0001_init.sql and reading them back.

Kept apart from :mod:`marsad.store.db` so the SQL of each layer sits in one place. All
functions take an open connection inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3

from marsad.store.merged import read_event_extras, write_event_mentions
from marsad.store.stances import read_stances, write_stances
from marsad.types import ActorRef, Article, Entity, Event, Mention, Quantity, Quote, Sentence, Span

ARTICLE_COLUMNS = (
    "id", "content_hash", "duplicate_of", "text", "title", "outlet", "author", "published", "url",
    "source", "source_line", "source_offset", "parent", "lang", "category", "flags", "notes",
    "sentences", "repeated_paragraphs",
)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(a: Article, content_hash: str, duplicate_of: str | None, with_layers: bool) -> tuple:
    if with_layers:
        sentences = _dumps([[s.start, s.end] for s in a.sentences])
        repeats = _dumps([list(r) for r in a.repeated_paragraphs])
    else:
        sentences = repeats = "[]"
    return (
        a.id, content_hash, duplicate_of, a.text, a.title, a.outlet, a.author, a.published, a.url,
        a.source, a.source_line, a.source_offset, a.parent, a.lang, a.category,
        _dumps(list(a.flags)), _dumps(list(a.notes)), sentences, repeats,
    )


def insert_article(conn: sqlite3.Connection, row: tuple) -> int:
    cols = ", ".join(ARTICLE_COLUMNS)
    marks = ", ".join("?" * len(ARTICLE_COLUMNS))
    cur = conn.execute(f"INSERT INTO articles ({cols}) VALUES ({marks})", row)
    return int(cur.lastrowid)


def write_layers(conn: sqlite3.Connection, num: int, a: Article) -> None:
    """Entities, mentions, events (+ dossiers), quotes, quantities and dossiers of one article."""
    if not (a.entities or a.mentions or a.events or a.quotes or a.quantities or a.dossiers or a.stances):
        return
    entities = dict(a.entities)
    conn.executemany(
        "INSERT INTO entities (article, id, kind, name_en, name_ar, country, code, kb) VALUES (?,?,?,?,?,?,?,?)",
        [(num, e.id, e.kind, e.name_en, e.name_ar, e.country, e.code, int(e.kb)) for e in entities.values()],
    )
    # Mentions live on the article (the canonical list) and on their entity; store the union once.
    mentions = list(a.mentions)
    seen = {(m.start, m.end, m.entity) for m in mentions}
    for e in entities.values():
        for m in e.mentions:
            if (m.start, m.end, m.entity) not in seen:
                seen.add((m.start, m.end, m.entity))
                mentions.append(m)
    conn.executemany(
        "INSERT INTO mentions (article, start, end, text, entity, method, confidence, acts_for)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [(num, m.start, m.end, m.text, m.entity, m.method, m.confidence, m.acts_for) for m in mentions],
    )
    for seq, ev in enumerate(a.events):
        src, tgt, trig = ev.source, ev.target, ev.trigger
        cur = conn.execute(
            "INSERT INTO events (article, id, type, mode, quad, intensity, source_entity, source_code,"
            " target_entity, target_code, evidence_start, evidence_end, evidence_text, trigger_start,"
            " trigger_end, trigger_text, date, date_precision, modality, confidence, seq)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                num, ev.id or f"{a.id}#e{seq}", ev.type, ev.mode, ev.quad, ev.intensity,
                _ref_entity(src), src.code if src else None,
                _ref_entity(tgt), tgt.code if tgt else None,
                ev.evidence.start, ev.evidence.end, ev.evidence.text,
                trig.start if trig else None, trig.end if trig else None, trig.text if trig else None,
                ev.date, ev.date_precision, ev.modality, ev.confidence, seq,
            ),
        )
        conn.executemany("INSERT OR IGNORE INTO event_dossiers (event, dossier) VALUES (?, ?)",
                         [(cur.lastrowid, d) for d in ev.dossiers])
        write_event_mentions(conn, cur.lastrowid, ev)  # 0003: every mention, not only the evidence
    conn.executemany(
        "INSERT INTO quotes (article, seq, start, end, text, speaker_entity, speaker_name, cue_start, cue_end,"
        " cue_text, direct) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (num, i, q.start, q.end, q.text, q.speaker_entity, q.speaker_name,
             q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None,
             int(q.direct))
            for i, q in enumerate(a.quotes)
        ],
    )
    conn.executemany(
        "INSERT INTO quantities (article, seq, start, end, text, value, unit, what, date) VALUES (?,?,?,?,?,?,?,?,?)",
        [(num, i, q.start, q.end, q.text, q.value, q.unit, q.what, q.date) for i, q in enumerate(a.quantities)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_dossiers (article, dossier, seq) VALUES (?,?,?)",
        [(num, d, i) for i, d in enumerate(a.dossiers)],
    )
    if a.stances:
        write_stances(conn, num, a.stances)  # 0004


def article_from_row(row: sqlite3.Row) -> Article:
    """The article's own fields and the layers kept in its row (sentences, repeats)."""
    return Article(
        id=row["id"], text=row["text"], title=row["title"], outlet=row["outlet"], author=row["author"],
        published=row["published"], url=row["url"], source=row["source"], source_line=row["source_line"],
        source_offset=row["source_offset"], parent=row["parent"], lang=row["lang"], category=row["category"],
        flags=json.loads(row["flags"]), notes=json.loads(row["notes"]),
        sentences=[Sentence(s, e) for s, e in json.loads(row["sentences"])],
        repeated_paragraphs=[(s, e) for s, e in json.loads(row["repeated_paragraphs"])],
    )


def read_layers(conn: sqlite3.Connection, num: int, a: Article) -> Article:
    """Fill the table-backed layers of ``a`` (stored under article ``num``)."""
    mentions = [
        Mention(r["start"], r["end"], r["text"], r["entity"], r["method"], r["confidence"], r["acts_for"])
        for r in conn.execute("SELECT * FROM mentions WHERE article = ? ORDER BY start, end", (num,))
    ]
    a.mentions = mentions
    for r in conn.execute("SELECT * FROM entities WHERE article = ?", (num,)):
        a.entities[r["id"]] = Entity(r["id"], r["kind"], r["name_en"], r["name_ar"], r["country"], r["code"],
                                     bool(r["kb"]), [m for m in mentions if m.entity == r["id"]])
    dossiers: dict[int, list[str]] = {}
    for r in conn.execute(
        "SELECT d.event, d.dossier FROM event_dossiers d JOIN events e ON e.num = d.event WHERE e.article = ?",
        (num,),
    ):
        dossiers.setdefault(r["event"], []).append(r["dossier"])
    extras = read_event_extras(conn, num)  # 0003: mentions, and the other articles of the merged event
    for r in conn.execute("SELECT * FROM events WHERE article = ? ORDER BY seq", (num,)):
        a.events.append(Event(
            type=r["type"], mode=r["mode"], quad=r["quad"], intensity=r["intensity"],
            source=ActorRef(r["source_entity"], r["source_code"])
            if r["source_entity"] is not None or r["source_code"] is not None else None,
            target=ActorRef(r["target_entity"], r["target_code"])
            if r["target_entity"] is not None or r["target_code"] is not None else None,
            evidence=Span(r["evidence_start"], r["evidence_end"], r["evidence_text"]),
            trigger=Span(r["trigger_start"], r["trigger_end"], r["trigger_text"])
            if r["trigger_start"] is not None else None,
            date=r["date"], date_precision=r["date_precision"], modality=r["modality"],
            dossiers=sorted(dossiers.get(r["num"], [])), confidence=r["confidence"], id=r["id"],
            mentions=extras.get(r["num"], ([], []))[0], articles=extras.get(r["num"], ([], []))[1],
        ))
    a.quotes = [
        Quote(r["speaker_entity"], r["speaker_name"],
              Span(r["cue_start"], r["cue_end"], r["cue_text"]) if r["cue_start"] is not None else None,
              r["text"], r["start"], r["end"], bool(r["direct"]))
        for r in conn.execute("SELECT * FROM quotes WHERE article = ? ORDER BY seq", (num,))
    ]
    a.quantities = [
        Quantity(r["value"], r["unit"], r["what"], r["start"], r["end"], r["text"], r["date"])
        for r in conn.execute("SELECT * FROM quantities WHERE article = ? ORDER BY seq", (num,))
    ]
    a.dossiers = [r["dossier"] for r in
                  conn.execute("SELECT dossier FROM article_dossiers WHERE article = ? ORDER BY seq", (num,))]
    a.stances = read_stances(conn, num)  # 0004
    return a


def article_dict(a: Article) -> dict:
    """A JSON-ready dict of an article and its layers (tokens and normalized views left out)."""
    def span(s: Span | None) -> dict | None:
        return s.as_dict() if s is not None else None

    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "author": a.author, "published": a.published,
        "url": a.url, "source": a.source, "source_line": a.source_line, "source_offset": a.source_offset,
        "parent": a.parent, "lang": a.lang, "category": a.category, "flags": list(a.flags),
        "notes": list(a.notes), "text": a.text,
        "sentences": [[s.start, s.end] for s in a.sentences],
        "repeated_paragraphs": [list(r) for r in a.repeated_paragraphs],
        "entities": [
            {"id": e.id, "kind": e.kind, "name_en": e.name_en, "name_ar": e.name_ar, "country": e.country,
             "code": e.code, "kb": e.kb} for e in a.entities.values()
        ],
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "entity": m.entity, "method": m.method,
             "confidence": m.confidence, "acts_for": m.acts_for} for m in a.mentions
        ],
        "events": [
            {"id": e.id, "type": e.type, "mode": e.mode, "quad": e.quad, "intensity": e.intensity,
             "source": _ref_dict(e.source), "target": _ref_dict(e.target),
             "evidence": span(e.evidence), "trigger": span(e.trigger), "date": e.date,
             "date_precision": e.date_precision, "modality": e.modality, "dossiers": list(e.dossiers),
             "confidence": e.confidence} for e in a.events
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker_entity": q.speaker_entity,
             "speaker_name": q.speaker_name, "cue": span(q.cue), "direct": q.direct} for q in a.quotes
        ],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit, "what": q.what,
             "date": q.date} for q in a.quantities
        ],
        "dossiers": list(a.dossiers),
        "stances": [
            {"a": s.a, "b": s.b, "stance": s.stance, "dossiers": list(s.dossiers), "modality": s.modality,
             "evidence": span(s.evidence), "cue": span(s.cue)} for s in a.stances
        ],
    }


def _ref_dict(r: ActorRef | None) -> dict | None:
    """An event side as a dict; ``agent`` only for generic actors (stored as entity ``agent:<AGENT>``)."""
    if r is None:
        return None
    d = {"entity": r.entity, "code": r.code}
    if r.agent is not None:
        d["agent"] = r.agent
    return d


def _ref_entity(r: ActorRef | None) -> str | None:
    """The entity column of an event side: a generic actor with no entity is stored as ``agent:<AGENT>``
    (``ActorRef`` reads the agent back from that prefix)."""
    if r is None:
        return None
    if r.entity is None and r.agent is not None:
        return f"agent:{r.agent}"
    return r.entity
