"""Notification settings as the API shows them: one's own only (no Node: nobody looks up another person's)."""

from __future__ import annotations

import strawberry

from portico.notifications.kinds import Delivery, NotificationKind
from portico.notifications.preferences import SettingsView

NotificationKindType = strawberry.enum(NotificationKind, name="NotificationKind")
DeliveryType = strawberry.enum(Delivery, name="NotificationDelivery")


@strawberry.type(name="NotificationChoice")
class NotificationChoiceType:
    kind: NotificationKindType  # type: ignore[valid-type]
    delivery: DeliveryType  # type: ignore[valid-type]
    default_delivery: DeliveryType  # type: ignore[valid-type]


@strawberry.type(name="NotificationSettings")
class NotificationSettingsType:
    choices: list[NotificationChoiceType] = strawberry.field(
        description="One per kind of notification this person can receive (staff and contacts have different kinds)."
    )
    timezone: str | None = strawberry.field(description="The person's own time zone; null: the organization's.")
    effective_timezone: str = strawberry.field(description="The time zone digests are timed in.")
    digest_time: str = strawberry.field(description="Local time of the daily digest, HH:MM.")

    @classmethod
    def of(cls, view: SettingsView) -> NotificationSettingsType:
        return cls(
            choices=[NotificationChoiceType(kind=c.kind, delivery=c.delivery, default_delivery=c.default)
                     for c in view.choices],
            timezone=view.timezone, effective_timezone=view.effective_timezone, digest_time=view.digest_time,
        )
