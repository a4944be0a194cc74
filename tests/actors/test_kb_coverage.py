"""Issue 3's people: every office of the listed states has a holder on each sample date, unless the
state has no such office or the post was empty that day (both recorded with a reason in
``tools/kb_coverage.py``)."""

import importlib.util
from pathlib import Path

import pytest

from marsad.actors.kb import KnowledgeBase

TOOL = Path(__file__).resolve().parents[2] / "tools" / "kb_coverage.py"


@pytest.fixture(scope="module")
def coverage():
    spec = importlib.util.spec_from_file_location("kb_coverage", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_office_has_a_holder_on_the_sample_dates(coverage):
    gaps = coverage.gaps(KnowledgeBase.load())
    assert not gaps, "offices without a holder on 1 July (state, office, year):\n" + "\n".join(map(str, gaps))


def test_exceptions_have_reasons_and_name_known_states_and_offices(coverage):
    for key, why in [*coverage.NOT_CHECKED.items(), *coverage.VACANT.items()]:
        assert key[0] in coverage.STATES and key[1] in coverage.OFFICES, key
        assert isinstance(why, str) and len(why) > 15, key


def test_the_check_finds_a_missing_office(coverage, tmp_path):
    # a knowledge base with one state's president and nothing else: every other office is a gap
    (tmp_path / "people.yaml").write_text(
        "- {id: person.x, kind: person, name_en: X, name_ar: س, country: TUR,\n"
        "   roles: [{title: president, of: TUR, from: 2000-01-01, to: null}]}\n", encoding="utf-8")
    gaps = coverage.gaps(KnowledgeBase.load([tmp_path], packaged=False))
    assert ("TUR", "head_of_state", 2020) not in gaps
    assert ("TUR", "foreign_minister", 2020) in gaps
    assert ("RUS", "head_of_state", 2011) in gaps
