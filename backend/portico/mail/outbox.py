"""Putting emails in the outbox.

Every email is a QUEUED row first. Callers enqueue inside the transaction of the change that causes the email
(pass its connection), so the email exists if and only if the change committed. Delivery happens later:
`portico.mail.sender.deliver_due` in the worker, or nothing at all in the embedded default (dev mailbox).

One-time tokens are not kept readable: an email carrying one names it in `secrets`, and `redact` cuts it out of the
stored copy once the email is delivered (or, in the embedded default, once the dev mailbox has shown it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NotRequired, TypedDict, Unpack

from tortoise.backends.base.client import BaseDBAsyncClient

from portico.mail.models import OutboxEmail, OutboxStatus
from portico.mail.templates import RenderedEmail

_MAX_SUBJECT = 300  # OutboxEmail.subject's column length
_MAX_ADDRESS = 254  # RFC 5321 path limit, and OutboxEmail.to_address's column length
# The only extra headers an email may carry (RFC 2369 / RFC 8058 one-click unsubscribe): a closed list, so that no
# caller can override From, Bcc or the like.
EXTRA_HEADERS = ("List-Unsubscribe", "List-Unsubscribe-Post")


class EmailFields(TypedDict):
    """What one email is made of: `queued`'s parameters, which `enqueue` passes on unchanged."""

    to: str
    subject: str
    html: str
    text: str
    kind: str
    organization_id: NotRequired[int | None]
    cc: NotRequired[Sequence[str]]
    bcc: NotRequired[Sequence[str]]
    reply_to: NotRequired[str | None]
    secrets: NotRequired[Sequence[str]]
    headers: NotRequired[Mapping[str, str] | None]


async def enqueue(*, connection: BaseDBAsyncClient | None = None, **fields: Unpack[EmailFields]) -> OutboxEmail:
    """Write one QUEUED email; `connection` is the caller's transaction (tortoise `using_db`).

    `secrets` are the one-time tokens the email carries (see `redact`); every email with a token must pass it.

    Addresses are checked (ValueError on a malformed one) and de-duplicated: nobody gets the same email twice
    because they are both in To and in CC. `kind` names the email ("hub_share", ...) for the dev mailbox and logs.
    """
    email = queued(**fields)
    await email.save(using_db=connection)
    return email


def queued(
    *,
    to: str,
    subject: str,
    html: str,
    text: str,
    kind: str,
    organization_id: int | None = None,
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    reply_to: str | None = None,
    secrets: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
) -> OutboxEmail:
    """The QUEUED email `enqueue` writes, checked the same way but not saved: `enqueue_all` writes many at once."""
    to_address = _address(to)
    cc_list = _unique(cc, exclude={to_address.lower()})
    bcc_list = _unique(bcc, exclude={to_address.lower(), *(a.lower() for a in cc_list)})
    return OutboxEmail(
        organization_id=organization_id,
        to_address=to_address,
        cc=cc_list,
        bcc=bcc_list,
        reply_to=_address(reply_to) if reply_to else None,
        subject=_subject(subject),
        html=html,
        text=text,
        kind=kind,
        secrets=_secrets(secrets, subject, html, text),
        headers=_headers(headers or {}),
        status=OutboxStatus.QUEUED,
    )


async def enqueue_all(emails: Sequence[OutboxEmail], connection: BaseDBAsyncClient | None = None) -> None:
    """Write emails built by `queued` in one statement (a share to many recipients is one INSERT, not one each)."""
    if emails:
        await OutboxEmail.bulk_create(list(emails), using_db=connection)


async def enqueue_rendered(
    rendered: RenderedEmail,
    *,
    to: str,
    kind: str,
    organization_id: int | None = None,
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    reply_to: str | None = None,
    secrets: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> OutboxEmail:
    """`enqueue` for the result of `portico.mail.templates.render`."""
    return await enqueue(
        to=to,
        subject=rendered.subject,
        html=rendered.html,
        text=rendered.text,
        kind=kind,
        organization_id=organization_id,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        secrets=secrets,
        headers=headers,
        connection=connection,
    )


REDACTED = "redacted"


def redacted(email: OutboxEmail) -> dict[str, str]:
    """Subject, HTML and text of `email` with its secrets replaced by REDACTED (the link no longer signs in)."""
    parts = {"subject": email.subject, "html": email.html, "text": email.text}
    # Longest first, so a secret that contains another is replaced whole.
    for secret in sorted(email.secrets or [], key=len, reverse=True):
        parts = {name: value.replace(secret, REDACTED) for name, value in parts.items()}
    return parts


async def redact(email: OutboxEmail) -> None:
    """Cut the email's one-time tokens out of its stored copy, and forget them (call once it will never be sent
    again). `email` itself, in memory, keeps them: the caller may still be showing it."""
    if email.secrets:
        await OutboxEmail.filter(id=email.id).update(**redacted(email), secrets=[])


def _address(raw: str) -> str:
    address = (raw or "").strip()
    local, _, domain = address.rpartition("@")
    # Deliberately loose (real validation happens where users type addresses): this only keeps out what would
    # break the message or the SMTP envelope, such as header injection through line breaks.
    if (
        not local
        or "." not in domain
        or len(address) > _MAX_ADDRESS
        or any(ch.isspace() or ch in '<>,;"' for ch in address)
    ):
        raise ValueError(f"not a usable email address: {raw!r}")
    return address


def _unique(addresses: Iterable[str], *, exclude: set[str]) -> list[str]:
    seen = set(exclude)
    result = []
    for raw in addresses:
        address = _address(raw)
        if address.lower() not in seen:
            seen.add(address.lower())
            result.append(address)
    return result


def _secrets(secrets: Sequence[str], *parts: str) -> list[str]:
    """The secrets as stored: non-empty, each once. A secret the email does not contain is a caller's bug (the token
    would stay readable under another spelling), so it fails loudly here rather than leak quietly later."""
    unique = list(dict.fromkeys(s for s in secrets if s))
    for secret in unique:
        if not any(secret in part for part in parts):
            raise ValueError("a secret passed to enqueue does not occur in the email")
    return unique


def _headers(headers: Mapping[str, str]) -> dict[str, str]:
    for name, value in headers.items():
        if name not in EXTRA_HEADERS:
            raise ValueError(f"header {name!r} is not one an email may carry (see EXTRA_HEADERS)")
        if any(ch in value for ch in "\r\n") or len(value) > 2000:
            raise ValueError(f"header {name!r} must be one line")
    return dict(headers)


def _subject(subject: str) -> str:
    one_line = " ".join(subject.split())
    return one_line if len(one_line) <= _MAX_SUBJECT else one_line[: _MAX_SUBJECT - 1] + "…"
