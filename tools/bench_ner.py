"""Time the NER tagger alone on ANT 2018 articles: median milliseconds per article.

Usage: python tools/bench_ner.py [--ant FILE] [--limit N]
As in the pipeline, normalization and the text layer's tokenization (which fills the shared
tokenizer's segmentation cache) run before the timer starts; ``median_ms_tag`` is the first pass
over an article (new word forms get their features computed), ``median_ms_component`` a second
pass (feature cache warm) including entity building. Warm-up: the first 200 articles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from marsad.actors.ner import NameRecognizer
from marsad.resources import Resources
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
    resources = Resources()
    tokenizer = resources.tokenizer()
    ner = NameRecognizer(kb=resources.kb, tokenizer=tokenizer)
    norm = Normalizer()
    t0 = time.process_time()
    ner(Article("warm", texts[0]))
    load = time.process_time() - t0
    for t in texts[:args.warmup]:
        ner(Article("w", t, normalized=norm.normalize(t)))
    times, tag_times, names = [], [], 0
    for i, t in enumerate(texts):
        a = Article(str(i), t, normalized=norm.normalize(t))
        tokenizer.tokenize(a.normalized)  # the text layer's work, done before the actor layer (untimed)
        s = time.process_time()
        n = ner.tag(a.normalized)
        tag_times.append(time.process_time() - s)
        a2 = Article(str(i), t, normalized=a.normalized)
        s = time.process_time()
        ner(a2)
        times.append(time.process_time() - s)
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
