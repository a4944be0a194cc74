"""Quotes on short texts written for these tests: cues, speakers, spans."""

from __future__ import annotations

import pytest

from marsad.events.quotes import QuoteCues, QuoteExtractor
from marsad.pipeline import default_pipeline
from marsad.resources import Resources
from marsad.types import Article


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline(Resources(), layers=("text", "actors"))


def run(pipe, text, published="2021-09-29"):
    a = pipe.process(Article(id="t", text=text, published=published))
    return a


def test_verb_first_speaker_and_content(pipe):
    a = run(pipe, "وقال الرئيس الروسي فلاديمير بوتين إن التعاون مع أنقرة في مجال الطاقة يتقدم بثبات.")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.speaker_entity == "person.putin_vladimir"
    assert q.cue.text == "وقال"
    assert q.text == a.text[q.start:q.end]
    assert q.text.startswith("التعاون") and q.text.endswith("بثبات")
    assert not q.direct


def test_direct_quote_excludes_marks(pipe):
    a = run(pipe, "وأضاف أردوغان: «سنواصل العمل مع موسكو حتى نصل إلى حل دائم».")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.direct
    assert q.text == "سنواصل العمل مع موسكو حتى نصل إلى حل دائم"
    assert q.speaker_entity == "person.erdogan_recep_tayyip"


def test_headline_form(pipe):
    a = run(pipe, "بوتين: المحادثات مع الجانب التركي كانت صريحة ومفيدة\nعقد الرئيسان لقاء مطولا.")
    assert any(q.speaker_entity == "person.putin_vladimir" and q.text.startswith("المحادثات") for q in a.quotes)


def test_participle_takes_the_clause_subject(pipe):
    a = run(pipe, "وأشاد أردوغان بالتعاون الدفاعي مع روسيا، مشيرا إلى أن بلاده لن تتراجع عن الصفقة.")
    assert [q.speaker_entity for q in a.quotes] == ["person.erdogan_recep_tayyip"]
    assert a.quotes[0].text.startswith("بلاده")


def test_unnamed_source(pipe):
    a = run(pipe, "وقال مسؤول تركي رفيع إن الاجتماع سيعقد في موعده المحدد.")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.speaker_entity is None
    assert q.speaker_name.startswith("مسؤول تركي")


def test_no_speaker_no_quote(pipe):
    a = run(pipe, "ويذكر أن الاجتماع السابق عقد في الربيع.")
    assert a.quotes == []


def test_quoted_name_is_not_speech(pipe):
    a = run(pipe, "وتابع الحديث عن منظومة \"إس-400\" في الاجتماع.")
    assert a.quotes == []


def test_bad_cue_file_raises(tmp_path):
    from marsad.errors import KnowledgeBaseError

    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs: 3\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        QuoteCues.load(bad)


def test_extractor_runs_without_mentions():
    a = Article(id="x", text="وقال إن الأمر انتهى.")
    assert QuoteExtractor()(a).quotes == []
