"""Content type detection from the first bytes."""

from __future__ import annotations

import pytest

from portico.storage.detect import HEAD_BYTES, detect_content_type


@pytest.mark.parametrize(
    ("head", "complete", "expected"),
    [
        (b"hello world\n", True, "text/plain"),
        ("caf\u00e9 cr\u00e8me\n".encode(), True, "text/plain"),
        (b"\xef\xbb\xbfa,b\n1,2\n", True, "text/csv"),  # with a UTF-8 BOM, as Excel writes it
        (b"a;b;c\n1;2;3\n4;5;6\n", True, "text/csv"),  # European exports use ';'
        (b'name,note\n"Acme","multi\nline, with comma"\nGlobex,x\n', True, "text/csv"),
        (b"Hello, world.\nJust one comma here, and here, too.\n", True, "text/plain"),  # ragged: prose
        (b"single,line\n", True, "text/plain"),
        (b"MZ is how this text note starts\n", True, "text/plain"),  # a signature alone does not make a binary
        (b"BM-42 shipping list\n", True, "text/plain"),
        (b"%PDF-1.4\n1 0 obj\n", True, "application/pdf"),
        (b"text with a \x00 NUL", True, None),
        (b"\x01\x02\x03\x04 control bytes", True, None),
        (b"\xff\xfe not utf-8", True, None),
    ],
)
def test_detect(head: bytes, complete: bool, expected: str | None) -> None:
    assert detect_content_type(head, complete=complete) == expected


def test_multibyte_character_cut_at_the_head_boundary() -> None:
    head = ("\u00e9" * HEAD_BYTES).encode()[: HEAD_BYTES - 1]  # ends in half of "é"
    assert detect_content_type(head, complete=False) == "text/plain"
    assert detect_content_type(head, complete=True) is None  # the whole file: a truncated character is not text


def test_csv_record_cut_at_the_head_boundary() -> None:
    head = b"a,b,c\n1,2,3\n4,5,6\n7,8"
    assert detect_content_type(head, complete=False) == "text/csv"
