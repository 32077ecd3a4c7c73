"""Invitation templates through the API (issue 7, point 5): the spec, placeholders checked on save and preview,
admin-defined languages complete, one renderer for the editor's preview, the share dialog's preview and the
emails sent; administrators only, each organization its own."""

from __future__ import annotations

import html
from typing import Any

from portico.hubs.models import InvitationTemplate
from tests.conftest import GraphQLClient
from tests.graphql.helpers import create_api_key, key_client
from tests.hubs.helpers import (
    GERMAN_FIXED_TEXTS,
    PREVIEW,
    SAVE_TEMPLATE,
    World,
    counts,
    hub_link_in,
    outbox_for,
    person,
    pk,
    share,
    share_errors,
    share_input,
    share_to_contact,
)

SPEC = """{ invitationTemplateSpec { placeholders { name token description } builtInLanguages
  fixedTexts { key label description placeholders } } }"""
TEMPLATES = """{ invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } } }"""
PREVIEW_TEMPLATE = """query($input: InvitationTemplateDraftInput!) { previewInvitationTemplate(input: $input) {
  email { subject html text } errors { code field message } } }"""

GERMAN = {"language": "de", "subject": "Ihre Dokumente von {organization}",
          "body": "{sender_name} hat Ihnen Unterlagen bereitgestellt.", "fixedTexts": GERMAN_FIXED_TEXTS}


async def save(client: GraphQLClient, **draft: Any) -> dict[str, Any]:
    data = await client(SAVE_TEMPLATE, {"input": draft})
    payload: dict[str, Any] = data["saveInvitationTemplate"]
    return payload


async def preview(client: GraphQLClient, **draft: Any) -> dict[str, Any]:
    data = await client(PREVIEW_TEMPLATE, {"input": draft})
    result: dict[str, Any] = data["previewInvitationTemplate"]
    return result


async def templates_of(client: GraphQLClient) -> dict[str, dict[str, Any]]:
    return {t["language"]: t for t in (await client(TEMPLATES))["invitationTemplates"]}


async def test_the_spec_lists_placeholders_and_fixed_texts(world: World) -> None:
    spec = (await world.acme.admin.client(SPEC))["invitationTemplateSpec"]
    assert [p["token"] for p in spec["placeholders"]] == ["{first_name}", "{sender_name}", "{organization}"]
    assert all(p["description"] for p in spec["placeholders"])
    keys = [f["key"] for f in spec["fixedTexts"]]
    assert {"greeting", "button", "footer_reason", "sent_by", "documents_heading"} <= set(keys)
    assert len(keys) >= 9 and all(f["label"] and f["description"] for f in spec["fixedTexts"])
    heading = next(f for f in spec["fixedTexts"] if f["key"] == "documents_heading")
    assert "count" in heading["placeholders"]
    assert spec["builtInLanguages"] == ["en", "da", "sv"]


async def test_an_unknown_placeholder_is_refused_on_save_and_in_the_preview(world: World) -> None:
    admin = world.acme.admin.client
    draft = {"language": "en", "subject": "Documents from {organization}", "body": "Regards, {sender}"}
    saved = await save(admin, **draft)
    assert saved["invitationTemplate"] is None
    [error] = saved["errors"]
    assert (error["code"], error["field"]) == ("UNKNOWN_PLACEHOLDER", "body")
    assert "{sender}" in error["message"]
    previewed = await preview(admin, **draft)
    assert previewed["email"] is None and previewed["errors"] == saved["errors"]
    malformed = await save(admin, language="en", subject="Documents from {organization", body="Hello")
    assert [(e["code"], e["field"]) for e in malformed["errors"]] == [("MALFORMED_PLACEHOLDER", "subject")]
    assert await InvitationTemplate.all().count() == 0


async def test_an_admin_defined_language_must_provide_every_fixed_text(world: World) -> None:
    admin = world.acme.admin.client
    partial = [t for t in GERMAN_FIXED_TEXTS if t["key"] not in ("button", "footer_reason")]
    saved = await save(admin, **{**GERMAN, "fixedTexts": partial})
    [error] = saved["errors"]
    assert (error["code"], error["field"]) == ("TEMPLATE_INCOMPLETE", "fixedTexts")
    assert "Button" in error["message"] and "Footer" in error["message"]
    wrong = [*partial, {"key": "button", "text": "Öffnen ({count})"}, {"key": "footer_reason", "text": "Grund"}]
    refused = await save(admin, **{**GERMAN, "fixedTexts": wrong})
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("UNKNOWN_PLACEHOLDER", "fixedTexts.button")]
    assert "de" not in await templates_of(admin)


async def test_an_admin_defined_language_sends_a_whole_email_in_that_language(world: World) -> None:
    admin, rep = world.acme.admin.client, world.acme.member.client
    saved = await save(admin, **GERMAN)
    assert saved["errors"] == []
    template = saved["invitationTemplate"]
    assert template["builtIn"] is False and template["missingFixedTexts"] == []
    assert {t["key"]: t["text"] for t in template["fixedTexts"]}["button"] == "Ihren Kundenbereich öffnen"

    args = (world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
            [world.publications["Price list 2027"], world.publications["Installation guide"]])
    shown = (await rep(PREVIEW, share_input(*args, language="de", message="Bis Dienstag.")))["previewShare"]
    await share(rep, *args, language="de", message="Bis Dienstag.")
    [email] = await outbox_for("mette@fjord.example")
    assert email.subject == "Ihre Dokumente von Acme Sales"
    text = email.text
    for german in ("Guten Tag Mette,", "Rita Rep hat Ihnen Unterlagen bereitgestellt.", "Nachricht von Rita Rep",
                   "Für Sie freigegebene Dokumente: 2", "Ihren Kundenbereich öffnen",
                   "Gesendet von Acme Sales mit Portico"):
        assert german in text and german in html.unescape(email.html), german
    for english in ("Hello", "Message from", "Open your hub", "shared with you", "Questions?", "Sent by",
                    "If the button does not work", "You are receiving this email"):
        assert english not in text and english not in email.html, english
    assert '<html lang="de">' in email.html
    # The share dialog's preview is the email that was sent.
    assert text == shown["text"].replace("http://testserver/hub/welcome?token=…", hub_link_in(text))

    # The editor's preview renders the same texts with the organization's own documents, without saving.
    before = await InvitationTemplate.all().count()
    edited = await preview(admin, **{**GERMAN, "subject": "Neu: {organization}"})
    assert edited["errors"] == []
    assert edited["email"]["subject"] == "Neu: Acme Sales"
    assert "Ihren Kundenbereich öffnen" in edited["email"]["text"]
    assert "Installation guide" in edited["email"]["text"]  # the organization's publications as examples
    assert "Ada Admin" in edited["email"]["text"]  # the admin stands in for the sender
    assert await InvitationTemplate.all().count() == before
    assert (await templates_of(admin))["de"]["subject"] == GERMAN["subject"]


async def test_a_built_in_language_keeps_only_the_texts_the_admin_changed(world: World) -> None:
    admin = world.acme.admin.client
    listed = await templates_of(admin)
    english = listed["en"]
    assert english["builtIn"] is True and english["missingFixedTexts"] == []
    assert english["subject"] == "{organization} has shared documents with you"  # placeholders, as written
    texts = [{**t, "text": "View your documents"} if t["key"] == "button" else t for t in english["fixedTexts"]]
    saved = await save(admin, language="en", subject=english["subject"], body=english["body"], fixedTexts=texts)
    assert saved["errors"] == []
    row = await InvitationTemplate.get(organization_id=pk(world.acme.organization_id), language="en")
    assert row.fixed_texts == {"button": "View your documents"}
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Price list 2027"]])
    [email] = await outbox_for("mette@fjord.example")
    assert "View your documents" in email.text and "Open your hub" not in email.text
    assert "1 document shared with you" in email.text  # unchanged texts keep their plural forms


async def test_an_incomplete_template_saved_before_the_check_refuses_shares(world: World) -> None:
    await InvitationTemplate.create(organization_id=pk(world.acme.organization_id), language="fi",
                                    subject="Asiakirjat", body="Hei {first_name}")
    listed = await templates_of(world.acme.admin.client)
    assert listed["fi"]["missingFixedTexts"][:2] == ["greeting", "greeting_anonymous"]
    before = await counts()
    errors = await share_errors(world.acme.member.client, world.customer_x,
                                [person("Mette", "Larsen", "mette@fjord.example")],
                                [world.publications["Price list 2027"]], language="fi")
    assert [(e["code"], e["field"]) for e in errors] == [("TEMPLATE_INCOMPLETE", "language")]
    assert "administrator" in errors[0]["message"]
    assert await counts() == before
    shown = await world.acme.member.client.raw(PREVIEW, share_input(world.customer_x, [], language="fi"))
    assert shown["errors"][0]["extensions"]["code"] == "TEMPLATE_INCOMPLETE"


async def test_only_administrators_see_the_spec_preview_and_save(world: World, client_factory: Any) -> None:
    acme = world.acme
    shared = await share_to_contact(world, client_factory)
    _, secret = await create_api_key(acme.admin.client, ["ORG_READ", "SHARES_WRITE"])
    others = {"manager": acme.manager.client, "member": acme.member.client, "contact": shared.contact,
              "api key": key_client(client_factory, secret)}
    for who, client in others.items():
        spec = await client.raw(SPEC)
        assert spec["data"] is None and spec["errors"][0]["extensions"]["code"] == "NOT_ALLOWED", who
        previewed = await preview(client, **GERMAN)
        assert previewed["email"] is None and previewed["errors"][0]["code"] == "NOT_ALLOWED", who
        saved = await save(client, **GERMAN)
        assert saved["invitationTemplate"] is None and saved["errors"][0]["code"] == "NOT_ALLOWED", who
    anonymous = await client_factory().raw(SPEC)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await InvitationTemplate.all().count() == 0


async def test_each_organization_has_its_own_templates_and_preview(world: World) -> None:
    assert (await save(world.acme.admin.client, **GERMAN))["errors"] == []
    globex = world.globex.admin.client
    assert "de" not in await templates_of(globex)
    shown = await preview(globex, **GERMAN)
    assert "Globex secret" in shown["email"]["text"]
    assert "Price list 2027" not in shown["email"]["text"] and "Acme" not in shown["email"]["text"]
    errors = await share_errors(world.globex.member.client, world.globex_customer,
                                [person("Hal", "Berg", "hal@harbor.example")], [world.globex_publication],
                                language="de")
    assert [e["code"] for e in errors] == ["UNKNOWN_LANGUAGE"]
