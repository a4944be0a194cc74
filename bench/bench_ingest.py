"""Ingest throughput and memory on the ANT 2018 corpus (prints figures; not a test).

    python bench/bench_ingest.py [--limit N] [--pipeline text|full] [--corpus FILE] [--clusters] [--profile]

Each measured run is a fresh subprocess (so its peak RSS is its own) into a fresh temporary
database:

* ``baseline`` — read the JSONL and split words with one regex: the floor any ingest pays;
* ``ingest``   — marsad.ingest.ingest(): readers (decoding, language id), the pipeline, the repeat
  finder, the store (duplicates, MinHash clusters, FTS index), one transaction per article.

``--pipeline text`` runs the text layer only (normalized views, sentences, tokens); ``full`` runs
``default_pipeline()`` as it is today (actors, events, event dates, quotes, figures, dossiers).

Reading the output
------------------
One row per run::

    ingest, whole    2955 art  cpu  10.71 s  275.9 art/s  0.99 MB/s | wall  20.94 s  141.2 art/s | peak RSS  271.7 MB

* ``cpu`` is the process CPU time of the timed part (setup — loading the knowledge base, lexicons
  and models — is not timed and is printed below). Rates per CPU second are the figure to
  compare: the machine is shared, and wall time also counts waiting for other processes and for
  the disk. CPU time still grows when the machine is loaded (shared cores and caches: 10-20% at a
  load of 4 on 2 cores), so compare runs made close together, repeat them, and trust the best.
* ``MB/s`` is the size of the JSONL input per CPU second.
* ``first half`` vs ``whole``: the rate of the first half is lower because the tokenizer and the
  stemmer fill their per-word caches on the first articles (new words become rarer as the corpus
  grows); the peak RSS of the two should be close — articles are streamed and the per-word caches
  are capped; what grows is the in-memory near-duplicate index (one 128-value signature and 25
  bucket entries per stored article, about 3.5 KB).
* ``ratio ingest/baseline``: how many times the CPU time of reading and splitting the JSON.

``--profile`` adds a separate run of the whole corpus with every step timed (CPU, per article):
``read`` (decoding, JSON, dates, language id), each pipeline component by its name, ``repeats``
(repeated passages), ``store.check`` (is it new, a duplicate, unchanged?) and ``store.write``
(the transaction) with three of its parts shown indented: ``minhash`` (signature), ``lsh``
(near-duplicate look-up and insert), ``fts_fields`` (search-index text); the rest of
``store.write`` is SQLite (rows, FTS5 index, commit). ``mean`` is total / articles; ``median`` is
the cost of the median article, and ``median articles/s`` = 1000 / median ms of the whole
article. Steps that allocate much also pay for the garbage collections they trigger, so a
step's mean can exceed what it costs alone. ``not in a step`` is the ingest loop, collections
between steps and the merged events written at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpora" / "ant2018" / "articles.jsonl").resolve()
_WORD = re.compile(r"\w+")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_baseline(path: Path) -> dict:
    t0, c0 = time.perf_counter(), time.process_time()
    n = words = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            words += len(_WORD.findall(row.get("text") or ""))
            n += 1
    dt = time.perf_counter() - t0
    return {"articles": n, "words": words, "seconds": dt, "cpu_seconds": time.process_time() - c0}


class Timings:
    """CPU time of each step, per article (``--profile``)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, float]] = []
        self.order: list[str] = []

    def new_article(self) -> None:
        self.rows.append({})

    def add(self, name: str, seconds: float) -> None:
        if name not in self.order:
            self.order.append(name)
        row = self.rows[-1]
        row[name] = row.get(name, 0.0) + seconds

    def wrap(self, name: str, func):
        clock, add = time.process_time, self.add

        def timed(*args, **kwargs):
            c = clock()
            try:
                return func(*args, **kwargs)
            finally:
                add(name, clock() - c)

        return timed

    def reader(self, paths):
        """The ingest's reader, timed: a new article starts with each item read."""
        from marsad.io.readers import iter_inputs

        items = iter(iter_inputs(paths))
        while True:
            c = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            dt = time.process_time() - c
            self.new_article()
            self.add("read", dt)
            yield item

    def summary(self) -> list[tuple[str, float, float]]:
        """(step, mean ms, median ms) per article, in the order the steps first ran."""
        import statistics

        def stats(name: str) -> tuple[str, float, float]:
            values = [r.get(name, 0.0) for r in self.rows]
            return name, 1000 * statistics.fmean(values), 1000 * statistics.median(values)

        out = []
        for name in self.order:
            if name.count(".") < 2:  # a step, followed by its parts ("store.write.minhash")
                out.append(stats(name))
                out.extend(stats(part) for part in self.order if part.startswith(name + "."))
        totals = [sum(v for k, v in r.items() if k.count(".") < 2) for r in self.rows]
        out.append(("total", 1000 * statistics.fmean(totals), 1000 * statistics.median(totals)))
        return out


def run_ingest(path: Path, pipeline_name: str, show_clusters: bool, profile: bool = False) -> dict:
    from marsad.ingest import ingest
    from marsad.pipeline import Component, Pipeline, default_pipeline
    from marsad.resources import Resources
    from marsad.store import Store
    from marsad.stories.dedup import RepeatFinder

    resources = Resources()
    t_setup = time.perf_counter()
    # "full" is whatever default_pipeline() runs today (actors, events, quotes, figures, dossiers...)
    pipeline = default_pipeline(resources, layers=("text",)) if pipeline_name == "text" else default_pipeline(resources)
    tokenizer = resources.tokenizer()
    setup = time.perf_counter() - t_setup
    timings = Timings() if profile else None
    reader = None
    if timings is not None:
        # the same steps ingest() runs, each timed: components, the repeat finder (which ingest()
        # adds itself when the pipeline has none), the store's check and write
        comps = [Component(c.name, timings.wrap(c.name, c.func), c.requires, c.assigns, c.arabic_only)
                 for c in pipeline.components]
        comps.append(Component("repeats", timings.wrap("repeats", RepeatFinder(tokenizer.normalizer))))
        pipeline = Pipeline(comps)
        reader = timings.reader
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db", tokenizer=tokenizer) as store:
            if timings is not None:
                store.check = timings.wrap("store.check", store.check)
                store.add_article = timings.wrap("store.write", store.add_article)
                # parts of store.write (shown indented, not added to the total twice)
                store.signer.signature_of_key = timings.wrap("store.write.minhash", store.signer.signature_of_key)
                indexer = store.search_indexer
                indexer.fields = timings.wrap("store.write.fts_fields", indexer.fields)
                index = store.story_index()
                index.best_match = timings.wrap("store.write.lsh", index.best_match)
                index.add = timings.wrap("store.write.lsh", index.add)
            t0, c0 = time.perf_counter(), time.process_time()
            report = ingest([path], store, pipeline, reader=reader)
            dt = time.perf_counter() - t0
            cpu = time.process_time() - c0
            out = {"articles": report.read, "new": report.new, "duplicates": report.duplicates,
                   "clusters": report.clusters, "failures": len(report.failures), "seconds": dt, "cpu_seconds": cpu,
                   "setup_seconds": setup, "db_mb": os.path.getsize(Path(tmp) / "bench.db") / 2**20,
                   "components": pipeline.names}
            if timings is not None:
                out["profile"] = timings.summary()
            if show_clusters:
                out["cluster_list"] = [
                    [(a.id, a.outlet, a.published, a.title) for a in map(store.get_article, members)]
                    for members in store.clusters().values()
                ]
    return out


def child(args: argparse.Namespace) -> None:
    path = Path(args.child_input)
    if args.child == "baseline":
        res = run_baseline(path)
    else:
        res = run_ingest(path, args.pipeline, args.clusters, args.profile)
    res["peak_rss_mb"] = peak_rss_mb()
    res["mb"] = path.stat().st_size / 2**20
    print(json.dumps(res, ensure_ascii=False))


def measure(kind: str, path: Path, args: argparse.Namespace, profile: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--child-input", str(path), "--pipeline", args.pipeline]
    if args.clusters and kind == "ingest":
        cmd.append("--clusters")
    if profile:
        cmd.append("--profile")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(label: str, r: dict) -> str:
    """Rates per CPU second (one core, not disturbed by other processes) and per wall second."""
    cpu, wall = r["cpu_seconds"], r["seconds"]
    return (f"{label:<22}{r['articles']:>6} art  cpu {cpu:>6.2f} s {r['articles'] / cpu:>8.1f} art/s "
            f"{r['mb'] / cpu:>6.2f} MB/s | wall {wall:>6.2f} s {r['articles'] / wall:>8.1f} art/s "
            f"| peak RSS {r['peak_rss_mb']:>6.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    ap.add_argument("--pipeline", choices=["text", "full"], default="text")
    ap.add_argument("--clusters", action="store_true", help="print the story clusters found")
    ap.add_argument("--profile", action="store_true",
                    help="also print the CPU time of each step per article (mean and median)")
    ap.add_argument("--child", choices=["baseline", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--child-input", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    if args.limit:
        lines = lines[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "whole.jsonl"
        half = Path(tmp) / "half.jsonl"
        whole.write_text("".join(lines), encoding="utf-8")
        half.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
        print(f"corpus {args.corpus.name}: {len(lines)} articles, {whole.stat().st_size / 2**20:.1f} MB; "
              f"pipeline={args.pipeline}; python {sys.version.split()[0]}, one process, one core")
        base = measure("baseline", whole, args)
        print(row("baseline (json+regex)", base))
        half_r = measure("ingest", half, args)
        print(row("ingest, first half", half_r))
        full_r = measure("ingest", whole, args)
        print(row("ingest, whole", full_r))
        print(f"components: {', '.join(full_r['components'])}; setup {full_r['setup_seconds']:.2f} s (not timed); "
              f"database {full_r['db_mb']:.1f} MB")
        print(f"new {full_r['new']}, duplicates {full_r['duplicates']}, clusters {full_r['clusters']}, "
              f"failures {full_r['failures']}")
        print(f"ratio ingest/baseline CPU time per article: "
              f"{(full_r['cpu_seconds'] / full_r['articles']) / (base['cpu_seconds'] / base['articles']):.0f}x")
        print(f"peak RSS half -> whole: {half_r['peak_rss_mb']:.1f} -> {full_r['peak_rss_mb']:.1f} MB")
        for members in full_r.get("cluster_list", []):
            print("cluster:")
            for aid, outlet, date, title in members:
                print(f"   {aid}  {outlet}  {date}  {title}")
        if args.profile:
            prof_r = measure("ingest", whole, args, profile=True)
            print(f"\nprofile (a separate run of the whole, each step timed; cpu {prof_r['cpu_seconds']:.2f} s, "
                  f"{prof_r['articles'] / prof_r['cpu_seconds']:.1f} art/s):")
            print(f"{'step':<26}{'mean ms/art':>12}{'median ms/art':>15}{'share':>8}")
            steps = prof_r["profile"]
            total_mean = steps[-1][1]
            for name, mean, median in steps:
                label = "  " + name.rsplit(".", 1)[1] if name.count(".") >= 2 else name
                print(f"{label:<26}{mean:>12.3f}{median:>15.3f}{100 * mean / total_mean:>7.1f}%")
            per_article_cpu = 1000 * prof_r["cpu_seconds"] / prof_r["articles"]
            print(f"{'not in a step':<26}{per_article_cpu - total_mean:>12.3f}{'':>15}"
                  f"   (ingest loop, garbage collection, merged events at the end)")
            print(f"median article: {steps[-1][2]:.3f} ms -> {1000 / steps[-1][2]:.0f} median articles/s")


if __name__ == "__main__":
    main()
