"""``marsad eval ...``: measure the pipeline against annotated data (one subcommand per evaluation).

"""

from __future__ import annotations

from pathlib import Path

import click

from marsad.cli.common import handle_errors, utf8_output
from marsad.cli.eval_extract import eval_extract_command


@click.group("eval")
def eval_group() -> None:
    """Measure the pipeline against annotated data (precision, recall, F1)."""


eval_group.add_command(eval_extract_command)


def _add_events() -> None:
    from marsad.events.evaluate import eval_events_command

    eval_group.add_command(eval_events_command())


_add_events()


@eval_group.command("ner")
@click.option("--test", "test_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="CAMeL-style BIO test file (default: ../shared/eval/anercorp/ANERCorp_CamelLab_test.txt).")
@click.option("--tagger", type=click.Choice(["crf", "e5"]), default="crf", show_default=True,
              help="Which name tagger to score: the CRF the pipeline runs by default, or the e5 transformer "
                   "(needs marsad[e5]; about a minute on two cores).")
@click.option("--model", "model", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file: a CRFsuite model, or for --tagger e5 an adapter .npz (default: the packaged one).")
@click.option("--mode", type=click.Choice(["both", "as-is", "repaired"]), default="both", show_default=True,
              help="Score the file as it is, with the diagnostic positions repaired from the original, or both.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def eval_ner_command(test_file: Path | None, tagger: str, model: Path | None, mode: str, as_json: bool) -> None:
    """Name recognizer: entity-level P/R/F1 (exact span and type) per type and micro-averaged.

    "repaired" replaces the tokens listed in DIAGNOSTIC_test_vs_original_tail.tsv (beside the test
    file) with the original corpus's tokens at those positions; sentence breaks are kept.
    """
    import json

    from marsad.actors.evaluate import TEST_FILE, evaluate_ner

    utf8_output()
    test_file = test_file or Path("..") / "shared" / "eval" / "anercorp" / TEST_FILE
    modes = {"both": [False, True], "as-is": [False], "repaired": [True]}[mode]
    results = [evaluate_ner(test_file, repaired=r, model_path=model, tagger=tagger) for r in modes]
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
        return
    for r in results:
        title = "repaired" if r.repaired else "as it is"
        extra = f", {r.repaired_tokens} tokens repaired" if r.repaired else ""
        click.echo(f"NER ({r.tagger}) on {Path(r.test_file).name} ({title}: {r.sentences} sentences, "
                   f"{r.tokens} tokens{extra})")
        click.echo(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
        for name, s in [*r.per_type.items(), ("micro", r.micro)]:
            click.echo(f"{name:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:6d} {s.tp + s.fp:6d}")
        click.echo("")
