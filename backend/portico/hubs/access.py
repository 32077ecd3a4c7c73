"""The customer side: contacts sign in from the emailed link or with a password, open the hub, print, and
share with a colleague (seed 000)."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import throttle
from portico.accounts.models import OneTimeToken, TokenPurpose
from portico.accounts.onetime import redeem
from portico.accounts.passwords import hash_password, verify_password
from portico.accounts.services import SignedIn
from portico.accounts.sessions import start_session
from portico.activity import services as activity
from portico.activity.models import ActivityEvent, ActivityKind
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.errors import DomainError, NotFound
from portico.hubs.models import Document, Hub, Share
from portico.hubs.services import hub_link
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.settings import Settings
from portico.validation import Checker, check_lookup_email


async def redeem_hub_link(*, token: str, ip: str = "", user_agent: str = "") -> tuple[SignedIn, bool]:
    """Sign a contact in from their emailed link (once). Returns the session and whether a password is needed."""
    async with in_transaction():
        row: OneTimeToken = await redeem(token, TokenPurpose.HUB_LINK)
        contact = await Contact.filter(id=row.contact_id, hub_access=True, customer__hub_access=True).first()
        if contact is None:
            raise DomainError("INVALID_TOKEN", "This link is invalid, expired or already used.", "token")
    session = await start_session(contact_id=contact.id, ip=ip, user_agent=user_agent)
    return SignedIn(session, contact=contact), contact.password_hash is None


async def set_contact_password(actor: Actor, *, password: str) -> None:
    contact = actor.require_contact()
    check = Checker()
    check.password(password)
    check.raise_if_any()
    contact.password_hash = await hash_password(password)
    await contact.save(update_fields=["password_hash"])
    if contact.email:
        await throttle.clear_account("contact", contact.email)  # a new password lifts a lock on the old one


async def hub_log_in(*, email: str, password: str, ip: str = "", user_agent: str = "") -> SignedIn:
    """A returning contact. One email may be a contact at several customers: the password picks the one."""
    address = check_lookup_email(email)
    attempt = await throttle.reserve("contact", address, ip)  # counted before any password is checked
    candidates = await Contact.filter(
        email=address, hub_access=True, customer__hub_access=True, password_hash__not_isnull=True
    ).limit(5) if address else []
    for contact in candidates:
        if await verify_password(contact.password_hash, password):
            await attempt.succeeded()
            session = await start_session(contact_id=contact.id, ip=ip, user_agent=user_agent)
            return SignedIn(session, contact=contact)
    if not candidates:
        await verify_password(None, password)  # same time either way
    raise DomainError("INVALID_CREDENTIALS", "Email or password is wrong.", None)


async def my_hub(actor: Actor) -> Hub | None:
    contact = actor.require_contact()
    return await policy.hubs_visible_to(actor).filter(customer_id=contact.customer_id).first()


async def open_hub(actor: Actor) -> ActivityEvent | None:
    """Record HUB_OPENED: attributed to the newest share the contact can see, and told to the sender of every
    share in the hub the contact can see (`policy.hub_opening_audience`)."""
    hub = await my_hub(actor)
    if hub is None:
        return None
    latest = await policy.shares_visible_to(actor).filter(hub_id=hub.id).order_by("-id").first()
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


async def record_print(actor: Actor, *, document_id: int) -> ActivityEvent:
    actor.require_contact()
    document = await visible_document(actor, document_id)
    hub = await Hub.get(id=document.hub_id)
    return await activity.record(
        actor, ActivityKind.DOCUMENT_PRINTED, customer_id=hub.customer_id, hub_id=hub.id, document=document
    )


async def share_with_colleague(
    actor: Actor, settings: Settings, *, document_id: int, first_name: str, last_name: str, email: str
) -> tuple[Contact, ActivityEvent]:
    """The colleague becomes a contact of the same company, gets the document's share, and an email.

    The event is attributed to the original share, so its sender sees it in their feed.
    """
    inviter = actor.require_contact()
    document = await visible_document(actor, document_id)
    check = Checker()
    first = check.text(first_name, "firstName", "First name", max_length=100, single_line=True)
    last = check.text(last_name, "lastName", "Last name", max_length=100, single_line=True)
    address = check.email(email)
    check.raise_if_any()
    customer = await Customer.get(id=inviter.customer_id)
    if customer.kind.value == "PERSON":
        raise DomainError("PERSON_HAS_ONE_CONTACT", "A private person's hub cannot be shared with colleagues.", None)
    share = await Share.get(id=document.share_id) if document.share_id else None
    try:
        async with in_transaction():
            colleague = await Contact.filter(customer_id=customer.id, email=address).first()
            if colleague is None:
                colleague = await Contact.create(
                    customer=customer,
                    organization_id=customer.organization_id,
                    first_name=first,
                    last_name=last,
                    email=address,
                    hub_access=True,
                    invited_by=inviter,
                )
            elif not colleague.hub_access:
                raise DomainError("NO_HUB_ACCESS", "This colleague's hub access is switched off.", "email")
            if share is not None:
                await share.recipients.add(colleague)
            event = await activity.record(
                actor, ActivityKind.SHARED_WITH_COLLEAGUE, customer_id=customer.id, hub_id=document.hub_id,
                document=document, share=share, detail=address or "",
            )
            link = await hub_link(settings, colleague)
            rendered = render(
                "colleague_invitation",
                share.language if share else "en",
                organization=(actor.organization.name if actor.organization else ""),
                sharer_name=inviter.full_name,
                first_name=colleague.first_name,
                document_name=document.name,
                link=link,
            )
            assert address is not None
            await enqueue_rendered(
                rendered, to=address, kind="colleague_invitation", organization_id=customer.organization_id
            )
    except IntegrityError:
        raise DomainError("EMAIL_TAKEN", "This colleague is already a contact.", "email") from None
    return colleague, event
