"""Benchmark: cost of actor recognition and linking per ANT article, on one core.

Prints, for the articles of ../shared/corpora/ant2018/articles.jsonl (or --limit of them):
  - the text layer alone (normalize, sentences, tokens) as the in-run baseline,
  - the actor layer (KB recognizer + linker), and the trained name recognizer when its model ships
    (--ner crf, the default pipeline's; --ner e5 times the accurate transformer mode instead),
as median and mean milliseconds per article, and the median for the median-length article.
Target (issue 3): recognition + linking add <= 3 ms per median ANT article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.resources import Resources  # noqa: E402
from marsad.text.layer import TextLayer  # noqa: E402
from marsad.types import Article  # noqa: E402


def load(path: Path, limit: int | None) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit and i >= limit:
                break
            row = json.loads(line)
            out.append(Article(id=str(row["id"]), text=(row.get("title") or "") + "\n" + row["text"],
                               published=row.get("date")))
    return out


def timed(func, articles: list[Article]) -> list[float]:
    times = []
    for a in articles:
        t = time.perf_counter()
        func(a)
        times.append((time.perf_counter() - t) * 1000)
    return times


def row(name: str, times: list[float], median_idx: list[int]) -> str:
    mid = statistics.median(times[i] for i in median_idx)
    return f"{name:<28} median {statistics.median(times):7.3f} ms  mean {statistics.mean(times):7.3f} ms  " \
           f"median-length articles {mid:7.3f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpora/ant2018/articles.jsonl")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--ner", choices=["crf", "e5"], default="crf",
                    help="Name tagger to time: crf (the default pipeline's) or e5 (transformer + CRF mixture; "
                         "slow: use --limit)")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    articles = load(args.corpus, args.limit)
    lengths = sorted(range(len(articles)), key=lambda i: len(articles[i].text))
    mid = len(lengths) // 2
    median_idx = lengths[max(0, mid - 50): mid + 50]  # the 100 articles around the median length
    res = Resources()
    t = time.perf_counter()
    recognizer = res.recognizer
    text = TextLayer(res.tokenizer())
    print(f"articles: {len(articles)}  median length: {len(articles[lengths[mid]].text)} chars  "
          f"KB: {len(res.kb)} entries, load+build {time.perf_counter() - t:.2f} s")
    base = timed(text, articles)
    print(row("text layer (baseline)", base, median_idx))
    actors = timed(recognizer, articles)
    print(row("actors: KB recognize+link", actors, median_idx))
    try:
        from marsad.actors.ner import NameRecognizer
    except ImportError:
        NameRecognizer = None
    if NameRecognizer is not None:
        # as the pipeline builds it (Resources.name_recognizer): the text layer's tokenizer, whose cache of
        # segmented words the name features reuse
        ner = NameRecognizer(kb=res.kb, tokenizer=res.tokenizer(), backend=args.ner)
        ner._load()  # load the model(s) outside the timing
        ner_t = timed(ner, articles)
        print(row(f"actors: trained names ({args.ner})", ner_t, median_idx))
        both = [a + b for a, b in zip(actors, ner_t)]
        print(row("actors: total", both, median_idx))
    total_mentions = sum(len(a.mentions) for a in articles)
    print(f"mentions: {total_mentions}  ({total_mentions / len(articles):.1f} per article)")


if __name__ == "__main__":
    main()
