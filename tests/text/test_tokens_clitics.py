"""Clitic-aware tokens: proclitics and enclitics split off, names kept whole."""

from marsad.text.normalize import Normalizer
from marsad.text.tokens import Tokenizer

NAMES = frozenset({"بوتين", "اردوغان", "موسكو", "الكرملين"})


def _parts(tok: Tokenizer, text: str) -> list[str]:
    return [t.norm for t in tok.tokenize(Normalizer().normalize(text))]


def test_tokens_split_conjunction_before_a_name():
    assert _parts(Tokenizer(NAMES), "وبوتين") == ["و", "بوتين"]
    assert _parts(Tokenizer(), "وبوتين") == ["و", "بوتين"]  # simplemma's lexicon knows the name


def test_tokens_keep_names_that_start_with_clitic_letters():
    tok = Tokenizer(NAMES)
    assert _parts(tok, "بوتين") == ["بوتين"]
    assert _parts(tok, "موسكو") == ["موسكو"]
    assert _parts(tok, "وزير") == ["وزير"]


def test_tokens_split_prepositions_and_the_article():
    tok = Tokenizer(NAMES)
    assert _parts(tok, "لأردوغان") == ["ل", "اردوغان"]
    assert _parts(tok, "بالكرملين") == ["ب", "الكرملين"]
    assert _parts(tok, "والروسي") == ["و", "ال", "روسي"]
    assert _parts(tok, "للرئيس") == ["ل", "ال", "رييس"]


def test_tokens_split_pronoun_enclitics():
    tok = Tokenizer(NAMES)
    assert _parts(tok, "بلاده") == ["بلاد", "ه"]
    assert _parts(tok, "كتابه") == ["كتاب", "ه"]


def test_tokens_keep_function_words_whole():
    tok = Tokenizer(NAMES)
    assert _parts(tok, "إلى التي") == ["الي", "التي"]


def test_tokens_offsets_point_at_surface_forms():
    text = "وَبوتين للرئيسِ S-400 و٦٫٥ مليار"
    toks = Tokenizer(NAMES).tokenize(Normalizer().normalize(text))
    surfaces = [text[t.start:t.end] for t in toks]
    assert surfaces[:2] == ["وَ", "بوتين"]
    assert "S-400" in surfaces and "٦٫٥" in surfaces
    # the lam of the article in للرئيس is its own token
    assert surfaces[2:5] == ["ل", "ل", "رئيسِ"]


def test_tokens_lemmas_keep_names_intact():
    toks = Tokenizer(NAMES).tokenize(Normalizer().normalize("والمحادثات مع بوتين"))
    lemmas = {t.norm: t.lemma for t in toks if t.part == "stem"}
    assert lemmas["بوتين"] == "بوتين"
    assert lemmas["محادثات"] == "محادثة"


def test_search_terms_drop_clitics_and_fold_spellings():
    tok = Tokenizer(NAMES)
    assert tok.search_terms("وإردوغان لبوتين") == ["اردوغان", "بوتين"]


def test_tokens_suffix_after_a_hamza_on_its_carrier():
    # the stem keeps its written form (لقائ, folded لقاي), split off the pronoun
    assert _parts(Tokenizer(NAMES), "للقائهما") == ["ل", "لقاي", "هما"]
