"""Reading the package's data files (YAML): one place for the error a user sees when a file is bad.

Every loader of knowledge (taxonomy, lexicons, cues, units, months, model settings) reads its file with
:func:`read_yaml`; a missing, unreadable or malformed file becomes a
:class:`~marsad.errors.KnowledgeBaseError` naming the file, never a bare YAML or OS error.
"""

from __future__ import annotations

from typing import Any

import yaml

from marsad.errors import KnowledgeBaseError


def read_yaml(ref, what: str, *, mapping: bool = True, default: Any = None) -> Any:
    """The parsed content of ``ref`` (a path or an ``importlib.resources`` file).

    ``what`` names the data in messages (``"the ontology"``). With ``mapping`` the top level must be a
    mapping; ``default`` replaces an empty file.
    """
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read {what}: {exc}", str(ref)) from exc
    if data is None and default is not None:
        data = default
    if mapping and not isinstance(data, dict):
        raise KnowledgeBaseError(f"{what} must be a mapping", str(ref))
    return data


__all__ = ["read_yaml"]
