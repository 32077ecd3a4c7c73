"""Mutations of the notifications domain."""

from __future__ import annotations

import strawberry

from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.notifications.types import DeliveryType, NotificationKindType, NotificationSettingsType
from portico.notifications import preferences


@strawberry.input
class NotificationChoiceInput:
    kind: NotificationKindType  # type: ignore[valid-type]
    delivery: DeliveryType  # type: ignore[valid-type]


@strawberry.input
class UpdateNotificationSettingsInput:
    choices: list[NotificationChoiceInput] = strawberry.field(default_factory=list)
    timezone: str | None = strawberry.field(
        default=strawberry.UNSET, description="An IANA time zone; null or empty: the organization's. Omit: unchanged."
    )
    digest_time: str | None = strawberry.field(default=None, description="HH:MM; omit: unchanged.")


@strawberry.type
class NotificationSettingsPayload:
    notification_settings: NotificationSettingsType | None = None
    errors: list[UserError]


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Change the signed-in member's or contact's own notification settings.")
    async def update_notification_settings(
        self, info: Info, input: UpdateNotificationSettingsInput
    ) -> NotificationSettingsPayload:
        async def work() -> dict[str, object]:
            view = await preferences.update_settings(
                info.context.actor.require_signed_in(),
                choices=[(str(c.kind), str(c.delivery)) for c in input.choices],
                timezone=preferences.KEEP if input.timezone is strawberry.UNSET else input.timezone,
                digest_time=input.digest_time,
            )
            return {"notification_settings": NotificationSettingsType.of(view)}

        return await mutate(NotificationSettingsPayload, work)
