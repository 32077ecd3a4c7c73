"""The organization's archiving period for quotes through GraphQL (updateOrganization.archiveQuotesAfterDays):
administrators set it, within bounds, 0 switches it off; others are refused; contacts never see it."""

from __future__ import annotations

from tests.conftest import Org

SET = """mutation($days: Int!) { updateOrganization(input: {archiveQuotesAfterDays: $days}) {
  organization { archiveQuotesAfterDays } errors { code field } } }"""
READ = "{ organization { archiveQuotesAfterDays } }"


async def test_the_admin_sets_the_archiving_period_within_bounds(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    admin = acme.admin.client
    assert (await admin(READ))["organization"] == {"archiveQuotesAfterDays": None}
    done = await admin(SET, {"days": 90})
    assert done["updateOrganization"] == {"organization": {"archiveQuotesAfterDays": 90}, "errors": []}
    for wrong in (-1, 3651):
        refused = await admin(SET, {"days": wrong})
        assert refused["updateOrganization"]["errors"] == [{"code": "OUT_OF_RANGE", "field": "archiveQuotesAfterDays"}]
    assert (await admin(READ))["organization"] == {"archiveQuotesAfterDays": 90}  # nothing half-written
    for not_admin in (acme.manager, acme.member):
        denied = await not_admin.client(SET, {"days": 1})
        assert [e["code"] for e in denied["updateOrganization"]["errors"]] == ["NOT_ALLOWED"]
    assert (await globex.admin.client(READ))["organization"] == {"archiveQuotesAfterDays": None}
    off = await admin(SET, {"days": 0})
    assert off["updateOrganization"] == {"organization": {"archiveQuotesAfterDays": None}, "errors": []}
