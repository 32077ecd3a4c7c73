"""A small periodic job runner: one asyncio task per job, for the app process or the `portico worker`.

Each job waits its interval after a run ends before the next starts (a slow run never overlaps itself), with a
little random jitter so that several workers started together do not hit the database in lockstep. A job that
raises is logged and runs again at its next tick; only `stop()` ends the loops. Stopping lets a run in progress
finish for a short grace period before cancelling it: an email accepted by the SMTP server should be marked sent,
not left to be sent again.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

logger = logging.getLogger("portico.jobs")


@dataclass(frozen=True)
class PeriodicJob:
    """`func` is awaited every `interval_seconds`; what it returns is ignored (logged at debug level)."""

    name: str
    interval_seconds: float
    func: Callable[[], Awaitable[object]]

    def __post_init__(self) -> None:
        if self.interval_seconds <= 0:
            raise ValueError(f"job {self.name!r}: interval_seconds must be positive")


class JobRunner:
    """Runs jobs until stopped: `runner.start()`, later `await runner.stop()`.

    `jitter` is the fraction of the interval by which each wait may randomly vary (0.1 → ±10 %); the first run
    of each job comes after a random delay within that fraction, not all at the same instant.
    """

    def __init__(self, jobs: Sequence[PeriodicJob], *, jitter: float = 0.1) -> None:
        names = [job.name for job in jobs]
        if len(set(names)) != len(names):
            raise ValueError(f"job names must be unique: {names}")
        self.jobs = list(jobs)
        self.jitter = jitter
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = asyncio.Event()

    @property
    def running(self) -> bool:
        return bool(self._tasks)

    def start(self) -> None:
        """Start one task per job on the running event loop."""
        if self._tasks:
            raise RuntimeError("JobRunner is already running")
        self._stopping = asyncio.Event()
        self._tasks = [asyncio.create_task(self._loop(job), name=f"job:{job.name}") for job in self.jobs]

    async def stop(self, *, grace_seconds: float = 5.0) -> None:
        """End every job loop: runs in progress get `grace_seconds` to finish, then are cancelled; waits for all."""
        tasks, self._tasks = self._tasks, []
        self._stopping.set()
        if tasks and grace_seconds > 0:
            await asyncio.wait(tasks, timeout=grace_seconds)
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for task, result in zip(tasks, results, strict=True):
            if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
                logger.error("job task %s ended with an error", task.get_name(), exc_info=result)

    async def _loop(self, job: PeriodicJob) -> None:
        if await self._stopped_within(random.uniform(0, job.interval_seconds * self.jitter)):
            return
        while True:
            try:
                result = await job.func()
                logger.debug("job %s ran: %r", job.name, result)
            except Exception:
                # Keep going: a sweep failing once (database restart, SMTP hiccup) must not end it for good.
                logger.exception("job %s failed; it runs again in about %s s", job.name, job.interval_seconds)
            if await self._stopped_within(self._delay(job.interval_seconds)):
                return

    async def _stopped_within(self, seconds: float) -> bool:
        """Sleep, waking early when stop() is called; True if stopping."""
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True

    def _delay(self, interval: float) -> float:
        return max(0.0, interval * (1 + random.uniform(-self.jitter, self.jitter)))
