"""Sentence splitting respects quotes, abbreviations and numbers."""

from marsad.text.sentences import split_sentences


def _texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_sentences_split_on_arabic_question_mark_and_period():
    assert _texts("هل تنجح القمة؟ يرى مراقبون ذلك. وتبقى الشكوك") == [
        "هل تنجح القمة؟", "يرى مراقبون ذلك.", "وتبقى الشكوك"]


def test_sentences_keep_a_quote_whole():
    text = "وقال الوزير: «نحن مستعدون. ولن نتراجع». ثم غادر."
    assert _texts(text) == ["وقال الوزير: «نحن مستعدون. ولن نتراجع».", "ثم غادر."]


def test_sentences_do_not_split_after_abbreviations_or_decimals():
    text = "التقى د. سامر بالوفد. وبلغت الاستثمارات 6.5 مليار دولار."
    assert _texts(text) == ["التقى د. سامر بالوفد.", "وبلغت الاستثمارات 6.5 مليار دولار."]


def test_sentences_break_at_lines_and_trim():
    text = "  عنوان الخبر  \n\nالفقرة الأولى. الثانية.\n"
    out = split_sentences(text)
    assert [text[s.start:s.end] for s in out] == ["عنوان الخبر", "الفقرة الأولى.", "الثانية."]
