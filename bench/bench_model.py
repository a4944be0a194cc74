"""Time the relationship model and the report on N articles' worth of events.

    python bench/bench_model.py [--articles 10000] [--real PATH] [--synthetic] [--events-per-article 8]

Default (``--real``, the seeds in ../shared, else the bundled examples/): the folder is ingested into
a temporary database with the full pipeline, its articles' records (events, figures, quotes, texts)
are read back, and replicated -- each copy with new article ids, its own story and dates shifted by
whole years -- until there are N articles; then the model (dyad, registers, character, framing with
tone) and the whole report (build_report + HTML render) are timed on one core.
``--synthetic`` uses generated records instead (below).

Records are generated (no database): each article gets a few events among TUR, RUS and six third
parties, drawn from the PLOVER types with their intensities, dossiers, modalities and dates over
2015-2023, plus two figures and a quote; every article belongs to a story of about five outlets.
Prints one row per step, with a baseline of merely iterating the records in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
from pathlib import Path

from marsad.model import (ArticleRecord, Character, DyadModel, EventRecord, Framing, ModelConfig, ModelInput,
                          QuantityRecord, QuoteRecord, Registers, ToneLexicon)
from marsad.types import ActorRef, Span

TYPES = [("CONSULT", "verbal_coop", 2.5), ("AGREE", "verbal_coop", 2.5), ("SUPPORT", "verbal_coop", 5),
         ("COOPERATE", "material_coop", 9.5), ("AID", "material_coop", 10), ("ACCUSE", "verbal_conflict", -3),
         ("THREATEN", "verbal_conflict", -3.5), ("SANCTION", "material_conflict", -6),
         ("ASSAULT", "material_conflict", -9), ("REQUEST", "verbal_conflict", 0)]
ACTORS = ["TUR", "RUS", "TUR", "RUS", "USA", "SYR", "UKR", "NATO", "IRN", "AZE"]
DOSSIERS = ["syria", "libya", "south_caucasus", "ukraine_crimea", "energy_oil_gas", "trade_economy", "tourism",
            "arms_trade"]
OUTLETS = [f"outlet-{i}" for i in range(40)]
WORDS = "لقاء مثمر بين الرئيسين وسط توتر في إدلب وأزمة الغاز وتعاون في الطاقة وشراكة استراتيجية".split()


def synth(n_articles: int, per_article: int, seed: int) -> ModelInput:
    rnd = random.Random(seed)
    data = ModelInput()
    for i in range(n_articles):
        aid = f"a{i}"
        outlet = rnd.choice(OUTLETS)
        y, m, d = rnd.randint(2015, 2023), rnd.randint(1, 12), rnd.randint(1, 28)
        pub = f"{y}-{m:02d}-{d:02d}"
        story = f"s{i // 5}"
        text = " ".join(rnd.choice(WORDS) for _ in range(300))
        data.articles.append(ArticleRecord(aid, outlet, pub, "عنوان", text, story))
        for j in range(per_article):
            t, q, inten = rnd.choice(TYPES)
            s = rnd.choice(ACTORS)
            tg = rnd.choice([a for a in ACTORS if a != s])
            date = pub if rnd.random() < 0.7 else (None if rnd.random() < 0.5 else str(rnd.randint(2010, 2023)))
            data.events.append(EventRecord(
                id=f"{aid}#e{j}", article=aid, type=t, quad=q, intensity=inten, source=ActorRef(None, s),
                target=ActorRef(None, tg), evidence=Span(j * 100, j * 100 + 80, "دليل"), date=date,
                date_precision="day" if date and len(date) == 10 else "year" if date else None,
                modality=rnd.choice(["asserted"] * 6 + ["future", "hypothetical", "negated"]),
                dossiers=tuple(rnd.sample(DOSSIERS, rnd.randint(0, 2))), confidence=rnd.choice([0.6, 0.8, 1.0]),
                outlet=outlet, published=pub, title="عنوان", story=story))
        for what in ("trade_volume", "tourists"):
            data.quantities.append(QuantityRecord(rnd.choice([20e9, 26e9, 33e9]), "USD", what, Span(0, 3, "رقم"),
                                                  aid, str(rnd.randint(2015, 2023)), outlet, pub, "عنوان", story))
        data.quotes.append(QuoteRecord("قول", Span(0, 3, "قول"), aid, f"person.p{rnd.randint(0, 9)}", None, True,
                                       outlet, pub, story))
    return data


def real(n_articles: int, folder: Path) -> ModelInput:
    """Records of ``folder`` after the full pipeline, replicated to ``n_articles`` articles."""
    from marsad.ingest import ingest
    from marsad.report.build import load_input
    from marsad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            ingest([folder], store)
        base = load_input(db).data
    if not base.articles:
        raise SystemExit(f"no article read from {folder}")
    ev_by: dict[str, list] = {}
    for r in base.events:
        ev_by.setdefault(r.article, []).append(r)
    q_by: dict[str, list] = {}
    for q in base.quantities:
        q_by.setdefault(q.article, []).append(q)
    qt_by: dict[str, list] = {}
    for q in base.quotes:
        qt_by.setdefault(q.article, []).append(q)

    def shift(d, k):
        return None if not d else f"{int(d[:4]) - (k % 8):04d}{d[4:]}"

    out = ModelInput()
    k = 0
    while len(out.articles) < n_articles:
        for a in base.articles:
            if len(out.articles) >= n_articles:
                break
            aid, story = f"{a.id}~{k}", f"{a.story or a.id}~{k}"
            out.articles.append(dataclasses.replace(a, id=aid, story=story, published=shift(a.published, k)))
            for r in ev_by.get(a.id, ()):
                out.events.append(dataclasses.replace(r, id=f"{r.id}~{k}", article=aid, story=story,
                                                      date=shift(r.date, k), published=shift(r.published, k),
                                                      also_in=()))
            for q in q_by.get(a.id, ()):
                out.quantities.append(dataclasses.replace(q, article=aid, story=story, date=shift(q.date, k),
                                                          published=shift(q.published, k)))
            for q in qt_by.get(a.id, ()):
                out.quotes.append(dataclasses.replace(q, article=aid, story=story))
        k += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--events-per-article", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--synthetic", action="store_true", help="generated records instead of real ones")
    ap.add_argument("--real", type=Path, default=None, help="folder to ingest (default: ../shared/seeds, "
                    "else examples/)")
    args = ap.parse_args()
    if args.synthetic:
        data = synth(args.articles, args.events_per_article, args.seed)
        source = "synthetic records"
    else:
        repo = Path(__file__).resolve().parents[1]
        folder = args.real or next((p for p in (repo / ".." / "shared" / "seeds", repo / "examples")
                                    if p.is_dir()), None)
        t0 = time.perf_counter()
        data = real(args.articles, folder)
        source = f"real records of {folder.resolve()} (ingested and replicated in {time.perf_counter() - t0:.1f} s)"
    cfg = ModelConfig.load()
    lex = ToneLexicon.load()
    rows = []

    def step(name, fn):
        t0 = time.perf_counter()
        out = fn()
        rows.append((name, time.perf_counter() - t0))
        return out

    def iterate():
        n = 0
        for r in data.events:
            n += r.intensity != 0 and r.source is not None
        for q in data.quantities:
            n += q.value > 0
        return n

    step("baseline: iterate the records", iterate)
    model = step("dyad model (cells + third parties)", lambda: DyadModel.build(data.events, config=cfg))
    step("registers", lambda: Registers.build(model, data.quantities))
    step("character", lambda: Character.build(model))
    step("framing without tone texts (events, quotes, figures)",
         lambda: Framing.build(ModelInput([a.__class__(a.id, a.outlet, a.published, a.title, "", a.story)
                                           for a in data.articles], data.events, data.quantities, data.quotes),
                               lex, cfg))
    step("framing with tone of every article text", lambda: Framing.build(data, lex, cfg))
    step("model.to_dict(evidence=False)", lambda: model.to_dict(evidence=False))
    from marsad.report import build_report, render
    from marsad.report.build import default_kb
    kb = step("knowledge base for names (loaded once)", default_kb)
    dyad = (model.a, model.b)
    rep = step("report: build_report (model + registers + character + framing + sections)",
               lambda: build_report(data, dyad=dyad, config=cfg, lexicon=lex, kb=kb or False))
    html = step("report: HTML render", lambda: render(rep, "html"))
    print(source)
    print(f"{args.articles} articles, {len(data.events)} event records, {len(data.quantities)} figures; "
          f"dyad {model.a}-{model.b}: {len(model.interactions)} interactions, {len(model.cells)} cells, "
          f"{len(model.third)} third-party cells")
    print(f"{'step':<75} {'seconds':>8}")
    for name, secs in rows:
        print(f"{name:<75} {secs:8.3f}")
    core = sum(s for n, s in rows if n.startswith(("dyad", "registers", "character")))
    print(f"{'model total (dyad + registers + character)':<75} {core:8.3f}")
    total = sum(s for n, s in rows if n.startswith("report:"))
    print(f"{'report total (build_report + HTML render)':<75} {total:8.3f}   ({len(html) / 1e6:.1f} MB of HTML)")


if __name__ == "__main__":
    main()
