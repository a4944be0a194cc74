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


class Resources:
    def __init__(self, extra_data: Sequence[Path | str] = ()):
        #: analyst-supplied folders of actor YAML files that extend or override the packaged data
        self.extra_data = [Path(p) for p in extra_data]

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

    def extra_components(self, layers: Sequence[str]) -> list:
        """Components of the layers after the text layer, in order."""
        from marsad.pipeline import Component

        comps = []
        if "actors" in layers:
            comps.append(Component("actors", self.recognizer, requires=("normalized",),
                                   assigns=("mentions", "entities")))
        if "events" in layers:
            comps.append(Component("events", self.event_coder, requires=("tokens", "sentences", "mentions"),
                                   assigns=("events",)))
        # quotes, figures, event dates and dossiers (helper-11): built once per Resources object
        from marsad.dossiers.classify import DossierClassifier
        from marsad.events.dates import EventDater
        from marsad.events.quantities import QuantityExtractor
        from marsad.events.quotes import QuoteExtractor

        cache = self.__dict__.setdefault("_analysis_components", {})
        for name, make in (("event_dates", EventDater), ("quotes", QuoteExtractor),
                           ("quantities", QuantityExtractor), ("dossiers", DossierClassifier)):
            if name not in cache and (name != "event_dates" or "events" in layers):
                cache[name] = make()
        if "events" in layers:
            dater = cache["event_dates"]
            comps.append(Component("event_dates", dater, requires=("events", "sentences"), assigns=("events",)))
        if "actors" in layers or "quotes" in layers:
            comps.append(Component("quotes", cache["quotes"],
                                   requires=("normalized", "mentions"), assigns=("quotes",)))
        if "actors" in layers or "quantities" in layers:
            comps.append(Component("quantities", cache["quantities"],
                                   requires=("normalized",), assigns=("quantities",)))
        if "actors" in layers or "dossiers" in layers:
            comps.append(Component("dossiers", cache["dossiers"],
                                   requires=("normalized", "mentions"), assigns=("dossiers",)))
        return comps
