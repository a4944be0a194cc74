"""Figures against our gold annotation of the seeds, matched by value and unit (floor below measured 0.98/0.91)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from marsad.gold import Score, load_gold, pair_articles

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


@pytest.fixture(scope="module")
def pairs(seeds_dir):
    from marsad.events.quantities import QuantityExtractor
    from marsad.io.readers import iter_inputs

    qx = QuantityExtractor()
    out = []
    for seed, rows in load_gold(GOLD).items():
        arts = [qx(a) for a in iter_inputs([seeds_dir / seed]) if not isinstance(a, Exception)]
        out.extend(pair_articles(rows, arts))
    return out


def test_quantities_gold_floor(pairs):
    sc = Score()
    what_ok = what_n = 0
    for g, a in pairs:
        system = Counter((round(q.value, 3), q.unit) for q in (a.quantities if a else []))
        gold = Counter((round(float(r["value"]), 3), r["unit"]) for r in g.quantities)
        tp = sum((system & gold).values())
        sc.tp += tp
        sc.fp += sum(system.values()) - tp
        sc.fn += sum(gold.values()) - tp
        for q in a.quantities if a else []:
            row = next((r for r in g.quantities
                        if (round(float(r["value"]), 3), r["unit"]) == (round(q.value, 3), q.unit)), None)
            if row is not None:
                what_n += 1
                what_ok += row["what"] == q.what
    assert sc.precision >= 0.95, sc.as_dict()
    assert sc.recall >= 0.88, sc.as_dict()
    assert what_n and what_ok / what_n >= 0.9
