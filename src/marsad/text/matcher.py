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

from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

import ahocorasick

#: proclitics that may be written onto a word in front of a known phrase (folded; "" = none)
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
#: the same with the article (لل: ل + ال with the alef dropped)
WITH_ARTICLE = frozenset(p + "ال" for p in PROCLITICS) | {"لل", "ولل", "فلل"}
_PREFIXES = PROCLITICS | WITH_ARTICLE

P = TypeVar("P")


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

    def find(self, key: str) -> list[KeyMatch[P]]:
        """Every phrase in ``key`` that ends a word and has only proclitics (and the article) in front
        of it within its word, in the automaton's order (by end); overlapping matches included."""
        if self._empty:
            return []
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
