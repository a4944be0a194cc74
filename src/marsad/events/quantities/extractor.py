"""The pipeline component ``quantities``: the figures of an article with what they measure and their date."""

from __future__ import annotations

import re
from bisect import bisect_right

from marsad.events.dates import RelativeDates, parse_published
from marsad.events.quantities.figure_dates import FigureDates, pick
from marsad.events.quantities.numbers import TOKEN, figure
from marsad.events.quantities.units import UnitLexicon
from marsad.events.quantities.whats import what_of
from marsad.text.dates import DateFinder
from marsad.text.normalize import Normalizer
from marsad.types import Article, Quantity


class QuantityExtractor:
    """``Article -> Article``: fills ``article.quantities`` (see :mod:`marsad.events.quantities`)."""

    name = "quantities"

    def __init__(self, lexicon: UnitLexicon | None = None, relative: RelativeDates | None = None,
                 finder: DateFinder | None = None):
        self.lex = lexicon or UnitLexicon.load()
        self.dates = FigureDates(self.lex, relative, finder)
        self.normalizer = Normalizer()

    @property
    def finder(self) -> DateFinder:
        return self.dates.finder

    @property
    def relative(self) -> RelativeDates:
        return self.dates.relative

    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(key)]
        found = []
        i, n = 0, len(toks)
        start_words = self.lex.start_words
        while i < n:
            t = toks[i][2]
            if not t[0].isdigit() and t not in start_words:
                i += 1
                continue
            got = figure(self.lex, key, toks, i)
            if got is None:
                i += 1
                continue
            s, e, value, unit, j = got
            found.append((s, e, value, unit, i))
            i = j
        if not found:
            article.quantities = []
            return article
        pub = parse_published(article.published)
        ends = [m.end() for m in re.finditer(r"\n|[.!?؟](?=\s|$)", key)]
        out = []
        date_cache: dict[int, list] = {}
        prev_sentence, prev_what = -1, None
        whats = self.lex.whats
        for s, e, value, unit, i in found:
            si = bisect_right(ends, s)
            ss = ends[si - 1] if si else 0
            se = ends[si] if si < len(ends) else len(key)
            # cue words: this sentence and the one before it (its subject often carries over:
            # "يزداد حجم التبادل ... . وقد بلغ عام 2004 قيمة 11 مليار دولار")
            what = what_of(self.lex, toks, i, e, unit, prev_what if prev_sentence == ss else None,
                            ends[si - 2] if si >= 2 else 0, se)
            prev_sentence, prev_what = ss, what
            dates = date_cache.get(ss)
            if dates is None:
                dates = date_cache[ss] = self.dates.find(article.text, norm, ss, se, pub)
            date = pick(key, dates, s, e)
            if date is not None and len(date) == 10 and not whats[what].keep_day:
                date = date[:4]  # a stock or flow figure refers to its year, not to the day it was said
            os_, oe = norm.to_original(s, e)
            out.append(Quantity(value, unit.code, what, os_, oe, article.text[os_:oe], date))
        article.quantities = out
        return article
