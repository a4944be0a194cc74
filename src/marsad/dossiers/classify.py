"""Dossiers: the files an article (and each of its events) deals with.

The taxonomy is data (``dossiers/data/taxonomy.yaml``, or a file of the user's own with the same
layout), loaded into a :class:`Taxonomy`. :class:`DossierClassifier` (pipeline component
``dossiers``) counts **hits** per dossier:

* a keyword hit: a taxonomy phrase found in the folded ``key`` view of the text (one
  pyahocorasick automaton, matched at word boundaries; the proclitics و ف ب ك ل and the article
  ال may stand in front, so ``وبالعقوبات`` matches ``عقوبات``), overlapping matches resolved
  longest first;
* an entity hit: an actor-layer mention (``article.mentions``) of a knowledge-base id the
  dossier lists (``place.idlib`` → syria, ``thing.s400`` → arms_trade, ``SYR`` → syria).

Article dossiers — documented threshold
    A dossier is assigned when a hit is in the **title** (the title line, or the first line of the
    text when the article has no title), or when the body has at least ``min_hits`` (2) hits
    **and** at least ``min_density`` (0.7) hits per 1,000 characters of text — so a long analysis
    needs more than a passing mention. ``other`` is assigned only when nothing else is.
    Dossiers are ordered by hit count (most first).

Event dossiers
    The dossiers with a hit inside the event's evidence sentence (keywords, or mentions inside it),
    those of the projects, plants, weapon systems and companies (``thing.``/``company.`` entities)
    mentioned earlier in the event's paragraph (the text line it starts in and the line before),
    plus the event's own actors: a source or target entity that a dossier lists (an event with
    Syria as target is in ``syria``). When that gives nothing, the event takes those of the
    article's dossiers that list one of the event's actors; otherwise it has none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.text.matcher import PROCLITICS, KeyMatcher, longest_first
from marsad.text.normalize import Normalizer
from marsad.types import Article
from marsad.datafiles import read_yaml

#: body hits needed (besides a title hit) for an article dossier
MIN_HITS = 2
#: body hits per 1,000 characters needed for an article dossier
MIN_DENSITY = 0.7
OTHER = "other"
#: entities whose mention earlier in an event's paragraph files the event too (projects, plants,
#: weapon systems, companies): a paragraph about Akkuyu goes on about "the plant"
_THING_PREFIXES = ("thing.", "company.")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    dossiers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dossier:
    id: str
    label_en: str
    label_ar: str
    keywords: tuple[str, ...]
    entities: frozenset[str]


class Taxonomy:
    """Dossiers with their keywords (folded) and entity ids, and the matcher over the keywords."""

    def __init__(self, dossiers: list[Dossier], source: str | None = None):
        if not dossiers:
            raise KnowledgeBaseError("taxonomy holds no dossiers", source)
        ids = [d.id for d in dossiers]
        if len(set(ids)) != len(ids):
            raise KnowledgeBaseError("taxonomy has duplicate dossier ids", source)
        self.dossiers = {d.id: d for d in dossiers}
        self.source = source
        key = Normalizer().key
        table: dict[str, set[str]] = {}
        bare: dict[str, set[str]] = {}  # keys as written (no article stripped)
        for d in dossiers:
            for kw in d.keywords:
                k = key(kw)
                if len(k) < 2:
                    continue
                table.setdefault(k, set()).add(d.id)
                bare.setdefault(k, set()).add(d.id)
                if k.startswith("ال") and len(k) > 4:
                    table.setdefault(k[2:], set()).add(d.id)  # matched only after an article
        # payload: (dossiers of any match, dossiers of a match with no article in front)
        self._matcher = KeyMatcher((k, (tuple(sorted(ds)), tuple(sorted(bare.get(k, ())))))
                                   for k, ds in table.items())
        self.by_entity: dict[str, tuple[str, ...]] = {}
        for d in dossiers:
            for e in d.entities:
                self.by_entity[e] = tuple(sorted(set(self.by_entity.get(e, ())) | {d.id}))

    @classmethod
    def from_data(cls, data: dict, source: str | None = None) -> "Taxonomy":
        try:
            rows = data["dossiers"]
            dossiers = [Dossier(str(r["id"]), str(r.get("label_en") or r["id"]), str(r.get("label_ar") or ""),
                                tuple(str(k) for k in r.get("keywords") or []),
                                frozenset(str(e) for e in r.get("entities") or []))
                        for r in rows]
        except (KeyError, TypeError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid taxonomy: {exc!r}", source) from exc
        return cls(dossiers, source)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Taxonomy":
        """A taxonomy from ``path`` (a user's file) or the one shipped with marsad."""
        ref = Path(path) if path else resources.files("marsad.dossiers").joinpath("data/taxonomy.yaml")
        return cls.from_data(read_yaml(ref, "the taxonomy"), str(ref))

    def keyword_hits(self, key: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, dossier ids)`` of keyword matches in a folded text (key offsets)."""
        found = []
        for start, end, k, prefix, (ds, bare_ds) in self._matcher.find(key):
            if prefix in PROCLITICS:
                # no article in front: only the keywords written that way (``طاقة`` alone is not
                # ``الطاقة``: "وحدات طاقة" in a nuclear plant's description is no energy file)
                if bare_ds:
                    found.append(_Hit(start, end, bare_ds))
            elif not k.startswith("ال"):  # an article (and proclitics) in front: the whole word
                found.append(_Hit(start - len(prefix), end, ds))
        return [(h.start, h.end, h.dossiers) for h in longest_first(found, len(key))]


class DossierClassifier:
    """``Article -> Article``: sets ``article.dossiers`` and each event's ``dossiers``."""

    name = "dossiers"

    def __init__(self, taxonomy: Taxonomy | None = None, min_hits: int = MIN_HITS,
                 min_density: float = MIN_DENSITY):
        self.taxonomy = taxonomy or Taxonomy.load()
        self.min_hits = min_hits
        self.min_density = min_density
        self.normalizer = Normalizer()

    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        tax = self.taxonomy
        # hits as (original start, dossier)
        hits: list[tuple[int, int, str]] = []
        for s, e, ds in tax.keyword_hits(key):
            os_ = norm.orig_index(s)
            oe = norm.orig_index(e - 1) + 1
            for d in ds:
                hits.append((os_, oe, d))
        for m in article.mentions:
            for d in tax.by_entity.get(m.entity, ()):
                hits.append((m.start, m.end, d))
        title_end = _title_end(article)
        title_hits = {d for s, _, d in hits if s < title_end}
        title_extra: set[str] = set()
        if article.title and not article.text.startswith(article.title[:20]):
            tkey = self.normalizer.key(article.title)
            title_extra = {d for _, _, ds in tax.keyword_hits(tkey) for d in ds}
        counts = Counter(d for s, _, d in hits if s >= title_end)
        kchars = max(len(article.text), 1) / 1000.0
        chosen = []
        for d, c in counts.most_common():
            if d == OTHER:
                continue
            if c >= self.min_hits and c / kchars >= self.min_density:
                chosen.append(d)
        for d in sorted(title_hits | title_extra, key=lambda d: -counts[d]):
            if d != OTHER and d not in chosen:
                chosen.append(d)
        if not chosen and OTHER in tax.dossiers:
            chosen = [OTHER]
        article.dossiers = chosen
        if article.events:
            self._events(article, hits)
        return article

    def _events(self, article: Article, hits: list[tuple[int, int, str]]) -> None:
        tax = self.taxonomy
        thing_hits = [(m.start, m.end, d, m.entity) for m in article.mentions
                      if m.entity.startswith(_THING_PREFIXES) for d in tax.by_entity.get(m.entity, ())]
        bounds = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
        for ev in article.events:
            s0, e0 = ev.evidence.start, ev.evidence.end
            for s, e in bounds:
                if s <= ev.evidence.start < e:
                    s0, e0 = min(s0, s), max(e0, e)
                    break
            found = {d for s, e, d in hits if s0 <= s < e0 and d != OTHER}
            # the project, plant or weapon the paragraph is about ("the plant" after "Akkuyu")
            p0 = article.text.rfind("\n", 0, ev.evidence.start) + 1
            if p0 > 0:  # and the line before (news items run one sentence per line)
                p0 = article.text.rfind("\n", 0, p0 - 1) + 1
            found.update(d for s, e, d, ent in thing_hits if p0 <= s < e0 and d != OTHER)
            actors = [r for r in (ev.source, ev.target) if r is not None]
            actor_ids = {x for r in actors for x in (r.entity, r.code) if x}
            for a in actor_ids:
                found.update(tax.by_entity.get(a, ()))
            if not found:
                found = {d for d in article.dossiers if tax.dossiers.get(d) and tax.dossiers[d].entities & actor_ids}
            ev.dossiers = [d for d in article.dossiers if d in found] + sorted(found - set(article.dossiers))


def _title_end(article: Article) -> int:
    """End of the headline in ``article.text``: the title line when the text starts with it, else the first line."""
    nl = article.text.find("\n")
    return nl if nl >= 0 else min(len(article.text), 200)


__all__ = ["Taxonomy", "Dossier", "DossierClassifier", "MIN_HITS", "MIN_DENSITY", "OTHER"]
