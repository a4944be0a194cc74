"""The normalizer folds spellings and keeps a faithful map back to the original characters."""

from marsad.text.normalize import Normalizer


def test_normalize_folds_erdogan_spellings_to_one_key():
    n = Normalizer()
    keys = {n.key(w) for w in ("أردوغان", "إردوغان", "اردوغان", "أردوغـــان", "أَرْدُوغَان")}
    assert keys == {"اردوغان"}


def test_normalize_folds_letters_digits_and_punctuation():
    n = Normalizer()
    assert n.key("مدينة") == "مدينه"
    assert n.key("مستشفى") == "مستشفي"
    assert n.key("مسؤول") == "مسوول"
    assert n.key("٢٠٢١") == "2021"
    assert n.key("«نعم»، قال") == '"نعم", قال'
    assert n.key("NATO") == "nato"


def test_normalize_maps_spans_back_to_original_with_diacritics():
    text = "قالَ الرَّئيسُ بوتينُ"
    r = Normalizer().normalize(text)
    i = r.key.index("بوتين")
    s, e = r.to_original(i, i + len("بوتين"))
    assert text[s:e] == "بوتينُ"  # the final vowel mark belongs to the word
    i = r.key.index("الرييس")
    s, e = r.to_original(i, i + len("الرييس"))
    assert text[s:e] == "الرَّئيسُ"


def test_normalize_expands_lam_alef_ligature_and_keeps_offsets():
    text = "ﻻ تراجع"
    r = Normalizer().normalize(text)
    assert r.key.startswith("لا ")
    s, e = r.to_original(0, 2)
    assert text[s:e] == "ﻻ"
    i = r.key.index("تراجع")
    assert text[slice(*r.to_original(i, i + 5))] == "تراجع"


def test_normalize_removes_tatweel_and_invisible_marks():
    text = "\u200fموسكـــو\u200e"
    r = Normalizer().normalize(text)
    assert r.key == "موسكو"
    s, e = r.to_original(0, len(r.key))
    assert text[s:e].replace("ـ", "") == "موسكو"


def test_normalize_from_original_inverts_to_original():
    text = "وَقَّعَ البلدان اتفاقاً"
    r = Normalizer().normalize(text)
    for n_i in range(len(r.key)):
        o = r.orig_index(n_i)
        assert r.from_original(o) == n_i
