"""``marsad extract``: JSON Lines of v1 records, failures counted, exit code, output file or stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.contract import validate_record

ROWS = [
    {"id": "x1", "title": "زيارة", "date": "2022-05-04", "outlet": "نشرة تجريبية",
     "text": "وصل وزير الخارجية الروسي سيرغي لافروف إلى أنقرة حيث التقى نظيره التركي مولود تشاووش أوغلو لبحث الأزمة."},
    {"id": "x2", "title": "طاقة", "date": "2022-05-05",
     "text": "قالت شركة غازبروم إن صادرات الغاز إلى تركيا عبر خط السيل التركي ارتفعت خلال الربع الأول من العام."},
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    p = tmp_path / "news.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in ROWS]
    lines.insert(1, "{not json")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_extract_writes_one_valid_record_per_article_and_fails_at_the_end(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--text"])
    assert r.exit_code == 2, r.output          # the malformed line is a failure ...
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2                      # ... but the other articles are written
    records = [json.loads(x) for x in lines]
    assert [x["id"] for x in records] == ["x1", "x2"]
    for rec in records:
        assert validate_record(rec) == []
    assert records[0]["outlet"] == "نشرة تجريبية" and records[0]["published"] == "2022-05-04"
    assert "لافروف" in lines[0]                 # ensure_ascii=False: Arabic written as is
    assert "news.jsonl:2" in r.output and "1 failures" in r.output
    ids = {e["id"] for e in records[0]["entities"]}
    assert {"RUS", "TUR"} <= {e["code"] for e in records[0]["entities"]}, ids


def test_extract_to_stdout_with_text_layer_only(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text("عنوان تجريبي\n\nتحدث الرئيسان عن التعاون في مجال الطاقة والسياحة بين البلدين.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(p), "--layers", "text"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert len(recs) == 1
    assert recs[0]["entities"] == [] and recs[0]["source"] == str(p)
    assert "text" not in recs[0]


def test_missing_input_is_reported_and_exit_code_is_two(tmp_path):
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2
    assert "no such file" in r.output
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == ""
