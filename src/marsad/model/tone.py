"""A documented, lexicon-based tone score for Arabic wording (see ``data/tone.yaml``).

score = (pos - neg) / (pos + neg + k), where pos and neg count lexicon hits (a hit after a
negator within ``window`` words counts for the other side). Matching is on the tokenizer's
folded, clitic-free search keys, so spelling variants and attached و/ال/ب/ل do not matter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.text.tokens import Tokenizer
from marsad.datafiles import read_yaml

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class ToneEntry:
    entry: str                # as written in the lexicon
    terms: tuple[str, ...]    # its search keys
    polarity: int             # +1 positive, -1 negative
    prefix: bool = False      # the last term matches any word starting with it


@dataclass(slots=True)
class ToneScore:
    pos: int
    neg: int
    k: float
    n_words: int
    hits: Counter = field(default_factory=Counter)  # (entry, counted polarity) -> count

    @property
    def score(self) -> float:
        return (self.pos - self.neg) / (self.pos + self.neg + self.k)

    def __add__(self, other: ToneScore) -> ToneScore:
        return ToneScore(self.pos + other.pos, self.neg + other.neg, self.k, self.n_words + other.n_words,
                         self.hits + other.hits)

    def to_dict(self) -> dict:
        return {"pos": self.pos, "neg": self.neg, "k": self.k, "score": round(self.score, 4),
                "n_words": self.n_words,
                "hits": [{"entry": e, "counted_as": "positive" if p > 0 else "negative", "n": n}
                         for (e, p), n in sorted(self.hits.items(), key=lambda kv: (-kv[1], kv[0]))]}


@dataclass(slots=True)
class ToneLexicon:
    entries: list[ToneEntry]
    negators: frozenset[str]
    window: int
    k: float
    tokenizer: Tokenizer
    path: str | None = None
    _exact: dict[str, list[ToneEntry]] = field(default_factory=dict, repr=False)
    _prefix: dict[str, list[ToneEntry]] = field(default_factory=dict, repr=False)
    _prefix_lengths: tuple[int, ...] = ()
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path | str | None = None, tokenizer: Tokenizer | None = None) -> ToneLexicon:
        path = Path(path) if path else DATA_DIR / "tone.yaml"
        data = read_yaml(path, "the tone lexicon", default={})
        tok = tokenizer or Tokenizer()
        try:
            k = float(data.get("k", 2))
            window = int(data.get("window", 2))
        except (TypeError, ValueError) as exc:
            raise KnowledgeBaseError(f"bad k or window: {exc}", str(path)) from exc
        if k <= 0:
            raise KnowledgeBaseError("k must be positive", str(path))
        return cls.from_lists(data.get("positive") or [], data.get("negative") or [],
                              data.get("negators") or [], window, k, tok, str(path))

    @classmethod
    def from_lists(cls, positive, negative, negators=(), window: int = 2, k: float = 2.0,
                   tokenizer: Tokenizer | None = None, path: str | None = None) -> ToneLexicon:
        tok = tokenizer or Tokenizer()
        entries: list[ToneEntry] = []
        for polarity, words in ((1, positive), (-1, negative)):
            for w in words:
                w = str(w).strip()
                prefix = w.endswith("*")
                terms = tuple(tok.search_terms(w.rstrip("*")))
                if not terms:
                    raise KnowledgeBaseError(f"tone entry {w!r} has no searchable word", path)
                entries.append(ToneEntry(w, terms, polarity, prefix))
        neg = frozenset(t for n in negators for t in tok.search_terms(str(n)))
        lex = cls(entries, neg, window, k, tok, path)
        for e in entries:
            if e.prefix and len(e.terms) == 1:
                lex._prefix.setdefault(e.terms[0], []).append(e)
            else:
                lex._exact.setdefault(e.terms[0], []).append(e)
        lex._prefix_lengths = tuple(sorted({len(p) for p in lex._prefix}))
        return lex

    def terms(self, text: str | None) -> list[str]:
        """The search keys of ``text``, word by word, remembering each word's keys (news vocabulary
        repeats, so this is several times faster than keying whole texts)."""
        if not text:
            return []
        cache = self._cache
        if len(cache) > 500_000:
            cache.clear()
        out: list[str] = []
        search = self.tokenizer.search_terms
        for word in text.split():
            keys = cache.get(word)
            if keys is None:
                keys = cache[word] = tuple(search(word))
            out.extend(keys)
        return out

    def score(self, text: str | None) -> ToneScore:
        """Count the lexicon's hits in ``text`` and score them."""
        terms = self.terms(text)
        out = ToneScore(0, 0, self.k, len(terms))
        i, n = 0, len(terms)
        while i < n:
            t = terms[i]
            best: ToneEntry | None = None
            for e in self._exact.get(t, ()):
                m = len(e.terms)
                if i + m <= n and (best is None or m > len(best.terms)) and self._matches(e, terms, i):
                    best = e
            if best is None:
                for L in self._prefix_lengths:
                    if L <= len(t):
                        cands = self._prefix.get(t[:L])
                        if cands:
                            best = cands[0]
            if best is None:
                i += 1
                continue
            polarity = best.polarity
            if any(terms[j] in self.negators for j in range(max(0, i - self.window), i)):
                polarity = -polarity
            if polarity > 0:
                out.pos += 1
            else:
                out.neg += 1
            out.hits[(best.entry, polarity)] += 1
            i += len(best.terms)
        return out

    @staticmethod
    def _matches(e: ToneEntry, terms: list[str], i: int) -> bool:
        last = len(e.terms) - 1
        for j, want in enumerate(e.terms):
            got = terms[i + j]
            if j == last and e.prefix:
                if not got.startswith(want):
                    return False
            elif got != want:
                return False
        return True
