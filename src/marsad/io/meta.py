"""Metadata found in the first lines of a plain-text article: headline, byline, dateline.

The rules are shared by the ``.txt`` reader and by the press-compilation splitter. They only
look at the top of the text and never change it: a title stays inside the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.dates import DateFinder, DateMention

#: How many non-empty lines at the top of an article are searched for a byline or dateline.
TOP_LINES = 8
#: A headline is at most this long (characters) and this many words.
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 35
#: A byline or dateline is a short line.
MAX_BYLINE_CHARS = 80
MAX_DATELINE_CHARS = 120

_BREADCRUMB = re.compile(r"\s*(?:»|«|›|\\|>)\s*")
_BYLINE_CUE = re.compile(
    r"^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|إعداد وتحرير|تقرير|By|by)\s*[:：\-–]?\s*(?P<name>[^:：|\-–\d]{3,60}?)\s*[:：.]?\s*$"
)
_BYLINE_SEGMENTS = re.compile(r"^\s*(?P<name>[^:：|\-–\d]{3,40}?)\s*[-–|]\s*.+[:：]\s*$")
_DATELINE_CUE = re.compile(r"تاريخ النشر|نشر في|نشر بتاريخ|بتاريخ|آخر تحديث|اخر تحديث|published|updated", re.I)
_SENTENCE_END = (".", ":", "،", ",", "؛", ";")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text with its offsets (``text`` is stripped; offsets are of the stripped part)."""

    start: int
    end: int
    text: str


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-blank lines of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos = stop + 1
    return out


def looks_like_headline(line: str) -> bool:
    """Short, no sentence-final period, at least two words."""
    words = line.split()
    return (2 <= len(words) <= MAX_TITLE_WORDS and len(line) <= MAX_TITLE_CHARS
            and not line.endswith(_SENTENCE_END))


def guess_title(lines: list[Line]) -> tuple[str | None, int]:
    """(title, index of the title line) from the first non-blank line, or (None, -1).

    A breadcrumb line (``الرئيسية » تقارير » العنوان``) gives its last segment.
    """
    if len(lines) < 2:
        return None, -1
    first = lines[0].text
    parts = [p for p in _BREADCRUMB.split(first) if p.strip()]
    if len(parts) >= 3:
        last = parts[-1].strip()
        return (last, 0) if looks_like_headline(last) else (None, -1)
    return (first, 0) if looks_like_headline(first) else (None, -1)


def find_byline(lines: list[Line], after: int = 0) -> str | None:
    """Author from a short byline line near the top (``كتب: ...``, ``بقلم ...``, ``Name - ... :``)."""
    for line in lines[after:after + TOP_LINES]:
        t = line.text
        if len(t) > MAX_BYLINE_CHARS:
            continue
        m = _BYLINE_CUE.match(t) or _BYLINE_SEGMENTS.match(t)
        if m:
            name = m.group("name").strip(" .:،,-–")
            if 1 <= len(name.split()) <= 4:
                return name
    return None


def find_dateline(lines: list[Line], finder: DateFinder, after: int = 0,
                  top: int = TOP_LINES) -> tuple[DateMention, Line] | None:
    """The publication date a short line near the top states (day precision), with its line.

    Lines with a cue (``تاريخ النشر``, ``نشر في``, ``آخر تحديث``) or made mostly of the date win;
    within a line the first full date counts (publication before update), a Gregorian date
    before a Hijri one.
    """
    for line in lines[after:after + top]:
        t = line.text
        if len(t) > MAX_DATELINE_CHARS:
            continue
        found = [d for d in finder.find(t) if d.precision == "day" and not d.year_missing]
        if not found:
            continue
        greg = [d for d in found if d.calendar == "gregorian"]
        best = (greg or found)[0]
        dated = sum(d.end - d.start for d in found)
        if _DATELINE_CUE.search(t) or dated >= 0.3 * len(t) or len(t.split()) <= 8:
            return best, line
    return None
