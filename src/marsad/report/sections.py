"""The briefing's sections, assembled from the relationship model into the JSON-ready content dict:
summary, balance over time and heat map, the registers (contacts, agreements, shocks, figures), third
parties, the actor network and framing across outlets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.model.config import ModelConfig
from marsad.model.core import ALL, COOP_QUADS, NO_DOSSIER, Interaction, summarize
from marsad.model.records import ModelInput
from marsad.report.evidence import Evidence

#: stories shown in the framing section (the ones reported by the most outlets)
MAX_STORIES = 6
#: how two sides stand towards a third party, in English and Arabic
RELATIONS = {
    "aligned": ("aligned", "متوافقان"), "opposed": ("opposed", "متعارضان"), "one_sided": ("one side only", "طرف واحد"),
    "unclear": ("unclear", "غير واضح"),
}
#: names of the figures' ``what`` ids, in English and Arabic
FIGURE_NAMES = {
    "trade_volume": ("trade volume", "حجم التبادل التجاري"), "trade_target": ("trade target", "هدف التبادل التجاري"),
    "tourists": ("tourists", "السياح"), "gas_volume": ("gas volume", "حجم الغاز"),
    "investment": ("investment", "الاستثمار"), "other": ("other figures", "أرقام أخرى"),
}


def names(cfg: ModelConfig, code: str | None, kb=None) -> dict:
    """English and Arabic names of an actor code (or entity id)."""
    return {"en": cfg.actor_name(code, "en", kb), "ar": cfg.actor_name(code, "ar", kb)}


def _label(cfg: ModelConfig, group: str, key: str | None) -> dict:
    """English and Arabic labels from the model settings; a key they do not label is shown in
    words (``israel_palestine`` -> ``israel palestine``) with no Arabic name."""
    en, ar = cfg.label(group, key, "en"), cfg.label(group, key, "ar")
    if key is not None and en == key and ar == key:
        return {"en": key.replace("_", " "), "ar": None}
    return {"en": en, "ar": ar}


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


def fill_periods(periods: Iterable[str], period: str) -> list[str]:
    """``periods`` with the gaps between the first and last filled in (``2020-01, 2020-03`` ->
    ``2020-01, 2020-02, 2020-03``), so a time axis shows quiet periods as such. Keys coarser
    than ``period`` (a year-only date in a month view) are kept as they are."""
    periods = sorted(set(periods))
    pat = {"month": r"\d{4}-\d{2}", "quarter": r"\d{4}-Q[1-4]", "year": r"\d{4}"}[period]
    regular = [p for p in periods if re.fullmatch(pat, p)]
    if not regular:
        return periods
    def index(p: str) -> int:
        y = int(p[:4])
        if period == "month":
            return y * 12 + int(p[5:7]) - 1
        if period == "quarter":
            return y * 4 + int(p[6]) - 1
        return y
    def key(i: int) -> str:
        if period == "month":
            return f"{i // 12:04d}-{i % 12 + 1:02d}"
        if period == "quarter":
            return f"{i // 4:04d}-Q{i % 4 + 1}"
        return f"{i:04d}"
    lo, hi = index(regular[0]), index(regular[-1])
    full = {key(i) for i in range(lo, hi + 1)}
    return sorted(full | set(periods))


def _entity_words(entity: str | None) -> str | None:
    """``person.fidan_hakan`` -> ``fidan hakan``: an id shown as words when no name is known."""
    if not entity:
        return None
    return entity.split(".", 1)[-1].split(":")[-1].replace("_", " ")


def _dossier_row(dc, cfg: ModelConfig, ev: Evidence) -> dict:
    s = dc.overall
    coop = sum(n for q, n in s.quads.items() if q in COOP_QUADS)

    def half(h, p):
        if h is None:
            return None
        return {"period": list(p) if p else None, "n": h.n, "balance": _r(h.balance), "low": _r(h.low),
                "high": _r(h.high), "ref": ev.summary(h)}

    return {
        "dossier": dc.dossier, "name": _label(cfg, "dossiers", dc.dossier), "label": dc.label,
        "label_name": _label(cfg, "character", dc.label), "firm": dc.firm,
        "n": s.n, "n_reports": s.n_reports, "n_coop": coop, "n_conflict": s.n - coop,
        "balance": _r(s.balance), "low": _r(s.low), "high": _r(s.high),
        "n_articles": len(s.articles), "n_outlets": len(s.outlets), "ref": ev.summary(s),
        "change": dc.change, "change_name": _label(cfg, "change", dc.change) if dc.change != "unknown"
        else {"en": "unknown", "ar": "غير معروف"},
        "first": half(dc.first, dc.periods[0] if dc.periods else None),
        "second": half(dc.second, dc.periods[1] if dc.periods else None),
        "sentence": {"en": dc.summary_en, "ar": dc.summary_ar},
        "reason": getattr(dc, "reason", ""),
        "camps": [list(c) for c in getattr(dc, "camps", [])],
        # sentences stating the two stand opposed / aligned over the dossier (not events), with their entries
        "stated": {"opposed": len(getattr(dc, "stated_opposed", [])), "aligned": len(getattr(dc, "stated_aligned", [])),
                   "refs": [ev.stance(x) for x in getattr(dc, "stated_opposed", [])]
                   + [ev.stance(x) for x in getattr(dc, "stated_aligned", [])]},
    }


def _headline(rows: list[dict], overall: dict | None, a_name: dict, b_name: dict, lang: str) -> str:
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(r["label"], []).append(r["name"][lang] or r["name"]["en"])
    if overall is None or overall["n"] == 0:
        if lang == "ar":
            return f"لا أحداث مرمّزة بين {a_name['ar']} و{b_name['ar']} في هذه الفترة."
        return f"No coded events between {a_name['en']} and {b_name['en']} in this period."
    parts = []
    for label, en, ar in (("cooperative", "cooperative", "تعاونية"), ("contested", "contested", "متنازع عليها"),
                          ("mixed", "mixed", "مختلطة")):
        names = groups.get(label) or []
        if names:
            if lang == "ar":
                parts.append(f"{len(names)} {ar} ({'، '.join(names)})")
            else:
                parts.append(f"{len(names)} {en} ({', '.join(names)})")
    bal, lo, hi = (f"{overall['balance']:+.2f}" if overall["balance"] is not None else "n/a",
                   f"{overall['low']:+.2f}", f"{overall['high']:+.2f}")
    if lang == "ar":
        head = (f"العلاقة بين {a_name['ar']} و{b_name['ar']}: الميزان العام {bal} (مجال الثقة من {lo} إلى {hi}) "
                f"في {overall['n']} تفاعلًا من {overall['n_articles']} مقالًا و{overall['n_outlets']} منبرًا")
        if parts:
            head += "؛ الملفات: " + "، ".join(parts)
        else:
            head += "؛ لا ملف يبلغ عدد الأحداث اللازم للحكم عليه"
        return head + "."
    label = overall["label_name"]["en"]
    head = (f"Relations between {a_name['en']} and {b_name['en']} look {label} overall: balance {bal} "
            f"(95% interval {lo} to {hi}) over {overall['n']} interactions reported in {overall['n_articles']} "
            f"articles from {overall['n_outlets']} outlets")
    if parts:
        head += ". Dossiers: " + "; ".join(parts)
    else:
        head += ". No dossier has enough events to be characterised on its own"
    return head + "."


def fill(content: dict, rel, data: ModelInput, cfg: ModelConfig, ev: Evidence, kb) -> None:
    """Fill ``content`` (the skeleton of :func:`marsad.report.build.build_report`) from the relationship ``rel``."""
    model, reg, ch, fr = rel.model, rel.registers, rel.character, rel.framing
    a, b = model.a, model.b
    a_name, b_name = names(cfg, a, kb), names(cfg, b, kb)
    content["dyad"] = {"a": a, "b": b, "a_name": a_name, "b_name": b_name}
    content["title"] = {"en": f"{a_name['en']} – {b_name['en']}: relations briefing",
                        "ar": f"موجز العلاقات بين {a_name['ar']} و{b_name['ar']}"}
    first, last = model.span()
    content["scope"] = {"from": model.start, "to": model.end, "covered": [first, last], "period": model.period}
    total = model.cell(ALL, ALL).total
    content["counts"].update({"dyad_reports": total.n_reports, "interactions": total.n,
                              "dyad_articles": len(total.articles), "outlets": len(total.outlets),
                              "ref": ev.summary(total)})
    if total.n == 0:
        content["status"] = "no_events"
        content["message"] = {"en": f"No coded events between {a_name['en']} and {b_name['en']} in this period.",
                              "ar": f"لا أحداث مرمّزة بين {a_name['ar']} و{b_name['ar']} في هذه الفترة."}

    rows, content["summary"] = _summary(ch, cfg, ev, a_name, b_name)
    content["balance"], content["heatmap"] = _timeline(model, cfg, ev, [ALL] + [r["dossier"] for r in rows])
    content["contacts"], content["agreements"], content["shocks"] = _registers(reg, cfg, ev)
    content["figures"] = _figures(reg, ev)
    content["third_parties"] = _third_parties(model, ch, cfg, ev, kb, a_name, b_name)

    used = {d for r in content["contacts"] + content["agreements"] + content["shocks"] for d in r["dossiers"]}
    used.update(r["dossier"] for r in rows)
    content["labels"] = {"dossiers": {d: _label(cfg, "dossiers", d) for d in sorted(used)}}
    content["network"] = _network(model, cfg, ev, kb)
    content["framing"] = _framing(fr, cfg, ev, data, kb)
    content["evidence"] = ev.to_dict()


def _summary(ch, cfg: ModelConfig, ev: Evidence, a_name: dict, b_name: dict) -> tuple[list[dict], dict]:
    """The dossier rows and the summary section (overall balance, labels, headline sentences)."""
    rows = [_dossier_row(dc, cfg, ev) for d, dc in ch.dossiers.items() if d != ALL]
    rows.sort(key=lambda r: (r["dossier"] == NO_DOSSIER, -r["n"], r["dossier"]))
    overall = _dossier_row(ch.dossiers[ALL], cfg, ev) if ALL in ch.dossiers else None
    by_label: dict[str, list[str]] = {}
    for r in rows:
        by_label.setdefault(r["label"], []).append(r["dossier"])
    summary = {
        "overall": overall, "dossiers": rows, "by_label": by_label,
        "periods": [list(p) for p in ch.periods] if ch.periods else None,
        "sentence": {"en": _headline(rows, overall, a_name, b_name, "en"),
                     "ar": _headline(rows, overall, a_name, b_name, "ar")},
    }
    return rows, summary


def _timeline(model, cfg: ModelConfig, ev: Evidence, order: list[str]) -> tuple[list[dict], dict]:
    """The balance over time per dossier (in ``order``) and the heat map of dossiers by period."""
    balance = []
    for d in order:
        pts = [{"period": c.period, "balance": _r(c.total.balance), "low": _r(c.total.low), "high": _r(c.total.high),
                "n": c.total.n, "ref": ev.summary(c.total)} for c in model.series(d)]
        if pts:
            balance.append({"dossier": d, "name": _label(cfg, "dossiers", d), "points": pts})
    periods = fill_periods(model.periods, model.period)
    hrows = []
    for d in order:
        cells = []
        for p in periods:
            c = model.cells.get((d, p))
            cells.append(None if c is None or c.total.n == 0 else
                         {"period": p, "n": c.total.n, "balance": _r(c.total.balance), "ref": ev.summary(c.total)})
        if any(cells):
            hrows.append({"dossier": d, "name": _label(cfg, "dossiers", d), "cells": cells})
    return balance, {"periods": periods, "rows": hrows}


def _registers(reg, cfg: ModelConfig, ev: Evidence) -> tuple[list[dict], list[dict], list[dict]]:
    """The contacts, agreements and shocks registers."""

    def names_of(items, key="name"):
        return [x.get(key) or _entity_words(x.get("entity")) for x in items]

    contacts = [{
        "date": c.date, "date_precision": c.date_precision, "mode": c.mode,
        "mode_name": _label(cfg, "contact_mode", c.mode), "modality": c.modality,
        "places": names_of(c.places), "participants": names_of(c.participants),
        "dossiers": [d for d in c.dossiers if d != NO_DOSSIER],
        "n_reports": len(c.interaction.records), "outlets": sorted({r.outlet for r in c.interaction.records if r.outlet}),
        "ref": ev.interactions([c.interaction]),
    } for c in reg.contacts]
    agreements = [{
        "type": x.type, "date": x.date, "status": x.status, "status_name": _label(cfg, "status", x.interaction.modality),
        "what": list(x.what), "dossiers": [d for d in x.dossiers if d != NO_DOSSIER],
        "source": x.interaction.source, "target": x.interaction.target,
        "n_reports": len(x.interaction.records),
        "outlets": sorted({r.outlet for r in x.interaction.records if r.outlet}),
        "ref": ev.interactions([x.interaction]),
    } for x in reg.agreements]
    shocks = [{
        "type": s.type, "mode": s.mode, "date": s.date, "intensity": round(s.intensity, 2),
        "source": s.source, "target": s.target, "dossiers": [d for d in s.dossiers if d != NO_DOSSIER],
        "quad": s.interaction.quad, "n_reports": len(s.interaction.records),
        "outlets": sorted({r.outlet for r in s.interaction.records if r.outlet}),
        "ref": ev.interactions([s.interaction]),
    } for s in reg.shocks]
    return contacts, agreements, shocks


def _figures(reg, ev: Evidence) -> list[dict]:
    """The figures register: one series per ``what`` and unit."""
    figs = []
    for what, points in reg.figures.items():
        by_unit: dict[str | None, list] = {}
        for p in points:
            by_unit.setdefault(p.unit, []).append(p)
        for unit, pts in by_unit.items():
            name = FIGURE_NAMES.get(what, (what.replace("_", " "), None))
            figs.append({"what": what, "unit": unit, "name": {"en": name[0], "ar": name[1]}, "points": [{
                "date": p.date, "dated_by": p.dated_by, "conflict": p.conflict, "values": p.values,
                "n_sources": len({q.outlet or q.article for q in p.reports}),
                "reports": [{"value": q.value, "outlet": q.outlet, "published": q.published, "article": q.article,
                             "text": q.span.text, "ref": ev.figure(q)} for q in p.reports],
            } for p in pts]})
    return figs


def _third_parties(model, ch, cfg: ModelConfig, ev: Evidence, kb, a_name: dict, b_name: dict) -> list[dict]:
    """Third parties: their leanings (character) and the two sides' stances towards them (dyad cells)."""
    a, b = model.a, model.b
    stances = {c.third: c for c in model.third_parties(ALL, ALL)}
    tps = []
    sides = ch.dossiers[ALL].third_parties if ALL in ch.dossiers else []
    for t in sides:
        st = stances.get(t.third)
        lean = "even" if t.leans == "even" else (a if t.leans == "a" else b)
        lean_name = {"en": "even", "ar": "على مسافة واحدة"} if lean == "even" else \
            {"en": f"closer to {(a_name if lean == a else b_name)['en']}",
             "ar": f"أقرب إلى {(a_name if lean == a else b_name)['ar']}"}
        tps.append({
            "third": t.third, "name": names(cfg, t.third, kb),
            "with_a": {"n": t.with_a.n, "balance": _r(t.with_a.balance), "ref": ev.summary(t.with_a)},
            "with_b": {"n": t.with_b.n, "balance": _r(t.with_b.balance), "ref": ev.summary(t.with_b)},
            "leans": lean, "leans_name": lean_name,
            "stance_a": st.stance_a if st else "none", "stance_b": st.stance_b if st else "none",
            "relation": st.relation if st else "unclear",
            "relation_name": dict(zip(("en", "ar"), RELATIONS.get(st.relation if st else "unclear", ("?", "?")))),
        })
    return tps


def _network(model, cfg: ModelConfig, ev: Evidence, kb, max_nodes: int = 14) -> dict:
    items = list(model.interactions) + list(model.third_interactions)
    if not items:
        return {"nodes": [], "edges": [], "omitted": 0}
    by_node: dict[str, list[Interaction]] = {}
    by_edge: dict[tuple[str, str], list[Interaction]] = {}
    for it in items:
        s, t = it.source, it.target
        for c in (s, t):
            by_node.setdefault(c, []).append(it)
        by_edge.setdefault((s, t) if s < t else (t, s), []).append(it)
    ranked = sorted(by_node, key=lambda c: (c not in (model.a, model.b), -len(by_node[c]), c))
    keep = set(ranked[:max_nodes])
    nodes = [{"code": c, "name": names(cfg, c, kb), "n": len(by_node[c]),
              "role": "a" if c == model.a else "b" if c == model.b else "third",
              "ref": ev.interactions(by_node[c])} for c in ranked[:max_nodes]]
    edges = []
    for (x, y), its in sorted(by_edge.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if x not in keep or y not in keep:
            continue
        coop = sum(1 for it in its if it.quad in COOP_QUADS)
        s = summarize(its, cfg.z, model.outlet_of)
        edges.append({"a": x, "b": y, "n": len(its), "n_coop": coop, "coop_share": round(coop / len(its), 4),
                      "balance": _r(s.balance), "ref": ev.interactions(its)})
    return {"nodes": nodes, "edges": edges, "omitted": max(0, len(ranked) - max_nodes)}


def _framing(fr, cfg: ModelConfig, ev: Evidence, data: ModelInput, kb=None, max_stories: int | None = None) -> dict:
    max_stories = MAX_STORIES if max_stories is None else max_stories
    from marsad.model.framing import fact_text

    stories = []
    for st in fr.stories[:max_stories]:
        outlets = []
        reports: dict[str, list] = {}
        for o in st.outlets:
            for k, v in o.facts.items():
                reports.setdefault(k, []).extend(v)
        texts = {k: {"en": fact_text(v, cfg, kb, "en"), "ar": fact_text(v, cfg, kb, "ar")}
                 for k, v in reports.items()}
        for o in st.outlets:
            recs = [r for rs in o.facts.values() for r in rs]
            tone = o.tone.to_dict()
            outlets.append({
                "outlet": o.outlet, "articles": list(o.articles),
                "facts": [{"key": k, "text": texts[k], "n": len(v), "ref": ev.ref(v)}
                          for k, v in sorted(o.facts.items())],
                "n_facts": len(o.facts), "facts_ref": ev.ref(recs),
                "speakers": sorted(o.quotes), "figures": sorted(o.figures),
                "omitted": {"facts": list(o.omitted_facts), "speakers": list(o.omitted_speakers),
                            "figures": list(o.omitted_figures)},
                "omitted_facts_text": [texts[k] for k in o.omitted_facts if k in texts],
                "coverage": _r(o.coverage),
                "tone": tone["score"], "tone_words": [h["entry"] for h in tone["hits"][:6]],
                "tone_ref": ev.tone(st.story, o.outlet, tone, o.articles),
            })
        stories.append({"story": st.story, "title": st.title, "n_outlets": len(st.outlets),
                        "n_articles": len(st.articles), "n_facts": len(st.facts),
                        "facts": [{"key": k, "text": texts.get(k), "outlets": list(v)}
                                  for k, v in sorted(st.facts.items())],
                        "outlets": outlets})
    return {"stories": stories, "n_stories": fr.n_stories}
