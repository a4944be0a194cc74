"""``marsad report [--db FILE] [--dyad A B] [--from DATE] [--to DATE] --format html|md|json -o FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cli.common import db_option, existing_db, handle_errors, utf8_output
from marsad.errors import MarsadError

_SUFFIX = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


@click.command("report")
@db_option
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="The two actor codes, e.g. --dyad TUR RUS (default: the pair with the most events).")
@click.option("--from", "start", metavar="DATE", default=None, help="First date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "end", metavar="DATE", default=None, help="Last date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--period", type=click.Choice(["auto", "month", "quarter", "year"]), default="auto",
              show_default=True, help="Time step of the charts (auto: months up to ~2.5 years, then quarters, years).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json"]), default=None,
              help="Output format (default: from the -o suffix, else html).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@handle_errors
def report_command(db: Path, dyad: tuple[str, str] | None, start: str | None, end: str | None, period: str,
                   fmt: str | None, output: Path) -> None:
    """Write the briefing on one dyad: a self-contained HTML page (charts as inline SVG, every number
    linked to its Arabic evidence sentence), or the same content as Markdown or JSON."""
    from marsad.report import build_report, render, write_report

    utf8_output()
    fmt = fmt or _SUFFIX.get(output.suffix.lower(), "html")
    kb = None
    try:  # names of actors the model settings do not label (Serbia for SRB, ...)
        from marsad.resources import Resources

        kb = Resources().kb
    except MarsadError:
        pass
    report = build_report(existing_db(db), dyad=tuple(dyad) if dyad else None, start=start, end=end, period=period,
                          kb=kb)
    if str(output) == "-":
        sys.stdout.write(render(report, fmt))
    else:
        write_report(report, fmt, output)
    c = report.content
    d = c["dyad"]
    who = f"{d['a']}–{d['b']}" if d.get("a") else "no dyad"
    click.echo(f"report on {who}: {c['counts']['interactions']} interactions, {len(c['evidence']['events'])} "
               f"evidence entries ({c['status']})" + ("" if str(output) == "-" else f" -> {output}"), err=True)
