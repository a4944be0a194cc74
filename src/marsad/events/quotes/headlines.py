"""Headline quotes: ``بوتين: ...`` quotes the rest of the line (see :mod:`marsad.events.quotes`).

The speaker is an actor mention opening a line (or right after the ``outlet :`` of a press-file item)
and followed by a colon; a medium naming its report (``رويترز: ...``) does not speak.
"""

from __future__ import annotations

import re

from marsad.events.quotes.context import WORD, Context, Found, trim

_LINE = re.compile(r"[^\n]+")

def headlines(ctx: Context, outlet: str | None) -> list[Found]:
    """The headline quotes of the article; ``outlet`` is its folded outlet name (or None)."""
    key = ctx.key
    out = []
    seen: set[str] = set()
    for lm in _LINE.finditer(key):
        ls, le = lm.start(), lm.end()
        line = key[ls:le]
        if ":" not in line:
            continue
        for cm in re.finditer(r":", line):
            c = ls + cm.start()
            # "outlet :headline" (a press-file item): the outlet names its item, it does not speak
            if outlet and key[ls:c].strip() == outlet:
                continue
            # the speaker: the actor mention ending right before the colon
            cands = [a for a in ctx.actors_between(ls, c) if key[a[2]:c].strip() == ""]
            if not cands:
                continue
            m, ks, ke, kind = cands[-1]
            head = key[ls:ks].strip()
            if ctx.is_media(m) and (not head or head.endswith(":")):
                continue  # a medium naming its report ("رويترز: ..."), not speech
            # "بوتين لأردوغان:" : the speaker is the mention before the addressee
            if head and ks > 0 and key[ks - 1] == "ل":
                prev = [a for a in ctx.actors_between(ls, ks - 1) if key[a[2]:ks - 1].strip() == ""]
                if prev:
                    m, ks, ke, kind = prev[-1]
                    head = key[ls:ks].strip()
            if head and not head.endswith(":"):
                continue
            rest = trim(key, c + 1, min(le, ctx.sentence_end(c + 1)))
            if rest[1] - rest[0] < 5 or len(WORD.findall(key[rest[0]:rest[1]])) < 2:
                continue
            said = key[rest[0]:rest[1]]
            if said not in seen:  # the same headline again (a link to the article): one act of speech
                seen.add(said)
                out.append(Found((ks, c + 1), rest, m, None, True))
            break
    return out
