"""`marsad entities` counts linked entities; `marsad show` marks the linked mentions in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

ROWS = [
    {"id": "e1", "title": "لقاء في سوتشي", "date": "2021-09-29",
     "text": "استقبل الرئيس الروسي بوتين نظيره التركي أردوغان في سوتشي، وقال بوتين إن موسكو وأنقرة تتعاونان."},
    {"id": "e2", "title": "اتصال", "date": "2021-12-03",
     "text": "بحث أردوغان مع بوتين هاتفيا الوضع في سوريا وأوكرانيا."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("ent")
    corpus = d / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    path = d / "e.db"
    r = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(path), "--layers", "text,actors"])
    assert r.exit_code == 0, r.output
    return path


def test_entities_lists_counts_across_articles(db):
    r = CliRunner().invoke(main, ["entities", "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    rows = {x["id"]: x for x in json.loads(r.stdout)}
    # Putin: role phrase + 2 names in e1, 1 name in e2 = 4; Erdogan: counterpart + name in e1, name in e2 = 3
    assert rows["person.putin_vladimir"]["articles"] == 2
    assert rows["person.putin_vladimir"]["mentions"] == 4
    assert rows["person.erdogan_recep_tayyip"]["mentions"] == 3
    assert rows["RUS"]["kind"] == "state" and rows["RUS"]["code"] == "RUS"


def test_entities_filters_by_kind_and_prints_a_table(db):
    r = CliRunner().invoke(main, ["entities", "--db", str(db), "--kind", "person"])
    assert r.exit_code == 0, r.output
    assert "person.putin_vladimir" in r.stdout and "TUR " not in r.stdout


def test_show_marks_linked_mentions_plainly(db):
    r = CliRunner().invoke(main, ["show", "e2", "--db", str(db), "--highlight", "plain"])
    assert r.exit_code == 0, r.output
    assert "[أردوغان|person.erdogan_recep_tayyip]" in r.stdout
    assert "[سوريا|SYR]" in r.stdout and "[أوكرانيا|UKR]" in r.stdout


def test_entities_without_database_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 3 and "no database" in r.output
