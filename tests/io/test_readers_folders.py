"""Folders: recursive, sorted, unsupported files skipped, bad files reported and the rest read."""

from __future__ import annotations

import json

from marsad.errors import InputError
from marsad.io.readers import InputReader, ReadOptions

NO_LANG = ReadOptions(detect_language=False)


def test_mixed_folder(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("خبر أول عن اجتماع في موسكو.\n", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("خبر ثان عن اتصال هاتفي بين الرئيسين.\n", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "b" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "j1", "text": "نص من ملف أسطر."}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    reader = InputReader(NO_LANG)
    got = list(reader.read([tmp_path]))
    kinds = [(type(x).__name__, x.path if isinstance(x, InputError) else x.source) for x in got]
    # sorted walk: a.txt, b/bin.txt, b/c.txt, b/empty.txt, d.jsonl (good line, bad line)
    assert kinds == [
        ("Article", str(tmp_path / "a.txt")),
        ("DecodeError", str(tmp_path / "b" / "bin.txt")),
        ("Article", str(tmp_path / "b" / "c.txt")),
        ("InputError", str(tmp_path / "b" / "empty.txt")),
        ("Article", str(tmp_path / "d.jsonl")),
        ("InputError", str(tmp_path / "d.jsonl")),
    ]
    assert got[-1].line == 2
    assert reader.skipped == [(str(tmp_path / "b" / "notes.docx"), "unsupported file type '.docx'")]
