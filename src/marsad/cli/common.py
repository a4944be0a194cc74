"""What the commands share: the --db option, opening the store, the pipeline set-up, the progress bar,
turning errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from marsad.errors import InputError, MarsadError, NotFoundError

DEFAULT_DB = "marsad.db"

db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), envvar="MARSAD_DB",
    default=DEFAULT_DB, show_default=True, show_envvar=True,
    help="Database file (SQLite). Defaults to ./marsad.db or $MARSAD_DB.",
)


def handle_errors(func: Callable) -> Callable:
    """Print a MarsadError as ``marsad: error: ...`` on stderr and exit with its code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MarsadError as exc:
            click.echo(f"marsad: error: {exc}", err=True)
            raise SystemExit(exc.exit_code) from None

    return wrapper


def existing_db(path: Path) -> Path:
    """``path`` if it exists; reading commands never create an empty database by mistake."""
    if not path.exists():
        raise NotFoundError(f"no database at {path}: run `marsad ingest PATH... --db {path}` first")
    return path


def utf8_output() -> None:
    """Make stdout/stderr write UTF-8 so Arabic prints on any locale (no-op when not possible)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower() not in ("utf-8", "utf8"):
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):  # pragma: no cover - stream already in use
                pass


layers_option = click.option(
    "--layers", default="text,actors,events", show_default=True,
    help="Comma-separated pipeline layers to run: text, actors (knowledge-base linking and the trained "
         "recognizer of unknown names, quotes, figures, dossiers), events (events, their dates, stated stances).",
)

ner_option = click.option(
    "--ner", type=click.Choice(["crf", "e5"]), default="crf", show_default=True,
    help="Tagger of names the knowledge base lacks: crf (fast, ~2.5 ms an article) or e5 (a transformer, "
         "more accurate on ANERcorp, ~200x slower; needs marsad[e5]).",
)

progress_option = click.option(
    "--progress/--no-progress", default=None,
    help="Progress bar on stderr (default: only when stderr is a terminal).",
)


def build_pipeline(layers: str, ner: str = "crf"):
    """``(resources, pipeline)`` for a ``--layers`` value (comma-separated layer names) and ``--ner`` tagger."""
    from marsad.pipeline import default_pipeline
    from marsad.resources import Resources

    resources = Resources(ner=ner)
    pipeline = default_pipeline(resources, layers=tuple(x.strip() for x in layers.split(",") if x.strip()))
    return resources, pipeline


def progress_bar(progress: bool | None):
    """``(bar, tick)``: a tqdm bar on stderr (shown per ``--progress``, else only on a terminal) and the
    progress callback of the library, which counts articles and prints failures above the bar."""
    from tqdm import tqdm

    bar = tqdm(file=sys.stderr, unit=" articles", disable=(not sys.stderr.isatty()) if progress is None
               else not progress, dynamic_ncols=True)

    def tick(item) -> None:
        if isinstance(item, InputError):
            bar.write(f"failed: {item}", file=sys.stderr)
        else:
            bar.update(1)

    return bar, tick
