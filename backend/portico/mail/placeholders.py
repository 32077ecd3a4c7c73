"""What an invitation template may say: its placeholders, and the fixed texts of the email around it.

An admin writes the subject and body of the invitation (hub share) email per language. The rest of the email,
the greeting, the button, the footer and so on, are fixed texts: the built-in languages (en, da, sv) have them in
`templates/i18n/*.toml`; an admin-defined language must provide every one of them, so that a whole email is in
that language and never a mix of the admin's words and English fixed strings.

Placeholders are `{name}` with a name from the lists below. Admin text is untrusted: it is never passed to
`str.format` (which would evaluate `{x.__class__}`), only to `fill`, which replaces the known names and nothing else.
Unknown names (`{sender}` once went out literally) and stray braces are refused when the template is saved or
previewed, with a message saying which.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from portico.errors import Problem
from portico.validation import has_control_characters


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str


@dataclass(frozen=True)
class FixedText:
    """One fixed text of the invitation email. `catalog_key` is where the built-in languages keep it."""

    key: str
    catalog_key: str
    label: str
    description: str
    placeholders: tuple[str, ...]


# The placeholders of the subject and body.
PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("first_name", "The recipient's first name (empty when it is not known)."),
    Placeholder("sender_name", "The full name of the rep who shares the documents."),
    Placeholder("organization", "Your organization's name."),
)
PLACEHOLDER_NAMES: tuple[str, ...] = tuple(p.name for p in PLACEHOLDERS)

# The placeholders of a reminder email's subject and text (a reminder workflow's EMAIL step, per language).
REMINDER_PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("first_name", "The first name of the contact the email is addressed to (empty when not known)."),
    Placeholder("customer", "The customer's name."),
    Placeholder("organization", "Your organization's name."),
    Placeholder("account_manager", "The full name of the customer's account manager (empty when there is none)."),
    Placeholder("invoice_count", "How many invoices the email lists."),
    Placeholder("total", "What is outstanding on them, per currency (e.g. 1,250.00 EUR and 300.00 DKK)."),
)
REMINDER_PLACEHOLDER_NAMES: tuple[str, ...] = tuple(p.name for p in REMINDER_PLACEHOLDERS)
COUNT = "count"

_ALL = ("first_name", "sender_name", "organization")
FIXED_TEXTS: tuple[FixedText, ...] = (
    FixedText("greeting", "layout.greeting", "Greeting",
              "Opens the email when the recipient's first name is known.", _ALL),
    FixedText("greeting_anonymous", "layout.greeting_anonymous", "Greeting without a name",
              "Opens the email when the first name is not known.", ("sender_name", "organization")),
    FixedText("preheader", "hub_share.preheader", "Inbox preview",
              "The grey line inbox lists show after the subject. {count} is the number of documents.",
              (*_ALL, COUNT)),
    FixedText("message_from", "hub_share.message_from", "Message heading",
              "Heading above the rep's personal message.", _ALL),
    FixedText("documents_heading", "hub_share.documents_heading", "Documents heading",
              "Heading above the list of documents. {count} is the number of documents.", (*_ALL, COUNT)),
    FixedText("button", "hub_share.button", "Button", "The label of the button that opens the hub.", _ALL),
    FixedText("button_fallback", "layout.button_fallback", "Link hint",
              "Shown above the plain link, for when the button does not work.", _ALL),
    FixedText("questions", "hub_share.questions", "Questions line",
              "Before the rep's email address at the end of the email.", _ALL),
    FixedText("footer_reason", "hub_share.footer_reason", "Footer",
              "Why the recipient gets this email.", _ALL),
    FixedText("sent_by", "layout.sent_by", "Sent by", "The last line of the email.", _ALL),
)
FIXED_TEXT_KEYS: tuple[str, ...] = tuple(f.key for f in FIXED_TEXTS)
_BY_KEY = {f.key: f for f in FIXED_TEXTS}

MAX_FIXED_TEXT_LENGTH = 500

# A well-formed placeholder; any other brace is malformed.
_WELL_FORMED = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_BRACE = re.compile(r"[{}]")


def fixed_text(key: str) -> FixedText | None:
    return _BY_KEY.get(key)


def problems_in(text: str, allowed: tuple[str, ...], field: str, label: str) -> list[Problem]:
    """What is wrong with the placeholders of one text: unknown names and malformed braces, each said once."""
    problems: list[Problem] = []
    unknown = [m.group(0) for m in _WELL_FORMED.finditer(text) if m.group(1) not in allowed]
    if unknown:
        names = ", ".join(dict.fromkeys(unknown))
        accepted = ", ".join("{" + a + "}" for a in allowed)
        problems.append(Problem(
            "UNKNOWN_PLACEHOLDER", f"{label}: {names} is not a placeholder. Use {accepted}.", field
        ))
    rest = _WELL_FORMED.sub("", text)
    stray = _BRACE.search(rest)
    if stray is not None:
        start = max(0, stray.start() - 12)
        excerpt = rest[start : stray.end() + 12].strip()
        problems.append(Problem(
            "MALFORMED_PLACEHOLDER",
            f"{label}: a brace that is not part of a placeholder near “{excerpt}”. "
            "Braces are only for placeholders, written like {organization}.",
            field,
        ))
    return problems


def fill(text: str, values: Mapping[str, object]) -> str:
    """Replace the placeholders named in `values`; anything else is left exactly as written."""
    return _WELL_FORMED.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def check_invitation(
    *, subject: str, body: str, fixed_texts: Mapping[str, str], built_in: bool
) -> list[Problem]:
    """Every problem of an invitation template: placeholders in each part, and (for an admin-defined language)
    the fixed texts it still lacks. `fixed_texts` holds what the admin wrote, by FixedText.key."""
    problems = problems_in(subject, PLACEHOLDER_NAMES, "subject", "Subject")
    problems += problems_in(body, PLACEHOLDER_NAMES, "body", "Text")
    for key, text in fixed_texts.items():
        spec = _BY_KEY.get(key)
        field = f"fixedTexts.{key}"
        if spec is None:
            problems.append(Problem("UNKNOWN_FIXED_TEXT", f"{key!r} is not a fixed text of the email.", field))
        elif len(text) > MAX_FIXED_TEXT_LENGTH:
            problems.append(Problem(
                "TOO_LONG", f"{spec.label} must be at most {MAX_FIXED_TEXT_LENGTH} characters.", field
            ))
        elif has_control_characters(text):
            problems.append(Problem(
                "INVALID_TEXT", f"{spec.label} must not contain line breaks, tabs or control characters.", field
            ))
        else:
            problems += problems_in(text, spec.placeholders, field, spec.label)
    missing = missing_fixed_texts(fixed_texts, built_in=built_in)
    if missing:
        labels = ", ".join(_BY_KEY[k].label for k in missing)
        problems.append(Problem(
            "TEMPLATE_INCOMPLETE",
            f"A language without built-in texts needs every fixed text of the email, so that the whole email is "
            f"in that language. Missing: {labels}.",
            "fixedTexts",
        ))
    return problems


def missing_fixed_texts(fixed_texts: Mapping[str, str], *, built_in: bool) -> list[str]:
    """The fixed texts an admin-defined language still needs (none for a built-in language)."""
    if built_in:
        return []
    return [key for key in FIXED_TEXT_KEYS if not (fixed_texts.get(key) or "").strip()]
