"""What a figure measures: the first rule of ``what_rules`` whose cue words stand near it, else the
unit's default (see ``events/data/units.yaml``)."""

from __future__ import annotations

from marsad.events.quantities.units import DURATIONS, Cue, Rule, Unit, UnitLexicon


def what_of(lex: UnitLexicon, toks, i, end, unit: Unit, carried: str | None, ss: int = 0,
            se: int | None = None) -> str:
    """The first rule of ``what_rules`` that applies (see units.yaml), else the unit's default.
    Cue words are looked for in ``key[ss:se]`` only."""
    if unit.code in DURATIONS:
        return "duration"
    before = [w for s, _, w in toks[max(0, i - lex.max_near):i] if s >= ss]
    inside, after = [], []
    for s, e, w in toks[i:i + 12]:
        if s < end:
            inside.append(w)
        elif se is not None and s >= se:
            break
        else:
            after.append(w)
            if len(after) >= 3:
                break
    first_after = after[0] if after else None
    after = inside + after  # the unit's own words count as words after ("متر مكعب من الغاز")
    view = _view(before, after)
    rules = lex.rules
    for k, rule in enumerate(rules):
        d = _applies(lex, rule, unit.code, view, first_after, carried)
        if d is None:
            continue
        if rule.group is None:
            return rule.what
        best = (d, rule.what)
        for other in rules[k + 1:]:
            if other.group == rule.group:
                d2 = _applies(lex, other, unit.code, view, first_after, carried)
                if d2 is not None and d2 < best[0]:
                    best = (d2, other.what)
        return best[1]
    return unit.what or "other"


def _applies(lex: UnitLexicon, rule: Rule, unit: str, view, first_after: str | None, carried: str | None) -> int | None:
    """How near the rule's cue is to the figure (0 = next to it), or None when it does not apply."""
    if rule.units is not None and unit not in rule.units:
        return None
    if rule.after and (first_after is None or (first_after not in rule.after
                                                and _bare(first_after) not in rule.after)):
        return None
    d = _nearest(rule.cues, view, rule.near) if rule.cues else 0
    if d is None:
        return None
    if rule.also and _nearest(rule.also, view, lex.what_window) is None:
        if not (rule.carry and carried is not None and lex.group_of.get(carried) == rule.group):
            return None
    if rule.unless and _nearest(rule.unless, view, lex.what_window) is not None:
        return None
    return d


def _bare(w: str) -> str:
    return w[1:] if w[:1] in "وبلف" and len(w) > 3 else w


def _view(before: list[str], after: list[str]):
    """Index of the words around a figure: word -> (side, position, sequence); bare forms too."""
    idx: dict[str, list] = {}
    for seq, side in ((before, 0), ([_bare(w) for w in before], 0), (after, 1), ([_bare(w) for w in after], 1)):
        for k, w in enumerate(seq):
            idx.setdefault(w, []).append((side, k, seq))
    return idx, len(before)


def _nearest(cues: tuple[Cue, ...], view, near: int) -> int | None:
    """Distance in words from the figure to the nearest cue (0 = next to it); cues before the
    figure count within ``near`` words, cues after it within the three words after the figure."""
    idx, nb = view
    best = None
    for cue in cues:
        hits = idx.get(cue[0])
        if not hits:
            continue
        n = len(cue)
        for side, k, seq in hits:
            if n > 1 and tuple(seq[k:k + n]) != cue:
                continue
            if side == 0:
                if k < nb - near or k + n > nb:
                    continue
                d = nb - k - n
            else:
                d = k
            if best is None or d < best:
                best = d
    return best
