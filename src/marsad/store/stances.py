"""Stated stances in the store (table of ``0004_stances.sql``), written and read with the article's layers."""

from __future__ import annotations

import json
import sqlite3

from marsad.types import Span, Stance


def write_stances(conn: sqlite3.Connection, article_num: int, stances: list[Stance]) -> None:
    conn.executemany(
        "INSERT INTO stances (article, seq, a, b, stance, dossiers, modality, evidence_start, evidence_end,"
        " evidence_text, cue_start, cue_end, cue_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article_num, i, s.a, s.b, s.stance, json.dumps(list(s.dossiers), ensure_ascii=False), s.modality,
          s.evidence.start, s.evidence.end, s.evidence.text,
          s.cue.start if s.cue else None, s.cue.end if s.cue else None, s.cue.text if s.cue else None)
         for i, s in enumerate(stances)],
    )


def read_stances(conn: sqlite3.Connection, article_num: int) -> list[Stance]:
    return [
        Stance(r["a"], r["b"], r["stance"], Span(r["evidence_start"], r["evidence_end"], r["evidence_text"]),
               Span(r["cue_start"], r["cue_end"], r["cue_text"]) if r["cue_start"] is not None else None,
               tuple(json.loads(r["dossiers"])), r["modality"])
        for r in conn.execute("SELECT * FROM stances WHERE article = ? ORDER BY seq", (article_num,))
    ]
