"""S3Storage: objects in an S3-compatible bucket, through one aioboto3 client per process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

import aioboto3  # type: ignore[import-untyped]
from botocore.config import Config  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from .base import READ_CHUNK, Storage, validate_key, validate_range
from .errors import InvalidRange, ObjectNotFound, StorageUnavailable

logger = logging.getLogger(__name__)

# S3 needs parts of at least 5 MiB (except the last); 8 MiB bounds memory per upload and allows 80 GB in 10,000 parts.
PART_SIZE = 8 * 1024 * 1024
# Each streaming download holds a pooled connection for its whole duration; botocore's default of 10 is too few.
_MAX_CONNECTIONS = 64
# An unreachable store should fail an upload in seconds (and be reported as such), not after botocore's 60 s.
_CONNECT_TIMEOUT = 5
# Error codes that mean "the store is in trouble", as opposed to "this request is wrong".
_OUTAGE_CODES = {"InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "RequestTimeTooSkewed"}


class S3Storage(Storage):
    """Objects in `bucket`. Call `await start()` once per process (creates the client and, if needed, the bucket)."""

    def __init__(
        self,
        bucket: str,
        endpoint_url: str | None,
        access_key_id: str | None,
        secret_access_key: str | None,
        region: str = "us-east-1",
    ) -> None:
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        self.region = region
        self._access_key_id = access_key_id
        self._secret_access_key = secret_access_key
        self._stack: AsyncExitStack | None = None
        self._client: Any = None

    def __repr__(self) -> str:
        return f"S3Storage(bucket={self.bucket!r}, endpoint_url={self.endpoint_url!r})"

    @property
    def client(self) -> Any:
        """The process-wide aiobotocore S3 client (for maintenance and tests); RuntimeError before start()."""
        if self._client is None:
            raise RuntimeError("S3Storage.start() has not been awaited")
        return self._client

    async def start(self) -> None:
        if self._client is not None:
            return
        config = Config(
            # Path-style works with every S3-compatible server and needs no wildcard DNS for bucket subdomains.
            s3={"addressing_style": "path"},
            # botocore >= 1.36 adds CRC checksums by default, which several S3-compatible stores reject.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            max_pool_connections=_MAX_CONNECTIONS,
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=_CONNECT_TIMEOUT,
        )
        session = aioboto3.Session()
        stack = AsyncExitStack()
        try:
            self._client = await stack.enter_async_context(
                session.client(
                    "s3",
                    endpoint_url=self.endpoint_url,
                    aws_access_key_id=self._access_key_id,
                    aws_secret_access_key=self._secret_access_key,
                    region_name=self.region,
                    config=config,
                )
            )
            await self._ensure_bucket()
        except BaseException:
            self._client = None
            await stack.aclose()
            raise
        self._stack = stack

    async def close(self) -> None:
        stack, self._stack, self._client = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    async def _ensure_bucket(self) -> None:
        try:
            await self._client.head_bucket(Bucket=self.bucket)
            return
        except ClientError as exc:
            if _error_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
                raise
        kwargs: dict[str, Any] = {"Bucket": self.bucket}
        if self.region != "us-east-1":  # us-east-1 rejects an explicit LocationConstraint
            kwargs["CreateBucketConfiguration"] = {"LocationConstraint": self.region}
        try:
            await self._client.create_bucket(**kwargs)
        except ClientError as exc:
            # Several processes start at once; the first one creates the bucket.
            if _error_code(exc) not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                raise
        logger.info("created bucket %s", self.bucket)

    async def put_stream(self, key: str, chunks: AsyncIterator[bytes], *, content_type: str) -> None:
        validate_key(key)
        client = self.client
        buffer = bytearray()
        upload_id: str | None = None
        parts: list[dict[str, Any]] = []
        try:
            async for chunk in chunks:
                buffer += chunk
                while len(buffer) >= PART_SIZE:
                    if upload_id is None:
                        created = await client.create_multipart_upload(
                            Bucket=self.bucket, Key=key, ContentType=content_type
                        )
                        upload_id = created["UploadId"]
                    await self._upload_part(key, upload_id, parts, bytes(buffer[:PART_SIZE]))
                    del buffer[:PART_SIZE]
            if upload_id is None:
                # Smaller than one part: a single request, nothing to abort.
                await client.put_object(Bucket=self.bucket, Key=key, Body=bytes(buffer), ContentType=content_type)
                return
            if buffer:
                await self._upload_part(key, upload_id, parts, bytes(buffer))
            await client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
            )
        except BaseException as exc:
            if upload_id is not None:
                # Shielded so a second cancellation cannot leave the parts billed forever (sweep_incomplete is
                # the backstop if even this fails).
                await asyncio.shield(self._abort(key, upload_id))
            if _is_outage(exc):  # errors of the source (the client went away, a limit) pass through as they are
                raise StorageUnavailable(f"S3 failed while storing {key!r}: {exc}") from exc
            raise

    async def _upload_part(self, key: str, upload_id: str, parts: list[dict[str, Any]], body: bytes) -> None:
        number = len(parts) + 1
        response = await self.client.upload_part(
            Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=body
        )
        parts.append({"ETag": response["ETag"], "PartNumber": number})

    async def _abort(self, key: str, upload_id: str) -> None:
        try:
            await self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        except Exception:
            logger.exception("could not abort multipart upload %s of %s", upload_id, key)

    async def open_range(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        validate_key(key)
        validate_range(start, end)
        kwargs: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        # No Range header for a whole read: S3 answers 416 to "bytes=0-" on an empty object.
        if start or end is not None:
            kwargs["Range"] = f"bytes={start}-{'' if end is None else end}"
        try:
            response = await self.client.get_object(**kwargs)
        except ClientError as exc:
            code = _error_code(exc)
            if code in ("NoSuchKey", "404", "NotFound"):
                raise ObjectNotFound(key) from None
            if code in ("InvalidRange", "416"):
                raise InvalidRange(f"range {kwargs['Range']} is outside object {key!r}") from None
            _raise_if_outage(exc, key)
            raise
        except BotoCoreError as exc:
            _raise_if_outage(exc, key)
            raise
        body = response["Body"]
        try:
            async for chunk in body.iter_chunks(READ_CHUNK):
                yield chunk
        finally:
            # Drops the connection if the reader stopped early (unread bytes make it unusable for the pool).
            body.close()

    async def size(self, key: str) -> int:
        return int((await self._head(key))["ContentLength"])

    async def exists(self, key: str) -> bool:
        try:
            await self._head(key)
        except ObjectNotFound:
            return False
        return True

    async def _head(self, key: str) -> dict[str, Any]:
        validate_key(key)
        try:
            response: dict[str, Any] = await self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                raise ObjectNotFound(key) from None
            _raise_if_outage(exc, key)
            raise
        except BotoCoreError as exc:
            _raise_if_outage(exc, key)
            raise
        return response

    async def delete(self, key: str) -> None:
        validate_key(key)
        # S3 answers 204 for a missing key, so deleting twice is not an error.
        try:
            await self.client.delete_object(Bucket=self.bucket, Key=key)
        except (BotoCoreError, ClientError) as exc:
            _raise_if_outage(exc, key)
            raise

    async def sweep_incomplete(self, older_than: timedelta) -> int:
        cutoff = datetime.now(UTC) - older_than
        removed = 0
        paginator = self.client.get_paginator("list_multipart_uploads")
        async for page in paginator.paginate(Bucket=self.bucket):
            for upload in page.get("Uploads", []):
                if upload["Initiated"] < cutoff:
                    await self._abort(upload["Key"], upload["UploadId"])
                    removed += 1
        return removed


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _is_outage(exc: BaseException) -> bool:
    """The store could not be reached (connection refused, timeouts: BotoCoreError) or failed on its side (5xx)."""
    if isinstance(exc, BotoCoreError):
        return True
    if isinstance(exc, ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        return int(status) >= 500 or _error_code(exc) in _OUTAGE_CODES
    return False


def _raise_if_outage(exc: BaseException, key: str) -> None:
    if _is_outage(exc):
        raise StorageUnavailable(f"S3 is unavailable (object {key!r}): {exc}") from exc
