"""``marsad export [--db FILE] --format jsonl|plover|csv [-o FILE] [--from DATE] [--to DATE] [--dyad A B]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cli.common import db_option, existing_db, handle_errors, utf8_output
from marsad.errors import InputError


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "plover", "csv"]), required=True,
              help="jsonl: one marsad.article/v1 record per article; plover: one JSON event per line; "
                   "csv: one row per event (UTF-8 with BOM).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Only events (articles for jsonl) from this date on.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Only events (articles for jsonl) up to this date.")
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="Only events between actors A and B (codes such as TUR RUS), in either direction.")
@handle_errors
def export_command(db: Path, fmt: str, output: Path, date_from: str | None, date_to: str | None,
                   dyad: tuple[str, str] | None) -> None:
    """Export the database's articles or events as JSON Lines, PLOVER-style JSON or CSV."""
    from marsad.export import ExportFilter, export
    from marsad.store import Store

    utf8_output()
    flt = ExportFilter(date_from, date_to, tuple(x.upper() for x in dyad) if dyad else None)
    to_stdout = str(output) == "-"
    with Store(existing_db(db)) as store:
        try:
            out = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", str(output)) from exc
        try:
            report = export(store, fmt, out, flt)
        finally:
            if not to_stdout:
                out.close()
    what = "articles" if fmt == "jsonl" else "events"
    click.echo(f"exported {report.records} {what} ({fmt}) from {report.articles} articles"
               + (f"; {len(report.dropped)} items left out (offsets not matching their words)"
                  if report.dropped else ""), err=True)
