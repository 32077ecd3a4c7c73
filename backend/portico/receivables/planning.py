"""Which reminder steps are due for an invoice on a given day: pure functions, no database.

A step's day is the invoice's due date plus the step's offset (−3: three days before it is due; +7: a week late).
A step is due on its day or later, until it has run for the invoice (an `InvoiceStepRun` row, one per invoice and
step, makes "exactly once" hold).

Catching up: when several steps of one kind are due at once (the sweep did not run for a while, the invoice was
imported late, a pause was lifted), only the latest of that kind runs and the older ones are recorded as skipped.
A customer who is two weeks late gets the two-week reminder, not the "due in 3 days", "1 day late" and "a week
late" emails in one morning; the account manager gets the newest task, not a pile of stale ones.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class StepKind(StrEnum):
    EMAIL = "EMAIL"
    ACTION = "ACTION"


@dataclass(frozen=True)
class PlannedStep:
    id: int
    offset_days: int
    kind: StepKind


@dataclass(frozen=True)
class Plan:
    run: tuple[PlannedStep, ...]
    skip: tuple[PlannedStep, ...]

    @property
    def empty(self) -> bool:
        return not self.run and not self.skip


NOTHING = Plan((), ())
# Steps further from the due date than this are surely a typo (services refuse them).
MAX_OFFSET_DAYS = 365


def step_day(due_on: date, offset_days: int) -> date:
    return due_on + timedelta(days=offset_days)


def latest_due_on(today: date, offset_days: int) -> date:
    """The latest due date for which a step with this offset is due `today`: invoices due on or before it.
    (What the sweep's query filters on: one constant per step, the same SQL on SQLite and PostgreSQL.)"""
    return today - timedelta(days=offset_days)


def plan(due_on: date, steps: Iterable[PlannedStep], today: date, done: Collection[int] = ()) -> Plan:
    """The steps to run today for an invoice due on `due_on`, and the older ones of the same kind to skip.
    `done` holds the ids of the steps already run or skipped for it."""
    pending = [s for s in steps if s.id not in done and step_day(due_on, s.offset_days) <= today]
    run: list[PlannedStep] = []
    skip: list[PlannedStep] = []
    for kind in StepKind:
        of_kind = sorted((s for s in pending if s.kind is kind), key=lambda s: (s.offset_days, s.id))
        if of_kind:
            run.append(of_kind[-1])
            skip.extend(of_kind[:-1])
    return Plan(tuple(run), tuple(skip))
