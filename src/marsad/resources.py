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
        return comps
