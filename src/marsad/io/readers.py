"""Reading articles from files, folders and standard input.

:func:`iter_inputs` yields one :class:`~marsad.types.Article` per article, or an
:class:`~marsad.errors.InputError` *value* for each file or line that cannot be read: one bad
input never stops the others; the caller counts the errors and decides the exit status.

Supported inputs
    ``.txt`` ``.text``  plain text (a press compilation is split into its articles)
    ``.html`` ``.htm``  a web page (main text and metadata extracted with trafilatura, offline)
    ``.jsonl``          one JSON object per line: ``id title text date|published outlet url
                        author category abstract lang``
    ``-``               standard input, read as plain text

Folders are walked recursively in sorted order; files of other types found there are skipped
(recorded in :attr:`InputReader.skipped` and logged), hidden files silently.

Ids: the JSONL ``id`` when given, else ``"a" + sha1(normalized key of the text)[:16]``, so the
same content gets the same id whatever the file is called.
"""

from __future__ import annotations

import hashlib
import html as _html
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from marsad.errors import DecodeError, InputError
from marsad.io.compilation import CompilationSplitter
from marsad.io.decode import decode_bytes
from marsad.io.meta import find_byline, find_dateline, guess_title, lines_of
from marsad.text.dates import DateFinder
from marsad.text.lang import LanguageIdentifier
from marsad.text.normalize import Normalizer
from marsad.types import Article

log = logging.getLogger("marsad.io")

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
SUPPORTED = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` bounds one file (one line for JSONL, standard input as a whole); it is checked
    before reading. ``detect_language`` sets ``Article.lang`` (and the ``non_arabic`` flag).
    ``split_compilations`` turns press compilations into one article per item.
    """

    max_bytes: int = 20 * 1024 * 1024
    detect_language: bool = True
    split_compilations: bool = True


def content_id(text: str, normalizer: Normalizer) -> str:
    """The content-derived article id: ``"a"`` + 16 hex digits of the SHA-1 of the folded key."""
    return "a" + hashlib.sha1(normalizer.key(text).encode("utf-8")).hexdigest()[:16]


class InputReader:
    """Reads inputs into articles; holds the helpers (date finder, language identifier) it builds once."""

    def __init__(self, options: ReadOptions = ReadOptions(), *, finder: DateFinder | None = None,
                 identifier: LanguageIdentifier | None = None, stdin: BinaryIO | None = None):
        self.options = options
        self._finder = finder
        self._identifier = identifier
        self._stdin = stdin
        self._splitter: CompilationSplitter | None = None
        self.normalizer = Normalizer()
        #: (path, reason) of files skipped while walking folders
        self.skipped: list[tuple[str, str]] = []

    # lazily built helpers
    @property
    def finder(self) -> DateFinder:
        if self._finder is None:
            self._finder = DateFinder.load_default()
        return self._finder

    @property
    def identifier(self) -> LanguageIdentifier:
        if self._identifier is None:
            self._identifier = LanguageIdentifier()
        return self._identifier

    @property
    def splitter(self) -> CompilationSplitter:
        if self._splitter is None:
            self._splitter = CompilationSplitter(self.finder, self.normalizer)
        return self._splitter

    # ------------------------------------------------------------------ walking
    def read(self, paths: Iterable[str | os.PathLike]) -> Iterator[Article | InputError]:
        for p in paths:
            p = os.fspath(p)
            if p == "-":
                yield from self._read_stdin()
                continue
            path = Path(p)
            if path.is_dir():
                for f in self._walk(path):
                    yield from self._read_file(f, str(f))
            elif path.exists():
                if path.suffix.lower() not in SUPPORTED:
                    yield InputError(f"unsupported file type {path.suffix or '(none)'!r} "
                                     f"(supported: {', '.join(sorted(SUPPORTED))})", p)
                    continue
                yield from self._read_file(path, p)
            else:
                yield InputError("no such file or directory", p)

    def _walk(self, root: Path) -> Iterator[Path]:
        """Files under ``root`` depth-first in sorted name order (``a.txt``, ``b/c.txt``, ``d.txt``)."""
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError as exc:
            self.skipped.append((str(root), f"cannot list folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            f = Path(entry.path)
            if entry.is_dir():
                yield from self._walk(f)
            elif f.suffix.lower() in SUPPORTED:
                yield f
            else:
                reason = f"unsupported file type {f.suffix or '(none)'!r}"
                self.skipped.append((str(f), reason))
                log.info("skipped %s: %s", f, reason)

    def _read_file(self, path: Path, shown: str) -> Iterator[Article | InputError]:
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", shown)
            return
        ext = path.suffix.lower()
        if ext in JSONL_EXTENSIONS:
            if size == 0:
                yield InputError("empty file", shown)
                return
            yield from self._read_jsonl(path, shown)
            return
        if size > self.options.max_bytes:
            yield InputError(f"file too large: {size} bytes (limit {self.options.max_bytes}; "
                             "raise ReadOptions.max_bytes to read it)", shown)
            return
        if size == 0:
            yield InputError("empty file", shown)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", shown)
            return
        if ext in HTML_EXTENSIONS:
            yield from self._guard(self._html, data, shown)
        else:
            yield from self._guard(self._text, data, shown)

    def _read_stdin(self) -> Iterator[Article | InputError]:
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.options.max_bytes + 1)
        except OSError as exc:
            yield InputError(f"cannot read standard input: {exc}", "-")
            return
        if len(data) > self.options.max_bytes:
            yield InputError(f"standard input too large (more than {self.options.max_bytes} bytes)", "-")
            return
        if not data:
            yield InputError("empty file", "-")
            return
        yield from self._guard(self._text, data, "-")

    def _guard(self, fn, data: bytes, shown: str) -> Iterator[Article | InputError]:
        try:
            articles = fn(data, shown)
        except InputError as exc:
            yield exc
            return
        yield from articles

    # ------------------------------------------------------------------ formats
    def _finish(self, article: Article) -> Article:
        if self.options.detect_language:
            self.identifier(article)
        return article

    def _text(self, data: bytes, shown: str) -> list[Article]:
        decoded = decode_bytes(data, shown)
        text = decoded.text
        if not text.strip():
            raise InputError("empty file (only blank characters)", shown)
        if self.options.split_compilations:
            comp = self.splitter.split(text)
            if comp is not None and comp.items:
                parent = content_id(text, self.normalizer)
                out = []
                for item in comp.items:
                    a = Article(
                        id=content_id(item.text, self.normalizer), text=item.text, title=item.title,
                        outlet=item.outlet, author=item.author, published=item.published, source=shown,
                        source_offset=item.offset, parent=parent,
                        notes=list(decoded.notes) + item.notes
                        + [f"item of compilation {parent}" + (f" (contents entry {item.toc_number})"
                                                              if item.toc_number else "")],
                    )
                    out.append(self._finish(a))
                return out
        lines = lines_of(text)
        title, ti = guess_title(lines)
        after = ti + 1 if title else 0
        dated = find_dateline(lines, self.finder, after)
        a = Article(
            id=content_id(text, self.normalizer), text=text, title=title,
            author=find_byline(lines, after), published=dated[0].value if dated else None,
            source=shown, notes=list(decoded.notes),
        )
        return [self._finish(a)]

    def _html(self, data: bytes, shown: str) -> list[Article]:
        decoded = decode_bytes(data, shown)
        html = decoded.text
        if not html.strip():
            raise InputError("empty file (only blank characters)", shown)
        import trafilatura

        try:
            doc = trafilatura.bare_extraction(
                html, favor_precision=True, with_metadata=True, include_comments=False,
                include_tables=True, date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise InputError(f"cannot parse HTML: {exc!r}", shown) from exc
        meta = {}
        if doc is not None:
            meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = (meta.get("text") or "").strip()
        notes = list(decoded.notes)
        title = meta.get("title") or None
        if not text:
            title = title or _html_title(html)
            if not title:
                raise InputError("no article text found in HTML (and no <title>)", shown)
            text = title
            notes.append("main text extraction empty: text is the page <title>")
        published = None
        if meta.get("date"):
            d = self.finder.parse(str(meta["date"]))
            published = d.value if d else None
        a = Article(
            id=content_id(text, self.normalizer), text=text, title=title,
            outlet=meta.get("sitename") or None, author=meta.get("author") or None,
            published=published, url=meta.get("url") or None, source=shown, notes=notes,
            category=(meta.get("categories") or [None])[0] if isinstance(meta.get("categories"), list) else None,
        )
        return [self._finish(a)]

    def _read_jsonl(self, path: Path, shown: str) -> Iterator[Article | InputError]:
        limit = self.options.max_bytes
        try:
            f = open(path, "rb")
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", shown)
            return
        with f:
            n = 0
            any_line = False
            while True:
                raw = f.readline(limit + 1)
                if not raw:
                    break
                n += 1
                if len(raw) > limit and not raw.endswith(b"\n"):
                    # skip the rest of an over-long line without holding it in memory
                    while raw and not raw.endswith(b"\n"):
                        raw = f.readline(1 << 20)
                    yield InputError(f"line too long (more than {limit} bytes)", shown, n)
                    continue
                if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                any_line = True
                try:
                    yield self._finish(self._json_article(raw, shown, n))
                except InputError as exc:
                    yield exc
            if not any_line:
                yield InputError("empty file (no JSON lines)", shown)

    def _json_article(self, raw: bytes, shown: str, n: int) -> Article:
        try:
            obj = json.loads(raw)
        except UnicodeDecodeError as exc:
            raise InputError(f"line is not UTF-8: {exc.reason}", shown, n) from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", shown, n) from exc
        if not isinstance(obj, dict):
            raise InputError("a JSON line must be an object", shown, n)
        notes: list[str] = []
        text = obj.get("text")
        if text is not None and not isinstance(text, str):
            raise InputError("'text' must be a string", shown, n)
        if not text or not text.strip():
            abstract = obj.get("abstract")
            if isinstance(abstract, str) and abstract.strip():
                text = abstract
                notes.append("no text: the abstract is used as text")
            else:
                raise InputError("no 'text' in the JSON object", shown, n)
        raw_id = obj.get("id")
        art_id = str(raw_id) if raw_id not in (None, "") else content_id(text, self.normalizer)
        date_raw = obj.get("published") or obj.get("date")
        published = None
        if date_raw:
            d = self.finder.parse(str(date_raw))
            if d is None:
                notes.append(f"unreadable date {str(date_raw)[:40]!r}")
            else:
                published = d.value
        lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None

        def s(key: str) -> str | None:
            v = obj.get(key)
            return str(v) if v not in (None, "") else None

        return Article(
            id=art_id, text=text, title=s("title"), outlet=s("outlet"), author=s("author"),
            published=published, url=s("url"), source=shown, source_line=n, category=s("category"),
            lang=lang, notes=notes,
        )


def _html_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if not m:
        return None
    t = _html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    return t or None


def iter_inputs(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions(), *,
                reader: InputReader | None = None) -> Iterator[Article | InputError]:
    """Articles (or :class:`InputError` values) from files, folders and ``"-"`` (standard input)."""
    reader = reader or InputReader(options)
    yield from reader.read(paths)


def read_text(text: str, source: str | None = None, options: ReadOptions = ReadOptions()) -> list[Article]:
    """Articles from a text already in memory (a compilation gives several)."""
    reader = InputReader(options)
    data = text.encode("utf-8")
    return reader._text(data, source or "<text>")


__all__ = ["ReadOptions", "InputReader", "iter_inputs", "read_text", "content_id", "DecodeError"]
