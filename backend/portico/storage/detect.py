"""Content type detection from an upload's first bytes (never from its filename or the client's claim)."""

from __future__ import annotations

import codecs
import csv
import io

import filetype  # type: ignore[import-untyped]

# filetype inspects at most this many leading bytes; ingest buffers this much before deciding.
HEAD_BYTES = 8192

TEXT_PLAIN = "text/plain"
TEXT_CSV = "text/csv"

# Formats whose signature can open a file that is otherwise clean text. For any other signature, a head that is
# clean UTF-8 text wins: real binaries (EXE, BMP, MP3...) have NULs or invalid UTF-8 in their headers, while a
# text file may merely begin with "MZ" or "BM".
_TEXTUAL_SIGNATURES = frozenset({"application/pdf", "application/postscript", "application/rtf"})
# C0 controls that ordinary text contains; any other (NUL above all) marks the head as binary.
_TEXT_CONTROLS = frozenset("\t\n\r\f")
_CSV_DELIMITERS = (",", ";")


def detect_content_type(head: bytes, *, complete: bool) -> str | None:
    """The MIME type of a file from its first bytes, or None if unrecognised.

    `complete` says whether `head` is the whole file (then a truncated UTF-8 sequence at its end is an error rather
    than a character cut at the HEAD_BYTES boundary).
    """
    kind = filetype.guess(head)
    text = _as_text(head, complete=complete)
    if kind is not None and (text is None or kind.mime in _TEXTUAL_SIGNATURES):
        return str(kind.mime)
    if text is not None:
        return TEXT_CSV if _looks_like_csv(text, complete=complete) else TEXT_PLAIN
    return None


def _as_text(head: bytes, *, complete: bool) -> str | None:
    try:
        # The incremental decoder tolerates a multi-byte character cut at the end of a partial head.
        text: str = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=complete)
    except UnicodeDecodeError:
        return None
    if any(ch < " " and ch not in _TEXT_CONTROLS for ch in text) or "\x7f" in text:
        return None
    return text


def _looks_like_csv(text: str, *, complete: bool) -> bool:
    """At least two records with the same number (two or more) of fields for one delimiter."""
    for delimiter in _CSV_DELIMITERS:
        if delimiter not in text:
            continue
        try:
            rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not complete:
            rows = rows[:-1]  # the last record may be cut at the head boundary
        widths = {len(row) for row in rows}
        if len(rows) >= 2 and len(widths) == 1 and widths.pop() >= 2:
            return True
    return False
