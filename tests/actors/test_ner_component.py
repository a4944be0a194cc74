"""The NameRecognizer component: document-level entities for names the knowledge base lacks."""

from __future__ import annotations

import pytest

from marsad.actors.kb import KnowledgeBase
from marsad.actors.ner import DEFAULT_MODEL, NameRecognizer, NameSpan, make_extractor
from marsad.text.normalize import Normalizer
from marsad.types import Article, Mention

# Our own text: an engineer (unknown to the KB) opens a branch of a company; later only his surname.
TEXT = ("أعلن المهندس سمير العتيبي أن شركة نورا للتقنية ستفتح فرعا في الدمام.\n"
        "وقال والعتيبي للصحفيين إن الفرع الجديد سيوظف مئة شخص، وأكد أردوغان دعمه.")


class _Stub(NameRecognizer):
    """A recognizer whose tagger returns fixed spans (the merging logic without a model)."""

    def __init__(self, spans):
        super().__init__(kb=KnowledgeBase())
        self._extractor = make_extractor(KnowledgeBase(), clusters={})
        self._spans = spans

    def tag(self, norm, sentences=None):
        return self._spans


def _span(text: str, form: str, typ: str, conf: float = 0.9, nth: int = 0) -> NameSpan:
    i = -1
    for _ in range(nth + 1):
        i = text.index(form, i + 1)
    return NameSpan(i, i + len(form), typ, conf)


def test_unknown_names_become_document_entities_with_coreference():
    spans = [_span(TEXT, "سمير العتيبي", "PERS", 0.93), _span(TEXT, "شركة نورا للتقنية", "ORG", 0.7),
             _span(TEXT, "الدمام", "LOC", 0.8), _span(TEXT, "والعتيبي", "PERS", 0.6)]
    art = _Stub(spans)(Article("a1", TEXT))
    assert set(art.entities) == {"doc:person:1", "doc:org:1", "doc:place:1"}
    person = art.entities["doc:person:1"]
    assert person.kind == "person" and person.kb is False and person.name_en is None
    assert person.name_ar == "سمير العتيبي"
    # the later surname alone joins the full name's entity, without its conjunction و
    assert [m.text for m in person.mentions] == ["سمير العتيبي", "العتيبي"]
    assert [m.confidence for m in person.mentions] == [0.93, 0.6]
    assert all(m.method == "ner" for m in art.mentions)
    assert art.entities["doc:org:1"].kind == "org" and art.entities["doc:place:1"].kind == "place"
    for m in art.mentions:
        assert TEXT[m.start:m.end] == m.text


def test_a_surname_tagged_with_another_type_joins_the_person():
    spans = [_span(TEXT, "سمير العتيبي", "PERS", 0.93), _span(TEXT, "والعتيبي", "ORG", 0.4)]
    art = _Stub(spans)(Article("a6", TEXT))
    assert list(art.entities) == ["doc:person:1"]
    assert [m.text for m in art.entities["doc:person:1"].mentions] == ["سمير العتيبي", "العتيبي"]


def test_words_of_a_sentence_range_keep_absolute_offsets():
    norm = Normalizer().normalize("كتب سامي: وصل الوفدُ إلى أنقرة اليوم")
    ner = NameRecognizer()
    start = norm.base.index("وصل")
    ws = ner.words(norm, start, len(norm.base))
    assert [w for _, _, w in ws] == ["وصل", "الوفد", "إلى", "أنقرة", "اليوم"]
    assert all(norm.base[a:b] == w for a, b, w in ws)


def test_a_knowledge_base_mention_is_not_duplicated():
    start = TEXT.index("أردوغان")
    kb_mention = Mention(start, start + len("أردوغان"), "أردوغان", "person.erdogan_recep_tayyip")
    art = Article("a2", TEXT, mentions=[kb_mention])
    art = _Stub([_span(TEXT, "أردوغان", "PERS"), _span(TEXT, "الدمام", "LOC")])(art)
    assert [m.entity for m in art.mentions] == ["doc:place:1", "person.erdogan_recep_tayyip"]
    assert not any(e.startswith("doc:person") for e in art.entities)


def test_misc_and_existing_ids_are_handled():
    art = Article("a3", TEXT)
    from marsad.types import Entity

    art.entities["doc:place:1"] = Entity("doc:place:1", "place", None, "x", kb=False)
    art = _Stub([_span(TEXT, "نورا", "MISC"), _span(TEXT, "الدمام", "LOC")])(art)
    assert "doc:place:2" in art.entities and art.entities["doc:place:2"].name_ar == "الدمام"
    assert not any(m.text == "نورا" for m in art.mentions)


needs_model = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="packaged NER model missing")


@needs_model
def test_the_packaged_model_tags_an_unknown_person_and_offsets_slice_the_original():
    # diacritics and tatweel in the name: offsets must still slice the original characters
    text = ("وقال الدكتور خالِد المنصوري في مؤتمر صحفي في الرياض إن الاتفاق سيوقع الشهر المقبل.\n"
            "وأضاف المنصوري أن المحادثات مع الرئيس أردوغان كانت مثمرة.")
    from marsad.actors.recognize import ActorRecognizer
    from marsad.pipeline import text_components
    from marsad.resources import Resources

    kb = KnowledgeBase.load()
    art = Article("a4", text, published="2020-05-01")
    for component in text_components(Resources()):  # sentences and tokens, as in the pipeline
        art = component(art)
    assert len(art.sentences) == 2
    art = ActorRecognizer(kb)(art)
    kb_spans = [(m.start, m.end) for m in art.mentions]
    assert kb_spans, "the KB recognizer should find أردوغان"
    ner = NameRecognizer(kb=kb)
    assert ner._tagger is None  # lazy: nothing loaded before the first article
    art = ner(art)
    persons = [e for e in art.entities.values() if e.id.startswith("doc:person:")]
    assert len(persons) == 1, [(e.id, e.name_ar) for e in art.entities.values()]
    p = persons[0]
    assert Normalizer().key(p.name_ar) == Normalizer().key("خالد المنصوري")
    # the surname alone in the next sentence is the same person (propagation + coreference)
    assert len(p.mentions) == 2 and p.mentions[1].text == "المنصوري"
    assert p.mentions[0].text == "خالِد المنصوري"  # the original characters, diacritic included
    for m in art.mentions:
        assert text[m.start:m.end] == m.text
        if m.method == "ner":
            assert 0.0 < m.confidence <= 1.0
            assert not any(s < m.end and m.start < e for s, e in kb_spans)
    # no second entity for the KB person
    assert sum(1 for e in art.entities.values() if e.name_ar and "أردوغان" in e.name_ar) == 1


def test_a_missing_model_is_a_typed_error_raised_on_first_use(tmp_path):
    from marsad.errors import ModelError

    ner = NameRecognizer(model_path=tmp_path / "absent.crfsuite", kb=KnowledgeBase())
    with pytest.raises(ModelError):
        ner(Article("a5", TEXT))


def test_a_word_with_a_pronoun_suffix_is_not_taken_as_a_name():
    text = "شكرا على زيارتك يا سمير العتيبي"
    art = _Stub([_span(text, "زيارتك", "PERS", 0.8), _span(text, "سمير العتيبي", "PERS", 0.9)])(Article("a7", text))
    assert [e.name_ar for e in art.entities.values()] == ["سمير العتيبي"]


def test_names_run_with_the_actor_layer(tmp_path):
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources

    res = Resources()
    assert default_pipeline(res).names[:3] == ["text", "actors", "names"]
    assert "names" not in default_pipeline(res, layers=("text",)).names
