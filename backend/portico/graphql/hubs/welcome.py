"""The welcome email in GraphQL: sending it to a contact, and the administrators' welcome templates."""

from __future__ import annotations

import strawberry

from portico.errors import DomainError
from portico.graphql import scopes
from portico.graphql.context import Info
from portico.graphql.customers.types import ContactType
from portico.graphql.errors import UserError, mutate, user_errors
from portico.graphql.hubs.types import EmailPreview
from portico.graphql.relay import decode_id
from portico.hubs import welcome, welcome_templates


@strawberry.type(name="WelcomeTemplate")
class WelcomeTemplateType:
    language: str
    subject: str
    body: str
    customized: bool = strawberry.field(description="The organization's own text; false: the built-in one.")

    @classmethod
    def from_text(cls, text: welcome_templates.WelcomeText) -> WelcomeTemplateType:
        return cls(language=text.language, subject=text.subject, body=text.body, customized=text.customized)


@strawberry.input
class SendWelcomeEmailInput:
    contact_id: strawberry.ID
    language: str | None = strawberry.field(
        default=None, description="en, da or sv; by default the language of the newest share to the contact, else "
        "the sender's."
    )


@strawberry.type
class SendWelcomeEmailPayload:
    contact: ContactType | None = None
    errors: list[UserError]


@strawberry.input
class WelcomeTemplateInput:
    language: str
    subject: str
    body: str


@strawberry.input
class ResetWelcomeTemplateInput:
    language: str


@strawberry.type
class WelcomeTemplatePayload:
    welcome_template: WelcomeTemplateType | None = None
    errors: list[UserError]


@strawberry.type
class WelcomeTemplatePreview:
    email: EmailPreview | None = None
    errors: list[UserError]


@strawberry.type
class WelcomeQueries:
    @strawberry.field(description="The organization's welcome email per built-in language (administrators).")
    async def welcome_templates(self, info: Info) -> list[WelcomeTemplateType]:
        texts = await welcome_templates.organization_welcome_templates(info.context.actor.require_signed_in())
        return [WelcomeTemplateType.from_text(t) for t in texts]

    @strawberry.field(description="A draft welcome email rendered as a contact would get it, without saving it.")
    async def preview_welcome_template(self, info: Info, input: WelcomeTemplateInput) -> WelcomeTemplatePreview:
        actor = info.context.actor.require_signed_in()
        try:
            rendered = await welcome_templates.preview_welcome_template(
                actor, info.context.settings, language=input.language, subject=input.subject, body=input.body
            )
        except DomainError as error:
            return WelcomeTemplatePreview(errors=user_errors(error))
        return WelcomeTemplatePreview(
            email=EmailPreview(subject=rendered.subject, html=rendered.html, text=rendered.text), errors=[]
        )


@strawberry.type
class WelcomeMutations:
    @strawberry.mutation(
        description="Send, or send again, the welcome email with the contact's personal hub link; a new one makes the "
        "previous welcome email's link stop working. Refused (errors) for a contact without email or hub access, and "
        f"when sent moments ago. {scopes.CUSTOMERS_WRITE}"
    )
    async def send_welcome_email(self, info: Info, input: SendWelcomeEmailInput) -> SendWelcomeEmailPayload:
        async def work() -> dict[str, object]:
            contact = await welcome.send_welcome_email(
                info.context.actor.require_signed_in(), info.context.settings,
                contact_id=decode_id(input.contact_id, "Contact", "contactId"), language=input.language,
            )
            return {"contact": ContactType.from_model(contact)}

        return await mutate(SendWelcomeEmailPayload, work)

    @strawberry.mutation(description="Create or replace the organization's welcome email for a language.")
    async def save_welcome_template(self, info: Info, input: WelcomeTemplateInput) -> WelcomeTemplatePayload:
        async def work() -> dict[str, object]:
            text = await welcome_templates.save_welcome_template(
                info.context.actor.require_signed_in(), language=input.language, subject=input.subject,
                body=input.body,
            )
            return {"welcome_template": WelcomeTemplateType.from_text(text)}

        return await mutate(WelcomeTemplatePayload, work)

    @strawberry.mutation(description="Go back to the built-in welcome email for a language.")
    async def reset_welcome_template(self, info: Info, input: ResetWelcomeTemplateInput) -> WelcomeTemplatePayload:
        async def work() -> dict[str, object]:
            text = await welcome_templates.reset_welcome_template(
                info.context.actor.require_signed_in(), language=input.language
            )
            return {"welcome_template": WelcomeTemplateType.from_text(text)}

        return await mutate(WelcomeTemplatePayload, work)
