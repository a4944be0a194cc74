"""Clitic-aware matching of known phrases over the folded ``key`` view of a text.

:class:`KeyMatcher` holds folded phrases (``(key, payload)`` pairs) in one Aho–Corasick automaton
(pyahocorasick). :meth:`KeyMatcher.find` keeps a match only where it ends a word and where the letters
in front of it, back to the start of the word, are proclitics (و ف ب ل ك and their pairs وب ول وك فب فل
فك), optionally with the article (``ال``, or ``لل``): so ``وبالعقوبات`` holds ``عقوبات`` and ``لأردوغان``
holds ``اردوغان``, while ``بوتين`` is never found inside another word. Which prefix a phrase accepts is
the caller's choice (each match says which prefix was seen); :func:`longest_first` then resolves
overlapping matches, longest first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

import ahocorasick

#: proclitics that may be written onto a word in front of a known phrase (folded; "" = none)
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
#: the same with the article (لل: ل + ال with the alef dropped)
WITH_ARTICLE = frozenset(p + "ال" for p in PROCLITICS) | {"لل", "ولل", "فلل"}
_PREFIXES = PROCLITICS | WITH_ARTICLE

P = TypeVar("P")

#: what :meth:`KeyMatcher.find` reads as one space when ``squeeze`` is on: runs of white space, quotation
#: marks, brackets and slashes (صيغة "أستانا" holds the phrase صيغة أستانا, an editor's (فلاديمير) بوتين holds
#: فلاديمير بوتين, القرار /2254/ holds القرار 2254, and a name broken over two lines is found)
_GAP_CHARS = '"\u201c\u201d\u201e\u00ab\u00bb()\\[\\]/\t\n\r\f\v\u00a0\u2028\u2029'
#: those characters become a plain space, one character for one
_TO_SPACE = re.compile(f"[{_GAP_CHARS}]")
_RUN = re.compile(" {2,}")


#: a phrase found in a key view: ``(start, end, key, prefix, payload)``, with ``start``/``end`` offsets in the
#: key view and ``prefix`` the proclitics (and article) written onto the word in front of the phrase (a plain
#: tuple: the actor layer finds tens of thousands per second)
KeyMatch = tuple[int, int, str, str, P]


class KeyMatcher(Generic[P]):
    """Folded phrases with a payload each, found at word boundaries behind proclitics."""

    def __init__(self, pairs: Iterable[tuple[str, P]]):
        self._automaton = ahocorasick.Automaton()
        for key, payload in pairs:
            self._automaton.add_word(key, (key, payload))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, key: str, squeeze: bool = False) -> list[KeyMatch[P]]:
        """Every phrase in ``key`` that ends a word and has only proclitics (and the article) in front
        of it within its word, in the automaton's order (by end); overlapping matches included.

        With ``squeeze``, runs of white space and quotation marks count as one space (a phrase
        may then span them); offsets are still offsets in ``key``."""
        if self._empty:
            return []
        if squeeze:
            return self._find_squeezed(key)
        found: list[KeyMatch[P]] = []
        n = len(key)
        prefixes = _PREFIXES
        for end_idx, (k, payload) in self._automaton.iter(key):
            end = end_idx + 1
            if end < n and key[end].isalnum():
                continue
            start = end - len(k)
            ws = start
            while ws > 0 and key[ws - 1].isalnum():
                ws -= 1
            prefix = key[ws:start]
            if prefix in prefixes:
                found.append((start, end, k, prefix, payload))
        return found


    def _find_squeezed(self, key: str) -> list[KeyMatch[P]]:
        flat = _TO_SPACE.sub(" ", key)  # same length: offsets unchanged so far
        if "  " not in flat:
            return self.find(flat)
        parts: list[str] = []
        # one row per run copied into the squeezed text: where it starts there, where it starts in
        # ``key``, and where it ends in ``key`` (a run of spaces becomes one space standing for it all)
        sq_at: list[int] = []
        key_at: list[int] = []
        key_end: list[int] = []
        gap: list[bool] = []
        last = n_sq = 0
        for m in _RUN.finditer(flat):
            a, b = m.span()
            if a > last:
                parts.append(flat[last:a])
                sq_at.append(n_sq), key_at.append(last), key_end.append(a), gap.append(False)
                n_sq += a - last
            parts.append(" ")
            sq_at.append(n_sq), key_at.append(a), key_end.append(b), gap.append(True)
            n_sq += 1
            last = b
        parts.append(flat[last:])
        sq_at.append(n_sq), key_at.append(last), key_end.append(len(key)), gap.append(False)

        def start_of(p: int) -> int:
            i = bisect.bisect_right(sq_at, p) - 1
            return key_at[i] + (p - sq_at[i])

        def end_of(p: int) -> int:  # an end offset: after the character at p - 1
            i = bisect.bisect_right(sq_at, p - 1) - 1
            return key_end[i] if gap[i] else key_at[i] + (p - sq_at[i])

        return [(start_of(a), end_of(b), k, prefix, payload)
                for a, b, k, prefix, payload in self.find("".join(parts))]


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def longest_first(matches: list[S], length: int) -> list[S]:
    """The matches (with ``start`` and ``end`` up to ``length``) that overlap no longer (or, as long,
    earlier) one, in text order."""
    ordered = sorted(matches, key=lambda m: (m.start - m.end, m.start))
    used = bytearray(length + 1)
    taken: list[S] = []
    for m in ordered:
        if any(used[m.start:m.end]):
            continue
        used[m.start:m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken
