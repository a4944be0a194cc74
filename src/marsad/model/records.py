"""The flat records the relationship model is built from.

The model never reads an :class:`~marsad.types.Article` or the database directly: it takes
iterables of the records below, which carry an event (or a figure, or a quote) together with the
metadata of the article it came from. They are made

* from articles in memory (``extract`` output, tests): :func:`records_from_article`,
  :meth:`ModelInput.from_articles`;
* from the store: :mod:`marsad.store.queries` (``event_records``, ``quantity_records``, ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.types import ActorRef, Article, Span, Stance


@dataclass(frozen=True, slots=True)
class ContextRef:
    """An entity mentioned inside an event's evidence sentence (a place, a person, ...)."""

    entity: str
    kind: str
    name: str | None
    text: str
    start: int
    end: int
    acts_for: str | None = None

    def to_dict(self) -> dict:
        return {"entity": self.entity, "kind": self.kind, "name": self.name, "text": self.text,
                "start": self.start, "end": self.end, "acts_for": self.acts_for}


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One coded event with its article's metadata.

    ``source``/``target`` are the event's :class:`ActorRef` (``None`` when unstated);
    ``also_in`` lists the other articles whose reports were merged into this event
    (``Event.articles``); ``story`` is the article's story cluster or compilation parent;
    ``context`` the entities mentioned in the evidence sentence (for places and participants).
    """

    id: str
    article: str
    type: str
    quad: str
    intensity: float
    source: ActorRef | None
    target: ActorRef | None
    evidence: Span
    mode: str | None = None
    trigger: Span | None = None
    date: str | None = None
    date_precision: str | None = None
    modality: str = "asserted"
    dossiers: tuple[str, ...] = ()
    confidence: float = 1.0
    mentions: tuple[Span, ...] = ()
    also_in: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    story: str | None = None
    context: tuple[ContextRef, ...] = ()

    @property
    def source_code(self) -> str | None:
        return self.source.code if self.source is not None else None

    @property
    def target_code(self) -> str | None:
        return self.target.code if self.target is not None else None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "article": self.article, "type": self.type, "mode": self.mode, "quad": self.quad,
            "intensity": self.intensity,
            "source": {"entity": self.source.entity, "code": self.source.code} if self.source else None,
            "target": {"entity": self.target.entity, "code": self.target.code} if self.target else None,
            "evidence": self.evidence.as_dict(), "trigger": self.trigger.as_dict() if self.trigger else None,
            "date": self.date, "date_precision": self.date_precision, "modality": self.modality,
            "dossiers": list(self.dossiers), "confidence": self.confidence,
            "mentions": [m.as_dict() for m in self.mentions], "also_in": list(self.also_in),
            "outlet": self.outlet, "published": self.published, "title": self.title, "story": self.story,
            "context": [c.to_dict() for c in self.context],
        }


@dataclass(frozen=True, slots=True)
class QuantityRecord:
    """A figure (trade volume, tourists, ...) with its article's metadata."""

    value: float
    unit: str | None
    what: str | None
    span: Span
    article: str
    date: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    story: str | None = None

    def to_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit, "what": self.what, "span": self.span.as_dict(),
                "article": self.article, "date": self.date, "outlet": self.outlet,
                "published": self.published, "title": self.title, "story": self.story}


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A quote with its article's metadata."""

    text: str
    span: Span
    article: str
    speaker_entity: str | None = None
    speaker_name: str | None = None
    direct: bool = True
    outlet: str | None = None
    published: str | None = None
    story: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "span": self.span.as_dict(), "article": self.article,
                "speaker_entity": self.speaker_entity, "speaker_name": self.speaker_name,
                "direct": self.direct, "outlet": self.outlet, "published": self.published, "story": self.story}


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """A stated stance (:class:`~marsad.types.Stance`: two actors said to stand opposed or aligned)
    with its article's metadata. ``id`` is ``<article>#s<n>``."""

    id: str
    article: str
    a: str
    b: str
    stance: str
    evidence: Span
    cue: Span | None = None
    dossiers: tuple[str, ...] = ()
    modality: str = "asserted"
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    story: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "article": self.article, "a": self.a, "b": self.b, "stance": self.stance,
                "evidence": self.evidence.as_dict(), "cue": self.cue.as_dict() if self.cue else None,
                "dossiers": list(self.dossiers), "modality": self.modality, "outlet": self.outlet,
                "published": self.published, "title": self.title, "story": self.story}


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article's metadata and text (the framing view scores the wording of the text)."""

    id: str
    outlet: str | None
    published: str | None
    title: str | None
    text: str = ""
    story: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "outlet": self.outlet, "published": self.published, "title": self.title,
                "story": self.story}


@dataclass(slots=True)
class ModelInput:
    """Everything the model views read, as flat records."""

    articles: list[ArticleRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    quantities: list[QuantityRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    stances: list[StanceRecord] = field(default_factory=list)

    @classmethod
    def from_articles(cls, articles: Iterable[Article], stories: dict[str, str] | None = None) -> ModelInput:
        """Records of articles in memory. An article's story is its press compilation (``parent``)
        when it has one, else ``stories[article id]`` (its story cluster), as in
        :func:`marsad.store.queries.model_input`."""
        out = cls()
        for a in articles:
            story = a.parent or (stories or {}).get(a.id)
            art, events, quantities, quotes = records_from_article(a, story)
            out.articles.append(art)
            out.events.extend(events)
            out.quantities.extend(quantities)
            out.quotes.extend(quotes)
            out.stances.extend(stance_records(a, story))
        return out


_CONTEXT_KINDS = ("place", "person")


def records_from_article(a: Article, story: str | None = None
                         ) -> tuple[ArticleRecord, list[EventRecord], list[QuantityRecord], list[QuoteRecord]]:
    """The records of one article (``story`` defaults to its compilation parent)."""
    story = story if story is not None else a.parent
    art = ArticleRecord(a.id, a.outlet, a.published, a.title, a.text, story)
    mentions = list(a.mentions)
    if not mentions:
        mentions = [m for e in a.entities.values() for m in e.mentions]
    ctx_mentions = []
    for m in mentions:
        ent = a.entities.get(m.entity)
        kind = ent.kind if ent is not None else None
        if kind in _CONTEXT_KINDS:
            name = (ent.name_ar or ent.name_en) if ent is not None else None
            ctx_mentions.append(ContextRef(m.entity, kind, name, m.text, m.start, m.end, m.acts_for))
    ctx_mentions.sort(key=lambda c: c.start)
    events = []
    for i, ev in enumerate(a.events):
        spans = tuple(ev.mentions) or (ev.evidence,)
        ctx = tuple(c for c in ctx_mentions if any(s.start <= c.start and c.end <= s.end for s in spans))
        events.append(EventRecord(
            id=ev.id or f"{a.id}#e{i}", article=a.id, type=ev.type, quad=ev.quad, intensity=ev.intensity,
            source=ev.source, target=ev.target, evidence=ev.evidence, mode=ev.mode, trigger=ev.trigger,
            date=ev.date, date_precision=ev.date_precision, modality=ev.modality, dossiers=tuple(ev.dossiers),
            confidence=ev.confidence, mentions=tuple(ev.mentions), also_in=tuple(ev.articles),
            outlet=a.outlet, published=a.published, title=a.title, story=story, context=ctx,
        ))
    quantities = [
        QuantityRecord(q.value, q.unit, q.what, Span(q.start, q.end, q.text), a.id, q.date, a.outlet,
                       a.published, a.title, story)
        for q in a.quantities
    ]
    quotes = [
        QuoteRecord(q.text, Span(q.start, q.end, a.text[q.start:q.end] if q.end <= len(a.text) else q.text),
                    a.id, q.speaker_entity, q.speaker_name, q.direct, a.outlet, a.published, story)
        for q in a.quotes
    ]
    return art, events, quantities, quotes


def stance_records(a: Article, story: str | None = None) -> list[StanceRecord]:
    """The stated stances of one article (``story`` defaults to its compilation parent)."""
    story = story if story is not None else a.parent
    return [StanceRecord(f"{a.id}#s{i}", a.id, st.a, st.b, st.stance, st.evidence, st.cue, tuple(st.dossiers),
                         st.modality, a.outlet, a.published, a.title, story)
            for i, st in enumerate(getattr(a, "stances", None) or ()) if isinstance(st, Stance)]
