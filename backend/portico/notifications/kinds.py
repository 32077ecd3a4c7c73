"""The kinds of notification and what each one means. Adding a kind: one `NotificationKind` value and one `KINDS`
entry (the quote and invoice issues add theirs here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from portico.activity.models import ActivityKind


class NotificationKind(StrEnum):
    DOCUMENTS_SHARED_WITH_ME = "DOCUMENTS_SHARED_WITH_ME"
    CUSTOMER_UPLOADS = "CUSTOMER_UPLOADS"
    HUB_ACTIVITY_ON_MY_SHARES = "HUB_ACTIVITY_ON_MY_SHARES"


class Delivery(StrEnum):
    IMMEDIATELY = "IMMEDIATELY"
    DAILY_DIGEST = "DAILY_DIGEST"
    NEVER = "NEVER"


class Audience(StrEnum):
    STAFF = "STAFF"  # members of the organization
    CONTACTS = "CONTACTS"  # customer contacts


@dataclass(frozen=True)
class KindSpec:
    """`activity`: the activity events that notify of this kind (none: the kind is fed by its domain directly, as
    shares feed DOCUMENTS_SHARED_WITH_ME). `account_managers`: besides the share's sender and the event's audience,
    the customer's account managers are candidates (policy still decides whether each may see the event)."""

    audience: Audience
    default: Delivery
    activity: frozenset[ActivityKind] = frozenset()
    account_managers: bool = False


KINDS: dict[NotificationKind, KindSpec] = {
    # The share email itself: sent as before by default; a digest or NEVER holds it back (see fanout.for_share).
    NotificationKind.DOCUMENTS_SHARED_WITH_ME: KindSpec(Audience.CONTACTS, Delivery.IMMEDIATELY),
    # A customer putting a file in the vendor's hands is something to act on: at once.
    NotificationKind.CUSTOMER_UPLOADS: KindSpec(
        Audience.STAFF, Delivery.IMMEDIATELY,
        frozenset({ActivityKind.DOCUMENT_UPLOADED}),
        account_managers=True,
    ),
    # Views and downloads come in bursts: one summary a day unless the rep asks for more.
    NotificationKind.HUB_ACTIVITY_ON_MY_SHARES: KindSpec(
        Audience.STAFF, Delivery.DAILY_DIGEST,
        frozenset({ActivityKind.HUB_OPENED, ActivityKind.DOCUMENT_VIEWED, ActivityKind.DOCUMENT_DOWNLOADED,
                   ActivityKind.DOCUMENT_PRINTED, ActivityKind.SHARED_WITH_COLLEAGUE}),
    ),
}

_BY_ACTIVITY: dict[ActivityKind, NotificationKind] = {a: kind for kind, spec in KINDS.items() for a in spec.activity}


def kind_for_activity(activity: ActivityKind) -> NotificationKind | None:
    return _BY_ACTIVITY.get(activity)


def kinds_for(audience: Audience) -> list[NotificationKind]:
    return [kind for kind, spec in KINDS.items() if spec.audience is audience]
