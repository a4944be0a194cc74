"""The evaluation gate's pinned floors: digests, checks, and the pinning tool.

Importable (the gate test ``tests/test_eval_gate.py`` uses it) and a command:

    python tests/gold/floors.py show            # measure now and compare with the floors
    python tests/gold/floors.py pin             # re-pin: floors a little below today's scores
    python tests/gold/floors.py pin --allow-lower   # after lowering min_floors.json by hand

``floors.json`` holds, per layer, the F1 floor (null = layer not yet produced, not pinned), the
scores measured when pinning, the sha256 digest of the gold files, and the sha256 digest of
itself without its ``sha256`` key (so a hand edit is detected). ``min_floors.json`` is the ratchet:
pinning raises it to the new floors and never lowers it; a floor below it fails the gate. See
``tests/gold/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "seeds"
FLOORS = HERE / "floors.json"
MIN_FLOORS = HERE / "min_floors.json"
SEEDS = (HERE.parents[1] / ".." / "shared" / "seeds").resolve()
MARGIN = 0.03


def gold_digest(folder: Path = GOLD_DIR) -> str:
    """sha256 over the gold YAML files (sorted names and bytes)."""
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.yaml")):
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def self_digest(data: dict) -> str:
    """sha256 of the floors record without its own ``sha256`` key, in canonical JSON."""
    body = {k: v for k, v in data.items() if k != "sha256"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":")).encode("utf-8")).hexdigest()


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def integrity_problems(floors: dict, min_floors: dict, gold: str | None = None) -> list[str]:
    """What is wrong with the pinned files themselves (no evaluation needed)."""
    problems = []
    if not floors:
        return [f"{FLOORS} is missing: pin with `python tests/gold/floors.py pin`"]
    if floors.get("sha256") != self_digest(floors):
        problems.append("floors.json was edited by hand (its digest does not match): re-pin with "
                        "`python tests/gold/floors.py pin`")
    if floors.get("gold_sha256") != (gold or gold_digest()):
        problems.append("the gold files changed since the floors were pinned: re-measure and re-pin with "
                        "`python tests/gold/floors.py pin`")
    for layer, low in sorted(min_floors.items()):
        f = floors.get("floors", {}).get(layer)
        if f is None or f < low:
            problems.append(f"the floor of {layer!r} ({f}) is below min_floors.json ({low}): a floor is lowered "
                            "only by editing min_floors.json as well (see tests/gold/README.md)")
    return problems


def score_problems(floors: dict, f1: dict[str, float], produced: dict[str, int]) -> list[str]:
    problems = []
    for layer, floor in sorted(floors.get("floors", {}).items()):
        if floor is None:
            continue
        score = f1.get(layer, 0.0) if produced.get(layer) else 0.0
        if score < floor:
            problems.append(f"{layer}: F1 {score:.4f} is below its floor {floor:.2f}")
    return problems


def measure(seeds: Path = SEEDS):
    from marsad.evaluate_extract import evaluate_extract

    return evaluate_extract(GOLD_DIR, seeds)


def pin(result, allow_lower: bool = False, margin: float = MARGIN) -> tuple[dict, dict]:
    """New (floors, min_floors) records from an evaluation; raises ValueError when a floor would go
    down without ``allow_lower`` or below min_floors.json."""
    old = load(FLOORS).get("floors", {})
    mins = load(MIN_FLOORS)
    floors, measured = {}, {}
    for layer, score in result.scores.items():
        produced = bool(result.produced.get(layer))
        f1 = result.f1(layer)
        measured[layer] = round(f1, 4)
        floors[layer] = max(0.0, math.floor((f1 - margin) * 100) / 100) if produced and f1 > 0 else None
    lowered = [k for k, v in floors.items() if old.get(k) is not None and (v is None or v < old[k])]
    if lowered and not allow_lower:
        raise ValueError(f"these floors would go down: {', '.join(f'{k} {old[k]} -> {floors[k]}' for k in lowered)}; "
                         "lowering needs --allow-lower and a matching edit of min_floors.json")
    below = [k for k, v in mins.items() if floors.get(k) is None or floors[k] < v]
    if below:
        raise ValueError(f"floors below min_floors.json for {', '.join(below)}: edit min_floors.json by hand first")
    record = {"comment": "pinned by tests/gold/floors.py; do not edit by hand (see tests/gold/README.md)",
              "margin": margin, "floors": floors, "measured": measured, "gold_sha256": gold_digest()}
    record["sha256"] = self_digest(record)
    new_mins = dict(mins)
    for k, v in floors.items():
        if v is not None:
            new_mins[k] = max(v, mins.get(k, 0.0))
    return record, dict(sorted(new_mins.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=["show", "pin"])
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--allow-lower", action="store_true")
    ap.add_argument("--margin", type=float, default=MARGIN)
    args = ap.parse_args(argv)
    result = measure(args.seeds)
    print(result.table())
    if args.action == "show":
        floors = load(FLOORS)
        problems = integrity_problems(floors, load(MIN_FLOORS)) + score_problems(
            floors, {k: result.f1(k) for k in result.scores}, result.produced)
        print("\n".join(problems) or "gate: all layers at or above their floors")
        return 1 if problems else 0
    try:
        record, mins = pin(result, args.allow_lower, args.margin)
    except ValueError as exc:
        print(f"not pinned: {exc}", file=sys.stderr)
        return 1
    FLOORS.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    MIN_FLOORS.write_text(json.dumps(mins, indent=2) + "\n", encoding="utf-8")
    print(f"pinned: {json.dumps(record['floors'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
