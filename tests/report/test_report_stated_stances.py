"""The dossier rows say in how many sentences the texts state the two stand opposed, with evidence links."""

from __future__ import annotations

from marsad.report import build_report
from marsad.report.build import render
from marsad.types import ActorRef, Article, Event, Span, Stance


def _article(i: int, text: str, **kw) -> Article:
    return Article(id=f"a{i}", text=text, outlet=f"outlet {i}", published=f"2021-0{i}-10", **kw)


def test_stated_opposition_row_and_evidence():
    t1 = "اتفقت تركيا وروسيا على مد خط الغاز."
    ev = Event("AGREE", None, "verbal_coop", 2.5, ActorRef("TUR", "TUR"), ActorRef("RUS", "RUS"),
               Span(0, len(t1), t1), dossiers=["energy_oil_gas"])
    t2 = "التقى الوزيران التركي والروسي في أنقرة."
    ev2 = Event("CONSULT", None, "verbal_coop", 2.5, ActorRef("TUR", "TUR"), ActorRef("RUS", "RUS"),
                Span(0, len(t2), t2), dossiers=["energy_oil_gas"])
    t3 = "تقف أنقرة وموسكو على طرفي نقيض في الحرب الليبية."
    cue = t3.index("على طرفي نقيض")
    st = Stance("RUS", "TUR", "opposed", Span(0, len(t3), t3), Span(cue, cue + 13, t3[cue:cue + 13]), ("libya",))
    arts = [_article(1, t1, events=[ev]), _article(2, t2, events=[ev2]), _article(3, t3, stances=[st])]
    report = build_report(arts, dyad=("TUR", "RUS"), generated="2024-01-01", kb=False)
    rows = {r["dossier"]: r for r in report.content["summary"]["dossiers"]}
    assert rows["libya"]["label"] == "contested" and rows["libya"]["reason"] == "stated"
    assert rows["libya"]["stated"]["opposed"] == 1
    assert rows["energy_oil_gas"]["label"] == "cooperative"
    entries = report.content["evidence"]["stances"]
    assert [e["article"] for e in entries] == ["a3"] and entries[0]["cue"] == [cue, cue + 13]
    html = render(report, "html")
    anchor = rows["libya"]["stated"]["refs"][0]
    assert "stated opposed in 1 sentence" in html and f'href="#{anchor}"' in html and f'id="{anchor}"' in html
