"""The customer side: contacts set a password or sign in with it, open the hub and print (seed 000).
The emailed link is in `signin.py`, sharing with a colleague in `colleagues.py`."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import throttle
from portico.accounts.passwords import hash_password, verify_password
from portico.accounts.providers import CONTACT_PASSWORD, Audience, Identity, SignInRequest
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.hubs.models import Document, DocumentVersion, Hub
from portico.validation import Checker, check_lookup_email


async def set_contact_password(actor: Actor, *, password: str) -> None:
    contact = actor.require_contact()
    check = Checker()
    check.password(password)
    check.raise_if_any()
    contact.password_hash = await hash_password(password)
    await contact.save(update_fields=["password_hash"])
    if contact.email:
        await throttle.clear_account("contact", contact.email)  # a new password lifts a lock on the old one


class ContactPasswordProvider:
    """A returning contact signs in with email and password (`portico.accounts.providers`). One email may be a
    contact at several customers: the password picks the one."""

    name = CONTACT_PASSWORD
    audience = Audience.CONTACT
    redirect = False

    async def authenticate(self, request: SignInRequest) -> Identity:
        address = check_lookup_email(request.get("email"))
        password = request.get("password")
        attempt = await throttle.reserve("contact", address, request.ip)  # counted before any password is checked
        candidates = await policy.contacts_with_hub_access().filter(
            email=address, password_hash__not_isnull=True
        ).limit(5) if address else []
        for contact in candidates:
            if await verify_password(contact.password_hash, password):
                await attempt.succeeded()
                return Identity(contact=contact)
        if not candidates:
            await verify_password(None, password)  # same time either way
        raise DomainError("INVALID_CREDENTIALS", "Email or password is wrong.", None)


async def my_hub(actor: Actor) -> Hub | None:
    contact = actor.require_contact()
    return await policy.hubs_visible_to(actor).filter(customer_id=contact.customer_id).first()


async def open_hub(actor: Actor) -> ActivityEvent | None:
    """Record HUB_OPENED: attributed to the newest share the contact sees a document of, and told to the sender of
    every such share in the hub (`policy.hub_opening_audience`)."""
    hub = await my_hub(actor)
    if hub is None:
        return None
    latest = await policy.shares_with_documents_visible_to(actor).filter(hub_id=hub.id).order_by("-id").first()
    audience = await policy.hub_opening_audience(actor, hub)
    async with in_transaction():
        return await activity.record(
            actor, ActivityKind.HUB_OPENED, customer_id=hub.customer_id, hub_id=hub.id, share=latest,
            audience=audience,
        )


async def visible_document(actor: Actor, document_id: int, field: str = "documentId") -> Document:
    document = await policy.documents_visible_to(actor).filter(id=document_id).first()
    if document is None:
        raise NotFound("Document", field)
    return document


async def visible_document_version(actor: Actor, version_id: int, field: str = "versionId") -> DocumentVersion:
    """An earlier version the caller may see (policy.document_versions_visible_to: staff who see the document)."""
    version = await policy.document_versions_visible_to(actor).filter(id=version_id).first()
    if version is None:
        raise NotFound("Document version", field)
    return version


async def record_print(actor: Actor, *, document_id: int) -> ActivityEvent:
    actor.require_contact()
    document = await visible_document(actor, document_id)
    hub = await Hub.get(id=document.hub_id)
    return await activity.record(
        actor, ActivityKind.DOCUMENT_PRINTED, customer_id=hub.customer_id, hub_id=hub.id, document=document
    )
