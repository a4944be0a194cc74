"""Tune the NER CRF's c1/c2 on a dev split of ANERcorp's training lines (never the test portion).

Usage: python tools/tune_ner.py [--anercorp DIR] [--grid 0.05:0.01,0.1:0.05,...] [--iterations N]
Prints one JSON line per setting (dev micro F1 and per type). The dev split is the last 10% of
lines 1–125,304 of ANERCorp_original_full.txt, cut at a sentence boundary.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from marsad.actors.ner import train_ner

HERE = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--anercorp", default=str(HERE / ".." / "shared" / "eval" / "anercorp"))
    ap.add_argument("--grid", default="0.1:0.05")
    ap.add_argument("--iterations", type=int, default=150)
    args = ap.parse_args()
    for pair in args.grid.split(","):
        c1, c2 = (float(x) for x in pair.split(":"))
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            rec = train_ner(args.anercorp, Path(tmp) / "dev.crfsuite", c1=c1, c2=c2,
                            max_iterations=args.iterations, dev_fraction=0.1)
            rec["seconds"] = round(time.time() - t0, 1)
            print(json.dumps(rec, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
