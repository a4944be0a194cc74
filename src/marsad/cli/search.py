"""``marsad search QUERY [--db FILE] [--limit N] [--json]``: full-text search."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.cli.common import db_option, existing_db, handle_errors, utf8_output

MARKERS = {
    "ansi": ("\x1b[1;33m", "\x1b[0m"),
    "plain": ("«", "»"),
    "html": ("<mark>", "</mark>"),
}


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="Number of results.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON (snippets marked with « »).")
@click.option("--highlight", type=click.Choice(["auto", "ansi", "plain", "html"]), default="auto",
              show_default=True, help="How matches are marked: ANSI colour (auto on a terminal), « », or <mark>.")
@handle_errors
def search_command(query: str, db: Path, limit: int, as_json: bool, highlight: str) -> None:
    """Search the articles for QUERY, best matches first.

    \b
    Words are all required:       تركيا روسيا
    A phrase in quotes:           "الغاز الروسي"   or  «الغاز الروسي»
    Either of two words:          أنقرة OR موسكو
    Exclude a word:               تركيا -سوريا
    Spelling variants match (أردوغان = إردوغان = اردوغان) and clitics are ignored (وبوتين = بوتين).
    """
    from marsad.store import Store

    utf8_output()
    if highlight == "auto":
        highlight = "plain" if as_json or not sys.stdout.isatty() else "ansi"
    with Store(existing_db(db)) as store:
        hits = store.search(query, limit=limit, markers=MARKERS[highlight])
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no article matches", err=True)
        return
    for i, h in enumerate(hits, 1):
        meta = "  ".join(x for x in (h.outlet, h.published) if x)
        # the id and metadata on one line, Arabic title and snippet on their own lines, so a
        # terminal lays out each Arabic line right to left without mixing it with Latin text
        click.echo(f"{i}. {h.id}  {meta}  (score {h.score:.3g})")
        if h.title:
            click.echo(f"   {h.title}")
        click.echo(f"   {h.snippet}")
        click.echo("")
