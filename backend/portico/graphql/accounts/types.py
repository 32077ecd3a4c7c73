"""GraphQL types of the accounts domain: Organization, Member, Viewer, Invitation, ApiKey."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portico import policy
from portico.accounts import models
from portico.actors import Actor, Scope
from portico.graphql.accounts.storage import Storage
from portico.graphql.context import Info
from portico.graphql.node import Node, register_node
from portico.graphql.relay import Edge, PageInfo, encode_id
from portico.hubs.quota import storage_account

Role = strawberry.enum(models.Role, name="Role")
MemberDocumentVisibility = strawberry.enum(models.MemberDocumentVisibility, name="MemberDocumentVisibility")
ApiKeyScope = strawberry.enum(
    Scope,
    name="ApiKeyScope",
    description=(
        "What an API key may do. Reads: CUSTOMERS_READ (customers, contacts), DOCUMENTS_READ (libraries, "
        "publications, hubs, folders, documents, shares), ACTIVITY_READ (activity, its live feed and figures), "
        "INVOICES_READ (invoices, payments, portfolios); "
        "ORG_READ makes a key that acts as nobody an org-wide reader (its reach: the whole organization). A key "
        "acting as a member reaches what that member sees. Writes: CUSTOMERS_WRITE, SHARES_WRITE, INVOICES_WRITE; "
        "a write scope reads nothing, so a write to existing objects also needs the read scope that finds them "
        "(except a partner's invoice upsert, which finds its own invoice by number with INVOICES_WRITE)."
    ),
)


_INTERNAL = "Staff only: null for customer contacts (a vendor internal)."


def _internal(info: Info) -> bool:
    """Whether the caller may see this vendor internal (`policy.sees_vendor_internals`)."""
    return policy.sees_vendor_internals(info.context.actor)


async def _storage(info: Info, organization: models.Organization) -> Storage | None:
    if not _internal(info):
        return None
    return Storage.from_model(await storage_account(organization.id))


@strawberry.type(name="Organization")
class OrganizationType(Node):
    name: str
    model: strawberry.Private[models.Organization]

    @classmethod
    def from_model(cls, org: models.Organization) -> OrganizationType:
        return cls(id=encode_id("Organization", org.id), name=org.name, model=org)

    @strawberry.field(description=f"The organization's time zone (an IANA name). {_INTERNAL}")
    def timezone(self, info: Info) -> str | None:
        return self.model.timezone if _internal(info) else None

    @strawberry.field(description=f"The storage quota in bytes: the plan plus extra storage. {_INTERNAL}")
    async def storage_quota_bytes(self, info: Info) -> float | None:
        storage = await _storage(info, self.model)
        return storage.quota_bytes if storage else None

    @strawberry.field(description=f"What a MEMBER sees of the hubs they may open. {_INTERNAL}")
    def member_document_visibility(self, info: Info) -> MemberDocumentVisibility | None:  # type: ignore[valid-type]
        return self.model.member_document_visibility if _internal(info) else None

    @strawberry.field(description=f"Contacts may be saved without an email address (seed 003). {_INTERNAL}")
    def allow_contacts_without_email(self, info: Info) -> bool | None:
        return self.model.allow_contacts_without_email if _internal(info) else None

    @strawberry.field(description="Quotes are archived this many days after they were accepted, declined or expired "
                      f"(null: never automatically). {_INTERNAL}")
    def archive_quotes_after_days(self, info: Info) -> int | None:
        return self.model.archive_quotes_after_days if _internal(info) else None

    @strawberry.field(description=f"A quote accepted is archived at once. {_INTERNAL}")
    def archive_quotes_on_acceptance(self, info: Info) -> bool | None:
        return self.model.archive_quotes_on_acceptance if _internal(info) else None

    @strawberry.field(description=f"Bytes stored (documents, publications, uploads awaiting use). {_INTERNAL}")
    async def storage_used_bytes(self, info: Info) -> float | None:
        storage = await _storage(info, self.model)
        return storage.used_bytes if storage else None

    @strawberry.field(description=f"Plan, extra storage, quota and usage. {_INTERNAL}")
    async def storage(self, info: Info) -> Storage | None:
        return await _storage(info, self.model)

    @strawberry.field(description="Languages that have an invitation template (the share dialog offers these).")
    async def languages(self, info: Info) -> list[str]:
        from portico.hubs.templates import template_languages

        return await template_languages(self.model.id)


@strawberry.type(name="Member")
class MemberType(Node):
    email: str
    first_name: str
    last_name: str
    full_name: str
    is_active: bool
    language: str
    created_at: datetime
    model: strawberry.Private[models.Member]

    @classmethod
    def from_model(cls, m: models.Member) -> MemberType:
        return cls(
            id=encode_id("Member", m.id),
            email=m.email,
            first_name=m.first_name,
            last_name=m.last_name,
            full_name=m.full_name,
            is_active=m.is_active,
            language=m.language,
            created_at=m.created_at,
            model=m,
        )

    @strawberry.field(description=f"ADMIN, MANAGER or MEMBER. {_INTERNAL}")
    def role(self, info: Info) -> Role | None:  # type: ignore[valid-type]
        return self.model.role if _internal(info) else None

    @strawberry.field(description=f"Whether customers can be assigned to this member. {_INTERNAL}")
    def is_account_manager(self, info: Info) -> bool | None:
        return self.model.is_account_manager if _internal(info) else None

    @strawberry.field(description=f"The member's default share message. {_INTERNAL}")
    def standard_message(self, info: Info) -> str | None:
        return self.model.standard_message if _internal(info) else None


@strawberry.type
class MemberConnection:
    edges: list[Edge[MemberType]]
    page_info: PageInfo


@strawberry.type(name="Invitation")
class InvitationType(Node):
    email: str
    role: Role  # type: ignore[valid-type]
    is_account_manager: bool
    expires_at: datetime
    accepted_at: datetime | None

    @classmethod
    def from_model(cls, i: models.Invitation) -> InvitationType:
        return cls(
            id=encode_id("Invitation", i.id),
            email=i.email,
            role=i.role,
            is_account_manager=i.is_account_manager,
            expires_at=i.expires_at,
            accepted_at=i.accepted_at,
        )


@strawberry.type(name="ApiKey")
class ApiKeyType(Node):
    name: str
    prefix: str
    scopes: list[ApiKeyScope]  # type: ignore[valid-type]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    acts_as_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, k: models.ApiKey) -> ApiKeyType:
        return cls(
            id=encode_id("ApiKey", k.id),
            name=k.name,
            prefix=k.prefix,
            scopes=[Scope(s) for s in k.scopes if s in Scope.__members__],
            created_at=k.created_at,
            last_used_at=k.last_used_at,
            revoked_at=k.revoked_at,
            acts_as_id=k.acts_as_id,
        )

    @strawberry.field(description="The member this key acts as; null for an org-wide reader.")
    async def acts_as(self, info: Info) -> MemberType | None:
        if self.acts_as_id is None:
            return None
        member = await info.context.loaders.member_by_id.load(self.acts_as_id)
        return MemberType.from_model(member) if member else None


async def _member_node(actor: Actor, pk: int) -> MemberType | None:
    m = await policy.members_visible_to(actor).filter(id=pk).first()
    return MemberType.from_model(m) if m else None


async def _api_key_node(actor: Actor, pk: int) -> ApiKeyType | None:
    k = await policy.api_keys_visible_to(actor).filter(id=pk).first()
    return ApiKeyType.from_model(k) if k else None


async def _organization_node(actor: Actor, pk: int) -> OrganizationType | None:
    org = await policy.organizations_visible_to(actor).filter(id=pk).first()
    return OrganizationType.from_model(org) if org else None


async def _invitation_node(actor: Actor, pk: int) -> InvitationType | None:
    invitation = await policy.invitations_visible_to(actor).filter(id=pk).first()
    return InvitationType.from_model(invitation) if invitation else None


register_node("Organization", _organization_node)
register_node("Member", _member_node)
register_node("Invitation", _invitation_node)
register_node("ApiKey", _api_key_node)
