"""Actions (mine / everyone's, complete, reassign) and the reports (aging per account manager, actions to do vs
done) against hand-computed figures; a MEMBER never sees another's rows; two organizations apart."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from portico.actors import Actor, ActorKind, Scope
from portico.errors import DomainError
from portico.receivables.action_report import action_report
from portico.receivables.actions import complete_action, reassign_action, search_actions
from portico.receivables.aging import AgingBucket, aging_invoices, aging_report, bucket_of
from portico.receivables.models import InvoiceStatus
from portico.receivables.workflow_models import Action, ActionKind, ActionStatus
from tests.receivables.reminder_helpers import Vendor, make_customer, make_invoice, make_vendor

TODAY = date(2026, 12, 3)
B = AgingBucket


def as_member(vendor: Vendor, member: object) -> Actor:
    return Actor(kind=ActorKind.MEMBER, organization=vendor.organization, member=member)  # type: ignore[arg-type]


def test_buckets_by_days_overdue() -> None:
    cases = {0: B.NOT_DUE, -5: B.NOT_DUE, 1: B.DAYS_1_30, 30: B.DAYS_1_30, 31: B.DAYS_31_60, 60: B.DAYS_31_60,
             61: B.DAYS_61_90, 90: B.DAYS_61_90, 91: B.OVER_90, 400: B.OVER_90}
    for days_late, bucket in cases.items():
        assert bucket_of(date.fromordinal(TODAY.toordinal() - days_late), TODAY) is bucket, days_late


async def _aging_world() -> tuple[Vendor, Vendor]:
    acme = await make_vendor()
    fjord = await make_customer(acme, "Fjord", [acme.rita])
    shared = await make_customer(acme, "Shared", [acme.rita, acme.bob])
    orphan = await make_customer(acme, "Orphan", [])

    def ago(days: int) -> date:
        return date.fromordinal(TODAY.toordinal() - days)

    await make_invoice(fjord, "A1", ago(-10), "100.00")  # not due
    await make_invoice(fjord, "A2", ago(1), "200.10")  # 1-30
    await make_invoice(fjord, "A3", ago(30), "0.10", paid="0.05", status=InvoiceStatus.PARTIALLY_PAID)  # 1-30: 0.05
    await make_invoice(fjord, "A4", ago(45), "1000.00", "DKK", opened=True)  # 31-60, DKK
    await make_invoice(fjord, "A5", ago(75), "50.00")  # 61-90
    await make_invoice(fjord, "A6", ago(120), "0.20")  # over 90
    await make_invoice(fjord, "A7", ago(120), "999.00", status=InvoiceStatus.PAID, paid="999.00")  # not owed
    await make_invoice(fjord, "A8", ago(120), "999.00", status=InvoiceStatus.VOID)  # not owed
    await make_invoice(shared, "S1", ago(100), "0.10")  # over 90, counts for Rita and Bob
    await make_invoice(orphan, "O1", ago(5), "7.00")  # nobody's
    globex = await make_vendor("Globex")
    other = await make_customer(globex, "Globex customer", [globex.rita])
    await make_invoice(other, "G1", ago(5), "5000.00")
    return acme, globex


def figures(rows: list) -> dict:  # type: ignore[type-arg]
    return {(r.member_id, r.currency): ({b: str(r.amounts[b]) for b in B if r.amounts[b]}, r.invoices) for r in rows}


async def test_aging_per_account_manager_matches_hand_computed_figures(db: str) -> None:
    acme, globex = await _aging_world()
    manager = as_member(acme, acme.manager)
    rows = await aging_report(manager, today=TODAY)
    def d(x: str) -> str:
        return str(Decimal(x).quantize(Decimal("0.001")))
    assert figures(rows) == {
        (acme.rita.id, "EUR"): ({B.NOT_DUE: d("100"), B.DAYS_1_30: d("200.15"), B.DAYS_61_90: d("50"),
                                 B.OVER_90: d("0.30")}, 6),
        (acme.rita.id, "DKK"): ({B.DAYS_31_60: d("1000")}, 1),
        (acme.bob.id, "EUR"): ({B.OVER_90: d("0.10")}, 1),
        (None, "EUR"): ({B.DAYS_1_30: d("7")}, 1),
    }
    # 0.1 + 0.2 is exactly 0.3 (floats would say 0.30000000000000004); totals never mix currencies.
    rita_eur = next(r for r in rows if r.member_id == acme.rita.id and r.currency == "EUR")
    assert rita_eur.total == Decimal("350.45")
    assert figures(await aging_report(manager, today=TODAY, currency="DKK")) == {
        (acme.rita.id, "DKK"): ({B.DAYS_31_60: d("1000")}, 1)}
    # The other organization sees only its own.
    assert figures(await aging_report(as_member(globex, globex.admin), today=TODAY)) == {
        (globex.rita.id, "EUR"): ({B.DAYS_1_30: d("5000")}, 1)}


async def test_a_member_sees_only_their_own_rows_and_invoices(db: str) -> None:
    acme, globex = await _aging_world()
    rita = as_member(acme, acme.rita)
    assert {r.member_id for r in await aging_report(rita, today=TODAY)} == {acme.rita.id}
    assert await aging_report(rita, today=TODAY, member_id=acme.bob.id) == []
    assert await aging_report(as_member(acme, acme.bob), today=TODAY, member_id=acme.rita.id) == []
    # Drill-down with whether each was opened.
    dkk = await aging_invoices(rita, today=TODAY, member_id=acme.rita.id, bucket=B.DAYS_31_60)
    assert [(i.number, i.first_opened_at is not None) for i in dkk] == [("A4", True)]
    over = await aging_invoices(rita, today=TODAY, member_id=acme.rita.id, bucket=B.OVER_90)
    assert [i.number for i in over] == ["A6", "S1"]
    assert await aging_invoices(rita, today=TODAY, member_id=acme.bob.id) == []
    assert await aging_invoices(rita, today=TODAY, member_id=None) == []  # the unassigned row is for managers
    admin = as_member(acme, acme.admin)
    assert [i.number for i in await aging_invoices(admin, today=TODAY, member_id=None)] == ["O1"]
    assert await aging_invoices(as_member(globex, globex.admin), today=TODAY, member_id=acme.rita.id) == []
    # A contact or a key without INVOICES_READ gets nothing.
    key = Actor(kind=ActorKind.API_KEY, organization=acme.organization, scopes=frozenset({Scope.ORG_READ}))
    assert await aging_report(key, today=TODAY) == []
    reader = Actor(kind=ActorKind.API_KEY, organization=acme.organization,
                   scopes=frozenset({Scope.ORG_READ, Scope.INVOICES_READ}))
    assert len(await aging_report(reader, today=TODAY)) == 4


async def _actions_world() -> tuple[Vendor, Vendor, dict[str, Action]]:
    acme = await make_vendor()
    fjord = await make_customer(acme, "Fjord", [acme.rita])
    made = {}
    for key, assignee, due, status in (
        ("r1", acme.rita, date(2026, 12, 1), ActionStatus.TODO),
        ("r2", acme.rita, date(2026, 12, 2), ActionStatus.DONE),
        ("r3", acme.rita, date(2026, 12, 20), ActionStatus.TODO),
        ("b1", acme.bob, date(2026, 12, 5), ActionStatus.DONE),
        ("b2", acme.bob, date(2026, 11, 5), ActionStatus.TODO),  # before the period
        ("n1", None, date(2026, 12, 6), ActionStatus.TODO),
    ):
        made[key] = await Action.create(organization=acme.organization, customer=fjord, assignee=assignee,
                                        kind=ActionKind.CALL, text="Call", due_on=due, status=status)
    globex = await make_vendor("Globex")
    other = await make_customer(globex, "Other", [globex.rita])
    made["g1"] = await Action.create(organization=globex.organization, customer=other, assignee=globex.rita,
                                     kind=ActionKind.LETTER, due_on=date(2026, 12, 1))
    return acme, globex, made


async def test_actions_mine_everyones_complete_and_reassign(db: str) -> None:
    acme, globex, made = await _actions_world()
    rita, bob, manager = (as_member(acme, m) for m in (acme.rita, acme.bob, acme.manager))
    ids = lambda qs: sorted(a.id for a in qs)  # noqa: E731
    assert ids(await search_actions(rita)) == sorted(made[k].id for k in ("r1", "r2", "r3"))
    assert ids(await search_actions(rita, status=ActionStatus.TODO)) == sorted(made[k].id for k in ("r1", "r3"))
    assert len(await search_actions(manager)) == 6  # everyone's, the other organization's not
    assert ids(await search_actions(manager, mine=True)) == []

    done = await complete_action(rita, made["r1"].id, "  Promised to pay Friday ",
                                 now=datetime(2026, 12, 3, 10, tzinfo=UTC))
    assert (done.status, done.note, done.done_by_id) == (ActionStatus.DONE, "Promised to pay Friday", acme.rita.id)
    with pytest.raises(DomainError) as twice:
        await complete_action(rita, made["r1"].id)
    assert twice.value.problems[0].code == "ALREADY_DONE"
    for denied in ((bob, made["r3"].id), (rita, made["b2"].id), (as_member(globex, globex.admin), made["r3"].id)):
        with pytest.raises(DomainError) as missing:
            await complete_action(*denied)
        assert missing.value.problems[0].code == "NOT_FOUND"

    moved = await reassign_action(rita, made["r3"].id, acme.bob.id)  # her own, to a colleague
    assert moved.assignee_id == acme.bob.id
    assert made["r3"].id in {a.id for a in await search_actions(bob)}
    await reassign_action(manager, made["n1"].id, acme.rita.id)  # a manager assigns the unassigned one
    with pytest.raises(DomainError) as foreign:
        await reassign_action(manager, made["b1"].id, globex.rita.id)
    assert foreign.value.problems[0].code in ("ALREADY_DONE", "NOT_AN_ACCOUNT_MANAGER")
    with pytest.raises(DomainError) as outsider:
        await reassign_action(manager, made["b2"].id, globex.rita.id)
    assert outsider.value.problems[0].code == "NOT_AN_ACCOUNT_MANAGER"


async def test_actions_report_counts_to_do_and_done_per_account_manager(db: str) -> None:
    acme, globex, _ = await _actions_world()
    manager = as_member(acme, acme.manager)
    rows = await action_report(manager, start=date(2026, 12, 1), end=date(2026, 12, 31))
    assert [(r.member_id, r.todo, r.done) for r in rows] == [
        (acme.rita.id, 2, 1), (acme.bob.id, 0, 1), (None, 1, 0)]
    mine = await action_report(as_member(acme, acme.rita), start=date(2026, 12, 1), end=date(2026, 12, 2))
    assert [(r.member_id, r.todo, r.done) for r in mine] == [(acme.rita.id, 1, 1)]
    assert [(r.todo, r.done) for r in await action_report(as_member(globex, globex.admin), start=date(2026, 12, 1),
                                                           end=date(2026, 12, 31))] == [(1, 0)]
    with pytest.raises(DomainError):
        await action_report(manager, start=date(2026, 12, 31), end=date(2026, 12, 1))
