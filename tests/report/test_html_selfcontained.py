"""The HTML page: self-contained, RTL Arabic, every number and mark linked to evidence that exists."""

from __future__ import annotations

import re

from marsad.report import build_report, render
from marsad.model.records import ModelInput

ARABIC = re.compile(r"[\u0600-\u06FF]")


def page(report) -> str:
    return render(report, "html")


def test_self_contained_no_external_resources(rich_articles_report, html_tree):
    text = page(rich_articles_report)
    root = html_tree(text)
    allowed = {e["url"] for e in rich_articles_report.content["evidence"]["events"] if e["url"]}
    assert allowed == {"https://news.example.org/a01", "https://news.example.org/a05"}
    seen_urls = set()
    for n in root.iter():
        assert n.tag not in ("script", "link", "iframe", "img", "object", "embed"), n.tag
        for k in ("src", "href", "xlink:href"):
            v = n.attrs.get(k)
            if v and re.match(r"(?i)(https?:)?//", v):
                assert v in allowed, f"external {k}: {v}"
                seen_urls.add(v)
    assert seen_urls == allowed  # article addresses are shown in the evidence appendix
    css = "".join(n.all_text() for n in root.iter() if n.tag == "style")
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert not re.search(r"url\((?!#)", text), "only in-page url(#...) references"


def test_html_lang_and_rtl_arabic(rich_report, html_tree):
    root = html_tree(page(rich_report))
    html = next(n for n in root.iter() if n.tag == "html")
    assert html.attrs.get("lang") == "en"
    # every piece of Arabic text sits inside an element marked Arabic / right to left
    for n in root.iter():
        if n.tag in ("style", "title", "#root"):
            continue
        own = "".join(n.text)
        if ARABIC.search(own):
            chain = [n, *n.ancestors()]
            assert any(a.attrs.get("lang") == "ar" for a in chain), (n.tag, n.attrs, own[:60])
            assert any(a.attrs.get("dir") == "rtl" or a.attrs.get("direction") == "rtl" for a in chain), own[:60]
    quotes = [n for n in root.iter() if n.tag == "blockquote"]
    assert len(quotes) == len(rich_report.content["evidence"]["events"]) + len(rich_report.content["evidence"]["figures"])
    assert all(q.attrs.get("dir") == "rtl" and q.attrs.get("lang") == "ar" for q in quotes)


def test_every_internal_link_resolves(rich_report, html_tree):
    root = html_tree(page(rich_report))
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    links = [n.attrs["href"] for n in root.iter() if n.tag == "a" and n.attrs.get("href", "").startswith("#")]
    assert len(links) > 50
    missing = {h for h in links if h[1:] not in ids}
    assert not missing
    # every SVG mark that stands for a number is wrapped in a link to the evidence
    for svg in (n for n in root.iter() if n.tag == "svg"):
        for m in svg.iter():
            if "mark" in (m.attrs.get("class") or "").split():
                anchor = next((a for a in m.ancestors() if a.tag == "a"), None)
                assert anchor is not None and anchor.attrs["href"].startswith("#ev-"), m.attrs


def test_numbers_in_tables_are_links(rich_report, html_tree):
    root = html_tree(page(rich_report))
    checked = 0
    for sec in (n for n in root.iter() if n.tag == "section" and n.attrs.get("id") in
                ("summary", "contacts", "agreements", "shocks", "figures", "third-parties")):
        for td in (n for n in sec.iter() if n.tag == "td" and "n" in (n.attrs.get("class") or "").split()):
            if re.search(r"\d", td.all_text()) and not td.all_text().strip().startswith("0"):
                assert any(c.tag == "a" and "num" in c.attrs.get("class", "") for c in td.iter()), td.all_text()
                checked += 1
    assert checked > 40


def test_evidence_entries_show_trigger_outlet_date_and_article(rich_report, html_tree):
    root = html_tree(page(rich_report))
    entries = {n.attrs["id"]: n for n in root.iter() if n.tag == "li" and "ev" in n.attrs.get("class", "").split()}
    # an invented event of the fixture: the visit of 2020-01-13 reported by article a01, trigger "زار"
    e = entries["ev-a01-e0"]
    marks = [m.all_text() for m in e.iter() if m.tag == "mark"]
    assert marks == ["زار"]
    head = e.all_text()
    assert "a01" in head and "2020-01-13" in head and "وكالة الشرق" in head and "2020-01-14" in head


def test_sections_present_in_order(rich_report, html_tree):
    root = html_tree(page(rich_report))
    got = [n.attrs["id"] for n in root.iter() if n.tag == "section"]
    assert got == [s["id"] for s in rich_report.content["sections"]]
    text = page(rich_report)
    assert "@media print" in text
    assert "How to read this" in text


def test_empty_store_renders_no_event_states(empty_report, html_tree):
    assert empty_report.status == "no_events"
    text = page(empty_report)
    root = html_tree(text)
    assert [n.attrs["id"] for n in root.iter() if n.tag == "section"][0] == "summary"
    assert "no coded events" in text
    assert "No leader contacts" in text and "No evidence" in text
    assert not [n for n in root.iter() if "mark" in (n.attrs.get("class") or "").split()]


def test_named_dyad_without_events_between_them(rich_input):
    r = build_report(rich_input, dyad=("TUR", "IRN"), generated="2024-01-01")
    assert r.status == "no_events"
    assert r.content["counts"]["interactions"] == 0
    assert "No coded events between Turkey and Iran" in page(r)


def test_only_third_party_events_still_renders():
    r = build_report(ModelInput(), dyad=("TUR", "RUS"), generated="2024-01-01")
    assert r.status == "no_events"
    assert "<html" in page(r)
