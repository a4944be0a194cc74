"""``marsad eval extract``: per-layer scores on the gold seeds, as a table and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import main

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


def test_eval_extract_json_has_every_layer(seeds_dir):
    r = CliRunner().invoke(main, ["eval", "extract", str(GOLD), "--seeds", str(seeds_dir), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data["layers"]) == {"entities", "events", "events_type", "quotes", "quantities", "dossiers",
                                   "metadata"}
    assert data["gold_articles"] >= 20 and data["paired"] == data["gold_articles"]
    ents = data["layers"]["entities"]
    assert ents["tp"] + ents["fn"] > 100 and 0 < ents["f1"] <= 1
    # the type-only line is never stricter than type + codes
    assert data["layers"]["events_type"]["tp"] >= data["layers"]["events"]["tp"]


def test_eval_extract_missing_seeds_is_an_error(tmp_path):
    r = CliRunner().invoke(main, ["eval", "extract", str(GOLD), "--seeds", str(tmp_path / "none")])
    assert r.exit_code != 0 and "no seed folder" in r.output
