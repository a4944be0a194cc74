"""The gold annotation files are well-formed and their offsets fit the seed texts (see tests/gold/GUIDELINE.md)."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("marsad_gold_check", _HERE / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("marsad_gold_check", check_gold)
_spec.loader.exec_module(check_gold)

GOLD_FILES = check_gold.gold_files()


def test_gold_folder_is_not_empty():
    assert GOLD_FILES, f"no gold YAML in {check_gold.GOLD_DIR}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_gold_file_passes_schema_and_offset_checks(path: Path, seeds_dir: Path):
    problems, seed = check_gold.check_document(check_gold.load(path), path.name, seeds_dir)
    assert seed is not None
    assert problems == [], "\n".join(map(str, problems))


def test_no_item_is_annotated_twice_across_files(seeds_dir: Path):
    problems = [p for p in check_gold.check_all(seeds_dir=seeds_dir) if p.where.startswith("item ")]
    assert problems == [], "\n".join(map(str, problems))


def test_every_seed_has_gold(seeds_dir: Path):
    annotated = {check_gold.load(p)["file"] for p in GOLD_FILES}
    missing = sorted(p.name for p in seeds_dir.glob("*.txt") if p.name not in annotated)
    assert missing == []


def test_single_article_seeds_have_events_quotes_and_entities(seeds_dir: Path):
    for path in GOLD_FILES:
        doc = check_gold.load(path)
        if not doc["file"][:3] in {"000", "001", "002", "003"}:
            continue
        c = check_gold.counts(doc)
        assert c["articles"] == 1, path.name
        assert c["events"] >= 5 and c["entities"] >= 10, (path.name, c)


# --- the checker itself must catch broken records -------------------------------------------------------------
@pytest.fixture()
def sample(seeds_dir: Path) -> tuple[dict, str]:
    path = next(p for p in GOLD_FILES if p.name.startswith("003_"))
    return check_gold.load(path), path.name


def _messages(doc: dict, name: str, seeds_dir: Path) -> str:
    problems, _ = check_gold.check_document(doc, name, seeds_dir)
    return "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda a: a["events"][0].__setitem__("type", "HUG"), "not one of the 16 PLOVER types"),
        (lambda a: a["events"][0].__setitem__("mode", "aerial"), "not allowed for CONSULT"),
        (lambda a: a["events"][0].__setitem__("modality", "rumoured"), "modality"),
        (lambda a: a["events"][0].__setitem__("date", "03/12/2021"), "bad date"),
        (lambda a: a["events"][0]["evidence"].append([10, 10]), "must be < end"),
        (lambda a: a["events"][0]["evidence"].append([0, 10 ** 6]), "out of range"),
        (lambda a: a["events"][0].__setitem__("evidence", []), "non-empty list"),
        (lambda a: a["events"][0].pop("note"), "missing field 'note'"),
        (lambda a: a["events"][0].__setitem__("note", "x" * 300), "no copied sentences"),
        (lambda a: a["dossiers"].append("weather"), "unknown dossier id"),
        (lambda a: a["entities"].append({"kind": "planet", "code": None, "name_en": "Mars"}), "kind 'planet'"),
        (lambda a: a["quotes"][0].__setitem__("direct", "yes"), "must be true or false"),
        (lambda a: a["quantities"][0].__setitem__("what", "weight"), "'weight' not in"),
        (lambda a: a.__setitem__("published", "2021-12"), "bad date"),
        (lambda a: a["entities"].append({"kind": "person", "code": None, "name_en": "Nobody Here",
                                         "name_ar": ["اسم لا يرد في المقال أبدا"]}), "does not occur in the article"),
        (lambda a: a["entities"].append({"kind": "person", "code": None, "name_en": "Nobody Here",
                                         "name_ar": "نص"}), "must be a list of non-empty strings"),
    ],
)
def test_checker_reports_broken_fields(sample, seeds_dir: Path, mutate, expected: str):
    doc, name = sample
    assert _messages(doc, name, seeds_dir) == ""
    broken = copy.deepcopy(doc)
    mutate(broken["articles"][0])
    assert expected in _messages(broken, name, seeds_dir)


def test_checker_rejects_spans_on_whitespace(sample, seeds_dir: Path):
    doc, name = sample
    text = (seeds_dir / doc["file"]).read_text(encoding="utf-8")
    s, e = doc["articles"][0]["events"][0]["evidence"][0]
    assert not text[s].isspace()
    # widen the span to take in the next character, which the seed has as a blank or line break
    while e < len(text) and not text[e].isspace():
        e += 1
    broken = copy.deepcopy(doc)
    broken["articles"][0]["events"][0]["evidence"][0] = [s, e + 1]
    assert "whitespace" in _messages(broken, name, seeds_dir)
