"""The SVG charts: well-formed, one mark per data point, every mark linked to its evidence, accessible text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from marsad.report import charts

NS = {"s": "http://www.w3.org/2000/svg"}
S = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on malformed XML
    assert root.tag == S + "svg"
    return root


def marks(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if "mark" in (e.get("class") or "").split()]


def linked_marks(root: ET.Element) -> list[tuple[str, ET.Element]]:
    out = []
    for a in root.iter(S + "a"):
        for e in a.iter():
            if "mark" in (e.get("class") or "").split():
                out.append((a.get("href"), e))
    return out


def check_accessible(root: ET.Element, chart_id: str) -> None:
    title = root.find("s:title", NS)
    desc = root.find("s:desc", NS)
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
    # every mark carries its own tooltip title
    for m in marks(root):
        t = m.find("s:title", NS)
        assert t is not None and t.text, ET.tostring(m)


def arabic_labels(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("lang") == "ar"]


# -- balance -------------------------------------------------------------------------------------
def test_balance_chart_one_mark_per_period_with_links():
    pts = [charts.BalancePoint("2020-01", 0.5, 0.1, 0.8, 4, "#ev-set-a"),
           charts.BalancePoint("2020-02", -0.25, -0.7, 0.3, 2, "#ev-set-b"),
           charts.BalancePoint("2020-04", 1.0, 0.2, 1.0, 1, "#ev-x")]
    root = parse(charts.balance_chart("b1", "Balance", ["2020-01", "2020-02", "2020-03", "2020-04"], pts))
    check_accessible(root, "b1")
    assert len(marks(root)) == 3
    hrefs = sorted(h for h, _ in linked_marks(root))
    assert hrefs == ["#ev-set-a", "#ev-set-b", "#ev-x"]
    # the band: a polygon over the run Jan-Feb and a bar for April alone
    bands = [e for e in root.iter() if e.get("class") == "band"]
    assert len(bands) == 2
    # values placed top (cooperation) to bottom (conflict): y of +0.5 above y of -0.25
    ys = {float(m.get("data-value")): float(m.get("cy")) for m in marks(root)}
    assert ys[0.5] < ys[-0.25] and ys[1.0] < ys[0.5]
    assert any("Balance" in "".join(e.itertext()) for e in root.iter(S + "text"))
    assert arabic_labels(root), "axis labels carry their Arabic names"


def test_balance_chart_skips_points_without_balance_and_says_when_empty():
    pts = [charts.BalancePoint("2020-01", None, -1, 1, 1, "#ev-a")]
    root = parse(charts.balance_chart("b2", "Balance", ["2020-01"], pts))
    assert marks(root) == []
    assert "No weighted events" in "".join(root.itertext())


# -- heat map ------------------------------------------------------------------------------------
def test_heatmap_cells_count_and_text():
    rows = [charts.HeatRow("*", "all dossiers", "كل الملفات"), charts.HeatRow("syria", "Syria", "سوريا")]
    cells = {("*", "2020-01"): charts.HeatCell(0.6, 5, "#ev-set-1"),
             ("*", "2020-02"): charts.HeatCell(-0.9, 2, "#ev-set-2"),
             ("syria", "2020-02"): charts.HeatCell(-0.9, 2, "#ev-set-2")}
    root = parse(charts.heatmap("h1", "Heat", rows, ["2020-01", "2020-02"], cells))
    check_accessible(root, "h1")
    ms = marks(root)
    assert len(ms) == 3
    assert len([e for e in root.iter(S + "rect") if e.get("class") == "empty"]) == 1
    counts = sorted(int(t.text) for t in root.iter(S + "text") if t.get("class") == "count")
    assert counts == [2, 2, 5]
    assert all(h.startswith("#ev-") for h, _ in linked_marks(root))
    fills = {m.get("data-n") + m.get("data-value"): m.get("fill") for m in ms}
    coop, conf = fills["50.6000"], fills["2-0.9000"]
    assert int(coop[5:7], 16) > int(coop[1:3], 16), "cooperation is blue"
    assert int(conf[1:3], 16) > int(conf[5:7], 16), "conflict is red"


def test_heatmap_without_data_is_an_empty_state():
    root = parse(charts.heatmap("h2", "Heat", [], [], {}))
    assert marks(root) == [] and "No events" in "".join(root.itertext())


# -- scale ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("v", [-1.0, -0.3, 0.0, 0.4, 1.0])
def test_diverging_scale_is_symmetric_and_grey_for_none(v):
    c = charts.diverging(v)
    m = charts.diverging(-v)
    r, b = int(c[1:3], 16), int(c[5:7], 16)
    if v > 0:
        assert b > r
    elif v < 0:
        assert r > b
    assert c != charts.NO_DATA and m != charts.NO_DATA
    assert charts.diverging(None) == charts.NO_DATA


def test_text_colour_contrasts():
    assert charts.text_color(charts.diverging(1.0)) == "#ffffff"
    assert charts.text_color(charts.diverging(0.0)) == charts.INK


def test_nice_ticks_cover_the_range():
    t = charts.nice_ticks(0, 26_000_000_000)
    assert t[0] == 0 and t[-1] >= 26_000_000_000
    steps = {round(b - a) for a, b in zip(t, t[1:])}
    assert len(steps) == 1 and steps.pop() in (5_000_000_000, 10_000_000_000)


# -- contact timeline ----------------------------------------------------------------------------
def test_contact_timeline_marks_by_mode_and_dates():
    pts = [charts.ContactPoint("2020-01-13", "visit", "visit", "#ev-1"),
           charts.ContactPoint("2020-05-10", "phone", "phone", "#ev-2"),
           charts.ContactPoint("2020-05-10", "phone", "second call", "#ev-3"),
           charts.ContactPoint("2020-10-07", "multilateral", "summit", "#ev-4")]
    root = parse(charts.contact_timeline("t1", "Contacts", pts))
    check_accessible(root, "t1")
    ms = marks(root)
    assert len(ms) == 4
    assert {m.tag for m in ms} == {S + "circle", S + "rect", S + "polygon"}  # shapes differ by mode
    assert sorted(h for h, _ in linked_marks(root)) == ["#ev-1", "#ev-2", "#ev-3", "#ev-4"]
    labels = [t.text for t in root.iter(S + "text") if t.get("class") == "date"]
    assert "2020-01-13" in labels and "2020-10-07" in labels
    # two calls on one day are drawn side by side, not on top of each other
    calls = [m for m in ms if m.get("data-date") == "2020-05-10"]
    assert len({m.get("x") for m in calls}) == 2


def test_contact_timeline_time_order():
    pts = [charts.ContactPoint("2021-03-01", "visit", "later", "#ev-b"),
           charts.ContactPoint("2020-03-01", "visit", "earlier", "#ev-a")]
    root = parse(charts.contact_timeline("t2", "Contacts", pts))
    xs = {m.get("data-date"): float(m.get("cx")) for m in marks(root)}
    assert xs["2020-03-01"] < xs["2021-03-01"]


# -- network -------------------------------------------------------------------------------------
def test_network_nodes_and_edges_are_linked_marks():
    nodes = [charts.NetNode("TUR", "Turkey", "تركيا", 10, "a", "#ev-n1"),
             charts.NetNode("RUS", "Russia", "روسيا", 8, "b", "#ev-n2"),
             charts.NetNode("UKR", "Ukraine", "أوكرانيا", 3, "third", "#ev-n3")]
    edges = [charts.NetEdge("RUS", "TUR", 7, 0.7, "#ev-e1"), charts.NetEdge("RUS", "UKR", 2, 0.0, "#ev-e2"),
             charts.NetEdge("TUR", "UKR", 1, 1.0, "#ev-e3")]
    root = parse(charts.network("n1", "Network", nodes, edges))
    check_accessible(root, "n1")
    assert len(marks(root)) == 6
    assert len(linked_marks(root)) == 6
    circles = {c.get("data-n"): float(c.get("r")) for c in root.iter(S + "circle") if "node" in c.get("class", "")}
    assert circles["10"] > circles["8"] > circles["3"]
    edge = {e.get("data-n"): e.get("stroke") for e in root.iter(S + "line") if "edge" in (e.get("class") or "")}
    assert int(edge["2"][1:3], 16) > int(edge["2"][5:7], 16)  # an all-conflict link is red
    assert int(edge["1"][5:7], 16) > int(edge["1"][1:3], 16)  # an all-cooperation link is blue


# -- figures -------------------------------------------------------------------------------------
def test_figures_chart_conflicting_values_side_by_side():
    s = charts.FigureSeries("trade_volume", "USD", "حجم التبادل", [
        charts.FigureDate("2019", (charts.FigureReport(20.8e9, "A", "#ev-fig-1"),
                                   charts.FigureReport(26e9, "B", "#ev-fig-2")), conflict=True),
        charts.FigureDate("2020", (charts.FigureReport(21e9, "A", "#ev-fig-3"),), conflict=False)])
    root = parse(charts.figures_chart("f1", "Trade", s))
    check_accessible(root, "f1")
    ms = marks(root)
    assert len(ms) == 3
    assert sorted(h for h, _ in linked_marks(root)) == ["#ev-fig-1", "#ev-fig-2", "#ev-fig-3"]
    conflicting = [m for m in ms if m.tag == S + "polygon"]  # diamonds
    assert len(conflicting) == 2

    def centre_x(m):
        xs = [float(p.split(",")[0]) for p in m.get("points").split()]
        return sum(xs) / len(xs)

    a, b = sorted(centre_x(m) for m in conflicting)
    assert b - a >= 6, "conflicting reports of one date are drawn side by side"


def test_figures_chart_empty():
    root = parse(charts.figures_chart("f2", "Trade", charts.FigureSeries("x", None)))
    assert marks(root) == []


def test_escaping_keeps_the_svg_well_formed():
    rows = [charts.HeatRow("a&b", 'A <"quoted"> & co', "أ & ب")]
    cells = {("a&b", "2020"): charts.HeatCell(0.1, 1, "#ev-a&b")}
    root = parse(charts.heatmap("h3", "T & <t>", rows, ["2020"], cells))
    assert root.find("s:title", NS).text == "T & <t>"
