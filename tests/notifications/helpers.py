"""Operations and small helpers shared by the notification tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import GraphQLClient

MY_SETTINGS = """{ myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone
  digestTime } }"""
UPDATE = """mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) {
  notificationSettings { choices { kind delivery } timezone effectiveTimezone digestTime }
  errors { code field message } } }"""
PRINT = """mutation($id: ID!) { recordDocumentPrint(input: {documentId: $id}) { ok errors { code } } }"""


async def choose(client: GraphQLClient, **choices: str) -> dict[str, Any]:
    """Set deliveries by kind (and `timezone`, `digestTime` when given); asserts no errors."""
    extra = {k: choices.pop(k) for k in ("timezone", "digestTime") if k in choices}
    data = await client(UPDATE, {"input": {"choices": [{"kind": k, "delivery": d} for k, d in choices.items()],
                                           **extra}})
    payload: dict[str, Any] = data["updateNotificationSettings"]
    assert payload["errors"] == [], payload
    return payload["notificationSettings"]  # type: ignore[no-any-return]


def deliveries(view: dict[str, Any]) -> dict[str, str]:
    return {c["kind"]: c["delivery"] for c in view["choices"]}


async def notification_emails(address: str | None = None) -> list[Any]:
    from portico.mail.models import OutboxEmail

    query = OutboxEmail.filter(kind__startswith="notification_")
    if address is not None:
        query = query.filter(to_address=address)
    return list(await query.order_by("id"))


async def print_document(contact: GraphQLClient, document_id: str) -> None:
    data = await contact(PRINT, {"id": document_id})
    assert data["recordDocumentPrint"] == {"ok": True, "errors": []}
