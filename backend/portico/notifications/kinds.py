"""The kinds of notification and what each one means. Adding a kind: one `NotificationKind` value and one `KINDS`
entry (the quote and invoice issues add theirs here)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from portico.activity.models import ActivityKind
from portico.customers.models import CustomerModule


class NotificationKind(StrEnum):
    DOCUMENTS_SHARED_WITH_ME = "DOCUMENTS_SHARED_WITH_ME"
    CUSTOMER_UPLOADS = "CUSTOMER_UPLOADS"
    HUB_ACTIVITY_ON_MY_SHARES = "HUB_ACTIVITY_ON_MY_SHARES"
    QUOTES_FOR_ME = "QUOTES_FOR_ME"
    QUOTE_ACTIVITY = "QUOTE_ACTIVITY"


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
    the customer's account managers are candidates (policy still decides whether each may see the event).
    `module`: a contact is offered the kind only while their customer has this module on (no quote emails to
    choose for a customer without quotes). `without_contact`: events no contact caused notify too (a public-link
    visitor's acceptance, a quote's expiry by the clock); otherwise such events are staff's own doing, not news."""

    audience: Audience
    default: Delivery
    activity: frozenset[ActivityKind] = frozenset()
    account_managers: bool = False
    module: CustomerModule | None = None
    without_contact: bool = False


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
    # A quote published to the contact, or changed (a new version): fed by portico.quotes directly.
    NotificationKind.QUOTES_FOR_ME: KindSpec(Audience.CONTACTS, Delivery.IMMEDIATELY, module=CustomerModule.QUOTES),
    # The customer's answer to a quote (or its running out) is what the sender waits for: at once.
    NotificationKind.QUOTE_ACTIVITY: KindSpec(
        Audience.STAFF, Delivery.IMMEDIATELY,
        frozenset({ActivityKind.QUOTE_ACCEPTED, ActivityKind.QUOTE_DECLINED, ActivityKind.QUOTE_EXPIRED}),
        without_contact=True,
    ),
}

_BY_ACTIVITY: dict[ActivityKind, NotificationKind] = {a: kind for kind, spec in KINDS.items() for a in spec.activity}


def kind_for_activity(activity: ActivityKind) -> NotificationKind | None:
    return _BY_ACTIVITY.get(activity)


def kinds_for(audience: Audience, modules: Collection[str] | None = None) -> list[NotificationKind]:
    """The kinds offered to an audience; with `modules` (a contact's customer's), only those of modules on."""
    return [
        kind for kind, spec in KINDS.items()
        if spec.audience is audience and (modules is None or spec.module is None or spec.module.value in modules)
    ]
