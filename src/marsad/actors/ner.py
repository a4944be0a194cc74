"""A trained recognizer for names the knowledge base does not know.

A linear-chain CRF (python-crfsuite) labels words with BIO tags over the four ANERcorp types
``PERS``, ``LOC``, ``ORG`` and ``MISC``. It is trained on ANERcorp (Benajiba et al.) lines
1–125,304 of the original file; ``marsad train ner`` retrains it (see :func:`train_ner`).

Features of a word (all computed once per distinct word form and cached):

* the clitic-stripped stem (:meth:`Tokenizer.segment` on the base view, folded with
  :meth:`Normalizer.key`) and, when it differs, the folded word; prefixes and suffixes of the stem
  of length 2–3, the proclitics and the enclitic present;
* the shape when it is not Arabic letters (Latin / digits / punctuation / mixed); whether the stem
  is a word of the lemmatizer's lexicon (names mostly are not);
* knowledge-base gazetteers: first / last token of a person's name, a surname, a state, place or
  capital, a state adjective, an organization token, a title word; and cue words that come before
  names (``قال``, ``السيد``, ``مدينة``, ``شركة``, ``حزب``, ``كأس`` ...);
* word clusters at three granularities (``models/ner_clusters.tsv``: k-means over
  multilingual-e5-small vectors of the stems of ANERcorp's training lines and of the knowledge
  base's names; ``tools/ner_clusters.py``); a word outside that list has no cluster;
* the stem, shape, gazetteer and lexicon features of the words at −2..+2, the folded word,
  proclitics and two coarser clusters of the words at ±1, and the stem bigrams around the word.

At run time :class:`NameRecognizer` tags every sentence of an article and adds a document-level
:class:`~marsad.types.Entity` (``doc:person:<n>``, ``doc:org:<n>``, ``doc:place:<n>``) for each
person, organization or place name that does not overlap a knowledge-base mention. Names are
made consistent across the article first (:func:`propagate`: a name tagged once is tagged where it
recurs, and a tagged person's last name alone counts as that person); then what recent news makes
a 2006-trained model tag is dropped (:func:`drop_not_names`: terms of ``data/not_names.tsv`` such
as diseases and platforms, and a lone lexicon word that is no knowledge-base or training name); a
news outlet of the knowledge base is an organization. Mentions with the same folded form, or a single
word equal to the last word of an earlier person's full name, share one entity. The model is
loaded on first use, never at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from marsad.errors import EvaluationError, ModelError
from marsad.text.normalize import Normalized, Normalizer
from marsad.text.tokens import Tokenizer
from marsad.types import Article, Entity, Mention

FEATURES_VERSION = 7
MODELS_DIR = Path(__file__).with_name("models")
BACKENDS = ("crf", "e5")
DEFAULT_MODEL = MODELS_DIR / "ner.crfsuite"
DEFAULT_CLUSTERS = MODELS_DIR / "ner_clusters.tsv"
#: ANERcorp lines (1-based, inclusive) that may be used for training; the rest is the test portion
TRAIN_LINES = (1, 125_304)
TYPES = ("PERS", "LOC", "ORG", "MISC")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in "BI")
#: the training settings chosen on the dev split (last 10% of the training lines); see tools/tune_ner.py
HYPERPARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 100}
#: NER type -> entity kind (MISC is tagged but never becomes an entity)
KIND_OF = {"PERS": "person", "ORG": "org", "LOC": "place"}

# Words in front of names (folded keys). Kept short and general; the CRF learns the weights.
_PER_TRIGGERS = ["قال", "اكد", "اضاف", "اوضح", "صرح", "اعلن", "اشار", "ذكر", "افاد", "لفت", "شدد", "دعا", "السيد", "السيده", "الشيخ", "الرئيس", "رئيس", "الملك", "الامير", "العاهل", "الدكتور", "د", "المستشار", "السفير", "النائب", "الجنرال", "العقيد", "اللواء", "العميد", "المشير", "الوزير", "وزير", "وزيره", "الامين", "المتحدث", "الناطق", "باسم", "زعيم", "قائد", "نائب", "مساعد", "المبعوث", "الكاتب", "الصحفي", "المدرب", "اللاعب", "الفنان", "النجم", "المطرب", "الممثل", "البابا", "الاب", "الحاج", "الاستاذ", "المهندس", "القاضي", "المحامي", "الرئيسان"]
_LOC_TRIGGERS = ["مدينه", "العاصمه", "عاصمه", "محافظه", "منطقه", "اقليم", "ولايه", "بلده", "قريه", "جزيره", "مقاطعه", "ريف", "شمال", "جنوب", "شرق", "غرب", "وسط", "حي", "مخيم", "ميناء", "مطار", "نهر", "جبل", "بحر", "خليج", "دوله", "جمهوريه", "مملكه", "اماره"]
_ORG_TRIGGERS = ["شركه", "حزب", "وكاله", "منظمه", "جمعيه", "مؤسسه", "موسسه", "هيئه", "جامعه", "صحيفه", "مجلس", "اتحاد", "بنك", "مصرف", "نادي", "فريق", "حركه", "جبهه", "مجموعه", "لجنه", "مركز", "معهد", "اذاعه", "تلفزيون", "قناه", "محكمه", "وزاره", "جيش", "منتخب", "رابطه", "نقابه", "مجمع", "برنامج", "صندوق", "تحالف", "ائتلاف", "تنظيم", "كتله", "مكتب", "سلطه", "مفوضيه", "كليه", "اكاديميه", "مستشفى", "مصنع", "مجله", "جريده", "موقع", "دار", "هيئات", "منظمات", "احزاب", "شركات", "جامعات"]
_MISC_TRIGGERS = ["كأس", "دوري", "بطولة", "جائزة", "مهرجان", "معرض", "مؤتمر", "قمة", "عملية", "اتفاقية", "اتفاق", "معاهدة", "عيد", "حرب", "دورة", "ألعاب", "مسابقة", "أولمبياد", "مبادرة", "خطة", "قانون", "مشروع", "كتاب", "فيلم", "رواية", "ديانة"]
_TITLE_WORDS = ["رئيس", "الرئيس", "وزير", "الوزير", "السيد", "الشيخ", "الملك", "الامير", "العاهل", "نائب", "زعيم", "قائد", "الامين", "المتحدث", "الناطق", "السفير", "المستشار", "الجنرال"]

_CUE_FLAGS = frozenset(["TP", "TI", "TL", "TO", "TM"])
NOT_NAMES = Path(__file__).with_name("data") / "not_names.tsv"

# Words on the base view (the same classes as the tokenizer's words).
_WORD = re.compile(
    r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]+"
    r"|\d+(?:[.,\u066B\u066C]\d+)*"
    r"|[A-Za-z\u00C0-\u024F]+(?:[-'][A-Za-z0-9]+)*"
    r"|[^\s]"
)
_AR = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_AR_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]+")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
_DIG = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_SENT_END = frozenset(".!?؟")
#: pronoun suffixes a name does not carry (ي and ه are left out: nisba names end in ي, and ه in names)
_NOT_IN_NAMES = frozenset(["ك", "كم", "كن", "كما", "نا", "ها", "هم", "هن", "هما"])


# --------------------------------------------------------------------------------------------
# Gazetteers
# --------------------------------------------------------------------------------------------
def _folded(words: Iterable[str]) -> frozenset[str]:
    key = Normalizer().key
    return frozenset(key(w) for w in words)


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Folded word lists that give the CRF its knowledge-base cues."""

    per_first: frozenset[str] = frozenset()
    per_last: frozenset[str] = frozenset()
    surname: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    loc_adj: frozenset[str] = frozenset()
    org: frozenset[str] = frozenset()
    title: frozenset[str] = field(default_factory=lambda: _folded(_TITLE_WORDS))
    tr_per: frozenset[str] = field(default_factory=lambda: _folded(_PER_TRIGGERS))
    tr_loc: frozenset[str] = field(default_factory=lambda: _folded(_LOC_TRIGGERS))
    tr_org: frozenset[str] = field(default_factory=lambda: _folded(_ORG_TRIGGERS))
    tr_misc: frozenset[str] = field(default_factory=lambda: _folded(_MISC_TRIGGERS))
    #: knowledge-base names of one word (folded, with and without the article); not a feature:
    #: used with ``per_first`` and ``surname`` to tell a name from a common word of the lexicon
    whole: frozenset[str] = frozenset()

    @classmethod
    def from_kb(cls, kb) -> Gazetteers:
        """Build the lists from a :class:`~marsad.actors.kb.KnowledgeBase`."""
        key = Normalizer().key
        titles = set(_folded(_TITLE_WORDS))
        for t in kb.titles.values():
            for f in t.definite + t.construct:
                words = key(f).split()
                if words:
                    titles.add(words[0])
        per_first: set[str] = set()
        per_last: set[str] = set()
        surname: set[str] = set()
        loc: set[str] = set()
        loc_adj: set[str] = set()
        org: set[str] = set()
        whole: set[str] = set()

        def words_of(form: str) -> list[str]:
            return [w for w in key(form).split() if len(w) >= 2 and w not in titles]

        for e in kb.entries.values():
            if e.derived:
                continue
            names = [e.name_ar, *e.variants]
            for n in [*names, e.capital or ""]:
                k = key(n)
                if k and " " not in k:
                    whole.add(k)
                    if k.startswith("ال") and len(k) > 4:
                        whole.add(k[2:])
            if e.kind == "person":
                for n in names:
                    ws = words_of(n)
                    if len(ws) >= 2:
                        per_first.add(ws[0])
                        per_last.add(ws[-1])
                for s in e.surnames:
                    surname.update(words_of(s))
            elif e.kind in ("state", "place"):
                for n in names:
                    loc.update(words_of(n))
                if e.capital:
                    loc.update(words_of(e.capital))
                for a in e.adjectives:
                    loc_adj.update(words_of(a))
            elif e.kind in ("org", "group", "company"):
                for n in names:
                    org.update(words_of(n))
        stop = {"ال", "في", "من", "الى", "علي", "و"}
        return cls(
            frozenset(per_first - stop), frozenset(per_last - stop), frozenset(surname - stop),
            frozenset(loc - stop), frozenset(loc_adj - stop), frozenset(org - stop), frozenset(titles),
            whole=frozenset(whole - stop),
        )

    def is_name(self, k: str) -> bool:
        """A folded word that is a one-word knowledge-base name, a first name or a surname."""
        return k in self.whole or k in self.per_first or k in self.surname

    def flags(self, k: str) -> tuple[str, ...]:
        out = []
        if k in self.per_first:
            out.append("PF")
        if k in self.per_last:
            out.append("PL")
        if k in self.surname:
            out.append("SN")
        if k in self.loc:
            out.append("LC")
        if k in self.loc_adj:
            out.append("LA")
        if k in self.org:
            out.append("OG")
        if k in self.title:
            out.append("TI")
        if k in self.tr_per:
            out.append("TP")
        if k in self.tr_loc:
            out.append("TL")
        if k in self.tr_org:
            out.append("TO")
        if k in self.tr_misc:
            out.append("TM")
        return tuple(out)


def load_clusters(path: Path | str | None = DEFAULT_CLUSTERS) -> dict[str, tuple[str, ...]]:
    """``folded stem -> cluster ids`` (coarse to fine) from a TSV (``stem<TAB>id<TAB>id...``);
    empty when absent."""
    if path is None:
        return {}
    p = Path(path)
    if not p.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            w, *ids = line.rstrip("\n").split("\t")
            if w and ids and ids[0]:
                out[w] = tuple(ids)
    return out


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WordFeatures:
    """The cached features of one word form: its own, and those it lends its neighbours."""

    stem: str
    own: tuple[str, ...]
    around: tuple[tuple[str, ...], ...]  # features seen from offsets -2, -1, +1, +2
    cue: tuple[str, ...] = ()  # the trigger/title flags it gives the next word (TP, TI, TL, TO, TM)
    unk: bool = False  # an Arabic stem the lexicon does not know
    common: bool = False  # an Arabic lexicon word that is no one-word KB name, first name or surname
    alt: str = ""  # the folded word without a first letter و ف ب ل the segmenter did not split


class FeatureExtractor:
    """Turns sentences (lists of words, base view) into CRF feature lists.

    ``keep``, when given, is the set of attributes the model knows: features outside it are
    dropped once, when a word form is first cached, so tagging converts fewer strings.
    """

    def __init__(self, gazetteers: Gazetteers | None = None, tokenizer: Tokenizer | None = None,
                 clusters: dict[str, tuple[str, ...]] | None = None, keep: frozenset[str] | None = None,
                 known=None):
        self.gaz = gazetteers or Gazetteers()
        self.normalizer = Normalizer()
        self.tokenizer = tokenizer or Tokenizer(lemmas=False)
        self.clusters = clusters or {}
        self.keep = keep
        if known is None:
            import simplemma

            def known(w: str) -> bool:
                return bool(simplemma.is_known(w, lang="ar"))
        self._known = known
        self._unknown: dict[str, bool] = {}
        self._cache: dict[str, WordFeatures] = {}

    # -- one word -------------------------------------------------------------------------------
    def word(self, word: str) -> WordFeatures:
        hit = self._cache.get(word)
        if hit is None:
            hit = self._word(word)
            if len(self._cache) < 300_000:
                self._cache[word] = hit
        return hit

    def _word(self, word: str) -> WordFeatures:
        key = self.normalizer.key(word)
        shape = "A" if _AR_WORD.fullmatch(word) else _shape(word)
        if shape == "A" and " " not in word:  # (corpus tokens may hold a space)
            pre, st, en, suf = self.tokenizer.segment(word)
            stem_base = word[st:en]
            stem = key if (st == 0 and en == len(word)) else self.normalizer.key(stem_base)
        else:
            pre, suf, stem_base, stem = (), "", word, key
        pro = "+".join(pre)
        gaz = set(self.gaz.flags(key))
        if stem != key:
            gaz.update(self.gaz.flags(stem))
        alt = ""
        if shape == "A" and not pre and len(key) > 4 and key[0] in "وفبل":
            # a proclitic the segmenter did not split (unknown remainder, e.g. a name)
            alt = key[1:]
            gaz |= {"x" + g for g in self.gaz.flags(alt)}
        gz = tuple(sorted(gaz))
        cl = self.clusters.get(stem) or self.clusters.get(key) or ()
        if not cl and alt:
            cl = self.clusters.get(alt, ())
        cls = [f"c{i}={c}" for i, c in enumerate(cl)]
        own = ["s=" + stem]
        if shape != "A":
            own.append("sh=" + shape)
        if key != stem:
            own.append("w=" + key)
        if pro:
            own.append("pro=" + pro)
        if suf:
            own.append("suf=" + self.normalizer.key(suf))
        unk = False
        if shape == "A":
            for i in (2, 3):
                if len(stem) > i:
                    own.append(f"p{i}=" + stem[:i])
                    own.append(f"x{i}=" + stem[-i:])
            unk = self._unknown.get(stem_base)
            if unk is None:
                unk = self._unknown[stem_base] = not self._known(stem_base)
            if unk:
                own.append("unk")
        if alt:
            own.append("alt=" + alt)
        own.extend("g=" + g for g in gz)
        own.extend(cls)
        # what the word shows its neighbours: at distance 2 its stem, shape, lexicon and gazetteer
        # flags; at distance 1 also its two coarser clusters, folded form and proclitics
        far = ["s=" + stem]
        if shape != "A":
            far.append("sh=" + shape)
        if unk:
            far.append("unk")
        far.extend("g=" + g for g in gz)
        near = far + cls[:2]
        if key != stem:
            near.append("w=" + key)
        if pro:
            near.append("pro=" + pro)
        keep = self.keep
        if keep is None:
            around = tuple(tuple(p + x for x in fs) for p, fs in (("-2", far), ("-1", near), ("+1", near), ("+2", far)))
        else:
            own = [x for x in own if x in keep]
            around = tuple(tuple(y for x in fs if (y := p + x) in keep)
                           for p, fs in (("-2", far), ("-1", near), ("+1", near), ("+2", far)))
        cue = tuple(g for g in gz if g in _CUE_FLAGS)
        g = self.gaz
        common = shape == "A" and not unk and not (g.is_name(key) or g.is_name(stem) or (alt and g.is_name(alt)))
        return WordFeatures(stem, tuple(own), around, cue, unk, common, alt)

    # -- a document ---------------------------------------------------------------------------
    def document(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Feature lists for the sentences of one document (each sentence on its own: features of
        other sentences of the document, tried on the dev split, lowered F1)."""
        return [self.sentence_of([self.word(w) for w in ws]) for ws in sentences]

    # -- a sentence -----------------------------------------------------------------------------
    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists for the words of one sentence."""
        return self.sentence_of([self.word(w) for w in words])

    def sentence_of(self, wf: Sequence[WordFeatures]) -> list[list[str]]:
        """Feature lists for a sentence of cached word features."""
        n = len(wf)
        keep = self.keep
        out: list[list[str]] = []
        for i, f in enumerate(wf):
            feats = list(f.own)
            if i == 0:
                if keep is None or "BOS" in keep:
                    feats.append("BOS")
            elif i == n - 1 and (keep is None or "EOS" in keep):
                feats.append("EOS")
            if i >= 2:
                feats.extend(wf[i - 2].around[0])
            if i >= 1:
                feats.extend(wf[i - 1].around[1])
                c = "s-1|s=" + wf[i - 1].stem + "|" + f.stem
                if keep is None or c in keep:
                    feats.append(c)
            if i + 1 < n:
                feats.extend(wf[i + 1].around[2])
                c = "s|s+1=" + f.stem + "|" + wf[i + 1].stem
                if keep is None or c in keep:
                    feats.append(c)
            if i + 2 < n:
                feats.extend(wf[i + 2].around[3])
            out.append(feats)
        return out


def _shape(word: str) -> str:
    a = bool(_AR.search(word))
    la = bool(_LAT.search(word))
    d = bool(_DIG.search(word))
    if a + la + d > 1:
        return "X"
    if a:
        return "A"
    if la:
        return "L"
    if d:
        return "D"
    return "P"


# --------------------------------------------------------------------------------------------
# BIO helpers and ANERcorp reading
# --------------------------------------------------------------------------------------------
def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` (end exclusive) of a BIO sequence, CoNLL style.

    A span starts at ``B-X``, or at ``I-X`` that follows ``O`` or another type; it continues over
    ``I-X`` of the same type.
    """
    spans: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):
        return spans
    start, typ = -1, ""
    for i, t in enumerate(tags):
        if t == "O" or "-" not in t:
            if start >= 0:
                spans.append((start, i, typ))
            start, typ = -1, ""
            continue
        p, _, ty = t.partition("-")
        if p == "B" or ty != typ or start < 0:
            if start >= 0:
                spans.append((start, i, typ))
            start, typ = i, ty
    if start >= 0:
        spans.append((start, len(tags), typ))
    return spans


def propagate(stems: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int | None = None,
              types: Iterable[str] = ("PERS", "ORG", "MISC"), surnames: bool = True) -> list[list[str]]:
    """Document-level consistency: a name tagged in one sentence is tagged where it recurs.

    For each sentence, the spans tagged in the sentences within ``window`` (all of them when
    ``None``) give ``stem sequence -> most frequent type``; every untagged occurrence of such a
    sequence (first stem of 3+ letters) gets that type, longest sequences first; with ``surnames``
    the last word of a tagged person's name counts as that person's name too. LOC is left out by
    default: place words recur as common nouns and adjectives more often than names do (on the dev
    split propagating LOC lowered its F1).
    """
    from collections import Counter

    keep = frozenset(types)
    out = [list(t) for t in tags]
    n = len(tags)
    spans = [[(tuple(stems[j][a:b]), t) for a, b, t in bio_spans(tags[j])] for j in range(n)]

    def table(lo: int, hi: int) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        seen: dict[tuple[str, ...], Counter] = {}
        for j in range(lo, hi):
            for key, t in spans[j]:
                seen.setdefault(key, Counter())[t] += 1
        best = {k: c.most_common(1)[0][0] for k, c in seen.items()}
        if surnames:
            # a person's last name alone refers to the person (simple coreference)
            for k, t in list(best.items()):
                if t == "PERS" and len(k) > 1 and len(k[-1]) >= 3:
                    best.setdefault(k[-1:], "PERS")
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for k, t in best.items():
            if t in keep and len(k[0]) >= 3:
                index.setdefault(k[0], []).append((k, t))
        for rows in index.values():
            rows.sort(key=lambda kt: -len(kt[0]))
        return index

    whole = table(0, n) if window is None else None
    for i in range(n):
        index = whole if whole is not None else table(max(0, i - window), min(n, i + window + 1))
        if not index:
            continue
        p, st = out[i], stems[i]
        for a, first in enumerate(st):
            rows = index.get(first)
            if rows is None or p[a] != "O":
                continue
            for key, t in rows:
                size = len(key)
                if tuple(st[a:a + size]) == key and all(x == "O" for x in p[a:a + size]):
                    p[a] = "B-" + t
                    for k in range(a + 1, a + size):
                        p[k] = "I-" + t
                    break
    return out


def read_anercorp_lines(path: Path | str, first: int = 1, last: int | None = None) -> list[tuple[str, str]]:
    """``(token, tag)`` pairs of lines ``first..last`` (1-based, inclusive) of an ANERcorp file.

    Blank lines are kept as ``("", "")`` (sentence breaks in the CAMeL files). A token is
    everything before the last white space of its line; unknown tags read as ``O``.
    """
    p = Path(path)
    if not p.is_file():
        raise EvaluationError(f"ANERcorp file not found: {p}")
    out: list[tuple[str, str]] = []
    with p.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if no < first:
                continue
            if last is not None and no > last:
                break
            line = line.rstrip("\r\n")
            if not line.strip():
                out.append(("", ""))
                continue
            tok, _, tag = line.rpartition(" ")
            if not tok:
                tok, tag = tag, "O"
            out.append((tok, tag if tag in LABELS else "O"))
    return out


def sentences_of(pairs: Iterable[tuple[str, str]], split_on_stops: bool = True,
                 max_len: int = 120) -> list[tuple[list[str], list[str]]]:
    """Group ``(token, tag)`` pairs into sentences: at blank lines and, when ``split_on_stops``,
    after sentence-final punctuation (the original ANERcorp file has no sentence breaks)."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for tok, tag in pairs:
        if not tok:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        words.append(tok)
        tags.append(tag)
        if (split_on_stops and tok in _SENT_END and tag == "O") or len(words) >= max_len:
            sents.append((words, tags))
            words, tags = [], []
    if words:
        sents.append((words, tags))
    return sents


def split_dev(sents: list[tuple[list[str], list[str]]], fraction: float
              ) -> tuple[list[tuple[list[str], list[str]]], list[tuple[list[str], list[str]]]]:
    """``(train, dev)``: the last ``fraction`` of the tokens, cut at a sentence end, held out (none when 0)."""
    if fraction <= 0:
        return sents, []
    total, acc = sum(len(w) for w, _ in sents), 0
    for i, (w, _) in enumerate(sents):
        acc += len(w)
        if acc >= total * (1 - fraction):
            return sents[:i + 1], sents[i + 1:]
    return sents, []


def base_words(words: Sequence[str]) -> list[str]:
    """Corpus tokens in the base view (diacritics and tatweel removed), as the tagger sees them."""
    b = Normalizer().base
    return [b(w).strip() or w for w in words]


# --------------------------------------------------------------------------------------------
# Filtering what modern news makes the model tag
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NotNames:
    """Terms never reported as names (``actors/data/not_names.tsv``): folded stems of single
    words and folded keys of multi-word terms."""

    stems: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extractor: FeatureExtractor, path: Path | str = NOT_NAMES) -> NotNames:
        """Read ``term<TAB>group`` lines (``#`` comments); terms are folded with ``extractor``."""
        p = Path(path)
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ModelError(f"cannot read the not-names list {p}: {exc}") from exc
        stems: set[str] = set()
        phrases: set[str] = set()
        base, key = extractor.normalizer.base, extractor.normalizer.key
        for line in lines:
            term = line.partition("\t")[0].strip()
            if not term or term.startswith("#"):
                continue
            words = _WORD.findall(base(term))
            if len(words) == 1:
                stems.add(extractor.word(words[0]).stem)
                stems.add(key(words[0]))
            elif words:
                phrases.add(" ".join(extractor.word(w).stem for w in words))
        return cls(frozenset(stems), frozenset(phrases))


def name_stems_path(model: Path | str) -> Path:
    """The list of training name stems written beside a model (``ner.crfsuite`` -> ``ner_names.tsv``)."""
    m = Path(model)
    return m.with_name(m.stem + "_names.tsv")


def load_name_stems(path: Path | str) -> frozenset[str]:
    """Stems of a ``*_names.tsv`` file (``stem<TAB>as name<TAB>as other``); empty when absent."""
    p = Path(path)
    if not p.is_file():
        return frozenset()
    with p.open(encoding="utf-8") as fh:
        return frozenset(line.partition("\t")[0] for line in fh if line.strip() and not line.startswith("#"))


def write_name_stems(sentences: Sequence[tuple[list[str], list[str]]], extractor: FeatureExtractor,
                     out: Path | str) -> Path:
    """Write the lexicon words that the training data tags as (part of) a name at least as often
    as not (``stem<TAB>as name<TAB>as other``): :func:`drop_not_names` keeps those alone."""
    from collections import Counter

    named: Counter = Counter()
    other: Counter = Counter()
    for words, tags in sentences:
        for w, t in zip(base_words(words), tags):
            f = extractor.word(w)
            if f.common:
                (other if t == "O" else named)[f.stem] += 1
    out = Path(out)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# lexicon words tagged as names in most of their ANERcorp training occurrences "
                 "(written by marsad.actors.ner.train_ner)\n")
        for s in sorted(named):
            if named[s] >= other[s] and "\t" not in s:
                fh.write(f"{s}\t{named[s]}\t{other[s]}\n")
    return out


def multiword_stems(tags: Sequence[Sequence[str]], words: Sequence[Sequence[WordFeatures]]) -> set[str]:
    """Stems of the words inside the names of two or more words tagged in a document."""
    out: set[str] = set()
    for t, ws in zip(tags, words):
        for s, e, _typ in bio_spans(t):
            if e - s > 1:
                out.update(w.stem for w in ws[s:e])
    return out


def drop_not_names(tags: Sequence[str], words: Sequence[WordFeatures], not_names: NotNames | None = None,
                   common: bool = True, name_stems: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Tags of one sentence with the spans that are not names set to ``O``.

    A span goes when one of its words' stems is in ``not_names`` or its stems form a listed phrase,
    and (with ``common``) when it is a single word whose stem the lexicon knows as a common word
    and no knowledge-base name uses (:attr:`WordFeatures.common`) and that is not in
    ``name_stems`` (the stems tagged as names in most of their training occurrences: دبي، مكة،
    دولار, plus the words of the names of two or more words tagged in the same document:
    :func:`multiword_stems`): the model's guess on such a word is too often a common noun or
    adjective of recent news (ريف، حوض، روتيني); inside a name of two or more words it stays.
    """
    out = list(tags)
    for s, e, _t in bio_spans(tags):
        ws = words[s:e]
        listed = not_names is not None and (any(w.stem in not_names.stems or w.alt in not_names.stems for w in ws)
                                            or " ".join(w.stem for w in ws) in not_names.phrases)
        if listed or (common and e - s == 1 and ws[0].common and ws[0].stem not in name_stems):
            for i in range(s, e):
                out[i] = "O"
    return out


# --------------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------------
def make_extractor(kb=None, clusters: dict[str, tuple[str, ...]] | None = None, keep: frozenset[str] | None = None,
                   tokenizer: Tokenizer | None = None) -> FeatureExtractor:
    """The feature extractor used for training and tagging (KB gazetteers, packaged clusters).

    The default tokenizer protects the same names as the pipeline's (the KB recognizer's
    protected names), so passing the pipeline's tokenizer instead changes no feature and reuses
    its cache of segmented words.
    """
    if kb is None:
        from marsad.actors.kb import KnowledgeBase

        kb = KnowledgeBase.load()
    gaz = Gazetteers.from_kb(kb)
    if tokenizer is None:
        from marsad.actors.recognize import ActorRecognizer

        tokenizer = Tokenizer(protected=ActorRecognizer(kb).protected_names, lemmas=False)
    return FeatureExtractor(gaz, tokenizer, load_clusters() if clusters is None else clusters, keep)


def train_crf(sentences: Sequence[tuple[list[str], list[str]]], out: Path | str, extractor: FeatureExtractor,
              c1: float = 0.1, c2: float = 0.05, max_iterations: int = 150, verbose: bool = False) -> Path:
    """Train a CRF on ``(words, tags)`` sentences (words as in the corpus) and write it to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    feats = extractor.document([base_words(w) for w, _ in sentences])
    for f, (_words, tags) in zip(feats, sentences):
        trainer.append(f, list(tags))
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations,
        "feature.possible_transitions": True, "feature.minfreq": 1,
    })
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    write_name_stems(sentences, extractor, name_stems_path(out))
    return out


def crf_marginals(tagger, xseq) -> np.ndarray:
    """``[words, len(LABELS)]`` marginal probabilities of every tag under an open pycrfsuite tagger."""
    if not xseq:
        return np.zeros((0, len(LABELS)))
    tagger.set(xseq)
    known = set(tagger.labels())
    return np.array([[tagger.marginal(y, i) if y in known else 0.0 for y in LABELS] for i in range(len(xseq))])


def tag_sentences(model: Path | str, sentences: Sequence[Sequence[str]], extractor: FeatureExtractor,
                  context: int | None = 0, not_names: NotNames | None = None,
                  common: bool = False) -> list[list[str]]:
    """Viterbi tags for sentences of corpus words.

    ``context`` > 0 applies :func:`propagate` with that many sentences either side (the corpus
    has no document breaks; the runtime component uses the whole article); 0 tags sentences alone.
    """
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model))
    except Exception as exc:
        raise ModelError(f"cannot open NER model {model}: {exc}") from exc
    words = [base_words(ws) for ws in sentences]
    feats = extractor.document(words)
    tags = [list(tagger.tag(f)) if f else [] for f in feats]
    if context:
        stems = [[extractor.word(w).stem for w in ws] for ws in words]
        tags = propagate(stems, tags, context)
    if not_names is not None or common:
        wfs = [[extractor.word(w) for w in ws] for ws in words]
        names = (load_name_stems(name_stems_path(model)) | multiword_stems(tags, wfs)) if common else frozenset()
        tags = [drop_not_names(t, wf, not_names, common, names) for t, wf in zip(tags, wfs)]
    return tags


def train_ner(anercorp_dir: Path | str, out: Path | str = DEFAULT_MODEL, c1: float = 0.1, c2: float = 0.05,
              max_iterations: int = 150, lines: tuple[int, int] = TRAIN_LINES, dev_fraction: float = 0.0,
              verbose: bool = False) -> dict:
    """Train the packaged model on ANERcorp ``lines`` and write it with its provenance JSON.

    With ``dev_fraction > 0`` the last part of those lines is held out and scored (entity micro
    F1) instead of being trained on. Returns the provenance record.
    """
    import datetime as dt

    from marsad.actors.evaluate import score_spans

    path = Path(anercorp_dir) / "ANERCorp_original_full.txt"
    first, last = lines
    if last > TRAIN_LINES[1]:
        raise EvaluationError(f"line {last} is in the ANERcorp test portion (train lines end at {TRAIN_LINES[1]})")
    sents, dev = split_dev(sentences_of(read_anercorp_lines(path, first, last)), dev_fraction)
    extractor = make_extractor()
    out = Path(out)
    train_crf(sents, out, extractor, c1, c2, max_iterations, verbose)
    record = {
        "model": out.name,
        "corpus": "ANERcorp (Benajiba et al.), ANERCorp_original_full.txt",
        "training_lines": [first, last],
        "training_tokens": sum(len(w) for w, _ in sents),
        "features_version": FEATURES_VERSION,
        "clusters": DEFAULT_CLUSTERS.name if extractor.clusters else None,
        "name_stems": name_stems_path(out).name,
        "c1": c1, "c2": c2, "max_iterations": max_iterations,
        "date": dt.date.today().isoformat(),
        "size_bytes": out.stat().st_size,
    }
    if dev:
        ext = make_extractor()
        gold = [t for _, t in dev]
        record["dev_tokens"] = sum(len(w) for w, _ in dev)
        nn = NotNames.load(ext)
        for ctx, name, flt in ((0, "dev", False), (20, "dev_context20", False), (20, "dev_context20_filtered", True)):
            res = score_spans(gold, tag_sentences(out, [w for w, _ in dev], ext, context=ctx,
                                                  not_names=nn if flt else None, common=flt))
            record[f"{name}_micro_f1"] = round(res.micro.f1, 4)
            record[f"{name}_per_type_f1"] = {t: round(s.f1, 4) for t, s in res.per_type.items()}
    return record


def write_provenance(model: Path | str, record: dict) -> Path:
    p = Path(model).with_suffix(".json")
    p.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return p


# --------------------------------------------------------------------------------------------
# Runtime component
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NameSpan:
    """A tagged name in original offsets."""

    start: int
    end: int
    type: str  # PERS | LOC | ORG | MISC
    confidence: float


class NameRecognizer:
    """``Article -> Article``: names the knowledge base lacks, as document-level entities.

    ``model_path`` defaults to the packaged model; ``kb`` (a KnowledgeBase) feeds the gazetteer
    features and defaults to the packaged knowledge base. Both are loaded on first use. Pass the
    pipeline's tokenizer (``Resources.tokenizer()``) as ``tokenizer`` to reuse its cache of
    segmented words (the text layer has already segmented every word of the article).
    """

    name = "ner"

    def __init__(self, model_path: Path | str | None = None, kb=None, min_confidence: float = 0.0,
                 tokenizer: Tokenizer | None = None, propagate: bool = True,
                 not_names: Path | str | None = NOT_NAMES, drop_common: bool = True,
                 common_min_confidence: float = 0.8, backend: str = "crf", e5_adapter: Path | str | None = None):
        if backend not in BACKENDS:
            raise ModelError(f"unknown name tagger {backend!r} (one of {', '.join(BACKENDS)})")
        #: ``crf`` (fast, the default) or ``e5`` (the transformer of :mod:`marsad.actors.e5ner`, more
        #: accurate, ~200x slower); the CRF's word features still serve the filters in both cases
        self.backend = backend
        self.e5_adapter = e5_adapter
        self._e5 = None
        self.model_path = Path(model_path) if model_path else DEFAULT_MODEL
        self.propagate = propagate
        self.not_names_path = Path(not_names) if not_names else None
        self.drop_common = drop_common
        self.common_min_confidence = common_min_confidence
        self._not_names: NotNames | None = None
        self._name_stems: frozenset[str] = frozenset()
        self._media: frozenset[str] = frozenset()
        self._kb = kb
        self._tokenizer = tokenizer
        self.min_confidence = min_confidence
        self.normalizer = Normalizer()
        self._tagger = None
        self._extractor: FeatureExtractor | None = None

    # -- lazy loading -----------------------------------------------------------------------------
    def _load(self) -> None:
        import pycrfsuite

        if not self.model_path.is_file():
            raise ModelError(f"NER model not found: {self.model_path} (retrain with `marsad train ner`)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(self.model_path))
            info = tagger.info()
        except Exception as exc:
            raise ModelError(f"cannot open NER model {self.model_path}: {exc}") from exc
        keep = frozenset(a for (a, _label), w in info.state_features.items() if w != 0.0)
        if self._kb is None:
            from marsad.actors.kb import KnowledgeBase

            self._kb = KnowledgeBase.load()
        self._extractor = make_extractor(self._kb, keep=keep, tokenizer=self._tokenizer)
        if self.not_names_path is not None:
            self._not_names = NotNames.load(self._extractor, self.not_names_path)
        self._name_stems = load_name_stems(name_stems_path(self.model_path))
        self._media = media_names(self._kb)
        if self.backend == "e5":
            from marsad.actors.e5ner import E5Tagger

            self._e5 = E5Tagger(self.e5_adapter).load()
        self._tagger = tagger

    @property
    def extractor(self) -> FeatureExtractor:
        if self._extractor is None:
            self._load()
        return self._extractor  # type: ignore[return-value]

    # -- tagging --------------------------------------------------------------------------------
    def words(self, norm: Normalized, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Words ``(start, end, base form)`` of ``norm.base[start:end]`` (normalized offsets)."""
        base = norm.base
        end = len(base) if end is None else end
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(base, start, end)]

    def tag(self, norm: Normalized, sentences: Sequence[tuple[int, int]] | None = None) -> list[NameSpan]:
        """Names in a normalized text; ``sentences`` are original-offset ranges (default: one per line
        and sentence-final punctuation)."""
        if self._tagger is None:
            self._load()
        tagger, ext = self._tagger, self._extractor
        sents = list(self._sentence_words(norm, sentences))
        all_tags: list[list[str]] = []
        confs: dict[tuple[int, int, int], float] = {}
        word = ext.word
        wfs = [[word(w) for _, _, w in ws] for ws in sents]
        if self._e5 is not None:
            marg = [crf_marginals(tagger, ext.sentence_of(wf)) for wf in wfs]
            for k, t in enumerate(self._e5.tag([[w for _, _, w in ws] for ws in sents], marg)):
                for s, e, _typ in bio_spans(t.tags):
                    confs[(k, s, e)] = min(t.probs[s:e])
                all_tags.append(t.tags)
        else:
            for k, wf in enumerate(wfs):
                tags = tagger.tag(ext.sentence_of(wf))
                for s, e, _typ in bio_spans(tags):
                    confs[(k, s, e)] = min(tagger.marginal(tags[i], i) for i in range(s, e))
                all_tags.append(tags)
        if self.propagate and confs:
            all_tags = propagate([[f.stem for f in wf] for wf in wfs], all_tags)
        if confs and (self._not_names is not None or self.drop_common):
            names = self._name_stems | multiword_stems(all_tags, wfs) if self.drop_common else frozenset()
            all_tags = [drop_not_names(t, wf, self._not_names, self.drop_common, names)
                        for t, wf in zip(all_tags, wfs)]
        # a recurrence tagged by propagation takes the best confidence of its name elsewhere
        best: dict[tuple[str, ...], float] = {}
        found: list[tuple[int, int, int, str, float | None]] = []
        for k, (ws, tags) in enumerate(zip(sents, all_tags)):
            for s, e, typ in bio_spans(tags):
                c = confs.get((k, s, e))
                found.append((k, s, e, typ, c))
                if c is not None:
                    key = tuple(w for _, _, w in ws[s:e])
                    best[key] = max(best.get(key, 0.0), c)
                    last = (wfs[k][e - 1].stem,)
                    best[last] = max(best.get(last, 0.0), c)
        spans: list[NameSpan] = []
        for k, s, e, typ, c in found:
            ws = sents[k]
            if c is None:  # tagged by propagation: 0.9 x the best confidence of the name where it was tagged
                key = tuple(w for _, _, w in ws[s:e])
                c = 0.9 * (best.get(key) or best.get((wfs[k][e - 1].stem,)) or 0.5)
            a, _ = norm.to_original(ws[s][0], ws[s][1])
            _, b = norm.to_original(ws[e - 1][0], ws[e - 1][1])
            spans.append(NameSpan(a, b, typ, c))
        return spans

    def _sentence_words(self, norm: Normalized, sentences) -> Iterator[list[tuple[int, int, str]]]:
        if sentences:
            for s, e in sentences:
                ws = self.words(norm, norm.from_original(s), norm.from_original(e))
                yield from _chunks(ws)
            return
        ws: list[tuple[int, int, str]] = []
        base = norm.base
        for w in self.words(norm):
            if ws and "\n" in base[ws[-1][1]:w[0]]:
                yield from _chunks(ws)
                ws = []
            ws.append(w)
            if w[2] in _SENT_END:
                yield from _chunks(ws)
                ws = []
        if ws:
            yield from _chunks(ws)

    # -- the component ---------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        sents = [(s.start, s.end) for s in article.sentences] or None
        found = self.tag(norm, sents)
        # words of the article's names of two or more words (a surname alone is still a name)
        in_names: set[str] = set()
        for sp in found:
            ws = self.normalizer.key(article.text[sp.start:sp.end]).split()
            if len(ws) > 1:
                in_names.update(ws)
        taken = sorted((m.start, m.end) for m in article.mentions)
        counters = {"person": 0, "org": 0, "place": 0}
        # the same name gets one entity whatever type a later mention was tagged with (the first wins)
        by_key: dict[str, str] = {}  # folded name -> entity id
        last_tokens: dict[str, str] = {}  # folded last word of a person's full name -> entity id
        new: list[Mention] = []
        for sp in found:
            kind = KIND_OF.get(sp.type)
            if kind is None or sp.confidence < self.min_confidence:
                continue
            if _overlaps(taken, sp.start, sp.end):
                continue
            if self._has_enclitic(article.text, sp.start, sp.end):
                continue  # a word with a pronoun suffix (زيارتك، اتفاقهما) is not a name
            start = self._strip_proclitic(article.text, sp.start, sp.end, kind)
            text = article.text[start:sp.end]
            k = self.normalizer.key(text)
            if len(k) < 2:
                continue
            if k in self._media:
                kind = "org"  # a news outlet the knowledge base did not match here (its bare name)
            elif (" " not in k and sp.confidence < self.common_min_confidence and k not in in_names
                  and self._is_common(text)):
                continue  # a lexicon word alone (الأهلي) needs more than the usual confidence
            eid = by_key.get(k)
            if eid is None and " " not in k:
                eid = last_tokens.get(k)
            if eid is None:
                n = counters[kind] + 1
                while f"doc:{kind}:{n}" in article.entities:
                    n += 1
                counters[kind] = n
                eid = f"doc:{kind}:{n}"
                article.entities[eid] = Entity(eid, kind, None, text, kb=False)  # type: ignore[arg-type]
                by_key[k] = eid
                parts = k.split()
                if len(parts) > 1 and kind == "person":
                    last_tokens.setdefault(parts[-1], eid)
            mt = Mention(start, sp.end, text, eid, "ner", round(float(sp.confidence), 4))
            article.entities[eid].mentions.append(mt)
            new.append(mt)
        if new:
            article.mentions = sorted(article.mentions + new, key=lambda x: (x.start, x.end))
        return article

    def _is_common(self, text: str) -> bool:
        """Whether a one-word name is a word of the lexicon no knowledge-base name uses."""
        m = _WORD.search(self.normalizer.base(text))
        return m is not None and self.extractor.word(m.group()).common

    def _has_enclitic(self, text: str, start: int, end: int) -> bool:
        seg = self.extractor.tokenizer.segment
        return any(_AR.match(m.group()) and seg(m.group())[3] in _NOT_IN_NAMES
                   for m in _WORD.finditer(self.normalizer.base(text[start:end])))

    def _strip_proclitic(self, text: str, start: int, end: int, kind: str) -> int:
        """Start of the name without a leading conjunction/preposition (``وغيث`` -> ``غيث``)."""
        m = _WORD.match(self.normalizer.base(text[start:end]))
        if m is None or not _AR.match(m.group()):
            return start
        word = m.group()
        pre, _st, _en, _suf = self.extractor.tokenizer.segment(word)
        # only conjunctions and prepositions go; the article stays (الوليد, العراق)
        drop = sum(len(p) for p in pre if p != "ال")
        if drop == 0 or drop >= len(word):
            return start
        # map ``drop`` base characters to original characters (diacritics may sit in between)
        norm = self.normalizer.normalize(text[start:end])
        o, _ = norm.to_original(drop, drop + 1)
        return start + o


_OUTLET_WORDS = frozenset(["قناه", "شبكه", "صحيفه", "جريده", "موقع", "وكاله", "مجله", "اذاعه", "راديو", "منصه"])


def media_names(kb) -> frozenset[str]:
    """Folded names of the knowledge base's news outlets (``media.yaml``), also without their
    outlet word (قناة، صحيفة، وكالة ...) and quotes: a span the recognizer tags with one of these
    names is an organization whatever type it was tagged with. Bare forms the knowledge base lists
    as ambiguous (الجزيرة: also an island or a region) are left out."""
    key = Normalizer().key
    out: set[str] = set()
    for e in kb.entries.values():
        if not e.path or Path(e.path).stem != "media":
            continue
        for form in (e.name_ar, *e.variants):
            k = key(form).replace('"', " ").split()
            if not k:
                continue
            out.add(" ".join(k))
            if k[0] in _OUTLET_WORDS and len(k) > 1:
                out.add(" ".join(k[1:]))
    return frozenset(out - set(kb.ambiguities))


def _chunks(ws: list, size: int = 150) -> Iterator[list]:
    for i in range(0, len(ws), size):
        yield ws[i:i + size]


def _overlaps(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in taken)
