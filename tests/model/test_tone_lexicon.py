"""The tone score on phrases written for the test."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.model import ToneLexicon


@pytest.fixture(scope="module")
def lex():
    return ToneLexicon.load()


def test_positive_words_with_clitics_and_spelling(lex):
    s = lex.score("وصف الجانبان اللقاء بأنه مثمر، وكانت الأجواء ايجابية وبناءة")
    assert (s.pos, s.neg) == (3, 0)
    assert s.score == pytest.approx(3 / 5)  # (3 - 0) / (3 + 0 + 2)


def test_negative_words_and_prefix_entries(lex):
    s = lex.score("عادت التوترات إلى الواجهة وسط أزمة وتصعيد على الحدود")
    assert (s.pos, s.neg) == (0, 3)
    assert s.score == pytest.approx(-3 / 5)


def test_negators_flip(lex):
    s = lex.score("كانت المحادثات غير مثمرة ولا توتر بين الوفدين")
    assert (s.pos, s.neg) == (1, 1)
    assert s.score == 0


def test_phrase_beats_its_first_word(lex):
    s = lex.score("تجمعهما شراكة استراتيجية")
    assert s.pos == 1 and ("شراكة استراتيجية", 1) in s.hits


def test_mixed_and_neutral(lex):
    assert lex.score("خلاف حول إدلب رغم تعاون في الطاقة").score == pytest.approx(0.0)
    empty = lex.score("وصل الرئيس إلى المدينة صباح اليوم")
    assert (empty.pos, empty.neg, empty.score) == (0, 0, 0.0)
    assert lex.score(None).n_words == 0


def test_custom_lexicon_and_k():
    lex = ToneLexicon.from_lists(["هادئ"], ["عاصف"], negators=["ليس"], k=1)
    s = lex.score("الجو هادئ اليوم لكن الغد عاصف وعاصف")
    assert (s.pos, s.neg) == (1, 2)
    assert s.score == pytest.approx(-1 / 4)
    assert lex.score("الجو ليس هادئا").neg == 0  # "هادئا" is not "هادئ": exact entries are exact


def test_bad_lexicon(tmp_path):
    bad = tmp_path / "tone.yaml"
    bad.write_text("k: 0\npositive: [جيد]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        ToneLexicon.load(bad)
