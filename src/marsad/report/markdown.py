"""The briefing as Markdown: the same sections and numbers as the HTML page, charts as tables.

Numbers are links (``[12](#ev-set-...)``) to anchors in the evidence section, written as
``<a id="..."></a>``; Arabic passages are wrapped in ``<span dir="rtl" lang="ar">`` (or a
``<p dir="rtl" lang="ar">``) so renderers that allow inline HTML show them right to left.
"""

from __future__ import annotations

from marsad.report.charts import fmt_balance, fmt_value


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def ar(text: str | None) -> str:
    return f'<span dir="rtl" lang="ar">{_cell(text)}</span>' if text else ""


def bi(names: dict | None, fallback: str = "") -> str:
    if not names:
        return _cell(fallback)
    out = _cell(names.get("en") or fallback)
    if names.get("ar") and names.get("ar") != names.get("en"):
        out += " " + ar(names["ar"])
    return out


def num(value, ref: str | None) -> str:
    return f"[{_cell(value)}](#{ref})" if ref else _cell(value)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out + [""]


def _h(content: dict, sid: str) -> str:
    for s in content["sections"]:
        if s["id"] == sid:
            return f'## {s["title"]["en"]} {ar(s["title"]["ar"])}\n<a id="{sid}"></a>\n'
    return ""


def _interval(r: dict) -> str:
    if r.get("balance") is None:
        return "n/a"
    return f"{fmt_balance(r['balance'])} [{fmt_balance(r['low'])}, {fmt_balance(r['high'])}]"


def _actor(c: dict, code: str | None) -> str:
    d = c["dyad"]
    if code is not None and code == d.get("a") and d.get("a_name"):
        return d["a_name"]["en"]
    if code is not None and code == d.get("b") and d.get("b_name"):
        return d["b_name"]["en"]
    return code or "?"


def render_markdown(c: dict) -> str:
    out: list[str] = []
    w = out.append
    n, sc = c["counts"], c["scope"]
    w(f'# {c["title"]["en"]}\n')
    w(f'<p dir="rtl" lang="ar">{c["title"]["ar"]}</p>\n')
    covered = " to ".join(x for x in sc["covered"] if x) or "—"
    w(f'marsad briefing, {c["generated"]}. Dates: {sc["from"] or "start"} to {sc["to"] or "end"} (events found from '
      f'{covered}); period: {sc.get("period") or "—"}. {num(n["interactions"], n["ref"])} interactions from '
      f'{num(n["dyad_reports"], n["ref"])} event reports in {num(n["dyad_articles"], n["ref"])} articles and '
      f'{num(n["outlets"], n["ref"])} outlets; {n["articles"]} articles and {n["event_reports"]} event reports read '
      f'in all.\n')
    s = c.get("settings") or {}
    w("> **How to read this.** Balance runs from −1 (all conflict) to +1 (all cooperation), each interaction "
      "weighted by its intensity, confidence and modality. The bracket is a "
      f"{s.get('level', 95)}% interval: few interactions, wide interval. One event covered by many outlets is one "
      "interaction with many reports. Every number links to the Arabic sentences behind it in the evidence section.\n")

    # summary
    sm = c["summary"]
    w(_h(c, "summary"))
    w(sm["sentence"]["en"] + "\n")
    if sm["sentence"]["ar"]:
        w(f'<p dir="rtl" lang="ar">{sm["sentence"]["ar"]}</p>\n')
    if c.get("message"):
        w(f'*{c["message"]["en"]}* {ar(c["message"]["ar"])}\n')
    rows = sm["dossiers"] + ([sm["overall"]] if sm["overall"] else [])
    if sm["dossiers"]:
        out.extend(_table(
            ["Dossier", "Character", "Interactions", "Coop. / confl.", "Balance [95% interval]", "Change", "Articles",
             "Outlets"],
            [[bi(r["name"], r["dossier"]), r["label_name"]["en"] + (" (firm)" if r["firm"] else ""),
              num(r["n"], r["ref"]), f'{num(r["n_coop"], r["ref"])} / {num(r["n_conflict"], r["ref"])}',
              num(_interval(r), r["ref"]), _change(r), num(r["n_articles"], r["ref"]), num(r["n_outlets"], r["ref"])]
             for r in rows]))
        for r in sm["dossiers"]:
            w(f'- {r["sentence"]["en"]}\n  <p dir="rtl" lang="ar">{r["sentence"]["ar"]}</p>')
        w("")

    w(_h(c, "balance"))
    if not c["balance"]:
        w("*No dated interactions to plot.*\n")
    for srs in c["balance"]:
        w(f'### {bi(srs["name"], srs["dossier"])}\n')
        out.extend(_table(["Period", "Balance", "95% interval", "Interactions"],
                          [[p["period"], num(fmt_balance(p["balance"]), p["ref"]),
                            f'{fmt_balance(p["low"])} to {fmt_balance(p["high"])}', num(p["n"], p["ref"])]
                           for p in srs["points"]]))

    w(_h(c, "heatmap"))
    h = c["heatmap"]
    if h["rows"]:
        out.extend(_table(["Dossier"] + h["periods"],
                          [[bi(r["name"], r["dossier"])] + [
                              "·" if cell is None else num(f'{cell["n"]} ({fmt_balance(cell["balance"])})', cell["ref"])
                              for cell in r["cells"]] for r in h["rows"]]))
        w("Cells: interactions (balance); · nothing reported.\n")
    else:
        w("*No events to map.*\n")

    w(_h(c, "contacts"))
    if c["contacts"]:
        out.extend(_table(["Date", "Kind", "Places", "Participants", "Dossiers", "Reports", "Outlets"], [[
            r["date"] or "undated", r["mode_name"]["en"] + ("" if r["modality"] == "asserted" else f' ({r["modality"]})'),
            ar("، ".join(x for x in r["places"] if x)) or "—", ar("، ".join(x for x in r["participants"] if x)) or "—",
            _dossiers(c, r["dossiers"]), num(r["n_reports"], r["ref"]), ar("، ".join(r["outlets"])) or "—"]
            for r in c["contacts"]]))
    else:
        w("*No leader contacts between the two in this period.*\n")

    w(_h(c, "agreements"))
    if c["agreements"]:
        out.extend(_table(["Date", "Type", "Status", "Wording", "Dossiers", "Reports"], [[
            r["date"] or "undated", r["type"].lower(), r["status_name"]["en"], ar("، ".join(r["what"])) or "—",
            _dossiers(c, r["dossiers"]), num(r["n_reports"], r["ref"])] for r in c["agreements"]]))
    else:
        w("*No agreements or deals reported in this period.*\n")

    w(_h(c, "shocks"))
    if c["shocks"]:
        out.extend(_table(["Date", "Event", "Who → whom", "Intensity", "Dossiers", "Reports"], [[
            r["date"] or "undated", r["type"].lower() + (f' ({r["mode"]})' if r["mode"] else ""),
            f'{_actor(c, r["source"])} → {_actor(c, r["target"])}', num(f'{r["intensity"]:+g}', r["ref"]),
            _dossiers(c, r["dossiers"]), num(r["n_reports"], r["ref"])] for r in c["shocks"]]))
    else:
        w("*No conflictual events reported as having happened in this period.*\n")

    w(_h(c, "figures"))
    if not c["figures"]:
        w("*No figures reported in the articles about the two.*\n")
    for f in c["figures"]:
        w(f'### {bi(f["name"], f["what"])} ({f["unit"] or "no unit"})\n')
        out.extend(_table(["Date", "Values reported, side by side", "Conflict"], [[
            (p["date"] or "undated") + ("" if p["dated_by"] == "figure" else " (published)"),
            " · ".join(f'{num(fmt_value(r["value"]), r["ref"])} ({ar(r["outlet"]) or r["article"]})'
                       for r in sorted(p["reports"], key=lambda r: r["value"])),
            "conflicting" if p["conflict"] else ""] for p in f["points"]]))

    w(_h(c, "third-parties"))
    if c["third_parties"]:
        d = c["dyad"]
        out.extend(_table(
            ["Third party", f'With {d["a_name"]["en"]}: n', "balance", f'With {d["b_name"]["en"]}: n', "balance",
             "Leans", "Stances", "Relation"],
            [[bi(r["name"], r["third"]), num(r["with_a"]["n"], r["with_a"]["ref"]),
              num(fmt_balance(r["with_a"]["balance"]), r["with_a"]["ref"]), num(r["with_b"]["n"], r["with_b"]["ref"]),
              num(fmt_balance(r["with_b"]["balance"]), r["with_b"]["ref"]), r["leans_name"]["en"],
              f'{r["stance_a"]} / {r["stance_b"]}', r["relation_name"]["en"]] for r in c["third_parties"]]))
    else:
        w("*No third parties interact with either side in this period.*\n")

    w(_h(c, "network"))
    net = c["network"]
    if net["edges"]:
        out.extend(_table(["Actors", "Interactions", "Cooperative share"], [[
            f'{e["a"]} – {e["b"]}', num(e["n"], e["ref"]), f'{100 * e["coop_share"]:.0f}%'] for e in net["edges"]]))
    else:
        w("*No interactions between actors.*\n")

    w(_h(c, "framing"))
    if not c["framing"]["stories"]:
        w("*No story was reported by two or more outlets.*\n")
    for st in c["framing"]["stories"]:
        w(f'### {ar(st["title"] or st["story"])}\n')
        w(f'{st["n_outlets"]} outlets · {st["n_articles"]} articles · {st["n_facts"]} facts in all · story `{st["story"]}`\n')
        out.extend(_table(["Outlet", "Articles", "Facts", "Coverage", "Reports", "Leaves out", "Quotes", "Tone"], [[
            ar(o["outlet"]), str(len(o["articles"])), num(o["n_facts"], o["facts_ref"]),
            num("—" if o["coverage"] is None else f'{100 * o["coverage"]:.0f}%', o["facts_ref"]),
            "; ".join(f'{(f.get("text") or {}).get("en") or f["key"]} ({num(f["n"], f["ref"])})'
                      for f in o["facts"]) or "—",
            "; ".join(t["en"] for t in o.get("omitted_facts_text") or []) or "; ".join(o["omitted"]["facts"]) or "—", ", ".join(o["speakers"]) or "—",
            num(fmt_balance(o["tone"]), o["tone_ref"]) + (" " + ar("، ".join(o["tone_words"])) if o["tone_words"] else "")]
            for o in st["outlets"]]))

    w(_h(c, "evidence"))
    ev = c["evidence"]
    if not ev["events"] and not ev["figures"]:
        w("*No evidence: nothing was coded.*\n")
    for e in ev["events"]:
        text = e["text"]
        if e["trigger"]:
            s0, s1 = e["trigger"]
            text = f"{text[:s0]}**{text[s0:s1]}**{text[s1:]}"
        src = f' · [source]({e["url"]})' if e.get("url") else ""
        w(f'<a id="{e["anchor"]}"></a>\n**{e["type"]}**{" (" + e["mode"] + ")" if e["mode"] else ""} · '
          f'{e["quad"].replace("_", " ")} {e["intensity"]:+g} · {_actor(c, e["source"])} → {_actor(c, e["target"])} · '
          f'event date {e["date"] or "—"} · {ar(e["outlet"]) or "outlet unknown"} · published {e["published"] or "—"} · '
          f'article `{e["article"]}`{src}\n')
        w(f'<p dir="rtl" lang="ar">{text}</p>\n')
    for f in ev["figures"]:
        w(f'<a id="{f["anchor"]}"></a>\n**{fmt_value(f["value"])}** {f["unit"] or ""} · {f["what"] or ""} · about '
          f'{f["date"] or "—"} · {ar(f["outlet"]) or "outlet unknown"} · article `{f["article"]}`\n')
        w(f'<p dir="rtl" lang="ar">{f["text"]}</p>\n')
    for t in ev["tones"]:
        hits = "، ".join(f'{h["entry"]} ×{h["n"]}' for h in t["hits"]) or "—"
        w(f'<a id="{t["anchor"]}"></a>\nTone {t["score"]} · {ar(t["outlet"])} · {ar(hits)}\n')
    for s in ev["sets"]:
        links = " ".join(f"[{i + 1}](#{a})" for i, a in enumerate(s["anchors"]))
        w(f'<a id="{s["anchor"]}"></a>\n{len(s["anchors"])} reports: {links}\n')
    return "\n".join(out).rstrip() + "\n"


def _dossiers(c: dict, keys: list[str]) -> str:
    names = (c.get("labels") or {}).get("dossiers") or {}
    return ", ".join((names.get(k) or {}).get("en") or k for k in keys) or "—"


def _change(r: dict) -> str:
    out = r["change_name"]["en"]
    f, s = r.get("first"), r.get("second")
    if f and s and f["balance"] is not None and s["balance"] is not None:
        out += f' ({num(fmt_balance(f["balance"]), f["ref"])} → {num(fmt_balance(s["balance"]), s["ref"])})'
    return out
