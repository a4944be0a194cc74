"""A small hand-written article with every layer filled, offsets found in the text itself."""

from __future__ import annotations

import pytest

from marsad.types import ActorRef, Article, Entity, Event, Mention, Quantity, Quote, Span

TEXT = (
    "موسكو - استقبل الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سوتشي يوم الأربعاء. "
    "وقال بوتين للصحفيين: «المحادثات كانت مفيدة». "
    "وأشار الطرفان إلى أن حجم التبادل التجاري بلغ 30 مليار دولار."
)


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def mention(text: str, words: str, entity: str, nth: int = 0, acts_for: str | None = None) -> Mention:
    s = span(text, words, nth)
    return Mention(s.start, s.end, s.text, entity, acts_for=acts_for)


def build_article(text: str = TEXT, article_id: str = "t1") -> Article:
    a = Article(id=article_id, text=text, title="قمة سوتشي", outlet="وكالة تجريبية", published="2021-09-29",
                lang="ar", source="test.txt")
    putin = [mention(text, "فلاديمير بوتين", "putin", acts_for="RUS"), mention(text, "بوتين", "putin", nth=1)]
    erdogan = [mention(text, "رجب طيب أردوغان", "erdogan", acts_for="TUR")]
    russia = [mention(text, "الروسي", "RUS"), mention(text, "موسكو", "RUS")]
    turkey = [mention(text, "التركي", "TUR")]
    sochi = [mention(text, "سوتشي", "sochi")]
    a.entities = {
        "RUS": Entity("RUS", "state", "Russia", "روسيا", "RUS", "RUS", True, russia),
        "TUR": Entity("TUR", "state", "Turkey", "تركيا", "TUR", "TUR", True, turkey),
        "putin": Entity("putin", "person", "Vladimir Putin", "فلاديمير بوتين", "RUS", None, True, putin),
        "erdogan": Entity("erdogan", "person", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "TUR", None, True, erdogan),
        "sochi": Entity("sochi", "place", "Sochi", "سوتشي", "RUS", None, True, sochi),
    }
    a.mentions = sorted(putin + erdogan + russia + turkey + sochi, key=lambda m: m.start)
    first = text.index("استقبل")
    evidence = Span(first, text.index(".") + 1, text[first:text.index(".") + 1])
    a.events = [Event(
        type="CONSULT", mode="visit", quad="verbal_coop", intensity=4.0,
        source=ActorRef("erdogan", "TUR"), target=ActorRef("putin", "RUS"), evidence=evidence,
        trigger=span(text, "استقبل"), date="2021-09-29", date_precision="day", modality="asserted",
        dossiers=["diplomacy_mediation"], confidence=0.9, mentions=[evidence],
    )]
    quoted = span(text, "المحادثات كانت مفيدة")
    a.quotes = [Quote("putin", "Vladimir Putin", span(text, "وقال"), quoted.text, quoted.start, quoted.end, True)]
    figure = span(text, "30 مليار دولار")
    a.quantities = [Quantity(30e9, "USD", "trade_volume", figure.start, figure.end, figure.text, None)]
    a.dossiers = ["diplomacy_mediation", "trade_economy"]
    return a


@pytest.fixture
def article() -> Article:
    return build_article()
