"""Figures: numbers with a unit that measure something (money, gas, power, people, time ...).

:class:`QuantityExtractor` (pipeline component ``quantities``) reads the folded ``key`` view of the
article. Number words, scale words, units and the cue words that say what a figure measures are
data (``events/data/units.yaml``), loaded into a :class:`UnitLexicon`; see
``events/data/README_quotes_figures.md``.

A figure is a number — digits (``6.5``, ``٦٫٥``, ``1,500``, ``/45/``) or words (``ثلاث``، ``عشرة``،
``خمسة وعشرين``، a bare ``مليون``) — an optional scale word (``ألف، آلاف، مليون، مليار ...``) and
a **unit** right after it (``دولار``، ``متر مكعب``، ``ميغاواط``، ``سائح``، ``جندي``، ``في المئة``، ``%``
...). A number with no unit is not reported, which is what keeps dates, years, day numbers and
most list numbers out. Besides:

* durations (hours, days, months, years) count only after a word of extent (``استغرق``،
  ``استمر``، ``لمدة``، ``منذ`` ...), so ``بعد شهرين`` / ``قبل 8 سنوات`` are relative times, not figures;
* a number written into a name (``S-400``، ``إس 400``، ``VVER-1200``، ``كوفيد-19``، ``إم 4``) is skipped,
  as are list numbers opening a line (``1.``، ``2)``), phone-like digit runs, and numbers after
  ``رقم``، ``المرتبة``، ``الساعة``، ``المادة`` ...;
* ``value`` has the scale applied (``6.5 مليار دولار`` → 6.5e9; ``4.8 ألف ميغاواط`` → 4800);
  a fraction after the unit is added (``ثلاث ساعات ونصف`` → 3.5, ``ساعتين و45 دقيقة`` → 2.75,
  ``ثلاث ساعات إلا ربعا`` → 2.75).

``what`` comes from ``what_rules`` and must be an id of the ``whats`` table, which lists the units
each id accepts (a percentage is never ``trade_volume``; ``trade_target`` needs a target cue, a trade
cue and a currency); the loader checks the table. ``date`` is the date the figure refers to: the cue of
its clause, else the nearest one of its sentence — an absolute date (:class:`marsad.text.dates.DateFinder`),
a relative expression (:class:`marsad.events.dates.RelativeDates`), a present or year-to-date phrase, or
the months grammar (``الأشهر التسعة الأولى من العام``، ``خلال 9 أشهر``); comparison bases and span starts
(``مقارنة بالعام 2020``، ``منذ 2011``) are not dates of the figure. See
``events/data/README_quotes_figures.md``.
"""

from marsad.events.quantities.extractor import QuantityExtractor
from marsad.events.quantities.units import UnitLexicon, WhatInfo

__all__ = ["UnitLexicon", "QuantityExtractor", "WhatInfo"]
