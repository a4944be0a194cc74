"""iter_inputs over .txt, .html, .jsonl and standard input."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from marsad.errors import DecodeError, InputError
from marsad.io.readers import InputReader, ReadOptions, iter_inputs
from marsad.text.normalize import Normalizer

NO_LANG = ReadOptions(detect_language=False)

TXT = (
    "أنقرة وموسكو تبحثان ممر الحبوب\n"
    "\n"
    "كتب: سامر الحلبي\n"
    "الخميس 14 تموز 2022\n"
    "ناقش وفدان من تركيا وروسيا في إسطنبول آلية لتصدير الحبوب عبر البحر الأسود.\n"
    "وقال مسؤول تركي إن الاجتماع كان إيجابياً.\n"
)


def ok(items):
    return [x for x in items if not isinstance(x, InputError)]


def errors(items):
    return [x for x in items if isinstance(x, InputError)]


def test_txt_title_byline_date(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(TXT, encoding="utf-8")
    [a] = list(iter_inputs([p], NO_LANG))
    assert a.title == "أنقرة وموسكو تبحثان ممر الحبوب"
    assert a.text == TXT  # the title stays in the text, nothing is cut
    assert a.text.startswith(a.title)
    assert a.author == "سامر الحلبي"
    assert a.published == "2022-07-14"
    assert a.source == str(p)
    assert a.source_offset == 0


def test_txt_first_line_sentence_is_not_a_title(tmp_path):
    p = tmp_path / "lead.txt"
    p.write_text("بدأت المحادثات بين الوفدين صباح اليوم في العاصمة.\nوتستمر حتى المساء.\n", encoding="utf-8")
    [a] = list(iter_inputs([p], NO_LANG))
    assert a.title is None


def test_txt_segment_byline(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text("عنوان تقرير عن الطاقة\nليلى منصور - تقرير خاص - وكالة:\nنص التقرير يبدأ هنا ويتحدث عن الغاز.\n",
                 encoding="utf-8")
    [a] = list(iter_inputs([p], NO_LANG))
    assert a.author == "ليلى منصور"


def test_id_depends_on_content_not_file_name(tmp_path):
    (tmp_path / "one.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TXT, encoding="utf-8")
    a, b = list(iter_inputs([tmp_path / "one.txt", tmp_path / "two.txt"], NO_LANG))
    assert a.id == b.id
    expected = "a" + hashlib.sha1(Normalizer().key(TXT).encode("utf-8")).hexdigest()[:16]
    assert a.id == expected
    assert len(a.id) == 17


def test_stdin_is_read_as_text():
    reader = InputReader(NO_LANG, stdin=io.BytesIO(TXT.encode("utf-8")))
    [a] = list(reader.read(["-"]))
    assert a.source == "-"
    assert a.text == TXT


def test_empty_stdin_is_an_error():
    reader = InputReader(NO_LANG, stdin=io.BytesIO(b""))
    [e] = list(reader.read(["-"]))
    assert isinstance(e, InputError) and "empty" in str(e)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    [e] = list(iter_inputs([p], NO_LANG))
    assert isinstance(e, InputError)
    assert "empty file" in str(e) and e.path == str(p)


def test_blank_file_is_empty(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_text(" \n\n\t\n", encoding="utf-8")
    [e] = list(iter_inputs([p], NO_LANG))
    assert isinstance(e, InputError) and "empty" in str(e)


def test_binary_file_is_a_decode_error(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"GIF89a\x00\x01\x00\x01" + bytes(range(256)) * 4)
    [e] = list(iter_inputs([p], NO_LANG))
    assert isinstance(e, DecodeError)
    assert str(p) in str(e)


def test_missing_path_and_unsupported_type(tmp_path):
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    got = list(iter_inputs([tmp_path / "nope.txt", pdf], NO_LANG))
    assert len(got) == 2 and all(isinstance(e, InputError) for e in got)
    assert "no such file" in str(got[0])
    assert "unsupported" in str(got[1])


def test_jsonl_fields_and_malformed_line(tmp_path):
    rows = [
        json.dumps({"id": 17, "title": "عنوان أول", "text": "نص الخبر الأول عن أنقرة.", "date": "2020-03-05",
                    "outlet": "منبر أ", "url": "https://example.org/1", "author": "هدى", "category": "سياسة"},
                   ensure_ascii=False),
        '{"id": "x2", "text": "نص مكسور',  # malformed
        json.dumps({"title": "بلا معرف", "text": "نص الخبر الثالث.", "published": "5 آذار 2020"}, ensure_ascii=False),
        "",
        json.dumps({"id": "x4", "abstract": "ملخص فقط"}, ensure_ascii=False),
        json.dumps({"id": "x5", "title": "بلا نص"}, ensure_ascii=False),
        "[1, 2]",
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = list(iter_inputs([p], NO_LANG))
    arts, errs = ok(got), errors(got)
    assert [a.id for a in arts][0] == "17"
    first = arts[0]
    assert (first.title, first.published, first.outlet, first.url, first.author, first.category) == (
        "عنوان أول", "2020-03-05", "منبر أ", "https://example.org/1", "هدى", "سياسة")
    assert first.source_line == 1
    third = arts[1]
    assert third.source_line == 3
    assert third.published == "2020-03-05"
    assert third.id.startswith("a") and len(third.id) == 17
    abstract_only = arts[2]
    assert abstract_only.id == "x4" and abstract_only.text == "ملخص فقط"
    assert [e.line for e in errs] == [2, 6, 7]
    assert all(e.path == str(p) for e in errs)
    assert f"{p}:2" in str(errs[0])


def test_jsonl_all_blank_is_empty(tmp_path):
    p = tmp_path / "blank.jsonl"
    p.write_text("\n\n", encoding="utf-8")
    [e] = list(iter_inputs([p], NO_LANG))
    assert isinstance(e, InputError) and "empty" in str(e)


HTML = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>بوتين وأردوغان في سوتشي | منبر التجربة</title>
<meta property="og:site_name" content="منبر التجربة">
<meta name="author" content="نادر سليم">
<meta property="article:published_time" content="2021-09-29T12:00:00+03:00">
<link rel="canonical" href="https://example.org/news/sochi">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>بوتين وأردوغان في سوتشي</h1>
<p>اجتمع الرئيسان الروسي والتركي في منتجع سوتشي على البحر الأسود لبحث الوضع في شمال سوريا والتعاون في مجال الطاقة.</p>
<p>واستمر الاجتماع قرابة ثلاث ساعات دون مؤتمر صحفي، وقال الجانبان إن المحادثات كانت مفيدة وإن الاتصالات ستستمر.</p>
<p>وتناول اللقاء أيضاً صفقة منظومة الدفاع الجوي ومشروع محطة الطاقة النووية على الساحل الجنوبي لتركيا.</p>
</article>
<footer>جميع الحقوق محفوظة لمنبر التجربة</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [a] = list(iter_inputs([p], NO_LANG))
    assert "منتجع سوتشي" in a.text
    assert "جميع الحقوق" not in a.text
    assert "الرئيسية" not in a.text
    assert a.title == "بوتين وأردوغان في سوتشي"
    assert a.author == "نادر سليم"
    assert a.outlet == "منبر التجربة"
    assert a.published == "2021-09-29"
    assert a.url == "https://example.org/news/sochi"


def test_html_without_article_text_falls_back_to_title(tmp_path):
    p = tmp_path / "shell.htm"
    p.write_text("<html><head><title>صفحة فارغة للتجربة</title></head><body><script>var a=1;</script></body></html>",
                 encoding="utf-8")
    [a] = list(iter_inputs([p], NO_LANG))
    assert a.title == "صفحة فارغة للتجربة"
    assert a.text == "صفحة فارغة للتجربة"
    assert any("<title>" in n for n in a.notes)


def test_language_is_set_and_non_arabic_flagged(tmp_path):
    (tmp_path / "ar.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "en.txt").write_text("Turkish and Russian delegations met in Istanbul to discuss grain exports "
                                     "across the Black Sea on Thursday.\n", encoding="utf-8")
    ar, en = list(iter_inputs([tmp_path / "ar.txt", tmp_path / "en.txt"]))
    assert ar.lang == "ar" and "non_arabic" not in ar.flags
    assert en.lang == "en" and "non_arabic" in en.flags


@pytest.mark.parametrize("codec", ["utf-16", "cp1256", "utf-8-sig"])
def test_reader_decodes_encodings(tmp_path, codec):
    p = tmp_path / f"enc-{codec}.txt"
    p.write_bytes(TXT.encode(codec))
    [a] = list(iter_inputs([p], NO_LANG))
    assert a.text == TXT
