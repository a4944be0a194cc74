"""Ingest throughput and memory on the ANT 2018 corpus (prints figures; not a test).

    python bench/bench_ingest.py [--limit N] [--pipeline text|full] [--corpus FILE] [--clusters]

Each measured run is a fresh subprocess (so its peak RSS is its own) into a fresh temporary
database:

* ``baseline`` — read the JSONL and split words with one regex: the floor any ingest pays;
* ``ingest``   — marsad.ingest.ingest(): readers (decoding, language id), the pipeline, the store
  (duplicates, MinHash clusters, FTS index), one transaction per article.

Ingest runs on the first half of the corpus and on the whole of it: streaming means the peak RSS
should barely move. ``--clusters`` also prints the story clusters found, for a look at whether
they are real near duplicates.
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


def run_ingest(path: Path, pipeline_name: str, show_clusters: bool) -> dict:
    from marsad.ingest import ingest
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources
    from marsad.store import Store

    resources = Resources()
    layers = ("text",) if pipeline_name == "text" else ("text", "actors", "events")
    t_setup = time.perf_counter()
    pipeline = default_pipeline(resources, layers=layers)
    tokenizer = resources.tokenizer()
    setup = time.perf_counter() - t_setup
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db", tokenizer=tokenizer) as store:
            t0, c0 = time.perf_counter(), time.process_time()
            report = ingest([path], store, pipeline)
            dt = time.perf_counter() - t0
            cpu = time.process_time() - c0
            out = {"articles": report.read, "new": report.new, "duplicates": report.duplicates,
                   "clusters": report.clusters, "failures": len(report.failures), "seconds": dt, "cpu_seconds": cpu,
                   "setup_seconds": setup, "db_mb": os.path.getsize(Path(tmp) / "bench.db") / 2**20,
                   "components": pipeline.names}
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
        res = run_ingest(path, args.pipeline, args.clusters)
    res["peak_rss_mb"] = peak_rss_mb()
    res["mb"] = path.stat().st_size / 2**20
    print(json.dumps(res, ensure_ascii=False))


def measure(kind: str, path: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--child-input", str(path), "--pipeline", args.pipeline]
    if args.clusters and kind == "ingest":
        cmd.append("--clusters")
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


if __name__ == "__main__":
    main()
