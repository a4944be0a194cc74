"""Duplicates, near duplicates and repeated passages.

Three levels, all computed on the folded key view (:meth:`Normalizer.key`), so spelling
variants (أ/ا, ة/ه, diacritics, «» vs "") do not hide a copy:

* **exact duplicates** — same :func:`content_hash` (sha1 of the key text). The store keeps one
  copy and records the others as duplicates of it.
* **near duplicates** (the same story from two outlets, or re-filed with small edits) — grouped
  into *story clusters* with MinHash signatures over word shingles and an LSH index
  (:class:`StoryIndex`). Signatures are persisted by the store; the index is rebuilt from them.
* **repeated passages inside one article** (:func:`repeated_paragraphs`) — a paragraph or run of
  sentences pasted twice; the later copy's span is returned so that counting can skip it while
  the text stays intact.

Parameters (:class:`DedupParams`) were chosen on the ANT 2018 corpus (2,955 articles, five
outlets); see ``bench/bench_ingest.py --clusters`` for the measurement:

* ``shingle=3`` word shingles: one edited word changes at most three shingles, so a re-filed
  article keeps a Jaccard near 1, while two articles that merely share stock phrases of news
  Arabic ("وقال المتحدث باسم ...") share few 3-word shingles.
* ``num_perm=128``: the Jaccard estimate has a standard error of about 0.04 at J=0.5, enough to
  separate rewrites (J≥0.5) from same-topic articles (J<0.2) seen on ANT.
* shingles are hashed with CRC-32 (stable across processes, three times faster than datasketch's
  default SHA-1 in a loop; the random affine permutations on top give the MinHash property).
* ``threshold=0.5``: on ANT, pairs above 0.5 were the same report (wire copy carried by two
  outlets, or one outlet re-filing an updated version); pairs between 0.2 and 0.5 were mostly
  follow-ups on the same event with a shared background paragraph, which are different stories.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from itertools import islice
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Article

_WORDS = re.compile(r"\w+")


def content_hash(text: str, normalizer: Normalizer | None = None) -> str:
    """sha1 (hex) of the folded key of ``text``: equal for texts that differ only in folding."""
    return key_hash((normalizer or Normalizer()).key(text))


def key_hash(key_text: str) -> str:
    """sha1 (hex) of an already folded key text."""
    return hashlib.sha1(key_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class DedupParams:
    """How near duplicates are found (see the module docstring for why these values)."""

    num_perm: int = 128
    shingle: int = 3
    threshold: float = 0.5
    seed: int = 1
    scheme: str = "affine32"  # datasketch's permutation scheme (stored with each signature)


def shingles(key_text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of a key text (the whole text as one shingle when it is shorter)."""
    words = _WORDS.findall(key_text)
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return set(map(str.encode, map(" ".join, zip(*(words[i:] for i in range(size))))))


class Signer:
    """Computes MinHash signatures with fixed parameters (permutations are built once)."""

    def __init__(self, params: DedupParams = DedupParams(), normalizer: Normalizer | None = None):
        self.params = params
        self.normalizer = normalizer or Normalizer()
        self._template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme=params.scheme,
                                 hashfunc=zlib.crc32)

    def signature(self, text: str) -> MinHash:
        """The signature of ``text`` (its key view is computed here)."""
        return self.signature_of_key(self.normalizer.key(text))

    def signature_of_key(self, key_text: str) -> MinHash:
        m = MinHash(num_perm=self.params.num_perm, seed=self.params.seed, scheme=self.params.scheme,
                    hashfunc=zlib.crc32, permutations=self._template.permutations)
        sh = shingles(key_text, self.params.shingle)
        if sh:
            m.update_batch(sh)
        return m

    def from_bytes(self, blob: bytes) -> MinHash:
        values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
        return MinHash(num_perm=self.params.num_perm, seed=self.params.seed, hashvalues=values,
                       scheme=self.params.scheme, hashfunc=zlib.crc32, permutations=self._template.permutations)

    @staticmethod
    def to_bytes(m: MinHash) -> bytes:
        return np.asarray(m.hashvalues, dtype="<u8").tobytes()


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    similarity: float


class StoryIndex:
    """An LSH index of signatures keyed by article id; finds the closest earlier near duplicate.

    The banding is datasketch's :class:`MinHashLSH` for the threshold (``b`` bands of ``r``
    values; two signatures are candidates when one band is equal), kept in plain dicts: each
    bucket is a tuple of ids and each signature an array. The garbage collector does not walk
    those, whereas MinHashLSH keeps a set per bucket — 25 per article, which made every full
    collection walk the whole index.
    """

    def __init__(self, params: DedupParams = DedupParams()):
        self.params = params
        self._bands = list(MinHashLSH(threshold=params.threshold, num_perm=params.num_perm).hashranges)
        self._buckets: list[dict[bytes, tuple[str, ...]]] = [{} for _ in self._bands]
        self._sigs: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def _band_keys(self, m: MinHash) -> list[bytes]:
        if len(m.hashvalues) != self.params.num_perm:
            raise ValueError(f"expected a signature of {self.params.num_perm} values, got {len(m.hashvalues)}")
        raw, width = m.hashvalues.tobytes(), m.hashvalues.itemsize
        return [raw[start * width:end * width] for start, end in self._bands]

    def add(self, key: str, m: MinHash) -> None:
        if key in self._sigs or m.is_empty():
            return
        for buckets, band in zip(self._buckets, self._band_keys(m)):
            buckets[band] = buckets.get(band, ()) + (key,)
        self._sigs[key] = m.hashvalues

    def best_match(self, m: MinHash) -> Match | None:
        """The indexed signature with the highest estimated Jaccard >= threshold, if any."""
        if m.is_empty() or not self._sigs:
            return None
        candidates: set[str] = set()
        for buckets, band in zip(self._buckets, self._band_keys(m)):
            ids = buckets.get(band)
            if ids:
                candidates.update(ids)
        values = m.hashvalues
        best: Match | None = None
        for key in candidates:
            # MinHash.jaccard: the share of equal values
            sim = float(np.count_nonzero(values == self._sigs[key])) / float(len(values))
            if sim >= self.params.threshold and (best is None or sim > best.similarity
                                                 or (sim == best.similarity and key < best.key)):
                best = Match(key, sim)
        return best


# -- repeated passages inside one article ----------------------------------------------------

# Units are sentence-like pieces of the original text: a mark ends one even without a following
# space (pasted text often loses it: "نفوذها.تتعارض"), except a point between digits.
_UNIT = re.compile(r"(?:[^.!?؟…\n]|(?<=\d)\.(?=\d))+")
_GAP = re.compile(r"[\s.!?؟…،,;؛:\-–—\"'«»]*")


def repeated_paragraphs(text: str, min_words: int = 5, similarity: float = 0.75,
                        normalizer: Normalizer | None = None,
                        normalized: Normalized | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``text`` that repeat an earlier passage of the same text.

    The text is cut into sentence-like units; a unit of at least ``min_words`` words is a repeat
    when the Jaccard similarity of its word bigrams (on the folded key) with an earlier unit is
    at least ``similarity`` (so a copy with a word changed still counts). Adjacent repeated units
    are merged, so a pasted paragraph gives one span, covering the later copy only.

    ``normalized``, the :class:`Normalized` views of ``text`` when already made (the text layer
    makes them), saves folding the text again: a unit's words are read off its key view.
    """
    norm = normalizer or Normalizer()
    if normalized is not None and normalized.original != text:
        normalized = None
    units: list[tuple[int, int, set[str]]] = []
    for m in _UNIT.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if normalized is not None:
            words = _WORDS.findall(normalized.key, normalized.from_original(s), normalized.from_original(e))
        else:
            words = _WORDS.findall(norm.fold(text[s:e]))
        if len(words) < min_words:
            continue
        units.append((s, e, set(map(" ".join, zip(words, words[1:])))))

    # A unit with ``n`` bigrams can reach the similarity with an earlier unit only if they share at
    # least ``similarity * n`` bigrams, hence at least one of any ``n - int(similarity * n) + 1`` of
    # its bigrams (one more here, against rounding): the earlier units holding those few are the
    # only candidates to compare.
    postings: dict[str, list[int]] = {}  # bigram -> earlier units that have it
    repeats: list[tuple[int, int]] = []
    for i, (s, e, grams) in enumerate(units):
        candidates: set[int] = set()
        for g in islice(grams, max(0, len(grams) - int(similarity * len(grams)) + 2)):
            candidates.update(postings.get(g, ()))
        for j in candidates:
            other = units[j][2]
            n = len(grams & other)
            if n / (len(grams) + len(other) - n) >= similarity:
                # extend back to the full stop so the span carries the sentence as written
                if e < len(text) and text[e] in ".!?؟…":
                    e += 1
                repeats.append((s, e))
                break
        for g in grams:
            postings.setdefault(g, []).append(i)

    merged: list[tuple[int, int]] = []
    for s, e in repeats:
        if merged and _GAP.fullmatch(text, merged[-1][1], s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


class RepeatFinder:
    """Pipeline component ``Article -> Article`` that sets ``repeated_paragraphs``."""

    name = "repeats"

    def __init__(self, normalizer: Normalizer | None = None):
        self.normalizer = normalizer or Normalizer()

    def __call__(self, article: Article) -> Article:
        article.repeated_paragraphs = repeated_paragraphs(article.text, normalizer=self.normalizer,
                                                          normalized=article.normalized)
        return article
