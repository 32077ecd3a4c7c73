"""Invitation templates in GraphQL: the list, what a template may contain, a live preview, and saving one."""

from __future__ import annotations

import strawberry

from portico import policy
from portico.actors import Actor
from portico.errors import DomainError
from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate, user_errors
from portico.graphql.hubs.types import EmailPreview
from portico.graphql.node import Node, register_node
from portico.graphql.relay import encode_id
from portico.hubs import templates
from portico.hubs.models import InvitationTemplate
from portico.mail import placeholders
from portico.mail.templates import SUPPORTED_LANGUAGES


@strawberry.type
class InvitationFixedText:
    key: str
    text: str


@strawberry.type(name="InvitationTemplate")
class InvitationTemplateType(Node):
    language: str
    subject: str
    body: str
    built_in: bool = strawberry.field(
        description="The language has built-in fixed texts (en, da, sv): the template may leave them as they are."
    )
    fixed_texts: list[InvitationFixedText] = strawberry.field(
        description="Every fixed text of the email as it is sent: the organization's, else the built-in one."
    )
    missing_fixed_texts: list[str] = strawberry.field(
        description="Fixed texts an admin-defined language still lacks; while any is missing, shares in this "
        "language are refused (TEMPLATE_INCOMPLETE)."
    )

    @classmethod
    def from_model(cls, row: InvitationTemplate) -> InvitationTemplateType:
        """A saved template (the built-in defaults have no row, and no id `node` can look up)."""
        text = templates.InvitationText(row.language, row.subject, row.body, dict(row.fixed_texts or {}))
        return cls.from_view(templates.TemplateView(row.id, text))

    @classmethod
    def from_view(cls, view: templates.TemplateView) -> InvitationTemplateType:
        text = view.text
        return cls(
            id=encode_id("InvitationTemplate", view.pk), language=text.language, subject=text.subject, body=text.body,
            built_in=view.built_in,
            fixed_texts=[InvitationFixedText(key=k, text=v) for k, v in text.effective_fixed_texts().items()],
            missing_fixed_texts=text.missing_fixed_texts,
        )


@strawberry.type
class TemplatePlaceholder:
    name: str
    token: str = strawberry.field(description="As written in a template, e.g. {first_name}.")
    description: str


@strawberry.type
class FixedTextSpec:
    key: str
    label: str
    description: str
    placeholders: list[str] = strawberry.field(description="Names of the placeholders this text may use.")


@strawberry.type
class InvitationTemplateSpec:
    placeholders: list[TemplatePlaceholder] = strawberry.field(description="Accepted in the subject and the body.")
    fixed_texts: list[FixedTextSpec] = strawberry.field(
        description="The email's other texts: built in for the built-in languages, required for any other."
    )
    built_in_languages: list[str]


@strawberry.input
class FixedTextInput:
    key: str
    text: str


@strawberry.input
class SaveInvitationTemplateInput:
    language: str
    subject: str
    body: str
    fixed_texts: list[FixedTextInput] = strawberry.field(
        default_factory=list,
        description="Required, every one, for a language without built-in texts; for en, da and sv only the "
        "texts to change (an empty or unchanged text follows the built-in one).",
    )


@strawberry.input
class InvitationTemplateDraftInput:
    language: str
    subject: str
    body: str
    fixed_texts: list[FixedTextInput] = strawberry.field(default_factory=list)


@strawberry.type
class InvitationTemplatePreview:
    email: EmailPreview | None = None
    errors: list[UserError]


@strawberry.type
class InvitationTemplatePayload:
    invitation_template: InvitationTemplateType | None = None
    errors: list[UserError]


def _texts(items: list[FixedTextInput]) -> dict[str, str]:
    return {item.key: item.text for item in items}


@strawberry.type
class TemplateQueries:
    @strawberry.field(description="The organization's invitation email per language (built-in defaults included).")
    async def invitation_templates(self, info: Info) -> list[InvitationTemplateType]:
        views = await templates.organization_templates(info.context.actor.require_signed_in())
        return [InvitationTemplateType.from_view(v) for v in views]

    @strawberry.field(description="What an invitation template may contain (administrators).")
    def invitation_template_spec(self, info: Info) -> InvitationTemplateSpec:
        policy.require_template_editor(info.context.actor.require_signed_in())
        return InvitationTemplateSpec(
            placeholders=[
                TemplatePlaceholder(name=p.name, token="{" + p.name + "}", description=p.description)
                for p in placeholders.PLACEHOLDERS
            ],
            fixed_texts=[
                FixedTextSpec(key=f.key, label=f.label, description=f.description, placeholders=list(f.placeholders))
                for f in placeholders.FIXED_TEXTS
            ],
            built_in_languages=list(SUPPORTED_LANGUAGES),
        )

    @strawberry.field(description="A draft template rendered as a customer would get it, without saving it; "
                      "problems come back in errors (administrators).")
    async def preview_invitation_template(
        self, info: Info, input: InvitationTemplateDraftInput
    ) -> InvitationTemplatePreview:
        actor = info.context.actor.require_signed_in()
        try:
            rendered = await templates.preview_template(
                actor, info.context.settings, language=input.language, subject=input.subject, body=input.body,
                fixed_texts=_texts(input.fixed_texts),
            )
        except DomainError as error:
            return InvitationTemplatePreview(errors=user_errors(error))
        return InvitationTemplatePreview(
            email=EmailPreview(subject=rendered.subject, html=rendered.html, text=rendered.text), errors=[]
        )


@strawberry.type
class TemplateMutations:
    @strawberry.mutation(description="Create or replace the organization's invitation email for a language.")
    async def save_invitation_template(
        self, info: Info, input: SaveInvitationTemplateInput
    ) -> InvitationTemplatePayload:
        async def work() -> dict[str, object]:
            view = await templates.save_template(
                info.context.actor.require_signed_in(), language=input.language, subject=input.subject,
                body=input.body, fixed_texts=_texts(input.fixed_texts),
            )
            return {"invitation_template": InvitationTemplateType.from_view(view)}

        return await mutate(InvitationTemplatePayload, work)


async def _resolve_node(actor: Actor, pk: int) -> InvitationTemplateType | None:
    row = await policy.invitation_templates_visible_to(actor).filter(id=pk).first()
    return InvitationTemplateType.from_model(row) if row else None


register_node("InvitationTemplate", _resolve_node)
