"""Who said it: the speaker of a quote (see :mod:`marsad.events.quotes`).

An actor mention or an unnamed source next to the speech verb, a medium's cited source (``نقلت
صحيفة X عن Y``), a titled name the knowledge base lacks (``الباحث فلان``), or, for a verb with no
speaker after it, the subject before it, the speaker of the previous quote or of the sentence before.
"""

from __future__ import annotations

import re

from marsad.events.quotes.context import WORD, Context, Found, first_opener, trim
from marsad.events.quotes.cues import Cue, QuoteCues
from marsad.types import Mention

_BACKREF = ("من جهته", "من جهتها", "من جانبه", "من جانبها", "بدوره", "بدورها", "من ناحيته", "من ناحيتها")
#: nouns of the occasion of speech: "في تصريح"، "خلال مؤتمر" end a titled speaker's name (folded prefixes)
_CIRCUMSTANCE = tuple("تصريح حديث مقابله بيان اتصال مؤتمر كلمه لقاء تغريده منشور مقال".split())
#: "قوله" and its kin: the cited speaker's words follow
_SAYING = frozenset("قوله قولها قولهم حديثه حديثها".split())
#: words that are never part of a name after a title (folded)
_NOT_NAME = frozenset("باسم بشان نحو ان انه انها ما لا لم لن قد اليوم امس غدا الاحد الاثنين الثلاثاء الاربعاء الخميس "
                      "الجمعه السبت صباح مساء".split())


def speaker_in(ctx: Context, start: int, end: int, cue: Cue | None = None
               ) -> tuple[Mention | None, str | None]:
    key = ctx.key
    # "وقال، بحسب ما نقلته وكالة ...": the source of the report is not the speaker
    acc = ctx.cues.according_re.search(key, start, end)
    if acc is not None:
        end = acc.start()
    # a medium (or a reporting verb) citing someone: "نقلت صحيفة X عن الخبير Y"
    cited = cited_source(ctx, start, end, cue)
    if cited is not None:
        return cited
    best = None
    for m, ks, ke, kind in ctx.actors_between(start, end):
        if ctx.inside_quote(ks) or ctx.governed(ks):
            continue
        if kind == "state" and m.method == "adjective" and not ctx.institution_before(ks):
            continue
        if kind == "person":
            return m, None
        if best is None:
            best = m
    src = unnamed_source(ctx, start, end)
    if best is not None and (src is None or ctx.key_start(best) < src[0]):
        # an organization inside a title ("مدير مركز ...، فلان"): the titled person speaks
        if ctx.article.entities.get(best.entity) is not None \
                and ctx.article.entities[best.entity].kind == "org" and not ctx.is_media(best):
            named = titled_name(ctx, start, end, name_only=True)
            if named is not None:
                return None, named
        return best, None
    if src is not None:
        return None, src[2]
    if best is None:
        w = WORD.search(key, start, end)
        if w is not None and len(WORD.findall(key[start:w.start()])) == 0:
            word = w.group()
            # "وأكدت الوكالة أن": the medium named last
            if word in ctx.cues.media_anaphors:
                m = ctx.last_media_before(start)
                if m is not None:
                    return m, None
            # "وذكر علاوي أن": the surname of a speaker introduced before by a title; "وتؤكد المحللة"
            # (the title alone): the last speaker introduced with that title
            name = ctx.titled.get(word)
            if name is None and (word in ctx.cues.titles or word[1:] in ctx.cues.titles):
                nxt = WORD.search(key, w.end(), end)
                if nxt is None or nxt.group() in ctx.cues.complementizers:
                    name = ctx.titled.get("@" + word)
            if name is not None:
                return None, name
    return best, None


def cited_source(ctx: Context, start: int, end: int, cue: Cue | None
                 ) -> tuple[Mention | None, str | None] | None:
    """The speaker after عن when a medium or a reporting verb cites them; None if there is no such citation."""
    key = ctx.key
    if "عن" not in key[start:end] and "لسان" not in key[start:end]:
        return None
    for w in WORD.finditer(key, start, end):
        if w.group() != "عن" and w.group() != "لسان":  # "عن فلان"، "على لسان فلان"
            continue
        if ctx.inside_quote(w.start()):
            return None
        before = [a for a in ctx.actors_between(start, w.start()) if not ctx.governed(a[1])]
        if not ((cue is not None and cue.reports) or any(ctx.is_media(a[0]) for a in before)):
            return None
        if any(a[3] == "person" for a in before):
            return None  # "قال بوتين عن أردوغان": a person speaks about someone
        return _source_after(ctx, w.end(), end)
    return None


def _source_after(ctx: Context, s: int, end: int) -> tuple[Mention | None, str | None] | None:
    """The cited speaker right after عن: a person, a titled name, an unnamed source, or an actor."""
    first = None
    for m, ks, ke, kind in ctx.actors_between(s, end):
        if ctx.inside_quote(ks):
            continue
        adjacent = len(WORD.findall(ctx.key[s:ks])) == 0
        if kind == "person" and (adjacent or not ctx.governed(ks)):
            return m, None
        if first is None and adjacent and not (kind == "state" and m.method == "adjective"):
            first = m
    named = titled_name(ctx, s, end, name_only=first is not None)
    if named is not None:
        return None, named
    src = unnamed_source(ctx, s, end)
    if src is not None and len(WORD.findall(ctx.key[s:src[0]])) == 0:
        return None, src[2]
    if first is not None:
        return first, None
    # "نقلت الوكالة عن قاسمي قوله": a short name the knowledge base does not know, closed by قوله، أن
    # or a colon
    words = []
    for w in WORD.finditer(ctx.key, s, end):
        g = w.group()
        if g in _SAYING or g in ctx.cues.complementizers or (words and g in ctx.cues.titles):
            break  # "عن فلان قوله"، "عن فلان أن"، "عن فلان رئيس المرصد قوله"
        if len(words) >= 3 or g in ctx.cues.governing or g in _NOT_NAME or ctx.cues.lookup(g) is not None:
            return None
        words.append(w)
    else:
        return None
    if not words or (g not in ctx.cues.titles and ctx.key[words[-1].end():w.start()].strip(" ") not in ("", ":")):
        return None
    os_, oe = ctx.norm.to_original(words[0].start(), words[-1].end())
    return None, ctx.article.text[os_:oe]


def titled_name(ctx: Context, start: int, end: int, name_only: bool = False) -> str | None:
    """A speaker named by a title and a name the knowledge base does not know (الباحث فلان).

    The name is found by :func:`_name_of`; a title with no name ("الباحث في المجلس") gives the whole
    stretch, or None with ``name_only``. Found names are remembered for "وذكر فلان" and "وأضاف الباحث".
    """
    key = ctx.key
    ws = ctx.words_between(start, end)
    if not ws or len(ws) > 16:
        return None
    first = ws[0][2]
    if first not in ctx.cues.titles and not (first[:1] in "وف" and first[1:] in ctx.cues.titles):
        return None
    s, e = ws[0][0], end
    # the stretch ends before a circumstance ("في تصريح"، "خلال مؤتمر"، "لـ«الصحيفة»"), a complementizer,
    # a quotation or another speech word
    for n, w in enumerate(ws[1:], 1):
        g = w[2]
        nxt = ws[n + 1][2] if n + 1 < len(ws) else ""
        if g in _SAYING or g in ctx.cues.complementizers or ctx.cues.lookup(g) is not None \
                or g in ("ل", "خلال") or (g in ("في", "ل", "عبر") and nxt.startswith(_CIRCUMSTANCE)):
            e = min(e, w[0])
            break
    q = first_opener(ctx, s, e)
    if q is not None:
        e = q
    s, e = trim(key, s, e)
    if e - s < 3:
        return None
    name = _name_of(key, s, e, ctx.cues)
    if name is None:
        if name_only:
            return None
        ns, ne = s, e
    else:
        ns, ne = name
    os_, oe = ctx.norm.to_original(ns, ne)
    text = ctx.article.text[os_:oe]
    if name is not None:
        ctx.titled[key[ns:ne].split()[-1]] = text
        ctx.titled["@" + (first if first in ctx.cues.titles else first[1:])] = text
    return text


def unnamed_source(ctx: Context, start: int, end: int) -> tuple[int, int, str] | None:
    key = ctx.key
    m = ctx.cues.source_re.search(key, start, end)
    if m is None:
        return None
    hs, he = m.start("head"), m.end()
    last = he
    count = 0
    for w in WORD.finditer(key, he, end):
        if count >= 3 or key[last:w.start()].strip():
            break
        word = w.group()
        if word in ctx.cues.source_adjectives or ctx.adjective_at(w.start()) or word in ("في", "ب"):
            last = w.end()
            count += 1
            continue
        if count and key[last - 2:last] in ("في",):
            last = w.end()
            count += 1
            continue
        break
    if key[last - 3:last] == " في":
        last -= 3
    os_, oe = ctx.norm.to_original(hs, last)
    return hs, last, ctx.article.text[os_:oe]


def speaker_back(ctx: Context, cs: int, cue: Cue, gap_words: int = 0
                 ) -> tuple[Mention | None, str | None]:
    """The speaker of a verb with no speaker after it (see :mod:`marsad.events.quotes`)."""
    key = ctx.key
    sent_start = ctx.sentence_start(cs)
    carry = ctx.cues.carry_chars
    prev = ctx.last_quote_before(cs)
    fem = cue.feminine
    ok = (lambda m, kind: kind != "person") if fem else (lambda m, kind: True)
    if prev is not None and prev.cue[0] >= sent_start and _agrees(prev, fem):
        return prev.speaker, prev.speaker_name
    if cue.form == "participle":
        # the subject of the clause: the first actor of the sentence not governed by a preposition
        subj = _subject(ctx, sent_start, cs, fem)
        if subj is not None:
            return subj, None
        if prev is not None and cs - prev.content[1] <= carry and _agrees(prev, fem):
            return prev.speaker, prev.speaker_name
        return None, None
    # subject-first: an actor mention in the few words before the verb
    lo = max(sent_start, cs - 60)
    for m, ks, ke, kind in reversed(ctx.actors_between(lo, cs)):
        if ctx.inside_quote(ks) or ctx.governed(ks) or not ok(m, kind):
            continue
        if kind == "state" and m.method == "adjective" and not ctx.institution_before(ks):
            continue
        if len(WORD.findall(key[ke:cs])) > 3:
            break
        return m, None
    src = unnamed_source(ctx, lo, cs)
    if src is not None and len(WORD.findall(key[src[1]:cs])) <= 3:
        return None, src[2]
    before = key[max(sent_start, cs - 40):cs]
    if any(b in before for b in _BACKREF):
        for m, ks, ke, kind in reversed(ctx.actors_between(max(0, cs - carry), cs)):
            if kind == "person" and not ctx.inside_quote(ks) and not fem:
                return m, None
    if gap_words > 3 or cue.weak:
        return None, None
    titled = titled_name(ctx, sent_start, cs)
    if titled is not None:
        return None, titled
    if len(WORD.findall(key[sent_start:cs])) > 3:
        # a second verb in a sentence ("أشاد بوتين ...، وقال إن"): the subject of the sentence
        subj = _subject(ctx, sent_start, cs, fem)
        if subj is not None:
            return subj, None
    # a verb with no subject of its own continues the previous speaker
    if prev is not None and cs - prev.content[1] <= carry and _agrees(prev, fem):
        return prev.speaker, prev.speaker_name
    # ... or the subject of the previous sentence
    ps = ctx.sentence_start(max(0, sent_start - 1))
    for m, ks, ke, kind in ctx.actors_between(ps, sent_start):
        if kind == "person" and not fem and not ctx.governed(ks) and not ctx.inside_quote(ks):
            return m, None
    return None, None


def _subject(ctx: Context, start: int, end: int, fem: bool) -> Mention | None:
    """The first actor of ``[start, end)`` not governed by a preposition (a person first)."""
    cands = [a for a in ctx.actors_between(start, end)
             if not ctx.inside_quote(a[1]) and not ctx.governed(a[1]) and not (fem and a[3] == "person")
             and not ctx.is_media(a[0])  # an outlet is a speaker only next to its verb
             and not (a[3] == "state" and a[0].method == "adjective" and not ctx.institution_before(a[1]))]
    persons = [a for a in cands if a[3] == "person"]
    if persons:
        return persons[0][0]
    return cands[0][0] if cands else None


def _agrees(prev: Found, feminine: bool) -> bool:
    return not (feminine and prev.speaker is not None and prev.speaker_kind == "person")


def _name_of(key: str, s: int, e: int, cues: QuoteCues) -> tuple[int, int] | None:
    """The name inside a titled stretch ``key[s:e]``, or None.

    Tried in order: an honorific and the words after it ("العقيد فلان الفلاني")، a comma-separated part
    that is only a name ("المحلل السياسي، فلان، ...")، the words at the end after the title's attributes
    ("الخبير في المجلس الروسي فلان الفلاني"). A name has one to three words, does not start with ال and
    holds no title, preposition or function word.
    """
    ws = list(WORD.finditer(key, s, e))
    if not ws:
        return None

    def ok(w: str) -> bool:
        return w not in cues.titles and w not in cues.governing and w not in _NOT_NAME

    # an honorific (د، الدكتور، العقيد ...) and the name after it, in any part
    for i, w in enumerate(ws[:-1]):
        if w.group() in cues.honorifics:
            name = []
            for x in ws[i + 1:i + 4]:
                g = x.group()
                if not ok(g) or (g.startswith("ال") and (not name or name[-1].group().startswith("ال"))) \
                        or key[(name[-1] if name else w).end():x.start()].strip():
                    break
                name.append(x)
            if name and not (len(name) == 1 and name[0].group().startswith("ال")):
                return name[0].start(), name[-1].end()
    parts = []
    pos = s
    for m in re.finditer(r"[,;؛]", key[s:e]):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    for ps, pe in reversed(parts[1:]):
        pw = list(WORD.finditer(key, ps, pe))
        if 1 <= len(pw) <= 4 and not pw[0].group().startswith("ال") and all(ok(x.group()) for x in pw):
            return pw[0].start(), pw[-1].end()
    name: list[re.Match] = []
    i = len(ws) - 1
    while i > 0:
        w = ws[i].group()
        if not ok(w) or w in cues.source_adjectives or len(name) >= 3:
            break
        if w.startswith("ال") and not (i == len(ws) - 1 and not ws[i - 1].group().startswith("ال")):
            break
        name.insert(0, ws[i])
        i -= 1
    if not name or (len(name) == 1 and name[0].group().startswith("ال")):
        return None
    # the name follows the title or one of its attributes (الروسية، المرصد), not an ordinary word
    before = ws[i].group()
    if not (before in cues.titles or before.startswith("ال") or (before[:1] in "وف" and before[1:] in cues.titles)):
        return None
    return name[0].start(), name[-1].end()

