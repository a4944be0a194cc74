"""Word clusters for the NER features, computed offline from unlabelled text.

Usage: python tools/ner_clusters.py [--ant FILE] [--anercorp DIR] [-o FILE]

Reads the ANT 2018 articles (text only, no labels) and the *training* lines 1–125,304 of ANERcorp
(words only; the test portion is never read), folds every word to its clitic-stripped stem key
(the same segmentation the NER features use), and clusters the frequent stems by their left and
right neighbours: PPMI context vectors -> randomized SVD (100 dimensions) -> hierarchical k-means (16 x 16 x 8).
Each stem gets a path of three characters (coarse to fine), written as ``stem<TAB>path``.
Needs numpy (a tool dependency only; the package reads the TSV).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.actors.ner import TRAIN_LINES, make_extractor, read_anercorp_lines

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE / ".." / "shared"
_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]+|\d+|[A-Za-z]+|[^\s\w]")
DIGITS = "0123456789abcdefghijklmnopqrstuv"


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 25) -> np.ndarray:
    n = len(x)
    if n <= k:
        return np.arange(n)
    cent = x[rng.choice(n, k, replace=False)]
    lab = np.zeros(n, dtype=int)
    for _ in range(iters):
        d = (x * x).sum(1)[:, None] - 2 * x @ cent.T + (cent * cent).sum(1)[None, :]
        lab = d.argmin(1)
        for j in range(k):
            m = lab == j
            if m.any():
                cent[j] = x[m].mean(0)
    return lab


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", default=str(SHARED / "corpora" / "ant2018" / "articles.jsonl"))
    ap.add_argument("--anercorp", default=str(SHARED / "eval" / "anercorp"))
    ap.add_argument("-o", "--out", default=str(HERE / "src" / "marsad" / "actors" / "models" / "ner_clusters.tsv"))
    ap.add_argument("--vocab", type=int, default=60000)
    ap.add_argument("--contexts", type=int, default=2000)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    ext = make_extractor(clusters={})
    base = ext.normalizer.base
    stems: dict[str, str] = {}

    def stem(w: str) -> str:
        s = stems.get(w)
        if s is None:
            s = ext.word(w).stem
            stems[w] = s
        return s

    docs: list[list[str]] = []
    with open(args.ant, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            for para in (a.get("title") or "", a.get("text") or ""):
                docs.append([stem(m.group()) for m in _WORD.finditer(base(para))])
    pairs = read_anercorp_lines(Path(args.anercorp) / "ANERCorp_original_full.txt", *TRAIN_LINES)
    docs.append([stem(base(t).strip() or t) for t, _ in pairs if t])
    freq = Counter(s for d in docs for s in d)
    vocab = [w for w, c in freq.most_common(args.vocab) if c >= args.min_count]
    ctx = [w for w, _ in freq.most_common(args.contexts)]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(ctx)}
    C = len(ctx)
    m = np.zeros((len(vocab), 2 * C), dtype=np.float32)
    for d in docs:
        for i, w in enumerate(d):
            r = vi.get(w)
            if r is None:
                continue
            if i > 0 and (c := ci.get(d[i - 1])) is not None:
                m[r, c] += 1
            if i + 1 < len(d) and (c := ci.get(d[i + 1])) is not None:
                m[r, C + c] += 1
    total = m.sum()
    pr = m.sum(1, keepdims=True) / total
    pc = m.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pr @ pc + 1e-12) + 1e-12)
    ppmi = np.maximum(pmi, 0).astype(np.float32)
    ppmi[m == 0] = 0
    # randomized SVD (Halko et al.): a 100-dimensional embedding of the PPMI rows
    rng = np.random.default_rng(7)
    y = ppmi @ rng.standard_normal((ppmi.shape[1], 150)).astype(np.float32)
    y = ppmi @ (ppmi.T @ y)  # one power iteration
    q, _ = np.linalg.qr(y)
    ub, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    x = (q @ ub)[:, :100] * np.sqrt(s[:100])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    paths = [""] * len(vocab)
    l1 = kmeans(x, 16, rng)
    for a in range(16):
        ia = np.where(l1 == a)[0]
        l2 = kmeans(x[ia], 16, rng)
        for b in range(16):
            ib = ia[l2 == b]
            l3 = kmeans(x[ib], 8, rng) if len(ib) else []
            for j, c in zip(ib, l3):
                paths[j] = DIGITS[a] + DIGITS[b] + DIGITS[int(c)]
    out = Path(args.out)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# stem key -> cluster path (3 levels); built by tools/ner_clusters.py from ANT 2018 and "
                 "ANERcorp training words\n")
        for w, p in zip(vocab, paths):
            if p and "\t" not in w:
                fh.write(f"{w}\t{p}\n")
    print(f"{len(vocab)} words -> {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
