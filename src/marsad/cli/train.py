"""``marsad train ner [--anercorp DIR] [-o FILE]``: retrain the packaged name recognizer.

Trains the CRF on lines 1–125,304 of ANERcorp's original file (the test portion is never read)
and writes the model and its provenance JSON (``FILE`` with ``.json``). With ``--dev`` a first model
is trained without the last 10% of those lines and its entity F1 on them is recorded in the
provenance (the split c1/c2 were chosen on), then the model is trained on all the lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.common import handle_errors, utf8_output

SHARED_ANERCORP = Path("..") / "shared" / "eval" / "anercorp"


@click.group("train")
def train_command() -> None:
    """Retrain the models that ship inside the package."""


@train_command.command("ner")
@click.option("--anercorp", "anercorp", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder holding ANERCorp_original_full.txt (default: ../shared/eval/anercorp).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file to write (default: the packaged marsad/actors/models/ner.crfsuite).")
@click.option("--c1", type=float, default=None, help="L1 penalty (default: the value chosen on the dev split).")
@click.option("--c2", type=float, default=None, help="L2 penalty (default: the value chosen on the dev split).")
@click.option("--iterations", type=click.IntRange(1, 5000), default=None, help="L-BFGS iterations.")
@click.option("--last-line", type=click.IntRange(2, 125_304), default=125_304, show_default=True,
              help="Train on lines 1..N only (a smaller model, for quick checks).")
@click.option("--dev", "dev", is_flag=True,
              help="First train a model without the last 10% of the lines and record its F1 on them "
                   "(doubles the time), then train on all the lines. For e5: hold those lines out and "
                   "score them after every epoch.")
@click.option("--model", "kind", type=click.Choice(["crf", "e5"]), default="crf", show_default=True,
              help="Which tagger: the CRF, or the e5 transformer's adapter (needs PyTorch and marsad[e5]; "
                   "about 3 minutes an epoch on two cores).")
@click.option("--epochs", type=click.IntRange(1, 50), default=None, help="e5: passes over the data.")
@click.option("--rank", type=click.IntRange(1, 256), default=None, help="e5: rank of the low-rank updates.")
@click.option("--context", type=click.IntRange(0, 64), default=0, show_default=True,
              help="e5: words of the neighbouring sentences read on each side (the packaged adapter: 12).")
@handle_errors
def train_ner_command(anercorp: Path | None, output: Path | None, c1: float | None, c2: float | None,
                      iterations: int | None, last_line: int, dev: bool, kind: str, epochs: int | None,
                      rank: int | None, context: int) -> None:
    """Train a name tagger on ANERcorp's training lines and write it with its provenance.

    The CRF is what the pipeline runs by default; `--model e5` trains the adapter of the transformer
    tagger (marsad/actors/models/ner_e5.npz, provenance inside the file and beside it as .json).
    """
    if kind == "e5":
        _train_e5(anercorp or SHARED_ANERCORP, output, last_line, dev, epochs, rank, context)
        return
    from marsad.actors.ner import (
        DEFAULT_MODEL,
        HYPERPARAMS,
        train_ner,
        write_provenance,
    )

    utf8_output()
    anercorp = anercorp or SHARED_ANERCORP
    output = output or DEFAULT_MODEL
    params = {"c1": HYPERPARAMS["c1"] if c1 is None else c1, "c2": HYPERPARAMS["c2"] if c2 is None else c2,
              "max_iterations": iterations or HYPERPARAMS["max_iterations"], "lines": (1, last_line)}
    dev_fields: dict = {}
    if dev:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            held = train_ner(anercorp, Path(tmp) / "dev.crfsuite", dev_fraction=0.1, **params)
        dev_fields = {k: v for k, v in held.items() if k.startswith("dev")}
        dev_fields["dev_split"] = "last 10% of the training lines (cut at a sentence end), model trained on the rest"
    record = train_ner(anercorp, output, **params)
    record.update(dev_fields)
    prov = write_provenance(output, record)
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    click.echo(f"model: {output}\nprovenance: {prov}", err=True)


def _train_e5(anercorp: Path, output: Path | None, last_line: int, dev: bool, epochs: int | None,
              rank: int | None, context: int) -> None:
    from marsad.actors.e5ner import DEFAULT_ADAPTER
    from marsad.actors.e5train import HYPERPARAMS, train_e5_ner

    utf8_output()
    output = output or DEFAULT_ADAPTER
    record = train_e5_ner(anercorp, output, epochs=epochs or HYPERPARAMS["epochs"], rank=rank or HYPERPARAMS["rank"],
                          lines=(1, last_line), dev_fraction=0.1 if dev else 0.0, context=context,
                          progress=lambda m: click.echo(m, err=True))
    prov = output.with_suffix(".json")
    prov.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    click.echo(f"adapter: {output}\nprovenance: {prov}", err=True)
