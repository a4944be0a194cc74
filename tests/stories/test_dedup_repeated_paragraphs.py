from __future__ import annotations

from marsad.stories.dedup import repeated_paragraphs

PARA = ("وأوضح الوزير أن المفاوضات حول خط الغاز الجديد تقدمت كثيرا خلال الأشهر الماضية، "
        "وأن التوقيع النهائي قد يتم قبل نهاية العام إذا حسمت مسألة الأسعار.")


def test_repeated_paragraph_gives_the_span_of_the_second_copy():
    text = "عقد الجانبان جولة محادثات جديدة في العاصمة.\n\n" + PARA + "\n\nوتناول اللقاء ملفات إقليمية.\n\n" + PARA
    spans = repeated_paragraphs(text)
    assert spans == [(text.rindex(PARA), len(text))]
    assert text[spans[0][0]:spans[0][1]] == PARA


def test_repeat_with_small_edits_and_other_spelling_is_found():
    edited = PARA.replace("أن المفاوضات", "ان المفاوضات").replace("كثيرا", "كثيراً")
    text = PARA + "\n" + "ثم انتقل الحديث إلى ملف السياحة والرحلات المباشرة بين البلدين.\n" + edited
    (s, e), = repeated_paragraphs(text)
    assert text[s:e] == edited


def test_no_repeat_no_span():
    text = PARA + "\n" + "وفي ملف آخر، ناقش الطرفان ترتيبات تبادل الطلاب والمنح الدراسية بين جامعات البلدين."
    assert repeated_paragraphs(text) == []
    # short repeated formulas (fewer than five words) are not passages
    assert repeated_paragraphs("قال المتحدث.\nقال المتحدث.") == []


def test_seed_001_repeat(shared_dir):
    path = next((shared_dir / "seeds").glob("001_*.txt"))
    text = path.read_text(encoding="utf-8")
    spans = repeated_paragraphs(text)
    assert len(spans) == 1
    s, e = spans[0]
    repeat = text[s:e]
    # the repeated passage comes back a second time, later in the same paragraph, with one word changed
    first = text.index("تتعارض مصالح البلدين")
    assert s > first and repeat.startswith("تتعارض مصالح البلدين")
    assert repeat.endswith("نفوذها.")
    assert text.count(repeat[-60:]) == 2
