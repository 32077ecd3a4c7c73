"""Delivering the outbox over SMTP (aiosmtplib), with retries.

`deliver_due` claims due rows, sends them and records the outcome. A claim is a short transaction:
`SELECT ... FOR UPDATE SKIP LOCKED` picks rows no other worker is claiming, and moving their `next_attempt_at`
a lease ahead hides them from everyone else after commit. Sending then happens outside any transaction, so no
database connection or row lock is held across network I/O. A worker that dies mid-send leaves its rows to be
picked up once the lease ends: delivery is at least once, and never twice in normal operation.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from types import TracebackType
from typing import Self
from urllib.parse import unquote, urlparse

import aiosmtplib
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.outbox import redacted

logger = logging.getLogger("portico.mail")

MAX_ATTEMPTS = 8
BASE_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
# Longer than the worst case of one batch (a connect plus one send, each bounded by the SMTP timeout).
CLAIM_LEASE = timedelta(minutes=10)


class SmtpUnavailable(Exception):
    """Connecting or logging in to the SMTP server failed: nothing in this batch can be sent."""


class SmtpSender:
    """Sends messages to the server named by SMTP_URL.

    `smtp://[user:password@]host[:port]` (default port 25) upgrades with STARTTLS when the server offers it;
    `smtps://...` (default port 465) uses TLS from the first byte. Credentials in the URL (percent-encoded)
    mean AUTH after connecting. `mail_from` is the MAIL_FROM setting, e.g. "Portico <no-reply@example.com>".
    """

    def __init__(self, smtp_url: str, mail_from: str, *, timeout: float = 30.0) -> None:
        parsed = urlparse(smtp_url)
        if parsed.scheme not in ("smtp", "smtps") or not parsed.hostname:
            raise ValueError(f"SMTP URL must look like smtp://host:port or smtps://host:port, got {smtp_url!r}")
        self.hostname = parsed.hostname
        self.use_tls = parsed.scheme == "smtps"
        self.port = parsed.port or (465 if self.use_tls else 25)
        self.username = unquote(parsed.username) if parsed.username else None
        self.password = unquote(parsed.password) if parsed.password else None
        self.timeout = timeout
        display_name, address = parseaddr(mail_from)
        if "@" not in address:
            raise ValueError(f"MAIL_FROM must contain an email address, got {mail_from!r}")
        self.from_name = display_name
        self.from_address = address

    def build_message(
        self, email: OutboxEmail, *, organization_name: str | None = None, now: datetime | None = None
    ) -> EmailMessage:
        """The MIME message for one outbox row: multipart/alternative (text, then HTML); Bcc never in headers."""
        message = EmailMessage()
        message["From"] = Address(display_name=self._display_name(organization_name), addr_spec=self.from_address)
        message["To"] = email.to_address
        if email.cc:
            message["Cc"] = ", ".join(email.cc)
        if email.reply_to:
            message["Reply-To"] = email.reply_to
        message["Subject"] = email.subject
        message["Date"] = format_datetime(now or datetime.now(UTC))
        message["Message-ID"] = make_msgid(domain=self.from_address.rpartition("@")[2])
        # RFC 3834: tells auto-responders (out-of-office) not to answer a no-reply address.
        message["Auto-Submitted"] = "auto-generated"
        for name, value in (email.headers or {}).items():
            message[name] = value  # outbox.EXTRA_HEADERS only, checked when the email was queued
        message.set_content(email.text)
        message.add_alternative(email.html, subtype="html")
        return message

    def session(self) -> SmtpSession:
        """One connection for a batch: `async with sender.session() as session: await session.send(...)`."""
        return SmtpSession(self)

    def _display_name(self, organization_name: str | None) -> str:
        # The organization is who the recipient knows; the address stays ours (SPF/DKIM/DMARC align with it).
        if organization_name and self.from_name:
            return f"{organization_name} via {self.from_name}"
        return organization_name or self.from_name

    def _client(self) -> aiosmtplib.SMTP:
        return aiosmtplib.SMTP(
            hostname=self.hostname,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.use_tls,
            start_tls=None if not self.use_tls else False,  # None: STARTTLS if the server offers it
            timeout=self.timeout,
        )


class SmtpSession:
    """Connects on first use and reconnects after any failed send (the server may have dropped us)."""

    def __init__(self, sender: SmtpSender) -> None:
        self._sender = sender
        self._client: aiosmtplib.SMTP | None = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None and issubclass(exc_type, asyncio.CancelledError):
            self._drop()  # being cancelled (shutdown): no polite QUIT that could wait for a timeout
        else:
            await self.close()

    async def send(self, message: EmailMessage, recipients: Sequence[str]) -> dict[str, str]:
        """Send; returns the recipients the server refused while accepting others ({address: reply})."""
        client = await self._connected()
        try:
            refused, _ = await client.send_message(
                message, sender=self._sender.from_address, recipients=list(recipients)
            )
        except Exception:
            await self.close()
            raise
        return {address: f"{reply.code} {reply.message}" for address, reply in refused.items()}

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            await client.quit()
        except (aiosmtplib.SMTPException, OSError):
            client.close()

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    async def _connected(self) -> aiosmtplib.SMTP:
        if self._client is None:
            client = self._sender._client()
            try:
                await client.connect()
            except (aiosmtplib.SMTPException, OSError) as exc:
                client.close()
                raise SmtpUnavailable(_describe(exc)) from exc
            self._client = client
        return self._client


async def deliver_due(sender: SmtpSender, *, batch: int = 20, now: datetime | None = None) -> int:
    """Send up to `batch` due QUEUED emails; returns how many were sent.

    Failures are recorded on the row: a retry after 30 s, 60 s, 120 s, ... (at most an hour), FAILED after
    MAX_ATTEMPTS attempts, or at once when the server refuses the message for good (5xx to RCPT or DATA).
    `now` is for tests; by default the current time.
    """
    clock = now or datetime.now(UTC)
    rows = await _claim(clock, batch)
    if not rows:
        return 0
    names = await _organization_names(rows)
    sent = 0
    async with sender.session() as session:
        for index, row in enumerate(rows):
            try:
                message = sender.build_message(row, organization_name=names.get(row.organization_id), now=clock)
                refused = await session.send(message, _recipients(row))
            except SmtpUnavailable as exc:
                # Do not knock on a dead server once per email: the rest of the batch waits with this one.
                logger.warning("SMTP server unavailable, %d email(s) rescheduled: %s", len(rows) - index, exc)
                for pending in rows[index:]:
                    await _record_failure(pending, str(exc), clock, permanent=False)
                break
            except Exception as exc:  # noqa: BLE001 - any failure of one email is recorded on it, never lost
                logger.warning("email %s (%s) not sent: %s", row.id, row.kind, _describe(exc))
                await _record_failure(row, _describe(exc), clock, permanent=_is_permanent(exc))
            else:
                await _record_sent(row, clock, refused)
                sent += 1
    return sent


async def deliver_all_due(sender: SmtpSender, *, batch: int = 20, max_rounds: int = 10) -> int:
    """Drain the outbox: `deliver_due` again while full batches go out (the job's tick), at most `max_rounds`."""
    total = 0
    for _ in range(max_rounds):
        sent = await deliver_due(sender, batch=batch)
        total += sent
        if sent < batch:
            break
    return total


def backoff(attempts: int) -> timedelta:
    """Delay before the next try after `attempts` failed ones: 30 s × 2^(attempts-1), capped at an hour."""
    return min(BASE_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


async def _claim(now: datetime, batch: int) -> list[OutboxEmail]:
    async with in_transaction() as connection:
        # FOR UPDATE SKIP LOCKED on PostgreSQL; tortoise drops it on SQLite, where the single process's
        # transaction lock already serializes claims.
        rows = (
            await OutboxEmail.filter(status=OutboxStatus.QUEUED)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .order_by("id")
            .limit(batch)
            .select_for_update(skip_locked=True)
            .using_db(connection)
        )
        if rows:
            # Counting the attempt at claim time means an email that crashes its worker still runs out of tries.
            await (
                OutboxEmail.filter(id__in=[row.id for row in rows])
                .using_db(connection)
                .update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE)
            )
    for row in rows:
        row.attempts += 1
    return list(rows)


async def _organization_names(rows: Sequence[OutboxEmail]) -> dict[int | None, str]:
    # Imported here: mail sits below the domains, and only the From display name needs an organization.
    from portico.accounts.models import Organization

    ids = {row.organization_id for row in rows if row.organization_id is not None}
    if not ids:
        return {}
    return dict(await Organization.filter(id__in=ids).values_list("id", "name"))


async def _record_sent(row: OutboxEmail, now: datetime, refused: dict[str, str]) -> None:
    note = "; ".join(f"refused {address}: {reply}" for address, reply in refused.items())
    # Delivered: the stored copy no longer needs its one-time tokens (the recipient has them), so they go.
    await OutboxEmail.filter(id=row.id).update(
        status=OutboxStatus.SENT, sent_at=now, next_attempt_at=None, last_error=note[:2000], **_without_secrets(row)
    )


async def _record_failure(row: OutboxEmail, error: str, now: datetime, *, permanent: bool) -> None:
    if permanent or row.attempts >= MAX_ATTEMPTS:
        # Never sent again: its tokens would only wait in the database for someone to read them.
        status, next_attempt_at, secrets = OutboxStatus.FAILED, None, _without_secrets(row)
    else:
        status, next_attempt_at, secrets = OutboxStatus.QUEUED, now + backoff(row.attempts), {}
    await OutboxEmail.filter(id=row.id).update(
        status=status, next_attempt_at=next_attempt_at, last_error=error[:2000], **secrets
    )


def _without_secrets(row: OutboxEmail) -> dict[str, object]:
    """The columns that redact `row`'s one-time tokens (nothing when it carries none)."""
    return {**redacted(row), "secrets": []} if row.secrets else {}


def _recipients(row: OutboxEmail) -> list[str]:
    # Bcc addresses travel only in the envelope; the message headers never name them.
    return list(dict.fromkeys([row.to_address, *row.cc, *row.bcc]))


def _is_permanent(exc: Exception) -> bool:
    """A 5xx answer about this message (its recipients or its content) will not change by retrying."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return all(refusal.code >= 500 for refusal in exc.recipients)
    if isinstance(exc, (aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPDataError)):
        return exc.code >= 500
    # Header values that cannot be encoded (a bad address slipped past enqueue) fail the same way every time.
    return isinstance(exc, ValueError)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return f"{exc.code} {exc.message}"
    return f"{type(exc).__name__}: {exc}"
