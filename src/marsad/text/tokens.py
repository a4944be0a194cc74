"""Clitic-aware tokenization with offsets into the original text.

Words are found on the ``base`` view of a :class:`~marsad.text.normalize.Normalized` text
(diacritics removed, letters as written), then Arabic words are split into proclitics
(و ف ب ك ل س ال لل), a stem and a pronoun enclitic. A split is made only when the remainder is a
known word: a name the caller protects (the knowledge base passes its names), a word in the
lemmatizer's Arabic lexicon (simplemma), or — for the article ``ال`` — any remainder of three
letters or more. So ``وبوتين`` → ``و + بوتين`` while ``بوتين`` and ``موسكو`` stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Sentence, Token

_WORD = re.compile(
    r"(?P<ar>[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]+)"
    r"|(?P<num>\d+(?:[.,\u066B\u066C]\d+)*)"
    r"|(?P<lat>[A-Za-z\u00C0-\u024F]+(?:[-'][A-Za-z0-9]+)*(?:-\d+)?)"
    r"|(?P<sym>[^\s])"
)

# Conjunction / preposition / future proclitics (without the article, which is handled apart).
_PREFIXES: dict[str, tuple[str, ...]] = {
    "": (), "و": ("و",), "ف": ("ف",), "ب": ("ب",), "ل": ("ل",), "ك": ("ك",), "س": ("س",),
    "وب": ("و", "ب"), "ول": ("و", "ل"), "وك": ("و", "ك"), "فب": ("ف", "ب"), "فل": ("ف", "ل"),
    "فك": ("ف", "ك"), "وس": ("و", "س"), "فس": ("ف", "س"),
}
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ني", "ه", "ك", "ي")
_SUFFIX_SET = frozenset(_SUFFIXES)
# Words that start like an article or a proclitic but are whole function words.
_FUNCTION_WORDS = frozenset(
    "الى إلى الا إلا ألا الذي التي الذين اللذين اللذان اللتين اللتان اللاتي اللواتي الله اللهم الآن الان"
    " لكن لكي لدى لدي لقد لم لن لا لما لماذا لو لولا ليس ليست بل بعد بين كان كانت كل كما كذلك كيف"
    " وفق وفقا بما فقط فيما في فوق وراء وسط وقد".split()
)


def _default_known(word: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang="ar"))


def _default_lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="ar")


class Tokenizer:
    """Splits text into clitic-aware tokens.

    ``protected`` holds folded keys (``Normalizer().key``) of names that must never be broken
    and that count as known stems; ``known`` and ``lemma`` default to simplemma's Arabic data.
    Segmentations are cached per word, so a tokenizer should be reused across articles.
    """

    def __init__(
        self,
        protected: Iterable[str] = (),
        known: Callable[[str], bool] | None = None,
        lemma: Callable[[str], str] | None = None,
        lemmas: bool = True,
    ):
        self.normalizer = Normalizer()
        self.protected = frozenset(protected)
        self._known_fn = known or _default_known
        self._lemma = lemma or _default_lemma
        self.lemmas = lemmas
        self._seg_cache: dict[str, tuple[tuple[str, ...], int, int, str]] = {}
        self._lemma_cache: dict[str, str] = {}
        self._known_cache: dict[str, bool] = {}
        self._plan_cache: dict[str, tuple] = {}

    # -- segmentation -------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        hit = self._known_cache.get(word)
        if hit is None:
            hit = self._known_fn(word)
            if len(self._known_cache) < 500_000:
                self._known_cache[word] = hit
        return hit

    def segment(self, word: str) -> tuple[tuple[str, ...], int, int, str]:
        """Segment one Arabic word (base view).

        Returns ``(proclitics, stem_start, stem_end, enclitic)`` where the stem is
        ``word[stem_start:stem_end]`` and the enclitic follows it.
        """
        hit = self._seg_cache.get(word)
        if hit is not None:
            return hit
        result = self._segment(word)
        if len(self._seg_cache) < 200_000:
            self._seg_cache[word] = result
        return result

    def _segment(self, word: str) -> tuple[tuple[str, ...], int, int, str]:
        n = len(word)
        if word in _FUNCTION_WORDS or n < 3 or self.normalizer.key(word) in self.protected:
            return ((), 0, n, "")
        best: tuple[float, int, tuple[str, ...], int, int, str] | None = None
        # the proclitic groups the word starts with, in the order of _PREFIXES ("" first, then by length)
        for p in ("", word[:1], word[:2]):
            parts = _PREFIXES.get(p)
            if parts is None:
                continue
            rest = word[len(p):]
            # the article: ال after a proclitic, or لل (ل + ال with its alef dropped)
            arts: list[tuple[tuple[str, ...], int]] = [((), 0)]
            if rest.startswith("ال") and rest not in _FUNCTION_WORDS:
                arts.append((("ال",), 2))
            if p.endswith("ل") and rest.startswith("ل"):
                arts.append((("ال",), 1))
            for art, width in arts:
                stem = rest[width:]
                if len(stem) < 2:
                    continue
                # the enclitics the stem ends with, longest first (the order of _SUFFIXES)
                sufs = () if art else tuple(
                    stem[-k:] for k in (3, 2, 1) if len(stem) - k >= 3 and stem[-k:] in _SUFFIX_SET
                )
                for suf in ("",) + sufs:
                    core = stem[: len(stem) - len(suf)]
                    score = self._score(p, art, core, suf)
                    if score <= 0:
                        continue
                    cand = (score, -(len(p) + width + len(suf)), parts + art, len(p) + width, n - len(suf), suf)
                    if best is None or cand[:2] > best[:2]:
                        best = cand
        if best is None:
            return ((), 0, n, "")
        return best[2], best[3], best[4], best[5]

    def _score(self, prefix: str, art: tuple[str, ...], stem: str, suffix: str) -> float:
        """How plausible a split is; the best-scoring split of a word wins, fewer clitics break ties.

        protected name > article + known word > whole known word > known word + pronoun >
        proclitic + known word > proclitic + known word + pronoun > article + unknown word.
        """
        if prefix.endswith("س") and stem[:1] not in "يتنأ":
            return 0.0
        if not suffix and self.normalizer.key(stem) in self.protected:
            return 4.0
        if suffix:
            # before a pronoun ta marbuta is written ت (حكومته) and a final hamza sits on a carrier (لقائهما)
            if not (self._known(stem) or (stem.endswith("ت") and self._known(stem[:-1] + "ة"))
                    or (stem[-1:] in "ئؤ" and self._known(stem[:-1] + "ء"))):
                return 0.0
            return 2.3 if not prefix else 1.8
        known = self._known(stem)
        if art:
            return 2.6 if known else (1.5 if len(stem) >= 3 else 0.0)
        if not prefix:
            return 2.5 if known else 0.0
        return 2.0 if known else 0.0

    # -- tokens ---------------------------------------------------------------------------
    def _plan(self, word: str) -> tuple[tuple[tuple[str, int, int], ...], int, int, str, str | None, str]:
        """How an Arabic word (base view) becomes tokens, computed once per distinct word.

        ``(proclitics, stem_start, stem_end, stem_key, stem_lemma, suffix_key)``: each proclitic
        is ``(part, start, end)`` relative to the word; keys are the folded views of the slices
        (the key view is a one-for-one fold of the base view, so a slice of it is the fold of the
        same slice of the word).
        """
        hit = self._plan_cache.get(word)
        if hit is not None:
            return hit
        parts, st, en, suf = self.segment(word)
        pres = []
        pos = 0
        for part in parts:
            # "لل" writes ل + ال as two letters: the article token covers the second ل only
            width = 1 if (part == "ال" and word[pos:pos + 2] != "ال") else len(part)
            pres.append((part, pos, pos + width))
            pos += width
        fold = self.normalizer.fold
        plan = (tuple(pres), st, en, fold(word[st:en]), self.lemma_of(word[st:en]),
                fold(word[en:]) if suf else "")
        if len(self._plan_cache) < 200_000:
            self._plan_cache[word] = plan
        return plan

    def tokenize(self, norm: Normalized, sentences: list[Sentence] | None = None) -> list[Token]:
        """Tokens of a normalized text, with offsets into ``norm.original``."""
        tokens: list[Token] = []
        append = tokens.append
        key = norm.key
        # a text without deletions or expansions maps every offset to itself
        identity = len(norm.npos) == 1 and len(norm.key) == len(norm.original)
        to_orig = norm.to_original
        table = norm.table
        plans, plan_of = self._plan_cache, self._plan
        lemmas = self.lemmas
        sent_ends = [x.end for x in sentences] if sentences else []
        last_sent = len(sent_ends) - 1
        si = 0
        for w, m in enumerate(_WORD.finditer(norm.base)):
            s, e = m.span()
            first = table[s]  # where the word starts in the original
            while si < last_sent and first >= sent_ends[si]:
                si += 1
            if m.lastgroup != "ar":
                a, b = (s, e) if identity else to_orig(s, e)
                append(Token(a, b, key[s:e], w, "stem", None, si))
                continue
            word = m.group()
            pres, st, en, stem_key, lemma, suf_key = plans.get(word) or plan_of(word)
            for part, ps, pe in pres:
                a, b = (s + ps, s + pe) if identity else to_orig(s + ps, s + pe)
                append(Token(a, b, part, w, "pre", None, si))
            a, b = (s + st, s + en) if identity else to_orig(s + st, s + en)
            append(Token(a, b, stem_key, w, "stem", lemma if lemmas else None, si))
            if suf_key:
                a, b = (s + en, e) if identity else to_orig(s + en, e)
                append(Token(a, b, suf_key, w, "suf", None, si))
        return tokens

    def lemma_of(self, stem: str) -> str:
        hit = self._lemma_cache.get(stem)
        if hit is None:
            if len(stem) < 2 or self.normalizer.key(stem) in self.protected:
                hit = stem
            else:
                hit = self._lemma(stem)
            if len(self._lemma_cache) < 200_000:
                self._lemma_cache[stem] = hit
        return hit

    def search_terms(self, text: str) -> list[str]:
        """Folded stem keys of ``text`` with clitics removed, for full-text indexing and queries."""
        out: list[str] = []
        base = self.normalizer.base(text)
        for m in _WORD.finditer(base):
            kind = m.lastgroup
            if kind == "sym":
                continue
            if kind == "ar":
                word = m.group()
                _, st, en, _ = self.segment(word)
                out.append(self.normalizer.key(word[st:en]))
            else:
                out.append(self.normalizer.key(m.group()))
        return out
