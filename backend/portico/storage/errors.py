"""Errors raised by the storage layer.

Upload refusals (`UploadRefused` and its subclasses) are expected failures: each carries a stable `code` and a
human `message`, so a GraphQL payload or an HTTP route can return them as data. The others are programming or
infrastructure errors, and `ObjectNotFound` / `InvalidRange` map to HTTP 404 / 416 on downloads.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class of everything the storage layer raises on purpose."""


class InvalidKey(StorageError, ValueError):
    """A key that could escape the storage root or is otherwise malformed (a caller bug, never user input)."""


class ObjectNotFound(StorageError):
    """No object is stored under the key."""

    def __init__(self, key: str) -> None:
        super().__init__(f"no stored object under {key!r}")
        self.key = key


class StorageUnavailable(StorageError):
    """The backend cannot be reached or failed on its side (S3 down or erroring, the disk full): try again later.

    Raised by put_stream only after it removed what it had written (aborting a multipart upload), so nothing is kept.
    HTTP routes answer it with 503 and Retry-After.
    """

    retry_after_seconds = 30


class InvalidRange(StorageError):
    """The requested byte range is outside the object (HTTP 416)."""


class UploadRefused(StorageError):
    """An upload was refused; nothing was kept. `code` is stable, `message` is for people."""

    code: str = "UPLOAD_REFUSED"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UploadTooLarge(UploadRefused):
    code = "UPLOAD_TOO_LARGE"

    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"The file is larger than the limit of {human_bytes(max_bytes)}.")
        self.max_bytes = max_bytes


class QuotaExceeded(UploadRefused):
    code = "QUOTA_EXCEEDED"

    def __init__(self, quota_remaining: int) -> None:
        super().__init__(
            "Storage is full: the file does not fit in the organization's remaining storage "
            f"({human_bytes(max(quota_remaining, 0))} left). An administrator can add storage."
        )
        self.quota_remaining = quota_remaining


class RefusedType(UploadRefused):
    code = "REFUSED_TYPE"

    def __init__(self, detected: str | None) -> None:
        what = f"of type {detected}" if detected else "of an unrecognised type"
        super().__init__(f"This file is {what}, which cannot be uploaded.")
        self.detected = detected


class EmptyUpload(UploadRefused):
    code = "EMPTY_UPLOAD"

    def __init__(self) -> None:
        super().__init__("The file is empty.")


def human_bytes(n: int) -> str:
    """Bytes as people read them (binary units, since the limits are configured in bytes)."""
    if n < 1024:
        return f"{n} bytes"
    size = float(n)
    unit = "bytes"
    for unit in ("KiB", "MiB", "GiB"):  # noqa: B007 - the unit reached is the one printed
        size /= 1024
        if size < 1024:
            break
    return f"{size:.1f} {unit}".replace(".0 ", " ")
