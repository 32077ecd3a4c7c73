"""The acceptance certificate's words in the languages Portico writes to customers (en, da, sv).

A certificate is written in the quote's language (the language of its emails), English for any other. Values with
{placeholders} are filled by `portico.quotes.certificate`.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Certificate of quote acceptance",
        "summary": "{name} accepted version {version} of quote {number} from {organization} on behalf of {customer}, "
                   "after confirming their email address with a one-time code.",
        "quote": "Quote", "organization": "Organization", "customer": "Customer", "number": "Quote number",
        "quote_title": "Title", "version": "Version accepted", "sha256": "SHA-256 of that version",
        "accepted_by": "Accepted by", "name": "Name (as typed)", "email": "Email", "time_utc": "Time (UTC)",
        "time_local": "Time ({zone})", "address": "Client address", "user_agent": "User agent", "unknown": "unknown",
        "method": "Confirmation method", "method_value": "6-digit code emailed to {address}",
        "certificate": "Certificate", "certificate_id": "Certificate id",
        "check": "To check a copy of the quote against this certificate, compute the SHA-256 of the PDF file "
                 "(for example `sha256sum quote.pdf`) and compare it with the value above.",
    },
    "da": {
        "title": "Certifikat for accept af tilbud",
        "summary": "{name} accepterede version {version} af tilbud {number} fra {organization} på vegne af "
                   "{customer} efter at have bekræftet sin e-mailadresse med en engangskode.",
        "quote": "Tilbud", "organization": "Organisation", "customer": "Kunde", "number": "Tilbudsnummer",
        "quote_title": "Titel", "version": "Accepteret version", "sha256": "SHA-256 af den version",
        "accepted_by": "Accepteret af", "name": "Navn (som indtastet)", "email": "E-mail", "time_utc": "Tid (UTC)",
        "time_local": "Tid ({zone})", "address": "Klientadresse", "user_agent": "Browser (user agent)",
        "unknown": "ukendt", "method": "Bekræftelse", "method_value": "6-cifret kode sendt til {address}",
        "certificate": "Certifikat", "certificate_id": "Certifikat-id",
        "check": "For at kontrollere en kopi af tilbuddet mod dette certifikat skal du beregne SHA-256 af PDF-filen "
                 "(f.eks. `sha256sum tilbud.pdf`) og sammenligne den med værdien ovenfor.",
    },
    "sv": {
        "title": "Intyg om accepterad offert",
        "summary": "{name} accepterade version {version} av offert {number} från {organization} för {customer} "
                   "räkning, efter att ha bekräftat sin e-postadress med en engångskod.",
        "quote": "Offert", "organization": "Organisation", "customer": "Kund", "number": "Offertnummer",
        "quote_title": "Titel", "version": "Accepterad version", "sha256": "SHA-256 för den versionen",
        "accepted_by": "Accepterad av", "name": "Namn (som angivet)", "email": "E-post", "time_utc": "Tid (UTC)",
        "time_local": "Tid ({zone})", "address": "Klientadress", "user_agent": "Webbläsare (user agent)",
        "unknown": "okänd", "method": "Bekräftelse", "method_value": "6-siffrig kod skickad till {address}",
        "certificate": "Intyg", "certificate_id": "Intygs-id",
        "check": "För att kontrollera en kopia av offerten mot detta intyg, beräkna SHA-256 för PDF-filen "
                 "(t.ex. `sha256sum offert.pdf`) och jämför med värdet ovan.",
    },
}


def words(language: str | None) -> dict[str, str]:
    return WORDS.get((language or "en").strip().lower()[:2], WORDS["en"])
