"""Who is calling, found in one query: a session with its member or contact and their organization, or an API key
with its organization and member; and many callers re-checked at once (the live feed does it for every event)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from portico.accounts.apikeys import generate_key
from portico.accounts.models import ApiKey, Member, Organization, Role, Session
from portico.accounts.sessions import end_session, start_session
from portico.accounts.tokens import token_hash
from portico.actors import Actor, ActorKind, Scope, member_actor, refresh_actor, refresh_actors, resolve_actor
from portico.customers.models import Contact, Customer, CustomerKind
from tests.sqlcount import count_sql


@dataclass
class People:
    organization: Organization
    admin: Member
    rep: Member
    contact: Contact
    customer: Customer


async def _people() -> People:
    org = await Organization.create(name="Acme", storage_quota_bytes=10**9)
    admin = await Member.create(organization=org, email="a@acme.example", first_name="Ada", last_name="A",
                                password_hash="x", role=Role.ADMIN)
    rep = await Member.create(organization=org, email="r@acme.example", first_name="Rita", last_name="R",
                              password_hash="x", role=Role.MEMBER, is_account_manager=True)
    customer = await Customer.create(organization=org, kind=CustomerKind.COMPANY, name="Fjord", name_key="fjord",
                                     hub_access=True)
    contact = await Contact.create(customer=customer, organization=org, first_name="Mette", last_name="Larsen",
                                   email="mette@fjord.example")
    return People(org, admin, rep, contact, customer)


async def _api_key(people: People, scopes: list[str], acts_as: Member | None) -> str:
    prefix, secret = generate_key()
    await ApiKey.create(organization=people.organization, name="erp", prefix=prefix, key_hash=token_hash(secret),
                        scopes=scopes, acts_as=acts_as, last_used_at=datetime.now(UTC))
    return secret


async def _resolve(**kwargs: str | None) -> tuple[Actor, int]:
    with count_sql() as counter:
        actor = await resolve_actor(session_token=kwargs.get("session"), authorization=kwargs.get("authorization"))
    return actor, len(counter.statements)


async def test_every_kind_of_caller_is_resolved_in_one_query(db: str) -> None:
    people = await _people()
    rep_session = await start_session(member_id=people.rep.id)
    contact_session = await start_session(contact_id=people.contact.id)
    member_key = await _api_key(people, ["SHARES_WRITE"], people.rep)
    reader_key = await _api_key(people, ["ORG_READ", "ACTIVITY_READ"], None)

    rep, statements = await _resolve(session=rep_session)
    assert statements == 1
    assert rep.kind is ActorKind.MEMBER and rep.member is not None and rep.member.id == people.rep.id
    assert rep.role is Role.MEMBER and rep.organization_id == people.organization.id
    assert rep.organization is not None and rep.organization.name == "Acme" and rep.session_token == rep_session

    contact, statements = await _resolve(session=contact_session)
    assert statements == 1
    assert contact.kind is ActorKind.CONTACT and contact.contact is not None
    assert contact.contact.id == people.contact.id and contact.organization_id == people.organization.id
    assert contact.member is None

    as_rep, statements = await _resolve(authorization=f"Bearer {member_key}")
    assert statements == 1
    assert as_rep.kind is ActorKind.API_KEY and as_rep.member is not None and as_rep.member.id == people.rep.id
    assert as_rep.scopes == {Scope.SHARES_WRITE} and as_rep.organization_id == people.organization.id

    reader, statements = await _resolve(authorization=f"Bearer {reader_key}")
    assert statements == 1
    assert reader.kind is ActorKind.API_KEY and reader.member is None
    assert reader.scopes == {Scope.ORG_READ, Scope.ACTIVITY_READ}

    nobody, statements = await _resolve(session="no-such-token")
    assert nobody.kind is ActorKind.ANONYMOUS and statements == 1


async def test_callers_who_may_no_longer_act_are_anonymous(db: str) -> None:
    people = await _people()
    rep_session = await start_session(member_id=people.rep.id)
    contact_session = await start_session(contact_id=people.contact.id)
    key = await _api_key(people, ["ORG_READ"], people.rep)
    assert (await _resolve(session=rep_session))[0].kind is ActorKind.MEMBER
    assert (await _resolve(session=contact_session))[0].kind is ActorKind.CONTACT

    await Member.filter(id=people.rep.id).update(is_active=False)
    assert (await _resolve(session=rep_session))[0].kind is ActorKind.ANONYMOUS
    assert (await _resolve(authorization=f"Bearer {key}"))[0].kind is ActorKind.ANONYMOUS  # acts as a deactivated one

    await Customer.filter(id=people.customer.id).update(hub_access=False)
    assert (await _resolve(session=contact_session))[0].kind is ActorKind.ANONYMOUS
    await Customer.filter(id=people.customer.id).update(hub_access=True)
    await Contact.filter(id=people.contact.id).update(hub_access=False)
    assert (await _resolve(session=contact_session))[0].kind is ActorKind.ANONYMOUS


async def _resolve_sql(session: str) -> tuple[Actor, list[str]]:
    with count_sql() as counter:
        actor = await resolve_actor(session_token=session, authorization=None)
    return actor, counter.statements


async def test_a_sessions_caller_is_read_again_only_when_its_rows_changed(db: str) -> None:
    """On PostgreSQL the next request of a session asks only for its rows' versions and keeps the caller while
    they are unchanged (portico.accounts.session_callers); any change, whoever wrote it, shows on the next request.
    SQLite reads the whole caller every time."""
    people = await _people()
    rep_session = await start_session(member_id=people.rep.id)
    first, statements = await _resolve_sql(rep_session)
    assert len(statements) == 1 and "password_hash" in statements[0]  # the whole caller
    again, statements = await _resolve_sql(rep_session)
    assert len(statements) == 1
    postgres = not db.startswith("sqlite")
    assert ("password_hash" not in statements[0]) is postgres  # PostgreSQL: the versions alone
    assert again.member is not None and first.member is not None and again.member is not first.member
    assert again.member.id == people.rep.id and again.role is Role.MEMBER and again.session_token == rep_session

    # Changes made behind the caller's back, by plain statements: each shows on the next request.
    await Member.filter(id=people.rep.id).update(role=Role.MANAGER, first_name="Rita-Maria")
    changed, statements = await _resolve_sql(rep_session)
    assert changed.role is Role.MANAGER and changed.member is not None and changed.member.first_name == "Rita-Maria"
    assert len(statements) == (2 if postgres else 1)  # the versions differed: the whole caller again
    await Organization.filter(id=people.organization.id).update(timezone="America/Los_Angeles")
    assert (await _resolve_sql(rep_session))[0].organization.timezone == "America/Los_Angeles"  # type: ignore[union-attr]

    # A request changing its caller in memory without saving it passes nothing on to the next one.
    kept, _ = await _resolve_sql(rep_session)
    assert kept.member is not None and kept.organization is not None
    kept.member.role = Role.ADMIN
    kept.organization.name = "Not saved"
    fresh, statements = await _resolve_sql(rep_session)
    assert fresh.role is Role.MANAGER and fresh.organization is not None and fresh.organization.name == "Acme"
    assert len(statements) == 1

    # A contact's customer: its modules (a JSON list) and its hub access.
    contact_session = await start_session(contact_id=people.contact.id)
    await Customer.filter(id=people.customer.id).update(modules=["DOCUMENTS"])
    contact, _ = await _resolve_sql(contact_session)
    assert contact.contact is not None and contact.contact.customer.modules == ["DOCUMENTS"]
    contact.contact.customer.modules.append("QUOTES")  # in memory only
    contact, _ = await _resolve_sql(contact_session)
    assert contact.contact is not None and contact.contact.customer.modules == ["DOCUMENTS"]
    await Customer.filter(id=people.customer.id).update(modules=["DOCUMENTS", "INVOICES"])
    contact, _ = await _resolve_sql(contact_session)
    assert contact.contact is not None and contact.contact.customer.modules == ["DOCUMENTS", "INVOICES"]

    # An expired session ends (and is deleted); one due its touch is touched.
    await Session.filter(token_hash=token_hash(contact_session)).update(
        last_seen_at=datetime.now(UTC) - timedelta(hours=2))
    assert (await _resolve_sql(contact_session))[0].kind is ActorKind.CONTACT
    touched = await Session.get(token_hash=token_hash(contact_session))
    assert datetime.now(UTC) - touched.last_seen_at < timedelta(minutes=1)
    assert (await _resolve_sql(contact_session))[0].kind is ActorKind.CONTACT
    await Session.filter(token_hash=token_hash(contact_session)).update(expires_at=datetime.now(UTC) - timedelta(1))
    assert (await _resolve_sql(contact_session))[0].kind is ActorKind.ANONYMOUS
    assert not await Session.filter(token_hash=token_hash(contact_session)).exists()

    # Inside a transaction the whole caller is read, and nothing is kept from it.
    from tortoise.transactions import in_transaction

    async with in_transaction():
        for _ in range(2):
            inside, statements = await _resolve_sql(rep_session)
            assert inside.role is Role.MANAGER and len(statements) == 1 and "password_hash" in statements[0]

    # Signed out: no session, no caller (and nothing kept answers for it).
    await end_session(rep_session)
    assert (await _resolve_sql(rep_session))[0].kind is ActorKind.ANONYMOUS


async def test_many_callers_are_refreshed_in_one_query_per_kind(db: str) -> None:
    people = await _people()
    tokens = [await start_session(member_id=people.rep.id) for _ in range(3)]
    tokens += [await start_session(member_id=people.admin.id), await start_session(contact_id=people.contact.id)]
    callers = [(await _resolve(session=t))[0] for t in tokens]
    assert [c.kind for c in callers] == [ActorKind.MEMBER] * 4 + [ActorKind.CONTACT]

    with count_sql() as one:
        assert (await refresh_actors(callers[:1]))[0] is not None
    with count_sql() as five:
        fresh = await refresh_actors(callers)
    assert len(one.statements) == len(five.statements) == 1
    assert [f.member.id if f and f.member else None for f in fresh] == [people.rep.id] * 3 + [people.admin.id, None]
    assert fresh[4] is not None and fresh[4].contact is not None and fresh[4].contact.id == people.contact.id

    # A role change shows at once; a session ended (signed out) or expired is gone; a deactivated member too.
    await Member.filter(id=people.admin.id).update(role=Role.MANAGER)
    await end_session(tokens[0])
    await Session.filter(token_hash=token_hash(tokens[1])).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    fresh = await refresh_actors(callers)
    assert fresh[0] is None and fresh[1] is None and fresh[2] is not None
    assert fresh[3] is not None and fresh[3].role is Role.MANAGER
    await Contact.filter(id=people.contact.id).update(hub_access=False)
    await Member.filter(id=people.rep.id).update(is_active=False)

    assert [f is None for f in await refresh_actors(callers)] == [True, True, True, False, True]


async def test_api_keys_and_callers_without_a_session_are_refreshed_too(db: str) -> None:
    people = await _people()
    key = await _api_key(people, ["ACTIVITY_READ"], people.rep)
    partner = (await _resolve(authorization=f"Bearer {key}"))[0]
    server_made = await member_actor(people.admin.id)
    assert server_made is not None and server_made.session_token is None
    with count_sql() as counter:
        fresh = await refresh_actors([partner, server_made])
    assert len(counter.statements) == 2  # one for the keys, one for the members
    assert fresh[0] is not None and fresh[0].api_key is not None and fresh[0].scopes == {Scope.ACTIVITY_READ}
    assert fresh[1] is not None and fresh[1].role is Role.ADMIN

    await ApiKey.filter(prefix=key.split("_")[1]).update(revoked_at=datetime.now(UTC))
    assert await refresh_actor(partner) is None
    await Member.filter(id=people.admin.id).update(is_active=False)
    assert await refresh_actor(server_made) is None
