"""Reminders and validity end to end through the API: a quote sent through GraphQL, reminded by the sweep (the
test's clock), opened through the reminder's own link, then expired and removed from the portal; staff see the
reminders on the quote, contacts do not. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from starlette.applications import Starlette

from portico.quotes.expiry import sweep_quote_validity
from portico.quotes.reminders import send_due_reminders
from tests.conftest import GraphQLClient, Org
from tests.graphql.quotes.helpers import MY_QUOTES, PUBLISH, create_quote, quote_customer
from tests.hubs.helpers import outbox_for, sign_in_contact

REMINDERS = """query($id: ID!) { quote(id: $id) { status expiredAt removedAt
  reminders { kind outcome recipients versionNumber sentAt } } }"""
MY_REMINDERS = "{ myQuotes { id reminders { kind } } }"


async def test_reminded_opened_through_the_reminder_then_expired_and_removed(
    app: Starlette, two_orgs: tuple[Org, Org], client_factory: Callable[..., GraphQLClient]
) -> None:
    acme, globex = two_orgs
    rep = acme.member.client
    settings = app.state.settings
    customer, _ = await quote_customer(rep, "Fjord Logistics", [("Mette", "mette@fjord.example")])
    last_day = date.today() + timedelta(days=10)
    made = await create_quote(rep, customer, notifyOnPublish=False, remindUnopenedDays=2, remindUnacceptedDays=3,
                              expiresOn=last_day.isoformat(), removeAfterDays=5)
    quote_id = made["quote"]["id"]
    assert (await rep(PUBLISH, {"id": quote_id}))["publishQuote"]["errors"] == []
    sent_at = datetime.fromisoformat((await rep(REMINDERS.replace("status", "status sentAt"), {"id": quote_id}))[
        "quote"]["sentAt"])

    assert await send_due_reminders(settings, now=sent_at + timedelta(days=2)) == 1
    [reminder] = await outbox_for("mette@fjord.example", "quote_reminder")
    assert reminder.subject == "Reminder: quote Q-1001 from Acme Sales is waiting for you"
    mette = client_factory()
    await sign_in_contact(mette, "mette@fjord.example", kind="quote_reminder")  # the reminder's link signs in
    [seen] = (await mette(MY_QUOTES))["myQuotes"]
    assert seen["id"] == quote_id
    assert (await mette.http.get(seen["currentVersion"]["viewUrl"])).status_code == 200  # opened

    opened = (await rep(REMINDERS, {"id": quote_id}))["quote"]
    assert opened["status"] == "OPENED"
    assert [(r["kind"], r["outcome"], r["recipients"], r["versionNumber"]) for r in opened["reminders"]] == [
        ("UNOPENED", "SENT", 1, 1)]
    # Contacts never see the vendor's follow-up; another organization does not see the quote at all.
    assert (await mette(MY_REMINDERS))["myQuotes"] == [{"id": quote_id, "reminders": []}]
    assert (await globex.admin.client(REMINDERS, {"id": quote_id}))["quote"] is None

    assert await send_due_reminders(settings, now=sent_at + timedelta(days=6)) == 1  # opened 3+ days ago
    assert [r.subject for r in await outbox_for("mette@fjord.example", "quote_reminder")][1] == (
        "Quote Q-1001 from Acme Sales: still interested?")

    after_last_day = sent_at + timedelta(days=12)
    swept = await sweep_quote_validity(now=after_last_day)
    assert (swept.expired, swept.removed) == (1, 0)
    expired = (await rep(REMINDERS, {"id": quote_id}))["quote"]
    assert expired["status"] == "EXPIRED" and expired["expiredAt"] is not None
    assert await send_due_reminders(settings, now=after_last_day + timedelta(days=30)) == 0  # never after expiry
    assert len((await mette(MY_QUOTES))["myQuotes"]) == 1  # expired, still in the portal

    swept = await sweep_quote_validity(now=after_last_day + timedelta(days=5))
    assert swept.removed == 1
    assert (await mette(MY_QUOTES))["myQuotes"] == []  # removed from the portal...
    assert (await rep(REMINDERS, {"id": quote_id}))["quote"]["removedAt"] is not None  # ...staff still see it
