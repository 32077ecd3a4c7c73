"""Uploading, replacing and removing the organization's logo, and what a hub shows of the organization."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Organization
from portico.actors import Actor
from portico.branding.models import OrganizationLogo
from portico.errors import DomainError
from portico.storage.base import Storage
from portico.storage.ingest import ingest

# Raster images only: an SVG can carry script, and a logo is shown to every customer of the organization.
LOGO_TYPES: frozenset[str] = frozenset({"image/png", "image/jpeg", "image/webp", "image/gif"})
MAX_LOGO_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Branding:
    """What a hub shows of the organization that runs it."""

    organization_id: int
    name: str
    logo_id: uuid.UUID | None

    @property
    def logo_url(self) -> str | None:
        return logo_url(self.logo_id) if self.logo_id else None


def logo_url(logo_id: uuid.UUID) -> str:
    return f"/branding/logos/{logo_id}"


async def branding_of(organization: Organization) -> Branding:
    logo = await OrganizationLogo.filter(organization_id=organization.id).first().values_list("id", flat=True)
    return Branding(organization.id, organization.name, logo)  # type: ignore[arg-type]


async def upload_logo(actor: Actor, storage: Storage, chunks: AsyncIterator[bytes]) -> OrganizationLogo:
    """Store a new logo for the actor's organization (administrators) and drop the previous one.

    Raises DomainError (NOT_ALLOWED) or UploadRefused (too large, not a PNG/JPEG/WebP/GIF image, empty); in every
    refusal nothing is kept. The old logo's object is deleted only after the new row is committed.
    """
    member = policy.require_branding_editor(actor)
    logo_id = uuid.uuid4()
    key = f"org/{member.organization_id}/branding/{logo_id}"
    # The logo is capped at MAX_LOGO_BYTES and replaces the previous one, so it is not counted toward the quota.
    blob = await ingest(
        storage, key, chunks, max_bytes=MAX_LOGO_BYTES, quota_remaining=MAX_LOGO_BYTES, allowed_types=LOGO_TYPES
    )
    try:
        async with in_transaction():
            # Two admins uploading at once take turns on the organization row (PostgreSQL; SQLite serializes writes).
            await Organization.filter(id=member.organization_id).select_for_update().first()
            previous = await OrganizationLogo.filter(organization_id=member.organization_id).select_for_update()
            for old in previous:
                await old.delete()
            logo = await OrganizationLogo.create(
                id=logo_id, organization_id=member.organization_id, storage_key=blob.key,
                content_type=blob.content_type, size_bytes=blob.size, sha256=blob.sha256, uploaded_by_id=member.id,
            )
    except IntegrityError:
        # Another admin's upload won the race for the organization's one logo row.
        await storage.delete(blob.key)
        raise DomainError("CONFLICT", "Another logo was uploaded at the same moment; try again.") from None
    except BaseException:
        await storage.delete(blob.key)  # never an object without its row
        raise
    for old in previous:
        await storage.delete(old.storage_key)
    return logo


async def remove_logo(actor: Actor, storage: Storage) -> None:
    """Remove the organization's logo (administrators); the hub shows the organization's initial instead."""
    member = policy.require_branding_editor(actor)
    async with in_transaction():
        logos = await OrganizationLogo.filter(organization_id=member.organization_id).select_for_update()
        for logo in logos:
            await logo.delete()
    for logo in logos:
        await storage.delete(logo.storage_key)
