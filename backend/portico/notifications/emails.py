"""Composing one notification email: one person, one kind, the notifications due now, grouped per customer.

One email per kind, so that its unsubscribe link (and header) can change exactly one setting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from portico import policy
from portico.accounts.models import Member, Organization
from portico.activity.models import ActivityEvent
from portico.actors import Actor
from portico.customers.models import Contact, Customer
from portico.hubs.models import Share
from portico.mail.templates import RenderedEmail, catalog, render
from portico.notifications import unsubscribe
from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.models import Notification
from portico.settings import Settings

Person = Member | Contact
_MAX_DOCUMENT_NAMES = 5


@dataclass(frozen=True)
class Composed:
    email: RenderedEmail
    to: str
    headers: dict[str, str]
    secrets: list[str]


async def compose(
    settings: Settings,
    actor: Actor,
    person: Person,
    organization: Organization,
    kind: NotificationKind,
    notifications: Sequence[Notification],
    zone: ZoneInfo,
) -> Composed:
    mode = Delivery.DAILY_DIGEST if any(n.delivery is Delivery.DAILY_DIGEST for n in notifications) else (
        Delivery.IMMEDIATELY
    )
    secrets: list[str] = []
    if isinstance(person, Member):
        groups = await _event_groups(notifications, zone)
        language = person.language
        link = f"{settings.public_url}/activity"
        settings_link = f"{settings.public_url}/settings/notifications"
    else:
        groups, language = await _share_groups(actor, notifications, zone)
        # Imported here: hubs.signin sits above mail and below nothing of ours, but it imports accounts services.
        from portico.accounts.onetime import token_in
        from portico.hubs.signin import issue_link

        link = await issue_link(settings, person)
        secrets.append(token_in(link))
        settings_link = f"{settings.public_url}/hub/notifications"
    email = render(
        "notification", language,
        organization=organization.name, first_name=person.first_name, link=link, kind=kind.value, mode=mode.value,
        count=len(notifications), customer=groups[0]["title"] if groups else "", groups=groups,
        unsubscribe_link=unsubscribe.link(settings, person, kind), settings_link=settings_link,
    )
    assert person.email is not None
    return Composed(email, person.email, unsubscribe.headers(settings, person, kind), secrets)


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


async def _event_groups(notifications: Sequence[Notification], zone: ZoneInfo) -> list[dict[str, object]]:
    ids = [n.event_id for n in notifications if n.event_id is not None]
    events = await ActivityEvent.filter(id__in=ids).select_related("customer", "document").order_by("occurred_at")
    known = catalog("en")["notification"]["event"]
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    for event in events:
        document = event.document.name if event.document is not None else event.detail
        groups[event.customer.name].append({
            "what": event.kind.value if event.kind.value in known else "OTHER", "count": None,
            "actor": event.actor_name, "document": document, "time": _when(event.occurred_at, zone),
        })
    return [{"title": title, "items": items} for title, items in groups.items()]


async def _share_groups(
    actor: Actor, notifications: Sequence[Notification], zone: ZoneInfo
) -> tuple[list[dict[str, object]], str]:
    ids = [n.share_id for n in notifications if n.share_id is not None]
    shares = await Share.filter(id__in=ids).select_related("sender").order_by("created_at")
    names: dict[int, list[str]] = defaultdict(list)
    for share_id, name in await policy.documents_visible_to(actor).filter(share_id__in=ids).order_by("id").values_list(
        "share_id", "name"
    ):
        names[int(share_id)].append(str(name))  # type: ignore[call-overload]
    customer = await Customer.get(id=notifications[0].customer_id)
    items = []
    for share in shares:
        documents = names.get(share.id, [])
        shown = ", ".join(documents[:_MAX_DOCUMENT_NAMES]) + ("…" if len(documents) > _MAX_DOCUMENT_NAMES else "")
        items.append({
            "what": "SHARED", "count": len(documents), "actor": share.sender.full_name if share.sender else "",
            "document": shown, "time": _when(share.created_at, zone),
        })
    language = shares[-1].language if shares else "en"
    return [{"title": customer.name, "items": items}], language
