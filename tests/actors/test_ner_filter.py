"""What the recognizer must not report on recent news: listed terms, lone lexicon words; outlets are orgs."""

from __future__ import annotations

from marsad.actors.kb import KBEntry, KnowledgeBase
from marsad.actors.ner import (
    NOT_NAMES,
    FeatureExtractor,
    Gazetteers,
    NameRecognizer,
    NameSpan,
    NotNames,
    drop_not_names,
    make_extractor,
    media_names,
    multiword_stems,
)
from marsad.text.tokens import Tokenizer
from marsad.types import Article

# a toy lexicon: these words are "known", everything else is not
KNOWN = {"حوض", "ريف", "قال", "في", "وباء", "مدينة", "سمير"}


def _known(word: str) -> bool:
    return word in KNOWN


def _extractor() -> FeatureExtractor:
    gaz = Gazetteers(per_first=frozenset({"سمير"}), whole=frozenset({"طنطا"}))
    return FeatureExtractor(gaz, Tokenizer(known=_known, lemmas=False), clusters={}, known=_known)


def _not_names(ext: FeatureExtractor, tmp_path, lines: str) -> NotNames:
    p = tmp_path / "not_names.tsv"
    p.write_text("# a comment\n" + lines, encoding="utf-8")
    return NotNames.load(ext, p)


def test_listed_terms_are_dropped_whatever_their_clitics(tmp_path):
    ext = _extractor()
    nn = _not_names(ext, tmp_path, "كورونا\tdisease\nتيك توك\tplatform\n")
    words = ["قال", "وكورونا", "في", "تيك", "توك", "زرزور"]
    wf = [ext.word(w) for w in words]
    tags = ["O", "B-PERS", "O", "B-ORG", "I-ORG", "B-PERS"]
    # و+كورونا folds to the listed stem; the two-word platform is a listed phrase; زرزور stays
    assert drop_not_names(tags, wf, nn, common=False) == ["O", "O", "O", "O", "O", "B-PERS"]


def test_a_lone_lexicon_word_is_dropped_unless_a_name(tmp_path):
    ext = _extractor()
    words = ["حوض", "في", "سمير", "في", "ريف", "طنطا", "في", "ريف"]
    wf = [ext.word(w) for w in words]
    tags = ["B-LOC", "O", "B-PERS", "O", "B-LOC", "I-LOC", "O", "B-LOC"]
    out = drop_not_names(tags, wf, None, common=True)
    # حوض alone goes; سمير is a first name; ريف inside a two-word name stays; ريف alone goes
    assert out == ["O", "O", "B-PERS", "O", "B-LOC", "I-LOC", "O", "O"]
    # ... unless the training data calls it a name, or it is a word of a longer name in the document
    assert drop_not_names(tags, wf, None, True, frozenset({"حوض"}))[0] == "B-LOC"
    names = multiword_stems([tags], [wf])
    assert names == {"ريف", "طنطا"}
    assert drop_not_names(tags, wf, None, True, names)[7] == "B-LOC"


def test_the_packaged_list_reads_and_holds_the_pandemic():
    ext = make_extractor(KnowledgeBase(), clusters={})
    nn = NotNames.load(ext, NOT_NAMES)
    assert ext.word("كورونا").stem in nn.stems and ext.word("فيسبوك").stem in nn.stems
    assert len(nn.stems) > 50 and nn.phrases


def test_outlets_of_the_knowledge_base_are_organizations():
    kb = KnowledgeBase()
    kb.entries["company.x"] = KBEntry("company.x", "company", "X News", "قناة المرصاد", variants=("صحيفة «الضياء»",),
                                      path="/data/media.yaml")
    kb.entries["company.y"] = KBEntry("company.y", "company", "Y", "شركة ياقوت", path="/data/companies.yaml")
    names = media_names(kb)
    assert {"قناه المرصاد", "المرصاد", "الضياء"} <= names
    assert not any("ياقوت" in n for n in names)  # not an outlet

    class _Stub(NameRecognizer):
        def __init__(self, spans):
            super().__init__(kb=kb, not_names=None)
            self._extractor = make_extractor(kb, clusters={})
            self._media = names
            self._spans = spans

        def tag(self, norm, sentences=None):
            return self._spans

    text = "ونقلت المرصاد عن مصدر أن الوفد وصل."
    i = text.index("المرصاد")
    art = _Stub([NameSpan(i, i + len("المرصاد"), "LOC", 0.9)])(Article("m1", text))
    assert [e.kind for e in art.entities.values()] == ["org"]


def test_a_lone_lexicon_word_needs_more_confidence_at_run_time():
    kb = KnowledgeBase()

    class _Stub(NameRecognizer):
        def __init__(self, spans):
            super().__init__(kb=kb, not_names=None, drop_common=False)
            self._extractor = FeatureExtractor(Gazetteers(), Tokenizer(known=_known, lemmas=False), {}, known=_known)
            self._spans = spans

        def tag(self, norm, sentences=None):
            return self._spans

    text = "زار الوفد حوض النهر ثم التقى زرزور."
    a, b = text.index("حوض"), text.index("زرزور")
    spans = [NameSpan(a, a + 3, "LOC", 0.7), NameSpan(b, b + 5, "PERS", 0.7)]
    art = _Stub(spans)(Article("c1", text))
    assert [e.name_ar for e in art.entities.values()] == ["زرزور"]
    art = _Stub([NameSpan(a, a + 3, "LOC", 0.95)])(Article("c2", text))
    assert [e.name_ar for e in art.entities.values()] == ["حوض"]
