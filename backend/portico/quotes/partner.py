"""A partner's system publishing quotes (issue 10 point 6, seed 002: "sent automatically when generated, updated
on changes"): one idempotent call keyed on the partner's external reference.

- A reference not seen before: a new quote with that PDF, sent at once (unless `publish` is false).
- The same reference with a different PDF (by SHA-256): a new version, and the recipients are told it changed.
- The same reference with the same PDF: no new version; the upload is dropped (its bytes released) and the other
  fields given are applied as an update (the same call twice changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.hubs.models import Upload
from portico.hubs.sweeps import forget_upload
from portico.quotes import services
from portico.quotes.models import Quote
from portico.quotes.validation import EXTERNAL_REF_MAX, UNSET
from portico.quotes.versions import current_version
from portico.settings import Settings
from portico.storage.base import Storage
from portico.validation import Checker, is_uuid


@dataclass
class Upserted:
    outcome: services.Outcome
    created: bool
    version_added: bool


async def upsert_quote(
    actor: Actor, settings: Settings, storage: Storage, *, external_ref: str, customer_id: int, upload_id: str,
    publish: bool = True, **raw: Any,
) -> Upserted:
    member = policy.require_quote_sender(actor)
    check = Checker()
    ref = check.text(external_ref, "externalRef", "External reference", max_length=EXTERNAL_REF_MAX,
                     single_line=True)
    check.raise_if_any()
    existing = await Quote.filter(organization_id=actor.organization_id, external_ref=ref).first()
    if existing is None:
        fields = {k: v for k, v in raw.items() if v is not UNSET}
        outcome = await services.create_quote(
            actor, settings, customer_id=customer_id, upload_id=upload_id, external_ref=ref, publish=publish,
            **fields,
        )
        return Upserted(outcome, created=True, version_added=True)
    # Another member's quote with this reference is not theirs to change: not found, like any quote they cannot see.
    if not await policy.quotes_open_for_change(actor).filter(id=existing.id).exists():
        raise NotFound("Quote", "externalRef")
    if existing.customer_id != customer_id:
        raise DomainError("CUSTOMER_MISMATCH", "This external reference belongs to a quote of another customer.",
                          "customerId")
    upload = await _own_upload(actor, member.id, upload_id)
    current = await current_version(existing.id)
    version_added = current is None or current.sha256 != upload.sha256
    if version_added:
        outcome = await services.add_quote_version(actor, settings, quote_id=existing.id, upload_id=upload_id)
    else:
        async with in_transaction() as connection:
            await forget_upload(upload, connection)
        await storage.delete(upload.storage_key)
        outcome = services.Outcome(existing, changed=False)
    changes = {k: v for k, v in raw.items() if v is not UNSET and k != "number" and _differs(existing, k, v)}
    if changes:
        updated = await services.update_quote(actor, quote_id=existing.id, **changes)
        outcome.quote = updated.quote
    return Upserted(outcome, created=False, version_added=version_added)


def _differs(quote: Quote, name: str, value: Any) -> bool:
    """Whether a field given to the upsert differs from the quote's (so the same call twice changes nothing)."""
    current = getattr(quote, name, None)
    if name == "amount":
        try:
            return value is not None and current is not None and Decimal(str(value)) != current or (
                (value is None) != (current is None))
        except InvalidOperation:
            return True
    if name == "currency" and isinstance(value, str):
        return value.strip().upper() != (current or "")
    if isinstance(value, str) and isinstance(current, str):
        return value.strip() != current
    return bool(value != current)


async def _own_upload(actor: Actor, member_id: int, upload_id: str) -> Upload:
    upload = await Upload.filter(
        id=upload_id, organization_id=actor.organization_id, member_id=member_id, used_at=None
    ).first() if is_uuid(upload_id) else None
    if upload is None:
        raise NotFound("Upload", "uploadId")
    return upload
