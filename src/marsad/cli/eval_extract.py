"""``marsad eval extract GOLD_DIR [--seeds DIR] [--json] [--errors N] [--ner crf|e5]``: the pipeline against our gold seeds, per layer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.common import handle_errors, ner_option, utf8_output
from marsad.errors import EvaluationError


@click.command("extract")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/seeds"), show_default=True,
              help="Folder of the seed files the gold annotates.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", type=click.IntRange(0, 1000), default=0, show_default=True,
              help="Also list up to N false positives and false negatives per layer.")
@ner_option
@handle_errors
def eval_extract_command(gold_dir: Path, seeds_dir: Path, as_json: bool, show_errors: int, ner: str) -> None:
    """Run the pipeline on the seeds and print precision, recall and F1 of each layer
    (entities, events, events by type only, quotes, quantities, dossiers, article metadata)
    against the gold annotation in GOLD_DIR (e.g. tests/gold/seeds)."""
    from marsad.evaluate_extract import LAYERS, evaluate_extract
    from marsad.resources import Resources

    utf8_output()
    if not seeds_dir.is_dir():
        raise EvaluationError(f"no seed folder at {seeds_dir} (give it with --seeds)")
    result = evaluate_extract(gold_dir, seeds_dir, resources=Resources(ner=ner))
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(result.table())
    if show_errors:
        # metadata.outlet / .published repeat the metadata layer's items; entities.with_names adds names
        for layer in (*LAYERS, *(k for k in result.details if not k.startswith("metadata."))):
            s = result.scores.get(layer) or result.details[layer]
            for label, items in (("false positives", s.false_positives), ("false negatives", s.false_negatives)):
                if items:
                    click.echo(f"\n{layer} {label} ({len(items)}):")
                    for x in items[:show_errors]:
                        click.echo(f"  {x}")
