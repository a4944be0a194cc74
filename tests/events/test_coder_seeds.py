"""Real data: the coder over the seed files (evidence offsets round-trip; precision floor against our gold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.resources import Resources

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


@pytest.fixture(scope="module")
def resources():
    return Resources()


def test_evidence_offsets_round_trip(seeds_dir, resources):
    from marsad.events.evaluate import system_articles

    n = 0
    for seed in sorted(seeds_dir.glob("*.txt")):
        source = seed.read_text(encoding="utf-8")
        for art in system_articles(seed, resources):
            assert source[art.source_offset:art.source_offset + len(art.text)] == art.text
            for ev in art.events:
                n += 1
                for span in [ev.evidence, ev.trigger, *ev.mentions]:
                    assert art.text[span.start:span.end] == span.text
                    # and into the seed file itself, through the article's offset
                    off = art.source_offset
                    assert source[off + span.start:off + span.end] == span.text
                assert ev.evidence == ev.mentions[0]
                assert ev.source is None or ev.target is None or ev.source.code != ev.target.code
                assert ev.source is not None or ev.target is not None
    assert n > 50, "the seeds talk about many interactions"


def test_gold_precision_floor(shared_dir, resources):
    """Pinned floors for the event coder on our gold (measured 2026-11-21: P 0.76, R 0.34)."""
    if not any(GOLD.glob("*.yaml")):
        pytest.skip("no gold files")
    from marsad.events.evaluate import evaluate_gold

    score, per_type = evaluate_gold(GOLD, shared_dir / "seeds", resources)
    assert score.tp + score.fn > 100
    assert score.precision >= 0.68, score.as_dict()
    assert score.recall >= 0.28, score.as_dict()
    assert per_type["CONSULT"].precision >= 0.8
