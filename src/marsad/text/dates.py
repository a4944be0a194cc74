"""Arabic date recognition: absolute dates in metadata lines and article text.

:class:`DateFinder` finds date expressions and gives each one a :class:`DateMention` with
offsets into the text it was given, an ISO value and a precision::

    finder = DateFinder.load_default()
    finder.find("يوم الجمعة 3 كانون الأول/ ديسمبر 2021")
    # [DateMention(start=0, end=37, value='2021-12-03', precision='day', calendar='gregorian', ...)]

What it recognizes
    * day month year in every series of month names (Egyptian/Gulf ``سبتمبر``, Levantine/Iraqi
      ``أيلول``, Maghrebi ``شتنبر``, Algerian/Tunisian ``جوان``, English), paired forms
      (``كانون الأول/ ديسمبر``, ``أيلول (سبتمبر)``), a weekday before the date
      (``يوم الجمعة 3 ...``), ``Month D, YYYY``, era marks (``2021 م``);
    * numeric dates: ``29.09.2021``, ``29/9/2021``, ``2021-09-29``, ``2021/09/29`` (day first
      unless the first number cannot be a month-day pair read that way);
    * month and year (``نوفمبر 2015``) and a year after a cue word (``عام 2015``, ``في 2019``);
    * Hijri dates with a year (``15 رجب 1443 هـ``, ``رمضان 1444``, ``عام 1443 هـ``), converted to
      the Gregorian calendar with :mod:`hijridate`; the Hijri value is kept in ``hijri``.

Digits may be Arabic-Indic (``٢٩ سبتمبر ٢٠٢١``); letters are folded like search keys.

What it does not do (on purpose)
    * Names that are also ordinary words (``آب``, ``مارس``, ``ماي``, every Hijri month: ``رجب``
      in ``رجب طيب أردوغان``) count only next to a day or year number, or in a paired form.
    * A day and month without a year gives the value ``--MM-DD`` (ISO 8601 "month-day") unless
      ``find(text, default_year=...)`` supplies the year; a month without a year is not reported.
    * Relative expressions (``أمس``, ``اليوم الأربعاء``, ``الشهر الماضي``) are not resolved here:
      the event layer resolves them against the article's publication date. The extension
      point is :meth:`DateFinder.find` returning only absolute dates plus ``weekday`` on the
      mentions, so a resolver can add relative mentions of its own without touching this class.

Month names are data (``marsad/text/data/months.yaml``), loaded into the finder object.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer
from marsad.datafiles import read_yaml

Precision = Literal["day", "month", "year"]
Calendar = Literal["gregorian", "hijri"]

#: Gregorian years accepted in text (a four-digit number outside this range is not a year).
GREGORIAN_YEARS = (1800, 2100)
#: Hijri years accepted in text.
HIJRI_YEARS = (1300, 1500)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``text[start:end]`` of the searched text.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (Gregorian, also for Hijri dates,
    which keep their own value in ``hijri``), or ``--MM-DD`` for a day and month written
    without a year. ``weekday`` is 1 (Monday) .. 7 (Sunday) when the text names the day.
    """

    start: int
    end: int
    value: str
    precision: Precision
    calendar: Calendar = "gregorian"
    text: str = ""
    hijri: str | None = None
    weekday: int | None = None

    @property
    def year_missing(self) -> bool:
        return self.value.startswith("--")

    @property
    def year(self) -> int | None:
        return None if self.year_missing else int(self.value[:4])


@dataclass(frozen=True, slots=True)
class _MonthHit:
    start: int
    end: int
    calendar: Calendar
    month: int
    ambiguous: bool
    paired: bool = False


def _alternation(names: list[str]) -> str:
    """Regex alternation of folded names, longest first, spaces matching any run of spaces."""
    parts = sorted(set(names), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in parts)


class DateFinder:
    """Finds date expressions in Arabic (and English) text.

    ``months`` is the parsed content of ``months.yaml`` (see that file for its layout).
    The object is immutable after construction and safe to share.
    """

    def __init__(self, months: dict, source: str | None = None):
        self._norm = Normalizer()
        key = self._norm.key
        try:
            self._names: dict[str, tuple[Calendar, int]] = {}
            for month, series in months["gregorian"].items():
                for names in series.values():
                    for n in names:
                        self._names[key(n)] = ("gregorian", int(month))
            for month, names in months["hijri"].items():
                for n in names:
                    self._names[key(n)] = ("hijri", int(month))
            self._ambiguous = {key(n) for n in months.get("ambiguous", [])}
            self._weekdays = {key(n): int(d) for d, names in months["weekdays"].items() for n in names}
            cues = months.get("year_cues", {})
            nominal = [key(n) for n in cues.get("nominal", [])]
            prepositions = [key(n) for n in cues.get("preposition", [])]
            hijri_suffixes = [key(n) for n in months.get("hijri_suffixes", [])]
            greg_suffixes = [key(n) for n in months.get("gregorian_suffixes", [])]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid months data: {exc!r}", source) from exc
        if len(self._names) < 24:
            raise KnowledgeBaseError("months data holds too few month names", source)
        for name in self._ambiguous:
            if name not in self._names:
                raise KnowledgeBaseError(f"ambiguous name {name!r} is not a month name", source)

        b, e = r"(?<!\w)", r"(?!\w)"
        self._month_re = re.compile(b + "(" + _alternation(list(self._names)) + ")" + e)
        wd = _alternation(list(self._weekdays))
        # Text just before a month name: [weekday] day [من] [شهر]
        self._left_re = re.compile(
            r"(?:" + b + r"(?:يوم\s+)?(?P<wd>" + wd + r")\s*[,\-]?\s*)?"
            r"(?<![\d.,/])(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?$"
        )
        self._left_wd_re = re.compile(b + r"(?:يوم\s+)?(?P<wd>" + wd + r")\s*[,\-]?\s*(?:شهر\s+)?$")
        suffix = (r"(?:\s*(?P<hs>" + _alternation(hijri_suffixes) + r")" + e
                  + r"|\s*(?P<gs>" + _alternation(greg_suffixes) + r")" + e + r")?")
        # Text just after a month name: [D,] YYYY [era], or "من عام YYYY"
        self._right_re = re.compile(
            r"\s*(?:(?P<d>\d{1,2})\s*,\s*|[,\-]\s*|من\s+(?:عام|العام|سنه|السنه)\s+)?"
            r"(?P<y>\d{4})(?![\d.,]\d|\d)" + suffix
        )
        self._pair_sep_re = re.compile(r"\s*(?:[/\-]|\()\s*")
        self._pair_close_re = re.compile(r"\s*\)")
        self._numeric_re = re.compile(
            r"(?<![\d./\-])(?:(?P<d>\d{1,2})(?P<s1>[./\-])(?P<m>\d{1,2})(?P=s1)(?P<y>\d{4})"
            r"|(?P<y2>\d{4})(?P<s2>[./\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))"
            r"(?!\d|[./\-]\d)" + suffix.replace("hs>", "hs_n>").replace("gs>", "gs_n>")
        )
        self._year_re = re.compile(
            b + r"(?:(?P<nom>" + _alternation(nominal) + r")|(?P<pre>" + _alternation(prepositions) + r"))"
            r"\s+(?P<y>\d{4})(?![\d.,]\d|\d)" + suffix
        )

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path) -> "DateFinder":
        """A finder built from a months YAML file."""
        path = Path(path)
        return cls(read_yaml(path, "months data"), str(path))

    @classmethod
    def load_default(cls) -> "DateFinder":
        """A finder built from the months file shipped with marsad."""
        ref = resources.files("marsad.text").joinpath("data/months.yaml")
        try:
            data = yaml.safe_load(ref.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeBaseError(f"cannot read months data: {exc}", str(ref)) from exc
        return cls(data, str(ref))

    # ------------------------------------------------------------------ API
    def find(self, text: str, default_year: int | None = None) -> list[DateMention]:
        """Every date expression in ``text``, in text order, offsets into ``text``.

        ``default_year`` completes day-month dates written without a year (for instance the
        year of the article's publication); without it their value is ``--MM-DD``.
        """
        if not text:
            return []
        norm = self._norm.normalize(text)
        key = norm.key
        cands: list[tuple[int, int, str, Precision, Calendar, str | None, int | None]] = []
        for hit in self._month_hits(key):
            c = self._around_month(key, hit, default_year)
            if c:
                cands.append(c)
        for m in self._numeric_re.finditer(key):
            c = self._numeric(key, m)
            if c:
                cands.append(c)
        for m in self._year_re.finditer(key):
            c = self._year(m)
            if c:
                cands.append(c)
        # Longest first, then leftmost; drop candidates overlapping an accepted one.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        out: list[DateMention] = []
        for s, e, value, prec, cal, hij, wd in cands:
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            os_, oe = norm.to_original(s, e)
            out.append(DateMention(os_, oe, value, prec, cal, text[os_:oe], hij, wd))
        out.sort(key=lambda d: d.start)
        return out

    def parse(self, s: str) -> DateMention | None:
        """The date a short string states (a metadata field or a dateline), or ``None``.

        Among several dates the most precise wins, a Gregorian one over a Hijri one, then the
        first. Bare ``YYYY`` and ``YYYY-MM`` strings are accepted here (not in :meth:`find`).
        """
        if s is None:
            return None
        found = [d for d in self.find(s) if not d.year_missing]
        if found:
            rank = {"day": 0, "month": 1, "year": 2}
            return min(found, key=lambda d: (rank[d.precision], d.calendar != "gregorian", d.start))
        key = self._norm.key(s)
        m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2}))?", key)
        if m:
            y = int(m.group(1))
            if not GREGORIAN_YEARS[0] <= y <= GREGORIAN_YEARS[1]:
                return None
            lead = len(s) - len(s.lstrip())
            end = len(s.rstrip())
            if m.group(2):
                mo = int(m.group(2))
                if 1 <= mo <= 12:
                    return DateMention(lead, end, f"{y:04d}-{mo:02d}", "month", "gregorian", s[lead:end])
                return None
            return DateMention(lead, end, f"{y:04d}", "year", "gregorian", s[lead:end])
        return None

    def month_of(self, name: str) -> tuple[Calendar, int] | None:
        """(calendar, month number) of a month name, or ``None``."""
        return self._names.get(self._norm.key(name))

    # ------------------------------------------------------------------ internals
    def _month_hits(self, key: str) -> list[_MonthHit]:
        raw = []
        for m in self._month_re.finditer(key):
            name = re.sub(r"\s+", " ", m.group(1))
            cal, month = self._names[name]
            raw.append(_MonthHit(m.start(), m.end(), cal, month, name in self._ambiguous or cal == "hijri"))
        hits: list[_MonthHit] = []
        i = 0
        while i < len(raw):
            a = raw[i]
            if i + 1 < len(raw):
                b = raw[i + 1]
                sep = self._pair_sep_re.fullmatch(key, a.end, b.start)
                if sep and a.calendar == b.calendar == "gregorian" and a.month == b.month:
                    end = b.end
                    if "(" in sep.group():
                        close = self._pair_close_re.match(key, end)
                        if not close:
                            hits.append(a)
                            i += 1
                            continue
                        end = close.end()
                    hits.append(_MonthHit(a.start, end, "gregorian", a.month, False, True))
                    i += 2
                    continue
            hits.append(a)
            i += 1
        return hits

    def _around_month(self, key: str, hit: _MonthHit, default_year: int | None):
        start, end = hit.start, hit.end
        weekday = None
        weekday_start = start
        day = None
        window = key[max(0, start - 40):start]
        left = self._left_re.search(window)
        if left:
            day = int(left.group("d"))
            start -= len(window) - left.start()
            if left.group("wd"):
                weekday = self._weekdays[re.sub(r"\s+", " ", left.group("wd"))]
        else:
            lw = self._left_wd_re.search(window)
            if lw:
                weekday_start = start - (len(window) - lw.start())
                weekday = self._weekdays[re.sub(r"\s+", " ", lw.group("wd"))]
        year = None
        hijri_mark = False
        right = self._right_re.match(key, end)
        if right:
            y = int(right.group("y"))
            right_day = right.group("d")
            hijri_mark = right.group("hs") is not None
            lo, hi = HIJRI_YEARS if (hit.calendar == "hijri" or hijri_mark) else GREGORIAN_YEARS
            if lo <= y <= hi and not (right_day is not None and day is not None):
                year = y
                end = right.end()
                if right_day is not None:
                    day = int(right_day)
            else:
                hijri_mark = False
        if day is not None and not 1 <= day <= 31:
            return None
        if day is None and year is None:
            return None  # a month name alone is not reported (ambiguous, or relative)
        if weekday is not None and not left and day is not None:
            start = weekday_start
        if hit.calendar == "hijri":
            if year is None:
                return None  # cannot be placed in time without its year
            return self._hijri(start, end, year, hit.month, day, weekday)
        if hijri_mark:
            return None  # a Gregorian month with a Hijri era mark: inconsistent, skip
        if year is None:
            if default_year is not None:
                year = default_year
            elif not _valid(2000, hit.month, day):  # 2000 is a leap year: 29 Feb passes
                return None
            else:
                return (start, end, f"--{hit.month:02d}-{day:02d}", "day", "gregorian", None, weekday)
        if day is None:
            return (start, end, f"{year:04d}-{hit.month:02d}", "month", "gregorian", None, weekday)
        if not _valid(year, hit.month, day):
            return None
        return (start, end, f"{year:04d}-{hit.month:02d}-{day:02d}", "day", "gregorian", None, weekday)

    def _hijri(self, start, end, year, month, day, weekday):
        from hijridate import Hijri

        try:
            g = Hijri(year, month, day or 1).to_gregorian()
        except (ValueError, OverflowError):
            return None
        if day is None:
            return (start, end, f"{g.year:04d}-{g.month:02d}", "month", "hijri",
                    f"{year:04d}-{month:02d}", weekday)
        return (start, end, f"{g.year:04d}-{g.month:02d}-{g.day:02d}", "day", "hijri",
                f"{year:04d}-{month:02d}-{day:02d}", weekday)

    def _numeric(self, key: str, m: re.Match):
        if m.group("y") is not None:
            a, b, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            day, month = a, b
            if month > 12 and day <= 12:  # US order: 09/29/2021
                day, month = b, a
        else:
            y, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        start, end = m.start(), m.end()
        if m.group("hs_n"):
            if not HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]:
                return None
            return self._hijri(start, end, y, month, day, None)
        if not GREGORIAN_YEARS[0] <= y <= GREGORIAN_YEARS[1] or not _valid(y, month, day):
            return None
        weekday = None
        window = key[max(0, start - 30):start]
        lw = self._left_wd_re.search(window)
        if lw:
            weekday = self._weekdays[re.sub(r"\s+", " ", lw.group("wd"))]
            start -= len(window) - lw.start()
        return (start, end, f"{y:04d}-{month:02d}-{day:02d}", "day", "gregorian", None, weekday)

    def _year(self, m: re.Match):
        y = int(m.group("y"))
        start = m.start("nom") if m.group("nom") else m.start("y")
        end = m.end()
        if m.group("hs"):
            if not HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]:
                return None
            from hijridate import Hijri

            try:
                g = Hijri(y, 1, 1).to_gregorian()
            except (ValueError, OverflowError):
                return None
            return (start, end, f"{g.year:04d}", "year", "hijri", f"{y:04d}", None)
        if not GREGORIAN_YEARS[0] <= y <= GREGORIAN_YEARS[1]:
            return None
        return (start, end, f"{y:04d}", "year", "gregorian", None, None)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True
