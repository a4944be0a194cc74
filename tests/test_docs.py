"""The README documents every command and option (as datasette's tests do for its settings)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / "tools" / "cli_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_readme_cli_reference_is_current():
    tool = _tool()
    block = tool.readme_block((REPO / "README.md").read_text(encoding="utf-8"))
    assert block is not None, "README.md lost its cli-reference markers"
    assert block == tool.reference(), "README's command reference is stale: run python tools/cli_reference.py --write"


def test_docs_every_option_has_help_text():
    import click

    from marsad.cli import main

    tool = _tool()
    missing = [f"{path} {p.opts[0]}" for path, cmd in tool._commands(main, "marsad") for p in cmd.params
               if isinstance(p, click.Option) and not (p.help or "").strip()]
    assert missing == []


def test_docs_readme_opens_with_the_two_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
