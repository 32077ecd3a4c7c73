"""Seed 000, the share flow: one hub per customer, one folder per rep per day, one email per recipient."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.hubs.helpers import (
    GERMAN_FIXED_TEXTS,
    PREVIEW,
    SHARE,
    World,
    counts,
    folder_documents,
    hub_link_in,
    outbox_for,
    person,
    share,
    share_errors,
    share_input,
    upload_ok,
)


async def test_share_two_publications_and_an_upload_lands_in_one_dated_folder(world: World) -> None:
    rep = world.acme.member.client
    pubs = world.publications
    csv = b"quantity;price\n10;99\n20;180\n"
    extra = await upload_ok(rep, csv, "offer.csv")
    payload = await share(
        rep, world.customer_x, [person("Mette", "Larsen", "Mette@Fjord.example")],
        [pubs["Price list 2027"], pubs["Installation guide"]], [extra],
    )
    sent = payload["share"]
    assert sent["sender"]["id"] == world.acme.member.member_id
    assert [r["email"] for r in sent["recipients"]] == ["mette@fjord.example"]
    assert sorted(d["name"] for d in sent["documents"]) == ["Installation guide", "Price list 2027", "offer.csv"]
    csv_doc = next(d for d in sent["documents"] if d["name"] == "offer.csv")
    assert csv_doc["contentType"] == "text/csv" and csv_doc["sizeBytes"] == len(csv)
    folders = payload["hub"]["folders"]
    assert len(folders) == 1
    today = date.today().isoformat()
    assert folders[0]["name"] == f"{folders[0]['date']} · Rita Rep"
    assert abs(date.fromisoformat(folders[0]["date"]) - date.fromisoformat(today)) <= timedelta(days=1)
    assert folders[0]["sender"]["id"] == world.acme.member.member_id
    assert len(folder_documents(folders[0])) == 3

    # The new contact exists, belongs to the customer, and got exactly one email with a personal link.
    emails = await outbox_for("mette@fjord.example")
    assert len(emails) == 1
    assert emails[0].organization_id is not None
    link = hub_link_in(emails[0].text)
    assert "Price list 2027" in emails[0].text and "offer.csv" in emails[0].text
    assert link in emails[0].html


async def test_same_day_same_rep_reuses_folder_other_rep_gets_own_folder_in_same_hub(world: World) -> None:
    a, b = world.acme.member.client, world.acme.member2.client
    pubs = world.publications
    first = await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                        [pubs["Price list 2027"]])
    second = await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                         [pubs["Installation guide"]])
    assert first["hub"]["id"] == second["hub"]["id"]
    assert len(second["hub"]["folders"]) == 1
    assert len(folder_documents(second["hub"]["folders"][0])) == 2
    assert first["share"]["id"] != second["share"]["id"]
    # Reusing the email did not create a second contact.
    assert first["share"]["recipients"][0]["id"] == second["share"]["recipients"][0]["id"]

    by_b = await share(b, world.customer_x, [person("Erik", "Lund", "erik@fjord.example")],
                       [pubs["Trailmaster 300 sheet"]])
    assert by_b["hub"]["id"] == first["hub"]["id"]
    # As ADMIN, the hub has two folders now: A's and B's.
    hub = await world.acme.admin.client(
        "query($id: ID!) { hub(id: $id) { folders { name sender { id } documents { edges { node { name } } } } } }",
        {"id": first["hub"]["id"]},
    )
    folders = hub["hub"]["folders"]
    assert len(folders) == 2
    by_sender = {f["sender"]["id"]: f for f in folders}
    assert {d["name"] for d in folder_documents(by_sender[world.acme.member.member_id])} == {
        "Price list 2027", "Installation guide"}
    assert [d["name"] for d in folder_documents(by_sender[world.acme.member2.member_id])] == ["Trailmaster 300 sheet"]
    assert by_sender[world.acme.member2.member_id]["name"].endswith("· Bob Rep")
    # Another customer gets another hub.
    other = await share(a, world.customer_y, [person("Sara", "Nilsson", "sara@svea.example")],
                        [pubs["Price list 2027"]])
    assert other["hub"]["id"] != first["hub"]["id"]


async def test_share_on_a_later_day_gets_a_new_folder_in_the_same_hub(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = world.acme.member.client
    pubs = world.publications
    from portico.notifications import clock

    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 3, 1, 12, 0, tzinfo=UTC))
    first = await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                        [pubs["Price list 2027"]])
    assert first["hub"]["folders"][0]["date"] == "2027-03-01"
    assert first["hub"]["folders"][0]["name"] == "2027-03-01 · Rita Rep"
    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 3, 6, 12, 0, tzinfo=UTC))  # day X + 5
    later = await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                        [pubs["Installation guide"]])
    assert later["hub"]["id"] == first["hub"]["id"]
    folders = later["hub"]["folders"]
    assert [f["date"] for f in folders] == ["2027-03-06", "2027-03-01"]  # newest first
    assert [[d["name"] for d in folder_documents(f)] for f in folders] == [["Installation guide"], ["Price list 2027"]]


async def test_today_is_the_organizations_day() -> None:
    from zoneinfo import ZoneInfo

    from portico.notifications import clock

    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"):
        assert clock.today_in(tz) == datetime.now(ZoneInfo(tz)).date()
    # Kiritimati (UTC+14) and Pago Pago (UTC-11) are never on the same date.
    assert clock.today_in("Pacific/Kiritimati") != clock.today_in("Pacific/Pago_Pago")
    assert clock.today_in("Not/AZone") == datetime.now(UTC).date()  # a stale setting falls back to UTC


async def test_one_email_per_recipient_each_with_a_personal_link(world: World) -> None:
    a = world.acme.member.client
    payload = await share(
        a, world.customer_x,
        [person("Mette", "Larsen", "mette@fjord.example"), person("Erik", "Lund", "erik@fjord.example"),
         person("Mette", "Larsen", "METTE@fjord.example")],  # the same person twice: one contact, one email
        [world.publications["Price list 2027"]],
    )
    assert sorted(r["email"] for r in payload["share"]["recipients"]) == ["erik@fjord.example", "mette@fjord.example"]
    mette, erik = await outbox_for("mette@fjord.example"), await outbox_for("erik@fjord.example")
    assert len(mette) == 1 and len(erik) == 1
    assert hub_link_in(mette[0].text) != hub_link_in(erik[0].text)
    assert "Mette" in mette[0].text and "Erik" in erik[0].text


async def test_existing_contact_can_be_a_recipient_by_id(world: World) -> None:
    admin = world.acme.admin.client
    added = await admin(
        """mutation($input: AddContactInput!) { addContact(input: $input) { contact { id } errors { code } } }""",
        {"input": {"customerId": world.customer_x, "firstName": "Olivia", "lastName": "Reed",
                   "email": "olivia@fjord.example"}},
    )
    contact_id = added["addContact"]["contact"]["id"]
    before = await counts()
    payload = await share(world.acme.member.client, world.customer_x, [{"contactId": contact_id}],
                          [world.publications["Price list 2027"]])
    assert payload["share"]["recipients"] == [{"id": contact_id, "email": "olivia@fjord.example"}]
    after = await counts()
    assert after["contact"] == before["contact"]
    assert len(await outbox_for("olivia@fjord.example")) == 1


@pytest.mark.parametrize("language", ["en", "da", "sv"])
async def test_preview_is_the_email_that_is_sent_except_the_link(world: World, language: str) -> None:
    a = world.acme.member.client
    extra = await upload_ok(a, b"just some notes\n", "notes.txt")
    args = (world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
            [world.publications["Price list 2027"], world.publications["Installation guide"]], [extra])
    kwargs = {"language": language, "message": "Hej Mette,\n\nsee <b>these</b> & call me."}
    preview = (await a(PREVIEW, share_input(*args, **kwargs)))["previewShare"]
    before = await counts()
    assert before["outbox"] == 0 and before["share"] == 0  # a preview writes nothing
    await share(a, *args, **kwargs)
    [email] = await outbox_for("mette@fjord.example")
    link = hub_link_in(email.text)
    placeholder = "http://testserver/hub/welcome?token=…"
    assert email.subject == preview["subject"]
    assert preview["text"].count(placeholder) == 1
    assert email.text == preview["text"].replace(placeholder, link)
    assert email.html == preview["html"].replace(placeholder, link)
    assert "<b>these</b>" not in email.html  # the rep's message is text, never markup


async def test_preview_uses_an_admin_template_for_a_custom_language(world: World) -> None:
    admin = world.acme.admin.client
    saved = await admin(
        """mutation($input: SaveInvitationTemplateInput!) { saveInvitationTemplate(input: $input) {
        invitationTemplate { language } errors { code field } } }""",
        {"input": {"language": "de", "subject": "Ihre Dokumente von {organization}",
                   "body": "Hallo {first_name}, hier sind Ihre Dokumente.", "fixedTexts": GERMAN_FIXED_TEXTS}},
    )
    assert saved["saveInvitationTemplate"]["errors"] == []
    a = world.acme.member.client
    mette = person("Mette", "Larsen", "mette@fjord.example")
    args = (world.customer_x, [mette], [world.publications["Price list 2027"]])
    preview = (await a(PREVIEW, share_input(*args, language="de")))["previewShare"]
    await share(a, *args, language="de")
    [email] = await outbox_for("mette@fjord.example")
    assert email.subject == preview["subject"]
    assert "Acme Sales" in email.subject
    assert email.text == preview["text"].replace("http://testserver/hub/welcome?token=…", hub_link_in(email.text))


# --- refused shares write nothing --------------------------------------------------------------------------------


async def _refused(world: World, expected: set[tuple[str, str | None]] | set[str], **overrides: object) -> None:
    a = world.acme.member.client
    args: dict = {
        "customer_id": world.customer_x,
        "recipients": [person("Mette", "Larsen", "mette@fjord.example")],
        "publication_ids": [world.publications["Price list 2027"]],
        "upload_ids": [],
    }
    args.update(overrides)
    before = await counts()
    errors = await share_errors(a, **args)
    got = {(e["code"], e["field"]) for e in errors}
    if all(isinstance(x, str) for x in expected):
        assert {e["code"] for e in errors} & expected, errors  # type: ignore[operator]
    else:
        assert expected <= got, errors  # type: ignore[operator]
    assert await counts() == before


async def test_unknown_language_is_refused(world: World) -> None:
    await _refused(world, {"UNKNOWN_LANGUAGE", "INVALID_LANGUAGE"}, language="xx")
    await _refused(world, {("INVALID_LANGUAGE", "language")}, language="english")


async def test_no_recipients_is_refused(world: World) -> None:
    await _refused(world, {("REQUIRED", "recipients")}, recipients=[])


async def test_no_documents_is_refused(world: World) -> None:
    await _refused(world, {("REQUIRED", "publicationIds")}, publication_ids=[], upload_ids=[])


async def test_malformed_recipient_email_is_refused(world: World) -> None:
    await _refused(world, {("INVALID_EMAIL", "recipients.0.email")},
                   recipients=[person("Mette", "Larsen", "mette at fjord")])
    await _refused(world, {("INVALID_EMAIL", "recipients.1.email")},
                   recipients=[person("Mette", "Larsen", "mette@fjord.example"), person("E", "L", "e@")])
    await _refused(world, {("REQUIRED", "recipients.0.firstName")}, recipients=[person("", "Larsen", "m@f.example")])


async def test_publication_of_another_organization_is_not_found(world: World) -> None:
    await _refused(world, {("NOT_FOUND", "publicationIds")},
                   publication_ids=[world.publications["Price list 2027"], world.globex_publication])


async def test_customer_of_another_organization_is_not_found(world: World) -> None:
    await _refused(world, {("NOT_FOUND", "customerId")}, customer_id=world.globex_customer)


async def test_upload_id_used_twice_is_not_found_the_second_time(world: World) -> None:
    a = world.acme.member.client
    extra = await upload_ok(a, b"notes\n", "notes.txt")
    await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")], [], [extra])
    await _refused(world, {"NOT_FOUND"}, publication_ids=[], upload_ids=[extra])


async def test_upload_of_another_member_or_organization_is_not_found(world: World) -> None:
    mine = await upload_ok(world.acme.member2.client, b"notes of B\n", "b.txt")
    foreign = await upload_ok(world.globex.member.client, b"notes of globex\n", "g.txt")
    await _refused(world, {"NOT_FOUND"}, upload_ids=[mine])
    await _refused(world, {"NOT_FOUND"}, upload_ids=[foreign])
    await _refused(world, {"NOT_FOUND"}, upload_ids=["not-a-uuid"])


async def test_a_late_failure_rolls_back_the_new_contact_and_claimed_upload(world: World) -> None:
    """The upload is checked last (inside the transaction): the contact created before it must not survive."""
    a = world.acme.member.client
    good = await upload_ok(a, b"good notes\n", "good.txt")
    await _refused(world, {"NOT_FOUND"}, recipients=[person("New", "Person", "new@fjord.example")],
                   upload_ids=[good, "00000000-0000-0000-0000-000000000000"])
    # The good upload was not consumed by the refused share: it can still be shared.
    await share(a, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")], [], [good])


async def test_customer_a_member_cannot_see_is_not_found(world: World) -> None:
    from tests.hubs.helpers import create_customer

    only_admin = await create_customer(world.acme.admin.client, "Admin's own customer")
    await _refused(world, {("NOT_FOUND", "customerId")}, customer_id=only_admin)


async def test_contacts_and_anonymous_cannot_share(world: World, client_factory) -> None:  # type: ignore[no-untyped-def]
    anonymous = client_factory()
    body = await anonymous.raw(SHARE, share_input(world.customer_x, [person("M", "L", "m@f.example")],
                                                  [world.publications["Price list 2027"]]))
    assert body.get("errors") or body["data"]["shareDocuments"]["errors"]
    assert (await counts())["share"] == 0
