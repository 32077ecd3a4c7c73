"""The organization's invitation templates per language (seed 000), with built-in defaults.

`render_invitation` is the one way an invitation email is made: the share flow's emails, the share dialog's
preview and the template editor's preview all go through it, so what an admin previews is what customers get.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from portico import policy
from portico.accounts.models import Organization
from portico.actors import Actor
from portico.errors import DomainError
from portico.hubs.models import InvitationTemplate
from portico.mail import placeholders
from portico.mail.templates import (
    SUPPORTED_LANGUAGES,
    RenderedEmail,
    built_in_fixed_texts,
    default_invitation_template,
    render,
)
from portico.settings import Settings
from portico.validation import Checker

MAX_SUBJECT_LENGTH = 300
MAX_BODY_LENGTH = 10000


def is_built_in(language: str) -> bool:
    """en, da and sv carry their own fixed texts; any other language takes them from its template."""
    return language in SUPPORTED_LANGUAGES


@dataclass(frozen=True)
class InvitationText:
    """What an organization writes for one language: subject, body, and fixed texts (by FixedText.key)."""

    language: str
    subject: str
    body: str
    fixed_texts: Mapping[str, str] = field(default_factory=dict)

    @property
    def missing_fixed_texts(self) -> list[str]:
        return placeholders.missing_fixed_texts(self.fixed_texts, built_in=is_built_in(self.language))

    def effective_fixed_texts(self) -> dict[str, str]:
        """Every fixed text as the email uses it: the admin's, else the built-in one ("" when neither)."""
        base = built_in_fixed_texts(self.language) if is_built_in(self.language) else {}
        return {key: self.fixed_texts.get(key) or base.get(key, "") for key in placeholders.FIXED_TEXT_KEYS}


async def template_languages(organization_id: int) -> list[str]:
    """Built-in languages plus any the admin added a template for."""
    custom = await InvitationTemplate.filter(organization_id=organization_id).values_list("language", flat=True)
    return sorted(set(SUPPORTED_LANGUAGES) | {str(c) for c in custom})


async def template_for(organization_id: int, language: str) -> InvitationText | None:
    """The admin's template for a language, else the built-in default, else None (unknown language)."""
    row = await InvitationTemplate.filter(organization_id=organization_id, language=language).first()
    if row is not None:
        return InvitationText(row.language, row.subject, row.body, dict(row.fixed_texts or {}))
    if is_built_in(language):
        subject, body = default_invitation_template(language)
        return InvitationText(language, subject, body)
    return None


def require_complete(template: InvitationText) -> None:
    """An admin-defined language lacking fixed texts is refused (TEMPLATE_INCOMPLETE) rather than mixed with
    English ones. Only templates saved before fixed texts were checked can be incomplete."""
    missing = template.missing_fixed_texts
    if missing:
        labels = ", ".join(spec.label for key in missing if (spec := placeholders.fixed_text(key)) is not None)
        raise DomainError(
            "TEMPLATE_INCOMPLETE",
            f"The invitation template for {template.language!r} lacks fixed texts ({labels}); an administrator "
            "must complete it before emails can be sent in that language.",
            "language",
        )


def render_invitation(
    organization: Organization, template: InvitationText, *, sender_name: str, sender_email: str, first_name: str,
    message: str, documents: Sequence[str], link: str,
) -> RenderedEmail:
    """The invitation email, wholly in the template's language (see `require_complete`)."""
    require_complete(template)
    return render(
        "hub_share",
        template.language,
        organization=organization.name,
        sender_name=sender_name,
        sender_email=sender_email,
        first_name=first_name,
        template_subject=template.subject,
        template_body=template.body,
        fixed_texts=dict(template.fixed_texts),
        message=message,
        documents=list(documents),
        link=link,
    )


@dataclass(frozen=True)
class TemplateView:
    """One language's invitation email as the organization will send it (saved, or the built-in default)."""

    pk: int | str
    text: InvitationText

    @property
    def built_in(self) -> bool:
        return is_built_in(self.text.language)


async def organization_templates(actor: Actor) -> list[TemplateView]:
    actor.require_staff()
    org = actor.organization
    assert org is not None
    saved = {t.language: t.id for t in await InvitationTemplate.filter(organization_id=org.id)}
    views = []
    for language in await template_languages(org.id):
        found = await template_for(org.id, language)
        assert found is not None
        views.append(TemplateView(saved.get(language, f"default-{language}"), found))
    return views


def _checked(language: str, subject: str, body: str, fixed_texts: Mapping[str, str]) -> InvitationText:
    """The draft, cleaned, or every problem with it at once."""
    check = Checker()
    language = check.language(language)
    subject = check.text(subject, "subject", "Subject", max_length=MAX_SUBJECT_LENGTH, single_line=True)
    body = check.text(body, "body", "Text", max_length=MAX_BODY_LENGTH)
    texts = {key: (text or "").strip() for key, text in fixed_texts.items()}
    if not check.problems:
        check.problems += placeholders.check_invitation(
            subject=subject, body=body, fixed_texts=texts, built_in=is_built_in(language)
        )
    check.raise_if_any()
    # A built-in language keeps only what the admin changed: the others follow the built-in texts (and keep
    # their singular and plural forms).
    base = built_in_fixed_texts(language) if is_built_in(language) else {}
    return InvitationText(language, subject, body, {k: v for k, v in texts.items() if v and v != base.get(k)})


async def save_template(
    actor: Actor, *, language: str, subject: str, body: str, fixed_texts: Mapping[str, str] | None = None
) -> TemplateView:
    """Create or replace the organization's invitation email for a language (administrators)."""
    policy.require_template_editor(actor)
    text = _checked(language, subject, body, fixed_texts or {})
    row = await InvitationTemplate.filter(organization_id=actor.organization_id, language=text.language).first()
    if row is None:
        row = InvitationTemplate(organization_id=actor.organization_id, language=text.language)
    row.subject, row.body, row.fixed_texts = text.subject, text.body, dict(text.fixed_texts)
    await row.save()
    return TemplateView(row.id, text)


SAMPLE_FIRST_NAME = "Emma"
# The rep's message is theirs, in any language: an ellipsis shows where it goes without words of its own.
SAMPLE_MESSAGE = "…"


async def preview_template(
    actor: Actor, settings: Settings, *, language: str, subject: str, body: str,
    fixed_texts: Mapping[str, str] | None = None,
) -> RenderedEmail:
    """A draft rendered as a customer would get it, without saving (the editor's live preview).

    The documents are the organization's first publications (or two example names), the sender is the admin.
    """
    member = policy.require_template_editor(actor)
    assert actor.organization is not None
    text = _checked(language, subject, body, fixed_texts or {})
    titles = await policy.publications_visible_to(actor).order_by("title_key", "id").limit(2).values_list(
        "title", flat=True
    )
    documents = [str(t) for t in titles] or ["Example 1.pdf", "Example 2.pdf"]
    return render_invitation(
        actor.organization, text, sender_name=member.full_name, sender_email=member.email,
        first_name=SAMPLE_FIRST_NAME, message=SAMPLE_MESSAGE, documents=documents,
        link=f"{settings.public_url}/hub/welcome?token=…",
    )

