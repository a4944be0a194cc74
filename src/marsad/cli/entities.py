"""``marsad entities [--db FILE] [--kind KIND] [--limit N] [--json]``: who is talked about, and how often."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.common import db_option, existing_db, handle_errors, utf8_output

KINDS = ("state", "person", "org", "place", "thing")


@click.command("entities")
@db_option
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only entities of this kind.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="How many to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per entity) instead of a table.")
@handle_errors
def entities_command(db: Path, kind: str | None, limit: int, as_json: bool) -> None:
    """List the entities found in the stored articles with their mention and article counts.

    Entities linked to the knowledge base carry its id (TUR, person.erdogan_recep_tayyip...);
    names found only by the trained recognizer carry a document-level id and are marked "new".
    """
    from marsad.store import Store

    utf8_output()
    with Store(existing_db(db)) as store:
        rows = store.entity_counts(kind=kind, limit=limit)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no entities")
        return
    click.echo(f"{'mentions':>8} {'articles':>8}  {'kind':<7} {'code':<10} {'id':<34} name")
    for r in rows:
        name = " / ".join(x for x in (r.name_en, r.name_ar) if x)
        ident = r.id if r.kb else f"{r.id} (new)"
        click.echo(f"{r.mentions:>8} {r.articles:>8}  {r.kind:<7} {(r.code or ''):<10} {ident:<34} {name}")
