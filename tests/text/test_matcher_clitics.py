"""KeyMatcher: phrases found behind proclitics and the article, never inside a word; longest match wins."""

from marsad.text.matcher import KeyMatcher, longest_first
from marsad.text.normalize import Normalizer


def _found(matcher, text):
    key = Normalizer().key(text)
    return [(key[s:e], prefix, payload) for s, e, _, prefix, payload in matcher.find(key)]


def test_proclitics_and_article_are_reported_as_the_prefix():
    m = KeyMatcher([("موسكو", "city"), ("عقوبات", "file")])
    got = _found(m, "وصل الوفد وموسكو ترد بالعقوبات")
    assert ("موسكو", "و", "city") in got
    assert ("عقوبات", "بال", "file") in got


def test_no_match_inside_a_word_or_before_more_letters():
    m = KeyMatcher([("سلام", "peace")])
    assert _found(m, "إسلام") == []  # a letter other than a proclitic in front
    assert _found(m, "سلامة") == []  # the word goes on after the phrase
    assert _found(m, "للسلام") == [("سلام", "لل", "peace")]


def test_longest_first_keeps_the_longer_overlapping_phrase():
    m = KeyMatcher([("البحر", 1), ("البحر الاسود", 2)])
    key = Normalizer().key("في البحر الأسود")

    class Span:
        def __init__(self, s, e, p):
            self.start, self.end, self.payload = s, e, p

    spans = [Span(s, e, p) for s, e, _, _, p in m.find(key)]
    kept = longest_first(spans, len(key))
    assert [(key[x.start:x.end], x.payload) for x in kept] == [("البحر الاسود", 2)]


def test_an_empty_matcher_finds_nothing():
    assert KeyMatcher([]).find("اي نص") == []


def test_squeeze_lets_a_phrase_span_quotes_and_line_breaks():
    m = KeyMatcher([("مسار استانا", "format"), ("موسكو", "city")])
    text = 'أيد الطرفان مسار «أستانا» ثم مسار\n  أستانا ثانية ووصلوا "موسكو"'
    key = Normalizer().fold(text)  # the key view of a text: one character for one, spaces kept
    plain = [(key[s:e], p) for s, e, _, _, p in m.find(key)]
    assert plain == [("موسكو", "city")]  # without squeeze, quotes and the line break split the phrase
    got = [(s, e, p) for s, e, _, _, p in m.find(key, squeeze=True)]
    spans = [(text[s:e], p) for s, e, p in got]
    assert spans == [("مسار «أستانا", "format"), ("مسار\n  أستانا", "format"), ("موسكو", "city")]


def test_squeeze_reads_an_editor_s_brackets_as_space():
    m = KeyMatcher([("فلاديمير بوتين", "putin")])
    text = "بحثنا مع (الرئيس الروسي فلاديمير) بوتين الملف"
    key = Normalizer().fold(text)
    assert m.find(key) == []
    (s, e, _, _, p), = m.find(key, squeeze=True)
    assert (text[s:e], p) == ("فلاديمير) بوتين", "putin")
    m = KeyMatcher([("القرار 2254", "res")])
    text = "نص القرار /2254/ على"
    (s, e, _, _, p), = m.find(Normalizer().fold(text), squeeze=True)
    assert text[s:e] == "القرار /2254"


def test_squeeze_changes_nothing_on_single_spaces():
    m = KeyMatcher([("البحر الاسود", 1), ("تركيا", 2)])
    key = Normalizer().key("عبرت تركيا البحر الأسود")
    assert m.find(key, squeeze=True) == m.find(key)
