"""Event dates: when each coded event happened, resolved against the article's publication date.

:class:`EventDater` (pipeline component ``event_dates``) reads every :class:`~marsad.types.Event`
of an article, takes the sentence holding its evidence and looks there for a date cue:

1. an absolute date found by :class:`~marsad.text.dates.DateFinder` (``29 أيلول 2021``,
   ``نوفمبر 2015`` → month, ``عام 2015`` → year, numeric dates); a day-month date without a
   year takes the publication year;
2. a relative expression resolved by :func:`resolve_relative`: ``اليوم``، ``أمس``، ``أول أمس``،
   a weekday (``اليوم الأربعاء``، ``يوم الجمعة``، ``الأحد الماضي``)، ``قبل يومين``، ``قبل N أيام``،
   ``الأسبوع الماضي/المقبل``، ``الشهر الماضي/المقبل/الجاري``، ``العام الماضي/المقبل/الجاري``،
   ``مطلع/منتصف/نهاية الشهر``، a month name with ``الماضي/المقبل/الجاري`` (``نوفمبر الماضي``).

When several cues are in the sentence, the one nearest the event's trigger wins (the first one
when the event has no trigger). When the evidence sentence has no cue, the sentences of the event's
other mentions are read in order (a headline names the act, the body gives its day).

A day and month written without a year take the publication year. With no publication date, a
date that names its weekday takes the first year, from the latest year written in the article on,
in which that day falls on that weekday (``يوم الجمعة 3 كانون الأول`` in an article whose latest
year is 2020 is 2021-12-03); without a weekday it is left out.

**No cue in the sentence.** The date is the publication date with precision ``day`` only when the
event is reported as news of the day: it is asserted, the article has a day-precision
publication date, and its evidence lies in the headline or in the first two sentences of the body
(the news lead, where Arabic agencies report the day's act in the past tense). Everywhere else
the date is left ``None``: background facts deeper in an article are often years old, and a
wrong date is worse than none.

Precision rules for relative expressions: ``اليوم``، ``أمس``، weekdays and ``قبل N أيام`` give a
day; ``قبل أيام`` and the week expressions give the month of the shifted day (a week back from
the 2nd of a month is the previous month); month expressions give a month; year expressions a
year.

Weekday names come from ``marsad/text/data/months.yaml`` (the DateFinder's data); the relative
grammar (a handful of fixed phrases) is in this module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.text.dates import DateFinder
from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Article

_B, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_PRE = r"(?:و|ف|ب|ل|وب|ول|فب)?"
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|السابق)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه|التالي)"
_CURR = r"(?:الجاري|الحالي|الجاريه|الحاليه)"
_EDGE = r"(?:مطلع|بدايه|اوائل|منتصف|اواسط|نهايه|اواخر|اخر|ختام)"
_NUMS = {"يومين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10}
_MONTH_UNITS = r"(?:الشهر|شهر)"
_YEAR_UNITS = r"(?:العام|السنه|عام|سنه)"
_WEEK_UNITS = r"(?:الاسبوع|اسبوع)"

Resolved = tuple[str, str, tuple[int, int]]


class RelativeDates:
    """Resolves relative date expressions of Arabic news text against a publication date.

    ``weekdays`` maps folded weekday names to ISO day numbers (1 = Monday); ``months`` is a
    :class:`DateFinder` used to read month names.
    """

    def __init__(self, weekdays: dict[str, int], finder: DateFinder):
        self.finder = finder
        self.normalizer = Normalizer()
        self.weekdays = {self.normalizer.key(k): v for k, v in weekdays.items()}
        # weekday names are stored with their article (الأربعاء); accept them with and without it
        names: dict[str, int] = {}
        for k, v in self.weekdays.items():
            names[k] = v
            if k.startswith("ال"):
                names[k[2:]] = v
        self._wd_names = names
        # a name with its article (الأحد) stands alone; a bare name (أحد، اثنين، جمعة are also "one", "two",
        # "Friday prayers" or a first name) only right after يوم
        wd_art = "|".join(sorted((re.escape(n) for n in names if n.startswith("ال")), key=len, reverse=True))
        wd_bare = "|".join(sorted((re.escape(n) for n in names if not n.startswith("ال") and not n.isascii()),
                                  key=len, reverse=True))
        wd = wd_art + (r"|(?<=يوم\s)(?:" + wd_bare + ")" if wd_bare else "")
        month_words = r"[^\W\d_]+(?:\s+[^\W\d_]+)?"
        pats = [
            ("before_yday", _B + _PRE + r"(?:اول\s+(?:من\s+)?امس|اول\s+البارحه)" + _E),
            ("yday", _B + _PRE + r"(?:امس|البارحه|الليله\s+الماضيه)" + _E),
            ("weekday", _B + r"(?:(?P<today>" + _PRE + r"اليوم)\s+|" + _PRE + r"يوم\s+)?"
             + r"(?P<wd>" + _PRE + r"(?:" + wd + r"))" + r"(?:\s+(?P<dir>" + _PAST + "|" + _NEXT + r"))?" + _E),
            ("ndays", _B + r"(?P<dir>قبل|بعد)\s+(?:(?P<num>\d{1,2}|" + "|".join(_NUMS) + r")\s+)?"
             + r"(?P<unit>يومين|ايام|يوما)" + _E),
            ("week", _B + _PRE + r"(?:" + _WEEK_UNITS + r")\s+(?P<dir>" + _PAST + "|" + _NEXT + r")" + _E),
            ("month", _B + r"(?:(?P<edge>" + _PRE + _EDGE + r")\s+)?" + _PRE + _MONTH_UNITS
             + r"(?:\s+(?P<dir>" + _PAST + "|" + _NEXT + "|" + _CURR + r")|\s+(?P<this>هذا))?" + _E),
            ("this_month", _B + _PRE + r"هذا\s+الشهر" + _E),
            ("year", _B + r"(?:(?P<edge>" + _PRE + _EDGE + r")\s+)?" + _PRE + _YEAR_UNITS
             + r"\s+(?P<dir>" + _PAST + "|" + _NEXT + "|" + _CURR + r")" + _E),
            ("this_year", _B + _PRE + r"(?:هذا\s+العام|هذه\s+السنه|العام\s+هذا)" + _E),
            ("named_month", _B + r"(?:" + _PRE + r"شهر\s+)?(?P<m>" + month_words + r")\s+(?P<dir>"
             + _PAST + "|" + _NEXT + "|" + _CURR + r")" + _E),
            ("today", _B + _PRE + r"(?:اليوم|الليله|هذا\s+الصباح|صباح\s+اليوم|مساء\s+اليوم)" + _E),
        ]
        self._patterns = [(name, re.compile(p)) for name, p in pats]

    # -- loading -------------------------------------------------------------------------------
    @classmethod
    def load_default(cls, finder: DateFinder | None = None) -> "RelativeDates":
        ref = resources.files("marsad.text").joinpath("data/months.yaml")
        try:
            data = yaml.safe_load(ref.read_text(encoding="utf-8"))
            weekdays = {n: int(d) for d, names in data["weekdays"].items() for n in names}
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            raise KnowledgeBaseError(f"cannot read weekday names: {exc}", str(ref)) from exc
        return cls(weekdays, finder or DateFinder.load_default())

    # -- API -----------------------------------------------------------------------------------
    def find(self, key: str, published: dt.date) -> list[tuple[int, int, str, str]]:
        """Every relative expression in a folded ``key`` text: ``(start, end, value, precision)``."""
        out: list[tuple[int, int, str, str]] = []
        for name, rx in self._patterns:
            for m in rx.finditer(key):
                r = self._resolve(name, m, published)
                if r is not None:
                    out.append((m.start(), m.end(), r[0], r[1]))
        # longest first, then leftmost, no overlaps
        out.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        kept: list[tuple[int, int, str, str]] = []
        for t in out:
            if all(t[1] <= k[0] or k[1] <= t[0] for k in kept):
                kept.append(t)
        kept.sort()
        return kept

    def _resolve(self, name: str, m: re.Match, pub: dt.date) -> tuple[str, str] | None:
        if name == "today":
            return pub.isoformat(), "day"
        if name == "yday":
            return (pub - dt.timedelta(days=1)).isoformat(), "day"
        if name == "before_yday":
            return (pub - dt.timedelta(days=2)).isoformat(), "day"
        if name == "weekday":
            w = _strip_pre(m.group("wd"), self._wd_names)
            if w is None:
                return None
            day = self._wd_names[w]
            d = m.group("dir")
            if d and re.fullmatch(_NEXT, d):
                delta = (day - pub.isoweekday()) % 7 or 7
                return (pub + dt.timedelta(days=delta)).isoformat(), "day"
            delta = (pub.isoweekday() - day) % 7
            if delta == 0 and d and not m.group("today"):
                delta = 7  # "الأحد الماضي" said on a Sunday: a week ago
            return (pub - dt.timedelta(days=delta)).isoformat(), "day"
        if name == "ndays":
            num = m.group("num")
            sign = -1 if m.group("dir") == "قبل" else 1
            if m.group("unit") == "يومين" and not num:
                return (pub + sign * dt.timedelta(days=2)).isoformat(), "day"
            if not num:
                if m.group("unit") != "ايام":
                    return None
                return _month(pub + sign * dt.timedelta(days=3)), "month"
            n = int(num) if num.isdigit() else _NUMS.get(num)
            if not n:
                return None
            return (pub + sign * dt.timedelta(days=n)).isoformat(), "day"
        if name == "week":
            sign = 1 if re.fullmatch(_NEXT, m.group("dir")) else -1
            return _month(pub + sign * dt.timedelta(days=7)), "month"
        if name in ("month", "this_month"):
            d = m.groupdict().get("dir")
            if name == "month" and not d and not m.groupdict().get("this") and not m.groupdict().get("edge"):
                return None  # a bare "الشهر" is not a date
            if d and re.fullmatch(_PAST, d):
                return _month(_add_months(pub, -1)), "month"
            if d and re.fullmatch(_NEXT, d):
                return _month(_add_months(pub, 1)), "month"
            return _month(pub), "month"
        if name in ("year", "this_year"):
            d = m.groupdict().get("dir")
            if d and re.fullmatch(_PAST, d):
                return f"{pub.year - 1:04d}", "year"
            if d and re.fullmatch(_NEXT, d):
                return f"{pub.year + 1:04d}", "year"
            return f"{pub.year:04d}", "year"
        if name == "named_month":
            words = m.group("m").split()
            found = None
            for k in (" ".join(words), words[-1]):
                k2 = k[1:] if k[:1] in "وفب" and self.finder.month_of(k) is None else k
                got = self.finder.month_of(k) or self.finder.month_of(k2)
                if got and got[0] == "gregorian":
                    found = got[1]
                    break
            if found is None:
                return None
            d = m.group("dir")
            year = pub.year
            if re.fullmatch(_PAST, d):
                if found >= pub.month:
                    year -= 1
            elif re.fullmatch(_NEXT, d):
                if found <= pub.month:
                    year += 1
            return f"{year:04d}-{found:02d}", "month"
        return None


def _strip_pre(word: str, names: dict[str, int]) -> str | None:
    if word in names:
        return word
    for p in ("وب", "ول", "فب", "و", "ف", "ب", "ل"):
        if word.startswith(p) and word[len(p):] in names:
            return word[len(p):]
    return None


def _month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def parse_published(published: str | None) -> dt.date | None:
    """A publication date (``YYYY-MM-DD``; ``YYYY-MM`` gives the 15th) or ``None``."""
    if not published:
        return None
    try:
        if len(published) >= 10:
            return dt.date.fromisoformat(published[:10])
        if len(published) == 7:
            return dt.date(int(published[:4]), int(published[5:7]), 15)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _default_relative() -> RelativeDates:
    return RelativeDates.load_default()


def resolve_relative(text: str, published: str | dt.date | None,
                     resolver: RelativeDates | None = None) -> Resolved | None:
    """The first relative date expression of ``text`` as ``(date, precision, (start, end))``.

    ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; the span is in ``text``'s offsets.
    ``None`` when ``text`` has no relative expression or ``published`` is not a usable date.
    """
    pub = published if isinstance(published, dt.date) else parse_published(published)
    if pub is None or not text:
        return None
    resolver = resolver or _default_relative()
    norm = resolver.normalizer.normalize(text)
    found = resolver.find(norm.key, pub)
    if not found:
        return None
    s, e, value, prec = found[0]
    return value, prec, norm.to_original(s, e)


class DateResolver:
    """Absolute (DateFinder) and relative dates of a stretch of text, in original offsets."""

    def __init__(self, finder: DateFinder | None = None, relative: RelativeDates | None = None):
        self.finder = finder or DateFinder.load_default()
        self.relative = relative or RelativeDates.load_default(self.finder)

    def dates(self, norm: Normalized, start: int, end: int, pub: dt.date | None,
              floor_year: int | None = None) -> list[tuple[int, int, str, str]]:
        """``(start, end, value, precision)`` in original offsets of ``norm.original[start:end]``.

        A day and month without a year take the publication year; with no publication date, a date
        that names its weekday (``يوم الجمعة 3 كانون الأول``) takes the first year from ``floor_year``
        on (within six years) in which that day falls on that weekday.
        """
        text = norm.original[start:end]
        out: list[tuple[int, int, str, str]] = []
        for d in self.finder.find(text, default_year=pub.year if pub else None):
            value = d.value
            if d.year_missing:
                value = _year_from_weekday(d, floor_year) if pub is None else None
                if value is None:
                    continue
            out.append((start + d.start, start + d.end, value, d.precision))
        if pub is not None:
            ks, ke = norm.from_original(start), norm.from_original(end)
            for s, e, value, prec in self.relative.find(norm.key[ks:ke], pub):
                os_, oe = norm.to_original(ks + s, ks + e)
                if all(oe <= a or b <= os_ for a, b, _, _ in out):
                    out.append((os_, oe, value, prec))
        out.sort()
        return out


def _year_from_weekday(d, floor_year: int | None) -> str | None:
    """``YYYY-MM-DD`` for a year-less date that names its weekday, or ``None``."""
    if d.weekday is None or floor_year is None:
        return None
    month, day = int(d.value[2:4]), int(d.value[5:7])
    for year in range(floor_year, floor_year + 7):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue
        if when.isoweekday() == d.weekday:
            return when.isoformat()
    return None


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def latest_year(text: str) -> int | None:
    """The latest year written in ``text`` (a floor for dates whose year is not written)."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


#: How many body sentences count as the news lead.
LEAD_SENTENCES = 2


class EventDater:
    """``Article -> Article``: sets ``date`` and ``date_precision`` of every event (see module doc)."""

    name = "event_dates"

    def __init__(self, resolver: DateResolver | None = None, lead_sentences: int = LEAD_SENTENCES):
        self.resolver = resolver or DateResolver()
        self.normalizer = Normalizer()
        self.lead_sentences = lead_sentences

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        pub = parse_published(article.published)
        day_pub = pub if article.published and len(article.published) >= 10 else None
        sentences = _sentence_bounds(article)
        lead_end = _lead_end(article, sentences, self.lead_sentences)
        floor_year = None if pub is not None else latest_year(article.text)
        cache: dict[tuple[int, int], list] = {}
        for ev in article.events:
            if ev.date is not None:
                continue  # set upstream (e.g. by the coder from a dated clause)
            # the evidence first, then the other mentions of the same event (a headline names the
            # act, the body sentence gives its day)
            spans = [ev.evidence] + [m for m in ev.mentions if (m.start, m.end) != (ev.evidence.start, ev.evidence.end)]
            for i, span in enumerate(spans):
                s, e = _enclosing(sentences, span.start, span.end)
                found = cache.get((s, e))
                if found is None:
                    found = cache[(s, e)] = self.resolver.dates(norm, s, e, pub, floor_year)
                if found:
                    anchor = ev.trigger.start if (ev.trigger is not None and i == 0) else None
                    best = found[0] if anchor is None else min(found, key=lambda d: _distance(d, anchor))
                    ev.date, ev.date_precision = best[2], best[3]
                    break
            else:
                if day_pub is not None and ev.modality == "asserted" and ev.evidence.start < lead_end:
                    ev.date, ev.date_precision = day_pub.isoformat(), "day"
        return article


def _distance(d: tuple[int, int, str, str], anchor: int) -> int:
    if d[0] <= anchor < d[1]:
        return 0
    return min(abs(d[0] - anchor), abs(d[1] - anchor))


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n؟]+[.!?؟]?", article.text)]


def _enclosing(sentences: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    s0, e0 = start, end
    for s, e in sentences:
        if s <= start < e or (s < end <= e):
            s0, e0 = min(s0, s), max(e0, e)
        elif s >= end:
            break
    return s0, e0


def _lead_end(article: Article, sentences: Sequence[tuple[int, int]], n: int) -> int:
    """End offset of the news lead: the headline line plus the first ``n`` body sentences.

    Short lines at the top (headline, dateline, byline) do not count as body sentences.
    """
    text = article.text
    count = 0
    for s, e in sentences:
        seg = text[s:e].strip()
        if len(seg.split()) < 8:  # headline, dateline, byline, section label
            continue
        count += 1
        if count >= n:
            return e
    return len(text)


__all__ = ["EventDater", "DateResolver", "RelativeDates", "resolve_relative", "parse_published", "latest_year",
           "LEAD_SENTENCES"]
