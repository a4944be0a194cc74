"""A file over ReadOptions.max_bytes is refused before it is read."""

from __future__ import annotations

import tracemalloc

from marsad.errors import InputError
from marsad.io.readers import InputReader, ReadOptions, iter_inputs


def test_50_mb_text_file_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    line = ("سطر طويل من نص تجريبي لاختبار حد الحجم في القارئ. " * 20 + "\n").encode("utf-8")
    with open(p, "wb") as f:
        while f.tell() < 50 * 1024 * 1024:
            f.write(line * 100)
    tracemalloc.start()
    try:
        got = list(iter_inputs([p], ReadOptions(detect_language=False)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(got) == 1 and isinstance(got[0], InputError)
    assert "too large" in str(got[0]) and str(p) in str(got[0])
    assert peak < 5 * 1024 * 1024  # the 50 MB were never loaded


def test_limit_is_configurable(tmp_path):
    p = tmp_path / "small.txt"
    p.write_text("نص " * 100, encoding="utf-8")
    [e] = list(iter_inputs([p], ReadOptions(max_bytes=100, detect_language=False)))
    assert isinstance(e, InputError) and "too large" in str(e)
    [a] = list(iter_inputs([p], ReadOptions(max_bytes=10_000, detect_language=False)))
    assert not isinstance(a, InputError)


def test_jsonl_over_long_line_is_reported_and_the_rest_read(tmp_path):
    p = tmp_path / "feed.jsonl"
    long_line = '{"id": "big", "text": "' + "ب" * 5000 + '"}'
    p.write_text(long_line + '\n{"id": "small", "text": "نص قصير"}\n', encoding="utf-8")
    got = list(InputReader(ReadOptions(max_bytes=1000, detect_language=False)).read([p]))
    assert isinstance(got[0], InputError) and got[0].line == 1 and "too long" in str(got[0])
    assert got[1].id == "small" and got[1].source_line == 2
