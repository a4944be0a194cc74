"""Quotes attributed by "according to" (وفق، بحسب، نقلا عن + a source; see :mod:`marsad.events.quotes`).

The content is the clause before the cue, or the rest of the sentence when the cue opens it; a
news medium cited with no speech verb (``بحسب وكالة X``) is a source, not a speaker.
"""

from __future__ import annotations

from marsad.events.quotes.context import WORD, Context, Found, trim
from marsad.events.quotes.speakers import cited_source, unnamed_source

def according(ctx: Context) -> list[Found]:
    """The quotes of the article attributed by an "according to" cue."""
    key = ctx.key
    out = []
    if not any(h in key for h in ("وفق", "حسب", "نقلا", "طبقا")):
        return out
    for am in ctx.cues.according_re.finditer(key):
        cs, ce = am.start(), am.end()
        if ctx.inside_quote(cs):
            continue
        sent_start, sent_end = ctx.sentence_start(cs), ctx.sentence_end(cs)
        # the source: an actor or unnamed source right after the cue (after "ما أورد" ...)
        pos = ce
        vm = None
        for v in ctx.cues.according_verbs:
            if key.startswith(v, pos + (1 if key[pos:pos + 1] == " " else 0)):
                vm = v
                break
        region_end = min(sent_end, pos + 80)
        speaker, sname = None, None
        actors = [a for a in ctx.actors_between(pos, region_end)
                  if not (a[3] == "state" and a[0].method == "adjective" and not ctx.institution_before(a[1]))]
        if actors:
            m, ks, ke, kind = actors[0]
            if len(WORD.findall(key[pos:ks])) <= (4 if vm else 1):
                speaker = m
                src_end = ke
                if ctx.is_media(m):
                    # "بحسب ما نقلت الوكالة عن مسؤول": the official; "بحسب الأناضول": a source, not speech
                    cited = cited_source(ctx, pos, region_end, None)
                    if cited is not None:
                        speaker, sname = cited
                    elif not vm:
                        continue
        if speaker is None:
            src = unnamed_source(ctx, pos, region_end)
            # "بحسب المصادر" (the sources named before, no speech verb) is no quote of its own
            if src is not None and len(WORD.findall(key[pos:src[0]])) <= (4 if vm else 1) \
                    and (vm or not key.startswith("ال", src[0])):
                sname = src[2]
                src_end = src[1]
        if speaker is None and sname is None:
            name = WORD.match(key, pos + 1 if key[pos:pos + 1] == " " else pos)
            if name is not None and name.group() in ctx.titled:  # "وفق بورشفسكايا"
                sname = ctx.titled[name.group()]
                src_end = name.end()
        if speaker is None and sname is None:
            continue
        # "وقال فلان، بحسب ما نقلته ...، إن": a parenthesis of the speech verb before, not a quote of its own
        prev = WORD.findall(key[max(sent_start, cs - 24):cs])
        if key[sent_start:cs].rstrip().endswith(",") and (
                (prev and ctx.cues.lookup(prev[-1]) is not None)
                or any(sent_start <= f.cue[0] < cs and f.content[0] >= cs for f in ctx.quotes_found)):
            continue
        pre = key[sent_start:cs].strip(" ,،\n\"")
        after = key[sent_start:cs].rstrip().endswith(",") and key[cs] == "و"
        if after:
            # "...، ووفقا لفلان، الذي ...": a relative clause describes the source; the content is before
            comma = key.find(",", src_end, sent_end)
            nxt = WORD.match(key, comma + 1 if key[comma + 1:comma + 2] != " " else comma + 2) if comma >= 0 else None
            after = nxt is None or nxt.group() not in ("الذي", "التي", "الذين", "اللذين", "اللتين")
        if len(WORD.findall(pre)) >= 3 and not after:
            content = trim(key, sent_start, cs)
            # the clause before: from the last comma-free stretch start (sentence start)
        else:
            comma = key.find(",", src_end, sent_end)
            if comma < 0:
                continue
            content = trim(key, comma + 1, sent_end)
        if content[1] - content[0] < 5:
            continue
        out.append(Found((cs, ce), content, speaker, sname, ctx.has_quotation(content[0], content[1], 2)))
    return out
