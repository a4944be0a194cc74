"""``marsad export``: jsonl records rebuilt from the store, PLOVER-style events, CSV for spreadsheets, filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from marsad.cli import main
from marsad.contract import article_to_dict, validate_record
from marsad.ingest import ingest
from marsad.pipeline import Component, Pipeline
from marsad.store import Store
from marsad.types import ActorRef, Article, Event, Quantity, Quote, Span

REPO = Path(__file__).resolve().parents[2]

TEXTS = {
    "e1": ("2021-09-30", "أنباء الصباح",
           "استقبل بوتين أردوغان في سوتشي أمس وبحثا ملف إدلب. وقال أردوغان إن اللقاء كان مثمرا. "
           "وبلغ التبادل التجاري 33 مليار دولار. وعاد أردوغان فالتقى بوتين مرة ثانية في المساء."),
    "e2": ("2022-03-10", "صحيفة المساء",
           "اتهمت موسكو أنقرة بتسليح الجيش الأوكراني بطائرات مسيرة، وردت الخارجية التركية برفض الاتهام."),
    "e3": ("2023-01-05", "إذاعة الغد",
           "أعلنت الحكومة الإيرانية إغلاق المعبر الحدودي مع العراق ثلاثة أيام بسبب العاصفة."),
}


def span(text: str, words: str) -> Span:
    s = text.index(words)
    return Span(s, s + len(words), words)


def add_layers(a: Article) -> Article:
    """A stand-in for the event and quote layers, written for these three texts."""
    t = a.text
    if a.id == "e1":
        first, second = span(t, "استقبل بوتين أردوغان في سوتشي"), span(t, "فالتقى بوتين مرة ثانية")
        a.events.append(Event("CONSULT", "visit", "verbal_coop", 4.0, ActorRef("erdogan", "TUR"),
                              ActorRef("putin", "RUS"), first, date="2021-09-29", date_precision="day",
                              dossiers=["syria"], mentions=[first, second]))
        said = span(t, "اللقاء كان مثمرا")
        a.quotes.append(Quote("erdogan", "Recep Tayyip Erdogan", span(t, "وقال"), said.text, said.start, said.end,
                              False))
        fig = span(t, "33 مليار دولار")
        a.quantities.append(Quantity(33e9, "USD", "trade_volume", fig.start, fig.end, fig.text))
        a.dossiers = ["syria", "trade_economy"]
    elif a.id == "e2":
        a.events.append(Event("ACCUSE", "allege", "verbal_conflict", -3.0, ActorRef(None, "RUS"),
                              ActorRef(None, "TUR"), span(t, "اتهمت موسكو أنقرة بتسليح الجيش الأوكراني")))
        a.events.append(Event("REJECT", None, "verbal_conflict", -2.0, ActorRef(None, "TUR"), ActorRef(None, "RUS"),
                              span(t, "وردت الخارجية التركية برفض الاتهام"), date="2022-03-10",
                              date_precision="day"))
    else:
        a.events.append(Event("COERCE", None, "material_conflict", -6.0, ActorRef(None, "IRN"),
                              ActorRef(None, "IRQ"), span(t, "إغلاق المعبر الحدودي مع العراق"), date="2023-01",
                              date_precision="month"))
    return a


def reader(_paths):
    for aid, (date, outlet, text) in TEXTS.items():
        yield Article(id=aid, text=text, outlet=outlet, published=date, title=f"عنوان {aid}", lang="ar")


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "x.db"
    with Store(path) as store:
        report = ingest(["ignored"], store, Pipeline([Component("layers", add_layers)]), reader=reader)
    assert report.new == 3
    return path


def run(db: Path, *args: str) -> str:
    r = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_jsonl_rebuilds_the_records_ingest_produced(db):
    lines = run(db, "--format", "jsonl").splitlines()
    recs = {r["id"]: r for r in map(json.loads, lines)}
    assert set(recs) == {"e1", "e2", "e3"}
    for rec in recs.values():
        assert validate_record(rec) == []
    expected = article_to_dict(add_layers(next(a for a in reader(()) if a.id == "e1")))
    got = recs["e1"]
    assert got["events"] == expected["events"]            # both mentions of the summit survive the store
    assert len(got["events"][0]["mentions"]) == 2
    assert got["quotes"] == expected["quotes"] and got["quantities"] == expected["quantities"]
    assert got["dossiers"] == ["syria", "trade_economy"]


def plover_cameo(event_type: str) -> str | None:
    path = REPO / "src" / "marsad" / "events" / "data" / "plover.yaml"
    if not path.exists():
        pytest.skip("the PLOVER crosswalk is not in this tree")
    roots = yaml.safe_load(path.read_text(encoding="utf-8"))["types"][event_type].get("cameo") or [None]
    return str(roots[0]).zfill(2) if roots[0] is not None else None


def test_plover_lines_carry_codes_evidence_and_provenance(db):
    recs = [json.loads(x) for x in run(db, "--format", "plover").splitlines()]
    assert len(recs) == 4
    summit = next(r for r in recs if r["event_type"] == "CONSULT")
    assert (summit["source_actor"], summit["target_actor"], summit["event_mode"]) == ("TUR", "RUS", "visit")
    assert summit["event_text"] == "استقبل بوتين أردوغان في سوتشي"
    assert summit["article_id"] == "e1" and summit["outlet"] == "أنباء الصباح"
    assert summit["event_date"] == "2021-09-29" and summit["intensity"] == 4.0
    assert summit["cameo_root"] == plover_cameo("CONSULT")
    assert summit["merged_event"] and summit["merged_event"].startswith("m")
    text = TEXTS["e1"][2]
    for m in summit["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_csv_has_bom_header_and_arabic_intact(db, tmp_path):
    out = tmp_path / "events.csv"
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4
    assert rows[0]["event_id"] and "event_text" in rows[0]
    accuse = next(r for r in rows if r["event_type"] == "ACCUSE")
    assert accuse["event_text"] == "اتهمت موسكو أنقرة بتسليح الجيش الأوكراني"   # comma inside: quoted by csv
    assert accuse["event_date"] == "" and accuse["published"] == "2022-03-10"
    assert next(r for r in rows if r["event_type"] == "CONSULT")["dossiers"] == "syria"


def test_filters_by_date_and_dyad(db):
    def types(*args):
        return sorted(json.loads(x)["event_type"] for x in run(db, "--format", "plover", *args).splitlines())

    assert types("--dyad", "tur", "rus") == ["ACCUSE", "CONSULT", "REJECT"]   # either direction, case folded
    assert types("--from", "2022-01-01") == ["ACCUSE", "COERCE", "REJECT"]      # undated ACCUSE: its article's date
    assert types("--to", "2022-12-31") == ["ACCUSE", "CONSULT", "REJECT"]
    assert types("--from", "2023-01-20", "--to", "2023-02-01") == ["COERCE"]    # 2023-01 overlaps the range
    ids = [json.loads(x)["id"] for x in run(db, "--format", "jsonl", "--dyad", "IRN", "IRQ").splitlines()]
    assert ids == ["e3"]


def test_bad_filters_are_errors(db):
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--from", "30/09/2021"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output
    r = CliRunner().invoke(main, ["export", "--db", str(db.parent / "none.db"), "--format", "csv"])
    assert r.exit_code != 0 and "no database" in r.output
