"""A small, invented Turkey–Russia record set for the report tests (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.model.records import ArticleRecord, EventRecord, ModelInput, QuantityRecord
from marsad.types import ActorRef, Span

# (id, outlet, published, story, type, mode, quad, intensity, source, target, date, modality, dossiers,
#  sentence, trigger word)
_EVENTS = [
    ("a01", "وكالة الشرق", "2020-01-14", "s1", "CONSULT", "visit", "verbal_coop", 4, "TUR", "RUS", "2020-01-13",
     "asserted", ("syria",), "زار الرئيس التركي موسكو وبحث مع نظيره الروسي ملف إدلب", "زار"),
    ("a02", "صحيفة النهار", "2020-01-14", "s1", "CONSULT", "visit", "verbal_coop", 4, "RUS", "TUR", "2020-01-13",
     "asserted", ("syria",), "استقبل الكرملين الرئيس التركي في زيارة قصيرة تناولت الوضع السوري", "استقبل"),
    ("a03", "وكالة الشرق", "2020-02-20", None, "ACCUSE", None, "verbal_conflict", -3, "TUR", "RUS", "2020-02-19",
     "asserted", ("syria",), "اتهمت أنقرة موسكو بالتغاضي عن قصف مواقع تركية قرب إدلب", "اتهمت"),
    ("a04", "قناة المدار", "2020-03-02", None, "THREATEN", None, "verbal_conflict", -3.5, "RUS", "TUR", "2020-03-01",
     "asserted", ("syria",), "لوّحت موسكو بالرد إذا واصل الجيش التركي تقدمه في ريف إدلب", "لوّحت"),
    ("a05", "صحيفة النهار", "2020-03-06", "s2", "AGREE", None, "verbal_coop", 2.5, "TUR", "RUS", "2020-03-05",
     "asserted", ("syria",), "اتفق الجانبان على وقف لإطلاق النار في إدلب بدءًا من منتصف الليل", "اتفق"),
    ("a06", "وكالة الشرق", "2020-03-06", "s2", "AGREE", None, "verbal_coop", 2.5, "RUS", "TUR", "2020-03-05",
     "asserted", ("syria",), "أعلن الرئيسان اتفاقًا لوقف القتال في الشمال السوري", "اتفاقًا"),
    ("a07", "قناة المدار", "2020-03-06", "s2", "AGREE", None, "verbal_coop", 2.5, "TUR", "RUS", "2020-03-05",
     "asserted", ("syria",), "توصلت أنقرة وموسكو إلى تفاهم جديد بشأن إدلب", "تفاهم"),
    ("a08", "وكالة الشرق", "2020-05-11", None, "CONSULT", "phone", "verbal_coop", 1.5, "RUS", "TUR", "2020-05-10",
     "asserted", ("energy_oil_gas",), "تلقى الرئيس التركي اتصالًا هاتفيًا من بوتين تناول إمدادات الغاز", "اتصالًا"),
    ("a09", "صحيفة النهار", "2020-07-02", None, "COOPERATE", None, "material_coop", 6, "RUS", "TUR", "2020-07-01",
     "asserted", ("energy_oil_gas",), "بدأ ضخ الغاز الروسي عبر الخط البحري إلى الأراضي التركية", "ضخ"),
    ("a10", "وكالة الشرق", "2020-09-15", None, "COOPERATE", None, "material_coop", 6, "TUR", "RUS", "2020-09-14",
     "asserted", ("trade_economy",), "وقّعت شركات تركية وروسية عقودًا لتوسيع التبادل التجاري", "وقّعت"),
    ("a11", "قناة المدار", "2020-10-08", None, "CONSULT", "multilateral", "verbal_coop", 4, "TUR", "RUS",
     "2020-10-07", "asserted", ("south_caucasus",), "التقى وزيرا الخارجية على هامش اجتماع إقليمي بشأن القوقاز",
     "التقى"),
    ("a12", "صحيفة النهار", "2020-10-20", None, "REJECT", None, "verbal_conflict", -2, "RUS", "TUR", "2020-10-19",
     "asserted", ("south_caucasus",), "رفضت موسكو أي دور عسكري تركي في النزاع حول الإقليم", "رفضت"),
    ("a13", "وكالة الشرق", "2021-01-12", None, "COOPERATE", None, "material_coop", 6, "RUS", "TUR", "2021-01-11",
     "asserted", ("tourism",), "استأنفت الرحلات السياحية الروسية إلى المنتجعات التركية", "استأنفت"),
    ("a14", "قناة المدار", "2021-04-15", None, "SANCTION", None, "material_conflict", -5, "RUS", "TUR",
     "2021-04-14", "asserted", ("tourism",), "علّقت روسيا الرحلات الجوية إلى تركيا لأسابيع", "علّقت"),
    ("a15", "صحيفة النهار", "2021-04-22", None, "CONSULT", "phone", "verbal_coop", 1.5, "TUR", "RUS", "2021-04-21",
     "asserted", ("ukraine_crimea",), "بحث الرئيسان هاتفيًا التوتر على الحدود الأوكرانية", "بحث"),
    ("a16", "وكالة الشرق", "2021-05-03", None, "SUPPORT", None, "verbal_coop", 5, "TUR", "UKR", "2021-05-02",
     "asserted", ("ukraine_crimea",), "أكدت أنقرة دعمها لوحدة الأراضي الأوكرانية", "دعمها"),
    ("a17", "قناة المدار", "2021-05-09", None, "ACCUSE", None, "verbal_conflict", -3, "RUS", "UKR", "2021-05-08",
     "asserted", ("ukraine_crimea",), "اتهمت موسكو كييف بتصعيد القتال في الشرق", "اتهمت"),
    ("a18", "صحيفة النهار", "2021-06-01", None, "AGREE", None, "verbal_coop", 2.5, "TUR", "RUS", "2021-06-30",
     "future", ("nuclear_energy",), "سيتفق الطرفان على جدول تشغيل المحطة النووية الشهر المقبل", "سيتفق"),
    ("a19", "وكالة الشرق", "2021-06-10", None, "COOPERATE", None, "material_coop", 6, "USA", "TUR", "2021-06-09",
     "asserted", ("nato_alliances",), "أجرت القوات الأمريكية والتركية مناورة مشتركة", "مناورة"),
]

_FIGURES = [  # (article, value, unit, what, date, sentence)
    ("a10", 20_800_000_000, "USD", "trade_volume", "2019", "بلغ حجم التبادل التجاري نحو عشرين مليار دولار"),
    ("a09", 26_000_000_000, "USD", "trade_volume", "2019", "قدّر مسؤول حجم التجارة بستة وعشرين مليار دولار"),
    ("a13", 21_000_000_000, "USD", "trade_volume", "2020", "سجل التبادل التجاري واحدًا وعشرين مليار دولار"),
    ("a13", 2_100_000, "people", "tourists", "2020", "زار تركيا مليونان ومئة ألف سائح روسي"),
    ("a14", 7_000_000, "people", "tourists", "2019", "استقبلت تركيا سبعة ملايين سائح روسي"),
]


def _span(text: str, word: str, offset: int = 0) -> Span:
    i = text.index(word)
    return Span(offset + i, offset + i + len(word), word)


def make_input() -> ModelInput:
    data = ModelInput()
    texts: dict[str, str] = {}
    for (aid, outlet, pub, story, typ, mode, quad, inten, s, t, date, modality, dossiers, sent, trig) in _EVENTS:
        offset = 10  # the sentence starts 10 characters into the article
        text = "مقدمة خبر " + sent + "."
        texts[aid] = text
        data.articles.append(ArticleRecord(aid, outlet, pub, f"عنوان {aid}", text, story))
        data.events.append(EventRecord(
            id=f"{aid}#e0", article=aid, type=typ, quad=quad, intensity=float(inten),
            source=ActorRef(f"state.{s.lower()}", s), target=ActorRef(f"state.{t.lower()}", t),
            evidence=Span(offset, offset + len(sent), sent), mode=mode, trigger=_span(sent, trig, offset),
            date=date, date_precision="day" if len(date) == 10 else "month", modality=modality,
            dossiers=tuple(dossiers), outlet=outlet, published=pub, title=f"عنوان {aid}", story=story))
    pubs = {a.id: a for a in data.articles}
    for aid, value, unit, what, date, sent in _FIGURES:
        a = pubs[aid]
        data.quantities.append(QuantityRecord(float(value), unit, what, Span(0, len(sent), sent), aid, date,
                                              a.outlet, a.published, a.title, a.story))
    return data


@pytest.fixture()
def rich_input() -> ModelInput:
    return make_input()


@pytest.fixture(scope="session")
def rich_report():
    from marsad.report import build_report

    return build_report(make_input(), generated="2024-01-01")


@pytest.fixture(scope="session")
def empty_report():
    from marsad.report import build_report

    return build_report(ModelInput(), generated="2024-01-01")


def make_articles() -> list:
    """The same records as :func:`make_input`, as articles with layers (and a URL on two of them)."""
    from marsad.types import Article, Event, Quantity

    data = make_input()
    by_article: dict[str, Article] = {}
    for a in data.articles:
        url = f"https://news.example.org/{a.id}" if a.id in ("a01", "a05") else None
        by_article[a.id] = Article(a.id, a.text, title=a.title, outlet=a.outlet, published=a.published, url=url,
                                   parent=a.story)
    for r in data.events:
        by_article[r.article].events.append(Event(
            r.type, r.mode, r.quad, r.intensity, r.source, r.target, r.evidence, r.trigger, r.date,
            r.date_precision, r.modality, list(r.dossiers), r.confidence, r.id))
    for q in data.quantities:
        by_article[q.article].quantities.append(Quantity(q.value, q.unit, q.what, q.span.start, q.span.end,
                                                         q.span.text, q.date))
    return list(by_article.values())


@pytest.fixture(scope="session")
def rich_articles_report():
    from marsad.report import build_report

    return build_report(make_articles(), generated="2024-01-01")


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "text")

    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text: list[str] = []

    def iter(self):
        yield self
        for c in self.children:
            yield from c.iter()

    def all_text(self) -> str:
        return "".join(self.text) + "".join(c.all_text() for c in self.children)

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"}
_SVG_SELF = {"line", "rect", "circle", "polygon", "polyline", "path", "stop"}


def parse_html(text: str) -> Node:
    """A small DOM of the page (html.parser; void elements and self-closed SVG elements handled)."""
    from html.parser import HTMLParser

    root = Node("#root", {}, None)

    class P(HTMLParser):
        cur = root

        def handle_starttag(self, tag, attrs):
            n = Node(tag, dict(attrs), self.cur)
            self.cur.children.append(n)
            if tag not in _VOID:
                self.cur = n

        def handle_startendtag(self, tag, attrs):
            self.cur.children.append(Node(tag, dict(attrs), self.cur))

        def handle_endtag(self, tag):
            n = self.cur
            while n is not root and n.tag != tag:
                n = n.parent
            if n is not root:
                self.cur = n.parent

        def handle_data(self, data):
            self.cur.text.append(data)

    p = P(convert_charrefs=True)
    p.feed(text)
    p.close()
    return root


@pytest.fixture(scope="session")
def html_tree():
    return parse_html
