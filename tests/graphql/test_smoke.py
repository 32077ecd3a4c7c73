from tests.conftest import Org


async def test_each_person_sees_their_own_viewer(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    me = await acme.member.client("{ me { kind member { id role } organization { name } } }")
    assert me["me"] == {"kind": "MEMBER", "member": {"id": acme.member.member_id, "role": "MEMBER"},
                        "organization": {"name": "Acme Sales"}}
    other = await globex.admin.client("{ me { organization { name } } }")
    assert other["me"]["organization"]["name"] == "Globex Partners"


async def test_page_size_is_checked(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    empty = await acme.admin.client("{ customers(first: 0) { edges { cursor } pageInfo { hasNextPage } } }")
    assert empty["customers"]["edges"] == []
    too_many = await acme.admin.client.raw("{ customers(first: 201) { edges { cursor } } }")
    assert too_many["errors"][0]["message"] == "`first` must be between 0 and 200."
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID_PAGE_SIZE"
