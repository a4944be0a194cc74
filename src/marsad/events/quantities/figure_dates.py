"""The date a figure refers to: date cues of its sentence (absolute dates, relative expressions,
present and year-to-date phrases, the months grammar), minus comparison bases and span starts; the
figure takes the nearest cue of its clause, else of its sentence."""

from __future__ import annotations

import datetime as dt
import re

from marsad.events.dates import RelativeDates
from marsad.events.quantities.units import UnitLexicon
from marsad.text.dates import DateFinder

_B, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_NOT_THIS_YEAR = r"الماضي|المنصرم|الفائت|السابق|المقبل|القادم|التالي"
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_RELATIVE_HINT = re.compile(r"عام|سنه|شهر|امس|يوم|اسبوع|البارحه|الليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                            r"الجمعه|السبت|الماضي|المقبل|الجاري|الحالي|المنصرم|الفائت|القادم")
_CLAUSE = re.compile(r"[,;:\n]")


class FigureDates:
    """Date cues of a sentence for the figures in it (see the module documentation); finder and relative
    dates are loaded on first use."""

    def __init__(self, lex: UnitLexicon, relative: RelativeDates | None = None, finder: DateFinder | None = None):
        self.lex = lex
        self._relative = relative
        self._finder = finder
        self._date_rx = None

    @property
    def finder(self) -> DateFinder:
        if self._finder is None:
            self._finder = self._relative.finder if self._relative is not None else DateFinder.load_default()
        return self._finder

    @property
    def relative(self) -> RelativeDates:
        if self._relative is None:
            self._relative = RelativeDates.load_default(self.finder)
        return self._relative

    def patterns(self):
        """The compiled date patterns (months grammar, present phrases, years, recent), built on first use."""
        if self._date_rx is None:
            lex = self.lex
            nums = sorted({w for t, v in lex.numbers.items() if len(t) == 1 and 1 <= v <= 12 for w in t},
                          key=len, reverse=True)
            num = r"(?P<n>\d{1,2}|(?:ال)?(?:" + "|".join(nums) + r"))"
            months = r"(?:اشهر|شهور|الاشهر|الشهور)"
            year = r"(?:العام|السنه)(?!\s+(?:\d|" + _NOT_THIS_YEAR + r"))"
            phrases = [r"\s+".join(map(re.escape, p.split())) for p in lex.year_to_date]
            phrases += [r"\s+".join(map(re.escape, p.split())) for p in lex.present_cues]
            n2 = num.replace("(?P<n>", "(?P<n2>")
            self._date_rx = (
                # the first N months of the year ("الأشهر التسعة الأولى من العام"), the N months up to
                # publication ("خلال 9 أشهر"، "في أقل من 9 أشهر"), the past year ("خلال السنة الأخيرة")
                re.compile(_B + r"(?:(?:ال)?" + months + r"\s+" + num + r"\s+(?:الاولي|الاوائل)\s+من\s+(?:هذا\s+)?"
                           + year + r"|[وف]?(?:خلال|في)\s+(?:(?:اقل|اكثر)\s+من\s+)?(?:" + n2 + r"\s+" + months
                           + r"|" + months + r"\s+" + n2.replace("n2>", "n3>") + r")(?:\s+(?:الاولي|الماضيه|الاخيره))?"
                           + r"|[وف]?(?:خلال|في)\s+(?P<last>(?:السنه|العام)\s+(?:الاخيره|الاخير)))"
                           + r"(?!\s+(?:من|علي)\s)" + _E),
                re.compile(_B + r"[وف]?(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")" + _E)
                if phrases else None,
                re.compile(r"(?:\(|" + _B + r"[وفبل]?(?:ال)?عامي\s+)(\d{4})(?!\d)"),
                re.compile(_B + r"[وفبل]?(?:" + "|".join(r"\s+".join(map(re.escape, p.split()))
                                                      for p in sorted(lex.recent, key=len, reverse=True)) + r")" + _E)
                if lex.recent else None,
            )
        return self._date_rx

    def find(self, text: str, norm, ss: int, se: int, pub: dt.date | None) -> list[tuple[int, int, str]]:
        """Date cues of the sentence ``key[ss:se]``: ``(start, end, value)`` in key offsets."""
        key = norm.key
        seg = key[ss:se]
        out: list[tuple[int, int, str]] = []
        if _FOUR_DIGITS.search(seg):
            os_, oe = norm.to_original(ss, se)
            for d in self.finder.find(text[os_:oe]):
                if d.year_missing or d.calendar != "gregorian":
                    continue
                out.append((norm.from_original(os_ + d.start), norm.from_original(os_ + d.end), d.value))
            for m in self.patterns()[2].finditer(seg):
                if 1900 <= int(m.group(1)) <= 2100:
                    out.append((ss + m.start(), ss + m.end(), m.group(1)))
        if pub is not None:
            months_rx, phrase_rx, _, recent_rx = self.patterns()
            year = f"{pub.year:04d}"
            if _RELATIVE_HINT.search(seg):
                for s, e, value, prec in self.relative.find(seg, pub):
                    if prec == "day" and " " not in seg[s:e] and "ال" not in seg[s:e] and "امس" not in seg[s:e]:
                        continue  # a weekday name needs its article: "واحد" is not "الأحد"
                    if seg.startswith("بعد", s):
                        continue  # "بعد 4 أيام من الزلزال": days after an event, not after publication
                    if prec in ("year", "month", "day"):
                        out.append((ss + s, ss + e, value))
            for m in months_rx.finditer(seg):
                n = m.group("n") or m.group("n2") or m.group("n3")
                if m.group("last"):
                    n = 12
                elif n.isdigit():
                    n = int(n)
                else:
                    n = n[2:] if n.startswith("ال") and (n[2:],) in self.lex.numbers else n
                    n = int(self.lex.numbers.get((n,), 0))
                if not 1 <= n <= 12:
                    continue
                if m.group("n"):  # the first N months of a year: this year's once they have passed
                    value = year if n <= pub.month else f"{pub.year - 1:04d}"
                else:  # N months up to publication: the year that holds most of them
                    value = year if 2 * min(n, pub.month) >= n else f"{pub.year - 1:04d}"
                out.append((ss + m.start(), ss + m.end(), value))
            if phrase_rx is not None:
                out.extend((ss + m.start(), ss + m.end(), year) for m in phrase_rx.finditer(seg))
            if recent_rx is not None:
                month = f"{pub.year:04d}-{pub.month:02d}"
                out.extend((ss + m.start(), ss + m.end(), month) for m in recent_rx.finditer(seg))
        if not out:
            return out
        # drop comparison bases and span starts ("مقارنة بالعام 2020"، "منذ 2011"), and overlaps (longest first)
        not_before = self.lex.not_before
        kept: list[tuple[int, int, str]] = []
        for c in sorted(out, key=lambda c: (c[0] - c[1], c[0])):
            if any(c[0] < k[1] and k[0] < c[1] for k in kept):
                continue
            if not_before:
                left = key[max(ss, c[0] - 16):c[0]].rstrip()
                if _ends_word(left, not_before):
                    kept.append((c[0], c[1], ""))  # blocks overlapping cues, never chosen
                    continue
            kept.append(c)
        return [c for c in kept if c[2]]


def _ends_word(left: str, words: tuple[str, ...]) -> bool:
    """``left`` ends with one of ``words`` as a whole word (not the tail of a longer word)."""
    for w in words:
        if left.endswith(w):
            k = len(left) - len(w)
            if k > 0 and left[k - 1] in "وف":  # "ومنذ"
                k -= 1
            if k == 0 or not left[k - 1].isalpha():
                return True
    return False


def pick(key: str, dates: list[tuple[int, int, str]], s: int, e: int) -> str | None:
    """The date cue of the figure ``key[s:e]``: the nearest one in the same clause, else the nearest."""
    best, best_score = None, None
    for cs, ce, value in dates:
        if ce <= s:
            gap, lo, hi = s - ce, ce, s
        elif cs >= e:
            gap, lo, hi = cs - e, e, cs
        else:
            gap, lo, hi = 0, s, s
        score = (1 if _CLAUSE.search(key, lo, hi) else 0, gap)
        if best_score is None or score < best_score:
            best, best_score = value, score
    return best
