"""HTML, Markdown and JSON carry the same sections and numbers; the numbers match hand computation."""

from __future__ import annotations

import json
import re

import pytest

from marsad.report import render, write_report


def test_json_is_the_content(rich_report, tmp_path):
    out = write_report(rich_report, "json", tmp_path / "r.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "marsad.report/v1"
    assert data == json.loads(json.dumps(rich_report.content, ensure_ascii=False))
    assert "ح" in out.read_text(encoding="utf-8")  # Arabic written as UTF-8, not escaped


def test_same_sections_in_all_formats(rich_report):
    ids = [s["id"] for s in rich_report.content["sections"]]
    html = render(rich_report, "html")
    md = render(rich_report, "md")
    assert re.findall(r'<section id="([^"]+)"', html) == ids
    assert re.findall(r'^<a id="([a-z-]+)"></a>$', md, flags=re.M)[:len(ids)] == ids
    md_titles = re.findall(r"^## (.+?) <span", md, flags=re.M)
    assert md_titles == [s["title"]["en"] for s in rich_report.content["sections"]]


def _md_links(md: str) -> set[tuple[str, str]]:
    return set(re.findall(r"\[([^\]]+)\]\(#([^)]+)\)", md))


def _html_links(html: str) -> set[tuple[str, str]]:
    return set(re.findall(r'<a class="num" href="#([^"]+)">([^<]+)</a>', html))


def test_same_linked_numbers_in_html_and_markdown(rich_report):
    c = rich_report.content
    html_links = {(v, ref) for ref, v in _html_links(render(rich_report, "html"))}
    md_links = _md_links(render(rich_report, "md"))
    expected = set()
    for r in c["summary"]["dossiers"]:
        expected |= {(str(r["n"]), r["ref"]), (str(r["n_articles"]), r["ref"]), (str(r["n_outlets"]), r["ref"])}
    for r in c["contacts"] + c["agreements"] + c["shocks"]:
        expected.add((str(r["n_reports"]), r["ref"]))
    for t in c["third_parties"]:
        expected.add((str(t["with_a"]["n"]), t["with_a"]["ref"])) if t["with_a"]["n"] else None
    for f in c["figures"]:
        for p in f["points"]:
            for q in p["reports"]:
                expected.add((f"{int(q['value']):,}", q["ref"]))
    assert expected <= html_links
    assert expected <= md_links


def test_every_evidence_anchor_in_every_format(rich_report):
    html = render(rich_report, "html")
    md = render(rich_report, "md")
    ev = rich_report.content["evidence"]
    anchors = [e["anchor"] for e in ev["events"] + ev["figures"] + ev["sets"] + ev["tones"]]
    assert len(anchors) == len(set(anchors))
    for a in anchors:
        assert f'id="{a}"' in html
        assert f'<a id="{a}"></a>' in md


# -- numbers worked out by hand from the fixture (tests/report/conftest.py) -------------------------
def _row(content, dossier):
    return next(r for r in content["summary"]["dossiers"] if r["dossier"] == dossier)


def test_syria_dossier_numbers(rich_report):
    # Syria: the visit (two reports of one day -> one interaction, +4), an accusation (-3), a threat (-3.5)
    # and the ceasefire agreement (three reports -> one interaction, +2.5): B = (4-3-3.5+2.5)/13 = 0
    r = _row(rich_report.content, "syria")
    assert r["n"] == 4 and r["n_reports"] == 7
    assert r["n_coop"] == 2 and r["n_conflict"] == 2
    assert r["balance"] == pytest.approx(0.0, abs=1e-9)
    assert r["label"] == "mixed"
    assert r["n_articles"] == 7 and r["n_outlets"] == 3


def test_overall_numbers(rich_report):
    c = rich_report.content
    # 19 reports; a16/a17 involve Ukraine and a19 the US: 16 between Turkey and Russia
    assert c["counts"]["event_reports"] == 19
    assert c["counts"]["dyad_reports"] == 16
    # 16 reports minus the merged duplicates (visit: 2 -> 1, agreement: 3 -> 1) = 13 interactions
    assert c["counts"]["interactions"] == 13
    o = c["summary"]["overall"]
    coop = 4 + 2.5 + 1.5 + 6 + 6 + 4 + 6 + 1.5 + 0.5 * 2.5   # the announced deal weighs half
    conflict = 3 + 3.5 + 2 + 5
    assert o["balance"] == pytest.approx((coop - conflict) / (coop + conflict), abs=1e-3)


def test_registers_numbers(rich_report):
    c = rich_report.content
    assert [r["date"] for r in c["contacts"]] == ["2020-01-13", "2020-05-10", "2020-10-07", "2021-04-21"]
    assert [r["mode"] for r in c["contacts"]] == ["visit", "phone", "multilateral", "phone"]
    assert c["contacts"][0]["n_reports"] == 2
    ag = {r["date"]: r for r in c["agreements"]}
    assert ag["2020-03-05"]["n_reports"] == 3 and ag["2020-03-05"]["status"] == "concluded"
    assert ag["2021-06-30"]["status"] == "announced"
    assert [s["type"] for s in c["shocks"]] == ["SANCTION", "THREATEN", "ACCUSE", "REJECT"]  # sharpest first
    trade = next(f for f in c["figures"] if f["what"] == "trade_volume")
    by_date = {p["date"]: p for p in trade["points"]}
    assert by_date["2019"]["conflict"] is True and sorted(by_date["2019"]["values"]) == [20.8e9, 26e9]
    assert by_date["2020"]["conflict"] is False


def test_heatmap_fills_quiet_months(rich_report):
    h = rich_report.content["heatmap"]
    assert h["periods"][0] == "2020-01" and h["periods"][-1] == "2021-06"
    assert len(h["periods"]) == 18
    row = next(r for r in h["rows"] if r["dossier"] == "*")
    assert row["cells"][h["periods"].index("2020-04")] is None
    assert row["cells"][h["periods"].index("2020-03")]["n"] == 2  # the threat and the agreement


def test_markdown_arabic_in_rtl_elements(rich_report):
    md = render(rich_report, "md")
    for line in md.splitlines():
        if re.search(r"[\u0600-\u06FF]", line) and not line.startswith("|"):
            assert 'dir="rtl"' in line, line
