"""Evaluation of the event coder.

* :func:`evaluate_up` — recall on the UniversalPetrarch Arabic validation sentences (ASSAULT and
  PROTEST, ``eval/up_arabic_events/``): for each sentence, is an event of the record's type found,
  does its source agree with the record's source country, and how many events of other types does
  the coder produce on those sentences (the over-coding check).
* :func:`evaluate_gold` — precision/recall of events against our own gold (``tests/gold/seeds``),
  per article on (type, source code, target code), unordered for symmetric types.

``main()`` prints both tables; it is also reachable as ``marsad eval events`` when the CLI exists.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import EvaluationError
from marsad.types import Article

_SENTENCE = re.compile(r"<Sentence\b(?P<attrs>[^>]*)>(?P<body>.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b(?P<attrs>[^>]*)/?>")
_TEXT = re.compile(r"<Text>(?P<t>.*?)</Text>", re.S)


@dataclass(frozen=True, slots=True)
class UPRecord:
    id: str
    category: str
    date: str | None  # YYYY-MM-DD
    text: str
    codings: tuple[tuple[str, str | None, str | None], ...]  # (plover type, source code, target code)

    def source_country(self) -> str | None:
        """The country of the first coded source (CAMEO-style: the first three letters when a country)."""
        for typ, src, _ in self.codings:
            if typ == self.category and src:
                first = src.split()[0]
                if first and first != "None" and len(first) >= 3:
                    return first[:3]
        return None


def read_up(path: Path | str) -> Iterator[UPRecord]:
    """The sentences of a UniversalPetrarch validation file, one ``<Sentence>`` block at a time.

    The protest file is not well-formed XML, so blocks are cut by pattern and read leniently.
    """
    path = Path(path)
    try:
        data = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from exc
    for m in _SENTENCE.finditer(data):
        attrs = dict(_ATTR.findall(m.group("attrs")))
        body = m.group("body")
        tm = _TEXT.search(body)
        if not tm:
            continue
        text = html.unescape(tm.group("t")).strip()
        if not text:
            continue
        codings = []
        for c in _CODING.finditer(body):
            ca = dict(_ATTR.findall(c.group("attrs")))
            codings.append((ca.get("plover", ""), ca.get("sourcecode"), ca.get("targetcode")))
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else None
        yield UPRecord(attrs.get("id", str(m.start())), attrs.get("category", ""), date, text, tuple(codings))


@dataclass
class UPScore:
    category: str
    sentences: int = 0
    found: int = 0
    with_source: int = 0
    source_agree: int = 0
    any_event: int = 0
    other_types: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return self.found / self.sentences if self.sentences else 0.0



def evaluate_up(folder: Path | str, resources=None) -> dict[str, UPScore]:
    """Recall of the coder on the UniversalPetrarch Arabic ASSAULT and PROTEST sentences."""
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources

    folder = Path(folder)
    files = sorted(folder.glob("*.xml"))
    if not files:
        raise EvaluationError(f"no UniversalPetrarch XML files in {folder}")
    resources = resources or Resources()
    pipe = default_pipeline(resources, layers=("text", "actors", "events"))
    scores: dict[str, UPScore] = {}
    for f in files:
        for rec in read_up(f):
            sc = scores.setdefault(rec.category, UPScore(rec.category))
            t0 = time.perf_counter()
            art = pipe.process(Article(id=f"up:{rec.id}", text=rec.text, published=rec.date, lang="ar"))
            sc.seconds += time.perf_counter() - t0
            sc.sentences += 1
            same = [e for e in art.events if e.type == rec.category]
            if art.events:
                sc.any_event += 1
            if same:
                sc.found += 1
            for e in art.events:
                if e.type != rec.category:
                    sc.other_types[e.type] += 1
            country = rec.source_country()
            if country:
                sc.with_source += 1
                if any(e.source is not None and e.source.code and e.source.code[:3] == country for e in same):
                    sc.source_agree += 1
    return scores


def up_table(scores: dict[str, UPScore]) -> str:
    rows = ["| category | sentences | type found | recall | with source country | source agrees | "
            "sentences with any event | events of other types |",
            "|---|---|---|---|---|---|---|---|"]
    for cat, s in sorted(scores.items()):
        other = ", ".join(f"{k} {v}" for k, v in s.other_types.most_common()) or "—"
        rows.append(f"| {cat} | {s.sentences} | {s.found} | {s.recall:.3f} | {s.with_source} | "
                    f"{s.source_agree} | {s.any_event} | {sum(s.other_types.values())} ({other}) |")
    return "\n".join(rows)


# ------------------------------------------------------------------------------------- gold
def _event_key(ev_type: str, src: str | None, tgt: str | None, symmetric: bool) -> str:
    if symmetric:
        a, b = sorted((src or "-", tgt or "-"))
        return f"{ev_type}:{a}~{b}"
    return f"{ev_type}:{src or '-'}>{tgt or '-'}"


def system_articles(seed: Path, resources) -> list[Article]:
    """The articles of a seed file as the pipeline reads them (compilations split), processed."""
    from marsad.io.readers import read_text
    from marsad.pipeline import default_pipeline

    pipe = default_pipeline(resources, layers=("text", "actors", "events"))
    text = seed.read_text(encoding="utf-8")
    return [pipe.process(a) for a in read_text(text, source=str(seed))]


def evaluate_gold(gold_dir: Path | str, seeds_dir: Path | str, resources=None,
                  files: Sequence[str] | None = None):
    """Event precision/recall against the gold seeds (micro, per article, on type + source + target)."""
    from marsad.gold import Score, load_gold, pair_articles
    from marsad.resources import Resources

    resources = resources or Resources()
    onto = resources.ontology
    gold = load_gold(gold_dir)
    score = Score()
    per_type: dict[str, Score] = {}
    for seed_name, garts in sorted(gold.items()):
        if files and seed_name not in files:
            continue
        path = Path(seeds_dir) / seed_name
        if not path.is_file():
            raise EvaluationError(f"seed file {path} not found")
        arts = system_articles(path, resources)
        for g, a in pair_articles(garts, arts):
            where = f"{seed_name}#{g.item}"
            gk = {_event_key(e["type"], e.get("source"), e.get("target"), onto.is_symmetric(e["type"]))
                  for e in g.events}
            sk = set()
            if a is not None:
                sk = {_event_key(e.type, e.source.code if e.source else None,
                                 e.target.code if e.target else None, onto.is_symmetric(e.type))
                      for e in a.events}
            score.add(sk, gk, where)
            for t in {k.split(":")[0] for k in sk | gk}:
                per_type.setdefault(t, Score()).add({k for k in sk if k.startswith(t + ":")},
                                                    {k for k in gk if k.startswith(t + ":")}, where)
    return score, per_type


def gold_table(score, per_type) -> str:
    rows = ["| type | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for t, s in sorted(per_type.items()):
        rows.append(f"| {t} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    rows.append(f"| **all** | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | "
                f"{score.tp} | {score.fp} | {score.fn} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m marsad.events.evaluate [--shared DIR] [--gold DIR] [--errors]``: print both tables."""
    import argparse

    repo = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(prog="marsad-eval-events", description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(repo / ".." / "shared"), help="the shared data folder")
    ap.add_argument("--gold", default=str(repo / "tests" / "gold" / "seeds"), help="gold YAML folder")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    ap.add_argument("--skip-up", action="store_true")
    args = ap.parse_args(argv)
    from marsad.resources import Resources

    resources = Resources()
    shared = Path(args.shared)
    score, per_type = evaluate_gold(args.gold, shared / "seeds", resources)
    print("Events against the gold seeds (per article, type + source + target):")
    print(gold_table(score, per_type))
    if args.errors:
        print("\nfalse positives:")
        print("\n".join("  " + x for x in score.false_positives))
        print("\nfalse negatives:")
        print("\n".join("  " + x for x in score.false_negatives))
    if not args.skip_up:
        up = evaluate_up(shared / "eval" / "up_arabic_events", resources)
        print("\nUniversalPetrarch Arabic validation sentences:")
        print(up_table(up))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def eval_events_command():
    """The ``marsad eval events`` click command (built on demand so click is imported only by the CLI)."""
    import click

    @click.command("events")
    @click.option("--shared", type=click.Path(file_okay=False), default=None,
                  help="the shared data folder (default: ../shared beside the repository)")
    @click.option("--gold", type=click.Path(file_okay=False), default=None, help="gold YAML folder")
    @click.option("--errors", is_flag=True, help="list false positives and false negatives")
    @click.option("--skip-up", is_flag=True, help="skip the UniversalPetrarch sentences")
    def events(shared, gold, errors, skip_up):
        """Event coder: P/R/F1 against the gold seeds, recall on the UniversalPetrarch Arabic sentences."""
        argv = []
        if shared:
            argv += ["--shared", shared]
        if gold:
            argv += ["--gold", gold]
        if errors:
            argv.append("--errors")
        if skip_up:
            argv.append("--skip-up")
        raise SystemExit(main(argv))

    return events
