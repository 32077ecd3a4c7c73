"""Placeholders and fixed texts of invitation templates: what is refused, and how a whole email stays in one
language (issue 7, point 5)."""

from __future__ import annotations

import html
import re

import pytest

from portico.mail import placeholders
from portico.mail.templates import SUPPORTED_LANGUAGES, built_in_fixed_texts, catalog, render
from tests.hubs.helpers import GERMAN
from tests.mail.test_mail_templates import CONTEXTS


def codes(problems: list[placeholders.Problem]) -> set[tuple[str, str | None]]:
    return {(p.code, p.field) for p in problems}


def check(subject: str = "Hi {first_name}", body: str = "From {organization}", built_in: bool = True,
          **texts: str) -> list[placeholders.Problem]:
    return placeholders.check_invitation(subject=subject, body=body, fixed_texts=texts, built_in=built_in)


def test_the_accepted_placeholders_pass() -> None:
    assert check("{first_name}, {organization} and {sender_name}", "{sender_name}\n\n{organization}") == []
    assert check(built_in=False, **GERMAN) == []


def test_an_unknown_placeholder_is_refused_and_named() -> None:
    [problem] = check(body="Best regards, {sender}")
    assert (problem.code, problem.field) == ("UNKNOWN_PLACEHOLDER", "body")
    assert "{sender}" in problem.message and "{sender_name}" in problem.message  # says which, and what to use
    assert codes(check(subject="{Organization}")) == {("UNKNOWN_PLACEHOLDER", "subject")}


@pytest.mark.parametrize("text", ["{organization", "organization}", "{}", "{0}", "{organization.__class__}",
                                  "{ first_name }", "{{organization}}"])
def test_a_brace_outside_a_placeholder_is_malformed(text: str) -> None:
    problems = check(body=f"Dear customer, {text} here")
    assert ("MALFORMED_PLACEHOLDER", "body") in codes(problems), problems
    assert "near" in problems[-1].message


def test_each_fixed_text_accepts_only_its_placeholders() -> None:
    assert codes(check(greeting_anonymous="Hello {first_name}")) == {
        ("UNKNOWN_PLACEHOLDER", "fixedTexts.greeting_anonymous")
    }
    assert codes(check(button="Open ({count})")) == {("UNKNOWN_PLACEHOLDER", "fixedTexts.button")}
    assert check(documents_heading="{count} files") == []
    assert codes(check(colour="blue")) == {("UNKNOWN_FIXED_TEXT", "fixedTexts.colour")}
    assert codes(check(button="x" * 501)) == {("TOO_LONG", "fixedTexts.button")}
    assert codes(check(button="Open\nnow")) == {("INVALID_TEXT", "fixedTexts.button")}
    assert codes(check(button="Open\x00")) == {("INVALID_TEXT", "fixedTexts.button")}


def test_a_language_without_built_in_texts_needs_every_fixed_text() -> None:
    partial = {k: v for k, v in GERMAN.items() if k not in ("button", "sent_by")}
    [problem] = check(built_in=False, **partial)
    assert (problem.code, problem.field) == ("TEMPLATE_INCOMPLETE", "fixedTexts")
    assert "Missing: Button, Sent by." in problem.message
    assert check(built_in=True, **partial) == []  # en, da, sv have their own
    blank = {**GERMAN, "footer_reason": "   "}
    assert codes(check(built_in=False, **blank)) == {("TEMPLATE_INCOMPLETE", "fixedTexts")}


def test_fill_replaces_only_what_it_is_given() -> None:
    text = "{first_name} {organization.__class__} {0} {sender} {}"
    assert placeholders.fill(text, {"first_name": "Emma"}) == "Emma {organization.__class__} {0} {sender} {}"


def _english_fragments() -> set[str]:
    """Every piece of English the invitation email could show, placeholders cut out."""
    english = catalog("en")
    strings: list[str] = []
    for section in ("layout", "hub_share"):
        for value in english[section].values():
            strings += list(value.values()) if isinstance(value, dict) else [value]
    return {f.strip(" ,.:") for s in strings for f in re.split(r"\{[a-z_]+\}", s) if len(f.strip(" ,.:")) >= 6}


def test_an_admin_defined_language_gives_a_whole_email_without_english() -> None:
    email = render("hub_share", "de", **{
        **CONTEXTS["hub_share"], "template_subject": "Neue Dokumente von {organization}",
        "template_body": "Hallo, anbei die Unterlagen.", "message": "Bis bald!", "fixed_texts": GERMAN,
    })
    assert email.subject == "Neue Dokumente von Nordlys"
    assert '<html lang="de">' in email.html
    for expected in ("Guten Tag Emma,", "Martin Lund hat Ihnen Dokumente freigegeben (2).",
                     "Nachricht von Martin Lund", "Für Sie freigegebene Dokumente: 2", "Ihren Kundenbereich öffnen",
                     "Fragen? Schreiben Sie an Martin Lund:", "Gesendet von Nordlys mit Portico"):
        assert expected in html.unescape(email.html), expected
    visible = html.unescape(email.html) + email.text
    leaked = sorted(f for f in _english_fragments() if f in visible)
    assert leaked == [], leaked
    anonymous = render("hub_share", "de", **{**CONTEXTS["hub_share"], "first_name": "", "fixed_texts": GERMAN,
                                              "template_subject": "S", "template_body": "B"})
    assert anonymous.text.startswith("Guten Tag,\n")


def test_an_admin_defined_language_never_falls_back_to_english() -> None:
    partial = {k: v for k, v in GERMAN.items() if k != "button"}
    with pytest.raises(KeyError, match="hub_share.button"):
        render("hub_share", "de", **{**CONTEXTS["hub_share"], "template_subject": "S", "template_body": "B",
                                     "fixed_texts": partial})


def test_a_built_in_language_takes_the_admins_changes_and_keeps_the_rest() -> None:
    email = render("hub_share", "da", **{**CONTEXTS["hub_share"], "fixed_texts": {"button": "Se dokumenterne"}})
    assert "Se dokumenterne" in email.html and "Åbn din kundehub" not in email.html
    assert "2 dokumenter delt med dig" in email.html  # untouched texts keep their plural forms


def test_fixed_texts_are_not_evaluated_even_if_stored_unchecked() -> None:
    email = render("hub_share", "de", **{
        **CONTEXTS["hub_share"], "template_subject": "S", "template_body": "B",
        "fixed_texts": {**GERMAN, "button": "{organization.__class__} {link}"},
    })
    assert "{organization.__class__} {link}" in email.text


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_built_in_fixed_texts_pass_their_own_check(language: str) -> None:
    texts = built_in_fixed_texts(language)
    assert set(texts) == set(placeholders.FIXED_TEXT_KEYS)
    assert check(built_in=False, **texts) == []
