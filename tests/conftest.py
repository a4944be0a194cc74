"""Shared fixtures. Real-data tests read ../shared beside the repository and skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder (seeds, corpora, eval sets); skips the test when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: real-data tests need the shared folder beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"
