"""Bulk account-manager assignment from a selection (issue 11, point 1): mode ADD, REMOVE or REPLACE, only members
flagged as account managers, only customers the caller sees, by ADMIN and MANAGER."""

from __future__ import annotations

from portico.accounts.models import Member
from portico.customers.models import Customer
from tests.conftest import Org
from tests.graphql.helpers import create_customer, pk_of

BULK = """mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) {
  customers { id accountManagers { id } } errors { code field message } } }"""


async def _managers(customer_id: str) -> set[int]:
    customer = await Customer.get(id=pk_of(customer_id))
    return set(await customer.account_managers.all().values_list("id", flat=True))  # type: ignore[arg-type]


async def test_add_remove_replace_a_selection(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    manager = acme.manager.client
    selection = [await create_customer(acme.admin.client, name) for name in ("A Co", "B Co", "C Co")]
    admin_id, rep, rep2 = (pk_of(p.member_id) for p in (acme.admin, acme.member, acme.member2))

    async def bulk(member_ids: list[str], mode: str, customers: list[str] = selection) -> list[tuple[str, str]]:
        data = await manager(BULK, {"input": {"customerIds": customers, "memberIds": member_ids, "mode": mode}})
        return [(e["code"], e["field"]) for e in data["assignAccountManagers"]["errors"]]

    assert await bulk([acme.member.member_id, acme.member2.member_id], "ADD") == []
    assert [await _managers(c) for c in selection] == [{admin_id, rep, rep2}] * 3
    assert await bulk([acme.admin.member_id], "REMOVE", selection[:2]) == []
    assert [await _managers(c) for c in selection] == [{rep, rep2}, {rep, rep2}, {admin_id, rep, rep2}]
    assert await bulk([acme.member2.member_id], "REPLACE") == []
    assert [await _managers(c) for c in selection] == [{rep2}] * 3

    # a member not flagged as account manager is refused (and nothing changes); removing them is fine
    await Member.filter(id=rep).update(is_account_manager=False)
    assert await bulk([acme.member.member_id], "REPLACE") == [("NOT_AN_ACCOUNT_MANAGER", "memberIds")]
    assert [await _managers(c) for c in selection] == [{rep2}] * 3
    assert await bulk([acme.member.member_id], "REMOVE") == []
    # another organization's customer is not found; a MEMBER may not
    other = await create_customer(globex.admin.client, "Globex Co")
    assert await bulk([acme.member2.member_id], "REPLACE", [selection[0], other]) == [("NOT_FOUND", "customerIds")]
    denied = await acme.member2.client(BULK, {"input": {"customerIds": selection, "mode": "REPLACE",
                                                        "memberIds": [acme.member2.member_id]}})
    assert [e["code"] for e in denied["assignAccountManagers"]["errors"]] == ["NOT_ALLOWED"]


DRY_RUN = """mutation($input: AccountManagersInput!) { assignAccountManagers(input: $input) {
  customers { id } removedAssignments errors { code field message } } }"""


async def test_dry_run_counts_what_replace_removes_and_writes_nothing(two_orgs: tuple[Org, Org]) -> None:
    """The bulk dialog confirms a REPLACE with the number of current assignments it removes: the dry run counts
    them with the same checks as the write, and the write then removes exactly that many."""
    acme, globex = two_orgs
    manager = acme.manager.client
    selection = [await create_customer(acme.admin.client, name) for name in ("A Co", "B Co")]
    admin_id, rep, rep2 = (pk_of(p.member_id) for p in (acme.admin, acme.member, acme.member2))
    # A Co: admin (its creator), rep and rep2; B Co: admin only
    await manager(BULK, {"input": {"customerIds": selection[:1], "memberIds": [acme.member.member_id,
                                                                             acme.member2.member_id]}})
    before = [await _managers(c) for c in selection]
    assert before == [{admin_id, rep, rep2}, {admin_id}]

    async def dry(member_ids: list[str], mode: str, customers: list[str] = selection,
                  client: object = manager) -> tuple[int | None, list[str]]:
        data = (await client(DRY_RUN, {"input": {"customerIds": customers, "memberIds": member_ids,  # type: ignore[operator]
                                                 "mode": mode, "dryRun": True}}))["assignAccountManagers"]
        assert data["customers"] == []
        return data["removedAssignments"], [e["code"] for e in data["errors"]]

    # REPLACE with rep: admin twice and rep2 once go (rep stays on A Co)
    assert await dry([acme.member.member_id], "REPLACE") == (3, [])
    assert await dry([acme.member.member_id, acme.admin.member_id], "REPLACE") == (1, [])
    assert await dry([acme.member.member_id], "REMOVE") == (1, [])
    assert await dry([acme.member.member_id], "ADD") == (0, [])
    assert [await _managers(c) for c in selection] == before  # nothing written
    # the same refusals as the write: not flagged, another organization's customer, a MEMBER
    await Member.filter(id=rep2).update(is_account_manager=False)
    assert await dry([acme.member2.member_id], "REPLACE") == (None, ["NOT_AN_ACCOUNT_MANAGER"])
    assert await dry([acme.member2.member_id], "REMOVE") == (1, [])
    other = await create_customer(globex.admin.client, "Globex Co")
    assert await dry([acme.member.member_id], "REPLACE", [selection[0], other]) == (None, ["NOT_FOUND"])
    assert await dry([acme.member.member_id], "REPLACE", client=acme.member.client) == (None, ["NOT_ALLOWED"])

    # the write removes what the dry run counted, and keeps the kept pair
    data = await manager(BULK, {"input": {"customerIds": selection, "memberIds": [acme.member.member_id],
                                          "mode": "REPLACE"}})
    assert data["assignAccountManagers"]["errors"] == []
    assert [await _managers(c) for c in selection] == [{rep}, {rep}]
