"""Words of a sentence as the coder sees them (a stem, its proclitics, its folded forms) and word helpers."""

from __future__ import annotations

import datetime as dt

from marsad.events.coder.records import _Word
from marsad.events.lexicon import Lexicon


def build_words(article, keep: set[int] | None = None) -> list[_Word]:
    """The orthographic words of the article's tokens (only sentences in ``keep`` when given)."""
    out: list[_Word] = []
    cur: list = []
    for tok in article.tokens:
        if keep is not None and tok.sentence not in keep:
            continue
        if cur and tok.word != cur[0].word:
            out.append(_make_word(cur))
            cur = []
        cur.append(tok)
    if cur:
        out.append(_make_word(cur))
    return out


def _make_word(toks) -> _Word:
    if len(toks) == 1:
        t = toks[0]
        return _Word(t.start, t.end, t.norm, t.norm, (), t.sentence, t.start, t.end, t.norm, "")
    if len(toks) == 2 and toks[0].part == "pre" and toks[1].part == "stem":
        p, t = toks
        whole = p.norm + t.norm
        full = ("ل" + t.norm) if (p.norm == "ال" and p.end - p.start == 1) else whole
        return _Word(p.start, t.end, t.norm, whole, (p.norm,), t.sentence, t.start, t.end, full, "")
    pres = tuple(t.norm for t in toks if t.part == "pre")
    stems = [t for t in toks if t.part == "stem"]
    st = stems[0] if stems else toks[-1]
    whole = "".join(pres) + st.norm
    full = "".join("ل" if (t.part == "pre" and t.norm == "ال" and t.end - t.start == 1) else t.norm for t in toks)
    suf = "".join(t.norm for t in toks if t.part == "suf")
    if not suf:
        for p in ("هما", "هم", "ها", "ه"):
            if full.endswith(p) and len(full) > len(p) + 3 and not st.norm.endswith(p):
                suf = p
                break
        if not suf and st.norm.endswith(("هما", "هم")):
            suf = "هما" if st.norm.endswith("هما") else "هم"
    return _Word(toks[0].start, toks[-1].end, st.norm, whole, pres, toks[0].sentence, st.start, st.end, full, suf)


def _strip(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def _candidates(w: _Word):
    """Keys to look a word up under: the whole word, then with fewer proclitics, then the stem."""
    yield w.whole
    pres = w.pres
    if not pres and w.stem[:1] in ("و", "ف") and len(w.stem) > 3:
        yield w.stem[1:]
    for i in range(1, len(pres)):
        yield "".join(pres[i:]) + w.stem
    if w.stem != w.whole:
        yield w.stem


_FALLBACK_PRE = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وس", "فس",
                 "و", "ف", "ب", "ل", "س")
_FALLBACK_PRE_SET = frozenset(_FALLBACK_PRE)


def _fallback_hit(key: str, lex: Lexicon) -> list:
    """Noun forms of a folded written word read with an article/proclitic and a pronoun removed."""
    hit = lex.suffixed.get(key)
    if hit:
        return hit
    n = len(key)
    for k in (4, 3, 2, 1):
        if n - k >= 3 and key[:k] in _FALLBACK_PRE_SET:
            rest = key[k:]
            hit = lex.suffixed.get(rest)
            if hit:
                return hit
            forms = lex.single.get(rest)
            if forms:
                hit = [f for f in forms if f.pos in ("noun", "phrase")]
                if hit:
                    return hit
    return []


def _phrase_in(ws: list[_Word], phrases) -> bool:
    """Whether one of ``phrases`` (a dict first word -> word tuples) occurs in the words ``ws``."""
    if not phrases or not ws:
        return False
    for i, w in enumerate(ws):
        cands = phrases.get(w.stem) or phrases.get(w.whole) or phrases.get(_strip(w.whole))
        if not cands:
            continue
        for ph in cands:
            n = len(ph)
            if i + n > len(ws):
                continue
            if all(ph[k] in (ws[i + k].stem, ws[i + k].whole, _strip(ws[i + k].whole)) for k in range(1, n)):
                return True
    return False


def _old_year(token: str, published: str | None) -> bool:
    try:
        year = int(token)
    except ValueError:
        return False
    if not 1900 <= year <= 2100:
        return False
    if published and len(published) >= 4 and published[:4].isdigit():
        return year < int(published[:4])
    return False


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        if len(published) == 7:
            return dt.date(int(published[:4]), int(published[5:7]), 15)
        if len(published) >= 10:
            return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return None
