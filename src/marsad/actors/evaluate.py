"""Entity-level evaluation of the name recognizer on ANERcorp (CoNLL-style exact match).

A predicted entity counts as correct only when its first word, last word and type all equal a
gold entity's; precision, recall and F1 are reported per type (PERS, LOC, ORG, MISC) and
micro-averaged over all entities.

The CAMeL Lab test file (``ANERCorp_CamelLab_test.txt``) is scored **as it is** — the figures
comparable with published results — and **repaired**. In that file some tokens (923 of them
sentence-initial) were replaced by tokens from the corpus's first article; the file
``DIAGNOSTIC_test_vs_original_tail.tsv`` beside it lists every such position: column 1 the index of
the token in the test file (blank lines not counted), column 2 whether it starts a sentence,
column 3 the test file's line and column 4 the original corpus's line at index 125,305 + i.
"Repaired" means: each listed token (word and tag) is replaced by column 4, the original
corpus's token at that position; the test file's sentence breaks are kept.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.actors.ner import (
    DEFAULT_MODEL,
    LABELS,
    TYPES,
    base_words,
    bio_spans,
    crf_marginals,
    make_extractor,
    propagate,
    read_anercorp_lines,
    sentences_of,
    tag_sentences,
)
from marsad.errors import EvaluationError
from marsad.scoring import Score

DIAGNOSTIC = "DIAGNOSTIC_test_vs_original_tail.tsv"
TEST_FILE = "ANERCorp_CamelLab_test.txt"


@dataclass(slots=True)
class NerResult:
    per_type: dict[str, Score]
    micro: Score
    test_file: str = ""
    repaired: bool = False
    repaired_tokens: int = 0
    sentences: int = 0
    tokens: int = 0
    model: str = ""
    tagger: str = "crf"
    context: int = 0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"test_file": self.test_file, "repaired": self.repaired, "repaired_tokens": self.repaired_tokens,
                "sentences": self.sentences, "tokens": self.tokens, "model": self.model, "tagger": self.tagger,
                "context": self.context,
                "micro": self.micro.as_dict(), "per_type": {t: s.as_dict() for t, s in self.per_type.items()}}


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> NerResult:
    """Exact-span, exact-type scores of predicted BIO sequences against gold ones (sentence by sentence)."""
    if len(gold) != len(pred):
        raise EvaluationError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    counts = {t: [0, 0, 0] for t in TYPES}
    for g, p in zip(gold, pred):
        if len(g) != len(p):
            raise EvaluationError(f"sentence lengths differ: {len(g)} gold tags, {len(p)} predicted")
        gs = set(bio_spans(g))
        ps = set(bio_spans(p))
        for s in gs | ps:
            c = counts.setdefault(s[2], [0, 0, 0])
            if s in gs and s in ps:
                c[0] += 1
            elif s in ps:
                c[1] += 1
            else:
                c[2] += 1
    per = {t: Score(*c) for t, c in counts.items()}
    micro = Score(sum(s.tp for s in per.values()), sum(s.fp for s in per.values()), sum(s.fn for s in per.values()))
    return NerResult(per, micro)


def read_test(test_file: Path | str, repaired: bool = False) -> tuple[list[tuple[list[str], list[str]]], int]:
    """Sentences ``(words, tags)`` of a CAMeL-style test file, optionally repaired (see module doc).

    Returns the sentences and the number of tokens replaced.
    """
    test_file = Path(test_file)
    pairs = read_anercorp_lines(test_file)
    changed = 0
    if repaired:
        diag = test_file.with_name(DIAGNOSTIC)
        if not diag.is_file():
            raise EvaluationError(f"repair needs {DIAGNOSTIC} beside the test file: {diag} not found")
        index = [i for i, (tok, _) in enumerate(pairs) if tok]
        with diag.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows or not rows[0] or not rows[0][0].startswith("test_token_index"):
            raise EvaluationError(f"{diag}: unexpected header {rows[:1]!r}")
        for row in rows[1:]:
            if len(row) < 4:
                continue
            try:
                i = int(row[0])
            except ValueError as exc:
                raise EvaluationError(f"{diag}: bad token index {row[0]!r}") from exc
            if i >= len(index):
                raise EvaluationError(f"{diag}: token index {i} beyond the test file ({len(index)} tokens)")
            tok, _, tag = row[3].rstrip().rpartition(" ")
            if not tok:
                continue
            j = index[i]
            new = (tok, tag if tag in LABELS else "O")
            if pairs[j] != new:
                pairs[j] = new
                changed += 1
    return sentences_of(pairs, split_on_stops=False, max_len=10_000), changed


def evaluate_ner(test_file: Path | str, repaired: bool = False, model_path: Path | str | None = None,
                 kb=None, context: int = 20, tagger: str = "crf") -> NerResult:
    """Tag the test file's sentences with the model and score entities against its tags.

    ``tagger`` is ``crf`` (``model_path`` a CRFsuite file) or ``e5`` (``model_path`` an adapter
    ``.npz``, see :mod:`marsad.actors.e5ner`; its tag probabilities are mixed with the packaged
    CRF's marginals, as the runtime component does). ``context`` is the number of neighbouring
    sentences (either side) used for document-level consistency (:func:`marsad.actors.ner.propagate`),
    standing in for the article the runtime component sees; 0 scores every sentence alone.
    """
    if tagger not in ("crf", "e5"):
        raise EvaluationError(f"unknown tagger {tagger!r} (crf or e5)")
    if tagger == "e5":
        from marsad.actors.e5ner import DEFAULT_ADAPTER, E5Tagger

        model = Path(model_path) if model_path else DEFAULT_ADAPTER
    else:
        model = Path(model_path) if model_path else DEFAULT_MODEL
    if not model.is_file():
        raise EvaluationError(f"NER model not found: {model}")
    sents, changed = read_test(test_file, repaired)
    extractor = make_extractor(kb)
    if tagger == "crf":
        pred = tag_sentences(model, [w for w, _ in sents], extractor, context=context)
    else:
        import pycrfsuite

        words = [base_words(w) for w, _ in sents]
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(DEFAULT_MODEL))
        except Exception as exc:
            raise EvaluationError(f"cannot open NER model {DEFAULT_MODEL}: {exc}") from exc
        marg = [crf_marginals(crf, extractor.sentence(w)) for w in words]
        pred = [t.tags for t in E5Tagger(model).tag(words, marg)]
        if context:
            pred = propagate([[extractor.word(x).stem for x in w] for w in words], pred, context)
    res = score_spans([t for _, t in sents], pred)
    res.test_file = str(test_file)
    res.repaired = repaired
    res.repaired_tokens = changed
    res.sentences = len(sents)
    res.tokens = sum(len(w) for w, _ in sents)
    res.model = str(model)
    res.tagger = tagger
    res.context = context
    return res


__all__ = ["NerResult", "Score", "base_words", "evaluate_ner", "read_test", "score_spans"]
