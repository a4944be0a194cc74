"""Figures: numbers with a unit that measure something (money, gas, power, people, time ...).

:class:`QuantityExtractor` (pipeline component ``quantities``) reads the folded ``key`` view of the
article. Number words, scale words, units and the cue words that say what a figure measures are
data (``events/data/units.yaml``), loaded into a :class:`UnitLexicon`; see
``events/data/README_quotes_figures.md``.

A figure is a number — digits (``6.5``, ``٦٫٥``, ``1,500``, ``/45/``) or words (``ثلاث``، ``عشرة``،
``خمسة وعشرين``، a bare ``مليون``) — an optional scale word (``ألف، آلاف، مليون، مليار ...``) and
a **unit** right after it (``دولار``، ``متر مكعب``، ``ميغاواط``، ``سائح``، ``جندي``، ``في المئة``، ``%``
...). A number with no unit is not reported, which is what keeps dates, years, day numbers and
most list numbers out. Besides:

* durations (hours, days, months, years) count only after a word of extent (``استغرق``،
  ``استمر``، ``لمدة``، ``منذ`` ...), so ``بعد شهرين`` / ``قبل 8 سنوات`` are relative times, not figures;
* a number written into a name (``S-400``، ``إس 400``، ``VVER-1200``، ``كوفيد-19``، ``إم 4``) is skipped,
  as are list numbers opening a line (``1.``، ``2)``), phone-like digit runs, and numbers after
  ``رقم``، ``المرتبة``، ``الساعة``، ``المادة`` ...;
* ``value`` has the scale applied (``6.5 مليار دولار`` → 6.5e9; ``4.8 ألف ميغاواط`` → 4800);
  a fraction after the unit is added (``ثلاث ساعات ونصف`` → 3.5, ``ساعتين و45 دقيقة`` → 2.75,
  ``ثلاث ساعات إلا ربعا`` → 2.75).

``what`` comes from ``what_rules`` and must be an id of the ``whats`` table, which lists the units
each id accepts (a percentage is never ``trade_volume``; ``trade_target`` needs a target cue, a trade
cue and a currency); the loader checks the table. ``date`` is the date the figure refers to: the cue of
its clause, else the nearest one of its sentence — an absolute date (:class:`marsad.text.dates.DateFinder`),
a relative expression (:class:`marsad.events.dates.RelativeDates`), a present or year-to-date phrase, or
the months grammar (``الأشهر التسعة الأولى من العام``، ``خلال 9 أشهر``); comparison bases and span starts
(``مقارنة بالعام 2020``، ``منذ 2011``) are not dates of the figure. See
``events/data/README_quotes_figures.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.events.dates import RelativeDates, parse_published
from marsad.text.dates import DateFinder
from marsad.text.normalize import Normalizer
from marsad.types import Article, Quantity

_TOK = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%")
_PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف")
_NAME_WORDS = frozenset({"اس", "اف", "ام", "سو", "ميغ", "ميج", "تي", "بي", "كوفيد", "كورونا", "ار", "جي"})
#: letters written onto a digit run that leave it a figure: "و735 مليون"، "بـ150 مليون"، "الـ216 ألف"
_DIGIT_PROCLITICS = frozenset({"و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "ال", "بال", "وال", "لل", "فال", "كال", "وبال"})
_DURATIONS = frozenset({"hours", "minutes", "days", "weeks", "months", "years"})


@dataclass(frozen=True, slots=True)
class _Unit:
    code: str
    what: str | None
    words: int  # number of words of the form


Cue = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Rule:
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
            self.units: dict[tuple[str, ...], _Unit] = {}
            self.duals: dict[str, _Unit] = {}
            for u in data["units"]:
                code, what = str(u["code"]), u.get("what")
                for f in u["forms"]:
                    t = tuple(key(str(f)).split())
                    self.units.setdefault(t, _Unit(code, what, len(t)))
                for f in u.get("dual") or []:
                    self.duals[key(f)] = _Unit(code, what, 1)
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
        self.start_words = frozenset(p + w for w in starts for p in ("",) + _PREFIXES)

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

    def _rules(self, data: dict, key) -> list[_Rule]:
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
            rules.append(_Rule(what, units, cues(r.get("when")), cues(r.get("also")), cues(r.get("unless")),
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
        try:
            data = yaml.safe_load(ref.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeBaseError(f"cannot read units data: {exc}", str(ref)) from exc
        if not isinstance(data, dict):
            raise KnowledgeBaseError("units data must be a mapping", str(ref))
        return cls(data, str(ref))


def _strip(word: str, table) -> tuple[str, int] | None:
    if word in table:
        return word, 0
    for p in _PREFIXES:
        if word.startswith(p) and word[len(p):] in table:
            return word[len(p):], len(p)
    return None


def _digits(s: str) -> float | None:
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]) and "." not in s:
            s = "".join(parts)
        elif len(parts) == 2 and "." not in s:
            s = parts[0] + "." + parts[1]
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


class QuantityExtractor:
    """``Article -> Article``: fills ``article.quantities`` (see the module documentation)."""

    name = "quantities"

    def __init__(self, lexicon: UnitLexicon | None = None, relative: RelativeDates | None = None,
                 finder: DateFinder | None = None):
        self.lex = lexicon or UnitLexicon.load()
        self._relative = relative
        self._finder = finder
        self._date_rx = None
        self.normalizer = Normalizer()

    @property
    def finder(self) -> DateFinder:
        if self._finder is None:
            self._finder = self._relative.finder if self._relative is not None else DateFinder.load_default()
        return self._finder

    @property
    def relative(self) -> RelativeDates:
        if self._relative is None:
            self._relative = RelativeDates.load_default(self.finder)
        return self._relative

    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        toks = [(m.start(), m.end(), m.group()) for m in _TOK.finditer(key)]
        found = []
        i, n = 0, len(toks)
        start_words = self.lex.start_words
        while i < n:
            t = toks[i][2]
            if not t[0].isdigit() and t not in start_words:
                i += 1
                continue
            got = self._figure(key, toks, i)
            if got is None:
                i += 1
                continue
            s, e, value, unit, j = got
            found.append((s, e, value, unit, i))
            i = j
        if not found:
            article.quantities = []
            return article
        pub = parse_published(article.published)
        ends = [m.end() for m in re.finditer(r"\n|[.!?؟](?=\s|$)", key)]
        out = []
        date_cache: dict[int, list] = {}
        prev_sentence, prev_what = -1, None
        whats = self.lex.whats
        for s, e, value, unit, i in found:
            si = bisect_right(ends, s)
            ss = ends[si - 1] if si else 0
            se = ends[si] if si < len(ends) else len(key)
            # cue words: this sentence and the one before it (its subject often carries over:
            # "يزداد حجم التبادل ... . وقد بلغ عام 2004 قيمة 11 مليار دولار")
            what = self._what(toks, i, e, unit, prev_what if prev_sentence == ss else None,
                              ends[si - 2] if si >= 2 else 0, se)
            prev_sentence, prev_what = ss, what
            dates = date_cache.get(ss)
            if dates is None:
                dates = date_cache[ss] = self._dates(article.text, norm, ss, se, pub)
            date = _pick(key, dates, s, e)
            if date is not None and len(date) == 10 and not whats[what].keep_day:
                date = date[:4]  # a stock or flow figure refers to its year, not to the day it was said
            os_, oe = norm.to_original(s, e)
            out.append(Quantity(value, unit.code, what, os_, oe, article.text[os_:oe], date))
        article.quantities = out
        return article

    # ------------------------------------------------------------------------------ parsing
    def _number(self, toks, i) -> tuple[float, int, int] | None:
        """``(value, start, next token)`` of a number starting at token ``i``."""
        s, e, t = toks[i]
        if t[0].isdigit():
            v = _digits(t)
            return (v, s, i + 1) if v is not None else None
        lex = self.lex
        # word numbers, longest form first ("اثنا عشر"), with a proclitic on the first word
        for width in range(min(lex.max_number_words, len(toks) - i), 0, -1):
            words = [toks[i + k][2] for k in range(width)]
            first = _strip(words[0], lex.first_words[width])
            if first is None:
                continue
            form = (first[0],) + tuple(words[1:])
            v = lex.numbers.get(form)
            if v is None:
                continue
            j = i + width
            # "خمسة وعشرون"
            if j < len(toks) and v < 10 and toks[j][2].startswith("و"):
                tens = lex.numbers.get((toks[j][2][1:],))
                if tens is not None and 20 <= tens < 100:
                    v += tens
                    j += 1
            return v, s, j
        return None

    def _figure(self, key: str, toks, i):
        lex = self.lex
        s0, e0, t0 = toks[i]
        if not t0[0].isdigit() and t0 not in lex.start_words:
            return None
        dual = _strip(t0, lex.duals)
        if dual is not None:
            unit = lex.duals[dual[0]]
            if unit.code in _DURATIONS and self._duration_ok(toks, i):
                value, end, j = self._fraction(toks, i + 1, 2.0, unit, e0)
                return s0, end, value, unit, j
            return None
        num = self._number(toks, i)
        if num is None:
            return None
        value, start, j = num
        if self._skip(key, toks, i, start):
            return None
        end = toks[j - 1][1]
        # scale word
        if j < len(toks):
            sc = _strip(toks[j][2], lex.scales)
            if sc is not None and sc[1] == 0:
                value *= lex.scales[sc[0]]
                end = toks[j][1]
                j += 1
                if j < len(toks) and toks[j][2] in lex.scales:  # "ألف مليون"
                    value *= lex.scales[toks[j][2]]
                    end = toks[j][1]
                    j += 1
        unit = None
        for width in range(min(lex.max_unit_words, len(toks) - j), 0, -1):
            form = tuple(toks[j + k][2] for k in range(width))
            u = lex.units.get(form)
            if u is None and form[0][:1] in "بل" and form[0] not in lex.units:
                u = lex.units.get((form[0][1:],) + form[1:]) if form[0][1:] == "المئه" else None
            if u is not None:
                # the unit must follow the number closely (no line break, at most a space)
                if key[end:toks[j][0]].strip(" /") != "":
                    break
                unit = u
                end = toks[j + width - 1][1]
                j += width
                break
        if unit is None:
            return None
        if unit.code in _DURATIONS and not self._duration_ok(toks, i):
            return None
        value, end, j = self._fraction(toks, j, value, unit, end)
        return start, end, value, unit, j

    def _fraction(self, toks, j, value, unit, end):
        lex = self.lex
        if j < len(toks):
            w = toks[j][2]
            if w.startswith("و") and w[1:] in lex.fractions:
                return value + lex.fractions[w[1:]], toks[j][1], j + 1
            if w in ("الا", "إلا") and j + 1 < len(toks):
                fr = toks[j + 1][2].rstrip("ا")
                if fr in lex.fractions:
                    return value - lex.fractions[fr], toks[j + 1][1], j + 2
            if unit.code == "hours" and w == "و" and j + 2 < len(toks) and toks[j + 1][2].isdigit() \
                    and toks[j + 2][2] in ("دقيقه", "دقائق"):
                return value + int(toks[j + 1][2]) / 60, toks[j + 2][1], j + 3
            if unit.code == "hours" and w.startswith("و") and j + 1 < len(toks) and toks[j + 1][2].isdigit() is False:
                pass
        return value, end, j

    def _duration_ok(self, toks, i) -> bool:
        for k in range(max(0, i - 3), i):
            w = toks[k][2]
            if w in self.lex.duration_cues or (w[:1] in "وف" and w[1:] in self.lex.duration_cues):
                return True
        return False

    def _skip(self, key: str, toks, i, start) -> bool:
        s, e, t = toks[i]
        if start > 0:
            before = key[start - 1]
            if before == "-":
                return True  # S-400, VVER-1200, كوفيد-19
            if before.isalpha():
                ws = start - 1
                while ws > 0 and key[ws - 1].isalpha():
                    ws -= 1
                if key[ws:start] not in _DIGIT_PROCLITICS:
                    return True  # M4, اس400
        if i > 0:
            ps, pe, pw = toks[i - 1]
            gap = key[pe:s]
            if pw.isascii() and pw.isalpha() and gap.strip(" -") == "":
                return True
            if pw in _NAME_WORDS and gap.strip(" -") == "":
                return True
            if pw in self.lex.skip_before or (pw[:1] in "و" and pw[1:] in self.lex.skip_before):
                return True
        if t[0].isdigit():
            if len(t) >= 7 and t.isdigit():
                return True  # phone-like run of digits
            ls = key.rfind("\n", 0, s) + 1
            if key[ls:s].strip() == "" and key[e:e + 1] in (".", ")", "-"):
                return True  # list numbering
        return False

    # ------------------------------------------------------------------------------ meaning
    def _what(self, toks, i, end, unit: _Unit, carried: str | None, ss: int = 0, se: int | None = None) -> str:
        """The first rule of ``what_rules`` that applies (see units.yaml), else the unit's default.
        Cue words are looked for in ``key[ss:se]`` only."""
        if unit.code in _DURATIONS:
            return "duration"
        lex = self.lex
        before = [w for s, _, w in toks[max(0, i - lex.max_near):i] if s >= ss]
        inside, after = [], []
        for s, e, w in toks[i:i + 12]:
            if s < end:
                inside.append(w)
            elif se is not None and s >= se:
                break
            else:
                after.append(w)
                if len(after) >= 3:
                    break
        first_after = after[0] if after else None
        after = inside + after  # the unit's own words count as words after ("متر مكعب من الغاز")
        view = _view(before, after)
        rules = lex.rules
        for k, rule in enumerate(rules):
            d = self._applies(rule, unit.code, view, first_after, carried)
            if d is None:
                continue
            if rule.group is None:
                return rule.what
            best = (d, rule.what)
            for other in rules[k + 1:]:
                if other.group == rule.group:
                    d2 = self._applies(other, unit.code, view, first_after, carried)
                    if d2 is not None and d2 < best[0]:
                        best = (d2, other.what)
            return best[1]
        return unit.what or "other"

    def _applies(self, rule: _Rule, unit: str, view, first_after: str | None, carried: str | None) -> int | None:
        """How near the rule's cue is to the figure (0 = next to it), or None when it does not apply."""
        if rule.units is not None and unit not in rule.units:
            return None
        if rule.after and (first_after is None or (first_after not in rule.after
                                                    and _bare(first_after) not in rule.after)):
            return None
        d = _nearest(rule.cues, view, rule.near) if rule.cues else 0
        if d is None:
            return None
        if rule.also and _nearest(rule.also, view, self.lex.what_window) is None:
            if not (rule.carry and carried is not None and self.lex.group_of.get(carried) == rule.group):
                return None
        if rule.unless and _nearest(rule.unless, view, self.lex.what_window) is not None:
            return None
        return d

    # ------------------------------------------------------------------------------ dates
    def _date_patterns(self):
        if self._date_rx is None:
            lex = self.lex
            nums = sorted({w for t, v in lex.numbers.items() if len(t) == 1 and 1 <= v <= 12 for w in t},
                          key=len, reverse=True)
            num = r"(?P<n>\d{1,2}|(?:ال)?(?:" + "|".join(nums) + r"))"
            months = r"(?:اشهر|شهور|الاشهر|الشهور)"
            year = r"(?:العام|السنه)(?!\s+(?:\d|" + _NOT_THIS_YEAR + r"))"
            phrases = [r"\s+".join(map(re.escape, p.split())) for p in lex.year_to_date]
            phrases += [r"\s+".join(map(re.escape, p.split())) for p in lex.present_cues]
            n2 = num.replace("(?P<n>", "(?P<n2>")
            self._date_rx = (
                # the first N months of the year ("الأشهر التسعة الأولى من العام"), the N months up to
                # publication ("خلال 9 أشهر"، "في أقل من 9 أشهر"), the past year ("خلال السنة الأخيرة")
                re.compile(_B + r"(?:(?:ال)?" + months + r"\s+" + num + r"\s+(?:الاولي|الاوائل)\s+من\s+(?:هذا\s+)?"
                           + year + r"|[وف]?(?:خلال|في)\s+(?:(?:اقل|اكثر)\s+من\s+)?(?:" + n2 + r"\s+" + months
                           + r"|" + months + r"\s+" + n2.replace("n2>", "n3>") + r")(?:\s+(?:الاولي|الماضيه|الاخيره))?"
                           + r"|[وف]?(?:خلال|في)\s+(?P<last>(?:السنه|العام)\s+(?:الاخيره|الاخير)))"
                           + r"(?!\s+(?:من|علي)\s)" + _E),
                re.compile(_B + r"[وف]?(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")" + _E)
                if phrases else None,
                re.compile(r"(?:\(|" + _B + r"[وفبل]?(?:ال)?عامي\s+)(\d{4})(?!\d)"),
                re.compile(_B + r"[وفبل]?(?:" + "|".join(r"\s+".join(map(re.escape, p.split()))
                                                      for p in sorted(lex.recent, key=len, reverse=True)) + r")" + _E)
                if lex.recent else None,
            )
        return self._date_rx

    def _dates(self, text: str, norm, ss: int, se: int, pub: dt.date | None) -> list[tuple[int, int, str]]:
        """Date cues of the sentence ``key[ss:se]``: ``(start, end, value)`` in key offsets."""
        key = norm.key
        seg = key[ss:se]
        out: list[tuple[int, int, str]] = []
        if _FOUR_DIGITS.search(seg):
            os_, oe = norm.to_original(ss, se)
            for d in self.finder.find(text[os_:oe]):
                if d.year_missing or d.calendar != "gregorian":
                    continue
                out.append((norm.from_original(os_ + d.start), norm.from_original(os_ + d.end), d.value))
            for m in self._date_patterns()[2].finditer(seg):
                if 1900 <= int(m.group(1)) <= 2100:
                    out.append((ss + m.start(), ss + m.end(), m.group(1)))
        if pub is not None:
            months_rx, phrase_rx, _, recent_rx = self._date_patterns()
            year = f"{pub.year:04d}"
            if _RELATIVE_HINT.search(seg):
                for s, e, value, prec in self.relative.find(seg, pub):
                    if prec == "day" and " " not in seg[s:e] and "ال" not in seg[s:e] and "امس" not in seg[s:e]:
                        continue  # a weekday name needs its article: "واحد" is not "الأحد"
                    if seg.startswith("بعد", s):
                        continue  # "بعد 4 أيام من الزلزال": days after an event, not after publication
                    if prec in ("year", "month", "day"):
                        out.append((ss + s, ss + e, value))
            for m in months_rx.finditer(seg):
                n = m.group("n") or m.group("n2") or m.group("n3")
                if m.group("last"):
                    n = 12
                elif n.isdigit():
                    n = int(n)
                else:
                    n = n[2:] if n.startswith("ال") and (n[2:],) in self.lex.numbers else n
                    n = int(self.lex.numbers.get((n,), 0))
                if not 1 <= n <= 12:
                    continue
                if m.group("n"):  # the first N months of a year: this year's once they have passed
                    value = year if n <= pub.month else f"{pub.year - 1:04d}"
                else:  # N months up to publication: the year that holds most of them
                    value = year if 2 * min(n, pub.month) >= n else f"{pub.year - 1:04d}"
                out.append((ss + m.start(), ss + m.end(), value))
            if phrase_rx is not None:
                out.extend((ss + m.start(), ss + m.end(), year) for m in phrase_rx.finditer(seg))
            if recent_rx is not None:
                month = f"{pub.year:04d}-{pub.month:02d}"
                out.extend((ss + m.start(), ss + m.end(), month) for m in recent_rx.finditer(seg))
        if not out:
            return out
        # drop comparison bases and span starts ("مقارنة بالعام 2020"، "منذ 2011"), and overlaps (longest first)
        not_before = self.lex.not_before
        kept: list[tuple[int, int, str]] = []
        for c in sorted(out, key=lambda c: (c[0] - c[1], c[0])):
            if any(c[0] < k[1] and k[0] < c[1] for k in kept):
                continue
            if not_before:
                left = key[max(ss, c[0] - 16):c[0]].rstrip()
                if _ends_word(left, not_before):
                    kept.append((c[0], c[1], ""))  # blocks overlapping cues, never chosen
                    continue
            kept.append(c)
        return [c for c in kept if c[2]]


_B, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_NOT_THIS_YEAR = r"الماضي|المنصرم|الفائت|السابق|المقبل|القادم|التالي"
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_RELATIVE_HINT = re.compile(r"عام|سنه|شهر|امس|يوم|اسبوع|البارحه|الليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                            r"الجمعه|السبت|الماضي|المقبل|الجاري|الحالي|المنصرم|الفائت|القادم")
_CLAUSE = re.compile(r"[,;:\n]")


def _ends_word(left: str, words: tuple[str, ...]) -> bool:
    """``left`` ends with one of ``words`` as a whole word (not the tail of a longer word)."""
    for w in words:
        if left.endswith(w):
            k = len(left) - len(w)
            if k > 0 and left[k - 1] in "وف":  # "ومنذ"
                k -= 1
            if k == 0 or not left[k - 1].isalpha():
                return True
    return False


def _pick(key: str, dates: list[tuple[int, int, str]], s: int, e: int) -> str | None:
    """The date cue of the figure ``key[s:e]``: the nearest one in the same clause, else the nearest."""
    best, best_score = None, None
    for cs, ce, value in dates:
        if ce <= s:
            gap, lo, hi = s - ce, ce, s
        elif cs >= e:
            gap, lo, hi = cs - e, e, cs
        else:
            gap, lo, hi = 0, s, s
        score = (1 if _CLAUSE.search(key, lo, hi) else 0, gap)
        if best_score is None or score < best_score:
            best, best_score = value, score
    return best


def _bare(w: str) -> str:
    return w[1:] if w[:1] in "وبلف" and len(w) > 3 else w


def _view(before: list[str], after: list[str]):
    """Index of the words around a figure: word -> (side, position, sequence); bare forms too."""
    idx: dict[str, list] = {}
    for seq, side in ((before, 0), ([_bare(w) for w in before], 0), (after, 1), ([_bare(w) for w in after], 1)):
        for k, w in enumerate(seq):
            idx.setdefault(w, []).append((side, k, seq))
    return idx, len(before)


def _nearest(cues: tuple[Cue, ...], view, near: int) -> int | None:
    """Distance in words from the figure to the nearest cue (0 = next to it); cues before the
    figure count within ``near`` words, cues after it within the three words after the figure."""
    idx, nb = view
    best = None
    for cue in cues:
        hits = idx.get(cue[0])
        if not hits:
            continue
        n = len(cue)
        for side, k, seq in hits:
            if n > 1 and tuple(seq[k:k + n]) != cue:
                continue
            if side == 0:
                if k < nb - near or k + n > nb:
                    continue
                d = nb - k - n
            else:
                d = k
            if best is None or d < best:
                best = d
    return best


__all__ = ["UnitLexicon", "QuantityExtractor", "WhatInfo"]
