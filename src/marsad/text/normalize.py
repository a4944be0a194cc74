"""Arabic normalization that keeps a map back to the original characters.

Two aligned views of a text are produced in one pass:

``base``
    the text with diacritics, tatweel and invisible marks removed and presentation forms
    (ligatures such as ``ﻻ``) expanded. Letters are kept as written, so a lexicon can still
    tell ``إلى`` from ``الى``.
``key``
    ``base`` with letters folded for matching and search keys: alef forms (أ إ آ ٱ → ا),
    hamza on carriers (ؤ → و, ئ → ي), alef maqsura (ى → ي), ta marbuta (ة → ه), Persian
    letters (ک ی → ك ي), Arabic-Indic digits (٣ → 3), punctuation variants («» “” → ", ، → ,
    ؛ → ;, ؟ → ?, dashes → -) and ASCII case.

Every fold is one character for one character, so ``base`` and ``key`` have the same length
and the same offset map; only deletions and expansions move offsets. :meth:`Normalized.to_original`
maps a ``[start, end)`` span of either view back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Characters removed from both views.
_DIACRITICS = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)
_TATWEEL = "\u0640"
_INVISIBLE = (
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u061C", "\uFEFF", "\u00AD"]
)
#: Characters that belong to the letter before them: a span ending on a letter is extended over them.
ATTACHED = frozenset(_DIACRITICS + [_TATWEEL])

# One-for-one folds applied to the key view only.
_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ې": "ي", "ۀ": "ه", "ە": "ه",
}
_DIGIT_FOLDS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT_FOLDS = {
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"', "‹": '"', "›": '"',
    "‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "ـ": "",
    "\u00A0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200A": " ",
    "\u202F": " ", "\u205F": " ", "\u3000": " ", "\t": " ",
}


@dataclass(frozen=True, slots=True)
class NormOptions:
    """Which folds the key view applies (deletions always apply to both views)."""

    alef: bool = True
    hamza: bool = True
    alef_maqsura: bool = True
    ta_marbuta: bool = True
    digits: bool = True
    punct: bool = True
    lower: bool = True


MATCH = NormOptions()
"""Everything folded: for matching names and for search keys."""


class _Replacer:
    """``str.translate`` for a table that leaves most characters alone.

    ``str.translate`` looks every character up in the table; here one regex finds which of the
    table's characters occur, and each of those is replaced with ``str.replace`` (several times
    faster on news text, where a handful of distinct characters change). Replacing one character
    after another equals translating at once because no replacement contains a character of the
    table (checked when the table is built).
    """

    __slots__ = ("table", "_chars", "_pattern")

    #: beyond this many distinct characters to replace, plain ``str.translate`` is used
    MAX_DISTINCT = 32

    def __init__(self, table: dict[int, str]):
        self.table = table
        self._chars = {chr(cp): rep for cp, rep in table.items()}
        if any(c in self._chars for rep in self._chars.values() for c in rep):
            raise ValueError("a replacement contains a character that is itself replaced")
        self._pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self._chars)) + "]")

    def __call__(self, text: str) -> str:
        if len(text) < 32:  # a word: looking each character up is as fast
            return text.translate(self.table)
        present = set(self._pattern.findall(text))
        if len(present) > self.MAX_DISTINCT:
            return text.translate(self.table)
        for ch in present:
            text = text.replace(ch, self._chars[ch])
        return text


@lru_cache(maxsize=8)
def _tables(options: NormOptions) -> tuple[dict[int, str], dict[int, str], re.Pattern[str], _Replacer, _Replacer]:
    """(base table, key table, regex of characters whose replacement is not one character,
    and the two tables as :class:`_Replacer`)."""
    base: dict[int, str] = {}
    for ch in _DIACRITICS + _INVISIBLE + [_TATWEEL]:
        base[ord(ch)] = ""
    # Presentation forms: NFKC gives the plain letters (ligatures expand to two or more).
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        plain = unicodedata.normalize("NFKC", ch)
        plain = "".join(c for c in plain if c not in ATTACHED and c != " ")
        if plain != ch:
            base[cp] = plain
    key = dict(base)
    folds: dict[str, str] = {}
    for ch, to in _LETTER_FOLDS.items():
        if (ch in "أإآٱٲٳ" and options.alef) or (ch in "ؤئ" and options.hamza) \
                or (ch == "ى" and options.alef_maqsura) or (ch in "ةۀە" and options.ta_marbuta) \
                or ch in "کیې":
            folds[ch] = to
    if options.digits:
        folds.update(_DIGIT_FOLDS)
    if options.punct:
        folds.update({k: v for k, v in _PUNCT_FOLDS.items() if v != ""})
    if options.lower:
        folds.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
    for ch, to in folds.items():
        key[ord(ch)] = to
    # Apply letter folds to expanded presentation forms too.
    for cp, plain in base.items():
        if plain:
            key[cp] = "".join(folds.get(c, c) for c in plain)
    specials = sorted(chr(cp) for cp, rep in base.items() if len(rep) != 1)
    pattern = re.compile("[" + "".join(re.escape(c) for c in specials) + "]")
    return base, key, pattern, _Replacer(base), _Replacer(key)


@dataclass(frozen=True, slots=True)
class Normalized:
    """The two views of a text and the map back to the original.

    The map is stored as breakpoints: from normalized position ``npos[i]`` on, the original
    position is ``opos[i] + (n - npos[i]) * step[i]`` (``step`` is 0 inside an expansion).
    """

    original: str
    base: str
    key: str
    npos: tuple[int, ...]
    opos: tuple[int, ...]
    step: tuple[int, ...]
    #: ``table[n]`` is the original index of normalized character ``n``; ``table[len(key)]`` is
    #: ``len(original)`` (built once, so span mapping on hot paths is a lookup)
    table: array

    def orig_index(self, n: int) -> int:
        """Original index of the normalized character at ``n`` (``len(key)`` maps past the end)."""
        if n >= len(self.key):
            return len(self.original)
        return self.table[n]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` span to the original text.

        The end is extended over diacritics and tatweel attached to the last letter, so the
        original slice carries the word as it was written.
        """
        if end <= start:
            o = self.orig_index(start)
            return o, o
        table = self.table
        ostart = table[start]
        oend = table[end - 1] + 1
        text = self.original
        while oend < len(text) and text[oend] in ATTACHED:
            oend += 1
        return ostart, oend

    def from_original(self, o: int) -> int:
        """Normalized index of the first normalized character at or after original index ``o``."""
        i = bisect_right(self.opos, o) - 1
        if i < 0:
            return 0
        if self.step[i] == 0:
            return self.npos[i]
        n = self.npos[i] + (o - self.opos[i])
        nxt = self.npos[i + 1] if i + 1 < len(self.npos) else len(self.key)
        return min(n, nxt)


class Normalizer:
    """Builds :class:`Normalized` views; cheap to create, tables are cached per options."""

    __slots__ = ("options", "_base", "_key", "_special", "_to_base", "_to_key")

    def __init__(self, options: NormOptions = MATCH):
        self.options = options
        self._base, self._key, self._special, self._to_base, self._to_key = _tables(options)

    def key(self, text: str) -> str:
        """The folded key of ``text`` without an offset map (for lexicon entries and queries)."""
        return _collapse_spaces(self._to_key(text))

    def fold(self, text: str) -> str:
        """The key view of ``text`` character for character: :meth:`key` without collapsing white
        space (a slice of :attr:`Normalized.key` is the fold of the same slice of ``base``)."""
        return self._to_key(text)

    def base(self, text: str) -> str:
        """``text`` with diacritics, tatweel and invisible marks removed, letters unchanged."""
        return self._to_base(text)

    def normalize(self, text: str) -> Normalized:
        base = self._to_base(text)
        key = self._to_key(text)
        if len(key) != len(base):  # a fold changed length: should not happen, stay safe
            raise ValueError("normalization folds must be one character for one character")
        npos = [0]
        opos = [0]
        step = [1]
        if self._special.search(text):  # (comparing lengths is not enough: an expansion can offset deletions)
            n = 0
            last = 0
            for m in self._special.finditer(text):
                o = m.start()
                n += o - last
                rep = len(self._base[ord(m.group())])
                if rep == 0:
                    if npos[-1] == n:
                        opos[-1], step[-1] = o + 1, 1
                    else:
                        npos.append(n), opos.append(o + 1), step.append(1)
                else:
                    if npos[-1] == n:
                        opos[-1], step[-1] = o, 0
                    else:
                        npos.append(n), opos.append(o), step.append(0)
                    n += rep
                    npos.append(n), opos.append(o + 1), step.append(1)
                last = o + 1
        return Normalized(text, base, key, tuple(npos), tuple(opos), tuple(step),
                          _offset_table(npos, opos, step, len(key), len(text)))


def _offset_table(npos: list[int], opos: list[int], step: list[int], nlen: int, olen: int) -> array:
    table = array("l")
    for i, n0 in enumerate(npos):
        n1 = npos[i + 1] if i + 1 < len(npos) else nlen
        if step[i]:
            table.extend(range(opos[i], opos[i] + n1 - n0))
        else:
            table.extend([opos[i]] * (n1 - n0))
    table.append(olen)
    return table


def _collapse_spaces(s: str) -> str:
    # runs of white space to one space, trimmed (str.split() knows the same white space as \s)
    return " ".join(s.split())
