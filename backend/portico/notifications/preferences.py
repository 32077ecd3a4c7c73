"""Reading and changing a person's notification settings: their own (GraphQL), or one kind through an unsubscribe
link. Changing a setting re-plans what is already waiting, so NEVER means nothing more arrives."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from portico import policy
from portico.accounts.models import Member, Organization
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.notifications import clock
from portico.notifications.kinds import KINDS, Audience, Delivery, NotificationKind, kinds_for
from portico.notifications.models import Notification, NotificationSettings, NotificationStatus
from portico.validation import Checker

Person = Member | Contact


def audience_of(person: Person) -> Audience:
    return Audience.STAFF if isinstance(person, Member) else Audience.CONTACTS


async def kinds_of(person: Person) -> list[NotificationKind]:
    """The kinds this person is offered: staff every staff kind; a contact those of their customer's modules."""
    if isinstance(person, Member):
        return kinds_for(Audience.STAFF)
    modules = await Customer.filter(id=person.customer_id).first().values_list("modules", flat=True)
    return kinds_for(Audience.CONTACTS, modules=list(modules or []))  # type: ignore[call-overload]


def person_filter(person: Person) -> dict[str, int]:
    """Filter arguments selecting rows (settings, notifications) of this person."""
    return {"member_id": person.id} if isinstance(person, Member) else {"contact_id": person.id}


def delivery_of(row: NotificationSettings | None, kind: NotificationKind) -> Delivery:
    chosen = (row.choices or {}).get(kind.value) if row is not None else None
    return Delivery(chosen) if chosen is not None and chosen in Delivery.__members__ else KINDS[kind].default


async def settings_of(person: Person, *, lock: bool = False) -> NotificationSettings:
    """The person's row, created on first need (two requests creating it at once: the second finds the first's)."""
    await NotificationSettings.bulk_create(
        [NotificationSettings(organization_id=person.organization_id, **person_filter(person))], ignore_conflicts=True
    )
    query = NotificationSettings.filter(**person_filter(person))
    return await (query.select_for_update() if lock else query).get()


async def settings_for(
    *, member_ids: Iterable[int] = (), contact_ids: Iterable[int] = (), lock: bool = False
) -> tuple[dict[int, NotificationSettings], dict[int, NotificationSettings]]:
    """Existing rows of many people in two queries: ({member_id: row}, {contact_id: row}). `lock`: FOR UPDATE, in
    id order (so two callers locking overlapping people never deadlock), inside the caller's transaction."""
    members, contacts = sorted(set(member_ids)), sorted(set(contact_ids))

    def rows(**where: object) -> Any:
        query = NotificationSettings.filter(**where).order_by("id")
        return query.select_for_update() if lock else query

    by_member = {r.member_id: r for r in await rows(member_id__in=members)} if members else {}
    by_contact = {r.contact_id: r for r in await rows(contact_id__in=contacts)} if contacts else {}
    return by_member, by_contact  # type: ignore[return-value]


async def zone_of(row: NotificationSettings) -> str:
    if row.timezone:
        return row.timezone
    organization = await Organization.get(id=row.organization_id)
    return organization.timezone


@dataclass(frozen=True)
class KindChoice:
    kind: NotificationKind
    delivery: Delivery
    default: Delivery


@dataclass(frozen=True)
class SettingsView:
    choices: list[KindChoice]
    timezone: str | None  # the person's own; None: the organization's
    effective_timezone: str
    digest_time: str  # HH:MM


async def view(person: Person, row: NotificationSettings) -> SettingsView:
    minute = row.digest_minute
    return SettingsView(
        choices=[KindChoice(k, delivery_of(row, k), KINDS[k].default) for k in await kinds_of(person)],
        timezone=row.timezone,
        effective_timezone=await zone_of(row),
        digest_time=f"{minute // 60:02d}:{minute % 60:02d}",
    )


async def my_settings(actor: Actor) -> SettingsView:
    person = policy.require_notification_person(actor)
    return await view(person, await settings_of(person))


KEEP = object()  # "leave the time zone as it is"


async def update_settings(
    actor: Actor,
    *,
    choices: Sequence[tuple[str, str]] = (),
    timezone: str | None | object = KEEP,
    digest_time: str | None = None,
) -> SettingsView:
    """Change the signed-in person's settings: some kinds' deliveries, their time zone ("" or None: the
    organization's), their digest time (HH:MM)."""
    person = policy.require_notification_person(actor)
    allowed = {k.value for k in await kinds_of(person)}
    check = Checker()
    parsed: dict[str, Delivery] = {}
    for i, (kind, delivery) in enumerate(choices):
        if kind not in allowed:
            check.add("UNKNOWN_KIND", "This kind of notification is not one you receive.", f"choices.{i}.kind")
        elif delivery not in Delivery.__members__:
            check.add("INVALID", "Choose immediately, daily digest or never.", f"choices.{i}.delivery")
        else:
            parsed[kind] = Delivery(delivery)
    zone_name: str | None | object = KEEP
    if timezone is not KEEP:
        zone_name = (str(timezone).strip() or None) if timezone is not None else None
        if zone_name is not None:
            check.timezone(str(zone_name))
    minute = _minute(check, digest_time) if digest_time is not None else None
    check.raise_if_any()
    async with in_transaction():
        row = await settings_of(person, lock=True)
        row.choices = {**(row.choices or {}), **{k: d.value for k, d in parsed.items()}}
        if zone_name is not KEEP:
            row.timezone = zone_name  # type: ignore[assignment]
        if minute is not None:
            row.digest_minute = minute
        await row.save()
        await replan(row, person)
    return await view(person, row)


async def unsubscribe(person: Person, kind: NotificationKind) -> None:
    """One-click unsubscribe: this person, this kind, NEVER; nothing else changes."""
    async with in_transaction():
        row = await settings_of(person, lock=True)
        row.choices = {**(row.choices or {}), kind.value: Delivery.NEVER.value}
        await row.save(update_fields=["choices", "updated_at"])
        await replan(row, person)


async def replan(row: NotificationSettings, person: Person, now: datetime | None = None) -> None:
    """Bring waiting notifications in line with the settings: NEVER drops them, IMMEDIATELY makes them due now, a
    digest moves them to the next digest time; then `next_due_at` is the earliest of what still waits."""
    now = now or clock.now()
    pending = Notification.filter(**person_filter(person), status=NotificationStatus.PENDING)
    digest_at = clock.next_digest_at(now, clock.zone(await zone_of(row)), row.digest_minute)
    for kind in KINDS:
        delivery = delivery_of(row, kind)
        of_kind = pending.filter(kind=kind)
        if delivery is Delivery.NEVER:
            await of_kind.update(status=NotificationStatus.DROPPED)
        elif delivery is Delivery.IMMEDIATELY:
            await of_kind.filter(due_at__gt=now).update(delivery=delivery, due_at=now)
        else:
            await of_kind.update(delivery=delivery, due_at=digest_at)
    row.next_due_at = await pending.order_by("due_at").first().values_list("due_at", flat=True)  # type: ignore[assignment]
    await NotificationSettings.filter(id=row.id).update(next_due_at=row.next_due_at)


def _minute(check: Checker, text: str) -> int | None:
    hours, _, minutes = text.strip().partition(":")
    if hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24 and int(minutes) < 60:
        return int(hours) * 60 + int(minutes)
    check.add("INVALID_TIME", "Give the time as HH:MM, e.g. 08:00.", "digestTime")
    return None


