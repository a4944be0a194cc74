"""``marsad extract`` on the shared seeds: every record schema-valid, every offset slice equals its text."""

from __future__ import annotations

import json

from click.testing import CliRunner

from marsad.cli import main
from marsad.contract import validate_record


def test_extract_seeds_records_are_valid_and_point_to_their_words(tmp_path, seeds_dir):
    out = tmp_path / "seeds.jsonl"
    r = CliRunner().invoke(main, ["extract", str(seeds_dir), "-o", str(out), "--text"])
    assert r.exit_code == 0, r.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    # four single articles and the items of the press compilation (004)
    assert len(records) >= 20
    assert len({r["id"] for r in records}) == len(records)
    spans = 0
    for rec in records:
        assert validate_record(rec) == [], rec["id"]
        text = rec["text"]
        for ent in rec["entities"]:
            for s, e in ent["mentions"]:
                assert 0 <= s < e <= len(text)
        for ev in rec["events"]:
            for sp in [ev["evidence"], *ev["mentions"]] + ([ev["trigger"]] if ev["trigger"] else []):
                assert text[sp["start"]:sp["end"]] == sp["text"]
                spans += 1
        for q in rec["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
            spans += 1
        for n in rec["quantities"]:
            assert text[n["start"]:n["end"]] == n["text"]
            spans += 1
    compiled = [r for r in records if r["parent"]]
    assert len({r["parent"] for r in compiled}) == 1 and len(compiled) >= 20
    assert sum(len(r["entities"]) for r in records) > 50
