"""Article dossiers against our gold annotation of the seeds, as sets per article (floor below measured 0.79/0.71)."""

from __future__ import annotations

from pathlib import Path

from marsad.gold import Score, load_gold, pair_articles

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


def test_dossiers_gold_floor(seeds_dir):
    from marsad.io.readers import iter_inputs
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources

    pipe = default_pipeline(Resources(), layers=("text", "actors"))
    sc = Score()
    for seed, rows in load_gold(GOLD).items():
        arts = [pipe.process(a) for a in iter_inputs([seeds_dir / seed]) if not isinstance(a, Exception)]
        for g, a in pair_articles(rows, arts):
            sc.add(set(a.dossiers) if a else set(), set(g.dossiers), f"{seed}#{g.item}")
    assert sc.precision >= 0.75, sc.as_dict()
    assert sc.recall >= 0.66, sc.as_dict()
