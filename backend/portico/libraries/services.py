"""Libraries and publications: ADMIN and MANAGER curate them, every member browses and shares from them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError, NotFound
from portico.hubs.models import Upload
from portico.libraries.models import Library, Publication
from portico.validation import Checker, has_control_characters, is_uuid, search_term

MAX_TAGS = 20


async def create_library(actor: Actor, *, name: str, description: str) -> Library:
    policy.require_library_editor(actor)
    check = Checker()
    label = check.text(name, "name", "Name", max_length=200, single_line=True)
    about = check.text(description, "description", "Description", max_length=2000, required=False)
    check.raise_if_any()
    return await Library.create(organization_id=actor.organization_id, name=label, description=about)


async def add_publication(actor: Actor, *, library_id: int, upload_id: str, title: str, tags: list[str]) -> Publication:
    """Turn an upload into a publication of a library (the stored object is handed over, not copied)."""
    member = policy.require_library_editor(actor)
    library = await policy.libraries_visible_to(actor).filter(id=library_id).first()
    if library is None:
        raise NotFound("Library", "libraryId")
    check = Checker()
    label = check.text(title, "title", "Title", max_length=300, single_line=True)
    clean_tags = sorted({t.strip().lower() for t in tags if t.strip()})
    if len(clean_tags) > MAX_TAGS or any(len(t) > 40 or has_control_characters(t) for t in clean_tags):
        check.add("INVALID_TAGS", f"At most {MAX_TAGS} tags of at most 40 characters.", "tags")
    check.raise_if_any()
    async with in_transaction():
        upload = await _claim_upload(actor, upload_id, "uploadId")
        return await Publication.create(
            organization_id=library.organization_id,
            library=library,
            title=label,
            title_key=label.lower(),
            tags=clean_tags,
            search_text=search_text(label, clean_tags),
            storage_key=upload.storage_key,
            content_type=upload.content_type,
            size_bytes=upload.size_bytes,
            sha256=upload.sha256,
            created_by=member,
        )


async def visible_publication(actor: Actor, publication_id: int, field: str = "publicationId") -> Publication:
    """One publication the caller may see (policy.publications_visible_to: staff of its organization only)."""
    publication = await policy.publications_visible_to(actor).filter(id=publication_id).first()
    if publication is None:
        raise NotFound("Publication", field)
    return publication


async def _claim_upload(actor: Actor, upload_id: str, field: str) -> Upload:
    """Mark an upload of this caller used (inside the caller's transaction) so it is used once only."""
    [upload] = await claim_uploads(actor, [upload_id], lambda _: field)
    return upload


async def claim_uploads(actor: Actor, upload_ids: Sequence[str], field: Callable[[int], str]) -> list[Upload]:
    """`_claim_upload` for many uploads, in two statements whatever their number (a share with many files):
    locked, then marked used. NotFound names `field(i)` of the first one that is not this caller's unused upload."""
    keys = [str(uuid.UUID(u)) if is_uuid(u) else u for u in upload_ids]  # one spelling per upload
    wanted = [k for k in dict.fromkeys(keys) if is_uuid(k)]
    found = {
        str(u.id): u
        for u in await Upload.filter(
            id__in=wanted, organization_id=actor.organization_id,
            # Only the caller's own: a member's, or (uploads into folders) a contact's.
            member_id=actor.member.id if actor.member else None,
            contact_id=actor.contact.id if actor.contact else None, used_at=None,
        ).select_for_update()
    } if wanted else {}
    for i, key in enumerate(keys):
        if key not in found:
            raise NotFound("Upload", field(i))
    now = datetime.now(UTC)
    await Upload.filter(id__in=list(found)).update(used_at=now)
    uploads = [found[k] for k in dict.fromkeys(keys)]
    for upload in uploads:
        upload.used_at = now
    return uploads


claim_upload = _claim_upload


def search_text(title: str, tags: list[str]) -> str:
    return " ".join([title.lower(), *(f"#{t}" for t in tags)])[:1500]


def search_publications(
    actor: Actor, *, search: str | None, library_ids: list[int] | None, tag: str | None
) -> QuerySet[Publication]:
    """Publications across the given libraries (or all), whose title or tags contain `search`."""
    qs = policy.publications_visible_to(actor)
    if library_ids:
        qs = qs.filter(library_id__in=library_ids)
    term = search_term(search)
    if term:
        qs = qs.filter(search_text__contains=term)
    if tag and len(tag.strip()) > 40:
        raise DomainError("INVALID_TAG", "Tags are at most 40 characters.", "tag")
    wanted_tag = search_term(tag, "tag")
    if wanted_tag:
        qs = qs.filter(search_text__contains=f"#{wanted_tag}")
    return qs
