"""Press compilations: one file holding many articles from many outlets.

The layout this module reads (common in Arabic press-review files)::

    <header: site breadcrumb, title, dates, "ملف ... 30/9/2021">
    عناوين الملف :
      1. <outlet> :<headline>
      2. <outlet> :<headline>
      ...
    <outlet> :<headline>          <- first item
    <dateline, byline, body...>
    =====================          <- a line of "=" (or "-", "_", "*") separates items
    <outlet> :<headline>
    ...

Rules (none depends on one particular file):

* A text is a compilation when it has a numbered table of contents (at least
  :data:`MIN_TOC_ENTRIES` consecutive ``N. outlet : headline`` lines) followed by at least one
  separator line, or, without a table of contents, at least two separator lines and a majority
  of items whose first line reads ``outlet : headline``.
* Items are the stretches between separator lines after the table of contents; blank
  stretches are dropped. An item's ``text`` is exactly its slice of the file (surrounding
  blank lines trimmed), ``offset`` is where the slice starts.
* Outlet and title come from the item's first line ``outlet : headline`` (the outlet is the
  part before the first colon). The item is matched to the table of contents by order and
  headline similarity; an entry's outlet is used when the item has no such line. An item
  missing from the table of contents is kept, with a note.
* The publication date is the first day-precision date on a short line near the top of the
  item (``تاريخ النشر:29.09.2021``, ``30 سبتمبر 2021``, ``الأربعاء 29 أيلول 2021`` ...); without
  one the compilation's own date is used (with a note): the date on a header line naming the
  file (``ملف``, ``نشرة``, ``رصد`` ...), else the last date in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from marsad.io.meta import Line, find_byline, find_dateline, guess_title, lines_of, looks_like_headline
from marsad.text.dates import DateFinder
from marsad.text.normalize import Normalizer

MIN_TOC_ENTRIES = 3
#: An outlet name is short.
MAX_OUTLET_WORDS = 5
MAX_OUTLET_CHARS = 40
#: Headline similarity (0..1, on folded keys) for an item to match a table-of-contents entry.
MATCH_SIMILARITY = 0.6
#: How many table-of-contents entries after the expected one an item may match (skipped items).
LOOKAHEAD = 3

_SEPARATOR = re.compile(r"^[ \t\u00a0]*(?:={5,}|-{5,}|_{5,}|\*{5,})[ \t\u00a0]*$", re.M)
_TOC_LINE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.)\-–]\s*(?P<rest>\S.*?)\s*$")
_OUTLET_LINE = re.compile(r"^(?P<outlet>[^:：\n]{2,60}?)\s*[:：]\s*(?P<title>\S.*?)\s*$")
_HEADER_CUE = re.compile(r"ملف|نشرة|رصد|عرض الصحف|جولة الصحف|الصحافة|مختارات", re.I)


@dataclass(frozen=True, slots=True)
class TocEntry:
    number: int
    outlet: str | None
    headline: str
    line: Line


@dataclass(slots=True)
class CompilationItem:
    """One article of a compilation: ``text`` is ``file_text[offset:offset + len(text)]``."""

    offset: int
    text: str
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    toc_number: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Compilation:
    title: str | None
    published: str | None
    toc: list[TocEntry]
    items: list[CompilationItem]


def _split_outlet_line(text: str) -> tuple[str, str] | None:
    m = _OUTLET_LINE.match(text)
    if not m:
        return None
    outlet = m.group("outlet").strip(" \u00a0\t\"'«»“”")
    title = m.group("title").strip()
    if not outlet or len(outlet) > MAX_OUTLET_CHARS or len(outlet.split()) > MAX_OUTLET_WORDS:
        return None
    if not title:
        return None
    return outlet, title


class CompilationSplitter:
    """Detects press compilations and splits them into items."""

    def __init__(self, finder: DateFinder | None = None, normalizer: Normalizer | None = None):
        self.finder = finder or DateFinder.load_default()
        self.norm = normalizer or Normalizer()

    # ------------------------------------------------------------------ detection
    def _toc(self, lines: list[Line], limit: int) -> tuple[list[TocEntry], int]:
        """The longest run of consecutively numbered lines before ``limit`` (and its end offset)."""
        best: list[TocEntry] = []
        run: list[TocEntry] = []
        for line in lines:
            if line.start >= limit:
                break
            m = _TOC_LINE.match(line.text)
            if m and (not run and int(m.group("n")) == 1 or run and int(m.group("n")) == run[-1].number + 1):
                rest = m.group("rest")
                parts = _split_outlet_line(rest)
                outlet, headline = parts if parts else (None, rest)
                run.append(TocEntry(int(m.group("n")), outlet, headline, line))
                continue
            if len(run) > len(best):
                best = run
            run = []
            if m and int(m.group("n")) == 1:
                rest = m.group("rest")
                parts = _split_outlet_line(rest)
                outlet, headline = parts if parts else (None, rest)
                run = [TocEntry(1, outlet, headline, line)]
        if len(run) > len(best):
            best = run
        if len(best) < MIN_TOC_ENTRIES:
            return [], 0
        return best, best[-1].line.end

    def split(self, text: str) -> Compilation | None:
        """The compilation in ``text``, or ``None`` when ``text`` is not one."""
        seps = list(_SEPARATOR.finditer(text))
        if not seps:
            return None
        lines = lines_of(text)
        toc, body_start = self._toc(lines, seps[0].start())
        if not toc and len(seps) < 2:
            return None
        # Items: the stretches between separators, after the table of contents.
        bounds: list[tuple[int, int]] = []
        pos = body_start
        for sep in seps:
            if sep.start() >= pos:
                bounds.append((pos, sep.start()))
                pos = sep.end()
        bounds.append((pos, len(text)))
        raw_items: list[tuple[int, int, list[Line]]] = []
        for s, e in bounds:
            item_lines = lines_of(text, s, e)
            if item_lines:
                raw_items.append((item_lines[0].start, item_lines[-1].end, item_lines))
        if not toc:
            with_outlet = sum(1 for _, _, ls in raw_items if _split_outlet_line(ls[0].text))
            if len(raw_items) < 2 or with_outlet * 2 <= len(raw_items):
                return None
            header_end = 0
        else:
            header_end = toc[0].line.start
        header_lines = [ln for ln in lines if ln.end <= header_end]
        title, _ = guess_title(header_lines) if header_lines else (None, -1)
        own_date = self._header_date(header_lines)
        items = self._match(text, raw_items, toc)
        for item in items:
            if item.published is None and own_date:
                item.published = own_date
                item.notes.append(f"publication date from the compilation ({own_date})")
        return Compilation(title, own_date, toc, items)

    def _header_date(self, header: list[Line]) -> str | None:
        cued = None
        last = None
        for line in header:
            found = [d for d in self.finder.find(line.text) if d.precision == "day" and not d.year_missing]
            if found:
                last = found[-1].value
                if _HEADER_CUE.search(line.text):
                    cued = found[-1].value
        return cued or last

    # ------------------------------------------------------------------ matching
    def _sim(self, a: str, b: str) -> float:
        ka, kb = self.norm.key(a), self.norm.key(b)
        if not ka or not kb:
            return 0.0
        if ka in kb or kb in ka:
            return min(len(ka), len(kb)) / max(len(ka), len(kb)) * 0.5 + 0.5
        return SequenceMatcher(None, ka, kb, autojunk=False).ratio()

    def _same_outlet(self, a: str | None, b: str | None) -> bool:
        return bool(a and b) and self.norm.key(a).replace(" ", "") == self.norm.key(b).replace(" ", "")

    def _find_entry(self, toc: list[TocEntry], ptr: int, outlet: str | None, headline: str,
                    used: set[int]) -> int | None:
        for j in range(ptr, min(len(toc), ptr + 1 + LOOKAHEAD)):
            if j in used:
                continue
            e = toc[j]
            sim = self._sim(headline, e.headline)
            if outlet is None:
                # no outlet line: compare the whole first line with the entry's headline
                if sim >= MATCH_SIMILARITY:
                    return j
            elif sim >= MATCH_SIMILARITY and (self._same_outlet(outlet, e.outlet) or sim >= 0.9):
                return j
        return None

    def _match(self, text: str, raw_items: list[tuple[int, int, list[Line]]],
               toc: list[TocEntry]) -> list[CompilationItem]:
        items: list[CompilationItem] = []
        ptr = 0
        used: set[int] = set()
        for k, (s, e, ls) in enumerate(raw_items):
            item = CompilationItem(s, text[s:e])
            first = ls[0].text
            parsed = _split_outlet_line(first)
            outlet, headline = parsed if parsed else (None, first)
            j = self._find_entry(toc, ptr, outlet, headline, used) if toc else None
            if j is None and parsed and toc:
                # "outlet : headline" may be a headline holding a colon ("بوتين: ..."): try it whole
                j = self._find_entry(toc, ptr, None, first, used)
                if j is not None and not self._same_outlet(outlet, toc[j].outlet):
                    outlet, headline = None, first
            if j is None and not parsed and toc and ptr < len(toc):
                # no outlet line and no similar headline: take the next entry by order, unless the
                # next item clearly matches it (then this item is an extra one)
                nxt = raw_items[k + 1][2][0].text if k + 1 < len(raw_items) else None
                nxt_parsed = _split_outlet_line(nxt) if nxt else None
                nxt_head = nxt_parsed[1] if nxt_parsed else nxt
                if not (nxt_head and self._sim(nxt_head, toc[ptr].headline) >= MATCH_SIMILARITY):
                    j = ptr
                    item.notes.append("matched to the table of contents by order")
            if j is not None:
                entry = toc[j]
                used.add(j)
                if j > ptr:
                    item.notes.append(f"table of contents entries {ptr + 1}..{j} have no item")
                ptr = j + 1
                item.toc_number = entry.number
                item.outlet = outlet or entry.outlet
                item.title = headline if parsed and outlet else (entry.headline if entry.headline else headline)
            else:
                if toc:
                    item.notes.append("item not in the table of contents")
                if parsed:
                    item.outlet, item.title = outlet, headline
                elif looks_like_headline(first):
                    item.title = first
            top = ls[1:] if (parsed or item.title == first) else ls
            dated = find_dateline(top, self.finder, top=4)
            if dated:
                item.published = dated[0].value
            item.author = find_byline(top, 0)
            items.append(item)
        return items
