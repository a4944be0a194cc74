"""Time the relationship model on synthetic records for N articles' worth of events.

    python bench/bench_model.py [--articles 10000] [--events-per-article 8] [--seed 1]

Records are generated (no database): each article gets a few events among TUR, RUS and six third
parties, drawn from the PLOVER types with their intensities, dossiers, modalities and dates over
2015-2023, plus two figures and a quote; every article belongs to a story of about five outlets.
Prints one row per step, with a baseline of merely iterating the records in the same run.
"""

from __future__ import annotations

import argparse
import random
import time

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--events-per-article", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    data = synth(args.articles, args.events_per_article, args.seed)
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
    print(f"{args.articles} articles, {len(data.events)} event records, {len(data.quantities)} figures; "
          f"dyad {model.a}-{model.b}: {len(model.interactions)} interactions, {len(model.cells)} cells, "
          f"{len(model.third)} third-party cells")
    print(f"{'step':<55} {'seconds':>8}")
    for name, secs in rows:
        print(f"{name:<55} {secs:8.3f}")
    core = sum(s for n, s in rows if n.startswith(("dyad", "registers", "character")))
    print(f"{'model total (dyad + registers + character)':<55} {core:8.3f}")


if __name__ == "__main__":
    main()
