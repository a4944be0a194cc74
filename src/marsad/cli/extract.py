"""``marsad extract INPUT... [-o FILE] [--layers ...]``: the pipeline's findings as JSON Lines, no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.cli.common import (build_pipeline, handle_errors, layers_option, ner_option, progress_bar,
                               progress_option, utf8_output)
from marsad.errors import InputError


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True), default="-",
              show_default=True, help="File to write the records to (- for standard output).")
@layers_option
@ner_option
@click.option("--text/--no-text", "include_text", default=False, show_default=True,
              help="Add the article's original text to each record (field 'text').")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge the events that several items of one press compilation report.")
@progress_option
@handle_errors
def extract_command(inputs: tuple[Path, ...], output: Path, layers: str, ner: str, include_text: bool,
                    merge: bool, progress: bool | None) -> None:
    """Run the pipeline on INPUT... (files, folders, or - for stdin) and write one JSON object per
    article (a marsad.article/v1 record, JSON Lines, UTF-8) to standard output or --output.

    Nothing is stored. Files or lines that cannot be read are reported on stderr as they happen
    and counted; the exit code is 2 when there was any failure.
    """
    from marsad.extract import ExtractReport, extract

    utf8_output()
    _, pipeline = build_pipeline(layers, ner)
    bar, tick = progress_bar(progress)
    report = ExtractReport()
    to_stdout = str(output) == "-"
    try:
        out = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", str(output)) from exc
    try:
        for record in extract(inputs, pipeline, report=report, progress=tick, merge=merge,
                              include_text=include_text):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        bar.close()
        if not to_stdout:
            out.close()
    click.echo(f"extracted {report.written} articles ({report.events} events, {report.merged_events} after "
               f"merging), {len(report.failures)} failures"
               + (f", {len(report.dropped)} items left out (offsets not matching their words)"
                  if report.dropped else ""), err=True)
    for f in report.failures:
        click.echo(f"  {f}", err=True)
    if report.failures:
        raise SystemExit(InputError.exit_code)
