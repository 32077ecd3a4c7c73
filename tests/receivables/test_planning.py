"""Which reminder steps are due when (pure planning, no database)."""

from __future__ import annotations

from datetime import date

from portico.receivables.planning import PlannedStep, StepKind, latest_due_on, plan, step_day

DUE = date(2026, 12, 10)
BEFORE = PlannedStep(1, -3, StepKind.EMAIL)
DAY_1 = PlannedStep(2, 1, StepKind.EMAIL)
CALL = PlannedStep(3, 7, StepKind.ACTION)
DAY_15 = PlannedStep(4, 15, StepKind.EMAIL)
LETTER = PlannedStep(5, 30, StepKind.ACTION)
STEPS = (BEFORE, DAY_1, CALL, DAY_15, LETTER)


def ids(steps: tuple[PlannedStep, ...]) -> list[int]:
    return sorted(s.id for s in steps)


def test_a_step_is_due_from_its_day_on_and_not_before() -> None:
    assert step_day(DUE, -3) == date(2026, 12, 7)
    assert plan(DUE, STEPS, date(2026, 12, 6)).empty
    assert plan(DUE, STEPS, date(2026, 12, 7)).run == (BEFORE,)
    assert plan(DUE, STEPS, date(2026, 12, 9)).run == (BEFORE,)  # the sweep missed a day: still due
    assert plan(DUE, STEPS, date(2026, 12, 11), done={1}).run == (DAY_1,)


def test_a_step_that_ran_never_runs_again() -> None:
    assert plan(DUE, STEPS, date(2026, 12, 7), done={1}).empty
    assert plan(DUE, STEPS, date(2026, 12, 17), done={1, 2}).run == (CALL,)
    assert plan(DUE, STEPS, date(2027, 3, 1), done={1, 2, 3, 4, 5}).empty


def test_catching_up_runs_only_the_latest_step_of_each_kind_and_skips_the_older_ones() -> None:
    # Imported 20 days late: the +15 email (not -3 and +1 too) and the +7 call.
    late = plan(DUE, STEPS, date(2026, 12, 30))
    assert ids(late.run) == [3, 4]
    assert ids(late.skip) == [1, 2]
    # Paused for two months, then resumed: the newest email and the newest action only.
    resumed = plan(DUE, STEPS, date(2027, 2, 10), done={1})
    assert ids(resumed.run) == [4, 5]
    assert ids(resumed.skip) == [2, 3]


def test_the_due_date_bound_of_a_step_is_one_constant_per_day() -> None:
    today = date(2026, 12, 17)
    for step in STEPS:
        bound = latest_due_on(today, step.offset_days)
        # An invoice due on the bound has the step due today; one due a day later does not yet.
        assert step.id in {s.id for s in plan(bound, [step], today).run}
        assert plan(date.fromordinal(bound.toordinal() + 1), [step], today).empty


def test_steps_on_the_same_day_run_in_a_stable_order() -> None:
    twin = PlannedStep(9, 15, StepKind.EMAIL)
    result = plan(DUE, [DAY_15, twin], date(2026, 12, 26))
    assert result.run == (twin,) and result.skip == (DAY_15,)
