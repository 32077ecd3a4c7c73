"""The share flow (seed 000): one hub per customer, a folder per rep per day, one email per recipient."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts import onetime
from portico.accounts.models import Member, Organization
from portico.actors import Actor
from portico.customers.models import Contact, Customer, CustomerModule
from portico.errors import DomainError, NotFound
from portico.hubs import signin
from portico.hubs.models import Document, Folder, Hub, Share, Upload
from portico.hubs.templates import InvitationText, render_invitation, require_complete, template_for
from portico.libraries.models import Publication
from portico.libraries.services import claim_uploads
from portico.mail import outbox
from portico.mail.templates import RenderedEmail
from portico.notifications import clock, unsubscribe
from portico.notifications import fanout as notification_fanout
from portico.notifications.kinds import NotificationKind
from portico.settings import Settings
from portico.validation import Checker, is_uuid

MAX_RECIPIENTS = 50
MAX_ITEMS = 100


@dataclass
class RecipientSpec:
    """An existing contact of the customer, or a new person who becomes one."""

    contact_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@dataclass
class ShareRequest:
    customer_id: int
    recipients: list[RecipientSpec]
    language: str
    message: str
    publication_ids: list[int]
    upload_ids: list[str]


async def ensure_hub(customer: Customer) -> Hub:
    """The customer's one hub: created on the first share, reused after (safe under concurrent first shares)."""
    hub = await Hub.filter(customer_id=customer.id).first()
    if hub is not None:
        return hub
    try:
        async with in_transaction():
            return await Hub.create(customer_id=customer.id, organization_id=customer.organization_id)
    except IntegrityError:
        return await Hub.get(customer_id=customer.id)


async def folder_for(hub: Hub, sender: Member, day: date) -> Folder:
    """The sender's folder for `day` in this hub: a second send that day adds to it."""
    folder = await Folder.filter(hub_id=hub.id, sender_id=sender.id, date=day).first()
    if folder is not None:
        return folder
    try:
        async with in_transaction():
            return await Folder.create(
                hub_id=hub.id,
                organization_id=hub.organization_id,
                sender=sender,
                date=day,
                name=f"{day.isoformat()} · {sender.full_name}",
            )
    except IntegrityError:
        return await Folder.get(hub_id=hub.id, sender_id=sender.id, date=day)


async def _check_request(
    actor: Actor, req: ShareRequest, *, complete: bool = True
) -> tuple[Customer, str, str, list[Publication]]:
    """The customer, language, message and publications of a share request, or every problem with it.

    A preview (`complete=False`) is of a half-filled dialog: recipients and documents may still be missing.
    """
    customer = await policy.customers_visible_to(actor).filter(id=req.customer_id).first()
    if customer is None:
        raise NotFound("Customer", "customerId")
    if not policy.customer_has_module(customer, CustomerModule.DOCUMENTS):
        # Its contacts would find nothing in their hub, so the email would promise what the hub does not show.
        raise DomainError(
            "MODULE_OFF",
            "Documents are switched off for this customer. Switch the Documents module on to share with them.",
            "customerId",
        )
    check = Checker()
    language = check.language(req.language)
    message = check.text(req.message, "message", "Message", max_length=5000, required=False)
    if complete:
        _check_recipients_and_items(check, req)
    check.raise_if_any()
    publications = await policy.publications_visible_to(actor).filter(id__in=set(req.publication_ids))
    if complete and len(publications) != len(set(req.publication_ids)):
        raise NotFound("Publication", "publicationIds")
    return customer, language, message, publications


def _check_recipients_and_items(check: Checker, req: ShareRequest) -> None:
    if not req.recipients:
        check.add("REQUIRED", "Add at least one recipient.", "recipients")
    if len(req.recipients) > MAX_RECIPIENTS:
        check.add("TOO_MANY", f"At most {MAX_RECIPIENTS} recipients.", "recipients")
    if not req.publication_ids and not req.upload_ids:
        check.add("REQUIRED", "Add at least one document.", "publicationIds")
    if len(req.publication_ids) + len(req.upload_ids) > MAX_ITEMS:
        check.add("TOO_MANY", f"At most {MAX_ITEMS} documents in one send.", "publicationIds")
    for i, r in enumerate(req.recipients):
        if r.contact_id is None:
            check.text(r.first_name, f"recipients.{i}.firstName", "First name", max_length=100, single_line=True)
            check.text(r.last_name, f"recipients.{i}.lastName", "Last name", max_length=100, single_line=True)
            check.email(r.email, f"recipients.{i}.email")


async def _template(organization: Organization, language: str) -> InvitationText:
    template = await template_for(organization.id, language)
    if template is None:
        raise DomainError("UNKNOWN_LANGUAGE", f"There is no invitation template for {language!r}.", "language")
    return template


def _email_for(
    organization: Organization, template: InvitationText, sender: Member, message: str, first_name: str,
    document_names: list[str], link: str,
) -> RenderedEmail:
    return render_invitation(
        organization, template, sender_name=sender.full_name, sender_email=sender.email, first_name=first_name,
        message=message, documents=document_names, link=link,
    )


async def preview_share(actor: Actor, settings: Settings, req: ShareRequest) -> RenderedEmail:
    """The exact email the first recipient will get (the link is a placeholder until the send)."""
    sender = policy.require_sharer(actor)
    assert actor.organization is not None
    customer, language, message, publications = await _check_request(actor, req, complete=False)
    first = req.recipients[0] if req.recipients else RecipientSpec()
    first_name = first.first_name or ""
    if first.contact_id is not None:
        contact = await policy.contacts_visible_to(actor).filter(id=first.contact_id, customer_id=customer.id).first()
        first_name = contact.first_name if contact else ""
    names = [p.title for p in publications]
    upload_ids = [u for u in req.upload_ids if is_uuid(u)]
    uploads = Upload.filter(id__in=upload_ids, organization_id=actor.organization_id)
    names += [str(n) for n in await uploads.values_list("name", flat=True)]
    template = await _template(actor.organization, language)
    return _email_for(
        actor.organization, template, sender, message, first_name, names, f"{settings.public_url}/hub/welcome?token=…"
    )


async def _recipient_contacts(customer: Customer, specs: list[RecipientSpec]) -> list[Contact]:
    """Existing contacts of this customer, and new ones created for name + email (reused when the email exists).

    Set-based (issue 8, point 4): one query for the contacts named by id, one for those named by email, and the
    new ones written in one statement, whatever the number of recipients."""
    ids = {spec.contact_id for spec in specs if spec.contact_id is not None}
    emails = {_email_of(spec) for spec in specs if spec.contact_id is None}
    by_id = {c.id: c for c in await Contact.filter(id__in=ids, customer_id=customer.id)} if ids else {}
    by_email = (
        {c.email: c for c in await Contact.filter(customer_id=customer.id, email__in=emails)} if emails else {}
    )
    new = {_email_of(s): s for s in specs if s.contact_id is None and _email_of(s) not in by_email}
    if new:
        first = next(iter(new)) if not by_id and not await Contact.filter(customer_id=customer.id).exists() else None
        await Contact.bulk_create([
            Contact(
                customer=customer, organization_id=customer.organization_id, first_name=(spec.first_name or "").strip(),
                last_name=(spec.last_name or "").strip(), email=email, hub_access=True, is_primary=email == first,
            )
            for email, spec in new.items()
        ])
        # Read back for their ids (bulk inserts do not return them on every database).
        by_email.update({c.email: c for c in await Contact.filter(customer_id=customer.id, email__in=list(new))})
    contacts: dict[int, Contact] = {}
    for i, spec in enumerate(specs):
        found = by_id.get(spec.contact_id) if spec.contact_id is not None else by_email.get(_email_of(spec))
        if found is None:
            raise NotFound("Contact", f"recipients.{i}.contactId")
        if not found.email:
            raise DomainError("CONTACT_WITHOUT_EMAIL", f"{found.full_name} has no email address.", f"recipients.{i}")
        if not found.hub_access:
            raise DomainError(
                "NO_HUB_ACCESS", f"{found.full_name} has no hub access; turn it on first.", f"recipients.{i}"
            )
        contacts[found.id] = found
    return list(contacts.values())


def _email_of(spec: RecipientSpec) -> str:
    return (spec.email or "").strip().lower()


def _refuse_if_switched_off(customer: Customer) -> None:
    """A member switched this customer's hub access off: a share must not quietly turn it back on."""
    if not customer.hub_access and customer.hub_access_switched_off_at is not None:
        raise DomainError(
            "NO_HUB_ACCESS",
            f"Hub access for {customer.name} is switched off. Switch it on in the customer's settings to share.",
            "customerId",
        )


async def hub_link(settings: Settings, contact: Contact) -> str:
    """The contact's personal link for an email: it works as long as they have hub access (`hubs/signin.py`).
    An email with a hub link invites the contact: their status becomes INVITED (`hubs/welcome.py`)."""
    link = await signin.issue_link(settings, contact)
    await Contact.filter(id=contact.id).update(invited_at=datetime.now(UTC))
    return link


async def share_documents(actor: Actor, settings: Settings, req: ShareRequest) -> Share:
    """Record the share, put its items in the sender's folder for today, and queue one email per recipient.

    All in one transaction: either the share, its documents, its new contacts and its emails all exist, or none.
    """
    sender = policy.require_sharer(actor)
    organization = actor.organization
    assert organization is not None
    customer, language, message, publications = await _check_request(actor, req)
    template = await _template(organization, language)
    require_complete(template)  # refused before anything is written, not halfway through
    _refuse_if_switched_off(customer)
    async with in_transaction():
        # Nested transactions are savepoints: a concurrent first share's IntegrityError stays contained.
        hub = await ensure_hub(customer)
        folder = await folder_for(hub, sender, clock.today_in(organization.timezone))
        if not customer.hub_access:
            customer.hub_access = True  # sharing to a customer who never had a hub is giving them one
            await customer.save(update_fields=["hub_access"])
        recipients = await _recipient_contacts(customer, req.recipients)
        share = await Share.create(
            organization_id=organization.id,
            hub=hub,
            customer=customer,
            folder=folder,
            sender=sender,
            language=language,
            message=message,
            all_contacts=False,
        )
        await share.recipients.add(*recipients)
        documents = [
            Document(
                organization_id=organization.id, hub=hub, folder=folder, share=share, publication=p, name=p.title,
                storage_key=p.storage_key, content_type=p.content_type, size_bytes=p.size_bytes, sha256=p.sha256,
            )
            for p in publications
        ]
        for upload in await claim_uploads(actor, req.upload_ids, lambda i: f"uploadIds.{i}"):
            documents.append(
                Document(
                    organization_id=organization.id, hub=hub, folder=folder, share=share, name=upload.name,
                    storage_key=upload.storage_key, content_type=upload.content_type, size_bytes=upload.size_bytes,
                    sha256=upload.sha256,
                )
            )
        # One INSERT for all the documents, one for all the links and one for all the emails (issue 8, point 4).
        await Document.bulk_create(documents)
        names = [d.name for d in documents]
        # The share email is the DOCUMENTS_SHARED_WITH_ME notification: sent now to those who want it now; the
        # others get it in their digest, or (NEVER) find the documents in their hub.
        told_now = await notification_fanout.for_share(share.id, organization.id, customer.id, recipients)
        emails = []
        for contact, link in zip(told_now, await signin.issue_links(settings, told_now), strict=True):
            rendered = _email_for(organization, template, sender, message, contact.first_name, names, link)
            assert contact.email is not None
            emails.append(outbox.queued(
                to=contact.email, subject=rendered.subject, html=rendered.html, text=rendered.text, kind="hub_share",
                organization_id=organization.id, reply_to=sender.email, secrets=[onetime.token_in(link)],
                headers=unsubscribe.headers(settings, contact, NotificationKind.DOCUMENTS_SHARED_WITH_ME),
            ))
        await outbox.enqueue_all(emails)
        if told_now:  # an email with a hub link invites: their status becomes INVITED (`hubs/welcome.py`)
            await Contact.filter(id__in=[c.id for c in told_now]).update(invited_at=datetime.now(UTC))
    return share
