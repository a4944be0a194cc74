"""``marsad eval ...``: measure the pipeline against annotated data (one subcommand per evaluation).

NOTE (helper writing the contract/extract/export work, 2026-11-21 05:59 UTC): an earlier, uncommitted
version of this file (by the engineer building ``marsad eval``) was overwritten by mistake when the
``eval extract`` subcommand was added. Its subcommands must be re-added here; ``eval extract`` lives
in ``marsad/cli/eval_extract.py`` and only needs the ``add_command`` line below. Remove this note
once restored.
"""

from __future__ import annotations

import click

from marsad.cli.eval_extract import eval_extract_command


@click.group("eval")
def eval_group() -> None:
    """Measure the pipeline against annotated data (precision, recall, F1)."""


eval_group.add_command(eval_extract_command)


def _add_events() -> None:
    from marsad.events.evaluate import eval_events_command

    eval_group.add_command(eval_events_command())


_add_events()
