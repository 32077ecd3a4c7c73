"""The organization's invitation templates per language (seed 000), with built-in defaults."""

from __future__ import annotations

from portico.hubs.models import InvitationTemplate
from portico.mail.templates import SUPPORTED_LANGUAGES, default_invitation_template


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
