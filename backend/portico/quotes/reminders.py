"""The periodic sweep that emails quote reminders: unopened, opened but unanswered, and before expiry.

A run finds open quotes with reminders switched on (keyset batches, a constant number of queries per batch), asks
`reminder_plan.due_reminders` what is due for each, and handles each quote that has something due in its own
transaction: the quote row is claimed with `SELECT ... FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite runs one write
transaction at a time), its state is read again, the `QuoteReminder` rows are inserted and the emails queued in the
outbox. The UNIQUE (quote, cycle, kind) constraint is the last guard: should two workers ever get past the lock, the
second insert fails and its transaction, emails included, rolls back. So each reminder is sent once, and never
after the quote was accepted, declined, archived or expired (the state is read under the lock). A new version
starts a new cycle of the "not opened" and "not answered" reminders (`reminder_plan.cycle_of`).

Who is reminded (`recipients`): whom the quote's own emails go to (`quotes.recipients.quote_recipients`, each
checked with `policy.quotes_visible_to` as that contact, and `quotes.emails.wanting_email`):
- ONE_CONTACT: that contact; ALL_CONTACTS: the customer's contacts with hub access and an email address.
- PUBLIC_LINK: nobody. The sender chose a link and a password as the way in, often for someone who is not one of
  the customer's contacts; the link's visitor is anonymous until they accept, so there is no address that is
  known to be theirs, and emailing the customer's contacts would widen the audience beyond the sender's choice.
  The reminder is recorded as NO_RECIPIENTS so that staff see it fell due.
- A contact who set quote emails (QUOTES_FOR_ME) to NEVER gets none. A digest choice does not delay a reminder:
  a reminder is itself the nudge, one email, and a day's delay could push a before-expiry one past the expiry.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from portico.accounts.models import Member, Organization
from portico.customers.models import Contact
from portico.mail import outbox
from portico.mail.formats import format_amount, format_date
from portico.mail.templates import render
from portico.notifications import clock, unsubscribe
from portico.notifications.kinds import NotificationKind
from portico.quotes.emails import wanting_email
from portico.quotes.models import Quote
from portico.quotes.recipients import quote_recipients
from portico.quotes.reminder_models import QuoteReminder, ReminderOutcome
from portico.quotes.reminder_plan import (
    OPEN_STATUSES,
    QuoteDates,
    ReminderKind,
    already_sent,
    cycle_of,
    due_reminders,
)
from portico.settings import Settings

log = logging.getLogger(__name__)

EMAIL_KIND = "quote_reminder"
_KIND = NotificationKind.QUOTES_FOR_ME
_PLAN_COLUMNS = tuple(QuoteDates.__dataclass_fields__)


async def send_due_reminders(settings: Settings, *, now: datetime | None = None, batch: int = 200) -> int:
    """Email every reminder due now; returns how many emails were queued."""
    now = now or clock.now()
    queued = 0
    after = 0
    while True:
        # Only the columns the plan reads: a sweep with nothing due is dominated by reading candidates.
        rows = await (
            Quote.filter(id__gt=after, status__in=sorted(OPEN_STATUSES))
            .filter(
                Q(remind_unopened_days__isnull=False)
                | Q(remind_unaccepted_days__isnull=False)
                | Q(remind_before_expiry_days__isnull=False)
            )
            .order_by("id")
            .limit(batch)
            .values("id", "organization_id", "version_number", *_PLAN_COLUMNS)
        )
        if not rows:
            return queued
        after = int(rows[-1]["id"])
        recorded: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for quote_id, kind, cycle in await QuoteReminder.filter(quote_id__in=[r["id"] for r in rows]).values_list(
            "quote_id", "kind", "cycle"
        ):
            recorded[int(quote_id)].append((str(kind), int(cycle)))  # type: ignore[call-overload]
        zones = await _zones({int(r["organization_id"]) for r in rows})
        for row in rows:
            plan = QuoteDates(**{column: row[column] for column in _PLAN_COLUMNS})
            done = already_sent(recorded[row["id"]], row["version_number"])
            if due_reminders(plan, zones[row["organization_id"]], now, done):
                queued += await remind(settings, row["id"], now=now)


async def remind(settings: Settings, quote_id: int, *, now: datetime | None = None) -> int:
    """Send what is due for one quote, claiming it first; returns the emails queued (0: nothing due, or another
    worker has it)."""
    now = now or clock.now()
    try:
        async with in_transaction() as connection:
            quote = await Quote.filter(id=quote_id).using_db(connection).select_for_update(skip_locked=True).first()
            if quote is None:
                return 0  # another worker holds it (or it is gone)
            organization = await Organization.filter(id=quote.organization_id).using_db(connection).get()
            already = already_sent(
                await QuoteReminder.filter(quote_id=quote.id).using_db(connection).values_list("kind", "cycle"),
                quote.version_number,
            )
            due = due_reminders(quote, clock.zone(organization.timezone), now, already)  # type: ignore[arg-type]
            if not due:
                return 0
            people = await recipients(quote)
            chosen, folded = due[0], due[1:]
            await QuoteReminder.bulk_create(
                [
                    QuoteReminder(
                        organization_id=quote.organization_id, quote_id=quote.id, kind=chosen,
                        outcome=ReminderOutcome.SENT if people else ReminderOutcome.NO_RECIPIENTS,
                        version_number=quote.version_number, cycle=cycle_of(chosen, quote.version_number),
                        recipients=len(people), sent_at=now,
                    ),
                    *(
                        QuoteReminder(
                            organization_id=quote.organization_id, quote_id=quote.id, kind=kind,
                            outcome=ReminderOutcome.FOLDED, version_number=quote.version_number,
                            cycle=cycle_of(kind, quote.version_number), sent_at=now,
                        )
                        for kind in folded
                    ),
                ],
                using_db=connection,
            )
            await _email(settings, quote, organization, chosen, people)
            return len(people)
    except IntegrityError:
        # Another worker recorded this reminder between our read and our insert: it sent it, we roll back.
        log.info("quote %s: reminder already recorded by another worker", quote_id)
        return 0


async def recipients(quote: Quote) -> list[Contact]:
    """The contacts to remind (see the module docstring): those the quote's own emails go to, by the same rules."""
    return await wanting_email(await quote_recipients(quote))


async def _email(
    settings: Settings, quote: Quote, organization: Organization, kind: ReminderKind, people: list[Contact]
) -> None:
    if not people:
        return
    # Imported here, as notifications.emails does: hubs.signin imports account services above this module.
    from portico.accounts.onetime import token_in
    from portico.hubs.signin import issue_links

    sender = await Member.filter(id=quote.sender_id).first() if quote.sender_id is not None else None
    language = quote.language
    amount = format_amount(quote.amount, quote.currency, language) if (
        quote.amount is not None and quote.currency) else ""
    expires_on = format_date(quote.expires_on, language) if quote.expires_on is not None else ""
    links = await issue_links(settings, people)
    emails = []
    for person, link in zip(people, links, strict=True):
        email = render(
            EMAIL_KIND, language,
            organization=organization.name, first_name=person.first_name, link=link, kind=kind.value,
            title=quote.title, number=quote.number, sender_name=sender.full_name if sender else "",
            amount=amount, expires_on=expires_on, unsubscribe_link=unsubscribe.link(settings, person, _KIND),
        )
        assert person.email is not None
        emails.append(outbox.queued(
            to=person.email, subject=email.subject, html=email.html, text=email.text, kind=EMAIL_KIND,
            organization_id=quote.organization_id, reply_to=sender.email if sender else None,
            secrets=[token_in(link)], headers=unsubscribe.headers(settings, person, _KIND),
        ))
    await outbox.enqueue_all(emails)  # one INSERT for all the recipients (issue 8, point 4)


async def _zones(organization_ids: set[int]) -> dict[int, ZoneInfo]:
    rows = await Organization.filter(id__in=sorted(organization_ids)).values_list("id", "timezone")
    return {int(pk): clock.zone(str(tz)) for pk, tz in rows}  # type: ignore[call-overload]
