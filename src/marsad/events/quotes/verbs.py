"""Quotes opened by a speech verb: direct quotations and reported speech (see :mod:`marsad.events.quotes`).

The verb (قال، أكد، أشار ... with و/ف attached) is followed, within ``max_gap_words`` words of its
sentence, by a complementizer, a colon or an opening quotation mark; the content runs to the end of
the sentence, the closing mark, or a following ``، مضيفا`` / ``، وفق`` clause. A verb with its
speaker but no content after it takes the quotation that closes just before it.
"""

from __future__ import annotations

import re

from marsad.events.quotes.context import WORD, Context, Found, first_opener, trim
from marsad.events.quotes.cues import Cue
from marsad.events.quotes.speakers import speaker_back, speaker_in, titled_name

#: words before أن that make it no complementizer of speech ("قبل أن"، "يجب أن") (folded)
_NOT_SPEECH_BEFORE = frozenset("قبل بعد دون منذ حتي يجب يمكن بد ما لابد عسي".split())
_COMMA = re.compile(r"[,;]\s*|\s+(?=و?(?:مضيف|مشير|مؤكد|موكد|لافت|معتبر|مشدد|موضح))")
_ACCORDING_HEADS = frozenset({"وفق", "وفقا", "بحسب", "حسب", "نقلا"})


def from_verb(ctx: Context, cs: int, ce: int, cue: Cue) -> Found | None:
    """The quote of the speech word ``key[cs:ce]``, or None (no content or no speaker)."""
    key = ctx.key
    sent_end = ctx.sentence_end(cs)
    words = []
    for m in WORD.finditer(key, ce, sent_end):
        words.append((m.start(), m.end(), m.group()))
        if len(words) > ctx.cues.max_gap_words + 3:
            break
    # the region between the verb and its content
    content_start = None
    pos = ce
    j = 0
    gap_limit = ctx.cues.max_gap_words
    k = 0
    while True:
        nxt = words[j][0] if j < len(words) else len(key)
        lim = min(nxt, sent_end)
        colon = key.find(":", pos, lim)
        quote = first_opener(ctx, pos, lim)
        if colon >= 0 and (quote is None or colon < quote):
            if cue.adjacent and cue.form == "noun":
                break  # "حديث الرئيس عن"، "إعلان فلان أن": a noun needs its own complementizer
            content_start = colon + 1
            break
        if quote is not None:
            if cue.adjacent and cue.form == "noun":
                break
            content_start = quote
            break
        if j >= len(words) or nxt >= sent_end or k > gap_limit:
            break
        ws, we, w = words[j]
        if w in ctx.cues.complementizers and not (j and words[j - 1][2] in _NOT_SPEECH_BEFORE):
            content_start = we
            break
        if cue.content_after_prep and w in cue.preps:
            nw = words[j + 1][2] if j + 1 < len(words) else ""
            if nw in ctx.cues.complementizers:
                content_start = words[j + 1][1]
            else:
                content_start = we
            break
        if k > 0:
            other = ctx.cues.lookup(w)
            if other is not None and (other[0].form == "finite" or (
                    other[0].form == "participle" and key[pos:ws].strip(" ") == ",")):
                break  # another speech verb ("، مشيرة إلى"): this one has no content of its own
        pos = we
        j += 1
        k += 1
    speaker_region = (ce, content_start if content_start is not None else min(pos, sent_end))
    speaker, sname = None, None
    if cue.form == "participle":
        speaker, sname = speaker_back(ctx, cs, cue)
    if speaker is None and sname is None:
        speaker, sname = speaker_in(ctx, *speaker_region, cue)
        if cue.adjacent and speaker is not None:
            after = WORD.search(key, ctx.norm.from_original(speaker.end))
            if WORD.search(key, ce, ctx.key_start(speaker)) is not None or (
                    cue.form != "noun" and after is not None and (
                        after.group() in ctx.cues.complementizers or after.group() in cue.preps)):
                speaker = None  # "يصف الحلف بأنه": the described, not the speaker
    if content_start is None:
        # «...»، قال بوتين : the quotation that closes just before the verb
        pre = ctx.closing_before(cs)
        if pre is None or (speaker is None and sname is None):
            return None
        content = pre
        direct = True
    else:
        if cue.weak and not _strong_start(key, content_start, ctx):
            if not (cue.form == "noun" and speaker is not None):
                return None
        content, direct = _content(ctx, content_start, sent_end)
        if content is None:
            return None
    if speaker is None and sname is None and content_start is not None:
        sname = titled_name(ctx, ce, content_start)  # "قال د. فلان إن": the titled name after the verb
    if speaker is None and sname is None and cue.form != "participle" and not cue.weak:
        speaker, sname = speaker_back(ctx, cs, cue, k)
    if speaker is None and sname is None:
        return None
    return Found((cs, ce), content, speaker, sname, direct)



def _content(ctx: Context, start: int, sent_end: int) -> tuple[tuple[int, int] | None, bool]:
    """The content starting at ``start`` and whether it is direct; ``(None, False)`` when too short."""
    key = ctx.key
    s = start
    while s < len(key) and key[s] in " \n":
        s += 1
    pair = ctx.pair_at(s)
    if pair is not None:
        inner = (pair[0] + 1, pair[1])
        words = len(WORD.findall(key[inner[0]:inner[1]]))
        if words >= 1:
            return trim(key, *inner), True
    end = ctx.sentence_end(s)
    # stop before a following attributed clause: "، مضيفا أن" / "، وفق ..." / "، بحسب ..."
    for m in _COMMA.finditer(key, s, end):
        nxt = WORD.match(key, m.end())
        if nxt is None:
            continue
        w = nxt.group()
        hit = ctx.cues.lookup(w)
        if (hit is not None and hit[0].form == "participle") or w in _ACCORDING_HEADS:
            if not ctx.inside_quote(m.start()):
                end = m.start()
                break
    span = trim(key, s, end)
    if span[1] - span[0] < 3:
        return None, False
    direct = ctx.has_quotation(span[0], span[1], 2)
    return span, direct


def _strong_start(key: str, start: int, ctx: Context) -> bool:
    """Whether content at ``start`` was opened by a complementizer, a colon or a quotation mark."""
    before = key[max(0, start - 6):start].rstrip()
    if before.endswith(":"):
        return True
    if ctx.pair_at(start) is not None:
        return True
    w = WORD.findall(key[max(0, start - 8):start])
    return bool(w) and w[-1] in ctx.cues.complementizers
