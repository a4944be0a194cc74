"""decode_bytes: UTF-8 (with/without BOM), UTF-16, Windows-1256, truncated UTF-8, binary data."""

from __future__ import annotations

import os

import pytest

from marsad.errors import DecodeError, InputError
from marsad.io.decode import decode_bytes

ARABIC = "التقى وزير الخارجية نظيره في أنقرة يوم الثلاثاء.\nوبحث الطرفان ملف الحبوب والطاقة."


def test_plain_utf8():
    d = decode_bytes(ARABIC.encode("utf-8"), "a.txt")
    assert d.text == ARABIC
    assert d.encoding == "utf-8"
    assert d.notes == []


def test_utf8_bom_is_dropped():
    d = decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a.txt")
    assert d.text == ARABIC
    assert not d.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = ARABIC.encode(codec)
    if codec != "utf-16":  # explicit-endian codecs write no BOM: add it as editors do
        data = ("\ufeff" + ARABIC).encode(codec)
    d = decode_bytes(data, "a.txt")
    assert d.text == ARABIC
    assert d.encoding.startswith("utf-16")


def test_windows_1256():
    d = decode_bytes(ARABIC.encode("cp1256"), "old.txt")
    assert d.text == ARABIC
    assert d.encoding == "cp1256"
    assert any("cp1256" in n for n in d.notes)


def test_crlf_line_ends_become_newlines():
    d = decode_bytes(ARABIC.replace("\n", "\r\n").encode("utf-8"))
    assert d.text == ARABIC


def test_truncated_utf8_tail_is_dropped_with_a_note():
    data = ARABIC.encode("utf-8") + "ش".encode("utf-8")[:1]  # half of a two-byte letter
    d = decode_bytes(data, "cut.txt")
    assert d.text == ARABIC
    assert any("truncated" in n for n in d.notes)


def test_invalid_utf8_in_the_middle_is_not_a_truncation():
    data = "مرحبا".encode("utf-8") + b"\xff\xfe\xfa" + ("ب" * 50).encode("utf-8")
    d = decode_bytes(data, "mixed.txt")  # falls back to a guessed encoding, never silently drops
    assert "truncated" not in " ".join(d.notes)


def test_binary_with_nul_bytes_names_the_file():
    with pytest.raises(DecodeError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "picture.txt")
    assert "picture.txt" in str(err.value)
    assert isinstance(err.value, InputError)


def test_random_bytes_without_nul_are_rejected():
    rnd = bytes(b for b in os.urandom(6000) if b)
    with pytest.raises(DecodeError):
        decode_bytes(rnd, "noise.txt")
