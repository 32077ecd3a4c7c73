"""Mutations of the quotes domain (staff and partners): create, publish, update, new version, archive, upsert.

Thin: parse the input, call `portico.quotes.services` (or `.partner`), publish the events after the commit, shape
the payload. Errors name the input field they concern (camelCase), so a form shows them in place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from portico.graphql.context import Info
from portico.graphql.errors import UserError, mutate
from portico.graphql.quotes.types import QUOTES_WRITE, QuoteType, QuoteVersionType, QuoteVisibility
from portico.graphql.relay import decode_id
from portico.quotes import partner, services
from portico.quotes.events import publish_events
from portico.quotes.validation import UNSET


@strawberry.input
class QuoteTermsFields:
    """Fields shared by create, update and upsert (omit a field to leave it as it is on update)."""

    title: str | None = strawberry.UNSET
    amount: str | None = strawberry.field(default=strawberry.UNSET, description="A decimal as text, e.g. \"1250.50\".")
    currency: str | None = strawberry.field(default=strawberry.UNSET, description="ISO 4217, e.g. EUR.")
    message: str | None = strawberry.UNSET
    language: str | None = strawberry.field(default=strawberry.UNSET, description="The emails' language: en, da, sv.")
    visibility: QuoteVisibility | None = strawberry.UNSET  # type: ignore[valid-type]
    contact_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET,
                                                        description="Required for ONE_CONTACT.")
    expires_on: date | None = strawberry.field(default=strawberry.UNSET, description="The last day it can be "
                                               "accepted (null: no expiry).")
    remove_after_days: int | None = strawberry.UNSET
    notify_on_publish: bool | None = strawberry.UNSET
    remind_unopened_days: int | None = strawberry.UNSET
    remind_unaccepted_days: int | None = strawberry.UNSET
    remind_before_expiry_days: int | None = strawberry.UNSET


_TERMS = ("title", "amount", "currency", "message", "language", "visibility", "expires_on", "remove_after_days",
          "notify_on_publish", "remind_unopened_days", "remind_unaccepted_days", "remind_before_expiry_days")


def _raw(input: Any) -> dict[str, Any]:
    """The fields given (UNSET for the others), in the services' names."""
    raw = {name: getattr(input, name) for name in _TERMS}
    return {k: (UNSET if v is strawberry.UNSET else v) for k, v in raw.items()}


def _contact(input: Any) -> Any:
    value = input.contact_id
    if value is strawberry.UNSET:
        return UNSET
    return None if value is None else decode_id(value, "Contact", "contactId")


@strawberry.input
class CreateQuoteInput(QuoteTermsFields):
    customer_id: strawberry.ID
    number: str
    upload_id: str = strawberry.field(description="The quote's PDF, from POST /uploads.")
    attachment_upload_ids: list[str] = strawberry.field(default_factory=list, description="More files from POST "
                                                        "/uploads, shown beside the PDF.")
    publish: bool = strawberry.field(default=False, description="Send it at once (else it stays a DRAFT).")
    external_ref: str | None = None


@strawberry.input
class UpdateQuoteInput(QuoteTermsFields):
    quote_id: strawberry.ID
    number: str | None = strawberry.field(default=strawberry.UNSET, description="Only while a draft.")


@strawberry.input
class QuoteIdInput:
    quote_id: strawberry.ID


@strawberry.input
class AddQuoteVersionInput:
    quote_id: strawberry.ID
    upload_id: str = strawberry.field(description="The new PDF, from POST /uploads.")
    attachment_upload_ids: list[str] = strawberry.field(default_factory=list)
    notify: bool = strawberry.field(default=True, description="Email the recipients that the quote changed (once "
                                    "it is sent).")


@strawberry.input
class UpsertQuoteInput(QuoteTermsFields):
    external_ref: str = strawberry.field(description="The quote's id in the partner's system.")
    customer_id: strawberry.ID
    number: str = strawberry.field(description="Used when the quote is created.")
    upload_id: str = strawberry.field(description="The PDF, from POST /uploads: a new one (by SHA-256) makes a new "
                                      "version; the same one changes nothing.")
    publish: bool = strawberry.field(default=True, description="Send a new quote at once.")


@strawberry.type
class QuotePayload:
    quote: QuoteType | None = None
    errors: list[UserError]


@strawberry.type
class QuoteVersionPayload:
    quote: QuoteType | None = None
    version: QuoteVersionType | None = None
    errors: list[UserError]


@strawberry.type
class UpsertQuotePayload:
    quote: QuoteType | None = None
    created: bool = False
    version_added: bool = strawberry.field(default=False, description="A new PDF made a new version (and the "
                                           "recipients were told).")
    errors: list[UserError]


async def _done(info: Info, outcome: services.Outcome) -> None:
    await publish_events(info.context.services.broker, outcome.events)


@strawberry.type
class QuoteMutations:
    @strawberry.mutation(description=f"A quote with its PDF (and attachments), as a draft or sent at once. "
                         f"{QUOTES_WRITE}")
    async def create_quote(self, info: Info, input: CreateQuoteInput) -> QuoteVersionPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            contact = _contact(input)
            outcome = await services.create_quote(
                actor, info.context.settings, customer_id=decode_id(input.customer_id, "Customer", "customerId"),
                upload_id=input.upload_id, attachment_upload_ids=input.attachment_upload_ids,
                contact_id=None if contact is UNSET else contact, publish=input.publish, number=input.number,
                external_ref=input.external_ref, **{k: v for k, v in _raw(input).items() if v is not UNSET},
            )
            await _done(info, outcome)
            return {"quote": QuoteType.from_model(outcome.quote),
                    "version": QuoteVersionType.from_model(outcome.version) if outcome.version else None}

        return await mutate(QuoteVersionPayload, work)

    @strawberry.mutation(description=f"Send a draft to its recipients (emailed when notifyOnPublish). {QUOTES_WRITE}")
    async def publish_quote(self, info: Info, input: QuoteIdInput) -> QuotePayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            outcome = await services.publish_quote(actor, info.context.settings,
                                                   quote_id=decode_id(input.quote_id, "Quote", "quoteId"))
            await _done(info, outcome)
            return {"quote": QuoteType.from_model(outcome.quote)}

        return await mutate(QuotePayload, work)

    @strawberry.mutation(description=f"Change a quote's terms, recipients, reminders or validity. {QUOTES_WRITE}")
    async def update_quote(self, info: Info, input: UpdateQuoteInput) -> QuotePayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            raw = _raw(input)
            if input.number is not strawberry.UNSET:
                raw["number"] = input.number
            outcome = await services.update_quote(
                actor, quote_id=decode_id(input.quote_id, "Quote", "quoteId"), contact_id=_contact(input), **raw
            )
            return {"quote": QuoteType.from_model(outcome.quote)}

        return await mutate(QuotePayload, work)

    @strawberry.mutation(description="A new PDF for a quote; earlier versions are kept. Refused (VERSION_FROZEN) once "
                         f"accepted. {QUOTES_WRITE}")
    async def add_quote_version(self, info: Info, input: AddQuoteVersionInput) -> QuoteVersionPayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            outcome = await services.add_quote_version(
                actor, info.context.settings, quote_id=decode_id(input.quote_id, "Quote", "quoteId"),
                upload_id=input.upload_id, attachment_upload_ids=input.attachment_upload_ids, notify=input.notify,
            )
            await _done(info, outcome)
            return {"quote": QuoteType.from_model(outcome.quote),
                    "version": QuoteVersionType.from_model(outcome.version) if outcome.version else None}

        return await mutate(QuoteVersionPayload, work)

    @strawberry.mutation(description=f"Archive a quote (its history is kept). {QUOTES_WRITE}")
    async def archive_quote(self, info: Info, input: QuoteIdInput) -> QuotePayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            outcome = await services.archive_quote(actor, quote_id=decode_id(input.quote_id, "Quote", "quoteId"))
            await _done(info, outcome)
            return {"quote": QuoteType.from_model(outcome.quote)}

        return await mutate(QuotePayload, work)

    @strawberry.mutation(description="Partners: create or update a quote by its external reference (idempotent). A "
                         "new reference makes a quote (sent unless publish is false); a new PDF makes a new version "
                         f"and tells the recipients; the same PDF changes nothing. {QUOTES_WRITE}")
    async def upsert_quote(self, info: Info, input: UpsertQuoteInput) -> UpsertQuotePayload:
        async def work() -> dict[str, object]:
            actor = info.context.actor.require_signed_in()
            contact = _contact(input)
            raw = _raw(input)
            if contact is not UNSET:
                raw["contact_id"] = contact
            result = await partner.upsert_quote(
                actor, info.context.settings, info.context.services.storage, external_ref=input.external_ref,
                customer_id=decode_id(input.customer_id, "Customer", "customerId"), upload_id=input.upload_id,
                publish=input.publish, number=input.number, **raw,
            )
            await _done(info, result.outcome)
            return {"quote": QuoteType.from_model(result.outcome.quote), "created": result.created,
                    "version_added": result.version_added}

        return await mutate(UpsertQuotePayload, work)
