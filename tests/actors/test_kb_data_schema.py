"""Schema checks for the actor knowledge base YAML files (src/marsad/actors/data).

Independent of the loader: reads the files with PyYAML and checks the rules of the
KB schema (required fields per kind, id formats, unique ids, ISO3 references,
role dates, ambiguity table) plus one data-quality rule: an Arabic surface form,
crudely normalised, may be claimed by two different entries only when
ambiguous.yaml lists it with all of its claimants.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "marsad" / "actors" / "data"

KINDS = {"state", "org", "group", "company", "person", "place", "thing"}
FILE_KIND = {
    "states.yaml": "state",
    "orgs.yaml": "org",
    "groups.yaml": "group",
    "companies.yaml": "company",
    "places.yaml": "place",
    "things.yaml": "thing",
}
SPECIAL_FILES = {"titles.yaml", "ambiguous.yaml"}
PLACE_TYPES = {"city", "town", "region", "governorate", "sea", "strait", "river", "island", "base", "facility"}
THING_TYPES = {"agreement", "format", "project", "weapon", "pipeline", "plant", "initiative", "operation"}
TITLES = {
    "president", "vice_president", "prime_minister", "foreign_minister", "defence_minister",
    "energy_minister", "interior_minister", "finance_minister", "economy_minister", "trade_minister",
    "spokesperson", "foreign_ministry_spokesperson", "intelligence_chief", "chief_of_staff",
    "king", "crown_prince", "emir", "sultan", "supreme_leader", "chancellor", "secretary_general",
    "high_representative", "commission_president", "council_president", "speaker", "ambassador",
    "envoy", "commander", "leader", "special_envoy", "national_security_adviser", "communications_director",
}
RULES = {"date_role", "context_first_name", "context_gazetteer", "prefer_state", "skip"}
PSEUDO_CANDIDATES = {"common_word", "month"}
COMMON_FIELDS = ("id", "kind", "name_en", "name_ar", "variants", "country", "code")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_+]*$")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")

_DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def norm(text: str) -> str:
    """Crude Arabic key: no diacritics/tatweel, alef forms folded, ة→ه, ى→ي."""
    return " ".join(_DIACRITICS.sub("", text).translate(_FOLDS).split())


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def files() -> dict[str, object]:
    paths = sorted(DATA.glob("*.yaml"))
    if not paths:
        pytest.fail(f"no YAML files in {DATA}")
    return {p.name: _load(p) for p in paths}


@pytest.fixture(scope="module")
def entries(files) -> list[tuple[str, dict]]:
    out = []
    for name, content in files.items():
        if name in SPECIAL_FILES:
            continue
        assert isinstance(content, list), f"{name}: top level must be a list"
        for entry in content:
            assert isinstance(entry, dict), f"{name}: every entry must be a mapping, got {entry!r}"
            out.append((name, entry))
    return out


@pytest.fixture(scope="module")
def state_ids(entries) -> set[str]:
    return {e["id"] for _, e in entries if e.get("kind") == "state"}


@pytest.fixture(scope="module")
def all_ids(entries) -> set[str]:
    return {e["id"] for _, e in entries}


@pytest.fixture(scope="module")
def actor_codes(entries) -> set[str]:
    return {e["code"] for _, e in entries if e.get("kind") in {"org", "group", "company"} and e.get("code")}


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    assert isinstance(value, str), f"{where}: date must be YYYY-MM-DD, got {value!r}"
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:  # pragma: no cover - message only
        raise AssertionError(f"{where}: unparseable date {value!r}") from exc


def test_expected_files_present(files):
    for name in [*FILE_KIND, *SPECIAL_FILES]:
        assert name in files, f"missing {name}"


def test_common_fields_and_kinds(entries):
    problems = []
    for name, e in entries:
        where = f"{name}:{e.get('id')}"
        for field in COMMON_FIELDS:
            if field not in e:
                problems.append(f"{where}: missing {field}")
        if e.get("kind") not in KINDS:
            problems.append(f"{where}: bad kind {e.get('kind')!r}")
        expected = FILE_KIND.get(name, "person" if name.startswith("people") else None)
        if expected and e.get("kind") != expected:
            problems.append(f"{where}: kind {e.get('kind')!r} in {name}")
        for field in ("name_en", "name_ar"):
            if not isinstance(e.get(field), str) or not e.get(field).strip():
                problems.append(f"{where}: {field} must be a non-empty string")
        if isinstance(e.get("name_ar"), str) and not ARABIC_RE.search(e["name_ar"]):
            problems.append(f"{where}: name_ar has no Arabic letters")
        if not isinstance(e.get("variants"), list):
            problems.append(f"{where}: variants must be a list")
        else:
            for v in e["variants"]:
                if not isinstance(v, str) or not ARABIC_RE.search(v):
                    problems.append(f"{where}: variant {v!r} is not an Arabic string")
        if "en_variants" in e and not (
            isinstance(e["en_variants"], list) and all(isinstance(v, str) and v for v in e["en_variants"])
        ):
            problems.append(f"{where}: en_variants must be a list of strings")
    assert not problems, "\n".join(problems)


def test_id_and_code_formats(entries):
    problems = []
    for name, e in entries:
        kind, eid, code = e.get("kind"), e.get("id"), e.get("code")
        if kind == "state":
            if not re.fullmatch(r"[A-Z]{3}", str(eid)):
                problems.append(f"{name}: state id {eid!r} is not ISO3")
            if code != eid:
                problems.append(f"{name}:{eid}: state code must equal its id")
            if e.get("country") != eid:
                problems.append(f"{name}:{eid}: state country must equal its id")
        else:
            if not re.fullmatch(rf"{kind}\.[a-z0-9_]+", str(eid)):
                problems.append(f"{name}: id {eid!r} must look like {kind}.<ascii_slug>")
            if kind in {"org", "group", "company"}:
                if not isinstance(code, str) or not CODE_RE.match(code):
                    problems.append(f"{name}:{eid}: code {code!r} must be upper-case")
            elif code is not None:
                problems.append(f"{name}:{eid}: {kind} code must be null")
    assert not problems, "\n".join(problems)


def test_ids_unique_across_files(entries):
    seen: dict[str, str] = {}
    dupes = []
    for name, e in entries:
        if e["id"] in seen:
            dupes.append(f"{e['id']} in {seen[e['id']]} and {name}")
        seen[e["id"]] = name
    assert not dupes, "\n".join(dupes)


def test_state_fields(entries):
    problems = []
    states = [(n, e) for n, e in entries if e.get("kind") == "state"]
    assert len(states) >= 197, f"expected 193 UN members + 4 others, got {len(states)}"
    for name, e in states:
        where = f"{name}:{e['id']}"
        adj = e.get("adjectives")
        if not isinstance(adj, dict) or not {"m", "f"} <= set(adj):
            problems.append(f"{where}: adjectives need m and f")
            continue
        for key, forms in adj.items():
            if key not in {"m", "f", "pl"} or not isinstance(forms, list):
                problems.append(f"{where}: adjectives.{key} must be a list under m/f/pl")
            elif any(f.startswith("ال") for f in forms):
                problems.append(f"{where}: adjectives.{key} must be indefinite: {forms}")
        if (not adj.get("m") or not adj.get("f")) and not e.get("note"):
            problems.append(f"{where}: empty adjectives need a note")
        if not isinstance(e.get("capital"), str) or not ARABIC_RE.search(e["capital"]):
            problems.append(f"{where}: capital must be an Arabic string")
        cap_en = e.get("capital_en")
        if not isinstance(cap_en, str) or not cap_en.strip() or ARABIC_RE.search(cap_en):
            problems.append(f"{where}: capital_en must be the capital's name in Latin letters")
        if not isinstance(e.get("seats", []), list):
            problems.append(f"{where}: seats must be a list")
    assert not problems, "\n".join(problems)


def test_well_known_states_present(state_ids):
    for iso3 in ["TUR", "RUS", "USA", "GBR", "SYR", "PSE", "VAT", "XKX", "TWN", "SSD", "PRK", "KOR"]:
        assert iso3 in state_ids


def test_rivals_are_other_actor_entries_read_both_ways(entries):
    """``rivals``: ids of other state/org/group entries (rival camps of one conflict), no self, no
    repeats; declared on one side or both, never contradicting: both sides list each other or only one does."""
    by_id = {e["id"]: e for _, e in entries}
    problems = []
    declared = set()
    for name, e in entries:
        rivals = e.get("rivals")
        if rivals is None:
            continue
        where = f"{name}:{e['id']}"
        if e.get("kind") not in {"state", "org", "group"}:
            problems.append(f"{where}: only states, organizations and groups have rivals")
        if not isinstance(rivals, list) or not rivals:
            problems.append(f"{where}: rivals must be a non-empty list of ids")
            continue
        if len(set(rivals)) != len(rivals):
            problems.append(f"{where}: rivals repeated: {rivals}")
        for r in rivals:
            if r == e["id"]:
                problems.append(f"{where}: an entry is not its own rival")
            elif r not in by_id:
                problems.append(f"{where}: rival {r!r} is not an id of the knowledge base")
            elif by_id[r].get("kind") not in {"state", "org", "group"}:
                problems.append(f"{where}: rival {r!r} is a {by_id[r].get('kind')}, not an actor")
            declared.add((e["id"], r))
    assert not problems, "\n".join(problems)
    # the shipped pairs the model relies on (Libya, Karabakh) are there, whichever side declares them
    pairs = {frozenset(p) for p in declared}
    assert frozenset({"group.lna", "group.gna"}) in pairs
    assert frozenset({"AZE", "ARM"}) in pairs


def test_rival_codes_read_both_ways(tmp_path):
    """The loader reads a pair declared on one side only as rivals of each other, by actor code."""
    from marsad.actors.kb import KnowledgeBase
    from marsad.errors import KnowledgeBaseError

    (tmp_path / "mine.yaml").write_text(
        "- {id: group.alpha_front, kind: group, name_en: Alpha Front, name_ar: جبهة ألفا, variants: [],"
        " country: TUR, code: ALPHA, rivals: [group.beta_front]}\n"
        "- {id: group.beta_front, kind: group, name_en: Beta Front, name_ar: جبهة بيتا, variants: [],"
        " country: TUR, code: BETA}\n", encoding="utf-8")
    kb = KnowledgeBase.load([tmp_path], packaged=False)
    rivals = kb.rival_codes()
    assert rivals["ALPHA"] == {"BETA"} and rivals["BETA"] == {"ALPHA"}
    (tmp_path / "mine.yaml").write_text(
        "- {id: group.alpha_front, kind: group, name_en: Alpha Front, name_ar: جبهة ألفا, variants: [],"
        " country: TUR, code: ALPHA, rivals: [group.nowhere]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase.load([tmp_path], packaged=False)


def test_country_and_member_references(entries, state_ids):
    problems = []
    for name, e in entries:
        where = f"{name}:{e['id']}"
        country = e.get("country")
        if country is not None and country not in state_ids:
            problems.append(f"{where}: country {country!r} is not a state id")
        for member in e.get("members") or []:
            if member not in state_ids:
                problems.append(f"{where}: member {member!r} is not a state id")
        if e.get("kind") == "place":
            if e.get("place_type") not in PLACE_TYPES:
                problems.append(f"{where}: place_type {e.get('place_type')!r}")
        if e.get("kind") == "thing":
            if e.get("thing_type") not in THING_TYPES:
                problems.append(f"{where}: thing_type {e.get('thing_type')!r}")
    assert not problems, "\n".join(problems)


def test_person_roles(entries, state_ids, actor_codes):
    problems = []
    for name, e in entries:
        if e.get("kind") != "person":
            continue
        where = f"{name}:{e['id']}"
        roles = e.get("roles")
        if not isinstance(roles, list):
            problems.append(f"{where}: roles must be a list")
            continue
        for role in roles:
            if role.get("title") not in TITLES:
                problems.append(f"{where}: unknown title {role.get('title')!r}")
            of = role.get("of")
            if of not in state_ids and of not in actor_codes:
                problems.append(f"{where}: role of {of!r} is neither a state id nor an actor code")
            try:
                start = _date(role.get("from"), where)
                end = role.get("to")
                if end is not None and _date(end, where) < start:
                    problems.append(f"{where}: role {role.get('title')} ends before it starts")
            except AssertionError as exc:
                problems.append(str(exc))
        if not isinstance(e.get("surnames", []), list):
            problems.append(f"{where}: surnames must be a list")
    assert not problems, "\n".join(problems)


def test_titles_file(files, state_ids, actor_codes):
    titles = files["titles.yaml"]
    assert isinstance(titles, list)
    rows = [t for t in titles if isinstance(t, dict) and "title" in t]
    names = [t["title"] for t in rows]
    assert len(names) == len(set(names)), "duplicate title rows"
    assert set(names) == TITLES, f"missing {TITLES - set(names)}, unknown {set(names) - TITLES}"
    for t in rows:
        assert isinstance(t.get("ar"), list) and t["ar"], f"{t['title']}: ar must be a non-empty list"
        assert isinstance(t.get("ar_construct"), list), f"{t['title']}: ar_construct must be a list"
    epithets = [t for t in titles if isinstance(t, dict) and "epithets" in t]
    for block in epithets:
        for ep in block["epithets"]:
            assert ep.get("title") in TITLES, ep
            assert ep.get("of") in state_ids or ep.get("of") in actor_codes, ep
            assert ARABIC_RE.search(ep.get("form", "")), ep


def test_ambiguous_file(files, all_ids):
    amb = files["ambiguous.yaml"]
    assert isinstance(amb, list) and amb
    forms = [norm(a["form"]) for a in amb]
    assert len(forms) == len(set(forms)), "a form is listed twice in ambiguous.yaml"
    problems = []
    for a in amb:
        if a.get("rule") not in RULES:
            problems.append(f"{a.get('form')}: rule {a.get('rule')!r}")
        cands = a.get("candidates")
        if not isinstance(cands, list) or not cands:
            problems.append(f"{a.get('form')}: candidates must be a non-empty list")
            continue
        for c in cands:
            if c not in all_ids and c not in PSEUDO_CANDIDATES:
                problems.append(f"{a['form']}: unknown candidate {c!r}")
    assert not problems, "\n".join(problems)


def _claims(entries, files) -> dict[str, set[str]]:
    claims: dict[str, set[str]] = defaultdict(set)

    def add(form, owner):
        if isinstance(form, str) and form.strip():
            claims[norm(form)].add(owner)

    for _, e in entries:
        owner = e["id"]
        add(e.get("name_ar"), owner)
        for v in e.get("variants") or []:
            add(v, owner)
        for v in e.get("surnames") or []:
            add(v, owner)
        if e.get("kind") == "state":
            add(e.get("capital"), owner)
            for v in e.get("seats") or []:
                add(v, owner)
            for forms in (e.get("adjectives") or {}).values():
                for v in forms or []:
                    add(v, owner)
    for block in files.get("titles.yaml") or []:
        for ep in (block or {}).get("epithets") or []:
            add(ep.get("form"), f"epithet:{ep.get('title')}:{ep.get('of')}")
    return claims


def test_no_form_claimed_twice_unless_ambiguous(entries, files):
    amb = {norm(a["form"]): set(a["candidates"]) for a in files["ambiguous.yaml"]}
    problems = []
    for form, owners in sorted(_claims(entries, files).items()):
        if len(owners) < 2:
            continue
        if form not in amb:
            problems.append(f"{form!r} claimed by {sorted(owners)} and not in ambiguous.yaml")
        elif not owners <= amb[form]:
            problems.append(f"{form!r}: ambiguous.yaml lacks candidates {sorted(owners - amb[form])}")
    assert not problems, "\n".join(problems)


def test_norm_folds_orthographic_variants():
    # guards the collision check itself
    assert norm("أوكرانيا") == norm("اوكرانيا")
    assert norm("حماة") == norm("حماه")
    assert norm("اليمنى") == norm("اليمني")
    assert norm("عُمان") == norm("عمان")
    assert norm("واشنطن") != norm("واشنطون")


def test_no_orthographic_duplicates_within_curated_entries(entries):
    # the loader folds orthography, so listing أنطاليا and انطاليا is noise (people files excluded:
    # they are curated by another engineer and checked by their own tests)
    problems = []
    for name, e in entries:
        if name not in FILE_KIND:
            continue
        forms = [e["name_ar"], *(e.get("variants") or [])]
        keys = [norm(f) for f in forms]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            problems.append(f"{name}:{e['id']}: {dupes}")
    assert not problems, "\n".join(problems)


def test_generated_states_file_is_fresh():
    """states.yaml must be what tools/gen_states.py produces from Babel + the overlay."""
    import importlib.util

    pytest.importorskip("babel")
    gen_path = DATA.parents[3] / "tools" / "gen_states.py"
    if not gen_path.exists():
        pytest.skip("tools/gen_states.py not present")
    spec = importlib.util.spec_from_file_location("gen_states", gen_path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    overlay = yaml.safe_load(gen.OVERLAY.read_text(encoding="utf-8"))
    assert gen.render(gen.build(overlay)) == (DATA / "states.yaml").read_text(encoding="utf-8"), (
        "states.yaml is stale: run python tools/gen_states.py"
    )
