"""The ``marsad`` command line: one module per command, each a thin layer over the library.

A command parses its options, builds library objects, calls one method and prints the result;
a :class:`~marsad.errors.MarsadError` becomes a message on stderr and the error's exit code.
"""

from __future__ import annotations

import click

from marsad import __version__
from marsad.cli.entities import entities_command
from marsad.cli.eval import eval_group
from marsad.cli.export import export_command
from marsad.cli.extract import extract_command
from marsad.cli.ingest import ingest_command
from marsad.cli.report import report_command
from marsad.cli.search import search_command
from marsad.cli.show import show_command
from marsad.cli.train import train_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """marsad: an Arabic-first observatory of international relations.

    Ingest Arabic news into a database, search it, and show articles with what was found in them.
    The database is ./marsad.db unless --db or $MARSAD_DB names another file.
    """


main.add_command(ingest_command)
main.add_command(extract_command)
main.add_command(export_command)
main.add_command(eval_group)
main.add_command(search_command)
main.add_command(show_command)
main.add_command(train_command)
main.add_command(entities_command)
main.add_command(report_command)

__all__ = ["main"]
