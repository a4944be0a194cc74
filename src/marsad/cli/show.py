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
@handle_errors
def show_command(article_id: str, db: Path, as_json: bool) -> None:
    """Show the article ID: metadata, story cluster, and text."""
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
    click.echo(article.text)
