"""``marsad show ID [--db FILE] [--json]``: one article with its metadata and layers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.cli.common import db_option, existing_db, handle_errors, utf8_output


@click.command("show")
@click.argument("article_id", metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article and its layers as JSON.")
@click.option("--highlight", type=click.Choice(["auto", "ansi", "plain", "none"]), default="auto", show_default=True,
              help="How linked mentions are marked in the text: colours (ansi), [words|entity] (plain), or not at "
                   "all; auto uses colours on a terminal.")
@handle_errors
def show_command(article_id: str, db: Path, as_json: bool, highlight: str) -> None:
    """Show the article ID: metadata, story cluster, and its text with the linked mentions marked."""
    from marsad.store import Store
    from marsad.store.codec import article_dict

    utf8_output()
    with Store(existing_db(db)) as store:
        article = store.get_article(article_id)
        cluster = store.cluster_of(article_id)
        story = store.story(cluster)
        duplicate_of = store.duplicate_of(article_id)
    if as_json:
        data = article_dict(article)
        data["duplicate_of"] = duplicate_of
        data["cluster"] = {"id": cluster, "articles": story}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = [
        ("id", article.id), ("title", article.title), ("outlet", article.outlet),
        ("published", article.published), ("author", article.author), ("url", article.url),
        ("source", f"{article.source}:{article.source_line}" if article.source_line else article.source),
        ("lang", article.lang), ("category", article.category),
        ("flags", ", ".join(article.flags) or None), ("duplicate of", duplicate_of),
        ("story", f"{cluster} ({len(story)} articles: {', '.join(story)})" if len(story) > 1 else None),
        ("repeats", ", ".join(f"{s}-{e}" for s, e in article.repeated_paragraphs) or None),
        ("mentions", str(len(article.mentions)) if article.mentions else None),
        ("events", str(len(article.events)) if article.events else None),
    ]
    for name, value in rows:
        if value:
            click.echo(f"{name + ':':<14}{value}")
    for note in article.notes:
        click.echo(f"{'note:':<14}{note}")
    click.echo("")
    if highlight == "auto":
        highlight = "ansi" if click.get_text_stream("stdout").isatty() else "plain"
    click.echo(mark_mentions(article.text, article.mentions, highlight))
    if article.entities:
        click.echo("")
        click.echo("entities:")
        for ent in sorted(article.entities.values(), key=lambda e: -len(e.mentions)):
            name = " / ".join(x for x in (ent.name_en, ent.name_ar) if x)
            click.echo(f"  {ent.id:<34} {ent.kind:<7} {len(ent.mentions):>3}x  {name}")


def mark_mentions(text: str, mentions, style: str) -> str:
    """``text`` with each mention marked: ``[surface|entity]`` (plain) or coloured (ansi); nested ones skipped."""
    if style == "none" or not mentions:
        return text
    out: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue  # a mention inside one already marked (an adjective inside a role phrase)
        out.append(text[pos:m.start])
        surface = text[m.start:m.end]
        if style == "ansi":
            colour = "36" if m.entity.startswith("doc:") else "33"
            out.append(f"\x1b[1;{colour}m{surface}\x1b[0m")
        else:
            out.append(f"[{surface}|{m.entity}]")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
