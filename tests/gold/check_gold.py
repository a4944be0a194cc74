"""Validate the gold annotation files in tests/gold/seeds/ against the seed texts.

Importable (``check_document``, ``check_all``, ``counts``) and runnable::

    python tests/gold/check_gold.py [--seeds PATH]

Each gold YAML names its seed in ``file:``; several YAML files may share one seed (``<stem>.part2.yaml``),
in which case item numbers must not repeat across them. Offsets are Python ``str`` indices into the seed
decoded as UTF-8, end exclusive. See tests/gold/GUIDELINE.md for the meaning of every field.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

GOLD_DIR = Path(__file__).resolve().parent / "seeds"
DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

EVENT_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
                         "misinformation", "cyber"}),
    # EVENTS.md lists the first six and ends with an ellipsis; the rest are PLOVER's remaining assault modes.
    "ASSAULT": frozenset({"aerial", "drone", "heavy-weapons", "firearms", "explosives", "targeted", "beat",
                          "primitive", "sexual", "torture", "chemical", "biological", "nuclear", "radiological"}),
}
MODALITIES = frozenset({"asserted", "future", "hypothetical", "negated"})
ENTITY_KINDS = frozenset({"state", "person", "org", "place", "thing"})
DOSSIERS = frozenset({
    "syria", "iraq", "yemen", "libya", "israel_palestine", "iran_nuclear", "korea", "ukraine_crimea",
    "south_caucasus", "black_sea", "nato_alliances", "eu_relations", "us_relations", "energy_oil_gas",
    "nuclear_energy", "arms_trade", "trade_economy", "sanctions", "terrorism_security", "migration_refugees",
    "tourism", "chemical_weapons", "human_rights_law", "elections_domestic", "diplomacy_mediation", "history",
    "other",
})
QUANTITY_WHAT = frozenset({"trade_volume", "trade_target", "investment", "tourists", "gas_volume", "casualties",
                           "troops", "power_capacity", "duration", "price", "other"})
TOP_KEYS = frozenset({"file", "annotator", "articles"})
#: optional: the date of a press compilation, expected for its items that state no date of their own
TOP_OPTIONAL = frozenset({"compilation_published"})
ARTICLE_KEYS = frozenset({"item", "anchor", "span", "outlet", "published", "dossiers", "entities", "events",
                          "quotes", "quantities"})
EVENT_KEYS = frozenset({"type", "mode", "source", "target", "modality", "date", "evidence", "note"})
QUOTE_KEYS = frozenset({"speaker", "speaker_code", "cue", "span", "direct"})
QUANTITY_KEYS = frozenset({"value", "unit", "what", "date", "span"})
ENTITY_KEYS = frozenset({"kind", "code", "name_en"})
#: optional: the Arabic forms the article names an entity by (for entities the knowledge base lacks)
ENTITY_OPTIONAL = frozenset({"name_ar"})
#: quotation marks and tatweel a name_ar form may leave out of the text it is read from
_NAME_DROPPED = '"\u201c\u201d\u201e\u00ab\u00bb\u0640'


ACTOR_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
ISO3 = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
#: gold files must not carry sentences of the seeds: any string longer than this is reported
MAX_LABEL = 100


@dataclass(frozen=True)
class Problem:
    """One schema or offset violation in a gold file."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


class GoldFormatError(Exception):
    """A gold file cannot be read at all (not YAML, or not a mapping)."""


def _date_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


class _Checker:
    def __init__(self, name: str, text: str | None):
        self.name = name
        self.text = text
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, where, message))

    def keys(self, where: str, obj: Any, allowed: frozenset[str], required: frozenset[str]) -> bool:
        if not isinstance(obj, dict):
            self.add(where, f"expected a mapping, got {type(obj).__name__}")
            return False
        missing = sorted(required - obj.keys())
        for k in missing:
            self.add(where, f"missing field {k!r}")
        for k in sorted(set(obj) - allowed):
            self.add(where, f"unknown field {k!r}")
        return not missing

    def label(self, where: str, value: Any, *, nullable: bool) -> None:
        if value is None:
            if not nullable:
                self.add(where, "must not be null")
            return
        if not isinstance(value, str) or not value.strip():
            self.add(where, f"expected a non-empty string, got {value!r}")
        elif len(value) > MAX_LABEL:
            self.add(where, f"string of {len(value)} chars: labels must be short (no copied sentences)")

    def code(self, where: str, value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not ACTOR_CODE.match(value)):
            self.add(where, f"actor code must be null or upper-case letters/digits, got {value!r}")

    def date(self, where: str, value: Any, *, day: bool = False) -> None:
        text = _date_text(value)
        if text is None:
            return
        pattern = DAY if day else DATE
        if not pattern.match(text):
            self.add(where, f"bad date {value!r} (want {'YYYY-MM-DD' if day else 'YYYY, YYYY-MM or YYYY-MM-DD'})")

    def span(self, where: str, value: Any, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
        if (not isinstance(value, (list, tuple)) or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            self.add(where, f"span must be [start, end] integers, got {value!r}")
            return None
        s, e = value
        if not s < e:
            self.add(where, f"start {s} must be < end {e}")
            return None
        if self.text is not None:
            if s < 0 or e > len(self.text):
                self.add(where, f"[{s}, {e}] out of range 0..{len(self.text)}")
                return None
            if self.text[s].isspace() or self.text[e - 1].isspace():
                self.add(where, f"[{s}, {e}] starts or ends on whitespace")
        if within is not None and not (within[0] <= s and e <= within[1]):
            self.add(where, f"[{s}, {e}] lies outside the article span {list(within)}")
        return s, e

    # -- records ---------------------------------------------------------------------------------------------
    def entity(self, where: str, en: Any, art: tuple[int, int] | None = None) -> None:
        if not self.keys(where, en, ENTITY_KEYS | ENTITY_OPTIONAL, ENTITY_KEYS):
            return
        if "name_ar" in en:
            self.arabic_forms(where + ".name_ar", en["name_ar"], art)
        if en["kind"] not in ENTITY_KINDS:
            self.add(where, f"kind {en['kind']!r} not in {sorted(ENTITY_KINDS)}")
        self.code(where + ".code", en["code"])
        if en["kind"] == "state" and en["code"] is not None and not ISO3.match(str(en["code"])):
            self.add(where, f"state code must be ISO3, got {en['code']!r}")
        if en["kind"] == "person" and en["code"] is not None:
            self.add(where, "people carry no code (their state goes in events)")
        self.label(where + ".name_en", en["name_en"], nullable=False)

    def arabic_forms(self, where: str, forms: Any, art: tuple[int, int] | None) -> None:
        """name_ar: a list of forms, each found in the article's text (quotes and tatweel aside)."""
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            self.add(where, f"must be a list of non-empty strings, got {forms!r}")
            return
        if self.text is None or art is None:
            return
        drop = str.maketrans("", "", _NAME_DROPPED)
        body = " ".join(self.text[art[0]:art[1]].translate(drop).split())
        for f in forms:
            if len(f) > MAX_LABEL:
                self.add(where, f"form of {len(f)} chars: a name, not a sentence")
            elif " ".join(f.translate(drop).split()) not in body:
                self.add(where, f"form {f!r} does not occur in the article")

    def event(self, where: str, ev: Any, art: tuple[int, int] | None) -> None:
        if not self.keys(where, ev, EVENT_KEYS, EVENT_KEYS):
            return
        etype, mode = ev["type"], ev["mode"]
        if etype not in EVENT_MODES:
            self.add(where, f"type {etype!r} is not one of the 16 PLOVER types")
        elif mode is not None and mode not in EVENT_MODES[etype]:
            self.add(where, f"mode {mode!r} not allowed for {etype} (allowed: {sorted(EVENT_MODES[etype]) or 'none'})")
        self.code(where + ".source", ev["source"])
        self.code(where + ".target", ev["target"])
        if ev["source"] is not None and ev["source"] == ev["target"]:
            self.add(where, "source and target are the same actor")
        if ev["modality"] not in MODALITIES:
            self.add(where, f"modality {ev['modality']!r} not in {sorted(MODALITIES)}")
        self.date(where + ".date", ev["date"])
        evidence = ev["evidence"]
        if not isinstance(evidence, list) or not evidence:
            self.add(where, "evidence must be a non-empty list of spans")
        else:
            for k, sp in enumerate(evidence):
                self.span(f"{where}.evidence[{k}]", sp, art)
            if len({tuple(sp) for sp in evidence if isinstance(sp, list)}) != len(evidence):
                self.add(where, "duplicate evidence span")
        self.label(where + ".note", ev["note"], nullable=False)

    def quote(self, where: str, qu: Any, art: tuple[int, int] | None) -> None:
        if not self.keys(where, qu, QUOTE_KEYS, QUOTE_KEYS):
            return
        self.label(where + ".speaker", qu["speaker"], nullable=False)
        self.code(where + ".speaker_code", qu["speaker_code"])
        cue = self.span(where + ".cue", qu["cue"], art)
        content = self.span(where + ".span", qu["span"], art)
        if cue and content and cue[0] < content[1] and content[0] < cue[1]:
            self.add(where, "cue overlaps the quoted span")
        if not isinstance(qu["direct"], bool):
            self.add(where + ".direct", f"must be true or false, got {qu['direct']!r}")

    def quantity(self, where: str, qt: Any, art: tuple[int, int] | None) -> None:
        if not self.keys(where, qt, QUANTITY_KEYS, QUANTITY_KEYS):
            return
        value = qt["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            self.add(where + ".value", f"must be a non-negative number, got {value!r}")
        self.label(where + ".unit", qt["unit"], nullable=False)
        if qt["what"] not in QUANTITY_WHAT:
            self.add(where + ".what", f"{qt['what']!r} not in {sorted(QUANTITY_WHAT)}")
        self.date(where + ".date", qt["date"])
        self.span(where + ".span", qt["span"], art)

    def article(self, where: str, a: Any) -> None:
        if not self.keys(where, a, ARTICLE_KEYS, ARTICLE_KEYS):
            return
        if not isinstance(a["item"], int) or isinstance(a["item"], bool) or a["item"] < 1:
            self.add(where + ".item", f"must be an integer >= 1, got {a['item']!r}")
        art = self.span(where + ".span", a["span"])
        self.span(where + ".anchor", a["anchor"], art)
        if a["outlet"] is not None:
            self.label(where + ".outlet", a["outlet"], nullable=True)
        self.date(where + ".published", a["published"], day=True)
        dossiers = a["dossiers"]
        if not isinstance(dossiers, list):
            self.add(where + ".dossiers", "must be a list")
        else:
            for d in dossiers:
                if d not in DOSSIERS:
                    self.add(where + ".dossiers", f"unknown dossier id {d!r}")
            if len(set(map(str, dossiers))) != len(dossiers):
                self.add(where + ".dossiers", "repeated dossier id")
        for field, fn in (("entities", self.entity), ("events", self.event), ("quotes", self.quote),
                          ("quantities", self.quantity)):
            rows = a[field]
            if not isinstance(rows, list):
                self.add(f"{where}.{field}", "must be a list (use [] when empty)")
                continue
            for k, row in enumerate(rows):
                fn(f"{where}.{field}[{k}]", row, art)
        if isinstance(a["entities"], list):
            keys = Counter((e.get("kind"), e.get("code"), e.get("name_en")) for e in a["entities"] if isinstance(e, dict))
            for key, n in keys.items():
                if n > 1:
                    self.add(where + ".entities", f"entity {key} listed {n} times")


def check_document(doc: Any, name: str, seeds_dir: Path) -> tuple[list[Problem], str | None]:
    """Check one parsed gold document; returns the problems and the seed file it annotates (or None)."""
    seed_name = doc.get("file") if isinstance(doc, dict) else None
    text = None
    if isinstance(seed_name, str):
        seed_path = seeds_dir / seed_name
        if seed_path.is_file():
            text = seed_path.read_text(encoding="utf-8")
    ck = _Checker(name, text)
    if not ck.keys("top", doc, TOP_KEYS | TOP_OPTIONAL, TOP_KEYS):
        return ck.problems, None
    if doc.get("compilation_published") is not None:
        ck.date("compilation_published", doc["compilation_published"], day=True)
    if text is None:
        ck.add("file", f"seed {seed_name!r} not found in {seeds_dir}")
    ck.label("annotator", doc["annotator"], nullable=False)
    articles = doc["articles"]
    if not isinstance(articles, list) or not articles:
        ck.add("articles", "must be a non-empty list")
        return ck.problems, seed_name
    for i, a in enumerate(articles):
        ck.article(f"articles[{i}]", a)
    return ck.problems, seed_name


def load(path: Path) -> Any:
    """Parse one gold YAML file."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldFormatError(f"{path.name}: not valid YAML: {exc}") from exc


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(gold_dir.glob("*.yaml"))


def check_all(gold_dir: Path = GOLD_DIR, seeds_dir: Path = DEFAULT_SEEDS) -> list[Problem]:
    """Check every gold file, plus item numbers repeated across files that annotate the same seed."""
    problems: list[Problem] = []
    items: dict[str, dict[int, str]] = defaultdict(dict)
    for path in gold_files(gold_dir):
        try:
            doc = load(path)
        except GoldFormatError as exc:
            problems.append(Problem(path.name, "yaml", str(exc)))
            continue
        found, seed = check_document(doc, path.name, seeds_dir)
        problems.extend(found)
        if seed and isinstance(doc.get("articles"), list):
            for a in doc["articles"]:
                item = a.get("item") if isinstance(a, dict) else None
                if isinstance(item, int):
                    if item in items[seed]:
                        problems.append(Problem(path.name, f"item {item}",
                                                f"item already annotated in {items[seed][item]}"))
                    items[seed][item] = path.name
    return problems


def counts(doc: Any) -> dict[str, int]:
    """Row counts of one parsed gold document."""
    arts = [a for a in (doc.get("articles") or []) if isinstance(a, dict)]
    def total(field: str) -> int:
        return sum(len(a.get(field) or []) for a in arts)
    return {
        "articles": len(arts),
        "entities": total("entities"),
        "events": total("events"),
        "evidence": sum(len(e.get("evidence") or []) for a in arts for e in (a.get("events") or [])),
        "quotes": total("quotes"),
        "quantities": total("quantities"),
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"seeds folder not found: {args.seeds}", file=sys.stderr)
        return 2
    header = f"{'file':42} {'art':>4} {'ent':>4} {'evt':>4} {'evid':>5} {'quo':>4} {'qty':>4}"
    print(header)
    grand: Counter[str] = Counter()
    for path in gold_files(args.gold):
        try:
            c = counts(load(path) or {})
        except (GoldFormatError, AttributeError):
            print(f"{path.name:42} (unreadable)")
            continue
        grand.update(c)
        print(f"{path.name:42} {c['articles']:>4} {c['entities']:>4} {c['events']:>4} {c['evidence']:>5} "
              f"{c['quotes']:>4} {c['quantities']:>4}")
    print(f"{'TOTAL':42} {grand['articles']:>4} {grand['entities']:>4} {grand['events']:>4} {grand['evidence']:>5} "
          f"{grand['quotes']:>4} {grand['quantities']:>4}")
    problems = check_all(args.gold, args.seeds)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
