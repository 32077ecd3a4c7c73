"""The periodic job runner: jobs repeat, survive their own errors, and stop cleanly."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable

import pytest

from portico.jobs import standard_jobs
from portico.jobs.runner import JobRunner, PeriodicJob
from portico.settings import load_settings


async def _until(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


def _counting() -> tuple[list[float], Callable[[], Awaitable[object]]]:
    calls: list[float] = []

    async def job() -> int:
        calls.append(asyncio.get_running_loop().time())
        return len(calls)

    return calls, job


async def test_a_job_runs_repeatedly_at_its_interval() -> None:
    calls, job = _counting()
    runner = JobRunner([PeriodicJob("tick", 0.02, job)], jitter=0.1)
    runner.start()
    try:
        await _until(lambda: len(calls) >= 5)
    finally:
        await runner.stop()
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    assert all(gap >= 0.02 * 0.9 - 0.002 for gap in gaps), gaps  # never faster than interval minus jitter


async def test_jobs_run_independently() -> None:
    fast_calls, fast = _counting()
    slow_calls, slow = _counting()
    runner = JobRunner([PeriodicJob("fast", 0.01, fast), PeriodicJob("slow", 10, slow)], jitter=0)
    runner.start()
    try:
        await _until(lambda: len(fast_calls) >= 3)
        assert len(slow_calls) == 1  # ran once at start, then waits its own 10 s
    finally:
        await runner.stop()


async def test_a_raising_job_is_logged_and_keeps_running(
    caplog: pytest.LogCaptureFixture,
) -> None:
    attempts = 0

    async def flaky() -> None:
        nonlocal attempts
        attempts += 1
        raise RuntimeError(f"boom {attempts}")

    runner = JobRunner([PeriodicJob("flaky", 0.01, flaky)])
    with caplog.at_level(logging.ERROR, logger="portico.jobs"):
        runner.start()
        try:
            await _until(lambda: attempts >= 3)
            assert runner.running
        finally:
            await runner.stop()
    failures = [r for r in caplog.records if "job flaky failed" in r.getMessage()]
    assert len(failures) >= 3
    assert failures[0].exc_info is not None and "boom 1" in str(failures[0].exc_info[1])


async def test_stop_cancels_a_run_that_outlasts_the_grace_period() -> None:
    started = asyncio.Event()
    cleaned_up = False

    async def long_job() -> None:
        nonlocal cleaned_up
        started.set()
        try:
            await asyncio.sleep(3600)
        finally:
            cleaned_up = True

    runner = JobRunner([PeriodicJob("long", 1, long_job)], jitter=0)
    runner.start()
    await asyncio.wait_for(started.wait(), 1)
    tasks = list(runner._tasks)

    await asyncio.wait_for(runner.stop(grace_seconds=0.05), 1)

    assert cleaned_up
    assert all(task.cancelled() for task in tasks)
    assert not runner.running
    await runner.stop()  # stopping again is harmless
    runner.start()  # and a stopped runner can start again
    await runner.stop(grace_seconds=0)


async def test_stop_lets_a_run_in_progress_finish_within_the_grace_period() -> None:
    started = asyncio.Event()
    finished = False

    async def short_job() -> None:
        nonlocal finished
        started.set()
        await asyncio.sleep(0.1)  # e.g. marking a just-sent email as SENT
        finished = True

    runner = JobRunner([PeriodicJob("short", 3600, short_job)], jitter=0)
    runner.start()
    await asyncio.wait_for(started.wait(), 1)
    await asyncio.wait_for(runner.stop(grace_seconds=2), 1)
    assert finished


async def test_stop_does_not_wait_for_the_next_tick() -> None:
    calls, job = _counting()
    runner = JobRunner([PeriodicJob("hourly", 3600, job)], jitter=0)
    runner.start()
    await _until(lambda: len(calls) == 1)
    loop = asyncio.get_running_loop()
    began = loop.time()
    await runner.stop()
    assert loop.time() - began < 0.5


async def test_misuse_is_refused() -> None:
    _, job = _counting()
    with pytest.raises(ValueError):
        PeriodicJob("zero", 0, job)
    with pytest.raises(ValueError):
        JobRunner([PeriodicJob("same", 1, job), PeriodicJob("same", 2, job)])
    runner = JobRunner([PeriodicJob("once", 1, job)])
    runner.start()
    try:
        with pytest.raises(RuntimeError):
            runner.start()
    finally:
        await runner.stop()


def test_standard_jobs_deliver_the_outbox_only_when_smtp_is_configured(
    tmp_path: object,
) -> None:
    embedded = load_settings({"DATA_DIR": str(tmp_path)})
    # Notifications, storage alerts, quote and invoice reminders are composed into the outbox either way (the dev
    # mailbox shows them); quotes expire either way.
    storage_jobs = ["storage-alerts", "storage-reconcile", "quote-reminders", "quote-validity",
                    "quote-visits-and-codes", "reminder-steps"]
    assert [job.name for job in standard_jobs(embedded)] == ["notifications", "notification-history", *storage_jobs]

    scaled = load_settings({"DATA_DIR": str(tmp_path), "SMTP_URL": "smtp://mail.example:587"})
    [job, notifications, _, *others] = standard_jobs(scaled)
    assert job.name == "outbox-delivery" and job.interval_seconds == 5
    assert notifications.name == "notifications" and notifications.interval_seconds == 10
    assert [other.name for other in others] == storage_jobs
