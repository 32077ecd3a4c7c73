"""The system emails render in every language, as HTML and text, with user text escaped."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from portico.mail.templates import (
    EMAIL_NAMES,
    SUPPORTED_LANGUAGES,
    catalog,
    default_invitation_template,
    normalize_language,
    render,
)

LINK = "https://portico.example/hub/7f3c9e2a?lang=x&ref=mail"

CONTEXTS: dict[str, dict[str, Any]] = {
    "member_invitation": {
        "organization": "Nordlys",
        "inviter_name": "Ada Berg",
        "role": "MANAGER",
        "link": LINK,
        "is_account_manager": True,
        "valid_days": 7,
    },
    "password_reset": {
        "link": LINK,
        "valid_minutes": 45,
        "organization": "Nordlys",
        "first_name": "Bo",
    },
    "hub_share": {
        "organization": "Nordlys",
        "sender_name": "Martin Lund",
        "sender_email": "martin@nordlys.example",
        "first_name": "Emma",
        "documents": ["Quote Q-142.pdf", "Price list.xlsx"],
        "link": LINK,
        "message": "See you Tuesday.",
    },
    "contact_welcome": {
        "organization": "Nordlys",
        "link": LINK,
        "first_name": "Emma",
        "email": "emma@kunde.example",
    },
    "colleague_invitation": {
        "organization": "Nordlys",
        "sharer_name": "Emma Dahl",
        "document_name": "Quote Q-142.pdf",
        "link": LINK,
    },
    "quote_acceptance_code": {
        "organization": "Nordlys",
        "first_name": "Emma",
        "code": "731904",
        "valid_minutes": 10,
        "quote_title": "Roof repair",
        "quote_number": "Q-42",
        "link": LINK,
    },
    "hub_sign_in_code": {
        "organization": "Nordlys",
        "first_name": "Emma",
        "code": "048213",
        "valid_minutes": 10,
        "link": LINK,
    },
    "hub_password_reset": {
        "organization": "Nordlys",
        "first_name": "Emma",
        "link": LINK,
        "valid_minutes": 60,
    },
    "notification": {
        "organization": "Nordlys",
        "first_name": "Martin",
        "link": LINK,
        "kind": "HUB_ACTIVITY_ON_MY_SHARES",
        "mode": "DAILY_DIGEST",
        "count": 2,
        "customer": "Kunde A/S",
        "groups": [{"title": "Kunde A/S", "items": [
            {"what": "DOCUMENT_VIEWED", "count": None, "actor": "Emma Dahl", "document": "Quote Q-142.pdf",
             "time": "2026-12-03 10:32"},
            {"what": "HUB_OPENED", "count": None, "actor": "Emma Dahl", "document": "", "time": "2026-12-03 10:31"},
        ]}],
        "unsubscribe_link": "https://portico.example/unsubscribe/abc.def",
        "settings_link": "https://portico.example/settings/notifications",
    },
    "storage_alert": {
        "organization": "Nordlys",
        "first_name": "Ada",
        "level": 80,
        "percent": 83,
        "used": "850 MiB",
        "quota": "1 GiB",
        "plan": "Standard",
        "extra": "0 bytes",
        "link": LINK,
    },
    "invoice_reminder": {
        "organization": "Nordlys",
        "customer": "Fjord A/S",
        "first_name": "Mette",
        "invoices": [{"number": "F-1001", "due_on": "2026-11-20", "outstanding": "1,250.00 EUR", "overdue_days": 13}],
        "totals": ["1,250.00 EUR"],
        "account_manager_name": "Rita Rep",
        "account_manager_email": "rita@nordlys.example",
        "link": LINK,
    },
    "quote_reminder": {
        "organization": "Nordlys",
        "first_name": "Ada",
        "kind": "BEFORE_EXPIRY",
        "title": "Roof renovation",
        "number": "Q-1042",
        "sender_name": "Rasmus",
        "amount": "12,500.00 DKK",
        "expires_on": "2026-12-10",
        "link": LINK,
        "unsubscribe_link": "https://portico.example/unsubscribe/abc",
    },
    "quote_sent": {
        "organization": "Nordlys",
        "first_name": "Ada",
        "kind": "CHANGED",
        "title": "Roof renovation",
        "number": "Q-1042",
        "sender_name": "Rasmus",
        "amount": "12,500.00 DKK",
        "expires_on": "2026-12-10",
        "message": "The second floor is included now.",
        "version": "2",
        "link": LINK,
        "unsubscribe_link": "https://portico.example/unsubscribe/abc",
    },
}

# One phrase per email and language that only a correct translation contains (subject, html and text).
EXPECTED_SUBJECTS = {
    ("member_invitation", "en"): "Ada Berg invited you to join Nordlys on Portico",
    ("member_invitation", "da"): "Ada Berg har inviteret dig til Nordlys på Portico",
    ("member_invitation", "sv"): "Ada Berg har bjudit in dig till Nordlys på Portico",
    ("password_reset", "en"): "Reset your Portico password",
    ("password_reset", "da"): "Nulstil din adgangskode til Portico",
    ("password_reset", "sv"): "Återställ ditt lösenord till Portico",
    ("hub_share", "en"): "Nordlys has shared documents with you",
    ("hub_share", "da"): "Nordlys har delt dokumenter med dig",
    ("hub_share", "sv"): "Nordlys har delat dokument med dig",
    ("contact_welcome", "en"): "Welcome to your customer hub at Nordlys",
    ("contact_welcome", "da"): "Velkommen til din kundehub hos Nordlys",
    ("contact_welcome", "sv"): "Välkommen till din kundportal hos Nordlys",
    ("colleague_invitation", "en"): "Emma Dahl shared “Quote Q-142.pdf” with you",
    ("colleague_invitation", "da"): "Emma Dahl har delt »Quote Q-142.pdf« med dig",
    ("colleague_invitation", "sv"): "Emma Dahl har delat ”Quote Q-142.pdf” med dig",
    ("quote_acceptance_code", "en"): "Your code to accept quote Q-42: 731904",
    ("quote_acceptance_code", "da"): "Din kode til at acceptere tilbud Q-42: 731904",
    ("quote_acceptance_code", "sv"): "Din kod för att acceptera offert Q-42: 731904",
    ("hub_sign_in_code", "en"): "Your sign-in code for Nordlys: 048213",
    ("hub_sign_in_code", "da"): "Din login-kode til Nordlys: 048213",
    ("hub_sign_in_code", "sv"): "Din inloggningskod till Nordlys: 048213",
    ("hub_password_reset", "en"): "Choose a new password for your customer hub at Nordlys",
    ("hub_password_reset", "da"): "Vælg en ny adgangskode til kundehubben hos Nordlys",
    ("hub_password_reset", "sv"): "Välj ett nytt lösenord till kundportalen hos Nordlys",
    ("notification", "en"): "Your daily summary: 2 events on your shares",
    ("notification", "da"): "Dit daglige overblik: 2 hændelser på dine delinger",
    ("notification", "sv"): "Din dagliga sammanfattning: 2 händelser på dina delningar",
    ("storage_alert", "en"): "Nordlys has used 83 % of its storage",
    ("storage_alert", "da"): "Nordlys har brugt 83 % af sin lagerplads",
    ("storage_alert", "sv"): "Nordlys har använt 83 % av sitt lagringsutrymme",
    ("invoice_reminder", "en"): "Payment reminder from Nordlys",
    ("invoice_reminder", "da"): "Betalingspåmindelse fra Nordlys",
    ("invoice_reminder", "sv"): "Betalningspåminnelse från Nordlys",
    ("quote_reminder", "en"): "Quote Q-1042 from Nordlys expires on 2026-12-10",
    ("quote_reminder", "da"): "Tilbud Q-1042 fra Nordlys udløber 2026-12-10",
    ("quote_reminder", "sv"): "Offert Q-1042 från Nordlys går ut 2026-12-10",
    ("quote_sent", "en"): "Quote Q-1042 from Nordlys has changed",
    ("quote_sent", "da"): "Tilbud Q-1042 fra Nordlys er ændret",
    ("quote_sent", "sv"): "Offert Q-1042 från Nordlys har ändrats",
}

EXPECTED_BUTTONS = {
    "member_invitation": {
        "en": "Accept invitation",
        "da": "Accepter invitationen",
        "sv": "Acceptera inbjudan",
    },
    "password_reset": {
        "en": "Choose a new password",
        "da": "Vælg ny adgangskode",
        "sv": "Välj nytt lösenord",
    },
    "hub_share": {
        "en": "Open your hub",
        "da": "Åbn din kundehub",
        "sv": "Öppna din kundportal",
    },
    "contact_welcome": {
        "en": "Go to your customer hub",
        "da": "Gå til din kundehub",
        "sv": "Gå till din kundportal",
    },
    "colleague_invitation": {
        "en": "Open the document",
        "da": "Åbn dokumentet",
        "sv": "Öppna dokumentet",
    },
    "quote_acceptance_code": {
        "en": "Open the quote",
        "da": "Åbn tilbuddet",
        "sv": "Öppna offerten",
    },
    "hub_sign_in_code": {
        "en": "Open your hub",
        "da": "Åbn din kundehub",
        "sv": "Öppna din kundportal",
    },
    "hub_password_reset": {
        "en": "Choose a new password",
        "da": "Vælg ny adgangskode",
        "sv": "Välj nytt lösenord",
    },
    "notification": {
        "en": "See all activity",
        "da": "Se al aktivitet",
        "sv": "Se all aktivitet",
    },
    "storage_alert": {
        "en": "Open the storage settings",
        "da": "Åbn indstillingerne for lagerplads",
        "sv": "Öppna inställningarna för lagringsutrymme",
    },
    "invoice_reminder": {
        "en": "See your invoices",
        "da": "Se dine fakturaer",
        "sv": "Se dina fakturor",
    },
    "quote_reminder": {
        "en": "View the quote",
        "da": "Se tilbuddet",
        "sv": "Visa offerten",
    },
    "quote_sent": {
        "en": "View the quote",
        "da": "Se tilbuddet",
        "sv": "Visa offerten",
    },
}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("name", EMAIL_NAMES)
def test_every_email_renders_in_every_language(name: str, language: str) -> None:
    email = render(name, language, **CONTEXTS[name])

    assert email.subject == EXPECTED_SUBJECTS[name, language]
    button = EXPECTED_BUTTONS[name][language]
    # HTML: a complete, table-based document in the right language, with the link as a button.
    assert email.html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{language}">' in email.html
    assert 'role="presentation"' in email.html
    assert f"<title>{_html(email.subject)}</title>" in email.html
    assert re.search(rf'<a href="{re.escape(_html(LINK))}"[^>]*>{re.escape(button)}</a>', email.html)
    assert "Nordlys" in email.html  # the sender identity in the header
    assert "{" not in email.html and "}" not in email.html  # no placeholder left unfilled
    # Text: the same content, no markup, the link spelled out.
    assert button in email.text
    assert LINK in email.text
    assert "<" not in email.text
    assert "{" not in email.text
    assert email.text.endswith("\n") and "\n\n\n" not in email.text


def test_texts_are_really_translated() -> None:
    for name in EMAIL_NAMES:
        english = render(name, "en", **CONTEXTS[name])
        for language in ("da", "sv"):
            other = render(name, language, **CONTEXTS[name])
            assert other.text != english.text
            assert "You are receiving this email" not in other.text


def test_catalogs_have_the_same_keys_and_placeholders_in_every_language() -> None:
    def flatten(node: dict[str, Any], prefix: str = "") -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in node.items():
            if isinstance(value, dict):
                out.update(flatten(value, f"{prefix}{key}."))
            else:
                out[prefix + key] = value
        return out

    def placeholders(text: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    english = flatten(catalog("en"))
    for language in ("da", "sv"):
        other = flatten(catalog(language))
        assert other.keys() == english.keys(), language
        for key, text in english.items():
            assert placeholders(other[key]) == placeholders(text), (language, key)


def test_unknown_language_falls_back_to_english_and_regions_are_understood() -> None:
    assert render("password_reset", "fr", link=LINK, valid_minutes=10).subject == "Reset your Portico password"
    assert normalize_language("da-DK") == "da"
    assert normalize_language("sv_SE") == "sv"
    assert normalize_language("") == "en"
    assert render("password_reset", "SV-se", link=LINK, valid_minutes=10).subject.startswith("Återställ")


def test_hub_share_escapes_html_in_the_message_and_in_the_admin_template() -> None:
    attack = '<script>alert("x")</script><a href="https://evil.example">win</a>'
    email = render(
        "hub_share",
        "en",
        **{
            **CONTEXTS["hub_share"],
            "template_subject": "News from {organization}",
            "template_body": f"Dear customer,\n{attack}\n\nRegards, {{sender_name}}",
            "message": f"Hi!\n{attack}",
            "documents": ["<img src=x onerror=alert(1)>.pdf"],
            "sender_name": "Mallory <b>",
        },
    )
    assert "<script>" not in email.html
    assert 'evil.example">' not in email.html
    assert "<img" not in email.html
    assert "<b>" not in email.html
    assert email.html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") == 2
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in email.html
    assert "Regards, Mallory &lt;b&gt;" in email.html
    # The plain-text part is text: it carries the words as written.
    assert attack in email.text
    assert email.subject == "News from Nordlys"


def test_hub_share_keeps_paragraphs_and_line_breaks_of_plain_text() -> None:
    email = render(
        "hub_share",
        "en",
        **{
            **CONTEXTS["hub_share"],
            "template_body": "First paragraph.\n\nSecond, line one\r\nline two",
            "message": "",
        },
    )
    assert re.search(r"<p[^>]*>First paragraph\.</p>", email.html)
    assert re.search(r"<p[^>]*>Second, line one<br>line two</p>", email.html)
    assert "Message from" not in email.html  # no empty quote box when the rep wrote nothing
    message = render(
        "hub_share",
        "da",
        **{**CONTEXTS["hub_share"], "message": "Hej Emma,\nHer er det.\n\nMvh"},
    )
    assert re.search(r"<p[^>]*>Hej Emma,<br>Her er det\.</p>", message.html)
    assert "Besked fra Martin Lund" in message.html
    assert "> Hej Emma,\n> Her er det.\n>\n> Mvh" in message.text


def test_hub_share_lists_documents_and_signs_with_the_rep() -> None:
    email = render("hub_share", "sv", **CONTEXTS["hub_share"])
    assert "2 dokument delade med dig" in email.html
    assert "Quote Q-142.pdf" in email.html and "Price list.xlsx" in email.html
    assert 'href="mailto:martin@nordlys.example"' in email.html
    assert "Hej Emma," in email.text
    assert "  - Quote Q-142.pdf\n  - Price list.xlsx" in email.text
    one = render("hub_share", "en", **{**CONTEXTS["hub_share"], "documents": ["Only.pdf"]})
    assert "1 document shared with you" in one.html


def test_hub_share_admin_placeholders_are_filled_but_nothing_else_is_evaluated() -> None:
    email = render(
        "hub_share",
        "en",
        **{
            **CONTEXTS["hub_share"],
            "template_subject": "Hi {first_name}\nfrom {organization} {organization.__class__} {0}",
            "template_body": "{sender_name} says {unknown} and {}",
        },
    )
    assert email.subject == "Hi Emma from Nordlys {organization.__class__} {0}"  # one line: it is a header
    assert "Martin Lund says {unknown} and {}" in email.text


def test_greeting_is_neutral_without_a_first_name() -> None:
    email = render("hub_share", "da", **{**CONTEXTS["hub_share"], "first_name": ""})
    assert email.text.startswith("Hej,\n")


def test_default_invitation_template_per_language() -> None:
    assert default_invitation_template("en")[0] == "{organization} has shared documents with you"
    assert default_invitation_template("da")[0] == "{organization} har delt dokumenter med dig"
    assert default_invitation_template("sv")[0] == "{organization} har delat dokument med dig"
    assert default_invitation_template("xx") == default_invitation_template("en")
    for language in SUPPORTED_LANGUAGES:
        _subject, body = default_invitation_template(language)
        assert "{sender_name}" in body and "\n\n" in body


def test_member_invitation_names_the_role_in_each_language() -> None:
    context = {
        **CONTEXTS["member_invitation"],
        "role": "ADMIN",
        "is_account_manager": False,
        "valid_days": 1,
    }
    assert "as an administrator." in render("member_invitation", "en", **context).text
    assert "som administrator." in render("member_invitation", "da", **context).text
    assert "som administratör." in render("member_invitation", "sv", **context).text
    english = render("member_invitation", "en", **context).text
    assert "account manager" not in english
    assert "valid for 1 day." in english


def test_wrong_context_fails_loudly() -> None:
    with pytest.raises(TypeError, match="missing"):
        render("hub_share", "en", organization="x", link=LINK)
    with pytest.raises(TypeError, match="unexpected"):
        render("password_reset", "en", link=LINK, valid_minutes=5, valid_mins=5)
    with pytest.raises(KeyError):
        render("no_such_email", "en")
    with pytest.raises(ValueError, match="link"):
        render("password_reset", "en", link="javascript:alert(1)", valid_minutes=5)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
