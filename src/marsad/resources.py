"""Resources: the knowledge the pipeline uses, loaded lazily from data files and cached per object.

Nothing is read at import time. One :class:`Resources` object is created by the caller (the CLI,
a test, a benchmark) and passed to the components that need it; two objects with different data
directories can live in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from marsad.actors.kb import KnowledgeBase
from marsad.actors.recognize import ActorRecognizer
from marsad.text.tokens import Tokenizer


#: names the trained recognizer is less sure of are not reported (its marginal probability, 0..1)
NAME_MIN_CONFIDENCE = 0.6
#: the same for ``ner="e5"``, whose confidence is the e5/CRF mixture's probability: on the dev split its
#: names at 0.5-0.6 were right 64% of the time, the CRF's at 0.6-0.7 53% (see models/ner_e5.json)
NAME_MIN_CONFIDENCE_E5 = 0.5


class Resources:
    def __init__(self, extra_data: Sequence[Path | str] = (), ner: str = "crf"):
        #: analyst-supplied folders of actor YAML files that extend or override the packaged data
        self.extra_data = [Path(p) for p in extra_data]
        #: the name tagger behind :attr:`names`: ``crf`` (fast) or ``e5`` (accurate, slow)
        self.ner = ner

    @cached_property
    def kb(self) -> KnowledgeBase:
        return KnowledgeBase.load(self.extra_data)

    @cached_property
    def recognizer(self) -> ActorRecognizer:
        return ActorRecognizer(self.kb)

    @cached_property
    def _tokenizer(self) -> Tokenizer:
        return Tokenizer(protected=self.recognizer.protected_names)

    def tokenizer(self) -> Tokenizer:
        return self._tokenizer

    @cached_property
    def names(self):
        """The trained recognizer of names the knowledge base lacks (``actors/models/ner.crfsuite``, or
        with ``ner="e5"`` the transformer tagger's adapter ``actors/models/ner_e5.npz``)."""
        from marsad.actors.ner import NameRecognizer

        floor = NAME_MIN_CONFIDENCE_E5 if self.ner == "e5" else NAME_MIN_CONFIDENCE
        return NameRecognizer(kb=self.kb, tokenizer=self.tokenizer(), min_confidence=floor, backend=self.ner)

    @cached_property
    def ontology(self):
        """The PLOVER ontology (``events/data/plover.yaml``)."""
        from marsad.events.ontology import Ontology

        return Ontology.load()

    @cached_property
    def lexicon(self):
        """The Arabic trigger lexicon and modality cues (``events/data/triggers.yaml``, ``cues.yaml``)."""
        from marsad.events.lexicon import Lexicon

        return Lexicon.load(types=set(self.ontology.types))

    @cached_property
    def event_coder(self):
        from marsad.events.coder import EventCoder

        return EventCoder(self.ontology, self.lexicon, self.kb)

    @cached_property
    def event_dater(self):
        from marsad.events.dates import EventDater

        return EventDater()

    @cached_property
    def stances(self):
        """Stated stances (``events/data/stances.yaml``), filed with the dossier taxonomy's keywords."""
        from marsad.events.stances import StanceExtractor

        return StanceExtractor(taxonomy=self.dossiers.taxonomy)

    @cached_property
    def quotes(self):
        from marsad.events.quotes import QuoteExtractor

        return QuoteExtractor()

    @cached_property
    def quantities(self):
        from marsad.events.quantities import QuantityExtractor

        return QuantityExtractor()

    @cached_property
    def dossiers(self):
        from marsad.dossiers.classify import DossierClassifier

        return DossierClassifier()

    def extra_components(self, layers: Sequence[str]) -> list:
        """The components after the text layer, in pipeline order, for the selected ``layers``.

        ``actors`` switches on the actor layer: knowledge-base linking, the trained recognizer of names
        the knowledge base lacks (document-level entities; names it is less sure of than
        ``NAME_MIN_CONFIDENCE`` are not reported), and what needs only actors (quotes, figures,
        dossiers); ``events`` adds the event coder, the event dates and the stated stances
        (statements that two actors stand opposed or aligned: not events). Later components see what
        earlier ones wrote: dossiers run last so that events get theirs.
        """
        from marsad.pipeline import Component

        table = (
            ("actors", "actors", lambda: self.recognizer, ("normalized",), ("mentions", "entities")),
            ("names", "actors", lambda: self.names, ("normalized", "tokens", "mentions"), ("mentions", "entities")),
            ("events", "events", lambda: self.event_coder, ("tokens", "sentences", "mentions"), ("events",)),
            ("event_dates", "events", lambda: self.event_dater, ("events", "sentences"), ("events",)),
            ("stances", "events", lambda: self.stances, ("normalized", "sentences", "mentions"), ("stances",)),
            ("quotes", "actors", lambda: self.quotes, ("normalized", "mentions"), ("quotes",)),
            ("quantities", "actors", lambda: self.quantities, ("normalized",), ("quantities",)),
            ("dossiers", "actors", lambda: self.dossiers, ("normalized", "mentions"), ("dossiers",)),
        )
        return [Component(name, make(), requires=requires, assigns=assigns)
                for name, layer, make, requires, assigns in table if layer in layers]
