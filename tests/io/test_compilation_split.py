"""Press compilations: seed 004 (26 articles), the examples/ compilation, and synthetic layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.io.compilation import CompilationSplitter
from marsad.io.readers import ReadOptions, iter_inputs, read_text

NO_LANG = ReadOptions(detect_language=False)
REPO = Path(__file__).resolve().parents[2]

# Read by eye from the seed file: outlet of each body item, in order, and the publication date
# the item states (29.09.2021 style, "30 سبتمبر 2021", "الأربعاء 29 أيلول 2021", "22 صفر 1443 هـ - 29 سبتمبر
# 2021", "سبتمبر 29, 2021" ...) or, when it states none, the compilation's date 30/9/2021.
# The second item (a second Russia Today piece) is not in the table of contents.
SEED_004 = [
    ("روسيا اليوم", "2021-09-29", 38),
    ("روسيا اليوم", "2021-09-30", 56),
    ("الحرة", "2021-09-30", 64),
    ("الحرة", "2021-09-30", 91),
    ("العربية", "2021-09-29", 113),
    ("سنبوتيك", "2021-09-30", 124),
    ("فرانس 24", "2021-09-30", 134),
    ("المصري اليوم", "2021-09-30", 149),
    ("سنبوتيك", "2021-09-30", 156),
    ("سكاي نيوز", "2021-09-30", 164),
    ("الميادين", "2021-09-30", 175),
    ("تي ار تي", "2021-09-30", 192),
    ("النشرة", "2021-09-29", 206),
    ("العربي", "2021-09-30", 212),
    ("الشرق الاوسط", "2021-09-29", 225),
    ("المدن", "2021-09-29", 236),
    ("سوريا تي في", "2021-09-30", 248),
    ("القدس العربي", "2021-09-30", 289),
    ("الجريدة", "2021-09-30", 306),
    ("الشرق", "2021-09-30", 332),
    ("باس نيوز", "2021-09-30", 339),
    ("اخبار", "2021-09-30", 355),
    ("جسر", "2021-09-29", 366),
    ("الدرر الشامية", "2021-09-29", 402),
    ("السوري اليوم", "2021-09-29", 414),
    ("اثر برس", "2021-09-30", 431),
]


@pytest.fixture(scope="module")
def seed_004(shared_dir):
    files = sorted((shared_dir / "seeds").glob("004_*.txt"))
    if not files:
        pytest.skip("seed 004 not found")
    return files[0]


def test_seed_004_gives_26_articles(seed_004):
    got = list(iter_inputs([seed_004], NO_LANG))
    assert not [x for x in got if isinstance(x, InputError)]
    assert len(got) == 26
    raw = seed_004.read_text(encoding="utf-8")
    line_starts = [0]
    for line in raw.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    parents = {a.parent for a in got}
    assert len(parents) == 1 and None not in parents
    for a, (outlet, date, line_no) in zip(got, SEED_004):
        assert a.outlet == outlet, (a.outlet, outlet)
        assert a.published == date, (a.outlet, a.published, date)
        # the item starts at the first character of its first line ...
        first_line = raw.split("\n")[line_no - 1]
        assert a.source_offset == line_starts[line_no - 1] + len(first_line) - len(first_line.lstrip())
        # ... and its text is exactly that slice of the file
        assert raw[a.source_offset:a.source_offset + len(a.text)] == a.text
        assert a.title and a.title in first_line
        assert a.source == str(seed_004)
    assert len({a.id for a in got}) == 26
    assert "not in the table of contents" in " ".join(got[1].notes)


def test_other_seeds_are_not_compilations(shared_dir):
    splitter = CompilationSplitter()
    for f in sorted((shared_dir / "seeds").glob("00[0-3]_*.txt")):
        assert splitter.split(f.read_text(encoding="utf-8")) is None, f.name


def test_examples_compilation():
    path = REPO / "examples" / "compilation.txt"
    if not path.exists():
        pytest.skip("examples/compilation.txt not written yet")
    got = list(iter_inputs([path], NO_LANG))
    assert len(got) == 4
    # read from the example file: the items' date lines and outlets
    assert [a.published for a in got] == ["2021-09-29", "2021-09-30", "2021-09-30", "2021-09-30"]
    assert got[0].outlet == "وكالة المثال للأنباء"
    assert got[3].outlet == "نشرة الأمثلة الاقتصادية"
    assert "not in the table of contents" in " ".join(got[3].notes)
    raw = path.read_text(encoding="utf-8")
    for a in got:
        assert raw[a.source_offset:a.source_offset + len(a.text)] == a.text


SYNTHETIC = """نشرة صحفية تجريبية
رصد الصحف 05/03/2020

عناوين الملف :
  ١. منبر الشمال :اتفاق على هدنة في الشمال
  ٢. منبر الجنوب :تحليل: ماذا بعد الهدنة؟
  ٣. منبر الوسط :موسكو ترحب بالاتفاق
 
منبر الشمال :اتفاق على هدنة في الشمال
نشر بتاريخ ٦ آذار ٢٠٢٠
توصل الطرفان إلى اتفاق هدنة يبدأ منتصف الليل.
=====
تحليل: ماذا بعد الهدنة؟
يرى محللون أن الهدنة هشة وأن اختبارها الحقيقي في الأيام المقبلة.
=====
منبر الوسط :موسكو ترحب بالاتفاق
2020-03-07
رحبت موسكو بالاتفاق ودعت إلى احترامه.
=====
"""


def test_synthetic_compilation_without_outlet_line_and_indic_digits():
    arts = read_text(SYNTHETIC, "mem.txt", NO_LANG)
    assert [a.outlet for a in arts] == ["منبر الشمال", "منبر الجنوب", "منبر الوسط"]
    assert [a.published for a in arts] == ["2020-03-06", "2020-03-05", "2020-03-07"]
    assert arts[1].title == "تحليل: ماذا بعد الهدنة؟"
    for a in arts:
        assert SYNTHETIC[a.source_offset:a.source_offset + len(a.text)] == a.text


def test_separators_without_contents_need_outlet_lines():
    plain = "فقرة أولى عادية.\n=====\nفقرة ثانية عادية.\n=====\nفقرة ثالثة.\n"
    assert CompilationSplitter().split(plain) is None
    outlets = "منبر أ :خبر أول\nنص.\n=====\nمنبر ب :خبر ثان\nنص.\n=====\nمنبر ج :خبر ثالث\nنص.\n"
    comp = CompilationSplitter().split(outlets)
    assert comp is not None and [i.outlet for i in comp.items] == ["منبر أ", "منبر ب", "منبر ج"]


def test_split_can_be_turned_off(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text(SYNTHETIC, encoding="utf-8")
    [a] = list(iter_inputs([p], ReadOptions(detect_language=False, split_compilations=False)))
    assert a.text == SYNTHETIC and a.parent is None
