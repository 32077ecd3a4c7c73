"""Queries of the notifications domain."""

from __future__ import annotations

import strawberry

from portico.graphql.context import Info
from portico.graphql.notifications.types import NotificationSettingsType
from portico.notifications import preferences


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="The signed-in member's or contact's own notification settings (not API keys).")
    async def my_notification_settings(self, info: Info) -> NotificationSettingsType:
        return NotificationSettingsType.of(await preferences.my_settings(info.context.actor.require_signed_in()))
