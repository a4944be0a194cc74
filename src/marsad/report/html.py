"""The briefing as one self-contained HTML file: inline CSS, inline SVG, no script, no external resource.

The page is English (``<html lang="en">``) with the Arabic name beside every label; Arabic
passages (evidence sentences, Arabic titles and summaries) sit in elements with ``dir="rtl"
lang="ar"``. Every number is a link to the evidence behind it in the appendix at the end of the
page, where each event report has an anchor and shows its Arabic sentence with the trigger
highlighted, the outlet, the date and the article id. The only absolute URLs are the articles'
own addresses in the appendix.
"""

from __future__ import annotations

import re

from marsad.report import charts
from marsad.report.charts import esc, fmt_balance, fmt_value

CSS = """
:root { --ink:#1f2933; --muted:#5f6b7a; --rule:#d5dae1; --soft:#f5f6f8; --accent:#1f4e79;
  --coop:#2166ac; --conf:#b2182b; --mixed:#8a6a14; --none:#7b8794; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.55 "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.ar, [lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "KacstOne", "DejaVu Sans", serif;
  font-size: 1.08em; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 64px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 18px; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 2px; font-weight: 700; }
h1 .ar { display: block; font-size: 24px; font-weight: 600; color: var(--accent); }
h2 { font-size: 21px; margin: 38px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 22px 0 6px; }
h2 .ar, h3 .ar { color: var(--muted); font-weight: 500; margin-inline-start: .5em; }
p { margin: 6px 0 10px; }
.meta { color: var(--muted); font-size: 13px; }
.meta b { color: var(--ink); font-weight: 600; }
nav.toc { font-size: 13px; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav.toc a { color: var(--accent); text-decoration: none; }
a { color: var(--accent); }
a.num { font-variant-numeric: tabular-nums; text-decoration: none; border-bottom: 1px dotted var(--accent);
  color: var(--accent); font-weight: 600; }
a.num:hover { background: #e8eef6; }
.num { font-variant-numeric: tabular-nums; }
.howto { background: var(--soft); border-left: 4px solid var(--accent); padding: 10px 16px; margin: 18px 0;
  font-size: 13.5px; }
.howto h2 { font-size: 15px; border: 0; margin: 2px 0 4px; }
.howto ul { margin: 4px 0; padding-left: 18px; }
.lede { font-size: 17px; line-height: 1.5; margin: 8px 0; }
p.lede[lang="ar"], p.sentence[lang="ar"] { font-size: 17px; line-height: 1.8; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 14px 0; }
.card { border: 1px solid var(--rule); border-top: 4px solid var(--none); padding: 8px 12px; border-radius: 3px; }
.card.cooperative { border-top-color: var(--coop); } .card.contested { border-top-color: var(--conf); }
.card.mixed { border-top-color: var(--mixed); }
.card .big { font-size: 26px; font-weight: 700; line-height: 1.1; }
.card .what { font-size: 12.5px; color: var(--muted); }
.card ul { margin: 4px 0 0; padding-left: 16px; font-size: 13px; }
.badge { display: inline-block; font-size: 12px; padding: 0 7px; border-radius: 9px; border: 1px solid currentColor;
  white-space: nowrap; }
.badge.cooperative { color: var(--coop); } .badge.contested { color: var(--conf); }
.badge.mixed { color: var(--mixed); } .badge.insufficient { color: var(--none); }
.badge.conflict { color: #a3441f; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; font-size: 12.5px; color: var(--muted); border-bottom: 2px solid var(--rule); }
th .ar { display: block; font-weight: 500; font-size: 12.5px; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.total td { font-weight: 600; background: var(--soft); }
.scroll { overflow-x: auto; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px 22px; }
figure { margin: 8px 0 16px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
.empty .ar, em .ar { font-style: normal; }
.empty { color: var(--muted); font-style: italic; background: var(--soft); padding: 10px 14px; border-radius: 3px; }
td.facts { font-size: 12.5px; min-width: 150px; }
.tone-words { white-space: normal; font-size: 12.5px; text-align: right; min-width: 110px; }
details summary { cursor: pointer; color: var(--accent); }
.story { border: 1px solid var(--rule); border-radius: 3px; padding: 8px 14px; margin: 12px 0; }
.evidence-list { list-style: none; padding: 0; margin: 0; }
.ev { border-bottom: 1px solid var(--rule); padding: 8px 0 10px; }
.ev:target, .evset:target { background: #fff8e1; outline: 2px solid #e6c25a; }
.ev .head { font-size: 12.5px; color: var(--muted); }
.ev .head b { color: var(--ink); }
blockquote.ar { margin: 6px 0 0; padding: 6px 12px; border-right: 3px solid var(--rule); border-left: 0;
  background: #fafbfc; font-size: 17px; line-height: 1.85; }
mark { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
.evset { padding: 6px 0; border-bottom: 1px dotted var(--rule); font-size: 13px; }
.evset a { margin-right: 6px; }
code, .id { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@media (max-width: 800px) { .charts, .cards { grid-template-columns: 1fr; } main { padding: 16px; } }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  a, a.num { color: var(--ink); border-bottom: 0; }
  h2 { break-after: avoid; }
  figure, tr, .card, .ev, .story, .howto { break-inside: avoid; }
  section#evidence { break-before: page; }
  .scroll { overflow: visible; }
  .ev:target, .evset:target { background: none; outline: 0; }
}
"""


_NUMBER = re.compile(r"[+\-−]?\d[\d.,]*%?")


def isolate_numbers(text: str) -> str:
    """Escaped ``text`` with signed numbers isolated left to right (so ``+0.42`` keeps its sign first)."""
    out, last = [], 0
    for m in _NUMBER.finditer(text):
        out.append(esc(text[last:m.start()]))
        out.append(f'<span dir="ltr">{esc(m.group())}</span>' if m.group()[0] in "+-−" or "." in m.group()
                   else esc(m.group()))
        last = m.end()
    out.append(esc(text[last:]))
    return "".join(out)


BADGE = {"cooperative": "cooperative", "contested": "contested", "mixed": "mixed", "insufficient": "too few events"}


def ar(text: str | None, tag: str = "span", cls: str = "ar") -> str:
    """An Arabic passage: its own element, right to left (generated numbers kept left to right)."""
    if not text:
        return ""
    return f'<{tag} class="{cls}" dir="rtl" lang="ar">{isolate_numbers(text)}</{tag}>'


def bi(names: dict | None, fallback: str = "") -> str:
    """English name with the Arabic one beside it."""
    if not names:
        return esc(fallback)
    out = esc(names.get("en") or fallback)
    if names.get("ar") and names.get("ar") != names.get("en"):
        out += " " + ar(names["ar"])
    return out


def num(value, ref: str | None, text: str | None = None) -> str:
    """A number linked to the evidence behind it."""
    shown = esc(text if text is not None else value)
    if ref:
        return f'<a class="num" href="#{esc(ref)}">{shown}</a>'
    return f'<span class="num">{shown}</span>'


def th(en: str, ar_text: str | None = None, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f"<th{c}>{esc(en)}{ar(ar_text) if ar_text else ''}</th>"


def heading(content: dict, sid: str, level: int = 2) -> str:
    for s in content["sections"]:
        if s["id"] == sid:
            return f'<h{level}>{esc(s["title"]["en"])} {ar(s["title"]["ar"])}</h{level}>'
    return ""


def empty(en: str, ar_text: str) -> str:
    return f'<p class="empty">{esc(en)} {ar(ar_text)}</p>'


def _interval(row: dict) -> str:
    if row.get("balance") is None:
        return "n/a"
    return f"{fmt_balance(row['balance'])} [{fmt_balance(row['low'])}, {fmt_balance(row['high'])}]"


def _dossiers(c: dict, keys: list[str]) -> str:
    names = (c.get("labels") or {}).get("dossiers") or {}
    return ", ".join(esc((names.get(k) or {}).get("en") or k) for k in keys) or "—"


def _signed(x: float) -> str:
    return f"{x:+g}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def _actor(content: dict, code: str | None) -> str:
    d = content["dyad"]
    if code is not None and code == d.get("a") and d.get("a_name"):
        return esc(d["a_name"]["en"])
    if code is not None and code == d.get("b") and d.get("b_name"):
        return esc(d["b_name"]["en"])
    return esc(code or "?")


# -- sections -----------------------------------------------------------------------------------
def _header(c: dict) -> str:
    d, sc, n = c["dyad"], c["scope"], c["counts"]
    period = sc.get("period") or "—"
    covered = " to ".join(x for x in sc["covered"] if x) or "—"
    rng = f"{sc['from'] or 'start'} to {sc['to'] or 'end'}" if (sc["from"] or sc["to"]) else "all dates"
    parts = [f'<div class="kicker">marsad briefing · {esc(c["generated"])}</div>',
             f'<h1>{esc(c["title"]["en"])} {ar(c["title"]["ar"])}</h1>',
             f'<p class="meta">Dates: <b>{esc(rng)}</b> (events found from <b>{esc(covered)}</b>) · period: '
             f'<b>{esc(period)}</b> · <b>{num(n["interactions"], n["ref"])}</b> interactions from '
             f'<b>{num(n["dyad_reports"], n["ref"])}</b> event reports in <b>{num(n["dyad_articles"], n["ref"])}</b> '
             f'articles and <b>{num(n["outlets"], n["ref"])}</b> outlets · {esc(n["articles"])} articles and '
             f'{esc(n["event_reports"])} event reports read in all</p>']
    toc = " ".join(f'<a href="#{esc(s["id"])}">{esc(s["title"]["en"])}</a>' for s in c["sections"])
    parts.append(f'<nav class="toc" aria-label="Contents">{toc}</nav>')
    if d.get("a") is None:
        parts.append('<p class="meta">Dyad: none found.</p>')
    return '<header class="top">' + "".join(parts) + "</header>"


def _howto(c: dict) -> str:
    s = c.get("settings") or {}
    ch = s.get("character") or {}
    w = s.get("modality_weights") or {}
    return f"""<aside class="howto" aria-labelledby="howto-h"><h2 id="howto-h">How to read this {ar('كيف تقرأ هذا الموجز')}</h2>
<ul>
<li><b>Balance</b> {ar('الميزان')} runs from <b>−1</b> (everything reported between the two is conflict) to <b>+1</b>
(everything is cooperation). Each interaction counts by its PLOVER intensity, times its confidence, times a modality
weight (reported as done {esc(w.get('asserted', 1))}, announced {esc(w.get('future', 0.5))}, conditional
{esc(w.get('hypothetical', 0.25))}, denied {esc(w.get('negated', 0))}).</li>
<li><b>Uncertainty</b> {ar('عدم اليقين')}: the band and the bracket <span class="num">[low, high]</span> are a
{esc(s.get('level', 95))}% interval. Few interactions give a wide band; a label is <i>firm</i> only when the whole
interval stays inside its range.</li>
<li><b>Interactions, not articles</b>: one summit covered by twenty outlets is one interaction with twenty reports.</li>
<li><b>Character</b> {ar('طابع العلاقة')}: cooperative when the balance is at least {esc(ch.get('cooperative', 0.5))},
contested below {esc(ch.get('contested', 0.0))}, mixed in between; fewer than {esc(ch.get('min_events', 3))}
interactions are too few to say. A dossier in which the two stand on opposite sides of a third party (one acts
against it, the other with it) is contested whatever its balance.</li>
<li><b>Every number is a link</b> to the Arabic sentences behind it in the evidence section at the end; events are
machine-coded from news text and can be wrong — read the evidence.</li>
</ul></aside>"""


def _summary(c: dict) -> str:
    s = c["summary"]
    out = [f'<section id="summary">{heading(c, "summary")}']
    out.append(f'<p class="lede">{esc(s["sentence"]["en"])}</p>')
    out.append(ar(s["sentence"]["ar"], "p", "ar lede"))
    if c.get("message"):
        out.append(empty(c["message"]["en"], c["message"]["ar"]))
    rows = s["dossiers"]
    if not rows:
        return "".join(out) + "</section>"
    cards = []
    for label, en, arn in (("cooperative", "cooperative", "تعاوني"), ("contested", "contested", "متنازع عليه"),
                           ("mixed", "mixed", "مختلط"), ("insufficient", "too few events", "أحداث قليلة")):
        items = [r for r in rows if r["label"] == label]
        lis = "".join(f'<li>{bi(r["name"], r["dossier"])} · {num(r["n"], r["ref"])}</li>' for r in items)
        cards.append(f'<div class="card {label}"><div class="big">{len(items)}</div>'
                     f'<div class="what">{esc(en)} {ar(arn)} dossiers</div><ul>{lis}</ul></div>')
    out.append('<div class="cards">' + "".join(cards) + "</div>")
    head = ("<tr>" + th("Dossier", "الملف") + th("Character", "الطابع") + th("Interactions", "التفاعلات", "n")
            + th("Coop. / confl.", "تعاون / نزاع", "n") + th("Balance [95% interval]", "الميزان", "n")
            + th("Change", "التحول") + th("Articles", "المقالات", "n") + th("Outlets", "المنابر", "n") + "</tr>")
    body = []
    for r in rows + ([s["overall"]] if s["overall"] else []):
        total = r["dossier"] == "*"
        firm = "" if not r["firm"] else ' <span class="meta">(firm)</span>'
        ch = esc(r["change_name"]["en"])
        if r.get("first") and r.get("second") and r["first"]["balance"] is not None and r["second"]["balance"] is not None:
            ch += (f' ({num(fmt_balance(r["first"]["balance"]), r["first"]["ref"])} → '
                   f'{num(fmt_balance(r["second"]["balance"]), r["second"]["ref"])})')
        stated = ""
        st = r.get("stated") or {}
        if st.get("opposed"):
            links = " ".join(f'<a href="#{esc(a)}">{i + 1}</a>' for i, a in enumerate(st["refs"][:st["opposed"]]))
            stated = (f' <span class="meta">stated opposed in {st["opposed"]} sentence'
                      f'{"s" if st["opposed"] != 1 else ""}: {links}</span>')
        body.append(
            f'<tr{" class=total" if total else ""}><td>{bi(r["name"], r["dossier"])}</td>'
            f'<td><span class="badge {esc(r["label"])}" title="{esc(r["label_name"]["en"])}">'
            f'{esc(BADGE.get(r["label"], r["label"]))}</span>{firm}{stated}</td>'
            f'<td class="n">{num(r["n"], r["ref"])}</td>'
            f'<td class="n">{num(r["n_coop"], r["ref"])} / {num(r["n_conflict"], r["ref"])}</td>'
            f'<td class="n">{num(_interval(r), r["ref"])}</td><td>{ch}</td>'
            f'<td class="n">{num(r["n_articles"], r["ref"])}</td><td class="n">{num(r["n_outlets"], r["ref"])}</td></tr>')
    out.append(f'<div class="scroll"><table class="dossiers"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table></div>')
    if s.get("periods"):
        (a0, a1), (b0, b1) = s["periods"]
        out.append(f'<p class="meta">Change compares {esc(a0)} – {esc(a1)} with {esc(b0)} – {esc(b1)}.</p>')
    out.append("<h3>Per dossier " + ar("حسب الملف") + "</h3>")
    for r in rows:
        out.append(f'<p class="sentence">{esc(r["sentence"]["en"])}</p>')
        out.append(ar(r["sentence"]["ar"], "p", "ar sentence"))
    return "".join(out) + "</section>"


def _balance(c: dict) -> str:
    out = [f'<section id="balance">{heading(c, "balance")}']
    series = c["balance"]
    if not series:
        out.append(empty("No dated interactions to plot.", "لا تفاعلات مؤرخة لرسمها."))
        return "".join(out) + "</section>"
    periods = c["heatmap"]["periods"]
    out.append('<p class="meta">Line: balance per period; shaded band: its 95% interval; dot colour: the same '
               'conflict–cooperation scale as the heat map. Click a dot for its evidence.</p><div class="charts">')
    for i, s in enumerate(series):
        pts = [charts.BalancePoint(p["period"], p["balance"], p["low"], p["high"], p["n"],
                                   f'#{p["ref"]}' if p["ref"] else None) for p in s["points"]]
        svg = charts.balance_chart(f"bal-{i}", f"Balance over time: {s['name']['en']}", periods, pts)
        n = sum(p["n"] for p in s["points"])
        k = len(s["points"])
        out.append(f'<figure>{svg}<figcaption>{bi(s["name"], s["dossier"])} · {n} interaction{"s" * (n != 1)} in '
                   f'{k} period{"s" * (k != 1)}</figcaption></figure>')
    return "".join(out) + "</div></section>"


def _heatmap(c: dict) -> str:
    h = c["heatmap"]
    out = [f'<section id="heatmap">{heading(c, "heatmap")}']
    rows = [charts.HeatRow(r["dossier"], r["name"]["en"], r["name"]["ar"]) for r in h["rows"]]
    cells = {}
    for r in h["rows"]:
        for cell in r["cells"]:
            if cell:
                cells[(r["dossier"], cell["period"])] = charts.HeatCell(cell["balance"], cell["n"],
                                                                        f'#{cell["ref"]}' if cell["ref"] else None)
    svg = charts.heatmap("heat", "Dossiers by period: balance and number of interactions", rows, h["periods"], cells)
    if not cells:
        out.append(empty("No events to map.", "لا أحداث لعرضها."))
        return "".join(out) + "</section>"
    out.append(f'<figure class="scroll">{svg}<figcaption>Colour: balance from conflict (red) to cooperation (blue); '
               f'hatched grey: nothing reported; number: interactions (click for the evidence).</figcaption></figure>')
    return "".join(out) + "</section>"


def _contacts(c: dict) -> str:
    out = [f'<section id="contacts">{heading(c, "contacts")}']
    rows = c["contacts"]
    if not rows:
        out.append(empty("No leader contacts (consultations) between the two in this period.",
                         "لا اتصالات بين القادة في هذه الفترة."))
        return "".join(out) + "</section>"
    pts = [charts.ContactPoint(r["date"], r["mode"], f'{r["date"]}: {r["mode_name"]["en"]}, {r["n_reports"]} reports',
                               f'#{r["ref"]}' if r["ref"] else None) for r in rows if r["date"]]
    out.append(f'<figure class="scroll">{charts.contact_timeline("contacts-tl", "Leader contacts over time", pts)}'
               f'<figcaption>One lane per kind of contact; click a mark for its reports.</figcaption></figure>')
    head = ("<tr>" + th("Date", "التاريخ") + th("Kind", "النوع") + th("Places", "الأماكن")
            + th("Participants", "المشاركون") + th("Dossiers", "الملفات") + th("Reports", "التقارير", "n")
            + th("Outlets", "المنابر") + "</tr>")
    body = "".join(
        f'<tr><td class="date">{esc(r["date"] or "undated")}</td><td>{bi(r["mode_name"], r["mode"])}'
        f'{"" if r["modality"] == "asserted" else " <span class=meta>(" + esc(r["modality"]) + ")</span>"}</td>'
        f'<td>{ar("، ".join(x for x in r["places"] if x)) or "—"}</td>'
        f'<td>{ar("، ".join(x for x in r["participants"] if x)) or "—"}</td>'
        f'<td>{_dossiers(c, r["dossiers"])}</td><td class="n">{num(r["n_reports"], r["ref"])}</td>'
        f'<td>{ar("، ".join(r["outlets"])) or "—"}</td></tr>' for r in rows)
    out.append(f'<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>')
    return "".join(out) + "</section>"


def _agreements(c: dict) -> str:
    out = [f'<section id="agreements">{heading(c, "agreements")}']
    rows = c["agreements"]
    if not rows:
        out.append(empty("No agreements or deals reported in this period.", "لا اتفاقات أو صفقات في هذه الفترة."))
        return "".join(out) + "</section>"
    head = ("<tr>" + th("Date", "التاريخ") + th("Type", "النوع") + th("Status", "الحالة") + th("Wording", "الصياغة")
            + th("Dossiers", "الملفات") + th("Reports", "التقارير", "n") + "</tr>")
    body = "".join(
        f'<tr><td class="date">{esc(r["date"] or "undated")}</td><td>{esc(r["type"].lower())}</td>'
        f'<td>{bi(r["status_name"], r["status"])}</td><td>{ar("، ".join(r["what"])) or "—"}</td>'
        f'<td>{_dossiers(c, r["dossiers"])}</td><td class="n">{num(r["n_reports"], r["ref"])}</td></tr>'
        for r in rows)
    out.append(f'<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>')
    return "".join(out) + "</section>"


def _shocks(c: dict) -> str:
    out = [f'<section id="shocks">{heading(c, "shocks")}']
    rows = c["shocks"]
    if not rows:
        out.append(empty("No conflictual events reported as having happened in this period.",
                         "لا أحداث نزاعية وقعت في هذه الفترة."))
        return "".join(out) + "</section>"
    out.append('<p class="meta">Conflictual interactions reported as having happened, sharpest first '
               '(intensity −10 is the most severe).</p>')
    head = ("<tr>" + th("Date", "التاريخ") + th("Event", "الحدث") + th("Who → whom", "من ← إلى")
            + th("Intensity", "الشدة", "n") + th("Dossiers", "الملفات") + th("Reports", "التقارير", "n") + "</tr>")
    body = "".join(
        f'<tr><td class="date">{esc(r["date"] or "undated")}</td><td>{esc(r["type"].lower())}'
        f'{" (" + esc(r["mode"]) + ")" if r["mode"] else ""}</td>'
        f'<td>{_actor(c, r["source"])} → {_actor(c, r["target"])}</td>'
        f'<td class="n">{num(_signed(r["intensity"]), r["ref"])}</td>'
        f'<td>{_dossiers(c, r["dossiers"])}</td><td class="n">{num(r["n_reports"], r["ref"])}</td></tr>'
        for r in rows)
    out.append(f'<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>')
    return "".join(out) + "</section>"


def _figures(c: dict) -> str:
    out = [f'<section id="figures">{heading(c, "figures")}']
    if not c["figures"]:
        out.append(empty("No figures (trade, tourists, gas...) reported in the articles about the two.",
                         "لا أرقام واردة في المقالات عن الطرفين."))
        return "".join(out) + "</section>"
    out.append('<div class="charts">')
    tables = []
    for i, f in enumerate(c["figures"]):
        series = charts.FigureSeries(f["what"], f["unit"], f["name"].get("ar"))
        for p in f["points"]:
            if not p["date"]:
                continue
            series.dates.append(charts.FigureDate(p["date"], tuple(
                charts.FigureReport(r["value"], r["outlet"] or r["article"], f'#{r["ref"]}') for r in p["reports"]),
                p["conflict"]))
        title = f"{f['name']['en']} ({f['unit'] or 'no unit'})"
        out.append(f'<figure>{charts.figures_chart(f"fig-{i}", title, series)}<figcaption>{bi(f["name"], f["what"])} · '
                   f'{esc(f["unit"] or "")} · orange diamonds: sources disagree</figcaption></figure>')
        rows = []
        for p in f["points"]:
            vals = " &nbsp;|&nbsp; ".join(
                f'{num(fmt_value(r["value"]), r["ref"])} <span class="meta">{ar(r["outlet"]) if r["outlet"] else esc(r["article"])}</span>'
                for r in sorted(p["reports"], key=lambda r: r["value"]))
            flag = ' <span class="badge conflict">conflicting</span>' if p["conflict"] else ""
            rows.append(f'<tr><td class="date">{esc(p["date"] or "undated")}{"" if p["dated_by"] == "figure" else " <span class=meta>(published)</span>"}</td>'
                        f'<td>{vals}{flag}</td></tr>')
        tables.append(f'<h3>{bi(f["name"], f["what"])} <span class="meta">{esc(f["unit"] or "")}</span></h3>'
                      f'<table><thead><tr>{th("Date", "التاريخ")}{th("Values reported, side by side", "القيم المنشورة")}'
                      f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    out.append("</div>")
    out.extend(tables)
    return "".join(out) + "</section>"


def _third(c: dict) -> str:
    out = [f'<section id="third-parties">{heading(c, "third-parties")}']
    rows = c["third_parties"]
    if not rows:
        out.append(empty("No third parties interact with either side in this period.", "لا أطراف ثالثة في هذه الفترة."))
        return "".join(out) + "</section>"
    d = c["dyad"]
    an, bn = d["a_name"], d["b_name"]
    head = ("<tr>" + th("Third party", "الطرف الثالث") + th(f"With {an['en']}: n", f"مع {an['ar']}", "n")
            + th("balance", None, "n") + th(f"With {bn['en']}: n", f"مع {bn['ar']}", "n") + th("balance", None, "n")
            + th("Leans", "يميل") + th(f"{an['en']} / {bn['en']} stance", "الموقفان") + th("Relation", "العلاقة") + "</tr>")
    body = "".join(
        f'<tr><td>{bi(r["name"], r["third"])}</td>'
        f'<td class="n">{num(r["with_a"]["n"], r["with_a"]["ref"])}</td>'
        f'<td class="n">{num(fmt_balance(r["with_a"]["balance"]), r["with_a"]["ref"])}</td>'
        f'<td class="n">{num(r["with_b"]["n"], r["with_b"]["ref"])}</td>'
        f'<td class="n">{num(fmt_balance(r["with_b"]["balance"]), r["with_b"]["ref"])}</td>'
        f'<td>{bi(r["leans_name"])}</td><td>{esc(r["stance_a"])} / {esc(r["stance_b"])}</td>'
        f'<td>{bi(r["relation_name"])}</td></tr>' for r in rows)
    out.append(f'<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>')
    return "".join(out) + "</section>"


def _network(c: dict) -> str:
    out = [f'<section id="network">{heading(c, "network")}']
    net = c["network"]
    nodes = [charts.NetNode(n["code"], n["name"]["en"], n["name"]["ar"] if n["name"]["ar"] != n["name"]["en"] else None,
                            n["n"], n["role"],
                            f'#{n["ref"]}' if n["ref"] else None) for n in net["nodes"]]
    edges = [charts.NetEdge(e["a"], e["b"], e["n"], e["coop_share"], f'#{e["ref"]}' if e["ref"] else None)
             for e in net["edges"]]
    if not edges:
        out.append(empty("No interactions between actors.", "لا تفاعلات بين الفاعلين."))
        return "".join(out) + "</section>"
    svg = charts.network("net", "Actors of the dyad's events", nodes, edges)
    more = f' {net["omitted"]} smaller actors are left out.' if net.get("omitted") else ""
    out.append(f'<figure>{svg}<figcaption>Node size: interactions; link width: interactions between the two; link '
               f'colour: share of cooperative interactions.{esc(more)}</figcaption></figure>')
    return "".join(out) + "</section>"


def _fact_list(facts: list[dict], limit: int = 6) -> str:
    if not facts:
        return "—"
    items = [f'{esc((f.get("text") or {}).get("en") or f["key"])} ({num(f["n"], f["ref"])})' for f in facts[:limit]]
    more = f"<br>… {len(facts) - limit} more" if len(facts) > limit else ""
    return "<br>".join(items) + more


def _speakers(keys: list[str], limit: int = 5) -> str:
    if not keys:
        return "—"
    shown = [ar(k) if re.search(r"[\u0600-\u06FF]", k) else esc(k.split(".", 1)[-1].replace("_", " "))
             for k in keys[:limit]]
    return "<br>".join(shown) + (f"<br>… {len(keys) - limit} more" if len(keys) > limit else "")


def _omitted_texts(o: dict) -> list[str]:
    texts = o.get("omitted_facts_text")
    if texts is not None and len(texts) == len(o["omitted"]["facts"]):
        return [t["en"] for t in texts]
    return list(o["omitted"]["facts"])


def _omitted(keys: list[str]) -> str:
    """How many of the story's facts the outlet leaves out; the list folded (no script needed)."""
    if not keys:
        return "—"
    return (f'<details><summary>{len(keys)} fact{"s" * (len(keys) != 1)}</summary>'
            f'{"<br>".join(esc(k) for k in keys)}</details>')


def _framing(c: dict) -> str:
    out = [f'<section id="framing">{heading(c, "framing")}']
    fr = c["framing"]
    if not fr["stories"]:
        out.append(empty("No story was reported by two or more outlets.", "لا قصة غطّاها منبران أو أكثر."))
        return "".join(out) + "</section>"
    out.append('<p class="meta">Stories reported by several outlets, outlet by outlet: which facts each reports '
               '(coverage of the story\'s facts), which it leaves out, whom it quotes, and the tone of its wording '
               '(lexicon score from −1 to +1; the score links to the words counted).</p>')
    for st in fr["stories"]:
        head = ("<tr>" + th("Outlet", "المنبر") + th("Articles", "المقالات", "n") + th("Facts", "الوقائع", "n")
                + th("Coverage", "التغطية", "n") + th("Reports", "ما أورده") + th("Leaves out", "ما أغفله")
                + th("Quotes", "الاقتباس")
                + th("Tone", "النبرة", "n") + "</tr>")
        body = "".join(
            f'<tr><td>{ar(o["outlet"])}</td><td class="n">{len(o["articles"])}</td>'
            f'<td class="n">{num(o["n_facts"], o["facts_ref"])}</td>'
            f'<td class="n">{num(_pct(o["coverage"]), o["facts_ref"])}</td>'
            f'<td class="facts">{_fact_list(o["facts"])}</td><td class="facts">{_omitted(_omitted_texts(o))}</td>'
            f'<td class="facts">{_speakers(o["speakers"])}</td>'
            f'<td class="n">{num(fmt_balance(o["tone"]), o["tone_ref"])}'
            f'{ar("، ".join(o["tone_words"]).replace("*", ""), "div", "ar tone-words") if o["tone_words"] else ""}</td></tr>'
            for o in st["outlets"])
        out.append(f'<div class="story"><h3>{ar(st["title"] or st["story"])}</h3>'
                   f'<p class="meta">{st["n_outlets"]} outlets · {st["n_articles"]} articles · {st["n_facts"]} facts '
                   f'in all · story <span class="id">{esc(st["story"])}</span></p>'
                   f'<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div></div>')
    if fr.get("n_stories", 0) > len(fr["stories"]):
        out.append(f'<p class="meta">{fr["n_stories"] - len(fr["stories"])} more stories reported by several outlets are not shown (the ones with the most outlets come first).</p>')
    return "".join(out) + "</section>"


def highlight(text: str, span: list[int] | None) -> str:
    if not span:
        return esc(text)
    s, e = span
    return f"{esc(text[:s])}<mark>{esc(text[s:e])}</mark>{esc(text[e:])}"


def _evidence(c: dict) -> str:
    ev = c["evidence"]
    out = [f'<section id="evidence">{heading(c, "evidence")}']
    if not ev["events"] and not ev["figures"]:
        out.append(empty("No evidence: nothing was coded.", "لا أدلة: لم يُرمَّز شيء."))
        return "".join(out) + "</section>"
    out.append(f'<h3>Event reports {ar("تقارير الأحداث")} <span class="meta">({len(ev["events"])})</span></h3>'
               '<ol class="evidence-list">')
    for e in ev["events"]:
        url = f' · <a href="{esc(e["url"])}" rel="noreferrer">source</a>' if e.get("url") else ""
        mod = "" if e["modality"] == "asserted" else f' · {esc(e["modality"])}'
        out.append(
            f'<li class="ev" id="{esc(e["anchor"])}"><div class="head"><b>{esc(e["type"])}</b>'
            f'{" (" + esc(e["mode"]) + ")" if e["mode"] else ""} · {esc(e["quad"].replace("_", " "))} '
            f'{e["intensity"]:+g}{mod} · {_actor(c, e["source"])} → {_actor(c, e["target"])} · event date '
            f'{esc(e["date"] or "—")} · {ar(e["outlet"]) if e["outlet"] else "outlet unknown"} · published '
            f'{esc(e["published"] or "—")} · article <span class="id">{esc(e["article"])}</span>{url}</div>'
            f'<blockquote class="ar" dir="rtl" lang="ar">{highlight(e["text"], e["trigger"])}</blockquote></li>')
    out.append("</ol>")
    if ev["figures"]:
        out.append(f'<h3>Figures {ar("الأرقام")} <span class="meta">({len(ev["figures"])})</span></h3>'
                   '<ol class="evidence-list">')
        for f in ev["figures"]:
            url = f' · <a href="{esc(f["url"])}" rel="noreferrer">source</a>' if f.get("url") else ""
            out.append(
                f'<li class="ev" id="{esc(f["anchor"])}"><div class="head"><b>{esc(fmt_value(f["value"]))}</b> '
                f'{esc(f["unit"] or "")} · {esc(f["what"] or "")} · about {esc(f["date"] or "—")} · '
                f'{ar(f["outlet"]) if f["outlet"] else "outlet unknown"} · published {esc(f["published"] or "—")} · '
                f'article <span class="id">{esc(f["article"])}</span>{url}</div>'
                f'<blockquote class="ar" dir="rtl" lang="ar"><mark>{esc(f["text"])}</mark></blockquote></li>')
        out.append("</ol>")
    if ev.get("stances"):
        out.append(f'<h3>Stated stances {ar("مواقف معلنة")} <span class="meta">({len(ev["stances"])}; statements '
                   'that the two stand opposed or aligned, not events)</span></h3><ol class="evidence-list">')
        for e in ev["stances"]:
            url = f' · <a href="{esc(e["url"])}" rel="noreferrer">source</a>' if e.get("url") else ""
            mod = "" if e["modality"] == "asserted" else f' · {esc(e["modality"])}'
            out.append(
                f'<li class="ev" id="{esc(e["anchor"])}"><div class="head"><b>{esc(e["stance"])}</b>{mod} · '
                f'{_actor(c, e["a"])} – {_actor(c, e["b"])} · {esc(", ".join(e["dossiers"]) or "—")} · '
                f'{ar(e["outlet"]) if e["outlet"] else "outlet unknown"} · published {esc(e["published"] or "—")} · '
                f'article <span class="id">{esc(e["article"])}</span>{url}</div>'
                f'<blockquote class="ar" dir="rtl" lang="ar">{highlight(e["text"], e["cue"])}</blockquote></li>')
        out.append("</ol>")
    if ev["tones"]:
        out.append(f'<h3>Tone words {ar("كلمات النبرة")}</h3><ul class="evidence-list">')
        for t in ev["tones"]:
            hits = "، ".join(f'{h["entry"]} ×{h["n"]}' for h in t["hits"]) or "—"
            out.append(f'<li class="ev" id="{esc(t["anchor"])}"><div class="head">{ar(t["outlet"])} · tone '
                       f'<b>{esc(t["score"])}</b> ({esc(t["pos"])} positive, {esc(t["neg"])} negative) · articles '
                       f'<span class="id">{esc(", ".join(t["articles"]))}</span></div>{ar(hits, "p")}</li>')
        out.append("</ul>")
    if ev["sets"]:
        out.append(f'<h3>Reports behind each number {ar("التقارير وراء كل رقم")}</h3>')
        for s in ev["sets"]:
            links = " ".join(f'<a href="#{esc(a)}">{i + 1}</a>' for i, a in enumerate(s["anchors"]))
            out.append(f'<div class="evset" id="{esc(s["anchor"])}">{len(s["anchors"])} reports: {links}</div>')
    return "".join(out) + "</section>"


def render_html(content: dict) -> str:
    """The whole page."""
    body = [_header(content), _howto(content), _summary(content), _balance(content), _heatmap(content),
            _contacts(content), _agreements(content), _shocks(content), _figures(content), _third(content),
            _network(content), _framing(content), _evidence(content)]
    foot = (f'<footer>Generated by marsad ({esc(content["schema"])}) on {esc(content["generated"])}. Events are coded '
            f'automatically from Arabic news; the evidence section gives the sentence behind every number.</footer>')
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="marsad">'
            f'<title>{esc(content["title"]["en"])}</title><style>{CSS}</style></head>'
            f'<body><main>{"".join(body)}{foot}</main></body></html>\n')
