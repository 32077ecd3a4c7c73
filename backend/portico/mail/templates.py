"""System emails, rendered from jinja2 templates as HTML and plain text, in English, Danish and Swedish.

Layout and markup live in `templates/*.html|txt` (one pair per email, sharing `layout.*`); the words live in
`templates/i18n/<language>.toml`, one file per language with the same keys. Everything a caller passes is text:
HTML templates are autoescaped, and plain-text fields (an admin's invitation template, a rep's message) are
turned into paragraphs by the template, never inserted as markup.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from portico.mail import placeholders
from portico.mail.placeholders import FixedText

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "da", "sv")
DEFAULT_LANGUAGE = "en"

# The placeholders an admin may use in an invitation template (subject and body).
INVITATION_PLACEHOLDERS: tuple[str, ...] = placeholders.PLACEHOLDER_NAMES

_TEMPLATE_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str


@dataclass(frozen=True)
class _Spec:
    required: frozenset[str]
    optional: Mapping[str, Any]


# What each email needs. `first_name` is always the recipient's first name ("" when unknown: neutral greeting).
_EMAILS: dict[str, _Spec] = {
    "member_invitation": _Spec(
        frozenset({"organization", "inviter_name", "role", "link"}),
        {"first_name": "", "is_account_manager": False, "valid_days": None},
    ),
    "password_reset": _Spec(frozenset({"link", "valid_minutes"}), {"organization": "", "first_name": ""}),
    "hub_share": _Spec(
        frozenset({"organization", "sender_name", "sender_email", "documents", "link"}),
        {"first_name": "", "template_subject": "", "template_body": "", "message": "", "fixed_texts": None},
    ),
    # The organization's welcome template (hubs/welcome_templates.py) gives the subject and the text above the
    # button; without one, the built-in `contact_welcome.subject` and `.intro`.
    "contact_welcome": _Spec(
        frozenset({"organization", "link"}),
        {"first_name": "", "email": "", "sender_name": "", "template_subject": "", "template_body": ""},
    ),
    "colleague_invitation": _Spec(
        frozenset({"organization", "sharer_name", "document_name", "link"}), {"first_name": "", "message": ""}
    ),
    # A contact opened their personal hub link on a new device: the code, and a fresh personal link.
    "hub_sign_in_code": _Spec(frozenset({"organization", "code", "valid_minutes", "link"}), {"first_name": ""}),
    "hub_password_reset": _Spec(frozenset({"organization", "link", "valid_minutes"}), {"first_name": ""}),
    # Someone is accepting a quote (a contact, or a public link's visitor): the code that confirms their address.
    "quote_acceptance_code": _Spec(
        frozenset({"organization", "code", "valid_minutes", "quote_title", "quote_number", "link"}), {"first_name": ""}
    ),
    # A notification, immediate or the daily digest (`mode`: a notifications.kinds.Delivery), of one kind; `groups`
    # are [{title, items: [{what, count, actor, document, time}]}] with `what` an event key of the catalog.
    "notification": _Spec(
        frozenset({"organization", "link", "kind", "mode", "count", "customer", "groups", "unsubscribe_link",
                   "settings_link"}),
        {"first_name": ""},
    ),
    # Administrators: the organization's storage reached `level` (80 or 100) percent. Sizes come formatted.
    "storage_alert": _Spec(
        frozenset({"organization", "level", "percent", "used", "quota", "plan", "extra", "link"}), {"first_name": ""}
    ),
    # A reminder workflow's email step (receivables/reminder_email.py): `invoices` are [{number, due_on,
    # outstanding, overdue_days}] with dates and amounts formatted for the language, `totals` one string per currency.
    "invoice_reminder": _Spec(
        frozenset({"organization", "customer", "invoices", "totals", "link"}),
        {"first_name": "", "account_manager_name": "", "account_manager_email": "", "template_subject": "",
         "template_body": ""},
    ),
    # A contact reminded of a quote (`kind`: a quotes.reminder_plan.ReminderKind). `amount` and `expires_on` come
    # formatted ("" when the quote has none); `unsubscribe_link` stops quote emails (QUOTES_FOR_ME) for them.
    "quote_reminder": _Spec(
        frozenset({"organization", "link", "kind", "title", "number"}),
        {"first_name": "", "sender_name": "", "amount": "", "expires_on": "", "unsubscribe_link": ""},
    ),
    # A quote sent to a contact (`kind` PUBLISHED) or changed (`kind` CHANGED: a new version). `amount` and
    # `expires_on` come formatted ("" when the quote has none); `message` is the sender's plain text.
    "quote_sent": _Spec(
        frozenset({"organization", "link", "kind", "title", "number"}),
        {"first_name": "", "sender_name": "", "amount": "", "expires_on": "", "message": "", "version": "",
         "unsubscribe_link": ""},
    ),
}
EMAIL_NAMES: tuple[str, ...] = tuple(_EMAILS)


def normalize_language(language: str | None) -> str:
    """'da', 'da-DK', 'sv_SE' → a supported language; anything else → English."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> dict[str, Any]:
    """The strings of one language (the parsed TOML file)."""
    with open(_TEMPLATE_DIR / "i18n" / f"{language}.toml", "rb") as handle:
        return tomllib.load(handle)


def default_invitation_template(language: str) -> tuple[str, str]:
    """The invitation (subject, body) used until an admin writes their own; may use INVITATION_PLACEHOLDERS."""
    strings = catalog(normalize_language(language))["hub_share"]
    return strings["default_subject"], strings["default_body"]


def built_in_fixed_texts(language: str) -> dict[str, str]:
    """The fixed texts of the invitation email in a built-in language, as an admin would write them
    (a text with a plural takes its general form, with {count})."""
    strings = catalog(normalize_language(language))
    texts = {}
    for spec in placeholders.FIXED_TEXTS:
        entry = _lookup(strings, spec.catalog_key)
        texts[spec.key] = str(entry["other"] if isinstance(entry, dict) else entry)
    return texts


def render(name: str, language: str, **context: Any) -> RenderedEmail:
    """Render one system email; an unknown language falls back to English.

    The invitation (`hub_share`) also takes `fixed_texts`, the admin's fixed texts by `placeholders.FixedText.key`:
    they replace the built-in ones of en/da/sv, and for an admin-defined language they are the only texts used
    (a missing one raises KeyError rather than falling back to English: callers check completeness first).

    Raises KeyError for an unknown email and TypeError for missing or unexpected context keys, so that a
    caller's typo fails in its tests rather than in a customer's inbox.
    """
    spec = _EMAILS.get(name)
    if spec is None:
        raise KeyError(f"unknown email {name!r}; known: {', '.join(EMAIL_NAMES)}")
    missing = spec.required - context.keys()
    unexpected = context.keys() - spec.required - spec.optional.keys()
    if missing or unexpected:
        raise TypeError(f"{name}: missing {sorted(missing)}, unexpected {sorted(unexpected)}")
    link = str(context["link"])
    if not link.startswith(("https://", "http://")):
        raise ValueError(f"{name}: link must be an http(s) URL, got {link!r}")

    values: dict[str, Any] = {**spec.optional, **context}
    fixed_texts: Mapping[str, str] | None = values.pop("fixed_texts", None)
    own = (language or "").strip().lower()
    custom = fixed_texts is not None and own not in SUPPORTED_LANGUAGES and re.fullmatch(r"[a-z]{2}", own) is not None
    language = own if custom else normalize_language(language)
    t = _Translator(language, values, overrides=fixed_texts, fallback=not custom)
    values["greeting"] = t("layout.greeting") if values["first_name"] else t("layout.greeting_anonymous")
    if name == "member_invitation":
        values["role_label"] = t(f"roles.{str(values['role']).lower()}")
    if name == "hub_share":
        subject = _prepare_hub_share(values, language)
    elif name == "notification":
        subject = t(f"notification.subject.{values['kind']}.{values['mode']}", count=values["count"])
    elif name == "storage_alert":
        subject = t(f"storage_alert.subject_{values['level']}")  # the 80 % warning and the "full" email differ
    elif name in ("quote_reminder", "quote_sent"):
        subject = t(f"{name}.subject.{values['kind']}")
    elif name == "contact_welcome":
        subject = _prepare_welcome(values, language)
    elif name == "invoice_reminder":
        subject = _prepare_reminder(values, language, t)
    else:
        subject = t(f"{name}.subject")
    values.update(subject=_one_line(subject), language=language, t=t)

    html = _environment().get_template(f"{name}.html").render(values)
    text = _environment().get_template(f"{name}.txt").render(values)
    return RenderedEmail(subject=values["subject"], html=html, text=_tidy_text(text))


def _prepare_hub_share(values: dict[str, Any], language: str) -> str:
    """Fill the admin's template (or the default) and return the subject."""
    default_subject, default_body = default_invitation_template(language)
    known = {key: str(values[key]) for key in INVITATION_PLACEHOLDERS}
    values["template_body"] = fill_placeholders(values["template_body"] or default_body, known)
    values["documents"] = [str(document) for document in values["documents"]]
    return fill_placeholders(values["template_subject"] or default_subject, known)


def default_welcome_template(language: str) -> tuple[str, str]:
    """The welcome email's (subject, body) until an admin writes their own; may use INVITATION_PLACEHOLDERS."""
    strings = catalog(normalize_language(language))["contact_welcome"]
    return strings["subject"], strings["intro"]


def _prepare_welcome(values: dict[str, Any], language: str) -> str:
    default_subject, default_body = default_welcome_template(language)
    known = {key: str(values[key]) for key in INVITATION_PLACEHOLDERS}
    values["template_body"] = fill_placeholders(values["template_body"] or default_body, known)
    return fill_placeholders(values["template_subject"] or default_subject, known)


def default_reminder_template(language: str) -> tuple[str, str]:
    """A reminder email step's (subject, body) until an admin writes their own; may use REMINDER_PLACEHOLDERS."""
    strings = catalog(normalize_language(language))["invoice_reminder"]
    return strings["default_subject"], strings["default_body"]


def _prepare_reminder(values: dict[str, Any], language: str, t: _Translator) -> str:
    default_subject, default_body = default_reminder_template(language)
    known = {
        "first_name": str(values["first_name"]), "customer": str(values["customer"]),
        "organization": str(values["organization"]), "account_manager": str(values["account_manager_name"]),
        "invoice_count": str(len(values["invoices"])), "total": _and(t, [str(x) for x in values["totals"]]),
    }
    values["template_body"] = placeholders.fill(values["template_body"] or default_body, known)

    def overdue_label(days: int) -> str:
        if days > 0:
            return t("invoice_reminder.overdue", count=days)
        return t("invoice_reminder.due_in", count=-days) if days < 0 else t("invoice_reminder.due_today")

    values["overdue_label"] = overdue_label
    return placeholders.fill(values["template_subject"] or default_subject, known)


def _and(t: _Translator, items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' in the email's language."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('layout.and')} {items[-1]}"


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace {organization}, {sender_name}, {first_name} in admin-written text.

    Deliberately not str.format: admin text is untrusted, and format() would evaluate `{x.__class__}`-style
    fields and fail on stray braces. Unknown braces are left as written (templates saved before placeholders
    were checked may hold some).
    """
    return placeholders.fill(text, {k: v for k, v in values.items() if k in INVITATION_PLACEHOLDERS})


def paragraphs(text: str) -> list[list[str]]:
    """Plain text → paragraphs (split on blank lines), each a list of its lines (rendered with <br>)."""
    normalized = str(text).replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", normalized.strip())
    return [[line.rstrip() for line in block.strip("\n").split("\n")] for block in blocks if block.strip()]


_FIXED_BY_CATALOG_KEY: dict[str, FixedText] = {f.catalog_key: f for f in placeholders.FIXED_TEXTS}


class _Translator:
    """`t(key, count=None, **values)` in templates: the string for this language, filled from the context.

    `overrides` are an admin's fixed texts (by FixedText.key); without `fallback` nothing else is used, so an
    admin-defined language never shows a built-in (English) string.
    """

    def __init__(
        self, language: str, context: Mapping[str, Any], *, overrides: Mapping[str, str] | None = None,
        fallback: bool = True,
    ) -> None:
        self._strings = catalog(language) if fallback else {}
        self._fallback = catalog(DEFAULT_LANGUAGE) if fallback else {}
        self._overrides = {k: v for k, v in (overrides or {}).items() if v.strip()}
        self._context = context

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        spec = _FIXED_BY_CATALOG_KEY.get(key)
        if spec is not None and spec.key in self._overrides:
            # Admin text: only its own placeholders are filled, never through str.format.
            known = {**self._context, "count": count, **values}
            return placeholders.fill(self._overrides[spec.key], {n: known[n] for n in spec.placeholders})
        entry = _lookup(self._strings, key)
        if entry is None:
            entry = _lookup(self._fallback, key)
        if entry is None:
            raise KeyError(f"no email string {key!r}")
        if isinstance(entry, dict):
            entry = entry["one" if count == 1 else "other"]
        return str(entry).format_map({**self._context, "count": count, **values})


def _lookup(strings: Mapping[str, Any], key: str) -> Any:
    node: Any = strings
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _split_lines(text: str) -> list[str]:
    return str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _one_line(text: str) -> str:
    # A subject is a header: newlines would be rejected (or worse, injected) when the message is built.
    return " ".join(str(text).split())


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_TEMPLATE_DIR),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["split_lines"] = _split_lines
    return env
