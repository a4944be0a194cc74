"""Entity-level scoring on tiny hand-made BIO sequences (expected values computed by hand)."""

from __future__ import annotations

import pytest

from marsad.actors.evaluate import read_test, score_spans
from marsad.actors.ner import bio_spans, sentences_of


def test_bio_spans_conll_rules():
    tags = ["I-LOC", "I-PERS", "B-PERS", "I-PERS", "O", "I-MISC", "B-ORG", "I-ORG"]
    assert bio_spans(tags) == [(0, 1, "LOC"), (1, 2, "PERS"), (2, 4, "PERS"), (5, 6, "MISC"), (6, 8, "ORG")]
    assert bio_spans(["O", "O"]) == []


def test_scores_exact_span_and_type():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["O", "B-ORG", "I-ORG"], ["B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["O", "I-ORG", "I-ORG"], ["B-ORG"]]
    r = score_spans(gold, pred)
    # PERS: predicted (0,1) is not gold (0,2): 0 tp, 1 fp, 1 fn
    assert (r.per_type["PERS"].tp, r.per_type["PERS"].fp, r.per_type["PERS"].fn) == (0, 1, 1)
    # LOC: one hit, one missed (the last sentence's LOC was predicted as ORG)
    assert (r.per_type["LOC"].tp, r.per_type["LOC"].fp, r.per_type["LOC"].fn) == (1, 0, 1)
    # ORG: I-ORG after O opens the same span as gold B-ORG I-ORG -> hit; B-ORG in sentence 3 -> fp
    assert (r.per_type["ORG"].tp, r.per_type["ORG"].fp, r.per_type["ORG"].fn) == (1, 1, 0)
    # micro: tp 2, fp 2, fn 2 -> P = R = F1 = 0.5
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (2, 2, 2)
    assert r.micro.precision == pytest.approx(0.5)
    assert r.micro.recall == pytest.approx(0.5)
    assert r.micro.f1 == pytest.approx(0.5)
    assert r.per_type["LOC"].f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert r.per_type["MISC"].f1 == 0.0


def test_scores_reject_misaligned_sequences():
    from marsad.errors import EvaluationError

    with pytest.raises(EvaluationError):
        score_spans([["O", "O"]], [["O"]])


def test_sentences_split_at_blank_lines_and_stops():
    pairs = [("أ", "O"), (".", "O"), ("ب", "B-LOC"), ("", ""), ("ج", "O")]
    assert sentences_of(pairs) == [(["أ", "."], ["O", "O"]), (["ب"], ["B-LOC"]), (["ج"], ["O"])]
    assert len(sentences_of(pairs, split_on_stops=False)) == 2


def test_repair_replaces_listed_tokens(tmp_path):
    test = tmp_path / "ANERCorp_CamelLab_test.txt"
    test.write_text("سمير B-PERS\nقال O\n\nفي O\nباريس B-LOC\n", encoding="utf-8")
    diag = tmp_path / "DIAGNOSTIC_test_vs_original_tail.tsv"
    diag.write_text(
        "test_token_index\tsentence_initial\tcamellab_test_line\toriginal_anercorp_line(index 125305+i)\n"
        "0\tTrue\tسمير B-PERS\tوقال O\n"
        "2\tTrue\tفي O\tليلى B-PERS\n",
        encoding="utf-8",
    )
    sents, changed = read_test(test, repaired=False)
    assert changed == 0 and sents[0] == (["سمير", "قال"], ["B-PERS", "O"])
    sents, changed = read_test(test, repaired=True)
    assert changed == 2
    assert sents == [(["وقال", "قال"], ["O", "O"]), (["ليلى", "باريس"], ["B-PERS", "B-LOC"])]


def test_split_dev_holds_out_the_last_tokens_at_a_sentence_end():
    from marsad.actors.ner import split_dev

    sents = [([f"w{i}"] * n, ["O"] * n) for i, n in enumerate([4, 3, 2, 1])]  # 10 tokens
    train, dev = split_dev(sents, 0.3)
    assert [len(w) for w, _ in train] == [4, 3] and [len(w) for w, _ in dev] == [2, 1]
    train, dev = split_dev(sents, 0.25)  # 7.5 tokens to keep: the cut waits for the end of the third sentence
    assert [len(w) for w, _ in train] == [4, 3, 2] and [len(w) for w, _ in dev] == [1]
    assert split_dev(sents, 0) == (sents, [])
