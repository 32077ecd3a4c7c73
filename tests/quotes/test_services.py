"""Quote services on SQLite and PostgreSQL: drafts, publishing, versions, status from events, refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from portico import policy
from portico.activity.models import ActivityEvent, ActivityEventAudience, ActivityKind
from portico.customers.models import Customer
from portico.errors import DomainError, NotFound
from portico.hubs.models import Upload
from portico.hubs.quota import recount_storage_bytes
from portico.mail.models import OutboxEmail
from portico.notifications.kinds import NotificationKind
from portico.notifications.models import NotificationSettings
from portico.quotes import services
from portico.quotes.events import record_event
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion, QuoteVisibility
from portico.settings import Settings, load_settings
from tests.quotes.world import QuoteWorld, build_quote_world, contact_actor, member_actor, pdf_upload

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"DATABASE_URL": "sqlite://:memory:", "DATA_DIR": str(tmp_path)})


async def _create(w: QuoteWorld, settings: Settings, number: str = "Q-1001", **overrides: Any) -> services.Outcome:
    if "upload_id" not in overrides:
        overrides["upload_id"] = await pdf_upload(w.rep)
    fields: dict[str, Any] = dict(
        customer_id=w.customer.id, number=number, title="Warehouse racking",
        amount="1250.50", currency="eur", message="Here is our offer.", visibility="ALL_CONTACTS",
        expires_on=date.today() + timedelta(days=30),
    )
    fields.update(overrides)
    return await services.create_quote(member_actor(w.rep, w.org), settings, **fields)


async def test_a_draft_is_seen_by_staff_only_then_published_to_its_contacts(settings: Settings) -> None:
    w = await build_quote_world()
    attachment = await pdf_upload(w.rep, b"terms", name="terms.txt", content_type="text/plain")
    made = await _create(w, settings, attachment_upload_ids=[attachment])
    quote = made.quote
    assert (quote.status, quote.currency, quote.amount, quote.version_number) == (
        QuoteStatus.DRAFT, "EUR", Decimal("1250.50"), 1)
    assert made.events == [] and made.emailed == []
    assert made.version is not None and made.version.number == 1 and made.version.frozen is False
    assert await Upload.filter(used_at=None).count() == 0  # both uploads taken over
    assert not await policy.can_see_quote(contact_actor(w.contact, w.org, w.customer), quote)

    published = await services.publish_quote(member_actor(w.rep, w.org), settings, quote_id=quote.id)
    assert published.quote.status is QuoteStatus.SENT and published.quote.sent_at is not None
    [event] = published.events
    assert (event.kind, event.quote_id, event.sender_id, event.contact_id) == (
        ActivityKind.QUOTE_PUBLISHED, quote.id, w.rep.id, None)
    # The other account manager sees the quote, so its events too.
    assert await ActivityEventAudience.filter(event_id=event.id).values_list("member_id", flat=True) == [
        w.account_manager.id]
    assert {c.id for c in published.emailed} == {w.contact.id, w.colleague.id}
    sent = await OutboxEmail.filter(kind="quote_published").order_by("to_address")
    assert [e.to_address for e in sent] == [w.contact.email, w.colleague.email]
    assert "Q-1001" in sent[0].subject and "1,250.50 EUR" in sent[0].text and "Here is our offer." in sent[0].text
    assert await policy.can_see_quote(contact_actor(w.contact, w.org, w.customer), quote)

    with pytest.raises(DomainError) as again:
        await services.publish_quote(member_actor(w.rep, w.org), settings, quote_id=quote.id)
    assert again.value.problems[0].code == "ALREADY_SENT"


async def test_one_contact_quote_reaches_that_contact_only(settings: Settings) -> None:
    w = await build_quote_world()
    made = await _create(w, settings, visibility="ONE_CONTACT", contact_id=w.colleague.id, publish=True)
    assert [c.id for c in made.emailed] == [w.colleague.id]
    assert await policy.can_see_quote(contact_actor(w.colleague, w.org, w.customer), made.quote)
    assert not await policy.can_see_quote(contact_actor(w.contact, w.org, w.customer), made.quote)


async def test_a_contact_who_chose_never_gets_no_quote_email(settings: Settings) -> None:
    w = await build_quote_world()
    await NotificationSettings.create(organization=w.org, contact=w.contact,
                                      choices={NotificationKind.QUOTES_FOR_ME.value: "NEVER"})
    made = await _create(w, settings, publish=True)
    assert [c.id for c in made.emailed] == [w.colleague.id]


async def test_bad_input_is_refused_with_every_field(settings: Settings) -> None:
    w = await build_quote_world()
    with pytest.raises(DomainError) as refused:
        await _create(w, settings, number="", title="x\ny", currency="XYZ", amount="12.345",
                      visibility="ONE_CONTACT", expires_on=date.today() - timedelta(days=1),
                      remind_unopened_days=0)
    assert {(p.code, p.field) for p in refused.value.problems} == {
        ("REQUIRED", "number"), ("INVALID_TEXT", "title"), ("INVALID_CURRENCY", "currency"),
        ("INVALID_AMOUNT", "amount"), ("REQUIRED", "contactId"), ("IN_THE_PAST", "expiresOn"),
        ("INVALID_DAYS", "remindUnopenedDays"),
    }
    with pytest.raises(DomainError) as foreign_contact:
        await _create(w, settings, visibility="ONE_CONTACT", contact_id=w.contact_other.id)
    assert foreign_contact.value.problems[0].field == "contactId"
    with pytest.raises(DomainError) as not_pdf:
        await _create(w, settings, upload_id=await pdf_upload(w.rep, b"hello", content_type="text/plain"))
    assert not_pdf.value.problems[0].code == "NOT_PDF"
    assert await Quote.all().count() == 0 and await Upload.filter(used_at__not_isnull=True).count() == 0
    await _create(w, settings)
    with pytest.raises(DomainError) as duplicate:
        await _create(w, settings)
    assert duplicate.value.problems[0].code == "DUPLICATE_NUMBER"


async def test_who_may_create_and_change(settings: Settings) -> None:
    w = await build_quote_world()
    with pytest.raises(NotFound):  # rep_other does not reach the customer
        await services.create_quote(member_actor(w.rep_other, w.org), settings, customer_id=w.customer.id,
                                    upload_id=await pdf_upload(w.rep_other), number="X", title="X",
                                    visibility="ALL_CONTACTS")
    with pytest.raises(NotFound):  # another organization's customer
        await services.create_quote(member_actor(w.foreign_admin, w.other_org), settings, customer_id=w.customer.id,
                                    upload_id=await pdf_upload(w.foreign_admin), number="X", title="X",
                                    visibility="ALL_CONTACTS")
    made = await _create(w, settings)
    for outsider in (member_actor(w.rep_other, w.org), member_actor(w.foreign_admin, w.other_org)):
        with pytest.raises(NotFound):
            await services.update_quote(outsider, quote_id=made.quote.id, title="Hijacked")
        with pytest.raises(NotFound):
            await services.publish_quote(outsider, settings, quote_id=made.quote.id)
    with pytest.raises(DomainError):
        await services.archive_quote(contact_actor(w.contact, w.org, w.customer), quote_id=made.quote.id)
    changed = await services.update_quote(member_actor(w.manager, w.org), quote_id=made.quote.id, title="Racking 2",
                                          remind_unopened_days=3)
    assert (changed.quote.title, changed.quote.remind_unopened_days) == ("Racking 2", 3)


async def test_new_versions_keep_history_until_one_is_accepted(settings: Settings) -> None:
    w = await build_quote_world()
    made = await _create(w, settings, publish=True)
    await OutboxEmail.all().delete()
    rep = member_actor(w.rep, w.org)
    second = await services.add_quote_version(rep, settings, quote_id=made.quote.id,
                                              upload_id=await pdf_upload(w.rep, b"%PDF-1.7 v2"))
    assert second.version is not None and second.version.number == 2
    assert [e.kind for e in second.events] == [ActivityKind.QUOTE_VERSION_ADDED]
    assert await OutboxEmail.filter(kind="quote_changed").count() == 2
    versions = await QuoteVersion.filter(quote_id=made.quote.id).order_by("number")
    assert [(v.number, v.superseded_at is None) for v in versions] == [(1, False), (2, True)]
    contact = contact_actor(w.contact, w.org, w.customer)
    assert await policy.quote_versions_visible_to(contact).values_list("number", flat=True) == [2]

    from tortoise.transactions import in_transaction

    async with in_transaction():
        await record_event(contact, made.quote, ActivityKind.QUOTE_ACCEPTED)
        await QuoteVersion.filter(id=second.version.id).update(frozen=True)
    with pytest.raises(DomainError) as frozen:
        await services.add_quote_version(rep, settings, quote_id=made.quote.id,
                                         upload_id=await pdf_upload(w.rep, b"%PDF-1.7 v3"))
    assert frozen.value.problems[0].code == "VERSION_FROZEN"
    assert await QuoteVersion.filter(quote_id=made.quote.id).count() == 2
    assert await Upload.filter(used_at=None).count() == 1  # the refused upload stays the caller's


async def test_status_follows_the_events(settings: Settings) -> None:
    w = await build_quote_world()
    made = await _create(w, settings)
    quote = made.quote
    contact = contact_actor(w.contact, w.org, w.customer)
    from tortoise.transactions import in_transaction

    async def step(kind: ActivityKind, actor: Any = contact, **kw: Any) -> ActivityEvent:
        async with in_transaction():
            return await record_event(actor, quote, kind, **kw)

    with pytest.raises(DomainError) as draft:
        await step(ActivityKind.QUOTE_OPENED)
    assert draft.value.problems[0].code == "QUOTE_NOT_SENT"
    await services.publish_quote(member_actor(w.rep, w.org), settings, quote_id=quote.id)
    t1 = datetime(2030, 1, 1, tzinfo=UTC)
    opened = await step(ActivityKind.QUOTE_OPENED, now=t1)
    assert (opened.contact_id, opened.sender_id, opened.actor_name) == (w.contact.id, w.rep.id, "Mette Contact")
    await step(ActivityKind.QUOTE_OPENED, now=t1 + timedelta(hours=1))  # recorded again, first time kept
    fresh = await Quote.get(id=quote.id)
    assert (fresh.status, fresh.opened_at) == (QuoteStatus.OPENED, t1)
    await step(ActivityKind.QUOTE_DOWNLOADED)
    assert (await Quote.get(id=quote.id)).status is QuoteStatus.DOWNLOADED
    await step(ActivityKind.QUOTE_OPENED)  # opening again does not go back
    assert (await Quote.get(id=quote.id)).status is QuoteStatus.DOWNLOADED
    await step(ActivityKind.QUOTE_DECLINED, changes={"decline_reason": "Too expensive"})
    fresh = await Quote.get(id=quote.id)
    assert (fresh.status, fresh.decline_reason) == (QuoteStatus.DECLINED, "Too expensive")
    for late in (ActivityKind.QUOTE_ACCEPTED, ActivityKind.QUOTE_EXPIRED):
        with pytest.raises(DomainError) as closed:
            await step(late)
        assert closed.value.problems[0].code == "QUOTE_CLOSED"
    await services.archive_quote(member_actor(w.admin, w.org), quote_id=quote.id)
    fresh = await Quote.get(id=quote.id)
    assert fresh.status is QuoteStatus.ARCHIVED and fresh.archived_at is not None
    kinds = await ActivityEvent.filter(quote_id=quote.id).order_by("id").values_list("kind", flat=True)
    assert kinds == ["QUOTE_PUBLISHED", "QUOTE_OPENED", "QUOTE_OPENED", "QUOTE_DOWNLOADED", "QUOTE_OPENED",
                     "QUOTE_DECLINED", "QUOTE_ARCHIVED"]


async def test_quote_files_count_toward_storage(settings: Settings) -> None:
    w = await build_quote_world()
    before = await recount_storage_bytes(w.org.id)
    pdf = await pdf_upload(w.rep, b"%PDF-1.7 " + b"x" * 100)
    after_upload = await recount_storage_bytes(w.org.id)
    await _create(w, settings, upload_id=pdf)
    assert after_upload - before == 109
    assert await recount_storage_bytes(w.org.id) == after_upload  # handed over, not counted twice


async def test_contacts_lose_a_quote_with_the_module(settings: Settings) -> None:
    w = await build_quote_world()
    made = await _create(w, settings, publish=True)
    await Customer.filter(id=w.customer.id).update(modules=["DOCUMENTS"])
    w.customer.modules = ["DOCUMENTS"]
    assert not await policy.can_see_quote(contact_actor(w.contact, w.org, w.customer), made.quote)
    assert made.quote.visibility is QuoteVisibility.ALL_CONTACTS


async def test_the_sender_is_told_at_once_of_an_answer_or_an_expiry(settings: Settings) -> None:
    from tortoise.transactions import in_transaction

    from portico.notifications import fanout
    from portico.notifications.delivery import deliver_due
    from portico.notifications.models import Notification

    w = await build_quote_world()
    accepted = (await _create(w, settings, "Q-A", publish=True)).quote
    expired = (await _create(w, settings, "Q-E", publish=True)).quote
    opened = (await _create(w, settings, "Q-O", publish=True)).quote
    contact = contact_actor(w.contact, w.org, w.customer)
    async with in_transaction():
        answer = await record_event(contact, accepted, ActivityKind.QUOTE_ACCEPTED)
        clock = await record_event(None, expired, ActivityKind.QUOTE_EXPIRED)  # nobody did it: the clock
        view = await record_event(contact, opened, ActivityKind.QUOTE_OPENED)
    for event in (answer, clock, view):
        await fanout.on_activity(event)
    told = await Notification.filter(kind=NotificationKind.QUOTE_ACTIVITY).order_by("id")
    # The sender (rep) and the customer's other account manager, who sees the quote; an opening is not an answer.
    assert sorted((n.member_id, n.event_id) for n in told) == sorted(
        (m, e.id) for m in (w.rep.id, w.account_manager.id) for e in (answer, clock))
    assert await deliver_due(settings) >= 1
    [email] = await OutboxEmail.filter(to_address=w.rep.email).order_by("id")
    assert "Mette Contact accepted the quote Q-A" in email.text and "Q-E" in email.text


@pytest.mark.parametrize(("zone", "now", "accepted"), [
    ("America/Los_Angeles", datetime(2026, 7, 1, 3, 0, tzinfo=UTC), True),  # still 2026-06-30 there
    ("Europe/Copenhagen", datetime(2026, 6, 30, 22, 30, tzinfo=UTC), False),  # already 2026-07-01 there
])
async def test_the_expiry_date_is_judged_on_the_organizations_day(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, zone: str, now: datetime, accepted: bool
) -> None:
    """A quote is valid all of its `expires_on` day where the vendor is (acceptance, expiry), so "today or later"
    is that day too: the UTC date would refuse a Californian rep's "today" in the evening, and let a Danish rep
    send a quote whose last day was over."""
    from portico.notifications import clock

    monkeypatch.setattr(clock, "now", lambda: now)
    w = await build_quote_world()
    w.org.timezone = zone
    await w.org.save(update_fields=["timezone"])
    if accepted:
        made = await _create(w, settings, expires_on=date(2026, 6, 30))
        assert made.quote.expires_on == date(2026, 6, 30)
    else:
        with pytest.raises(DomainError) as refused:
            await _create(w, settings, expires_on=date(2026, 6, 30))
        assert [(p.code, p.field) for p in refused.value.problems] == [("IN_THE_PAST", "expiresOn")]
        made = await _create(w, settings, expires_on=date(2026, 7, 1))
        assert made.quote.expires_on == date(2026, 7, 1)
