"""Storage used by an organization: what counts toward its plan's quota (seed 003)."""

from __future__ import annotations

from tortoise.functions import Sum

from portico.hubs.models import Document, Upload
from portico.libraries.models import Publication


async def storage_used_bytes(organization_id: int) -> int:
    """Publications, documents uploaded into hubs (not copies of publications), and uploads awaiting use."""
    total = 0
    for qs in (
        Publication.filter(organization_id=organization_id),
        Document.filter(organization_id=organization_id, publication_id=None),
        Upload.filter(organization_id=organization_id, used_at=None),
    ):
        row = await qs.annotate(total=Sum("size_bytes")).first().values("total")
        total += int((row or {}).get("total") or 0)
    return total
