"""The organization's welcome email per language (issue 9, point 2), written by administrators.

The same rules as the invitation templates (`hubs/templates.py`): the admin writes a subject and a text with the
placeholders of `mail/placeholders.py`, checked on save and filled by `placeholders.fill`, never `str.format`. The
rest of the email (greeting, button, footer) is the built-in text of the language, so welcome templates exist for
the built-in languages (en, da, sv) only: another language would need its own fixed texts, as invitations do.
"""

from __future__ import annotations

from dataclasses import dataclass

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError
from portico.hubs.models import WelcomeTemplate
from portico.hubs.templates import MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH, SAMPLE_FIRST_NAME
from portico.mail import placeholders
from portico.mail.templates import SUPPORTED_LANGUAGES, RenderedEmail, default_welcome_template, render
from portico.settings import Settings
from portico.validation import Checker


@dataclass(frozen=True)
class WelcomeText:
    language: str
    subject: str
    body: str
    customized: bool  # the organization's own text (else the built-in one)


async def welcome_template_for(organization_id: int, language: str) -> WelcomeText:
    """The admin's welcome template for a built-in language, else the built-in text."""
    row = await WelcomeTemplate.filter(organization_id=organization_id, language=language).first()
    if row is not None:
        return WelcomeText(row.language, row.subject, row.body, True)
    subject, body = default_welcome_template(language)
    return WelcomeText(language, subject, body, False)


async def organization_welcome_templates(actor: Actor) -> list[WelcomeText]:
    policy.require_template_editor(actor)
    assert actor.organization is not None
    return [await welcome_template_for(actor.organization.id, language) for language in SUPPORTED_LANGUAGES]


def _checked(language: str, subject: str, body: str) -> WelcomeText:
    check = Checker()
    language = check.language(language)
    if not check.problems and language not in SUPPORTED_LANGUAGES:
        check.add(
            "UNSUPPORTED_LANGUAGE",
            f"Welcome emails can be written in {', '.join(SUPPORTED_LANGUAGES)} (the button and footer are built in).",
            "language",
        )
    subject = check.text(subject, "subject", "Subject", max_length=MAX_SUBJECT_LENGTH, single_line=True)
    body = check.text(body, "body", "Text", max_length=MAX_BODY_LENGTH)
    if not check.problems:
        check.problems += placeholders.problems_in(subject, placeholders.PLACEHOLDER_NAMES, "subject", "Subject")
        check.problems += placeholders.problems_in(body, placeholders.PLACEHOLDER_NAMES, "body", "Text")
    check.raise_if_any()
    return WelcomeText(language, subject, body, True)


async def save_welcome_template(actor: Actor, *, language: str, subject: str, body: str) -> WelcomeText:
    """Create or replace the organization's welcome email for a language (administrators)."""
    policy.require_template_editor(actor)
    text = _checked(language, subject, body)
    row = await WelcomeTemplate.filter(organization_id=actor.organization_id, language=text.language).first()
    if row is None:
        row = WelcomeTemplate(organization_id=actor.organization_id, language=text.language)
    row.subject, row.body = text.subject, text.body
    await row.save()
    return text


async def reset_welcome_template(actor: Actor, *, language: str) -> WelcomeText:
    """Back to the built-in text for the language."""
    policy.require_template_editor(actor)
    if language not in SUPPORTED_LANGUAGES:
        raise DomainError("UNSUPPORTED_LANGUAGE", f"There is no welcome email in {language!r}.", "language")
    await WelcomeTemplate.filter(organization_id=actor.organization_id, language=language).delete()
    assert actor.organization is not None
    return await welcome_template_for(actor.organization.id, language)


def render_welcome(
    organization_name: str, text: WelcomeText, *, sender_name: str, first_name: str, email: str, link: str
) -> RenderedEmail:
    """The one way a welcome email is made: sending it and the editor's preview both come here."""
    return render(
        "contact_welcome", text.language, organization=organization_name, sender_name=sender_name,
        first_name=first_name, email=email, link=link, template_subject=text.subject, template_body=text.body,
    )


async def preview_welcome_template(
    actor: Actor, settings: Settings, *, language: str, subject: str, body: str
) -> RenderedEmail:
    """A draft rendered as a contact would get it, without saving."""
    member = policy.require_template_editor(actor)
    assert actor.organization is not None
    text = _checked(language, subject, body)
    return render_welcome(
        actor.organization.name, text, sender_name=member.full_name, first_name=SAMPLE_FIRST_NAME,
        email="emma@example.com", link=f"{settings.public_url}/hub/welcome?token=…",
    )
