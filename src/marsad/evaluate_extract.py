"""How well the pipeline's records match our gold annotation of the seeds, layer by layer.

:func:`evaluate_extract` runs the pipeline on the seed files (read as ``marsad extract`` reads
them), pairs each gold article with the system article whose span of the file holds its anchor
(:func:`marsad.gold.pair_articles`) and scores micro precision, recall and F1 per layer:

``entities``     distinct entities per article (:func:`marsad.gold.score_entities`, all kinds) that
                 the knowledge base links; the detail ``entities.with_names`` adds the names the
                 trained recognizer found, matched to gold rows by their Arabic forms (``name_ar``)
``events``       type + source code + target code (unordered for symmetric types: CONSULT,
                 AGREE, COOPERATE); one system event per gold row, each used once
``events_type``  the same one-to-one matching on the type alone (a looser line)
``quotes``       spans overlap and the speaker is the gold speaker (same KB entity or name, or the
                 state the gold speaker speaks for; an unlinked speaker matches a gold speaker
                 the knowledge base does not know, since their names are in two languages)
``quantities``   same value (relative difference under 1e-6) and same unit
``dossiers``     the set of dossier ids of each article
``metadata``     outlet and publication date of each article (two fields per article)

Items of system articles that pair with no gold article count as false positives. A layer the
pipeline does not produce at all scores 0 and is marked as not produced (``produced[layer] == 0``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import EvaluationError, InputError
from marsad.gold import (EntityKeys, GoldArticle, Score, fold_name, load_code_aliases, load_gold, pair_articles,
                         score_entities)
from marsad.stories.events import SYMMETRIC
from marsad.text.normalize import Normalizer
from marsad.types import Article

LAYERS = ("entities", "events", "events_type", "quotes", "quantities", "dossiers", "metadata")


@dataclass(slots=True)
class ExtractEvaluation:
    """Scores per layer (:data:`LAYERS`), and how many items the system produced per layer."""

    scores: dict[str, Score]
    produced: dict[str, int]
    gold_articles: int = 0
    paired: int = 0
    unpaired_system: int = 0
    details: dict[str, Score] = field(default_factory=dict)

    def f1(self, layer: str) -> float:
        return self.scores[layer].f1 if self.produced.get(layer) else 0.0

    def as_dict(self) -> dict:
        return {
            "layers": {k: {**self.scores[k].as_dict(), "f1": round(self.f1(k), 4), "produced": self.produced[k]}
                       for k in LAYERS},
            "details": {k: v.as_dict() for k, v in self.details.items()},
            "gold_articles": self.gold_articles, "paired": self.paired, "unpaired_system": self.unpaired_system,
        }

    def table(self) -> str:
        rows = [f"{'layer':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for k in LAYERS:
            s = self.scores[k]
            if not self.produced.get(k):
                rows.append(f"{k:<13} {'-':>6} {'-':>6} {0.0:>6.3f} {'':>5} {'':>5} {s.fn:>5}  (not produced)")
                continue
            rows.append(f"{k:<13} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
        wide = max((len(k) for k in self.details), default=0)
        for k, s in self.details.items():
            rows.append(f"  {k:<{wide}} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
        rows.append(f"gold articles {self.gold_articles}, paired {self.paired}, "
                    f"system articles without gold {self.unpaired_system}")
        return "\n".join(rows)


# ------------------------------------------------------------------------------ matching
def _match(gold: Sequence, system: Sequence, same: Callable[[object, object], bool]) -> tuple[int, list, list]:
    """One-to-one greedy matching in gold order: (matches, unmatched gold, unmatched system)."""
    used = [False] * len(system)
    missed = []
    tp = 0
    for g in gold:
        for i, s in enumerate(system):
            if not used[i] and same(g, s):
                used[i] = True
                tp += 1
                break
        else:
            missed.append(g)
    return tp, missed, [s for i, s in enumerate(system) if not used[i]]


def _add(score: Score, tp: int, missed: list, extra: list, where: str, show: Callable[[object], str]) -> None:
    score.tp += tp
    score.fn += len(missed)
    score.fp += len(extra)
    score.false_negatives.extend(f"{where}: {show(x)}" for x in missed)
    score.false_positives.extend(f"{where}: {show(x)}" for x in extra)


def event_key(etype: str, src: str | None, tgt: str | None, symmetric: Collection[str]) -> tuple:
    if etype in symmetric:
        return (etype, *sorted((src or "", tgt or "")))
    return etype, src or "", tgt or ""


def score_events(pairs, extra_articles: Iterable[Article], symmetric: Collection[str] = SYMMETRIC,
                 keys: EntityKeys | None = None) -> tuple[Score, Score]:
    """(type + codes, type only) scores of the events; gold codes go through the alias rows that have no
    kind/name filter (an event row carries only the code)."""
    strict, loose = Score(), Score()
    plain = [x for x in (keys.aliases if keys else []) if x.kind is None and x.name_en is None]
    alias = lambda c: next((x.kb for x in plain if x.applies(c)), c)  # noqa: E731
    for g, a in [*pairs, *((None, x) for x in extra_articles)]:
        where = f"{g.file}#{g.item}" if g else f"(no gold) {a.id}"
        gold = [event_key(e["type"], alias(e.get("source")), alias(e.get("target")), symmetric)
                for e in (g.events if g else [])]
        sys = [event_key(e.type, e.source.code if e.source else None, e.target.code if e.target else None,
                         symmetric) for e in (a.events if a else [])]
        show = lambda k: ":".join(x or "-" for x in k)  # noqa: E731
        _add(strict, *_match(gold, sys, lambda x, y: x == y), where, show)
        _add(loose, *_match([k[0] for k in gold], [k[0] for k in sys], lambda x, y: x == y), where, str)
    return strict, loose


class _Speakers:
    def __init__(self, keys: EntityKeys):
        self.keys = keys

    def same(self, row: dict, q, article: Article) -> bool:
        name = row.get("speaker")
        ent = article.entities.get(q.speaker_entity) if q.speaker_entity else None
        if ent is not None:
            sys_key = self.keys.system(ent)
            for kind in ("person", "org", "state"):
                if self.keys.gold({"kind": kind, "name_en": name, "code": None}) == sys_key:
                    return True
            if fold_name(ent.name_en) and fold_name(ent.name_en) == fold_name(name):
                return True
            # an institution or unnamed official speaking for a state, reported as the state
            if ent.kind == "state" and row.get("speaker_code") and ent.code == row.get("speaker_code") \
                    and self.keys.gold({"kind": "person", "name_en": name, "code": None}).startswith("name:"):
                return True
        if bool(q.speaker_name) and fold_name(q.speaker_name) == fold_name(name):
            return True
        # a speaker the knowledge base does not know (an analyst, an unnamed source): the system can only
        # name it in Arabic and the gold names it in English, so an unlinked system speaker matches a gold
        # speaker that resolves to no KB entry (the spans already overlap)
        unlinked = q.speaker_entity is None or q.speaker_entity.startswith("doc:")
        return unlinked and bool(q.speaker_name) and self.keys.gold(
            {"kind": "person", "name_en": name, "code": None}).startswith("name:")


def score_quotes(pairs, extra_articles: Iterable[Article], keys: EntityKeys) -> Score:
    score = Score()
    speakers = _Speakers(keys)
    for g, a in [*pairs, *((None, x) for x in extra_articles)]:
        where = f"{g.file}#{g.item}" if g else f"(no gold) {a.id}"
        gold = list(g.quotes) if g else []
        sys = list(a.quotes) if a else []
        off = a.source_offset if a else 0

        def same(row, q):
            s, e = row["span"]
            return max(s, q.start + off) < min(e, q.end + off) and speakers.same(row, q, a)

        tp, missed, extra = _match(gold, sys, same)
        _add(score, tp, missed, extra, where,
             lambda x: f"{x['speaker']} [{x['span'][0]}:{x['span'][1]}]" if isinstance(x, dict)
             else f"{x.speaker_name or x.speaker_entity} [{x.start + off}:{x.end + off}]")
    return score


def _same_value(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def score_quantities(pairs, extra_articles: Iterable[Article]) -> Score:
    score = Score()
    for g, a in [*pairs, *((None, x) for x in extra_articles)]:
        where = f"{g.file}#{g.item}" if g else f"(no gold) {a.id}"
        gold = [(float(r["value"]), str(r.get("unit") or "").lower()) for r in (g.quantities if g else [])]
        sys = [(float(q.value), str(q.unit or "").lower()) for q in (a.quantities if a else [])]
        _add(score, *_match(gold, sys, lambda x, y: x[1] == y[1] and _same_value(x[0], y[0])), where,
             lambda x: f"{x[0]:g} {x[1]}")
    return score


def score_dossiers(pairs, extra_articles: Iterable[Article]) -> Score:
    score = Score()
    for g, a in [*pairs, *((None, x) for x in extra_articles)]:
        where = f"{g.file}#{g.item}" if g else f"(no gold) {a.id}"
        score.add(set(a.dossiers) if a else set(), set(g.dossiers) if g else set(), where)
    return score


def score_metadata(pairs, extra_articles: Iterable[Article]) -> dict[str, Score]:
    norm = Normalizer()
    out = {"outlet": Score(), "published": Score()}
    for g, a in [*pairs, *((None, x) for x in extra_articles)]:
        where = f"{g.file}#{g.item}" if g else f"(no gold) {a.id}"
        for fld in out:
            gv = (g.expected_published if fld == "published" else g.outlet) if g else None
            sv = getattr(a, fld) if a else None
            if fld == "outlet":
                gv, sv = (norm.key(gv) if gv else None), (norm.key(sv) if sv else None)
            out[fld].add({sv} if sv else set(), {gv} if gv else set(), f"{where} {fld}")
    return out


# ------------------------------------------------------------------------------ running
def system_articles(seed: Path, pipeline) -> list[Article]:
    """The articles of one seed file as ``marsad extract`` reads them, processed by ``pipeline``."""
    from marsad.io.readers import iter_inputs

    out = []
    for item in iter_inputs([seed]):
        if isinstance(item, InputError):
            raise EvaluationError(f"cannot read seed {seed}: {item}")
        out.append(pipeline.process(item))
    return out


def evaluate_extract(gold_dir: Path | str, seeds_dir: Path | str, resources=None, pipeline=None
                     ) -> ExtractEvaluation:
    """Score the pipeline against the gold of ``gold_dir`` on the seed files of ``seeds_dir``."""
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources

    resources = resources or Resources()
    pipeline = pipeline or default_pipeline(resources)
    try:
        symmetric = {n for n, t in resources.ontology.types.items() if t.symmetric}
    except (AttributeError, ImportError):
        symmetric = set(SYMMETRIC)
    gold = load_gold(gold_dir)
    pairs: list[tuple[GoldArticle, Article | None]] = []
    extra: list[Article] = []
    produced = dict.fromkeys(LAYERS, 0)
    for seed_name, garts in sorted(gold.items()):
        path = Path(seeds_dir) / seed_name
        if not path.is_file():
            raise EvaluationError(f"seed file {path} not found")
        arts = system_articles(path, pipeline)
        these = pair_articles(garts, arts)
        pairs.extend(these)
        paired_ids = {id(a) for _, a in these if a is not None}
        extra.extend(a for a in arts if id(a) not in paired_ids)
        for a in arts:
            produced["entities"] += sum(1 for e in a.entities.values() if e.kb)
            produced["events"] += len(a.events)
            produced["quotes"] += len(a.quotes)
            produced["quantities"] += len(a.quantities)
            produced["dossiers"] += len(a.dossiers)
            produced["metadata"] += (a.outlet is not None) + (a.published is not None)
    produced["events_type"] = produced["events"]
    keys = EntityKeys(resources.kb, load_code_aliases(Path(gold_dir).parent / "code_aliases.yaml"))
    ents = score_entities(pairs, keys)["all"]
    for a in extra:
        ents.add({keys.system(e) for e in a.entities.values() if e.kb}, set(), f"(no gold) {a.id}")
    # the same with the names the trained recognizer found (person, org, place without a KB entry)
    names = score_entities(pairs, keys, kb_only=False)["all"]
    for a in extra:
        names.add({keys.system(e) if e.kb else f"ar:{e.name_ar}" for e in a.entities.values()}, set(),
                  f"(no gold) {a.id}")
    strict, loose = score_events(pairs, extra, symmetric, keys)
    meta = score_metadata(pairs, extra)
    both = Score()
    for s in meta.values():
        both.tp, both.fp, both.fn = both.tp + s.tp, both.fp + s.fp, both.fn + s.fn
        both.false_positives += s.false_positives
        both.false_negatives += s.false_negatives
    scores = {
        "entities": ents, "events": strict, "events_type": loose,
        "quotes": score_quotes(pairs, extra, keys), "quantities": score_quantities(pairs, extra),
        "dossiers": score_dossiers(pairs, extra), "metadata": both,
    }
    return ExtractEvaluation(scores, produced, gold_articles=len(pairs),
                             paired=sum(a is not None for _, a in pairs), unpaired_system=len(extra),
                             details={"entities.with_names": names,
                                      **{f"metadata.{k}": v for k, v in meta.items()}})


__all__ = ["LAYERS", "ExtractEvaluation", "evaluate_extract", "score_dossiers", "score_events",
           "score_metadata", "score_quantities", "score_quotes", "system_articles"]
