"""The whole model on real data: our gold annotations of seed 004 (a press file of 26 items on the
2021 Sochi summit) turned into records, with evidence and wording read from the seed itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.gold import load_gold
from marsad.io.decode import decode_bytes
from marsad.model import (ArticleRecord, EventRecord, ModelInput, QuantityRecord, QuoteRecord, Relationship,
                          most_present_dyad)
from marsad.types import ActorRef, Span

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"
SEED = "004_90aed7121dcc2d09.txt"
# PLOVER quad classes and base scores (EVENTS.md), and the modes with scores of their own
PLOVER = {"AGREE": ("verbal_coop", 2.5), "CONSULT": ("verbal_coop", 2.5), "SUPPORT": ("verbal_coop", 5),
          "CONCEDE": ("verbal_coop", 4.5), "COOPERATE": ("material_coop", 9.5), "AID": ("material_coop", 10),
          "RETREAT": ("material_coop", 6.5), "REQUEST": ("verbal_conflict", 0), "ACCUSE": ("verbal_conflict", -3),
          "REJECT": ("verbal_conflict", -2), "THREATEN": ("verbal_conflict", -3.5),
          "PROTEST": ("material_conflict", -5), "SANCTION": ("material_conflict", -6),
          "MOBILIZE": ("material_conflict", -5.5), "COERCE": ("material_conflict", -7),
          "ASSAULT": ("material_conflict", -9)}
MODES = {"phone": 1.5, "visit": 4, "multilateral": 4, "third-party": 1, "ceasefire": 7.5, "withdraw": 8}


def _input(text: str, items) -> ModelInput:
    data = ModelInput()
    for g in items:
        aid = f"{SEED}#{g.item}"
        start, end = g.span or (0, len(text))
        data.articles.append(ArticleRecord(aid, g.outlet, g.published, None, text[start:end], SEED))
        for i, e in enumerate(g.events):
            quad, score = PLOVER[e["type"]]
            score = MODES.get(e.get("mode"), score)
            spans = tuple(Span(s, t, text[s:t]) for s, t in e["evidence"])
            date = str(e["date"]) if e.get("date") else None
            data.events.append(EventRecord(
                id=f"{aid}#e{i}", article=aid, type=e["type"], quad=quad, intensity=score,
                source=ActorRef(None, e.get("source")), target=ActorRef(None, e.get("target")), evidence=spans[0],
                mode=e.get("mode"), date=date, modality=e.get("modality") or "asserted",
                dossiers=tuple(g.dossiers), mentions=spans, outlet=g.outlet, published=g.published, story=SEED))
        for q in g.quantities:
            s, t = q["span"]
            data.quantities.append(QuantityRecord(float(q["value"]), q.get("unit"), q.get("what"),
                                                  Span(s, t, text[s:t]), aid, str(q["date"]) if q.get("date") else None,
                                                  g.outlet, g.published, None, SEED))
        for q in g.quotes:
            s, t = q["span"]
            data.quotes.append(QuoteRecord(text[s:t], Span(s, t, text[s:t]), aid, None, q.get("speaker"),
                                           bool(q.get("direct", True)), g.outlet, g.published, SEED))
    return data


@pytest.fixture(scope="module")
def seed004(shared_dir):
    text = decode_bytes((shared_dir / "seeds" / SEED).read_bytes()).text
    return _input(text, load_gold(GOLD)[SEED])


def test_sochi_press_file(seed004):
    assert set(most_present_dyad(seed004.events)) == {"TUR", "RUS"}
    rel = Relationship.build(seed004, "TUR", "RUS")
    # the evidence spans we annotated are the text the records carry
    assert all(r.evidence.text for r in seed004.events)
    # the Sochi summit, reported item after item, is one contact with many outlets behind it
    # (items published before it announce it: those are a separate, future contact)
    sochi = [c for c in rel.registers.contacts if c.date == "2021-09-29" and c.mode == "visit"]
    assert sorted(c.modality for c in sochi) == ["asserted", "future"]
    held = next(c for c in sochi if c.modality == "asserted")
    assert len(held.to_dict()["outlets"]) >= 10
    # the press file is one story told by many outlets, each leaving some facts out
    story = rel.framing.stories[0]
    assert story.story == SEED and len(story.outlets) >= 5
    assert any(o.omitted_facts for o in story.outlets)
    assert all(-1 < o.tone.score < 1 for o in story.outlets)
    syria = rel.character.dossiers.get("syria")
    assert syria is not None and syria.overall.n >= 3
    json.dumps(rel.to_dict(), ensure_ascii=False)
