"""Wider cues, titled speakers the knowledge base lacks, back-references (own sentences)."""

from __future__ import annotations

import pytest

from marsad.events.quotes import QuoteExtractor
from marsad.pipeline import Pipeline, text_components
from marsad.resources import Resources
from marsad.types import Article, Entity, Mention


@pytest.fixture(scope="module")
def pipe():
    res = Resources()
    comps = list(text_components(res)) + [c for c in res.extra_components(("actors",))
                                          if c.name in ("actors", "quotes")]
    return Pipeline(comps)


def run(pipe, text):
    return pipe.process(Article(id="t", text=text, published="2021-09-29"))


@pytest.mark.parametrize("text, starts", [
    ("ووصف أردوغان المحادثات بأنها \"صريحة ومثمرة\".", "صريحة"),
    ("وتوقع بوتين أن يرتفع حجم التبادل التجاري مع تركيا خلال العام المقبل.", "يرتفع"),
    ("وذهب لافروف في حديثه للصحفيين إلى أن الحل في سوريا سياسي فقط.", "الحل"),
    ("وبيّن أردوغان أن بلاده تدرس بناء محطة نووية ثانية.", "بلاده"),
    ("وأعرب بوتين عن ارتياحه لمستوى التعاون مع أنقرة.", "ارتياحه"),
])
def test_wider_cues(pipe, text, starts):
    a = run(pipe, text)
    assert len(a.quotes) == 1, a.quotes
    assert a.quotes[0].speaker_entity is not None and a.quotes[0].text.startswith(starts)


def test_described_object_is_not_the_speaker(pipe):
    a = run(pipe, "وكان الرئيس الروسي دائما ما يصف حلف الناتو بأنه \"تهديد مباشر\".")
    assert all(q.speaker_entity != "org.nato" for q in a.quotes)


def test_between_is_no_cue(pipe):
    a = run(pipe, "وجرى اتصال بين أردوغان وبين بوتين أمس تناول ملفات عديدة.")
    assert a.quotes == []


def test_not_a_complementizer_of_speech(pipe):
    a = run(pipe, "ونقلت وكالة رويترز صورا للموقع قبل أن تحذفها لاحقا من حسابها.")
    assert a.quotes == []


@pytest.mark.parametrize("text, name", [
    ("وقال المحلل السياسي، مازن العتيبي، إن الزيارة تحمل رسائل اقتصادية.", "مازن العتيبي"),
    ("وقال د. نادر الحلبي إن أنقرة تريد ضمانات مكتوبة.", "نادر الحلبي"),
    ("وأوضح الخبير في المعهد الروسي للدراسات الاستراتيجية أنطون بيلوف أن موسكو لن تتنازل.", "أنطون بيلوف"),
    ("وقال العقيد سامر حداد، المتحدث باسم الفصيل، إن المعارك توقفت.", "سامر حداد"),
])
def test_titled_speaker_name(pipe, text, name):
    a = run(pipe, text)
    assert len(a.quotes) == 1
    assert a.quotes[0].speaker_entity is None and a.quotes[0].speaker_name == name


def test_title_without_name_keeps_the_title_words(pipe):
    a = run(pipe, "وقال الباحث في مركز الدراسات الإقليمية إن التصعيد محدود.")
    assert len(a.quotes) == 1 and a.quotes[0].speaker_name.startswith("الباحث في مركز")


def test_surname_and_title_refer_back(pipe):
    a = run(pipe, "وقالت الباحثة الروسية إيلينا سوكولوفا إن القمة كانت صعبة. وأضافت سوكولوفا أن الخلافات باقية. "
                  "وتؤكد الباحثة أن الطرفين يحتاجان بعضهما.")
    assert [q.speaker_name for q in a.quotes] == ["إيلينا سوكولوفا"] * 3


def test_abbreviated_title_does_not_end_the_sentence(pipe):
    a = run(pipe, "وفي هذا السياق قال د. كريم منصور إن موسكو تراقب الموقف التركي عن كثب.")
    assert len(a.quotes) == 1
    assert a.quotes[0].speaker_name == "كريم منصور" and a.quotes[0].text.startswith("موسكو")


def test_definite_unnamed_sources(pipe):
    a = run(pipe, "وأكدت المصادر أن الاجتماع تأجل إلى موعد لاحق.")
    assert len(a.quotes) == 1 and a.quotes[0].speaker_entity is None and a.quotes[0].speaker_name == "المصادر"


def test_preposition_after_alef_maqsura_folding_governs(pipe):
    # the mention after إلى is the addressee, not the speaker of وقال
    a = run(pipe, "وجه لافروف رسالة إلى حلف شمال الأطلسي، وقال \"إن التوسع شرقا لن يمر دون رد\".")
    assert [q.speaker_entity for q in a.quotes] == ["person.lavrov_sergey"]


def test_multi_sentence_quotation_is_one_quote(pipe):
    a = run(pipe, "وقال بوتين: «نحن نثق بشركائنا الأتراك. العمل المشترك مستمر. لن نتراجع عن الاتفاقات».")
    assert len(a.quotes) == 1
    assert a.quotes[0].text.startswith("نحن نثق") and a.quotes[0].text.endswith("الاتفاقات")


def test_document_person_from_the_name_recognizer_speaks():
    # a doc-level person entity (as the trained name recognizer adds) is a speaker like a KB person
    text = "وقال سيرجيو مانتوفاني إن المفاوضات ستستأنف قريبا."
    s = text.index("سيرجيو")
    e = s + len("سيرجيو مانتوفاني")
    m = Mention(s, e, text[s:e], "doc:person:1", "ner")
    a = Article(id="d", text=text, mentions=[m],
                entities={"doc:person:1": Entity("doc:person:1", "person", None, text[s:e], kb=False, mentions=[m])})
    QuoteExtractor()(a)
    assert [(q.speaker_entity, q.speaker_name) for q in a.quotes] == [("doc:person:1", "سيرجيو مانتوفاني")]
