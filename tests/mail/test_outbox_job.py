"""End to end: the standard jobs, run by the JobRunner, deliver what was enqueued to a real SMTP server."""

from __future__ import annotations

import asyncio
from pathlib import Path

from portico.jobs import JobRunner, standard_jobs
from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.outbox import enqueue_rendered
from portico.mail.templates import render
from portico.settings import load_settings

from .smtp_testserver import SmtpServer


async def test_the_outbox_job_delivers_queued_email(db: str, smtp_server: SmtpServer, tmp_path: Path) -> None:
    settings = load_settings(
        {
            "DATA_DIR": str(tmp_path),
            "SMTP_URL": smtp_server.url,
            "MAIL_FROM": "x@portico.example",
        }
    )
    rendered = render(
        "contact_welcome",
        "da",
        organization="Nordlys",
        link="https://portico.example/login",
    )
    email = await enqueue_rendered(rendered, to="jens@kunde.example", kind="contact_welcome")

    runner = JobRunner(standard_jobs(settings))
    runner.start()
    try:
        async with asyncio.timeout(5):
            while (await OutboxEmail.get(id=email.id)).status != OutboxStatus.SENT:
                await asyncio.sleep(0.02)
    finally:
        await runner.stop()

    [received] = smtp_server.handler.received
    assert received.message["Subject"] == "Velkommen til din kundehub hos Nordlys"
