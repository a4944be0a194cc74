"""The one storage boundary: a SQLite file that owns connections, transactions and migrations.

Everything marsad keeps goes through :class:`Store`. Migrations are the numbered SQL files of
``marsad/store/migrations`` (``0001_init.sql``, ``0002_search.sql``, ...), each applied once, in
order, in its own transaction, and recorded in the ``migrations`` table.

Writing is one article at a time: :meth:`Store.add_article` writes an article and all its layers
in one transaction, so an interrupted run keeps every article already written and a re-run
skips them (``unchanged``). Exact duplicates (same :func:`~marsad.stories.dedup.content_hash`)
are stored as records pointing at the first copy; near duplicates join its story cluster.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Literal

from marsad.errors import NotFoundError, QueryError, StoreError
from marsad.store import codec
from marsad.store.search import WEIGHTS, SearchHit, SearchIndexer
from marsad.stories.dedup import DedupParams, Signer, StoryIndex, key_hash
from marsad.text.normalize import Normalizer
from marsad.text.tokens import Tokenizer
from marsad.types import Article

Status = Literal["new", "duplicate", "unchanged", "updated"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add_article` did.

    ``status``: ``new`` (written), ``duplicate`` (same content as ``duplicate_of``, recorded
    without layers), ``unchanged`` (this id with this content is already stored), ``updated``
    (this id was stored with other content; replaced). ``cluster`` is the story cluster id.
    """

    status: Status
    id: str
    duplicate_of: str | None = None
    cluster: str | None = None


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity of the store with how often it is mentioned (``kb`` False: found by the name recognizer)."""

    id: str
    kind: str
    name_en: str | None
    name_ar: str | None
    country: str | None
    code: str | None
    kb: bool
    mentions: int
    articles: int

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int          # canonical articles (exact duplicates not counted)
    duplicates: int        # records pointing at a canonical article
    clusters: int          # story clusters with two or more articles
    clustered: int         # articles in those clusters
    entities: int
    mentions: int
    events: int
    quotes: int
    quantities: int
    failures: int          # distinct failures in the ingest log
    migrations: int

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    line: int | None
    message: str
    seen: int


def _migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every packaged migration, in order."""
    folder = importlib_resources.files("marsad.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name[:-4], entry.read_text(encoding="utf-8")))
    out.sort()
    numbers = [n for n, _, _ in out]
    if len(set(numbers)) != len(numbers):
        raise StoreError(f"two migrations share a number: {[name for _, name, _ in out]}")
    return out


def _statements(sql: str) -> Iterator[str]:
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buf.splitlines()):
        raise StoreError(f"unterminated SQL statement in a migration: {buf.strip()[:80]!r}")


class Store:
    """A marsad database. Use as a context manager; one Store per thread.

    ``tokenizer`` builds the search index and compiles queries (the same one must be used for
    both, and it must be the pipeline's tokenizer, whose tokens are reused for the index; by
    default a plain :class:`Tokenizer`); ``dedup`` sets the near-duplicate parameters.
    """

    def __init__(self, path: str | Path, tokenizer: Tokenizer | None = None,
                 dedup: DedupParams = DedupParams(), busy_timeout: float = 10.0):
        self.path = Path(path)
        self.normalizer = Normalizer()
        self._tokenizer = tokenizer
        self._search: SearchIndexer | None = None
        self.dedup = dedup
        self.signer = Signer(dedup, self.normalizer)
        self._index: StoryIndex | None = None
        self._last_key: tuple[str, str, str] | None = None  # (text, key, content hash), see check()
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=busy_timeout, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(path) != ":memory:":
                raise StoreError(f"{self.path}: cannot switch the database to WAL mode (got {mode})")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the block raises (anything, even Ctrl-C)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; returns the names applied now."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
        applied: list[str] = []
        for number, name, sql in _migrations():
            if self.conn.execute("SELECT 1 FROM migrations WHERE id = ?", (number,)).fetchone():
                continue
            try:
                with self.transaction() as conn:
                    # another process may have applied it while we waited for the lock
                    if conn.execute("SELECT 1 FROM migrations WHERE id = ?", (number,)).fetchone():
                        continue
                    for stmt in _statements(sql):
                        conn.execute(stmt)
                    conn.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", (number, name))
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: migration {name} failed: {exc}") from exc
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r["name"] for r in self.conn.execute("SELECT name FROM migrations ORDER BY id")]

    # -- helpers ----------------------------------------------------------------------------
    @property
    def tokenizer(self) -> Tokenizer:
        if self._tokenizer is None:
            self._tokenizer = Tokenizer()
        return self._tokenizer

    @property
    def search_indexer(self) -> SearchIndexer:
        if self._search is None:
            self._search = SearchIndexer(self.tokenizer)
        return self._search

    def story_index(self) -> StoryIndex:
        """The LSH index of stored signatures, rebuilt from the database on first use."""
        if self._index is None:
            index = StoryIndex(self.dedup)
            p = self.dedup
            rows = self.conn.execute(
                "SELECT a.id, m.hashvalues FROM minhashes m JOIN articles a ON a.num = m.article"
                " WHERE m.num_perm = ? AND m.seed = ? AND m.shingle = ? AND m.scheme = ? ORDER BY m.article",
                (p.num_perm, p.seed, p.shingle, p.scheme + "+crc32"),
            )
            for r in rows:
                index.add(r["id"], self.signer.from_bytes(r["hashvalues"]))
            self._index = index
        return self._index

    def _row(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT num, id, content_hash, duplicate_of FROM articles WHERE id = ?", (article_id,)
        ).fetchone()

    def _cluster_of_num(self, num: int) -> str | None:
        r = self.conn.execute("SELECT cluster FROM story_members WHERE article = ?", (num,)).fetchone()
        return r["cluster"] if r else None

    def _canonical(self, chash: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT num, id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL", (chash,)
        ).fetchone()

    # -- writing ----------------------------------------------------------------------------
    def check(self, article: Article) -> AddResult:
        """What :meth:`add_article` would do, without writing (lets a caller skip its pipeline).

        The folded key of the text is kept for the :meth:`add_article` of the same text that
        usually follows, so it is not computed twice.
        """
        return self._check(article, self._key_of(article.text)[1])

    def _key_of(self, text: str) -> tuple[str, str]:
        """(folded key, content hash) of ``text``; the last one computed is kept (see :meth:`check`)."""
        last = self._last_key
        if last is not None and last[0] is text:
            return last[1], last[2]
        key_text = self.normalizer.key(text)
        chash = key_hash(key_text)
        self._last_key = (text, key_text, chash)
        return key_text, chash

    def _check(self, article: Article, chash: str) -> AddResult:
        row = self._row(article.id)
        if row is not None and row["content_hash"] == chash:
            canon = row["duplicate_of"]
            num = row["num"] if canon is None else self._row(canon)["num"]
            return AddResult("unchanged", article.id, canon, self._cluster_of_num(num))
        first = self._canonical(chash)
        if first is not None and first["id"] != article.id:
            return AddResult("duplicate", article.id, first["id"], self._cluster_of_num(first["num"]))
        return AddResult("updated" if row is not None else "new", article.id)

    def add_article(self, article: Article) -> AddResult:
        """Write ``article`` and all its layers in one transaction (see :class:`AddResult`)."""
        key_text, chash = self._key_of(article.text)
        try:
            pre = self._check(article, chash)
            if pre.status == "unchanged":
                return pre
            if pre.status == "duplicate":
                with self.transaction() as conn:
                    if self._row(article.id) is not None:  # same id stored with other content
                        self._delete(conn, article.id)
                    codec.insert_article(conn, codec.article_row(article, chash, pre.duplicate_of, False))
                return pre
            sig = self.signer.signature_of_key(key_text)
            index = self.story_index()
            match = index.best_match(sig)
            fields = self.search_indexer.fields(article.title, article.text, article.tokens)
            with self.transaction() as conn:
                if pre.status == "updated":
                    self._delete(conn, article.id)
                num = codec.insert_article(conn, codec.article_row(article, chash, None, True))
                codec.write_layers(conn, num, article)
                cluster, sim = article.id, 1.0
                if match is not None and match.key != article.id:
                    r = self._row(match.key)
                    found = self._cluster_of_num(r["num"]) if r is not None else None
                    if found is not None:
                        cluster, sim = found, match.similarity
                conn.execute("INSERT INTO story_members (article, cluster, similarity) VALUES (?, ?, ?)",
                             (num, cluster, sim))
                p = self.dedup
                conn.execute(
                    "INSERT INTO minhashes (article, num_perm, seed, shingle, scheme, hashvalues)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (num, p.num_perm, p.seed, p.shingle, p.scheme + "+crc32", self.signer.to_bytes(sig)),
                )
                conn.execute(
                    "INSERT INTO article_search (rowid, title_keys, body_keys, title_stems, body_stems)"
                    " VALUES (?, ?, ?, ?, ?)", (num, *fields),
                )
            index.add(article.id, sig)
            return AddResult(pre.status, article.id, None, cluster)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write article {article.id!r}: {exc}") from exc

    def _delete(self, conn: sqlite3.Connection, article_id: str) -> None:
        """Remove a stored article (for ``updated``); its duplicates now point at nothing valid,
        so they are removed too and will be re-added by the next ingest of their source."""
        row = self._row(article_id)
        if row is None:
            return
        conn.execute("DELETE FROM article_search WHERE rowid = ?", (row["num"],))
        conn.execute("DELETE FROM articles WHERE duplicate_of = ?", (article_id,))
        others = conn.execute("SELECT a.id FROM story_members s JOIN articles a ON a.num = s.article"
                              " WHERE s.cluster = ? AND s.article != ? ORDER BY a.num",
                              (article_id, row["num"])).fetchall()
        if others:  # the cluster was named after this article: name it after the next member
            conn.execute("UPDATE story_members SET cluster = ? WHERE cluster = ?", (others[0]["id"], article_id))
        conn.execute("DELETE FROM articles WHERE num = ?", (row["num"],))
        self._index = None  # the LSH holds the old signature: rebuild on next use

    def log_failure(self, path: str | None, line: int | None, message: str) -> None:
        """Record an input or pipeline failure (the same failure twice is counted, not repeated)."""
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO ingest_log (path, line, message) VALUES (?, ?, ?)"
                    " ON CONFLICT (path, line, message) DO UPDATE SET seen = seen + 1,"
                    " last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                    (path or "", line or 0, message),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot log a failure: {exc}") from exc

    # -- reading ----------------------------------------------------------------------------
    def get_article(self, article_id: str, tokens: bool = False) -> Article:
        """The article with every stored layer.

        Tokens are not stored; with ``tokens=True`` they are recomputed with the store's
        tokenizer. A duplicate comes back with its own metadata and text, no layers, and a note
        naming the article it duplicates.
        """
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        a = self._build(row)
        if tokens:
            a.normalized = self.normalizer.normalize(a.text)
            a.tokens = self.tokenizer.tokenize(a.normalized, a.sentences or None)
        return a

    def _build(self, row: sqlite3.Row) -> Article:
        a = codec.article_from_row(row)
        if row["duplicate_of"] is not None:
            a.notes.append(f"duplicate of {row['duplicate_of']}")
            return a
        return codec.read_layers(self.conn, row["num"], a)

    def iter_articles(self, include_duplicates: bool = False, batch: int = 200) -> Iterator[Article]:
        """Stored articles in insertion order, streamed (``batch`` rows read at a time)."""
        last = 0
        where = "" if include_duplicates else " AND duplicate_of IS NULL"
        while True:
            rows = self.conn.execute(
                f"SELECT * FROM articles WHERE num > ?{where} ORDER BY num LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._build(row)
            last = rows[-1]["num"]

    def duplicate_of(self, article_id: str) -> str | None:
        row = self._row(article_id)
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        return row["duplicate_of"]

    def cluster_of(self, article_id: str) -> str:
        """The story cluster of an article (a duplicate belongs to its original's cluster)."""
        row = self._row(article_id)
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        if row["duplicate_of"] is not None:
            row = self._row(row["duplicate_of"])
        return self._cluster_of_num(row["num"]) or row["id"]

    def story(self, cluster: str) -> list[str]:
        """Ids of the canonical articles of a story cluster, in insertion order."""
        return [r["id"] for r in self.conn.execute(
            "SELECT a.id FROM story_members s JOIN articles a ON a.num = s.article WHERE s.cluster = ?"
            " ORDER BY a.num", (cluster,))]

    def clusters(self, min_size: int = 2) -> dict[str, list[str]]:
        """Story clusters with at least ``min_size`` articles: cluster id -> member ids."""
        out: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT s.cluster, a.id FROM story_members s JOIN articles a ON a.num = s.article"
            " WHERE s.cluster IN (SELECT cluster FROM story_members GROUP BY cluster HAVING count(*) >= ?)"
            " ORDER BY s.cluster, a.num", (min_size,)
        ):
            out.setdefault(r["cluster"], []).append(r["id"])
        return out

    def failures(self) -> list[Failure]:
        return [Failure(r["path"], r["line"] or None, r["message"], r["seen"])
                for r in self.conn.execute("SELECT * FROM ingest_log ORDER BY num")]

    def stats(self) -> StoreStats:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        clusters = self.conn.execute(
            "SELECT count(*), coalesce(sum(n), 0) FROM"
            " (SELECT count(*) AS n FROM story_members GROUP BY cluster HAVING n >= 2)"
        ).fetchone()
        return StoreStats(
            articles=one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
            duplicates=one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            clusters=clusters[0], clustered=clusters[1],
            entities=one("SELECT count(*) FROM entities"),
            mentions=one("SELECT count(*) FROM mentions"),
            events=one("SELECT count(*) FROM events"),
            quotes=one("SELECT count(*) FROM quotes"),
            quantities=one("SELECT count(*) FROM quantities"),
            failures=one("SELECT count(*) FROM ingest_log"),
            migrations=one("SELECT count(*) FROM migrations"),
        )

    def entity_counts(self, kind: str | None = None, limit: int | None = None) -> list[EntityCount]:
        """Entities across canonical articles with their mention and article counts, most mentioned first."""
        sql = ("SELECT e.id, e.kind, max(e.name_en) AS name_en, max(e.name_ar) AS name_ar, max(e.country) AS country,"
               " max(e.code) AS code, max(e.kb) AS kb, count(DISTINCT e.article) AS articles,"
               " (SELECT count(*) FROM mentions m JOIN articles a2 ON a2.num = m.article"
               "   WHERE m.entity = e.id AND a2.duplicate_of IS NULL) AS mentions"
               " FROM entities e JOIN articles a ON a.num = e.article WHERE a.duplicate_of IS NULL")
        args: list = []
        if kind:
            sql += " AND e.kind = ?"
            args.append(kind)
        sql += " GROUP BY e.id, e.kind ORDER BY mentions DESC, articles DESC, e.id"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [EntityCount(r["id"], r["kind"], r["name_en"], r["name_ar"], r["country"], r["code"], bool(r["kb"]),
                            r["mentions"], r["articles"]) for r in self.conn.execute(sql, args)]

    # -- search -----------------------------------------------------------------------------
    def search(self, query: str, limit: int = 10, markers: tuple[str, str] = ("«", "»"),
               width: int = 220) -> list[SearchHit]:
        """Articles matching ``query`` (see :mod:`marsad.store.search`), best first."""
        indexer = self.search_indexer
        compiled = indexer.compile(query)
        try:
            rows = self.conn.execute(
                f"SELECT a.id, a.title, a.outlet, a.published, a.text,"
                f" bm25(article_search, {', '.join(map(str, WEIGHTS))}) AS score"
                " FROM article_search JOIN articles a ON a.num = article_search.rowid"
                " WHERE article_search MATCH ? ORDER BY score, a.published DESC LIMIT ?",
                (compiled.expression, int(limit)),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        hits = []
        for r in rows:
            spans = indexer.highlights(r["text"], compiled)
            hits.append(SearchHit(r["id"], r["title"], r["outlet"], r["published"], -float(r["score"]),
                                  indexer.snippet(r["text"], spans, markers, width), spans))
        return hits
