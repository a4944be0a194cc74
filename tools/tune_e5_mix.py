"""Choose the weight of the e5 tagger in its mixture with the CRF, on the dev split only.

The dev split is the last 10% of ANERcorp's training lines (cut at a sentence end), as in
``marsad train ner --dev``. Both taggers must have been trained without it:

    python -c "from marsad.actors.ner import train_ner; train_ner('../shared/eval/anercorp', '/tmp/crf_dev.crfsuite', dev_fraction=0.1)"
    marsad train ner --model e5 --dev -o /tmp/e5_dev.npz --epochs 4
    python tools/tune_e5_mix.py --crf /tmp/crf_dev.crfsuite --e5 /tmp/e5_dev.npz

Prints micro F1 for each weight, sentence by sentence and with document-level propagation over 20
sentences either side (what ``marsad eval ner`` applies). The test file is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.actors.e5ner import E5Tagger, decode, mix  # noqa: E402
from marsad.actors.evaluate import score_spans  # noqa: E402
from marsad.actors.ner import (  # noqa: E402
    base_words,
    crf_marginals,
    make_extractor,
    propagate,
    read_anercorp_lines,
    sentences_of,
    split_dev,
)


def dev_split(anercorp: Path, fraction: float = 0.1):
    return split_dev(sentences_of(read_anercorp_lines(anercorp / "ANERCorp_original_full.txt", 1, 125_304)),
                     fraction)[1]


def main() -> None:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--anercorp", type=Path, default=REPO.parent / "shared/eval/anercorp")
    ap.add_argument("--crf", type=Path, required=True, help="CRF trained without the dev lines")
    ap.add_argument("--e5", type=Path, required=True, help="e5 adapter trained without the dev lines")
    ap.add_argument("--weights", default="0,0.3,0.4,0.5,0.6,0.7,1")
    args = ap.parse_args()
    dev = dev_split(args.anercorp)
    gold = [t for _, t in dev]
    words = [base_words(w) for w, _ in dev]
    ext = make_extractor()
    crf = pycrfsuite.Tagger()
    crf.open(str(args.crf))
    marg = [crf_marginals(crf, ext.sentence(w)) for w in words]
    e5 = E5Tagger(args.e5).logprobs(words)
    stems = [[ext.word(x).stem for x in w] for w in words]
    print(f"dev: {len(dev)} sentences, {sum(len(w) for w in words)} tokens")
    print(f"{'e5 weight':>9} {'F1':>7} {'F1 ctx20':>9}  per type (ctx20)")
    for wt in (float(x) for x in args.weights.split(",")):
        pred = [decode(mix(e, m, wt) if len(e) else e).tags for e, m in zip(e5, marg)]
        alone = score_spans(gold, pred).micro.f1
        ctx = score_spans(gold, propagate(stems, pred, 20))
        per = " ".join(f"{k} {v.f1:.3f}" for k, v in ctx.per_type.items())
        print(f"{wt:9.2f} {alone:7.4f} {ctx.micro.f1:9.4f}  {per}")


if __name__ == "__main__":
    np.seterr(divide="ignore")
    main()
