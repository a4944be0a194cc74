"""The records that flow through marsad.

One carrier, :class:`Article`, holds the original text and everything found in it. Every
span-bearing record (:class:`Sentence`, :class:`Token`, :class:`Mention`, :class:`Event`,
:class:`Quote`, :class:`Quantity`) holds ``start``/``end`` character offsets into
``Article.text``, end exclusive, so ``article.text[start:end]`` is the surface form.
Records are slotted dataclasses; low-volume ones are frozen. ``Token`` and ``Sentence`` are made by
the hundred per article, so they are slotted but not frozen (a frozen init costs ~4x more); treat
them as read-only all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from marsad.text.normalize import Normalized

EntityKind = Literal["state", "person", "org", "place", "thing"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
DatePrecision = Literal["day", "month", "year"]
Quad = Literal["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's original text."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Token:
    """A clitic-aware token: ``وبوتين`` gives a proclitic token ``و`` and a stem token ``بوتين``.

    ``word`` numbers the orthographic word the token belongs to (tokens of one word share it),
    ``part`` is ``"pre"``, ``"stem"`` or ``"suf"``; ``norm`` is the normalized form used for
    matching, ``lemma`` the stem's lemma (``None`` for clitics and non-Arabic tokens).
    """

    start: int
    end: int
    norm: str
    word: int
    part: Literal["pre", "stem", "suf"] = "stem"
    lemma: str | None = None
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an entity.

    ``entity`` is the id of an :class:`Entity` of the same article (a knowledge-base id, or a
    document-level id ``doc:<kind>:<n>`` for names the recognizer found outside the KB).
    ``method`` says how it was found: ``name``, ``variant``, ``adjective``, ``metonym``, ``role``,
    ``counterpart``, ``coref`` or ``ner``. ``confidence`` is in [0, 1].
    """

    start: int
    end: int
    text: str
    entity: str
    method: str = "name"
    confidence: float = 1.0
    acts_for: str | None = None  # actor code (ISO3 / org code) the mention acts for, when known


@dataclass(slots=True)
class Entity:
    """An actor, place or thing an article talks about, with all its mentions."""

    id: str
    kind: EntityKind
    name_en: str | None
    name_ar: str | None
    country: str | None = None
    code: str | None = None
    kb: bool = True
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One side of an event: the entity and the actor code it acts for.

    ``agent`` names a generic actor (``POLICE``, ``MILITARY``, ``PROTESTERS``... see
    ``events/data/agents.yaml``) when the side is a group without a proper name; its ``entity`` is then
    ``"agent:<AGENT>"`` and ``code`` the state attached to it in the text (``الشرطة العراقية`` → ``IRQ``),
    or None when the text attaches none.
    """

    entity: str | None
    code: str | None
    agent: str | None = None

    def __post_init__(self) -> None:
        # stores and records that keep only (entity, code) still give the agent back
        if self.agent is None and self.entity is not None and self.entity.startswith("agent:"):
            object.__setattr__(self, "agent", self.entity[6:] or None)


@dataclass(slots=True)
class Event:
    """A PLOVER event with the words that support it (see EVENTS.md)."""

    type: str
    mode: str | None
    quad: Quad
    intensity: float
    source: ActorRef | None
    target: ActorRef | None
    evidence: Span
    trigger: Span | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    modality: Modality = "asserted"
    dossiers: list[str] = field(default_factory=list)
    confidence: float = 1.0
    id: str | None = None
    #: every stretch of text that reports this event (``evidence`` is the first of them); the same
    #: interaction mentioned three times in an article is one event with three mentions
    mentions: list[Span] = field(default_factory=list)
    #: the articles (other than this one) whose mentions were merged into this event across outlets
    articles: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Stance:
    """A sentence stating that two actors stand opposed or aligned over an issue, with no interaction
    between them (على طرفي نقيض، تتعارض مصالح البلدين، تتطابق مواقف...). Not a PLOVER event (EVENTS.md:
    statements of fact are not events): the model reads it as a separate signal.

    ``a``/``b`` are actor codes (``a`` < ``b``: the statement has no direction); ``stance`` is
    ``"opposed"`` or ``"aligned"``; ``dossiers`` the files the sentence names (taxonomy keywords and
    mentions); ``cue`` the words that state it; ``evidence`` the sentence; ``modality`` as for events
    (``negated``: لا تتطابق المواقف).
    """

    a: str
    b: str
    stance: Literal["opposed", "aligned"]
    evidence: Span
    cue: Span | None = None
    dossiers: tuple[str, ...] = ()
    modality: Modality = "asserted"


@dataclass(frozen=True, slots=True)
class Quote:
    speaker_entity: str | None
    speaker_name: str | None
    cue: Span | None
    text: str
    start: int
    end: int
    direct: bool = True


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str | None
    what: str | None
    start: int
    end: int
    text: str
    date: str | None = None


@dataclass(slots=True)
class Article:
    """One article: its original text, metadata, and the layers the pipeline adds.

    ``id`` is stable: the id given by the input (JSONL ``id``) or derived from the source and
    content. ``content_hash`` is computed on normalized text by the store, so exact duplicates
    are stored once whatever their file name. ``source_offset`` is where ``text`` starts in the
    decoded source file (press compilations hold many articles in one file).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    source_line: int | None = None
    source_offset: int = 0
    parent: str | None = None
    lang: str | None = None
    category: str | None = None
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # layers added by the pipeline
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)
    repeated_paragraphs: list[tuple[int, int]] = field(default_factory=list)
    #: statements that two actors stand opposed or aligned (not events; see :class:`Stance`)
    stances: list[Stance] = field(default_factory=list)
    #: the normalized views of ``text`` (set by the text layer; not stored)
    normalized: Normalized | None = field(default=None, repr=False, compare=False)

    @property
    def is_arabic(self) -> bool:
        return self.lang in (None, "ar")

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])
