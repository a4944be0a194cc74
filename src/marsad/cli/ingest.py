"""``marsad ingest PATH... [--db FILE]``: read files into the database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.common import (build_pipeline, db_option, handle_errors, layers_option, ner_option,
                               progress_bar, progress_option, utf8_output)
from marsad.errors import InputError


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@db_option
@layers_option
@ner_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@progress_option
@handle_errors
def ingest_command(paths: tuple[Path, ...], db: Path, layers: str, ner: str, as_json: bool,
                   progress: bool | None) -> None:
    """Read PATH... (files, folders, or - for stdin) and add their articles to the database.

    Articles already stored are skipped, exact duplicates are recorded once, near duplicates
    join a story cluster. Files or lines that cannot be read are listed at the end; the exit
    code is 2 when there was any failure.
    """
    from marsad.ingest import ingest
    from marsad.store import Store

    utf8_output()
    resources, pipeline = build_pipeline(layers, ner)
    bar, tick = progress_bar(progress)
    try:
        with Store(db, tokenizer=resources.tokenizer()) as store:
            report = ingest(paths, store, pipeline, progress=tick)
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"database:      {db}")
        click.echo(f"articles read: {report.read}")
        click.echo(f"new:           {report.new}")
        if report.updated:
            click.echo(f"updated:       {report.updated}")
        click.echo(f"unchanged:     {report.unchanged}")
        click.echo(f"duplicates:    {report.duplicates}")
        click.echo(f"non-Arabic:    {report.non_arabic}")
        click.echo(f"clusters:      {report.clusters} (stories with two or more articles)")
        click.echo(f"failures:      {len(report.failures)}")
    for f in report.failures:
        where = f.path or "<input>"
        if f.line is not None:
            where += f":{f.line}"
        click.echo(f"  {where}: {f}", err=True)
    if report.failures:
        raise SystemExit(InputError.exit_code)
