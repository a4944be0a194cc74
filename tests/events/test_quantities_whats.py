"""What a figure measures (units.yaml ``whats`` and ``what_rules``), on sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.events.quantities import QuantityExtractor, UnitLexicon
from marsad.types import Article


@pytest.fixture(scope="module")
def qx():
    return QuantityExtractor()


def whats(qx, text, published="2022-06-15"):
    a = qx(Article(id="t", text=text, published=published))
    return [(q.value, q.unit, q.what) for q in a.quantities]


@pytest.mark.parametrize("text, expected", [
    # a rate near a trade cue is a change of the trade, never the trade volume
    ("وقال الوزير إن حجم التبادل بين البلدين ارتفع بنسبة 20% خلال الربع الأول.", "trade_growth"),
    ("وسجلت المبادلات التجارية بين الجانبين نموا قدره 35 في المئة.", "trade_growth"),
    ("وتراجع التبادل التجاري بين البلدين بنسبة 12 بالمئة بسبب الجائحة.", "trade_decline"),
    ("وأشار التقرير إلى انخفاض الصادرات الزراعية بنحو 8 في المائة.", "trade_decline"),
])
def test_trade_rates(qx, text, expected):
    got = whats(qx, text)
    assert got and got[0][1] == "percent" and got[0][2] == expected


def test_second_rate_of_the_sentence_keeps_its_topic(qx):
    """A rate that continues the previous one in the same sentence keeps the trade topic; its own
    cue gives the direction."""
    got = whats(qx, "هبط حجم التجارة 15% في السنة الأولى، ثم عاد ليقفز قفزة كبيرة وزاد بعدها 40%.")
    assert [w for _, _, w in got] == ["trade_decline", "trade_growth"]


@pytest.mark.parametrize("text, expected", [
    ("وأظهرت الأرقام الرسمية أن التضخم السنوي بلغ 19 في المئة.", "inflation"),
    ("ورفع المصرف المركزي سعر الفائدة إلى 14%.", "interest_rate"),
    ("وبلغ معدل البطالة بين الشباب 25 بالمئة.", "unemployment"),
    ("وفاز مرشح المعارضة بـ 48% من الأصوات في الجولة الثانية.", "vote_share"),
    ("وقالت اللجنة إن نسبة المشاركة بلغت 61 في المئة.", "turnout"),
    ("ونما الاقتصاد التركي بنسبة 5 في المئة العام الماضي.", "economic_growth"),
    ("وفقدت العملة المحلية 30% من قيمتها أمام الدولار.", "change"),
    ("ويعيش نحو 70 في المئة من السكان في المدن.", "share"),
    ("وأعلنت الوكالة أن النتيجة كانت 40% فقط.", "other"),
])
def test_percent_ids(qx, text, expected):
    got = whats(qx, text)
    assert got and got[0][1:] == ("percent", expected)


@pytest.mark.parametrize("text, expected", [
    ("وبلغ حجم التبادل التجاري بين موسكو وأنقرة 33 مليار دولار.", "trade_volume"),
    ("ويسعى الطرفان إلى رفع حجم التجارة الثنائية إلى 50 مليار دولار.", "trade_target"),
    ("وبلغت الصادرات الروسية إلى تركيا 20 مليار دولار.", "exports"),
    ("وقدرت واردات أنقرة من الحبوب بنحو 3 مليارات دولار.", "imports"),
    ("وسجل العجز التجاري لتركيا مع روسيا 17 مليار دولار.", "trade_balance"),
    ("وقدمت الحكومة مساعدات بقيمة 50 مليون يورو للاجئين.", "aid"),
    ("ووافق الصندوق على قرض بقيمة 2 مليار دولار.", "debt"),
    # a target cue without a trade cue is not a trade target
    ("وتستهدف الشركة أرباحا تبلغ 5 ملايين دولار.", "other"),
    # a brand is not trade
    ("وحققت علامتها التجارية أرباحا بلغت 4 ملايين دولار.", "other"),
])
def test_money_ids(qx, text, expected):
    got = whats(qx, text)
    assert got and got[0][2] == expected


def test_trade_target_needs_a_currency(qx):
    got = whats(qx, "ويهدف البلدان إلى رفع حجم التبادل التجاري بينهما بنسبة 25%.")
    assert got == [(25, "percent", "trade_growth")]


@pytest.mark.parametrize("text, expected", [
    ("وزار المنتجع نحو مليون سائح أوروبي.", "tourists"),            # the tourist word is the unit
    ("واستقبلت المدينة 300 ألف شخص خلال الموسم السياحي في إطار السياحة الداخلية.", "tourists"),
    ("وتجمع في الساحة نحو 300 ألف شخص.", "other"),                  # people without a tourist word
    ("ونقل الخط 15 مليار متر مكعب من الغاز الطبيعي.", "gas_volume"),
    ("ويخزن السد 74 مليار متر مكعب من المياه.", "other"),            # m3 of water is not gas
    ("وأدى الزلزال إلى مقتل 120 شخصا وتشريد 40 ألف شخص.", None),
])
def test_people_and_volume_ids(qx, text, expected):
    got = whats(qx, text)
    if expected is None:
        assert [w for _, _, w in got] == ["casualties", "displaced"]
    else:
        assert got and got[0][2] == expected


def test_every_id_accepts_its_unit(qx):
    text = ("ارتفع حجم التبادل 20% ووصل إلى 30 مليار دولار، ونقل الخط 5 مليارات متر مكعب من الغاز، "
            "وزار البلاد 4 ملايين سائح، وقتل 12 شخصا، واستمرت المحادثات ثلاث ساعات، وتبلغ قدرة المحطة 1200 ميغاواط.")
    a = qx(Article(id="t", text=text, published="2022-06-15"))
    assert len(a.quantities) == 7
    for q in a.quantities:
        assert qx.lex.whats[q.what].accepts(q.unit), (q.what, q.unit)


def test_whats_table_is_checked_when_loaded(tmp_path):
    import yaml
    from importlib import resources

    data = yaml.safe_load(resources.files("marsad.events").joinpath("data/units.yaml").read_text(encoding="utf-8"))
    bad = dict(data, what_rules=data["what_rules"] + [{"what": "gas_volume", "units": ["USD"], "when": ["غاز"]}])
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        UnitLexicon.load(path)
    bad = dict(data, what_rules=data["what_rules"] + [{"what": "no_such_id", "when": ["x"]}])
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        UnitLexicon.load(path)


def test_gold_parent_of_the_rate_ids():
    lex = UnitLexicon.load()
    assert lex.gold_what("trade_growth") == "trade_volume"
    assert lex.gold_what("share") == "other"
    assert lex.gold_what("casualties") == "casualties"
