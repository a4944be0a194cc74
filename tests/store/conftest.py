"""Fixtures for the store tests: a fresh database, a light pipeline, a stand-in reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.pipeline import Pipeline
from marsad.store import Store
from marsad.text.layer import TextLayer
from marsad.text.tokens import Tokenizer
from marsad.types import Article


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture
def store(tmp_path: Path, tokenizer: Tokenizer):
    with Store(tmp_path / "test.db", tokenizer=tokenizer) as s:
        yield s


@pytest.fixture
def text_pipeline(tokenizer: Tokenizer) -> Pipeline:
    from marsad.pipeline import Component

    return Pipeline([Component("text", TextLayer(tokenizer), requires=("text",), assigns=("sentences", "tokens"))])


def jsonl_reader(paths):
    """A tiny stand-in for marsad.io.readers.iter_inputs: one JSON object a line."""
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    r = json.loads(line)
                    yield Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet"),
                                  published=r.get("date"), source=str(p), source_line=n, lang=r.get("lang", "ar"))
                except (ValueError, KeyError) as exc:
                    yield InputError(f"bad line: {exc}", str(p), n)


def write_jsonl(path: Path, rows: list[dict | str]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(name="jsonl_reader")
def jsonl_reader_fixture():
    return jsonl_reader


@pytest.fixture(name="write_jsonl")
def write_jsonl_fixture():
    return write_jsonl
