"""The NER feature extractor on short sentences written for the test."""

from __future__ import annotations

from marsad.actors.kb import KBEntry, KnowledgeBase
from marsad.actors.ner import FeatureExtractor, Gazetteers
from marsad.text.tokens import Tokenizer

KNOWN = {"قال", "مدينة", "شركة", "سيد"}


def _known(word: str) -> bool:
    return word in KNOWN


def _extractor(**kw) -> FeatureExtractor:
    gaz = Gazetteers(per_first=frozenset({"كريم"}), loc=frozenset({"طنطا"}))
    tok = Tokenizer(known=_known, lemmas=False)
    return FeatureExtractor(gaz, tok, clusters={"كريم": ("3", "17", "250")}, known=_known, **kw)


def test_word_features_of_a_clitic_word():
    ext = _extractor()
    f = ext.word("وقال")
    assert f.stem == "قال"
    assert "pro=و" in f.own
    assert "s=قال" in f.own and "w=وقال" in f.own  # the folded form only when it differs from the stem
    assert "g=TP" in f.own  # قال is a trigger before a person's name
    assert "unk" not in f.own  # a lexicon word


def test_sentence_features_window_gazetteers_and_shapes():
    ext = _extractor()
    words = ["وقال", "السيد", "كريم", "الحداد", "في", "مدينة", "طنطا", "2019", "Cairo"]
    feats = ext.sentence(words)
    assert len(feats) == len(words)
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    karim = feats[2]
    # its own features: folded key, stem affixes, gazetteer, cluster prefixes, unknown to the lexicon
    for f in ("s=كريم", "p2=كر", "p3=كري", "x2=يم", "x3=ريم", "g=PF", "c0=3", "c1=17", "c2=250", "unk"):
        assert f in karim, f
    # w= would equal s=; no one-letter affixes; Arabic is the default shape (only others are features)
    assert not any(f.startswith(("w=", "p1=", "x1=", "sh=")) for f in karim)
    # the window: السيد before it is a title and a trigger, وقال two words before is a trigger
    assert "-1w=السيد" in karim and "-1g=TI" in karim and "-1g=TP" in karim and "-1s=سيد" in karim
    assert "-2g=TP" in karim and "-2s=قال" in karim
    # الحداد is seen through its stem (the article is a clitic)
    assert "+1s=حداد" in karim and "+2s=في" in karim
    assert "+1unk" in karim and "-1unk" not in karim  # حداد is not a lexicon word, سيد is
    assert not any(f.endswith("sh=A") for f in karim)  # Arabic words: no shape feature
    assert "s-1|s=سيد|كريم" in karim and "s|s+1=كريم|حداد" in karim
    # its two coarser clusters reach the next words (distance 1 only)
    assert {"+1c0=3", "+1c1=17"} <= set(feats[1]) and {"-1c0=3", "-1c1=17"} <= set(feats[3])
    assert "+1c2=250" not in feats[1]
    assert not any("c" in f.split("=")[0] and f.startswith("+2") for f in feats[0])
    # مدينة folds to مدينه (ta marbuta) and is a place trigger for the next word
    assert "-1g=TL" in feats[6] and "g=LC" in feats[6]
    assert "sh=D" in feats[7] and "sh=L" in feats[8] and "s=cairo" in feats[8]


def test_keep_drops_features_the_model_does_not_know():
    ext = _extractor(keep=frozenset({"s=كريم", "-1w=السيد"}))
    feats = ext.sentence(["السيد", "كريم"])
    assert feats[1] == ["s=كريم", "-1w=السيد"]


def test_gazetteers_from_a_knowledge_base():
    kb = KnowledgeBase()
    kb.entries["p"] = KBEntry("p", "person", "Karim Haddad", "كريم الحدّاد", variants=("الرئيس كريم حداد",),
                              surnames=("حداد",))
    kb.entries["s"] = KBEntry("s", "state", "Egypt", "مصر", adjectives=("المصري", "المصرية"), capital="القاهرة")
    kb.entries["o"] = KBEntry("o", "org", "Arab League", "جامعة الدول العربية")
    g = Gazetteers.from_kb(kb)
    assert {"كريم"} <= g.per_first and {"الحداد", "حداد"} <= g.per_last
    assert "الرييس" not in g.per_first  # a title word is not a first name
    assert "حداد" in g.surname
    assert {"مصر", "القاهره"} <= g.loc and {"المصري", "المصريه"} <= g.loc_adj
    assert {"جامعه", "الدول", "العربيه"} <= g.org
    assert g.flags("كريم") == ("PF",)


def test_common_words_unknown_words_and_names():
    ext = _extractor()
    assert ext.word("مدينة").common  # a lexicon word no KB name uses
    assert not ext.word("كريم").common  # a KB first name
    assert not ext.word("طنطا").common and not ext.word("2019").common
