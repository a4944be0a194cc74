"""Sentence splitting for Arabic news text, on the original text (offsets are original offsets).

Line breaks end sentences (news text puts headlines, bylines and paragraphs on their own lines).
Inside a line a sentence ends after ``.``, ``!``, ``?``, ``؟``, ``…`` or ``؛``-free runs of such
marks followed by white space, except:

* inside a quotation opened with ``«`` (or a balanced pair of ASCII/curly double quotes) — a quote
  is part of the sentence that reports it;
* after an abbreviation: a single letter (``د.`` doctor, ``م.`` engineer, ``أ.``), or a short
  Latin abbreviation (``U.S.``, ``Dr.``);
* between digits (``6.5``), which never has a space after the point anyway.
"""

from __future__ import annotations

import re

from marsad.types import Sentence

_LINE = re.compile(r"[^\n\r]+")
_END = re.compile(r"(?:\.{3}|[.!?؟…])+[\"'»”)\]]*(?=\s)")
_LATIN_ABBR = frozenset("mr mrs ms dr st prof gen col sgt lt capt jr sr inc ltd co vs etc no".split())
_OPEN, _CLOSE = "«“", "»”"
_QUOTE = re.compile('[«“»”"]')


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the mark at ``line[dot]`` closes an abbreviation rather than a sentence."""
    if line[dot] != ".":
        return False
    j = dot
    while j > 0 and not line[j - 1].isspace() and line[j - 1] not in "(«\"'":
        j -= 1
    word = line[j:dot]
    if len(word) == 1 and word.isalpha():
        return True
    if word.lower() in _LATIN_ABBR:
        return True
    # U.S. / U.N.: letters separated by dots
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as ``(start, end)`` offsets, trimmed of surrounding white space."""
    out: list[Sentence] = []
    for lm in _LINE.finditer(text):
        line = lm.group()
        base = lm.start()
        start = 0
        ends = list(_END.finditer(line))
        if ends:
            # Only quotation marks change whether a mark ends a sentence: walk the marks in order
            # and, before each, the quotation marks that precede its last character.
            guillemets = sum(line.count(c) for c in _OPEN) == sum(line.count(c) for c in _CLOSE)
            ascii_quotes = line.count('"') % 2 == 0
            quotes = [(q.start(), q.group()) for q in _QUOTE.finditer(line)]
            qi = 0
            depth = 0
            in_ascii = False
            for m in ends:
                end = m.end()
                while qi < len(quotes) and quotes[qi][0] < end:
                    ch = quotes[qi][1]
                    qi += 1
                    if ch in _OPEN and guillemets:
                        depth += 1
                    elif ch in _CLOSE and guillemets:
                        depth = max(0, depth - 1)
                    elif ch == '"' and ascii_quotes:
                        in_ascii = not in_ascii
                if depth == 0 and not in_ascii and not _is_abbreviation(line, m.start()):
                    _add(out, text, base + start, base + end)
                    start = end
        _add(out, text, base + start, base + len(line))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
