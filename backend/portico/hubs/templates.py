"""The organization's invitation templates per language (seed 000), with built-in defaults."""

from __future__ import annotations

from dataclasses import dataclass

from portico import policy
from portico.actors import Actor
from portico.hubs.models import InvitationTemplate
from portico.mail.templates import SUPPORTED_LANGUAGES, default_invitation_template
from portico.validation import Checker


async def template_languages(organization_id: int) -> list[str]:
    """Built-in languages plus any the admin added a template for."""
    custom = await InvitationTemplate.filter(organization_id=organization_id).values_list("language", flat=True)
    return sorted(set(SUPPORTED_LANGUAGES) | {str(c) for c in custom})


async def template_for(organization_id: int, language: str, organization_name: str) -> tuple[str, str] | None:
    """(subject, body) for a language: the admin's, else the built-in default, else None (unknown language)."""
    row = await InvitationTemplate.filter(organization_id=organization_id, language=language).first()
    if row is not None:
        return row.subject, row.body
    if language in SUPPORTED_LANGUAGES:
        subject, body = default_invitation_template(language)
        return subject.replace("{organization}", organization_name), body.replace("{organization}", organization_name)
    return None


@dataclass(frozen=True)
class TemplateView:
    """One language's invitation email as the organization will send it (saved, or the built-in default)."""

    pk: int | str
    language: str
    subject: str
    body: str


async def organization_templates(actor: Actor) -> list[TemplateView]:
    actor.require_staff()
    org = actor.organization
    assert org is not None
    saved = {t.language: t for t in await InvitationTemplate.filter(organization_id=org.id)}
    views = []
    for language in await template_languages(org.id):
        found = await template_for(org.id, language, org.name)
        assert found is not None
        pk: int | str = saved[language].id if language in saved else f"default-{language}"
        views.append(TemplateView(pk, language, found[0], found[1]))
    return views


async def save_template(actor: Actor, *, language: str, subject: str, body: str) -> TemplateView:
    """Create or replace the organization's invitation email for a language (administrators)."""
    policy.require_admin(actor)
    check = Checker()
    language = check.language(language)
    subject = check.text(subject, "subject", "Subject", max_length=300, single_line=True)
    body = check.text(body, "body", "Text", max_length=10000)
    check.raise_if_any()
    row = await InvitationTemplate.filter(organization_id=actor.organization_id, language=language).first()
    if row is None:
        row = await InvitationTemplate.create(
            organization_id=actor.organization_id, language=language, subject=subject, body=body
        )
    else:
        row.subject, row.body = subject, body
        await row.save()
    return TemplateView(row.id, language, subject, body)
