"""HTTP Range requests (RFC 9110 §14): one byte range per request, what pdf.js and media players ask for. Multiple
ranges (multipart/byteranges) are not served: a client that asks for several gets 416 and retries without."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | None | str:
    """(start, end) inclusive, None for the whole file (no header), or "invalid" (answer 416 with
    `Content-Range: bytes */size`). An end past the file is clamped; a suffix range `bytes=-N` is the last N bytes."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match or (not match.group(1) and not match.group(2)):
        return "invalid"
    if match.group(1):
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else size - 1
    else:  # suffix: the last N bytes
        start, end = max(size - int(match.group(2)), 0), size - 1
    end = min(end, size - 1)
    if start > end or start >= size:
        return "invalid"
    return start, end
