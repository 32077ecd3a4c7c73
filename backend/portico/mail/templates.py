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

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "da", "sv")
DEFAULT_LANGUAGE = "en"

# The placeholders an admin may use in an invitation template (subject and body).
INVITATION_PLACEHOLDERS: tuple[str, ...] = ("organization", "sender_name", "first_name")

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
        {"first_name": "", "template_subject": "", "template_body": "", "message": ""},
    ),
    "contact_welcome": _Spec(frozenset({"organization", "link"}), {"first_name": "", "email": ""}),
    "colleague_invitation": _Spec(
        frozenset({"organization", "sharer_name", "document_name", "link"}), {"first_name": "", "message": ""}
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


def render(name: str, language: str, **context: Any) -> RenderedEmail:
    """Render one system email; an unknown language falls back to English.

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

    language = normalize_language(language)
    values: dict[str, Any] = {**spec.optional, **context}
    t = _Translator(language, values)
    values["greeting"] = t("layout.greeting") if values["first_name"] else t("layout.greeting_anonymous")
    if name == "member_invitation":
        values["role_label"] = t(f"roles.{str(values['role']).lower()}")
    subject = _prepare_hub_share(values, language) if name == "hub_share" else t(f"{name}.subject")
    values.update(subject=_one_line(subject), language=language, t=t)

    html = _environment().get_template(f"{name}.html").render(values)
    text = _environment().get_template(f"{name}.txt").render(values)
    return RenderedEmail(subject=values["subject"], html=html, text=_tidy_text(text))


def _prepare_hub_share(values: dict[str, Any], language: str) -> str:
    """Fill the admin's template (or the default) and return the subject."""
    default_subject, default_body = default_invitation_template(language)
    placeholders = {key: str(values[key]) for key in INVITATION_PLACEHOLDERS}
    values["template_body"] = fill_placeholders(values["template_body"] or default_body, placeholders)
    values["documents"] = [str(document) for document in values["documents"]]
    return fill_placeholders(values["template_subject"] or default_subject, placeholders)


_PLACEHOLDER = re.compile(r"\{(" + "|".join(INVITATION_PLACEHOLDERS) + r")\}")


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace {organization}, {sender_name}, {first_name} in admin-written text.

    Deliberately not str.format: admin text is untrusted, and format() would evaluate `{x.__class__}`-style
    fields and fail on stray braces. Unknown braces are left as written.
    """
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def paragraphs(text: str) -> list[list[str]]:
    """Plain text → paragraphs (split on blank lines), each a list of its lines (rendered with <br>)."""
    normalized = str(text).replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", normalized.strip())
    return [[line.rstrip() for line in block.strip("\n").split("\n")] for block in blocks if block.strip()]


class _Translator:
    """`t(key, count=None, **values)` in templates: the string for this language, filled from the context."""

    def __init__(self, language: str, context: Mapping[str, Any]) -> None:
        self._strings = catalog(language)
        self._fallback = catalog(DEFAULT_LANGUAGE)
        self._context = context

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
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
