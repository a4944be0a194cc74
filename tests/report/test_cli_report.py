"""``marsad report``: formats, dyad and dates, empty databases, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

ROWS = [  # invented items; the text layer only, so the database holds articles but no events
    {"id": "r1", "title": "لقاء في العاصمة", "date": "2023-05-02",
     "text": "عقد وزيرا خارجية البلدين لقاء مطولا تناول مشاريع الطاقة والنقل بين الجانبين."},
    {"id": "r2", "title": "أسعار", "date": "2023-05-03",
     "text": "تراجعت أسعار الحبوب في الأسواق المحلية بعد وصول شحنات جديدة إلى الموانئ."},
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("report_db")
    runner = CliRunner()
    src = tmp_path / "items.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    path = tmp_path / "r.db"
    r = runner.invoke(main, ["ingest", str(src), "--db", str(path), "--layers", "text"])
    assert r.exit_code == 0, r.output
    return path


def test_report_html_on_a_database_without_events(runner, db, tmp_path):
    out = tmp_path / "brief.html"
    r = runner.invoke(main, ["report", "--db", str(db), "--format", "html", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text
    assert "The database holds no coded events yet" in text
    assert "no_events" in r.output


def test_report_json_and_md_by_suffix(runner, db, tmp_path):
    r = runner.invoke(main, ["report", "--db", str(db), "--dyad", "TUR", "RUS", "--from", "2023", "--to",
                             "2023-12", "-o", str(tmp_path / "b.json")])
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert data["dyad"]["a"] == "TUR" and data["scope"]["from"] == "2023" and data["scope"]["to"] == "2023-12"
    assert data["status"] == "no_events" and data["counts"]["articles"] == 2
    r = runner.invoke(main, ["report", "--db", str(db), "--dyad", "TUR", "RUS", "-o", str(tmp_path / "b.md")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# Turkey – Russia")


def test_report_to_stdout(runner, db):
    r = runner.invoke(main, ["report", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0
    assert '"schema": "marsad.report/v1"' in r.output


def test_report_errors(runner, db, tmp_path):
    r = runner.invoke(main, ["report", "--db", str(tmp_path / "missing.db"), "-o", str(tmp_path / "x.html")])
    assert r.exit_code != 0 and "no database" in r.output
    assert not (tmp_path / "missing.db").exists()
    r = runner.invoke(main, ["report", "--db", str(db), "--from", "May 2023", "-o", str(tmp_path / "x.html")])
    assert r.exit_code != 0 and "YYYY" in r.output
    r = runner.invoke(main, ["report", "--db", str(db), "--dyad", "TUR", "TUR", "-o", str(tmp_path / "x.html")])
    assert r.exit_code != 0 and "two different" in r.output
