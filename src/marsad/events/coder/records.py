"""Records the coder passes between its stages, and the word classes its rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.events.lexicon import Form
from marsad.types import Span

_DAMMA = "\u064f"
_COMPLEMENT_PREPS = frozenset({"الي", "علي", "عن", "من", "بشان"})
#: types whose recipient may stand in the complement of the verb (رفضت واشنطن تسليم المنظومة إلى أنقرة)
COMPLEMENT_TYPES = frozenset({"REJECT", "REQUEST", "THREATEN", "SUPPORT"})
_PARTICLES = frozenset({"قد", "لم", "لن", "لا", "سوف", "ما", "لقد", "وقد"})
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان"})
_NOMINAL_PRES = frozenset({"ال", "ب", "ك", "ل"})
_NOUN_CONTEXT = frozenset({"من", "في", "الي", "علي", "عن", "مع", "بعد", "قبل", "خلال", "عقب", "اثر", "منذ", "ما"})
_COMMAS = frozenset({"،", ",", "؛", ";"})
_VS_SKIP = frozenset({"اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
                      "ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "رسميا", "مساء", "صباح", "صباحا", "مساءا",
                      # quantifiers before a group noun (تظاهر آلاف الطلاب، قتل عشرات المسلحين)
                      "الاف", "مئات", "عشرات", "ملايين", "الالاف", "المئات", "العشرات", "اعداد", "حشود"})
_THAT = frozenset({"ان", "بان", "لان", "وان"})
_CONTEXT_PREPS = frozenset({"في", "خلال", "اثر", "جراء", "بعد", "قبل", "منذ", "عقب", "اثناء"})
_CLAUSE_PUNCT = frozenset(".؛;:!?؟\n")
_TRIM = " \t\n\u00a0،,.:;؛-–—\"'«»“”"


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    stem: str  # folded stem key
    whole: str  # folded key of proclitics + stem
    pres: tuple[str, ...]  # folded proclitics
    sentence: int
    stem_start: int
    stem_end: int
    full: str = ""  # folded key of the whole written word (clitics included)
    suffix: str = ""  # folded pronoun enclitic, if any


@dataclass(slots=True)
class _Actor:
    """One actor phrase: adjacent mentions acting for one code."""

    w0: int
    w1: int
    start: int
    end: int
    code: str
    entity: str | None
    confidence: float
    adjective: bool  # only state adjectives
    metonym: bool  # only capitals / seats
    prep: str | None = None
    head: int | None = None  # for adjectives: the word they modify
    group: int = -1  # coordination group id


@dataclass(slots=True)
class _Hit:
    form: Form
    w0: int
    w1: int


@dataclass(slots=True)
class _Found:
    type: str
    mode: str | None
    source: tuple[str, str | None] | None  # (code, entity)
    target: tuple[str, str | None] | None
    modality: str
    background: bool
    confidence: float
    evidence: Span
    trigger: Span
    extra: list[Span] = field(default_factory=list)

