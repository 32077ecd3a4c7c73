"""Recording activity and publishing it to the live feed, after the database commit."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from portico.activity.models import ActivityEvent, ActivityEventAudience, ActivityKind
from portico.actors import Actor
from portico.hubs.models import Document, Share
from portico.realtime.base import Broker

log = logging.getLogger(__name__)


def activity_channel(organization_id: int) -> str:
    return f"org:{organization_id}:activity"


async def record(
    actor: Actor,
    kind: ActivityKind,
    *,
    customer_id: int,
    hub_id: int | None,
    document: Document | None = None,
    share: Share | None = None,
    share_id: int | None = None,
    sender_id: int | None = None,
    detail: str = "",
    audience: Iterable[int] = (),
    invoice_id: int | None = None,
) -> ActivityEvent:
    """Append one event. Call `publish` with it once the surrounding transaction (if any) has committed.

    `audience`: members besides the share's sender who see it, as `policy` decided (write both in one transaction).
    """
    if document is not None and share_id is None:
        share_id = document.share_id
    if share is not None:
        share_id, sender_id = share.id, share.sender_id
    elif share_id is not None and sender_id is None:
        found = await Share.filter(id=share_id).first().values_list("sender_id", flat=True)
        sender_id = int(found) if found is not None else None  # type: ignore[call-overload]
    contact = actor.contact
    event = await ActivityEvent.create(
        organization_id=actor.organization_id,
        customer_id=customer_id,
        hub_id=hub_id,
        kind=kind,
        contact_id=contact.id if contact else None,
        document_id=document.id if document else None,
        share_id=share_id,
        sender_id=sender_id,
        invoice_id=invoice_id,
        actor_name=contact.full_name if contact else (actor.member.full_name if actor.member else ""),
        detail=detail[:300],
        ip=actor.ip[:64],
        user_agent=actor.user_agent[:300],
    )
    extra = sorted(set(audience) - {sender_id})
    if extra:
        await ActivityEventAudience.bulk_create([ActivityEventAudience(event=event, member_id=m) for m in extra])
    return event


async def publish(broker: Broker, event: ActivityEvent) -> None:
    """Tell every server process about a committed event (subscribers re-check visibility and load it fresh), and
    the people who asked to be notified of it.

    A broker failure must not undo what already happened: log it (clients refetch on reconnect).
    """
    try:
        await broker.publish(
            activity_channel(event.organization_id),
            {"event_id": event.id, "customer_id": event.customer_id, "hub_id": event.hub_id,
             "quote_id": event.quote_id},
        )
    except Exception:  # noqa: BLE001
        log.exception("could not publish activity event %s", event.id)
    await notify(event)


async def notify(event: ActivityEvent) -> None:
    """Turn a committed event into notifications (`notifications.fanout`). Like the live feed, a failure here is
    logged and does not undo the event: the person still sees it in the hub's activity."""
    from portico.notifications import fanout  # imported here: notifications build on activity, not the reverse

    try:
        await fanout.on_activity(event)
    except Exception:  # noqa: BLE001
        log.exception("could not queue notifications for activity event %s", event.id)
