"""The units lexicon of figures: number words, fractions, scales, units, the ``whats`` table and its
``what_rules``, and the cues of figure dates, from ``events/data/units.yaml`` (loader and checks)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer
from marsad.datafiles import read_yaml

#: proclitics a number word, a dual unit or a cue word may carry
PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف")
#: unit codes of durations (a figure only after a word of extent)
DURATIONS = frozenset({"hours", "minutes", "days", "weeks", "months", "years"})


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    what: str | None
    words: int  # number of words of the form


Cue = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    what: str
    units: frozenset[str] | None  # None: any unit
    cues: tuple[Cue, ...]
    also: tuple[Cue, ...] = ()
    unless: tuple[Cue, ...] = ()
    after: frozenset[str] = frozenset()
    near: int = 14
    group: str | None = None
    carry: bool = False


@dataclass(frozen=True, slots=True)
class WhatInfo:
    """One row of the ``whats`` table of ``units.yaml``: what an id measures and which units it takes."""

    id: str
    units: frozenset[str] | None  # None: any unit
    gold: str
    keep_day: bool = False
    en: str | None = None
    ar: str | None = None

    def accepts(self, unit: str) -> bool:
        return self.units is None or unit in self.units


class UnitLexicon:
    """Number words, scales, units and "what" rules of :mod:`marsad.events.quantities`."""

    def __init__(self, data: dict, source: str | None = None):
        key = Normalizer().key
        try:
            self.numbers: dict[tuple[str, ...], float] = {}
            for value, forms in data["numbers"].items():
                for f in forms:
                    self.numbers[tuple(key(f).split())] = float(value)
            self.fractions = {key(k): float(v) for k, v in (data.get("fractions") or {}).items()}
            self.scales: dict[str, float] = {}
            for value, forms in data["scales"].items():
                for f in forms:
                    self.scales[key(f)] = float(value)
            self.units: dict[tuple[str, ...], Unit] = {}
            self.duals: dict[str, Unit] = {}
            for u in data["units"]:
                code, what = str(u["code"]), u.get("what")
                for f in u["forms"]:
                    t = tuple(key(str(f)).split())
                    self.units.setdefault(t, Unit(code, what, len(t)))
                for f in u.get("dual") or []:
                    self.duals[key(f)] = Unit(code, what, 1)
            self.duration_cues = frozenset(key(w) for w in data.get("duration_cues", []))
            self.skip_before = frozenset(key(w) for w in data.get("skip_before", []))
            self.what_window = int(data.get("what_window", 10))
            self.whats = self._whats(data, {u.code for u in self.units.values()})
            self.rules = self._rules(data, key)
            fd = data.get("figure_dates") or {}
            self.present_cues = tuple(key(c) for c in fd.get("present") or [])
            self.year_to_date = tuple(key(c) for c in fd.get("year_to_date") or [])
            self.recent = tuple(key(c) for c in fd.get("recent") or [])
            self.not_before = tuple(sorted({key(c) for c in fd.get("not_before") or []}, key=len, reverse=True))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid units data: {exc!r}", source) from exc
        self._check(source)
        self.max_near = max([self.what_window] + [r.near for r in self.rules])
        self.group_of = {r.what: r.group for r in self.rules if r.group}
        self.max_unit_words = max(len(t) for t in self.units)
        self.max_number_words = max(len(t) for t in self.numbers)
        self.first_words: dict[int, frozenset[str]] = {
            w: frozenset(t[0] for t in self.numbers if len(t) == w) for w in range(1, self.max_number_words + 1)}
        #: every word a figure can start with (a digit run, a number word, a dual unit), with proclitics
        starts = set(self.first_words[1]) | set(self.duals) | {t[0] for t in self.numbers}
        self.start_words = frozenset(p + w for w in starts for p in ("",) + PREFIXES)

    @staticmethod
    def _whats(data: dict, codes: set[str]) -> dict[str, WhatInfo]:
        groups = {g: list(v) for g, v in (data.get("unit_groups") or {}).items()}
        out: dict[str, WhatInfo] = {}
        for wid, row in (data.get("whats") or {}).items():
            units = row["units"]
            if units == "any":
                accepted = None
            else:
                accepted = set()
                for u in units:
                    accepted.update(groups.get(u, [u]))
                unknown = accepted - codes
                if unknown:
                    raise ValueError(f"what {wid!r} names unknown units {sorted(unknown)}")
                accepted = frozenset(accepted)
            out[str(wid)] = WhatInfo(str(wid), accepted, str(row.get("gold") or wid), bool(row.get("keep_day")),
                                     row.get("en"), row.get("ar"))
        return out

    def _rules(self, data: dict, key) -> list[Rule]:
        lists = {name: [str(c) for c in cues] for name, cues in (data.get("cue_lists") or {}).items()}

        def expand(c: str, seen: tuple[str, ...] = ()) -> list[str]:
            if not c.startswith("@"):
                return [c]
            name = c[1:]
            if name not in lists or name in seen:
                raise ValueError(f"unknown or circular cue list {c!r}")
            return [f for x in lists[name] for f in expand(x, seen + (name,))]

        def cues(items) -> tuple[Cue, ...]:
            out: list[Cue] = []
            for c in items or []:
                for form in expand(str(c)):
                    t = tuple(key(form).split())
                    if t and t not in out:
                        out.append(t)
            return tuple(out)

        rules = []
        for r in data["what_rules"]:
            what = str(r["what"])
            info = self.whats.get(what)
            if info is None:
                raise ValueError(f"rule for {what!r}: not in the whats table")
            units = info.units
            if r.get("units"):  # a rule may narrow its id's units, never widen them
                narrow = frozenset(r["units"])
                if units is not None and not narrow <= units:
                    raise ValueError(f"rule for {what!r} names units its id does not accept: {sorted(narrow - units)}")
                units = narrow
            rules.append(Rule(what, units, cues(r.get("when")), cues(r.get("also")), cues(r.get("unless")),
                               frozenset(key(w) for w in r.get("after") or []),
                               int(r.get("near", self.what_window)), r.get("group"), bool(r.get("carry"))))
        return rules

    def _check(self, source: str | None) -> None:
        """The unit defaults agree with the whats table (see units.yaml)."""
        if not self.whats:
            raise KnowledgeBaseError("units data has no whats table", source)
        if "other" not in self.whats:
            raise KnowledgeBaseError("the whats table needs an 'other' row", source)
        for u in list(self.units.values()) + list(self.duals.values()):
            if u.what is None:
                continue
            info = self.whats.get(u.what)
            if info is None or not info.accepts(u.code):
                raise KnowledgeBaseError(f"unit {u.code}: default what {u.what!r} does not accept it", source)

    def gold_what(self, what: str | None) -> str:
        """The id of the gold guideline's closed list that ``what`` falls under."""
        info = self.whats.get(what or "other")
        return info.gold if info else "other"

    @classmethod
    def load(cls, path: str | Path | None = None) -> "UnitLexicon":
        ref = Path(path) if path else resources.files("marsad.events").joinpath("data/units.yaml")
        return cls(read_yaml(ref, "units data"), str(ref))
