"""Time the NER tagger alone on ANT 2018 articles: median milliseconds per article.

Usage: python tools/bench_ner.py [--ant FILE] [--limit N]
The recognizer runs on each article's text (normalization included, as the pipeline would
have done it already, it is timed apart). Warm-up: the first 200 articles fill the caches.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from marsad.actors.ner import NameRecognizer
from marsad.text.normalize import Normalizer
from marsad.types import Article

HERE = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", default=str(HERE / ".." / "shared" / "corpora" / "ant2018" / "articles.jsonl"))
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--warmup", type=int, default=200)
    args = ap.parse_args()
    texts = []
    with open(args.ant, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= args.limit:
                break
            texts.append(json.loads(line)["text"])
    ner = NameRecognizer()
    norm = Normalizer()
    t0 = time.perf_counter()
    ner(Article("warm", texts[0]))
    load = time.perf_counter() - t0
    for t in texts[:args.warmup]:
        ner(Article("w", t, normalized=norm.normalize(t)))
    times, tag_times, names = [], [], 0
    for i, t in enumerate(texts):
        a = Article(str(i), t, normalized=norm.normalize(t))
        s = time.perf_counter()
        n = ner.tag(a.normalized)
        tag_times.append(time.perf_counter() - s)
        a2 = Article(str(i), t, normalized=a.normalized)
        s = time.perf_counter()
        ner(a2)
        times.append(time.perf_counter() - s)
        names += len(n)
    print(json.dumps({
        "articles": len(texts), "model_load_s": round(load, 2),
        "median_chars": statistics.median(len(t) for t in texts),
        "median_ms_tag": round(statistics.median(tag_times) * 1000, 3),
        "median_ms_component": round(statistics.median(times) * 1000, 3),
        "mean_ms_component": round(statistics.mean(times) * 1000, 3),
        "names_per_article": round(names / len(texts), 1),
    }))


if __name__ == "__main__":
    main()
