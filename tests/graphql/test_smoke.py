from tests.conftest import Org


async def test_each_person_sees_their_own_viewer(two_orgs: tuple[Org, Org]) -> None:
    acme, globex = two_orgs
    me = await acme.member.client("{ me { kind member { id role } organization { name } } }")
    assert me["me"] == {"kind": "MEMBER", "member": {"id": acme.member.member_id, "role": "MEMBER"},
                        "organization": {"name": "Acme Sales"}}
    other = await globex.admin.client("{ me { organization { name } } }")
    assert other["me"]["organization"]["name"] == "Globex Partners"
