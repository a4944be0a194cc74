"""The PLOVER event coder for Arabic: ``Article -> Article`` after the actor layer.

Per sentence it finds trigger words (``triggers.yaml``, one dictionary lookup per word), then the
actors of the trigger among the sentence's actor mentions with Arabic word order:

* verb first, subject after the verb (``استقبل بوتين أردوغان``), or subject before the verb;
* prepositions mark roles per trigger (``مع`` counterpart, ``إلى``/``ل`` destination, ``على``/``ضد``
  the attacked or accused, ``من`` the one asked); ``بين X و Y`` gives the two parties;
* ``X و Y`` coordinated on one side give one event per actor of that side; three or more parties of a
  symmetric interaction give one event per pair;
* noun triggers take their agent from a state adjective (``قمة روسية تركية``, ``الغارات الروسية``) or
  a genitive actor (``زيارة أردوغان``), else from the subject of the verb before them;
* passives (``تم توقيع``, a verb written with damma ``استُقبل``) take no subject.

Precision first: no trigger, no event; a symmetric type (CONSULT, AGREE, COOPERATE) needs two
parties; other types need a stated recipient unless the ontology marks them ``one_sided``; an
actor is never coded with itself; there is no default code. The modality comes from cues near the
trigger (``cues.yaml``). One interaction reported several times in an article is one event with
several mentions. ``date``, ``date_precision`` and ``dossiers`` are left for later components.

The coder is split by concern; :class:`EventCoder` composes the stages:

* :mod:`~marsad.events.coder.words` — the words of a sentence (stem, proclitics, folded forms);
* :mod:`~marsad.events.coder.actors` — actor phrases, agents, prepositions, coordination;
* :mod:`~marsad.events.coder.triggers` — trigger words;
* :mod:`~marsad.events.coder.arguments` — the sides of each trigger;
* :mod:`~marsad.events.coder.modality` — modality and background;
* :mod:`~marsad.events.coder.merging` — evidence spans and merging.
"""

from __future__ import annotations

import bisect

from marsad.events.coder.actors import ActorPhrases
from marsad.events.coder.arguments import COMPLEMENT_TYPES, Arguments
from marsad.events.coder.coref import _DUALS, Coreference
from marsad.events.coder.merging import Merging
from marsad.events.coder.modality import Modality
from marsad.events.coder.nominal import Nominal
from marsad.events.coder.records import _Actor, _Found, _Word
from marsad.events.coder.triggers import Triggers
from marsad.events.coder.words import build_words
from marsad.events.lexicon import Lexicon
from marsad.events.ontology import Ontology
from marsad.types import Article

__all__ = ["COMPLEMENT_TYPES", "EventCoder"]


class EventCoder(ActorPhrases, Coreference, Triggers, Arguments, Nominal, Modality, Merging):
    """``Article -> Article``: codes PLOVER events from the article's sentences and actor mentions."""

    name = "events"

    def __init__(self, ontology: Ontology, lexicon: Lexicon, kb=None):
        self.ontology = ontology
        self.lexicon = lexicon
        self.kb = kb
        self.cues = lexicon.cues
        self._max_phrase = max((len(f.words) for fs in lexicon.phrases.values() for f in fs), default=1)
        ag = lexicon.agents
        self._agent_keys = ag.keys | frozenset("ال" + k for k in ag.keys) if ag is not None else frozenset()

    # ------------------------------------------------------------------------------- entry
    def __call__(self, article: Article) -> Article:
        if not article.tokens or not article.sentences:
            return article
        # only sentences with an actor can hold an event: words are built for those alone
        sent_starts = [x.start for x in article.sentences]
        kinds = {eid: ent.kind for eid, ent in article.entities.items()}
        keep = {bisect.bisect_right(sent_starts, m.start) - 1 for m in article.mentions
                if m.acts_for and kinds.get(m.entity) not in ("place", "thing")}
        agents = self.lexicon.agents
        if agents is not None:
            akeys = self._agent_keys
            keep.update(t.sentence for t in article.tokens if t.part == "stem" and t.norm in akeys)
        # a dual noun (الرئيسان، البلدين) may stand for the two states of the sentence before
        keep.update(t.sentence for t in article.tokens if t.part == "stem" and t.norm in _DUALS)
        duals = self._dual_forms()
        keep.update(t.sentence for t in article.tokens if t.part == "stem" and t.norm in duals)
        if not keep:
            return article
        words = self._words(article, keep)
        if not words:
            return article
        actors = self._actors(article, words)
        found: list[_Found] = []
        by_sentence: dict[int, list[_Actor]] = {}
        for a in actors:
            by_sentence.setdefault(words[a.w0].sentence, []).append(a)
        # sentence boundaries over the word list
        bounds: list[tuple[int, int]] = []
        s0 = 0
        for i in range(1, len(words) + 1):
            if i == len(words) or words[i].sentence != words[s0].sentence:
                bounds.append((s0, i))
                s0 = i
        for lo, hi in bounds:
            sent_actors = by_sentence.get(words[lo].sentence)
            if not sent_actors:
                continue
            hits = self._triggers(words, lo, hi, {a.w0 for a in sent_actors if not a.adjective},
                                  {j for a in sent_actors for j in range(a.w0, a.w1 + 1)})
            for hit in hits:
                found.extend(self._code(article, words, lo, hi, hit, sent_actors))
        self._named_cache = None
        article.events = article.events + self._merge(found)
        return article

    # ------------------------------------------------------------------------------- words
    def _words(self, article: Article, keep: set[int] | None = None) -> list[_Word]:
        return build_words(article, keep)
