"""Typed errors raised by the library. The CLI turns them into messages and exit codes.

Every error carries a short code (``M0xx``) so users can search the docs for it.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error the library raises on purpose."""

    code = "M000"
    exit_code = 1

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"[{self.code}] {super().__str__()}"


class InputError(MarsadError):
    """A file or line cannot be read as an article (names the file and, where known, the line)."""

    code = "M010"
    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class DecodeError(InputError):
    """The bytes of a file are binary or in no encoding we can identify."""

    code = "M011"


class KnowledgeBaseError(MarsadError):
    """A data file of the knowledge base (actors, triggers, dossiers, months) is invalid."""

    code = "M020"

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""

    code = "M030"


class QueryError(MarsadError):
    """A search query is malformed."""

    code = "M031"
    exit_code = 2


class NotFoundError(MarsadError):
    """An article, entity or event id does not exist in the store."""

    code = "M032"
    exit_code = 3


class PipelineError(MarsadError):
    """A pipeline component failed on an article (names the component and the article)."""

    code = "M040"

    def __init__(self, component: str, article_id: str, cause: BaseException):
        self.component = component
        self.article_id = article_id
        self.cause = cause
        super().__init__(f"component {component!r} failed on article {article_id!r}: {cause!r}")


class ModelError(MarsadError):
    """A shipped model file is missing or unreadable."""

    code = "M050"


class EvaluationError(MarsadError):
    """An evaluation data set is missing or malformed."""

    code = "M060"
