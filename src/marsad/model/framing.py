"""Framing across outlets: what each outlet reporting one story tells, leaves out, and how.

A story is a set of articles sharing a story id: their story cluster (near duplicates, from the
store) or the press compilation they were cut from (``parent``). For each story with at least
``min_outlets`` outlets, per outlet (its articles of the story taken together):

* facts: the events it reports, keyed by (type, actors -- unordered for symmetric types --,
  modality), e.g. ``CONSULT RUS–TUR asserted``;
* quotes: who it quotes (speaker entity, else the speaker's name folded, else ``unattributed``),
  with the quoted words;
* figures: the quantities it gives, keyed by (what, value, unit);
* omitted: the facts, speakers and figures of the story's union that this outlet does not give;
* coverage: the share of the union's facts it reports;
* tone: the :class:`~marsad.model.tone.ToneLexicon` score of its wording (titles and texts),
  with the words that made it.

Optionally ``codes`` restricts facts to events involving those actors (e.g. the dyad).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.model.config import ModelConfig
from marsad.model.core import evidence_dict
from marsad.model.records import ArticleRecord, EventRecord, ModelInput, QuantityRecord, QuoteRecord
from marsad.model.tone import ToneLexicon, ToneScore
from marsad.text.normalize import Normalizer

UNKNOWN_OUTLET = "(unknown outlet)"


def fact_key(r: EventRecord, symmetric: frozenset[str]) -> str:
    s, t = r.source_code or "?", r.target_code or "?"
    if r.type in symmetric and t < s:
        s, t = t, s
    arrow = "–" if r.type in symmetric else "→"
    return f"{r.type} {s}{arrow}{t} {r.modality}"


_MODALITY_WORDS = {"future": ("announced", "مُعلن"), "hypothetical": ("possible", "محتمل"),
                   "negated": ("denied", "منفي")}


def fact_text(records: list[EventRecord], config: ModelConfig, kb=None, lang: str = "en") -> str:
    """A fact (see :func:`fact_key`) in words: what happened, who to whom, when.

    ``Turkey and Russia: meeting (visit), 2021-09-29`` for the symmetric types, ``Russia → Turkey:
    military attack (aerial), 2021-09-26`` otherwise; an actor the text does not name is "unnamed";
    the date is the most frequent coded date of the reports, else their publication day; a
    modality other than asserted is added (announced, possible, denied). Type and mode names come
    from ``labels.event_types`` / ``labels.event_modes`` of ``model.yaml``.
    """
    r = records[0]
    sym = r.type in config.symmetric_types
    s, t = r.source_code, r.target_code
    if sym and s and t and t < s:
        s, t = t, s
    unnamed = "جهة غير مسماة" if lang == "ar" else "unnamed"
    sn = config.actor_name(s, lang, kb) if s else unnamed
    tn = config.actor_name(t, lang, kb) if t else unnamed
    what = config.label("event_types", r.type, lang)
    if what == r.type:
        what = r.type.lower()
    modes = [x.mode for x in records if x.mode]
    if modes:
        mode = max(set(modes), key=modes.count)
        what += f" ({config.label('event_modes', mode, lang)})"
    dates: dict[str, int] = {}
    for x in records:
        d = x.date or (x.published[:10] if x.published else None)
        if d:
            dates[d] = dates.get(d, 0) + 1
    when = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    mod = _MODALITY_WORDS.get(r.modality)
    if lang == "ar":
        who = f"{sn} و{tn}" if sym else f"من {sn} إلى {tn}"
        text = f"{what}: {who}"
        if when:
            text += f"، {when}"
        if mod:
            text += f" ({mod[1]})"
        return text
    who = f"{sn} and {tn}" if sym else f"{sn} → {tn}"
    text = f"{who}: {what}"
    if when:
        text += f", {when}"
    if mod:
        text += f" ({mod[0]})"
    return text


def figure_key(q: QuantityRecord) -> str:
    value = int(q.value) if float(q.value).is_integer() else q.value
    return f"{q.what or 'other'} {value} {q.unit or ''}".strip()


@dataclass(slots=True)
class OutletFraming:
    outlet: str
    articles: list[str]
    facts: dict[str, list[EventRecord]]
    quotes: dict[str, list[QuoteRecord]]
    figures: dict[str, list[QuantityRecord]]
    tone: ToneScore
    title_tone: ToneScore
    omitted_facts: list[str] = field(default_factory=list)
    omitted_speakers: list[str] = field(default_factory=list)
    omitted_figures: list[str] = field(default_factory=list)
    coverage: float | None = None

    def to_dict(self) -> dict:
        return {
            "outlet": self.outlet, "articles": list(self.articles),
            "facts": {k: [evidence_dict(r) for r in v] for k, v in sorted(self.facts.items())},
            "quotes": {k: [{"text": q.text, "article": q.article, "start": q.span.start, "end": q.span.end,
                            "direct": q.direct, "speaker_name": q.speaker_name} for q in v]
                       for k, v in sorted(self.quotes.items())},
            "figures": {k: [{"text": q.span.text, "article": q.article, "start": q.span.start, "end": q.span.end,
                             "date": q.date} for q in v] for k, v in sorted(self.figures.items())},
            "omitted": {"facts": list(self.omitted_facts), "speakers": list(self.omitted_speakers),
                        "figures": list(self.omitted_figures)},
            "coverage": None if self.coverage is None else round(self.coverage, 4),
            "tone": self.tone.to_dict(), "title_tone": self.title_tone.to_dict(),
        }


@dataclass(slots=True)
class StoryFraming:
    story: str
    title: str | None
    articles: list[str]
    outlets: list[OutletFraming]
    facts: dict[str, list[str]]      # fact key -> outlets reporting it
    speakers: dict[str, list[str]]   # speaker key -> outlets quoting them
    figures: dict[str, list[str]]    # figure key -> outlets giving it

    def outlet(self, name: str) -> OutletFraming:
        for o in self.outlets:
            if o.outlet == name:
                return o
        raise KeyError(name)

    def to_dict(self) -> dict:
        return {"story": self.story, "title": self.title, "articles": list(self.articles),
                "n_outlets": len(self.outlets),
                "facts": {k: list(v) for k, v in sorted(self.facts.items())},
                "speakers": {k: list(v) for k, v in sorted(self.speakers.items())},
                "figures": {k: list(v) for k, v in sorted(self.figures.items())},
                "outlets": [o.to_dict() for o in self.outlets]}


@dataclass(slots=True)
class Framing:
    stories: list[StoryFraming]
    #: stories reported by min_outlets outlets or more (``stories`` may hold only the first ``limit``)
    n_stories: int = 0

    @classmethod
    def build(cls, data: ModelInput, lexicon: ToneLexicon | None = None, config: ModelConfig | None = None,
              min_outlets: int = 2, stories: Iterable[str] | None = None,
              codes: Iterable[str] | None = None, limit: int | None = None) -> Framing:
        """Framing of every story of ``data`` reported by ``min_outlets`` outlets or more
        (or only of the ``stories`` named); with ``limit``, only of the first ``limit`` of them in
        the order of :attr:`stories` (most outlets first) -- the tone of the others' texts is
        not computed, ``n_stories`` still counts them all."""
        config = config or ModelConfig.load()
        lexicon = lexicon or ToneLexicon.load()
        norm = Normalizer()
        wanted = set(stories) if stories is not None else None
        codes = set(codes) if codes is not None else None
        by_story: dict[str, list[ArticleRecord]] = {}
        for a in data.articles:
            if a.story is None or (wanted is not None and a.story not in wanted):
                continue
            by_story.setdefault(a.story, []).append(a)
        events: dict[str, list[EventRecord]] = {}
        for r in data.events:
            if codes is not None and r.source_code not in codes and r.target_code not in codes:
                continue
            events.setdefault(r.article, []).append(r)
        quotes: dict[str, list[QuoteRecord]] = {}
        for q in data.quotes:
            quotes.setdefault(q.article, []).append(q)
        quantities: dict[str, list[QuantityRecord]] = {}
        for q in data.quantities:
            quantities.setdefault(q.article, []).append(q)
        chosen = []
        for story, arts in by_story.items():
            n = len({a.outlet or UNKNOWN_OUTLET for a in arts})
            if n >= min_outlets:
                chosen.append((-n, story))
        chosen.sort()
        total = len(chosen)
        if limit is not None:
            chosen = chosen[:limit]
        out = [_story(story, by_story[story], events, quotes, quantities, lexicon, config, norm)
               for _, story in chosen]
        return cls(out, total)

    def to_dict(self) -> dict:
        return {"stories": [s.to_dict() for s in self.stories], "n_stories": self.n_stories}


def _speaker(q: QuoteRecord, norm: Normalizer) -> str:
    if q.speaker_entity:
        return q.speaker_entity
    if q.speaker_name:
        return norm.key(q.speaker_name)
    return "unattributed"


def _story(story, arts, events, quotes, quantities, lexicon, config, norm) -> StoryFraming:
    sym = config.symmetric_types
    per: dict[str, OutletFraming] = {}
    for a in sorted(arts, key=lambda a: (a.published or "", a.id)):
        name = a.outlet or UNKNOWN_OUTLET
        o = per.get(name)
        tone = lexicon.score(a.text)
        title_tone = lexicon.score(a.title)
        if o is None:
            o = per[name] = OutletFraming(name, [], {}, {}, {}, title_tone + tone, title_tone)
        else:
            o.tone = o.tone + title_tone + tone
            o.title_tone = o.title_tone + title_tone
        o.articles.append(a.id)
        for r in events.get(a.id, ()):
            o.facts.setdefault(fact_key(r, sym), []).append(r)
        for q in quotes.get(a.id, ()):
            o.quotes.setdefault(_speaker(q, norm), []).append(q)
        for q in quantities.get(a.id, ()):
            o.figures.setdefault(figure_key(q), []).append(q)
    facts: dict[str, list[str]] = {}
    speakers: dict[str, list[str]] = {}
    figures: dict[str, list[str]] = {}
    for o in per.values():
        for k in o.facts:
            facts.setdefault(k, []).append(o.outlet)
        for k in o.quotes:
            speakers.setdefault(k, []).append(o.outlet)
        for k in o.figures:
            figures.setdefault(k, []).append(o.outlet)
    for o in per.values():
        o.omitted_facts = sorted(k for k in facts if k not in o.facts)
        o.omitted_speakers = sorted(k for k in speakers if k not in o.quotes)
        o.omitted_figures = sorted(k for k in figures if k not in o.figures)
        o.coverage = len(o.facts) / len(facts) if facts else None
    first = min(arts, key=lambda a: (a.published or "", a.id))
    outlets = sorted(per.values(), key=lambda o: o.outlet)
    return StoryFraming(story, first.title, [a.id for a in arts], outlets, facts, speakers, figures)
