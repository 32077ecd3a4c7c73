"""The folder tree of a hub (seed 003): staff create, rename, move and delete folders and set what the customer's
contacts may do in each; the primary contact may be allowed to set those permissions for their colleagues.

Date folders (where shares land, one per sender per day) are part of the same tree, always at its top, and stay
as the share flow made them: they cannot be renamed, moved, deleted or given permissions, and nothing is uploaded
into them. Staff folders nest under the hub's top level or under other staff folders, never under a date folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from portico import policy
from portico.actors import Actor
from portico.customers.models import Contact
from portico.errors import DomainError, NotAllowed, NotFound
from portico.hubs import quota, trash
from portico.hubs.models import ClientAccess, Document, DocumentVersion, Folder, Hub
from portico.hubs.services import ensure_hub
from portico.validation import Checker

MAX_DEPTH = 8
MAX_CHOSEN_CONTACTS = 500


@dataclass
class Permissions:
    client_access: ClientAccess
    all_contacts: bool
    contact_ids: list[int]


def _name(value: str) -> str:
    check = Checker()
    name = check.text(value, "name", "Name", max_length=200, single_line=True)
    check.raise_if_any()
    return name


async def visible_folder(actor: Actor, folder_id: int, field: str = "folderId") -> Folder:
    folder = await policy.folders_visible_to(actor).filter(id=folder_id).first()
    if folder is None:
        raise NotFound("Folder", field)
    return folder


def _refuse_date_folder(folder: Folder, field: str = "folderId") -> None:
    if folder.is_date_folder:
        raise DomainError(
            "DATE_FOLDER", "Folders of shared documents (one per sender and day) cannot be changed.", field
        )


async def _staff_parent(actor: Actor, hub_id: int, parent_id: int | None) -> Folder | None:
    if parent_id is None:
        return None
    parent = await visible_folder(actor, parent_id, "parentId")
    if parent.hub_id != hub_id:
        raise NotFound("Folder", "parentId")  # another hub's folder is not a place in this tree
    if parent.is_date_folder:
        raise DomainError("DATE_FOLDER", "Folders cannot be put inside a folder of shared documents.", "parentId")
    return parent


async def _hub_parents(hub_id: int) -> dict[int, int | None]:
    """Every folder of the hub and its parent, in one query (trees are small: hundreds of folders at most)."""
    rows = await Folder.filter(hub_id=hub_id).values_list("id", "parent_id")
    return {int(i): (int(p) if p is not None else None) for i, p in rows}  # type: ignore[misc]


def _depth(parents: dict[int, int | None], folder_id: int | None) -> int:
    depth = 0
    while folder_id is not None:
        depth += 1
        folder_id = parents.get(folder_id)
    return depth


def _subtree(parents: dict[int, int | None], root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


async def _refuse_sibling_name(hub_id: int, parent_id: int | None, name: str, except_id: int | None = None) -> None:
    siblings = Folder.filter(hub_id=hub_id, parent_id=parent_id, date__isnull=True)
    if except_id is not None:
        siblings = siblings.exclude(id=except_id)
    names = {str(n).casefold() for n in await siblings.values_list("name", flat=True)}
    if name.casefold() in names:
        raise DomainError("NAME_TAKEN", f"There is already a folder named {name!r} here.", "name")


async def _customer_contacts(customer_id: int, contact_ids: list[int], field: str = "contactIds") -> list[Contact]:
    if len(contact_ids) > MAX_CHOSEN_CONTACTS:
        raise DomainError("TOO_MANY", f"At most {MAX_CHOSEN_CONTACTS} contacts.", field)
    wanted = set(contact_ids)
    found = await Contact.filter(customer_id=customer_id, id__in=wanted)
    if len(found) != len(wanted):
        raise NotFound("Contact", field)
    return found


async def create_folder(
    actor: Actor, *, customer_id: int, parent_id: int | None, name: str, permissions: Permissions
) -> Folder:
    """A staff folder in the customer's hub (the hub is created if the customer has none yet)."""
    member = policy.require_folder_editor(actor)
    customer = await policy.customers_visible_to(actor).filter(id=customer_id).first()
    if customer is None:
        raise NotFound("Customer", "customerId")
    label = _name(name)
    async with in_transaction():
        hub = await ensure_hub(customer)
        parent = await _staff_parent(actor, hub.id, parent_id)
        if _depth(await _hub_parents(hub.id), parent.id if parent else None) >= MAX_DEPTH:
            raise DomainError("TOO_DEEP", f"Folders nest at most {MAX_DEPTH} levels deep.", "parentId")
        await _refuse_sibling_name(hub.id, parent.id if parent else None, label)
        contacts = await _customer_contacts(customer.id, permissions.contact_ids)
        folder = await Folder.create(
            organization_id=hub.organization_id, hub=hub, parent=parent, name=label, created_by=member,
            client_access=permissions.client_access, all_contacts=permissions.all_contacts,
        )
        if contacts:
            await folder.contacts.add(*contacts)
    return folder


async def _editable(actor: Actor, folder_id: int) -> Folder:
    policy.require_folder_editor(actor)
    folder = await visible_folder(actor, folder_id)
    _refuse_date_folder(folder)
    return folder


async def rename_folder(actor: Actor, *, folder_id: int, name: str) -> Folder:
    folder = await _editable(actor, folder_id)
    label = _name(name)
    await _refuse_sibling_name(folder.hub_id, folder.parent_id, label, except_id=folder.id)
    folder.name = label
    await folder.save(update_fields=["name"])
    return folder


async def move_folder(actor: Actor, *, folder_id: int, parent_id: int | None) -> Folder:
    """Under another staff folder of the same hub, or to the top; never into itself or one of its descendants."""
    folder = await _editable(actor, folder_id)
    async with in_transaction():
        parent = await _staff_parent(actor, folder.hub_id, parent_id)
        parents = await _hub_parents(folder.hub_id)
        moved = _subtree(parents, folder.id)
        if parent is not None and parent.id in moved:
            raise DomainError("CYCLE", "A folder cannot be moved into itself or one of its subfolders.", "parentId")
        # Depth of the new parent plus the height of the moved subtree.
        height = max(_depth({k: parents[k] for k in moved if k != folder.id} | {folder.id: None}, f) for f in moved)
        if _depth(parents, parent.id if parent else None) + height > MAX_DEPTH:
            raise DomainError("TOO_DEEP", f"Folders nest at most {MAX_DEPTH} levels deep.", "parentId")
        await _refuse_sibling_name(folder.hub_id, parent.id if parent else None, folder.name, except_id=folder.id)
        folder.parent_id = parent.id if parent else None
        await folder.save(update_fields=["parent_id"])
    return folder


async def delete_folder(actor: Actor, *, folder_id: int) -> list[str]:
    """Delete the folder, its subfolders and every document (and earlier version) in them, in one transaction.

    Returns the storage keys scheduled for removal: the caller passes them to `trash.purge` after the commit.
    A document shared from a library points at the publication's object, which stays.
    """
    folder = await _editable(actor, folder_id)
    async with in_transaction() as connection:
        doomed = _subtree(await _hub_parents(folder.hub_id), folder.id)
        documents = Document.filter(folder_id__in=doomed)
        owned = await documents.filter(publication_id=None).values_list("storage_key", "size_bytes")
        document_ids = await documents.values_list("id", flat=True)
        versions = await DocumentVersion.filter(document_id__in=document_ids).values_list("storage_key", "size_bytes")
        scheduled = await trash.schedule(str(key) for key, _ in [*owned, *versions])
        await Folder.filter(id__in=doomed).delete()  # documents, versions and permissions cascade
        # The bytes are free from this commit on (the objects follow right after it).
        await quota.release(folder.organization_id, sum(int(n) for _, n in [*owned, *versions]), connection)
    return scheduled


async def set_permissions(actor: Actor, *, folder_id: int, permissions: Permissions) -> Folder:
    """What the customer's contacts may do in a staff folder, and which of them.

    A primary contact allowed to manage permissions changes them for their colleagues only
    (`_keep_own_standing`).
    """
    folder = await policy.folders_visible_to(actor).filter(id=folder_id).first()
    if folder is None:
        raise NotFound("Folder", "folderId")
    _refuse_date_folder(folder)
    if not await policy.can_manage_folder_permissions(actor, folder):
        raise NotAllowed("You cannot change who has access to this folder.")
    hub = await Hub.get(id=folder.hub_id)
    chosen = set(permissions.contact_ids)
    if actor.contact is not None:
        chosen = await _keep_own_standing(actor.contact.id, folder, permissions, chosen)
    async with in_transaction():
        contacts = await _customer_contacts(hub.customer_id, sorted(chosen))
        folder.client_access = permissions.client_access
        folder.all_contacts = permissions.all_contacts
        await folder.save(update_fields=["client_access", "all_contacts"])
        await folder.contacts.clear()
        if contacts:
            await folder.contacts.add(*contacts)
    return folder


_RANK = {ClientAccess.NONE: 0, ClientAccess.VIEW: 1, ClientAccess.VIEW_AND_UPLOAD: 2}


async def _keep_own_standing(me: int, folder: Folder, permissions: Permissions, chosen: set[int]) -> set[int]:
    """A managing contact sets permissions for co-contacts: whether they themselves are chosen stays as staff set
    it, and their own access never grows (they may lower it, like anyone's)."""
    was_chosen = await folder.contacts.filter(id=me).exists()
    included_before = (folder.all_contacts or was_chosen) and folder.client_access is not ClientAccess.NONE
    chosen = (chosen | {me}) if included_before else (chosen - {me})
    before = folder.client_access if included_before else ClientAccess.NONE
    after = permissions.client_access if (permissions.all_contacts or me in chosen) else ClientAccess.NONE
    if _RANK[after] > _RANK[before]:
        raise NotAllowed("You cannot widen your own access to this folder; ask your contact person.", "permissions")
    return chosen


async def set_primary_contact_manages_permissions(actor: Actor, *, customer_id: int, allowed: bool) -> None:
    """The customer setting of seed 003; staff who may edit the customer change it."""
    policy.require_customer_editor(actor)
    customer = await policy.customers_visible_to(actor).filter(id=customer_id).first()
    if customer is None:
        raise NotFound("Customer", "customerId")
    customer.primary_contact_manages_permissions = allowed
    await customer.save(update_fields=["primary_contact_manages_permissions"])
