"""Background jobs: the periodic sweeps and the runner that drives them.

Where they run: in the server process in the embedded default (`settings.run_jobs_in_process`, started from the
app lifespan), or in `portico worker` processes in the scaled deployment. Every job must be safe to run in
several processes at once (rows are claimed with FOR UPDATE SKIP LOCKED), so adding workers is only configuration.
"""

from __future__ import annotations

from functools import partial

from portico.jobs.runner import JobRunner, PeriodicJob
from portico.mail.sender import SmtpSender, deliver_all_due
from portico.realtime.base import Broker
from portico.settings import Settings
from portico.storage.base import Storage

__all__ = ["JobRunner", "PeriodicJob", "standard_jobs"]

OUTBOX_INTERVAL_SECONDS = 5.0
# How soon an "immediately" notification is emailed after the event, at most (plus the outbox's own tick).
NOTIFICATIONS_INTERVAL_SECONDS = 10.0
# Quote reminders are due at a day's granularity (N days after sending, 09:00 before expiry): a few minutes late is
# fine. Expiry is checked as often, so that nobody accepts much past the local midnight that ends a quote's last day
# (acceptance itself also refuses after it).
QUOTE_SWEEP_INTERVAL_SECONDS = 300.0
REMINDERS_INTERVAL_SECONDS = 300.0


def standard_jobs(
    settings: Settings, storage: Storage | None = None, broker: Broker | None = None
) -> list[PeriodicJob]:
    """The jobs every process that runs jobs should run, for this configuration. `broker` carries the events a
    job records (a quote expiring) to the live feed."""
    jobs: list[PeriodicJob] = []
    if settings.smtp_url:
        # Without SMTP_URL (embedded default) emails stay in the outbox and the dev mailbox shows them.
        sender = SmtpSender(settings.smtp_url, settings.mail_from)
        jobs.append(PeriodicJob("outbox-delivery", OUTBOX_INTERVAL_SECONDS, partial(deliver_all_due, sender)))
    # Embedded default too: the emails land in the outbox, which the dev mailbox shows.
    from portico.notifications.delivery import deliver_due as deliver_notifications
    from portico.notifications.delivery import forget_old as forget_old_notifications

    jobs.append(PeriodicJob("notifications", NOTIFICATIONS_INTERVAL_SECONDS, partial(deliver_notifications, settings)))
    jobs.append(PeriodicJob("notification-history", 6 * 3600, forget_old_notifications))
    if storage is not None:
        from datetime import timedelta

        from portico.hubs.sweeps import sweep_unused_uploads
        from portico.hubs.trash import sweep_storage_deletions

        jobs.append(PeriodicJob("unused-uploads", 600, partial(sweep_unused_uploads, storage)))
        # Objects of deleted folders and documents whose removal after the commit did not finish.
        jobs.append(PeriodicJob("storage-deletions", 300, partial(sweep_storage_deletions, storage)))
        jobs.append(PeriodicJob("incomplete-writes", 3600, partial(storage.sweep_incomplete, timedelta(days=1))))
    from portico.hubs.quota import reconcile_all
    from portico.hubs.storage_alerts import send_due

    # Alerts are emailed right after the upload that crosses a level; this catches what a crash left due.
    jobs.append(PeriodicJob("storage-alerts", 60, partial(send_due, settings.public_url)))
    jobs.append(PeriodicJob("storage-reconcile", 24 * 3600, reconcile_all))
    from portico.quotes.expiry import sweep_quote_validity
    from portico.quotes.reminders import send_due_reminders as send_quote_reminders

    jobs.append(PeriodicJob("quote-reminders", QUOTE_SWEEP_INTERVAL_SECONDS, partial(send_quote_reminders, settings)))
    jobs.append(PeriodicJob("quote-validity", QUOTE_SWEEP_INTERVAL_SECONDS, partial(sweep_quote_validity, broker)))
    from portico.quotes.acceptance_sweeps import forget_stale as forget_stale_quote_visits

    jobs.append(PeriodicJob("quote-visits-and-codes", 3600, forget_stale_quote_visits))

    from portico.receivables.reminders import run_due_steps

    # Receivables reminder steps: due by the day, so every few minutes is plenty (each step runs once per invoice).
    jobs.append(PeriodicJob("reminder-steps", REMINDERS_INTERVAL_SECONDS, partial(run_due_steps, settings)))
    # Sweeps still to come register here, one PeriodicJob each, e.g.:
    #   PeriodicJob("expired-uploads", 300, sweep_expired_uploads)       # abandoned partial uploads
    return jobs
