"""The Content-Disposition header of a download (RFC 6266), safe for any stored name.

Browsers use `filename*` (RFC 5987, the exact name in UTF-8); `filename` is the ASCII fallback for old clients.
Names written before titles were checked may hold control characters or quotes: they are cleaned here, because a
line break in a header is refused by the server (the download failed) or is an injection.
"""

from __future__ import annotations

import mimetypes
import posixpath
import unicodedata
from urllib.parse import quote

# RFC 5987 attr-char, besides letters and digits: what `filename*` may carry without percent-encoding.
_ATTR_CHARS = "!#$&+-.^_`|~"


def _one_line(name: str) -> str:
    """Control characters become spaces, runs of whitespace one space."""
    spaced = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in name)
    return " ".join(spaced.split())


def download_name(name: str, content_type: str) -> str:
    """The name to save the file under. Publication titles carry no extension: one is added from the detected type
    when the name has no known extension (a name the user gave, like "scan.jpg", is kept as it is)."""
    clean = _one_line(unicodedata.normalize("NFC", name)).replace("/", "_") or "file"
    if mimetypes.guess_type(clean)[0] is None and content_type != "application/octet-stream":
        clean += mimetypes.guess_extension(content_type) or ""
    return clean


def content_disposition(name: str, content_type: str, *, attachment: bool) -> str:
    full = download_name(name, content_type)
    stem, extension = posixpath.splitext(full)

    def ascii_only(text: str) -> str:
        return text.encode("ascii", "ignore").decode().replace('"', "'").replace("\\", "_")

    fallback = (" ".join(ascii_only(stem).split()) or "file") + ascii_only(extension)
    kind = "attachment" if attachment else "inline"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(full, safe=_ATTR_CHARS)}"
