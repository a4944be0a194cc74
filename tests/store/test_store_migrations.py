from __future__ import annotations

import sqlite3

import pytest

from marsad.errors import StoreError
from marsad.store import Store


def test_migrations_applied_once_and_recorded(tmp_path):
    db = tmp_path / "m.db"
    with Store(db) as s:
        names = s.applied_migrations()
        assert names[:2] == ["0001_init", "0002_search"]
        assert s.migrate() == []  # nothing left to apply
    with Store(db) as s:  # reopening applies nothing again
        assert s.applied_migrations() == names
        rows = s.conn.execute("SELECT id, count(*) FROM migrations GROUP BY id HAVING count(*) > 1").fetchall()
        assert rows == []


def test_store_settings(tmp_path):
    with Store(tmp_path / "s.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a sqlite file at all" * 100)
    with pytest.raises(StoreError):
        Store(bad)


def test_failed_migration_leaves_nothing_half_done(tmp_path, monkeypatch):
    import marsad.store.db as dbmod

    real = dbmod._migrations()
    broken = real + [(99, "0099_broken", "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(dbmod, "_migrations", lambda: broken)
    with pytest.raises(StoreError, match="0099_broken"):
        Store(tmp_path / "b.db")
    conn = sqlite3.connect(tmp_path / "b.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY id")]
    conn.close()
    assert "half_done" not in tables
    assert applied == [name for _, name, _ in real]
