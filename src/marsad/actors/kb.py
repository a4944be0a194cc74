"""The actor knowledge base: YAML files an analyst can read and extend, loaded into objects.

The packaged files live in ``marsad/actors/data/`` (see the README there for the schema). Extra
folders given to :meth:`KnowledgeBase.load` are read after the packaged one; an entry whose ``id``
already exists replaces the packaged entry, so an analyst can correct or extend the data without
editing the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer

DATA_DIR = Path(__file__).with_name("data")
KINDS = ("state", "org", "group", "company", "person", "place", "thing")
#: how each KB kind appears in the article contract (marsad.article/v1)
CONTRACT_KIND = {"state": "state", "org": "org", "group": "org", "company": "org",
                 "person": "person", "place": "place", "thing": "thing"}
RULES = ("date_role", "context_first_name", "context_gazetteer", "prefer_state", "skip")


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    of: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class KBEntry:
    id: str
    kind: str
    name_en: str
    name_ar: str
    variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    country: str | None = None
    code: str | None = None
    adjectives: tuple[str, ...] = ()
    capital: str | None = None
    #: the capital's English name; a state that has one also gets a place entry for the city itself
    #: (:func:`capital_place_id`), which a capital links to where it is the physical location
    capital_en: str | None = None
    seats: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    surnames: tuple[str, ...] = ()
    subtype: str | None = None
    note: str | None = None
    path: str | None = None
    #: ids of the rival camps of one conflict (LNA vs GNA); read both ways (:meth:`KnowledgeBase.rival_codes`)
    rivals: tuple[str, ...] = ()
    #: made by the loader from another entry (a state's capital city), not read from a data file;
    #: it has no forms of its own for the matcher or the name tagger's gazetteers
    derived: bool = False

    @property
    def contract_kind(self) -> str:
        return CONTRACT_KIND[self.kind]

    @property
    def acts_for(self) -> str | None:
        """The actor code this entry acts for in events: its own code, or its state's."""
        if self.kind in ("state", "org", "group", "company"):
            return self.code or self.country
        if self.kind == "person":
            return self.country
        return None

    def active_on(self, day: dt.date) -> list[Role]:
        return [r for r in self.roles if r.covers(day)]


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    definite: tuple[str, ...]  # الرئيس — followed by a state adjective
    construct: tuple[str, ...]  # رئيس — followed by a state name


@dataclass(frozen=True, slots=True)
class Epithet:
    form: str
    title: str
    of: str


@dataclass(frozen=True, slots=True)
class Ambiguity:
    form: str
    candidates: tuple[str, ...]
    rule: str
    note: str | None = None


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    epithets: list[Epithet] = field(default_factory=list)
    ambiguities: dict[str, Ambiguity] = field(default_factory=dict)  # keyed by folded form

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_dirs: Sequence[Path | str] = (), packaged: bool = True) -> "KnowledgeBase":
        kb = cls()
        dirs = ([DATA_DIR] if packaged else []) + [Path(d) for d in extra_dirs]
        norm = Normalizer()
        for d in dirs:
            if not d.is_dir():
                raise KnowledgeBaseError("not a folder", str(d))
            for path in sorted(d.glob("*.yaml")):
                name = path.stem
                data = _read_yaml(path)
                if name == "titles":
                    kb._load_titles(data, path)
                elif name == "ambiguous":
                    for row in data or []:
                        amb = _ambiguity(row, path)
                        kb.ambiguities[norm.key(amb.form)] = amb
                else:
                    for row in data or []:
                        entry = _entry(row, path)
                        kb.entries[entry.id] = entry
        kb._add_capital_places()
        for e in kb.entries.values():
            unknown = [r for r in e.rivals if r not in kb.entries or r == e.id]
            if unknown:
                raise KnowledgeBaseError(f"{e.id}: rivals {unknown} are not other entries of the knowledge base", e.path)
        return kb

    def _add_capital_places(self) -> None:
        """A place entry for each state's capital city (``place.capital_<iso3>``), derived from the
        state's ``capital`` and ``capital_en``; it has no forms of its own in the matcher: the
        recognizer links a capital to it instead of to the state where the text puts something *in*
        the city (:meth:`capital_place`)."""
        for e in list(self.entries.values()):
            if e.kind != "state" or not e.capital or not e.capital_en:
                continue
            pid = capital_place_id(e.id)
            if pid not in self.entries:
                self.entries[pid] = KBEntry(id=pid, kind="place", name_en=e.capital_en, name_ar=e.capital,
                                            country=e.id, subtype="capital", path=e.path, derived=True,
                                            note=f"Capital of {e.name_en}; derived from its state entry.")

    def capital_place(self, state_id: str) -> KBEntry | None:
        """The place entry of ``state_id``'s capital city, if the knowledge base has one."""
        return self.entries.get(capital_place_id(state_id))

    def _load_titles(self, data, path: Path) -> None:
        for row in data or []:
            if not isinstance(row, dict):
                raise KnowledgeBaseError(f"title rows must be mappings, got {row!r}", str(path))
            if "title" in row:
                t = Title(row["title"], tuple(row.get("ar") or ()), tuple(row.get("ar_construct") or ()))
                self.titles[t.title] = t
            for ep in row.get("epithets") or ():
                self.epithets.append(Epithet(ep["form"], ep["title"], ep["of"]))

    # -- queries ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def holders(self, title: str, of: str, day: dt.date) -> list[KBEntry]:
        """People who held ``title`` of ``of`` on ``day``."""
        out: list[KBEntry] = []
        for e, r in self._roles_index().get((title, of), ()):
            if r.covers(day) and all(x is not e for x in out):
                out.append(e)
        return out

    def _roles_index(self) -> dict[tuple[str, str], list[tuple[KBEntry, Role]]]:
        """``(title, of)`` → the people with such a role and the role (built on first use, rebuilt when
        entries are added)."""
        index = self.__dict__.get("_by_role")
        if index is None or self.__dict__.get("_by_role_size") != len(self.entries):
            index = {}
            for e in self.entries.values():
                if e.kind == "person":
                    for r in e.roles:
                        index.setdefault((r.title, r.of), []).append((e, r))
            self.__dict__["_by_role"], self.__dict__["_by_role_size"] = index, len(self.entries)
        return index

    def code_entry(self, code: str) -> KBEntry | None:
        """The state or organization whose actor code is ``code``."""
        e = self.entries.get(code)
        if e is not None:
            return e
        for e in self.entries.values():
            if e.code == code and e.kind != "person":
                return e
        return None

    def rival_codes(self) -> dict[str, frozenset[str]]:
        """Actor code → codes of its rival camps (``rivals`` of every entry, read both ways: one
        side declaring the other is enough). Rivals whose id is unknown are left out."""
        out: dict[str, set[str]] = {}
        for e in self.entries.values():
            a = e.acts_for if e.kind != "person" else None
            for rid in e.rivals:
                r = self.entries.get(rid)
                b = r.acts_for if r is not None and r.kind != "person" else None
                if a and b and a != b:
                    out.setdefault(a, set()).add(b)
                    out.setdefault(b, set()).add(a)
        return {k: frozenset(v) for k, v in out.items()}


def capital_place_id(state_id: str) -> str:
    """Id of the place entry derived from a state's capital (``RUS`` → ``place.capital_rus``)."""
    return f"place.capital_{state_id.lower()}"


def _read_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"invalid YAML: {exc}", str(path)) from exc
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc}", str(path)) from exc


def _date(value, path: Path, what: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value)
    try:
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
        if len(s) == 7:
            return dt.date(int(s[:4]), int(s[5:7]), 1)
        return dt.date.fromisoformat(s)
    except ValueError as exc:
        raise KnowledgeBaseError(f"bad date {value!r} in {what}", str(path)) from exc


def _tuple(v) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v if x)


def _entry(row, path: Path) -> KBEntry:
    if not isinstance(row, dict) or "id" not in row:
        raise KnowledgeBaseError(f"entry without an id: {row!r:.80}", str(path))
    eid = str(row["id"])
    kind = row.get("kind")
    if kind not in KINDS:
        raise KnowledgeBaseError(f"{eid}: unknown kind {kind!r}", str(path))
    if not row.get("name_ar") or not row.get("name_en"):
        raise KnowledgeBaseError(f"{eid}: name_ar and name_en are required", str(path))
    adjectives: list[str] = []
    adj = row.get("adjectives") or {}
    if isinstance(adj, dict):
        for g in ("m", "f", "pl"):
            adjectives.extend(_tuple(adj.get(g)))
    else:
        adjectives.extend(_tuple(adj))
    roles = []
    for r in row.get("roles") or ():
        try:
            roles.append(Role(str(r["title"]), str(r["of"]), _date(r.get("from"), path, eid),
                              _date(r.get("to"), path, eid)))
        except (KeyError, TypeError) as exc:
            raise KnowledgeBaseError(f"{eid}: role needs title and of: {r!r}", str(path)) from exc
    return KBEntry(
        id=eid, kind=kind, name_en=str(row["name_en"]), name_ar=str(row["name_ar"]),
        variants=_tuple(row.get("variants")), en_variants=_tuple(row.get("en_variants")),
        country=row.get("country"), code=row.get("code"), adjectives=tuple(adjectives),
        capital=row.get("capital"), capital_en=row.get("capital_en"), seats=_tuple(row.get("seats")), roles=tuple(roles),
        surnames=_tuple(row.get("surnames")),
        subtype=row.get("place_type") or row.get("thing_type"), note=row.get("note"), path=str(path),
        rivals=_tuple(row.get("rivals")),
    )


def _ambiguity(row, path: Path) -> Ambiguity:
    try:
        amb = Ambiguity(str(row["form"]), _tuple(row["candidates"]), str(row["rule"]), row.get("note"))
    except (KeyError, TypeError) as exc:
        raise KnowledgeBaseError(f"ambiguous row needs form, candidates, rule: {row!r:.80}", str(path)) from exc
    if amb.rule not in RULES:
        raise KnowledgeBaseError(f"{amb.form}: unknown rule {amb.rule!r} (one of {', '.join(RULES)})", str(path))
    return amb
