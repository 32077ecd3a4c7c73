"""Reminder workflows, actions and reports through GraphQL (SQLite and PostgreSQL): ADMIN and MANAGER edit
workflows, a MEMBER does not; actions mine / everyone's; reports restricted per role; two organizations apart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from portico.receivables.models import Invoice
from portico.receivables.workflow_models import Action, ActionKind, ReminderStep
from tests.conftest import Org
from tests.graphql.helpers import ERRORS, assign, create_customer, gid, pk_of

SAVE = f"""mutation($input: SaveReminderWorkflowInput!) {{ saveReminderWorkflow(input: $input) {{
  reminderWorkflow {{ id name isDefault steps {{ id offsetDays kind copyAccountManager actionKind actionText
  actionDueDays templates {{ language subject body }} }} }} {ERRORS} }} }}"""
WORKFLOWS = "{ reminderWorkflows { id name isDefault steps { offsetDays kind } } }"
SET_REMINDERS = f"""mutation($input: SetCustomerRemindersInput!) {{ setCustomerReminders(input: $input) {{
  customer {{ id remindersPaused reminderWorkflow {{ name }} }} {ERRORS} }} }}"""
ACTIONS = """query($status: ActionStatus, $mine: Boolean) { actions(status: $status, mine: $mine) { totalCount
  edges { node { id kind text dueOn status note assignee { email } doneBy { email } customer { name } } } } }"""
COMPLETE = f"""mutation($input: CompleteActionInput!) {{ completeAction(input: $input) {{
  action {{ status note doneBy {{ email }} }} {ERRORS} }} }}"""
REASSIGN = f"""mutation($input: ReassignActionInput!) {{ reassignAction(input: $input) {{
  action {{ assignee {{ email }} }} {ERRORS} }} }}"""
AGING = """query($asOf: Date) { agingReport(asOf: $asOf) { accountManager { email } currency notDue days1To30
  days31To60 days61To90 over90 total invoiceCount } }"""
AGING_INVOICES = """query($m: ID, $b: AgingBucket, $asOf: Date) { agingInvoices(accountManagerId: $m, bucket: $b,
  asOf: $asOf) { totalCount edges { node { number openAmount daysOverdue opened customerName } } } }"""
ACTIONS_REPORT = """query($from: Date!, $to: Date!) { actionsReport(from: $from, to: $to) {
  accountManager { email } todo done } }"""
NODE = "query($id: ID!) { node(id: $id) { id } }"

STEPS: list[dict[str, Any]] = [
    {"offsetDays": -3, "kind": "EMAIL", "copyAccountManager": "BCC",
     "templates": [{"language": "da", "subject": "Snart forfald: {customer}", "body": "Hej {first_name}"}]},
    {"offsetDays": 7, "kind": "ACTION", "actionKind": "CALL", "actionDueDays": 2},
]


async def test_workflows_are_edited_by_admins_and_managers_only(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    saved = (await acme.manager.client(SAVE, {"input": {"name": "Standard", "steps": STEPS}}))["saveReminderWorkflow"]
    assert saved["errors"] == []
    workflow = saved["reminderWorkflow"]
    assert workflow["isDefault"] is True  # the organization's first
    assert [(s["offsetDays"], s["kind"]) for s in workflow["steps"]] == [(-3, "EMAIL"), (7, "ACTION")]
    assert workflow["steps"][0]["templates"] == [
        {"language": "da", "subject": "Snart forfald: {customer}", "body": "Hej {first_name}"}]

    # Changing a step keeps its id (what ran for it stays done); leaving one out deletes it.
    email_step = workflow["steps"][0]
    edited = (await acme.admin.client(SAVE, {"input": {"workflowId": workflow["id"], "name": "Standard", "steps": [
        {**STEPS[0], "id": email_step["id"], "offsetDays": -5}]}}))["saveReminderWorkflow"]
    assert [(s["id"], s["offsetDays"]) for s in edited["reminderWorkflow"]["steps"]] == [(email_step["id"], -5)]
    assert await ReminderStep.all().count() == 1

    denied = (await acme.member.client(SAVE, {"input": {"name": "Mine", "steps": []}}))
    assert denied["saveReminderWorkflow"]["errors"][0]["code"] == "NOT_ALLOWED" or denied.get("errors")
    other = await globex.admin.client(SAVE, {"input": {"workflowId": workflow["id"], "name": "X", "steps": []}})
    assert other["saveReminderWorkflow"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await globex.admin.client(NODE, {"id": workflow["id"]}))["node"] is None
    assert (await acme.member.client(NODE, {"id": workflow["id"]}))["node"] == {"id": workflow["id"]}

    bad = (await acme.admin.client(SAVE, {"input": {"name": " ", "steps": [
        {"offsetDays": 400, "kind": "EMAIL", "templates": [{"language": "en", "subject": "{sender}"}]},
        {"offsetDays": 1, "kind": "ACTION"},
    ]}}))["saveReminderWorkflow"]
    assert {(e["code"], e["field"]) for e in bad["errors"]} == {
        ("REQUIRED", "name"), ("OUT_OF_RANGE", "steps.0.offsetDays"),
        ("UNKNOWN_PLACEHOLDER", "steps.0.templates.en.subject"), ("REQUIRED", "steps.1.actionKind")}
    assert len((await globex.admin.client(WORKFLOWS))["reminderWorkflows"]) == 0


async def test_customer_workflow_and_pause(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    gentle = (await acme.admin.client(SAVE, {"input": {"name": "Gentle", "steps": []}}))["saveReminderWorkflow"]
    customer = await create_customer(acme.admin.client, "Fjord")
    await assign(acme.admin.client, [customer], [acme.member.member_id])
    set_ = (await acme.manager.client(SET_REMINDERS, {"input": {"customerId": customer,
                                                                 "workflowId": gentle["reminderWorkflow"]["id"]}}))
    assert set_["setCustomerReminders"]["customer"]["reminderWorkflow"] == {"name": "Gentle"}
    # The account manager pauses (a dispute) but may not change the workflow.
    paused = await acme.member.client(SET_REMINDERS, {"input": {"customerId": customer, "paused": True}})
    assert paused["setCustomerReminders"]["customer"]["remindersPaused"] is True
    refused = await acme.member.client(SET_REMINDERS, {"input": {"customerId": customer, "workflowId": None}})
    assert refused["setCustomerReminders"]["errors"][0]["code"] == "NOT_ALLOWED"
    for outsider in (acme.member2.client, globex.admin.client):
        denied = await outsider(SET_REMINDERS, {"input": {"customerId": customer, "paused": False}})
        assert denied["setCustomerReminders"]["errors"][0]["code"] == "NOT_FOUND"
    back = await acme.admin.client(SET_REMINDERS, {"input": {"customerId": customer, "workflowId": None}})
    assert back["setCustomerReminders"]["customer"]["reminderWorkflow"] is None


async def _world(acme: Org, globex: Org) -> dict[str, int]:
    from portico.accounts.models import Member

    customer = await create_customer(acme.admin.client, "Fjord")
    await assign(acme.admin.client, [customer], [acme.member.member_id])
    other = await create_customer(acme.admin.client, "Other")
    await assign(acme.admin.client, [other], [acme.member2.member_id])
    rita, bob = pk_of(acme.member.member_id), pk_of(acme.member2.member_id)
    org_id = (await Member.get(id=rita)).organization_id
    made = {}
    for key, cust, assignee, due in (("r1", customer, rita, date(2026, 12, 1)), ("r2", customer, rita,
                                     date(2026, 12, 2)), ("b1", other, bob, date(2026, 12, 5))):
        made[key] = (await Action.create(organization_id=org_id, customer_id=pk_of(cust), assignee_id=assignee,
                                         kind=ActionKind.CALL, text=f"Call {key}", due_on=due)).id
    for number, cust, due, amount in (("A1", customer, date(2026, 11, 20), "100.10"),
                                      ("A2", customer, date(2026, 8, 1), "0.20"),
                                      ("B1", other, date(2026, 11, 30), "5.00")):
        await Invoice.create(organization_id=org_id, customer_id=pk_of(cust), number=number, amount=Decimal(amount),
                             currency="EUR", issued_on=date(2026, 7, 1), due_on=due)
    return made


async def test_actions_tab_mine_everyones_complete_reassign(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    made = await _world(acme, globex)
    mine = (await acme.member.client(ACTIONS))["actions"]
    assert [e["node"]["text"] for e in mine["edges"]] == ["Call r1", "Call r2"]
    assert (await acme.manager.client(ACTIONS))["actions"]["totalCount"] == 3
    assert (await acme.manager.client(ACTIONS, {"mine": True}))["actions"]["totalCount"] == 0
    assert (await globex.admin.client(ACTIONS))["actions"]["totalCount"] == 0

    r1 = gid("Action", made["r1"])
    done = (await acme.member.client(COMPLETE, {"input": {"actionId": r1, "note": "Pays Friday"}}))["completeAction"]
    assert done["action"] == {"status": "DONE", "note": "Pays Friday", "doneBy": {"email": acme.member.email}}
    assert (await acme.member.client(ACTIONS, {"status": "TODO"}))["actions"]["totalCount"] == 1
    stolen = await acme.member2.client(COMPLETE, {"input": {"actionId": gid("Action", made["r2"])}})
    assert stolen["completeAction"]["errors"][0]["code"] == "NOT_FOUND"
    moved = await acme.manager.client(REASSIGN, {"input": {"actionId": gid("Action", made["b1"]),
                                                           "memberId": acme.member.member_id}})
    assert moved["reassignAction"]["action"]["assignee"]["email"] == acme.member.email
    foreign = await acme.manager.client(REASSIGN, {"input": {"actionId": gid("Action", made["r2"]),
                                                             "memberId": globex.member.member_id}})
    assert foreign["reassignAction"]["errors"][0]["code"] == "NOT_AN_ACCOUNT_MANAGER"


async def test_reports_per_role(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    await _world(acme, globex)
    as_of = {"asOf": "2026-12-03"}
    rows = (await acme.manager.client(AGING, as_of))["agingReport"]
    assert [(r["accountManager"]["email"], r["days1To30"], r["over90"], r["total"], r["invoiceCount"])
            for r in rows] == [(acme.admin.email, "105.100", "0.200", "105.300", 3),  # created them: theirs too
                               (acme.member.email, "100.100", "0.200", "100.300", 2),
                               (acme.member2.email, "5.000", "0.000", "5.000", 1)]
    mine = (await acme.member.client(AGING, as_of))["agingReport"]
    assert [r["accountManager"]["email"] for r in mine] == [acme.member.email]  # never another's row
    assert (await globex.admin.client(AGING, as_of))["agingReport"] == []

    drill = (await acme.member.client(AGING_INVOICES, {"m": acme.member.member_id, "b": "OVER_90", **as_of}))
    assert [(n["node"]["number"], n["node"]["daysOverdue"], n["node"]["opened"])
            for n in drill["agingInvoices"]["edges"]] == [("A2", 124, False)]
    peek = await acme.member.client(AGING_INVOICES, {"m": acme.member2.member_id, **as_of})
    assert peek["agingInvoices"]["totalCount"] == 0

    report = (await acme.admin.client(ACTIONS_REPORT, {"from": "2026-12-01", "to": "2026-12-31"}))["actionsReport"]
    assert [(r["accountManager"]["email"], r["todo"], r["done"]) for r in report] == [
        (acme.member.email, 2, 0), (acme.member2.email, 1, 0)]
    own = (await acme.member2.client(ACTIONS_REPORT, {"from": "2026-12-01", "to": "2026-12-31"}))["actionsReport"]
    assert [(r["accountManager"]["email"], r["todo"]) for r in own] == [(acme.member2.email, 1)]


async def test_reports_export_as_csv_through_the_policy(two_orgs: tuple[Org, Org]) -> None:
    import csv
    import io

    acme, globex = two_orgs
    await _world(acme, globex)

    async def rows(client: Any, path: str, **params: str) -> list[list[str]]:
        response = await client.http.get(path, params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    aging = await rows(acme.manager.client, "/receivables/aging.csv", asOf="2026-12-03")
    assert aging[0][:4] == ["Account manager", "Email", "Currency", "Not due"]
    assert [(r[1], r[4], r[7], r[8]) for r in aging[1:]] == [
        (acme.admin.email, "105.100", "0.200", "105.300"), (acme.member.email, "100.100", "0.200", "100.300"),
        (acme.member2.email, "5.000", "0.000", "5.000")]
    mine = await rows(acme.member.client, "/receivables/aging.csv", asOf="2026-12-03")
    assert [r[1] for r in mine[1:]] == [acme.member.email]
    assert await rows(globex.admin.client, "/receivables/aging.csv", asOf="2026-12-03") == [aging[0]]
    actions = await rows(acme.member2.client, "/receivables/actions-report.csv", **{"from": "2026-12-01",
                                                                                   "to": "2026-12-31"})
    assert actions[1:] == [["Bob Rep", acme.member2.email, "1", "0"]]
    bad = await acme.admin.client.http.get("/receivables/actions-report.csv", params={"from": "2026-13-01"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "INVALID_DATE"
    import httpx

    async with httpx.AsyncClient(transport=acme.admin.client.http._transport, base_url="http://testserver") as nobody:
        assert (await nobody.get("/receivables/aging.csv")).status_code == 401
