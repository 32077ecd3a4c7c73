"""Enqueueing: one QUEUED row per email, inside the caller's transaction."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization
from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.outbox import enqueue, enqueue_rendered
from portico.mail.templates import render


async def test_enqueue_writes_a_queued_row(db: str) -> None:
    org = await Organization.create(name="Nordlys", storage_quota_bytes=10)
    email = await enqueue(
        to=" emma@kunde.example ",
        subject="Hello\nthere",
        html="<p>Hi</p>",
        text="Hi",
        kind="test",
        organization_id=org.id,
        cc=["rep@nordlys.example", "EMMA@kunde.example"],
        bcc=["manager@nordlys.example", "rep@nordlys.example"],
    )
    stored = await OutboxEmail.get(id=email.id)
    assert stored.status == OutboxStatus.QUEUED
    assert stored.to_address == "emma@kunde.example"
    assert stored.subject == "Hello there"
    assert stored.cc == ["rep@nordlys.example"]  # the To address is not copied again
    assert stored.bcc == ["manager@nordlys.example"]
    assert stored.organization_id == org.id
    assert stored.attempts == 0 and stored.next_attempt_at is None and stored.sent_at is None


async def test_enqueue_rendered_stores_the_rendered_parts(db: str) -> None:
    rendered = render(
        "password_reset",
        "da",
        link="https://portico.example/reset/abc",
        valid_minutes=30,
    )
    email = await enqueue_rendered(rendered, to="bo@example.dk", kind="password_reset")
    stored = await OutboxEmail.get(id=email.id)
    assert (stored.subject, stored.html, stored.text, stored.kind) == (
        rendered.subject,
        rendered.html,
        rendered.text,
        "password_reset",
    )


async def test_the_email_exists_only_if_the_transaction_commits(db: str) -> None:
    with pytest.raises(RuntimeError):
        async with in_transaction() as connection:
            await enqueue(
                to="a@example.com",
                subject="s",
                html="h",
                text="t",
                kind="x",
                connection=connection,
            )
            raise RuntimeError("the change failed")
    assert await OutboxEmail.all().count() == 0

    async with in_transaction() as connection:
        await enqueue(
            to="a@example.com",
            subject="s",
            html="h",
            text="t",
            kind="x",
            connection=connection,
        )
    assert await OutboxEmail.all().count() == 1


@pytest.mark.parametrize(
    "address",
    [
        "",
        "no-at-sign",
        "a@nodot",
        "a@b.c\r\nBcc: x@evil.example",
        "Name <a@b.example>",
        "a b@c.example",
    ],
)
async def test_unusable_addresses_are_rejected(db: str, address: str) -> None:
    with pytest.raises(ValueError):
        await enqueue(to=address, subject="s", html="h", text="t", kind="x")
    with pytest.raises(ValueError):
        await enqueue(to="ok@example.com", cc=[address], subject="s", html="h", text="t", kind="x")
    assert await OutboxEmail.all().count() == 0


async def test_long_subjects_are_shortened_to_fit(db: str) -> None:
    email = await enqueue(to="a@example.com", subject="x" * 400, html="h", text="t", kind="x")
    stored = await OutboxEmail.get(id=email.id)
    assert len(stored.subject) == 300 and stored.subject.endswith("…")
