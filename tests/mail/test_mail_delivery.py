"""Delivering the outbox to a real SMTP server (aiosmtpd in this process), with retries and claims."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from portico.accounts.models import Organization
from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.outbox import enqueue, enqueue_rendered
from portico.mail.sender import MAX_ATTEMPTS, SmtpSender, backoff, deliver_due
from portico.mail.templates import render

from .smtp_testserver import SmtpServer, free_port

MAIL_FROM = "Portico <no-reply@portico.example>"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _sender(server: SmtpServer) -> SmtpSender:
    return SmtpSender(server.url, MAIL_FROM, timeout=5)


async def _queue(n: int = 1, **overrides: object) -> list[OutboxEmail]:
    emails = []
    for i in range(n):
        fields: dict = {
            "to": f"c{i}@kunde.example",
            "subject": f"Email {i}",
            "html": "<p>h</p>",
            "text": "t",
        }
        emails.append(await enqueue(kind="test", **{**fields, **overrides}))
    return emails


async def test_deliver_due_sends_a_proper_multipart_message(db: str, smtp_server: SmtpServer) -> None:
    org = await Organization.create(name="Nordlys", storage_quota_bytes=10)
    rendered = render(
        "hub_share",
        "sv",
        organization="Nordlys",
        sender_name="Martin Lund",
        sender_email="martin@nordlys.example",
        first_name="Sara",
        documents=["Offert.pdf"],
        link="https://portico.example/hub/abc",
        message="Hej Sara!",
    )
    queued = await enqueue_rendered(
        rendered,
        to="sara@kunde.example",
        kind="hub_share",
        organization_id=org.id,
        cc=["martin@nordlys.example"],
        bcc=["archive@nordlys.example"],
    )

    assert await deliver_due(_sender(smtp_server)) == 1

    [received] = smtp_server.handler.received
    assert received.mail_from == "no-reply@portico.example"
    assert sorted(received.rcpt_tos) == [
        "archive@nordlys.example",
        "martin@nordlys.example",
        "sara@kunde.example",
    ]
    message = received.message
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == "Nordlys har delat dokument med dig"
    assert message["To"] == "sara@kunde.example"
    assert message["Cc"] == "martin@nordlys.example"
    assert message["Bcc"] is None and b"archive@" not in message.as_bytes()
    assert message["From"].addresses[0].display_name == "Nordlys via Portico"
    assert message["From"].addresses[0].addr_spec == "no-reply@portico.example"
    assert message["Message-ID"].endswith("@portico.example>")
    assert message["Date"] and message["Auto-Submitted"] == "auto-generated"
    text_part, html_part = message.iter_parts()
    # (SMTP carries CRLF line ends.)
    assert text_part.get_content_type() == "text/plain"
    assert text_part.get_content().replace("\r\n", "\n") == rendered.text
    assert html_part.get_content_type() == "text/html"
    assert html_part.get_content().replace("\r\n", "\n").rstrip() == rendered.html.rstrip()

    stored = await OutboxEmail.get(id=queued.id)
    assert stored.status == OutboxStatus.SENT
    assert stored.sent_at is not None and stored.attempts == 1 and stored.last_error == ""
    assert await deliver_due(_sender(smtp_server)) == 0  # nothing is sent twice


async def test_only_due_queued_emails_are_sent_oldest_first_in_batches(db: str, smtp_server: SmtpServer) -> None:
    emails = await _queue(5)
    await OutboxEmail.filter(id=emails[0].id).update(next_attempt_at=T0 + timedelta(minutes=1))
    await OutboxEmail.filter(id=emails[1].id).update(next_attempt_at=T0 - timedelta(minutes=1))
    await OutboxEmail.filter(id=emails[2].id).update(status=OutboxStatus.FAILED)
    await OutboxEmail.filter(id=emails[3].id).update(status=OutboxStatus.SENT)

    assert await deliver_due(_sender(smtp_server), batch=1, now=T0) == 1
    assert await deliver_due(_sender(smtp_server), batch=1, now=T0) == 1
    assert await deliver_due(_sender(smtp_server), batch=1, now=T0) == 0
    assert [r.message["Subject"] for r in smtp_server.handler.received] == [
        "Email 1",
        "Email 4",
    ]
    assert await deliver_due(_sender(smtp_server), now=T0 + timedelta(minutes=1)) == 1  # now due


async def test_a_temporary_failure_is_retried_with_growing_backoff_then_failed(
    db: str, smtp_server: SmtpServer
) -> None:
    smtp_server.handler.data_reply = "451 4.3.0 Try again later"
    [email] = await _queue()
    sender = _sender(smtp_server)
    now = T0
    delays = []
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert await deliver_due(sender, now=now) == 0
        stored = await OutboxEmail.get(id=email.id)
        assert stored.attempts == attempt
        assert "451" in stored.last_error and "Try again later" in stored.last_error
        if attempt < MAX_ATTEMPTS:
            assert stored.status == OutboxStatus.QUEUED
            assert stored.next_attempt_at is not None
            delays.append(stored.next_attempt_at - now)
            # Not due before its time: nothing is claimed, the counter does not move.
            assert await deliver_due(sender, now=stored.next_attempt_at - timedelta(seconds=1)) == 0
            assert (await OutboxEmail.get(id=email.id)).attempts == attempt
            now = stored.next_attempt_at
    assert delays == [timedelta(seconds=30 * 2**i) for i in range(MAX_ATTEMPTS - 1)]
    assert stored.status == OutboxStatus.FAILED and stored.next_attempt_at is None
    assert smtp_server.handler.received == []
    assert await deliver_due(sender, now=now + timedelta(days=1)) == 0  # FAILED stays failed


def test_backoff_is_capped_at_an_hour() -> None:
    assert backoff(1) == timedelta(seconds=30)
    assert backoff(3) == timedelta(seconds=120)
    assert backoff(20) == timedelta(hours=1)


async def test_a_server_that_cannot_be_reached_reschedules_the_whole_batch(
    db: str,
) -> None:
    emails = await _queue(3)
    sender = SmtpSender(f"smtp://127.0.0.1:{free_port()}", MAIL_FROM, timeout=5)  # nothing listens there

    assert await deliver_due(sender, now=T0) == 0

    for email in await OutboxEmail.filter(id__in=[e.id for e in emails]):
        assert email.status == OutboxStatus.QUEUED
        assert email.attempts == 1
        assert email.next_attempt_at == T0 + timedelta(seconds=30)
        assert "Error" in email.last_error  # e.g. "SMTPConnectError: Error connecting to 127.0.0.1 ..."


async def test_a_permanent_refusal_fails_at_once_and_others_still_go(db: str, smtp_server: SmtpServer) -> None:
    smtp_server.handler.refuse["gone@kunde.example"] = "550 5.1.1 No such user"
    bad, good = await _queue(1, to="gone@kunde.example") + await _queue(1, to="here@kunde.example")

    assert await deliver_due(_sender(smtp_server), now=T0) == 1

    bad = await OutboxEmail.get(id=bad.id)
    assert bad.status == OutboxStatus.FAILED and bad.attempts == 1 and "550" in bad.last_error
    assert (await OutboxEmail.get(id=good.id)).status == OutboxStatus.SENT
    assert [r.rcpt_tos for r in smtp_server.handler.received] == [["here@kunde.example"]]


async def test_a_refused_cc_does_not_stop_the_email(db: str, smtp_server: SmtpServer) -> None:
    smtp_server.handler.refuse["old@nordlys.example"] = "550 5.1.1 No such user"
    [email] = await _queue(1, to="here@kunde.example", cc=["old@nordlys.example"])

    assert await deliver_due(_sender(smtp_server), now=T0) == 1

    stored = await OutboxEmail.get(id=email.id)
    assert stored.status == OutboxStatus.SENT and "old@nordlys.example" in stored.last_error


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
async def test_credentials_in_the_url_log_in(db: str, smtp_server_with_auth: SmtpServer) -> None:
    await _queue(1)
    port = smtp_server_with_auth.port
    wrong = SmtpSender(f"smtp://portico:nope@127.0.0.1:{port}", MAIL_FROM, timeout=5)
    assert await deliver_due(wrong, now=T0) == 0
    assert "535" in (await OutboxEmail.get()).last_error

    right = SmtpSender(f"smtp://portico:p%40ss%3Aword@127.0.0.1:{port}", MAIL_FROM, timeout=5)
    assert await deliver_due(right, now=T0 + timedelta(minutes=1)) == 1
    assert len(smtp_server_with_auth.handler.received) == 1


def test_smtp_urls() -> None:
    plain = SmtpSender("smtp://mail.example", MAIL_FROM)
    assert (plain.hostname, plain.port, plain.use_tls, plain.username) == (
        "mail.example",
        25,
        False,
        None,
    )
    tls = SmtpSender("smtps://u%40x:p%2Fw@mail.example", MAIL_FROM)
    assert (tls.port, tls.use_tls, tls.username, tls.password) == (
        465,
        True,
        "u@x",
        "p/w",
    )
    assert SmtpSender("smtp://mail.example:587", "bare@portico.example").port == 587
    with pytest.raises(ValueError):
        SmtpSender("http://mail.example", MAIL_FROM)
    with pytest.raises(ValueError):
        SmtpSender("smtp://mail.example", "no address")


# Several worker processes means PostgreSQL (SQLite runs one process), so these run on PostgreSQL only.
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_concurrent_workers_never_send_an_email_twice(db: str, smtp_server: SmtpServer) -> None:
    smtp_server.handler.delay = 0.005  # keep sends in flight while other workers claim
    emails = await _queue(60)

    async def worker() -> int:
        sender, total = _sender(smtp_server), 0
        while sent := await deliver_due(sender, batch=4):
            total += sent
        return total

    totals = await asyncio.gather(*(worker() for _ in range(5)))

    subjects = [r.message["Subject"] for r in smtp_server.handler.received]
    assert sum(totals) == 60
    assert sorted(subjects) == sorted(f"Email {i}" for i in range(60))  # each exactly once
    assert sum(1 for t in totals if t) > 1  # the work really was shared
    assert await OutboxEmail.filter(status=OutboxStatus.SENT).count() == len(emails)


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_row_locked_by_another_worker_is_skipped_not_waited_for(db: str, smtp_server: SmtpServer) -> None:
    locked, _free = await _queue(2)
    other_worker = await asyncpg.connect(db)
    try:
        transaction = other_worker.transaction()
        await transaction.start()
        await other_worker.execute("SELECT id FROM outbox_email WHERE id = $1 FOR UPDATE", locked.id)

        sent = await asyncio.wait_for(deliver_due(_sender(smtp_server)), timeout=5)

        assert sent == 1
        assert [r.message["Subject"] for r in smtp_server.handler.received] == ["Email 1"]
        await transaction.rollback()
    finally:
        await other_worker.close()
    assert await deliver_due(_sender(smtp_server)) == 1
    assert (await OutboxEmail.get(id=locked.id)).status == OutboxStatus.SENT
