"""The acceptance certificate: a PDF stating who accepted which version of a quote, when, and how they proved it.

Made with fpdf2 (pure Python, maintained, no system libraries). The certificate carries the SHA-256 of the exact
PDF version accepted, so anyone holding both files can check that the quote they have is the one that was accepted
(`sha256sum quote.pdf`). It is rendered once, at acceptance, and stored like a document: it is a record, not a view.

Fonts: names and titles are whatever people typed (Łukasz, Zoë, 山田). fpdf2's built-in fonts cover Latin-1 only, so
the certificate embeds DejaVu Sans when the system has it (Debian's fonts-dejavu-core, installed in the image); without
it, it falls back to Helvetica and writes characters outside Latin-1 as their closest ASCII (or "?"), never failing
an acceptance over a font.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fpdf import FPDF

from portico.quotes.certificate_words import words

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"), Path("/usr/share/fonts/dejavu"))
_SANS, _SANS_BOLD, _MONO = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"
# Letters NFKD does not decompose (they are not "a letter plus an accent").
_ASCII_LOOKALIKES = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe", "Ħ": "H", "ħ": "h", "ı": "i"}


@dataclass(frozen=True)
class CertificateFacts:
    """Everything the certificate states (all of it recorded on the acceptance)."""

    certificate_id: str
    organization: str
    customer: str
    quote_number: str
    quote_title: str
    version_number: int
    version_sha256: str
    version_filename: str
    accepted_by_name: str
    accepted_by_email: str
    accepted_at: datetime  # aware, UTC
    organization_timezone: str | None
    client_address: str
    user_agent: str
    code_sent_to: str  # the address the 6-digit confirmation code was emailed to
    language: str = "en"  # the quote's language (en, da, sv; anything else: English)


def render_certificate(facts: CertificateFacts) -> bytes:
    """The certificate as PDF bytes, in the quote's language (`facts.language`; English for any other)."""
    w = words(facts.language)
    pdf = _Document(facts.certificate_id, w["title"])
    pdf.add_page()
    pdf.heading(w["title"])
    pdf.paragraph(w["summary"].format(
        name=facts.accepted_by_name, version=facts.version_number, number=facts.quote_number,
        organization=facts.organization, customer=facts.customer,
    ))
    pdf.section(w["quote"])
    pdf.row(w["organization"], facts.organization)
    pdf.row(w["customer"], facts.customer)
    pdf.row(w["number"], facts.quote_number)
    pdf.row(w["quote_title"], facts.quote_title)
    pdf.row(w["version"], f"{facts.version_number} ({facts.version_filename})")
    pdf.row(w["sha256"], facts.version_sha256, mono=True)
    pdf.section(w["accepted_by"])
    pdf.row(w["name"], facts.accepted_by_name)
    pdf.row(w["email"], facts.accepted_by_email)
    pdf.row(w["time_utc"], _utc(facts.accepted_at))
    local = _local(facts.accepted_at, facts.organization_timezone)
    if local is not None:
        pdf.row(w["time_local"].format(zone=facts.organization_timezone), local)
    pdf.row(w["address"], facts.client_address or w["unknown"])
    pdf.row(w["user_agent"], facts.user_agent or w["unknown"])
    pdf.row(w["method"], w["method_value"].format(address=facts.code_sent_to))
    pdf.section(w["certificate"])
    pdf.row(w["certificate_id"], facts.certificate_id, mono=True)
    pdf.paragraph(w["check"])
    return bytes(pdf.output())


def _utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M:%S UTC")


def _local(moment: datetime, timezone: str | None) -> str | None:
    """The time in the organization's zone, when it has one other than UTC (and the zone is known here)."""
    if not timezone or timezone.upper() == "UTC":
        return None
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")


def _font_dir() -> Path | None:
    return next((d for d in _FONT_DIRS if (d / _SANS).is_file() and (d / _MONO).is_file()), None)


def _latin1(text: str) -> str:
    """For the built-in fonts: accents decomposed to ASCII where possible, anything else outside Latin-1 as '?'."""
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        plain = _ASCII_LOOKALIKES.get(char) or unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        out.append(plain or "?")
    return "".join(out)


class _Document(FPDF):
    def __init__(self, certificate_id: str, title: str) -> None:
        super().__init__(format="A4")
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_title(f"{title} {certificate_id}")
        self.set_creator("Portico")
        fonts = _font_dir()
        self._unicode = fonts is not None
        if fonts is not None:
            self.add_font("Sans", "", str(fonts / _SANS))
            self.add_font("Sans", "B", str(fonts / (_SANS_BOLD if (fonts / _SANS_BOLD).is_file() else _SANS)))
            self.add_font("Mono", "", str(fonts / _MONO))
            self._sans, self._mono = "Sans", "Mono"
        else:
            self._sans, self._mono = "Helvetica", "Courier"

    def _text(self, text: str) -> str:
        return text if self._unicode else _latin1(text)

    def heading(self, text: str) -> None:
        self.set_font(self._sans, "B", 18)
        self.multi_cell(0, 10, self._text(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def section(self, text: str) -> None:
        self.ln(4)
        self.set_font(self._sans, "B", 12)
        self.cell(0, 8, self._text(text), new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str) -> None:
        self.set_font(self._sans, "", 10)
        self.multi_cell(0, 5.5, self._text(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, label: str, value: str, *, mono: bool = False) -> None:
        self.set_font(self._sans, "B", 9)
        self.cell(52, 6, self._text(label))
        # The digest (64 characters) fits one line in 8.5 pt monospace: it is copied and compared, so never wrapped.
        self.set_font(self._mono if mono else self._sans, "", 8.5 if mono else 10)
        self.multi_cell(0, 6, self._text(value), new_x="LMARGIN", new_y="NEXT")
