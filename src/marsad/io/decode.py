"""Bytes to text: the encodings Arabic news files come in.

Order of attempts:

1. a byte-order mark: UTF-8 (BOM dropped), UTF-16 LE/BE, UTF-32 LE/BE;
2. strict UTF-8 (the fast path: most files);
3. UTF-8 cut in the middle of a multi-byte character at the very end of the file: decoded with
   the partial character dropped and a note (a truncated download is still an article);
4. charset-normalizer's best guess, with Windows-1256 (the Arabic Windows code page, common in
   older archives) tried first when the bytes decode as Windows-1256 into mostly Arabic text.

Binary data (NUL bytes outside UTF-16/32, or a low share of printable characters) and bytes
that no encoding explains raise :class:`~marsad.errors.DecodeError` naming the file.
Line ends are normalized to ``\\n`` (``\\r\\n`` and lone ``\\r``), like Python's text mode:
offsets elsewhere in marsad index this decoded text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from marsad.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of printable characters (letters, digits, punctuation, spaces) below which text is binary.
MIN_PRINTABLE = 0.95


@dataclass(slots=True)
class Decoded:
    """Decoded text, the encoding used and notes about anything repaired on the way."""

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, path: str | None = None) -> Decoded:
    """Decode the bytes of one file (``path`` is only used in messages)."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                text, note = _drop_truncated_tail(data[len(bom):], enc, exc, path)
                notes.append(note)
            return Decoded(_finish(text, path), enc, notes)
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes) or a UTF-16/32 file without byte-order mark", path)
    try:
        return Decoded(_finish(data.decode("utf-8"), path), "utf-8", notes)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            try:
                text, note = _drop_truncated_tail(data, "utf-8", exc, path)
            except DecodeError:
                pass
            else:
                notes.append(note)
                return Decoded(_finish(text, path), "utf-8", notes)
    text, enc = _guess(data, path)
    notes.append(f"decoded as {enc}")
    return Decoded(_finish(text, path), enc, notes)


def _drop_truncated_tail(data: bytes, enc: str, exc: UnicodeDecodeError, path: str | None) -> tuple[str, str]:
    """Decode ``data`` without an incomplete character at its very end."""
    dec = codecs.getincrementaldecoder(enc)("strict")
    try:
        text = dec.decode(data, final=False)
    except UnicodeDecodeError:
        raise DecodeError(f"invalid {enc} at byte {exc.start}", path) from exc
    pending = len(dec.getstate()[0])
    if pending == 0:  # the error was not at the end
        raise DecodeError(f"invalid {enc} at byte {exc.start}", path) from exc
    return text, f"truncated {enc}: dropped {pending} byte(s) of a character cut at the end of the file"


def _guess(data: bytes, path: str | None) -> tuple[str, str]:
    # Windows-1256 first: charset-normalizer sometimes prefers a Cyrillic or Latin code page
    # for short Arabic texts. Accept cp1256 only when it yields mostly Arabic letters.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _arabic_share(text) >= 0.5:
        return text, "cp1256"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("bytes in no encoding we can identify (not UTF-8, UTF-16 or Windows-1256)", path)
    return str(best), best.encoding


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _finish(text: str, path: str | None) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    if sample:
        printable = sum(1 for c in sample if c.isprintable() or c in "\n\t\f\v")
        if printable / len(sample) < MIN_PRINTABLE or "\x00" in sample:
            raise DecodeError(f"binary file ({printable / len(sample):.0%} printable characters)", path)
    return text
