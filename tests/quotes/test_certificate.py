"""The acceptance certificate states what was accepted, by whom, when and how: read back from the PDF itself."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import UTC, datetime

import pypdf

from portico.quotes import certificate
from portico.quotes.certificate import CertificateFacts, render_certificate

QUOTE_PDF = b"%PDF-1.4 the quote as sent\n%%EOF"
SHA = hashlib.sha256(QUOTE_PDF).hexdigest()

FACTS = CertificateFacts(
    certificate_id="QAC-7f3a9c21e4b0",
    organization="Fjord Consulting",
    customer="Łukasz & Zoë Manufacturing",
    quote_number="Q-2026-042",
    quote_title="Warehouse roof repair",
    version_number=2,
    version_sha256=SHA,
    version_filename="roof-v2.pdf",
    accepted_by_name="Zoë Brønsted",
    accepted_by_email="zoe@client.example",
    accepted_at=datetime(2026, 12, 3, 9, 45, 12, tzinfo=UTC),
    organization_timezone="Europe/Oslo",
    client_address="203.0.113.9",
    user_agent="Mozilla/5.0 (X11; Linux x86_64) Chrome/131",
    code_sent_to="zoe@client.example",
)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_certificate_states_every_fact_of_the_acceptance() -> None:
    pdf = render_certificate(FACTS)

    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert SHA in text  # on one line, whole: it is what a reader compares with sha256sum
    for fact in (
        "Fjord Consulting", "Łukasz & Zoë Manufacturing", "Q-2026-042", "Warehouse roof repair", "roof-v2.pdf",
        "Zoë Brønsted", "zoe@client.example", "2026-12-03 09:45:12 UTC", "203.0.113.9", "Chrome/131",
        "6-digit code emailed to zoe@client.example", "QAC-7f3a9c21e4b0",
    ):
        assert fact in text, fact
    # Oslo is UTC+1 in December: the organization's own time is stated too.
    assert "2026-12-03 10:45:12 CET" in text
    assert "Version accepted" in text and "2 (roof-v2.pdf)" in text


def test_utc_organizations_and_unknown_zones_state_utc_only() -> None:
    for zone in ("UTC", None, "Mars/Olympus_Mons"):
        text = _text(render_certificate(replace(FACTS, organization_timezone=zone)))
        assert "2026-12-03 09:45:12 UTC" in text
        assert "CET" not in text and "Mars" not in text


def test_without_a_unicode_font_names_are_written_in_latin1_not_refused(monkeypatch) -> None:
    monkeypatch.setattr(certificate, "_FONT_DIRS", ())
    text = _text(render_certificate(replace(FACTS, accepted_by_name="Łukasz 山田")))
    assert "Lukasz ??" in text
    assert SHA in text and "Zoë" in text  # Latin-1 letters stay as they are


def test_the_certificate_speaks_the_quotes_language_and_english_otherwise() -> None:
    danish = _text(render_certificate(replace(FACTS, language="da")))
    assert "Certifikat for accept af tilbud" in danish and "6-cifret kode sendt til zoe@client.example" in danish
    assert SHA in danish and "Zoë Brønsted" in danish
    swedish = _text(render_certificate(replace(FACTS, language="sv")))
    assert "Intyg om accepterad offert" in swedish and "Klientadress" in swedish
    german = _text(render_certificate(replace(FACTS, language="de")))
    assert "Certificate of quote acceptance" in german
