"""Hand-made records for the model tests."""

from __future__ import annotations

import itertools

import pytest

from marsad.model.records import ContextRef, EventRecord, QuantityRecord
from marsad.types import ActorRef, Span

QUAD = {"AGREE": "verbal_coop", "CONSULT": "verbal_coop", "SUPPORT": "verbal_coop", "COOPERATE": "material_coop",
        "AID": "material_coop", "ACCUSE": "verbal_conflict", "THREATEN": "verbal_conflict",
        "REQUEST": "verbal_conflict", "REJECT": "verbal_conflict", "SANCTION": "material_conflict", "ASSAULT": "material_conflict"}


@pytest.fixture
def make_event():
    """ev(type, source, target, intensity, date, ...) -> EventRecord with a unique id and article."""
    counter = itertools.count(1)

    def ev(type_, source, target, intensity, date="2021-09-29", *, dossiers=("syria",), modality="asserted",
           confidence=1.0, article=None, outlet="outlet-1", published=None, mode=None, context=(),
           text="نص الدليل", trigger=None, story=None, source_entity=None, target_entity=None):
        n = next(counter)
        return EventRecord(
            id=f"ev{n}", article=article or f"art{n}", type=type_, quad=QUAD[type_], intensity=intensity,
            source=ActorRef(source_entity, source) if source else None,
            target=ActorRef(target_entity, target) if target else None,
            evidence=Span(10 * n, 10 * n + len(text), text), mode=mode,
            trigger=Span(10 * n, 10 * n + len(trigger), trigger) if trigger else None, date=date,
            date_precision="day" if date and len(date) == 10 else None, modality=modality,
            dossiers=tuple(dossiers), confidence=confidence, outlet=outlet,
            published=published or (date if date and len(date) == 10 else "2021-10-01"), story=story,
            context=tuple(context))
    return ev


@pytest.fixture
def make_quantity():
    def q(value, what, date=None, *, unit="USD", article="art-q", outlet="outlet-1", published="2021-10-01",
          text="رقم"):
        return QuantityRecord(value, unit, what, Span(0, len(text), text), article, date, outlet, published)
    return q


def place(name: str, start: int = 0) -> ContextRef:
    return ContextRef(f"place.{name}", "place", name, name, start, start + len(name))
