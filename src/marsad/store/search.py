"""Full-text search over the store (SQLite FTS5 on normalized Arabic).

FTS5 knows nothing of Arabic spelling, so the store indexes normalized text rather than the
original: for the title and for the body, the folded, clitic-stripped stem keys of
:meth:`Tokenizer.search_terms` (``وبوتين`` → ``بوتين``; ``أردوغان``/``إردوغان``/``اردوغان`` →
``اردوغان``) and, for recall, their Snowball Arabic stems (PyStemmer). A user's query goes through
the same functions, then becomes an FTS5 expression.

Query language (:meth:`SearchIndexer.compile`)::

    تركيا روسيا          both words (AND)
    "الغاز الروسي"        a phrase (also «...» or “...”)
    أنقرة OR موسكو        either word; OR binds tighter than AND
    تركيا -سوريا          exclude articles with the word
Ranking is bm25 with the title weighted above the body and exact keys above stems.
Snippets are cut from the ORIGINAL text: matched tokens are found on the normalized view and
mapped back with :meth:`Normalized.to_original` (through the tokenizer's offsets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import Stemmer

from marsad.errors import QueryError
from marsad.text.normalize import Normalizer
from marsad.text.tokens import Tokenizer
from marsad.types import Span, Token

#: bm25 weights of (title_keys, body_keys, title_stems, body_stems)
WEIGHTS = (4.0, 1.0, 2.0, 0.5)

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"'})
_ATOM = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)')


@dataclass(frozen=True, slots=True)
class Atom:
    """One searched word or phrase: its keys and stems (an atom of several keys is a phrase)."""

    keys: tuple[str, ...]
    stems: tuple[str, ...]
    negated: bool = False

    def fts(self) -> str:
        keys = " ".join(_quote(k) for k in self.keys)
        stems = " ".join(_quote(s) for s in self.stems)
        return f"({{title_keys body_keys}} : ({_phrase(keys)}) OR {{title_stems body_stems}} : ({_phrase(stems)}))"


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _phrase(quoted_terms: str) -> str:
    # adjacent quoted strings joined by "+" form one FTS5 phrase
    return quoted_terms.replace('" "', '" + "')


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A parsed query: AND of groups, each group an OR of atoms, minus the excluded atoms."""

    text: str
    groups: tuple[tuple[Atom, ...], ...]
    excluded: tuple[Atom, ...]
    expression: str

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for g in self.groups for a in g for k in a.keys)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(s for g in self.groups for a in g for s in a.stems)


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str
    highlights: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet, "published": self.published,
            "score": round(self.score, 4), "snippet": self.snippet,
            "highlights": [h.as_dict() for h in self.highlights],
        }


class SearchIndexer:
    """Builds the indexed fields of an article and compiles queries the same way."""

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer
        self.normalizer = Normalizer()
        self._stemmer = Stemmer.Stemmer("arabic")
        self._stem_cache: dict[str, str] = {}

    # -- indexing ---------------------------------------------------------------------------
    def fields(self, title: str | None, text: str, tokens: list[Token] | None = None) -> tuple[str, str, str, str]:
        """(title_keys, body_keys, title_stems, body_stems) for the FTS table.

        ``tokens`` of ``text`` made by the same tokenizer (the pipeline's) save tokenizing again:
        their stem keys are what :meth:`Tokenizer.search_terms` returns.
        """
        tk = self.tokenizer.search_terms(title or "")
        if tokens:
            bk = [t.norm for t in tokens if t.part == "stem" and t.norm[:1].isalnum()]
        else:
            bk = self.tokenizer.search_terms(text)
        return " ".join(tk), " ".join(bk), " ".join(self._stems(tk)), " ".join(self._stems(bk))

    def _stems(self, keys: list[str]) -> list[str]:
        """Snowball stems of ``keys``, cached per key (PyStemmer's own cache keeps 10,000 words)."""
        cache = self._stem_cache
        stems = list(map(cache.get, keys))
        if None in stems:
            for i, k in enumerate(keys):
                if stems[i] is None:
                    stems[i] = stem = self._stemmer.stemWord(k)
                    if len(cache) < 200_000:
                        cache[k] = stem
        return stems

    # -- queries ----------------------------------------------------------------------------
    def _atom(self, text: str, negated: bool) -> Atom | None:
        keys = [k for k in self.tokenizer.search_terms(text) if k]
        if not keys:
            return None
        return Atom(tuple(keys), tuple(self._stemmer.stemWords(keys)), negated)

    def compile(self, query: str) -> CompiledQuery:
        """Parse ``query``; raise :class:`QueryError` saying what is wrong when it is malformed."""
        q = query.translate(_QUOTES).strip()
        if not q:
            raise QueryError("empty query: give at least one word to look for")
        if q.count('"') % 2:
            raise QueryError(f'unbalanced quotes in {query!r}: close the phrase with a second "')
        groups: list[list[Atom]] = []
        excluded: list[Atom] = []
        pending_or = False
        for m in _ATOM.finditer(q):
            if m.group("word") == "OR":
                if not groups or pending_or:
                    raise QueryError(f"OR must stand between two words in {query!r}")
                pending_or = True
                continue
            if m.group("phrase") is not None:
                negated, body = bool(m.group("neg")), m.group("phrase")
                if not body.strip():
                    raise QueryError(f'empty phrase "" in {query!r}')
            else:
                word = m.group("word")
                negated = word.startswith("-") and len(word) > 1
                body = word[1:] if negated else word
                if body == "-":
                    raise QueryError(f"a lone '-' in {query!r}: write -word to exclude a word")
            atom = self._atom(body, negated)
            if atom is None:
                if pending_or:
                    raise QueryError(f"OR must stand between two words in {query!r}")
                continue
            if negated:
                if pending_or:
                    raise QueryError(f"an excluded word cannot follow OR in {query!r}")
                excluded.append(atom)
            elif pending_or:
                groups[-1].append(atom)
                pending_or = False
            else:
                groups.append([atom])
        if pending_or:
            raise QueryError(f"OR must stand between two words in {query!r}")
        if not groups:
            if excluded:
                raise QueryError(f"{query!r} only excludes words: add a word to look for")
            raise QueryError(f"{query!r} has no word that can be searched")
        expr = " AND ".join("(" + " OR ".join(a.fts() for a in g) + ")" for g in groups)
        for a in excluded:
            expr = f"({expr}) NOT {a.fts()}"
        return CompiledQuery(query, tuple(tuple(g) for g in groups), tuple(excluded), expr)

    # -- snippets ---------------------------------------------------------------------------
    def highlights(self, text: str, compiled: CompiledQuery) -> list[Span]:
        """Spans of the original ``text`` of the words whose stem matches a key or stem of the query.

        Tokens are found on the normalized view and carry original offsets (the tokenizer maps
        them back with :meth:`Normalized.to_original`); a matched word is highlighted whole,
        clitics included (``و«بوتين»`` is shown as ``«وبوتين»``).
        """
        keys, stems = compiled.keys, compiled.stems
        tokens = self.tokenizer.tokenize(self.normalizer.normalize(text))
        hit_words = {
            t.word for t in tokens
            if t.part == "stem" and t.norm and (t.norm in keys or self._stemmer.stemWord(t.norm) in stems)
        }
        bounds: dict[int, list[int]] = {}
        for t in tokens:
            if t.word in hit_words:
                b = bounds.setdefault(t.word, [t.start, t.end])
                b[0], b[1] = min(b[0], t.start), max(b[1], t.end)
        return [Span(s, e, text[s:e]) for s, e in (bounds[w] for w in sorted(bounds))]

    def snippet(self, text: str, spans: list[Span], markers: tuple[str, str] = ("«", "»"),
                width: int = 220) -> str:
        """A window of about ``width`` characters of ``text`` around the densest run of ``spans``."""
        if not spans:
            start, end = 0, min(len(text), width)
        else:
            best, best_n = 0, 0
            for i, s in enumerate(spans):
                n = sum(1 for t in spans[i:] if t.end <= s.start + width)
                if n > best_n:
                    best, best_n = i, n
            start = max(0, spans[best].start - width // 5)
            end = min(len(text), start + width)
            # widen to word boundaries
            while start > 0 and not text[start - 1].isspace() and spans[best].start - start < width // 3:
                start -= 1
            while end < len(text) and not text[end].isspace() and end - start < width + 30:
                end += 1
        open_, close = markers
        parts: list[str] = []
        pos = start
        for s in spans:
            if s.start < pos or s.end > end:
                continue
            parts.append(text[pos:s.start])
            parts.append(open_ + text[s.start:s.end] + close)
            pos = s.end
        parts.append(text[pos:end])
        body = " ".join("".join(parts).split())
        return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")
