"""The one storage module: a SQLite database with numbered migrations and full-text search."""

from marsad.store.db import AddResult, Failure, Store, StoreStats
from marsad.store.search import CompiledQuery, SearchHit

__all__ = ["AddResult", "CompiledQuery", "Failure", "SearchHit", "Store", "StoreStats"]
