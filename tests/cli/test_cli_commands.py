"""The CLI over a real ingest: summary, idempotence, failures and exit codes, search, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

ROWS = [
    {"id": "c1", "title": "أردوغان يستقبل وفدا روسيا", "date": "2022-03-10",
     "text": "استقبل الرئيس التركي أردوغان في أنقرة وفدا روسيا رفيعا لبحث ملف الطاقة والممرات البحرية في البحر الأسود."},
    {"id": "c2", "title": "اتصال هاتفي", "date": "2022-03-11",
     "text": "بحث إردوغان وبوتين في اتصال هاتفي سبل خفض التصعيد في المنطقة وتبادل الأسرى بين الأطراف المتحاربة."},
    {"id": "c3", "title": "أسواق", "date": "2022-03-12",
     "text": "ارتفعت أسعار القمح في الأسواق العالمية بعد تعطل الشحنات القادمة من موانئ البحر الأسود منذ أيام."},
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def db(tmp_path: Path, runner, corpus) -> Path:
    path = tmp_path / "cli.db"
    r = runner.invoke(main, ["ingest", str(corpus), "--db", str(path), "--layers", "text"])
    assert r.exit_code == 0, r.output
    return path


def test_ingest_summary_and_rerun(runner, corpus, tmp_path):
    path = tmp_path / "a.db"
    r = runner.invoke(main, ["ingest", str(corpus), "--db", str(path), "--layers", "text"])
    assert r.exit_code == 0, r.output
    assert "articles read: 3" in r.stdout and "new:           3" in r.stdout and "failures:      0" in r.stdout
    r2 = runner.invoke(main, ["ingest", str(corpus), "--db", str(path), "--layers", "text", "--json"])
    assert r2.exit_code == 0
    data = json.loads(r2.stdout)
    assert (data["read"], data["new"], data["unchanged"]) == (3, 0, 3)


def test_ingest_failures_listed_with_file_and_line_and_exit_code(runner, tmp_path, corpus):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(ROWS[0], ensure_ascii=False) + "\n{this is not json\n", encoding="utf-8")
    r = runner.invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "f.db"), "--layers", "text"])
    assert r.exit_code == 2
    assert "failures:      1" in r.stdout
    assert f"{bad}:2" in r.stderr


def test_db_from_environment(runner, corpus, tmp_path, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("MARSAD_DB", str(path))
    r = runner.invoke(main, ["ingest", str(corpus), "--layers", "text"])
    assert r.exit_code == 0, r.output
    assert path.exists()


def test_search_spellings_and_json(runner, db):
    outs = []
    for q in ("أردوغان", "إردوغان", "اردوغان"):
        r = runner.invoke(main, ["search", q, "--db", str(db), "--json"])
        assert r.exit_code == 0, r.output
        outs.append([h["id"] for h in json.loads(r.stdout)])
    assert outs[0] == outs[1] == outs[2] and set(outs[0]) == {"c1", "c2"}
    r = runner.invoke(main, ["search", "وبوتين", "--db", str(db), "--json"])
    hits = json.loads(r.stdout)
    assert [h["id"] for h in hits] == ["c2"] and "«وبوتين»" in hits[0]["snippet"]


def test_search_text_output_is_readable(runner, db):
    r = runner.invoke(main, ["search", "القمح", "--db", str(db), "--limit", "1"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("1. c3")
    assert "«القمح»" in r.stdout and "\x1b[" not in r.stdout  # not a terminal: no colour codes


def test_malformed_query_message_and_exit_code(runner, db):
    r = runner.invoke(main, ["search", '"البحر الأسود', "--db", str(db)])
    assert r.exit_code == 2
    assert "unbalanced quotes" in r.stderr and "Traceback" not in r.output


def test_search_without_database_does_not_create_one(runner, tmp_path):
    path = tmp_path / "missing.db"
    r = runner.invoke(main, ["search", "تركيا", "--db", str(path)])
    assert r.exit_code == 3 and "marsad ingest" in r.stderr
    assert not path.exists()


def test_show_article_and_missing_id(runner, db):
    r = runner.invoke(main, ["show", "c2", "--db", str(db)])
    assert r.exit_code == 0
    assert "اتصال هاتفي" in r.stdout and ROWS[1]["text"] in r.stdout
    r = runner.invoke(main, ["show", "c2", "--db", str(db), "--json"])
    data = json.loads(r.stdout)
    assert data["id"] == "c2" and data["published"] == "2022-03-11" and data["cluster"]["id"] == "c2"
    r = runner.invoke(main, ["show", "nope", "--db", str(db)])
    assert r.exit_code == 3 and "nope" in r.stderr


@pytest.mark.parametrize("args", [[], ["ingest"], ["search"], ["show"]])
def test_help_everywhere(runner, args):
    r = runner.invoke(main, args + ["--help"])
    assert r.exit_code == 0 and "Usage:" in r.stdout
