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

``what`` comes from the first rule of ``what_rules`` whose cue words occur within ``what_window``
words before the figure (or three words after it) and whose units include the figure's unit;
then the unit's default; then ``other``. ``date`` is the year or month the clause states
(``في العام 2019`` → ``2019``; ``خلال العام الجاري`` → the publication year), the nearest one
in the sentence, resolved with :class:`marsad.events.dates.RelativeDates`.
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
from marsad.text.normalize import Normalizer
from marsad.types import Article, Quantity

_TOK = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%")
_PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف")
_NAME_WORDS = frozenset({"اس", "اف", "ام", "سو", "ميغ", "ميج", "تي", "بي", "كوفيد", "كورونا", "ار", "جي"})
_YEAR = re.compile(r"(?<![^\W\d_])(?:[وفبل]?(?:ال)?(?:عام|سنه)\s+|\()(\d{4})(?!\d)")
_DURATIONS = frozenset({"hours", "minutes", "days", "weeks", "months", "years"})


@dataclass(frozen=True, slots=True)
class _Unit:
    code: str
    what: str | None
    words: int  # number of words of the form


@dataclass(frozen=True, slots=True)
class _Rule:
    what: str
    units: frozenset[str]
    cues: tuple[tuple[str, ...], ...]


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
            self.rules = [_Rule(r["what"], frozenset(r.get("units") or []),
                                tuple(tuple(key(c).split()) for c in r["when"])) for r in data["what_rules"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid units data: {exc!r}", source) from exc
        self.max_unit_words = max(len(t) for t in self.units)
        self.max_number_words = max(len(t) for t in self.numbers)
        self.first_words: dict[int, frozenset[str]] = {
            w: frozenset(t[0] for t in self.numbers if len(t) == w) for w in range(1, self.max_number_words + 1)}
        #: every word a figure can start with (a digit run, a number word, a dual unit), with proclitics
        starts = set(self.first_words[1]) | set(self.duals) | {t[0] for t in self.numbers}
        self.start_words = frozenset(p + w for w in starts for p in ("",) + _PREFIXES)

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

    def __init__(self, lexicon: UnitLexicon | None = None, relative: RelativeDates | None = None):
        self.lex = lexicon or UnitLexicon.load()
        self._relative = relative
        self.normalizer = Normalizer()

    @property
    def relative(self) -> RelativeDates:
        if self._relative is None:
            self._relative = RelativeDates.load_default()
        return self._relative

    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        toks = [(m.start(), m.end(), m.group()) for m in _TOK.finditer(key)]
        found = []
        i, n = 0, len(toks)
        while i < n:
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
        for s, e, value, unit, i in found:
            what = self._what(toks, i, e, unit)
            si = bisect_right(ends, s)
            ss = ends[si - 1] if si else 0
            se = ends[si] if si < len(ends) else len(key)
            dates = date_cache.get(ss)
            if dates is None:
                dates = date_cache[ss] = self._dates(key, ss, se, pub)
            date = min(dates, key=lambda d: min(abs(d[0] - s), abs(d[1] - e)))[2] if dates else None
            if date is not None and len(date) == 10 and unit.code not in _DURATIONS:
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
            if before == "-" or before.isalpha():
                return True  # S-400, VVER-1200, كوفيد-19, M4
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
    def _what(self, toks, i, end, unit: _Unit) -> str:
        if unit.code in _DURATIONS:
            return "duration"
        lo = max(0, i - self.lex.what_window)
        before = [w for _, _, w in toks[lo:i]]
        after = []
        for s, e, w in toks[i:i + 8]:
            if s >= end:
                after.append(w)
            if len(after) >= 3:
                break
        words = before + after
        bare = [w[1:] if w[:1] in "وبلف" and len(w) > 3 else w for w in words]
        for rule in self.lex.rules:
            if rule.units and unit.code not in rule.units:
                continue
            for cue in rule.cues:
                if _contains(words, cue) or _contains(bare, cue):
                    return rule.what
        return unit.what or "other"

    def _dates(self, key: str, ss: int, se: int, pub: dt.date | None) -> list[tuple[int, int, str]]:
        out = [(m.start(), m.end(), m.group(1)) for m in _YEAR.finditer(key, ss, se)
               if 1900 <= int(m.group(1)) <= 2100]
        if pub is not None:
            seg = key[ss:se]
            if "عام" in seg or "سنه" in seg or "شهر" in seg or "امس" in seg or "اليوم" in seg:
                for s, e, value, prec in self.relative.find(seg, pub):
                    if seg[max(0, s - 8):s].rstrip().endswith(("مقارنه ب", "مقارنه", "عن")) or seg[s:s + 3] == "بال":
                        continue  # a comparison base ("مقارنة بالعام الماضي"), not the figure's date
                    if prec in ("year", "month", "day"):
                        out.append((ss + s, ss + e, value))
        return out


def _contains(words: list[str], cue: tuple[str, ...]) -> bool:
    n = len(cue)
    if n == 1:
        return cue[0] in words
    for k in range(len(words) - n + 1):
        if tuple(words[k:k + n]) == cue:
            return True
    return False


__all__ = ["UnitLexicon", "QuantityExtractor"]
