"""File storage: the Storage interface, its local and S3 backends, and ingest() for uploads.

Create one Storage per process with `storage_from_settings(settings)`, `await storage.start()` in the app lifespan
and `await storage.close()` when it ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .base import Storage, validate_key
from .errors import (
    EmptyUpload,
    InvalidKey,
    InvalidRange,
    ObjectNotFound,
    QuotaExceeded,
    RefusedType,
    StorageError,
    StorageUnavailable,
    UploadRefused,
    UploadTooLarge,
)
from .ingest import DEFAULT_ALLOWED_TYPES, StoredBlob, ingest
from .local import LocalStorage
from .s3 import S3Storage

if TYPE_CHECKING:
    from portico.settings import Settings

__all__ = [
    "DEFAULT_ALLOWED_TYPES",
    "EmptyUpload",
    "InvalidKey",
    "InvalidRange",
    "LocalStorage",
    "ObjectNotFound",
    "QuotaExceeded",
    "RefusedType",
    "S3Storage",
    "Storage",
    "StorageError",
    "StorageUnavailable",
    "StoredBlob",
    "UploadRefused",
    "UploadTooLarge",
    "ingest",
    "storage_from_settings",
    "validate_key",
]


def storage_from_settings(settings: Settings) -> Storage:
    """The backend STORAGE_URL names: s3://bucket (with the S3_* variables) or file://directory (the default)."""
    if settings.storage_is_s3:
        return S3Storage(
            bucket=settings.storage_location,
            endpoint_url=settings.s3_endpoint_url,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key,
            region=settings.s3_region,
        )
    return LocalStorage(Path(settings.storage_location))
