"""Stack the e5 tagger and the CRF with a second, small CRF, measured on the dev split (an experiment).

The shipped e5 mode mixes the two taggers' tag probabilities half and half (``marsad.actors.e5ner.mix``).
This tool asks whether a learned combination does better: a linear-chain CRF (python-crfsuite) whose
features per word are both taggers' nine tag probabilities, their mixture, the mixture at the words either
side, and the word's own gazetteer and cluster features. It is trained on the dev split (the last 10% of
ANERcorp's training lines), where both taggers are out of sample because both were trained without it:

    python -c "from marsad.actors.ner import train_ner; train_ner('../shared/eval/anercorp', '/tmp/crf_dev.crfsuite', dev_fraction=0.1)"
    marsad train ner --model e5 --dev --epochs 4 --context 12 -o /tmp/e5_dev.npz   # the packaged adapter
    python tools/stack_e5_dev.py --crf /tmp/crf_dev.crfsuite --e5 /tmp/e5_dev.npz

It prints five-fold cross-validated micro F1 on the dev split for each ``--c2`` (folds by sentence), next to
the fixed mixture. With ``--test`` it then trains one stacker on the whole dev split with the first ``--c2``
and scores the CAMeL test file once, as it is and repaired (the packaged CRF and the given adapter
supply the probabilities there: both out of sample, as on dev). No choice is made on the test file.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.actors.e5ner import LABELS, E5Tagger, decode, mix  # noqa: E402
from marsad.actors.evaluate import read_test, score_spans  # noqa: E402
from marsad.actors.ner import DEFAULT_MODEL, base_words, crf_marginals, make_extractor, propagate  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tune_e5_mix import dev_split  # noqa: E402  (the same dev split as the mixture's tuning)

#: word features the stacker keeps from the CRF's own: gazetteer flags and the two coarser clusters
_WORD_PREFIXES = ("g", "c0=", "c1=")


def features(e5_logp: np.ndarray, crf_marg: np.ndarray, wfs) -> list[dict[str, float]]:
    pe = np.exp(e5_logp)
    mixed = 0.5 * pe + 0.5 * crf_marg
    out = []
    for i in range(len(crf_marg)):
        d = {"bias": 1.0}
        for k, lab in enumerate(LABELS):
            d["e5_" + lab] = float(pe[i, k])
            d["crf_" + lab] = float(crf_marg[i, k])
            d["mix_" + lab] = float(mixed[i, k])
            if i > 0:
                d["pmix_" + lab] = float(mixed[i - 1, k])
            if i + 1 < len(crf_marg):
                d["nmix_" + lab] = float(mixed[i + 1, k])
        for f in wfs[i].own:
            if f.startswith(_WORD_PREFIXES):
                d[f] = 1.0
        if wfs[i].common:
            d["common"] = 1.0
        if wfs[i].unk:
            d["unk"] = 1.0
        out.append(d)
    return out


def inputs(words, crf_path: Path, adapter: Path, ext):
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    wfs = [[ext.word(x) for x in w] for w in words]
    marg = [crf_marginals(crf, ext.sentence_of(wf)) for wf in wfs]
    e5 = E5Tagger(adapter).logprobs(words)
    return wfs, marg, e5


def train(xs, ys, c2: float, path: str) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        if y:
            tr.append(pycrfsuite.ItemSequence(x), y)
    tr.set_params({"c1": 0.0, "c2": c2, "max_iterations": 150})
    tr.train(path)


def tag(path: str, xs) -> list[list[str]]:
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(path)
    return [tg.tag(pycrfsuite.ItemSequence(x)) if x else [] for x in xs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--anercorp", type=Path, default=REPO.parent / "shared/eval/anercorp")
    ap.add_argument("--crf", type=Path, required=True, help="CRF trained without the dev lines")
    ap.add_argument("--e5", type=Path, required=True, help="e5 adapter trained without the dev lines")
    ap.add_argument("--c2", default="1,0.3,3", help="L2 penalties to compare (the first is used with --test)")
    ap.add_argument("--test", action="store_true", help="then score the CAMeL test file once")
    args = ap.parse_args()
    dev = dev_split(args.anercorp)
    gold = [t for _, t in dev]
    words = [base_words(w) for w, _ in dev]
    ext = make_extractor()
    wfs, marg, e5 = inputs(words, args.crf, args.e5, ext)
    stems = [[f.stem for f in wf] for wf in wfs]
    xs = [features(e, m, wf) if len(wf) else [] for e, m, wf in zip(e5, marg, wfs)]
    base = [decode(mix(e, m)).tags if len(wf) else [] for e, m, wf in zip(e5, marg, wfs)]
    print(f"dev: {len(dev)} sentences; mixture 0.5: F1 {score_spans(gold, base).micro.f1:.4f}, "
          f"with propagation {score_spans(gold, propagate(stems, base, 20)).micro.f1:.4f}")
    order = list(range(len(dev)))
    random.Random(0).shuffle(order)
    folds = [set(order[k::5]) for k in range(5)]
    penalties = [float(x) for x in args.c2.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for c2 in penalties:
            pred: list[list[str]] = [[] for _ in dev]
            for k, held in enumerate(folds):
                path = f"{tmp}/fold{k}.crfsuite"
                train([xs[i] for i in order if i not in held], [gold[i] for i in order if i not in held], c2, path)
                for i, tags in zip(sorted(held), tag(path, [xs[i] for i in sorted(held)])):
                    pred[i] = tags
            r = score_spans(gold, pred)
            rc = score_spans(gold, propagate(stems, pred, 20))
            per = " ".join(f"{k} {v.f1:.3f}" for k, v in rc.per_type.items())
            print(f"stacker c2={c2:g}: five-fold F1 {r.micro.f1:.4f}, with propagation {rc.micro.f1:.4f}  ({per})",
                  flush=True)
        if not args.test:
            return
        path = f"{tmp}/stack.crfsuite"
        train(xs, gold, penalties[0], path)
        test_file = args.anercorp / "ANERCorp_CamelLab_test.txt"
        for repaired in (False, True):
            sents, _ = read_test(test_file, repaired)
            tw = [base_words(w) for w, _ in sents]
            t_wfs, t_marg, t_e5 = inputs(tw, DEFAULT_MODEL, args.e5, ext)
            t_xs = [features(e, m, wf) if len(wf) else [] for e, m, wf in zip(t_e5, t_marg, t_wfs)]
            t_stems = [[f.stem for f in wf] for wf in t_wfs]
            t_gold = [t for _, t in sents]
            pred = propagate(t_stems, tag(path, t_xs), 20)
            mixed = propagate(t_stems, [decode(mix(e, m)).tags if len(wf) else []
                                        for e, m, wf in zip(t_e5, t_marg, t_wfs)], 20)
            r, rm = score_spans(t_gold, pred), score_spans(t_gold, mixed)
            per = " ".join(f"{k} {v.f1:.3f}" for k, v in r.per_type.items())
            print(f"CAMeL test {'repaired' if repaired else 'as it is'}: stacker {r.micro.f1:.4f} "
                  f"(P {r.micro.precision:.3f} R {r.micro.recall:.3f}; {per}); mixture {rm.micro.f1:.4f}")


if __name__ == "__main__":
    np.seterr(divide="ignore")
    main()
