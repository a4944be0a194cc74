"""Reading a figure off the folded tokens: digits or number words, a scale word, a unit right after,
a fraction after the unit; numbers written into names, list numbers and phone-like runs are skipped."""

from __future__ import annotations

import re

from marsad.events.quantities.units import DURATIONS, PREFIXES, Unit, UnitLexicon

#: the tokens of the key view: digit runs (with , or . inside), words, and the percent sign
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%")
_NAME_WORDS = frozenset({"اس", "اف", "ام", "سو", "ميغ", "ميج", "تي", "بي", "كوفيد", "كورونا", "ار", "جي"})
#: letters written onto a digit run that leave it a figure: "و735 مليون"، "بـ150 مليون"، "الـ216 ألف"
_DIGIT_PROCLITICS = frozenset({"و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "ال", "بال", "وال", "لل", "فال", "كال", "وبال"})


def figure(lex: UnitLexicon, key: str, toks, i) -> tuple[int, int, float, Unit, int] | None:
    """``(start, end, value, unit, next token)`` of the figure starting at token ``i``, or None."""
    s0, e0, t0 = toks[i]
    if not t0[0].isdigit() and t0 not in lex.start_words:
        return None
    dual = _strip(t0, lex.duals)
    if dual is not None:
        unit = lex.duals[dual[0]]
        if unit.code in DURATIONS and _duration_ok(lex, toks, i):
            value, end, j = _fraction(lex, toks, i + 1, 2.0, unit, e0)
            return s0, end, value, unit, j
        return None
    num = _number(lex, toks, i)
    if num is None:
        return None
    value, start, j = num
    if _skip(lex, key, toks, i, start):
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
    if unit.code in DURATIONS and not _duration_ok(lex, toks, i):
        return None
    value, end, j = _fraction(lex, toks, j, value, unit, end)
    return start, end, value, unit, j


def _number(lex: UnitLexicon, toks, i) -> tuple[float, int, int] | None:
    """``(value, start, next token)`` of a number starting at token ``i``."""
    s, e, t = toks[i]
    if t[0].isdigit():
        v = _digits(t)
        return (v, s, i + 1) if v is not None else None
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


def _fraction(lex: UnitLexicon, toks, j, value, unit, end):
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
    return value, end, j


def _duration_ok(lex: UnitLexicon, toks, i) -> bool:
    for k in range(max(0, i - 3), i):
        w = toks[k][2]
        if w in lex.duration_cues or (w[:1] in "وف" and w[1:] in lex.duration_cues):
            return True
    return False


def _skip(lex: UnitLexicon, key: str, toks, i, start) -> bool:
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
        if pw in lex.skip_before or (pw[:1] in "و" and pw[1:] in lex.skip_before):
            return True
    if t[0].isdigit():
        if len(t) >= 7 and t.isdigit():
            return True  # phone-like run of digits
        ls = key.rfind("\n", 0, s) + 1
        if key[ls:s].strip() == "" and key[e:e + 1] in (".", ")", "-"):
            return True  # list numbering
    return False


def _strip(word: str, table) -> tuple[str, int] | None:
    if word in table:
        return word, 0
    for p in PREFIXES:
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
