"""Storage plans, exact usage and usage alerts (issue 9, point 7), on SQLite and PostgreSQL.

Quota = plan (STANDARD 1 GiB, PLUS 5 GiB) + extra storage; ADMINs set both. Usage is a kept counter that must equal
a recount of the tables after any mix of concurrent uploads and deletes. Administrators are emailed once when usage
reaches 80 %, once when the storage is full, and again only after usage fell below.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from portico.accounts.models import Organization, StorageAccount
from portico.hubs import quota, storage_alerts
from portico.hubs.models import Upload
from portico.hubs.sweeps import sweep_unused_uploads
from portico.mail.models import OutboxEmail
from portico.mail.sender import SmtpSender, deliver_due
from tests.conftest import Org
from tests.hubs.helpers import leave_free, upload
from tests.mail.smtp_testserver import RecordingHandler, SmtpServer, start_server

GIB = 1024**3
STORAGE = "{ organization { storageQuotaBytes storageUsedBytes storage { plan extraBytes quotaBytes usedBytes "\
    "plans { plan quotaBytes } } } }"
SET_PLAN = """mutation($input: SetStoragePlanInput!) { setStoragePlan(input: $input) {
  storage { plan extraBytes quotaBytes usedBytes } errors { code field message } } }"""


def _text(n: int, fill: bytes = b"a") -> bytes:
    return (fill * 63 + b"\n") * (n // 64) + fill * (n % 64)


async def _alerts(to: str | None = None) -> list[OutboxEmail]:
    qs = OutboxEmail.filter(kind="storage_alert")
    return list(await (qs.filter(to_address=to) if to else qs).order_by("id"))


# --- plans ------------------------------------------------------------------------------------------------------


async def test_admin_sets_plan_and_extra_storage_and_quota_is_their_sum(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    # given a new organization: the default quota (5 GiB) is the PLUS plan
    shown = await acme.admin.client(STORAGE)
    storage = shown["organization"]["storage"]
    assert storage["plan"] == "PLUS" and storage["extraBytes"] == 0 and storage["quotaBytes"] == 5 * GIB
    assert {p["plan"]: p["quotaBytes"] for p in storage["plans"]} == {"STANDARD": GIB, "PLUS": 5 * GIB}

    # when the admin picks STANDARD with 3 GB bought on top
    done = await acme.admin.client(SET_PLAN, {"input": {"plan": "STANDARD", "extraGigabytes": 3}})

    # then the quota is 4 GiB, everywhere it is shown
    assert done["setStoragePlan"]["errors"] == []
    assert done["setStoragePlan"]["storage"] == {"plan": "STANDARD", "extraBytes": 3 * GIB, "quotaBytes": 4 * GIB,
                                                 "usedBytes": 0}
    shown = await acme.member.client(STORAGE)
    assert shown["organization"]["storageQuotaBytes"] == 4 * GIB
    assert shown["organization"]["storage"]["quotaBytes"] == 4 * GIB
    # and the other organization is untouched
    assert (await globex.admin.client(STORAGE))["organization"]["storage"]["quotaBytes"] == 5 * GIB


@pytest.mark.parametrize("who", ["manager", "member"])
async def test_only_an_admin_changes_the_plan(two_orgs: tuple[Org, Org], who: str) -> None:
    acme, _ = two_orgs
    done = await getattr(acme, who).client(SET_PLAN, {"input": {"plan": "STANDARD", "extraGigabytes": 0}})
    assert [e["code"] for e in done["setStoragePlan"]["errors"]] == ["NOT_ALLOWED"]
    assert (await acme.admin.client(STORAGE))["organization"]["storage"]["plan"] == "PLUS"


async def test_an_api_key_cannot_change_the_plan(two_orgs: tuple[Org, Org], client_factory: Any) -> None:
    acme, _ = two_orgs
    created = await acme.admin.client(
        "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }",
        {"input": {"name": "all", "scopes": ["ORG_READ", "CUSTOMERS_WRITE", "SHARES_WRITE"]}},
    )
    key = client_factory({"authorization": f"Bearer {created['createApiKey']['secret']}"})
    done = await key(SET_PLAN, {"input": {"plan": "STANDARD", "extraGigabytes": 0}})
    assert done["setStoragePlan"]["errors"][0]["code"] == "NOT_ALLOWED"


@pytest.mark.parametrize("extra", [-1, 10_001])
async def test_extra_storage_is_validated(two_orgs: tuple[Org, Org], extra: int) -> None:
    acme, _ = two_orgs
    done = await acme.admin.client(SET_PLAN, {"input": {"plan": "PLUS", "extraGigabytes": extra}})
    assert done["setStoragePlan"]["errors"] == [{
        "code": "INVALID_EXTRA_STORAGE", "field": "extraGigabytes", "message": "Extra storage is 0 to 10000 GB."}]


async def test_not_signed_in_cannot_change_the_plan(two_orgs: tuple[Org, Org], client_factory: Any) -> None:
    body = await client_factory().raw(SET_PLAN, {"input": {"plan": "STANDARD", "extraGigabytes": 0}})
    assert body["data"] is None and body["errors"]


# --- exact usage --------------------------------------------------------------------------------------------------


async def test_usage_is_exact_under_concurrent_uploads_and_deletes(two_orgs: tuple[Org, Org], app: Any) -> None:
    """Twelve uploads by four people while the sweep deletes six older unused uploads: the counter equals the
    recount, and the deleted bytes are free again."""
    acme, _ = two_orgs
    org_id = (await Organization.get(name="Acme Sales")).id
    people = [acme.admin.client, acme.manager.client, acme.member.client, acme.member2.client]
    old = [await upload(people[n % 4], _text(3000 + n), f"old{n}.txt") for n in range(6)]
    assert all(r.status_code == 201 for r in old)
    await Upload.filter(organization_id=org_id).update(created_at=datetime(2020, 1, 1, tzinfo=UTC))
    before = await quota.storage_used_bytes(org_id)
    assert before == sum(3000 + n for n in range(6))

    services = app.state.services
    responses, swept = await asyncio.gather(
        asyncio.gather(*(upload(people[n % 4], _text(1000 + n), f"new{n}.txt") for n in range(12))),
        sweep_unused_uploads(services.storage),
    )

    assert [r.status_code for r in responses] == [201] * 12
    assert swept == 6
    used = await quota.storage_used_bytes(org_id)
    assert used == await quota.recount_storage_bytes(org_id) == sum(1000 + n for n in range(12))
    assert await quota.reconcile(org_id) == (used, used)  # nothing to correct


async def test_reconcile_corrects_a_counter_that_drifted(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    assert (await upload(acme.member.client, _text(5000))).status_code == 201
    acme_id = (await Organization.get(name="Acme Sales")).id
    await StorageAccount.filter(organization_id=acme_id).update(used_bytes=123)
    assert await quota.reconcile_all() == 1
    assert await quota.storage_used_bytes(acme_id) == 5000


async def test_an_organization_without_an_account_gets_one_from_its_quota(two_orgs: tuple[Org, Org]) -> None:
    """Organizations from before storage accounts: plan from the quota they had, usage recounted."""
    acme, _ = two_orgs
    assert (await upload(acme.member.client, _text(4096))).status_code == 201
    org = await Organization.get(name="Acme Sales")
    await StorageAccount.filter(organization_id=org.id).delete()
    await Organization.filter(id=org.id).update(storage_quota_bytes=GIB + 7)
    account = await quota.storage_account(org.id)
    assert (account.plan, account.extra_bytes, account.used_bytes) == ("STANDARD", 7, 4096)


async def test_a_refused_upload_says_storage_is_full_and_keeps_nothing(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    await leave_free("Acme Sales", 1000)
    rows = await Upload.all().count()
    response = await upload(acme.member.client, _text(2000))
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "QUOTA_EXCEEDED" and error["message"].startswith("Storage is full")
    assert await Upload.all().count() == rows


# --- alerts -------------------------------------------------------------------------------------------------------


@pytest.fixture
def smtp() -> Any:
    controller, server = start_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


async def test_admins_are_emailed_once_at_80_and_once_when_full(two_orgs: tuple[Org, Org], smtp: SmtpServer) -> None:
    acme, globex = two_orgs
    org_id = (await Organization.get(name="Acme Sales")).id
    account = await quota.storage_account(org_id)
    quota_size = quota.quota_bytes(account)
    start = quota_size * 80 // 100 - 1500
    await StorageAccount.filter(organization_id=org_id).update(used_bytes=start)

    # below 80 %: nothing
    assert (await upload(acme.member.client, _text(1000))).status_code == 201
    assert await _alerts() == []
    # the upload that crosses 80 % emails the admin, in the organization's name; the next ones do not
    assert (await upload(acme.member.client, _text(1000))).status_code == 201
    assert (await upload(acme.manager.client, _text(1000))).status_code == 201
    alerts = await _alerts()
    assert [(a.to_address, a.subject) for a in alerts] == [
        (acme.admin.email, "Acme Sales has used 80 % of its storage")]
    assert "/admin/storage" in alerts[0].text

    # full: an upload that does not fit is refused, and the admin hears once that the storage is full
    await StorageAccount.filter(organization_id=org_id).update(used_bytes=quota_size - 500)
    for _ in range(3):
        response = await upload(acme.member.client, _text(1000))
        assert response.status_code == 413 and response.json()["error"]["code"] == "QUOTA_EXCEEDED"
    assert [a.subject for a in await _alerts()] == [
        "Acme Sales has used 80 % of its storage", "The storage of Acme Sales is full"]

    # delivered through a real SMTP server, to the admin only (not to managers, reps or the other organization)
    sender = SmtpSender(smtp.url, "Portico <no-reply@portico.example>", timeout=5)
    assert await deliver_due(sender) == 2
    assert sorted(r.rcpt_tos[0] for r in smtp.handler.received) == [acme.admin.email] * 2
    full = smtp.handler.received[1].message
    assert full["Subject"] == "The storage of Acme Sales is full"
    text = full.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "can no longer upload files" in text and "http://testserver/admin/storage" in text

    # re-armed: more storage brings usage below 80 %, and filling up again emails again
    more = await acme.admin.client(SET_PLAN, {"input": {"plan": "PLUS", "extraGigabytes": 5}})
    assert more["setStoragePlan"]["errors"] == []
    assert len(await _alerts()) == 2
    back = await acme.admin.client(SET_PLAN, {"input": {"plan": account.plan.value, "extraGigabytes": 0}})
    assert back["setStoragePlan"]["errors"] == []
    assert [a.subject for a in await _alerts()][2:] == ["Acme Sales has used 99 % of its storage"]
    assert await _alerts(globex.admin.email) == []


async def test_an_alert_is_emailed_once_when_two_processes_send_at_once(two_orgs: tuple[Org, Org]) -> None:
    """The job and the upload route (or two workers) both find the alert due: one email per admin."""
    acme, _ = two_orgs
    org_id = (await Organization.get(name="Acme Sales")).id
    await quota.storage_account(org_id)
    await StorageAccount.filter(organization_id=org_id).update(alert_level=80)
    sent = await asyncio.gather(*(storage_alerts.send_due("http://testserver") for _ in range(4)))
    assert sum(sent) == 1
    assert len(await _alerts()) == 1


async def test_deleting_frees_space_and_re_arms_the_alert(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    org_id = (await Organization.get(name="Acme Sales")).id
    quota_size = await leave_free("Acme Sales", 5000)
    assert (await upload(acme.member.client, _text(4000))).status_code == 201
    account = await quota.storage_account(org_id)
    assert account.alert_level == 80 and account.alerted_level == 80
    # when stored bytes are deleted (in their own transaction, as a delete of documents does)
    async with in_transaction() as connection:
        await quota.release(org_id, quota_size // 2, connection)
    # then the space is free and the 80 % alert armed again
    account = await quota.storage_account(org_id)
    assert account.used_bytes == quota_size - 1000 - quota_size // 2
    assert (account.alert_level, account.alerted_level) == (0, 0)
    assert (await upload(acme.member.client, _text(4000))).status_code == 201
