"""Demo data for the embedded default: an organization, an admin, two reps, libraries, customers and their invoices,
reminder workflows (the default and one customer's own) and what their first sweep did (actions, reminder emails).

Idempotent: a second run finds the demo organization and only prints the logins.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from decimal import Decimal

from tortoise.transactions import in_transaction

from portico.accounts.models import Member, Organization, Role
from portico.accounts.passwords import hash_password
from portico.customers.models import Contact, Customer, CustomerKind
from portico.hubs.demo import seed_demo_shares
from portico.libraries.models import Library, Publication
from portico.libraries.services import search_text
from portico.quotes.demo import seed_demo_quotes
from portico.receivables.demo import seed_demo_workflows
from portico.receivables.models import Invoice, InvoiceStatus, Payment
from portico.receivables.reminders import run_due_steps
from portico.settings import Settings
from portico.storage.base import Storage

ADMIN = ("admin@northwind.example", "portico-demo-admin", "Alex", "Admin")
REPS = [("anna@northwind.example", "Anna", "Berg"), ("ben@northwind.example", "Ben", "Carter")]
REP_PASSWORD = "portico-demo-rep"
LIBRARIES = {
    "Product sheets": ["Trailmaster 300 product sheet", "Harbor series overview", "Installation guide"],
    "Price lists": ["Price list 2027", "Volume discounts"],
}
CUSTOMERS = [
    ("Fjord Logistics A/S", [("Mette", "Larsen", "mette@fjord-logistics.example")]),
    ("Svea Bygg AB", [("Erik", "Lund", "erik@sveabygg.example"), ("Sara", "Nilsson", "sara@sveabygg.example")]),
    ("Harbor Foods Ltd", [("Olivia", "Reed", "olivia@harborfoods.example")]),
]


# Per customer: (amount, currency, days from today to the due date, amount paid). Some overdue, some not yet due, one
# partly paid, one paid; in the customer's own currency (totals never mix currencies).
INVOICES = [
    [("12500.00", "DKK", -45, "0"), ("3200.50", "DKK", -10, "1200.50"), ("8750.00", "DKK", 20, "0")],
    [("48000.00", "SEK", -95, "0"), ("15990.00", "SEK", 5, "0")],
    [("2400.00", "EUR", -35, "2400.00"), ("980.75", "EUR", -3, "0"), ("5100.00", "EUR", 30, "0")],
]


async def _demo_invoices(org: Organization, customer: Customer, index: int, admin: Member) -> None:
    today = date.today()
    for n, (amount, currency, due_in, paid) in enumerate(INVOICES[index], start=1):
        paid_amount = Decimal(paid)
        status = InvoiceStatus.OPEN if not paid_amount else (
            InvoiceStatus.PAID if paid_amount == Decimal(amount) else InvoiceStatus.PARTIALLY_PAID
        )
        invoice = await Invoice.create(
            organization=org, customer=customer, number=f"NW-{2026}{index + 1:02d}{n:02d}", amount=Decimal(amount),
            currency=currency, issued_on=today + timedelta(days=due_in - 30), due_on=today + timedelta(days=due_in),
            status=status, paid_amount=paid_amount, created_by=admin,
        )
        if paid_amount:
            await Payment.create(organization=org, invoice=invoice, amount=paid_amount,
                                 paid_on=today + timedelta(days=min(due_in, 0) - 1), note="Bank transfer")


def demo_pdf(title: str) -> bytes:
    """A small, valid one-page PDF showing `title` (demo content only)."""
    safe = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = (
        f"BT /F1 28 Tf 72 720 Td ({safe}) Tj ET\n"
        "BT /F1 14 Tf 72 680 Td (Northwind Supplies - demo document for Portico) Tj ET\n"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


def logins() -> list[str]:
    return [
        "Demo logins:",
        f"  admin  {ADMIN[0]} / {ADMIN[1]}",
        *(f"  rep    {email} / {REP_PASSWORD}" for email, _, _ in REPS),
    ]


DEMO_REFUSED = (
    "seed-demo refuses to run with PORTICO_ENV=production: the demo accounts' passwords are published. "
    "Use `portico create-admin` to create the first administrator."
)


class DemoRefused(Exception):
    """The demo's accounts have published passwords: never in production."""


async def seed_demo(settings: Settings, storage: Storage) -> list[str]:
    if settings.is_production:
        raise DemoRefused(DEMO_REFUSED)
    if await Member.filter(email=ADMIN[0]).exists():
        return ["Demo data already present.", *logins()]
    admin_hash = await hash_password(ADMIN[1])
    rep_hash = await hash_password(REP_PASSWORD)
    stored: list[str] = []
    try:
        async with in_transaction():
            org = await Organization.create(
                name="Northwind Supplies", timezone="Europe/Copenhagen",
                storage_quota_bytes=settings.default_storage_quota_bytes,
            )
            admin = await Member.create(
                organization=org, email=ADMIN[0], first_name=ADMIN[2], last_name=ADMIN[3], password_hash=admin_hash,
                role=Role.ADMIN, is_account_manager=True,
            )
            reps = [
                await Member.create(
                    organization=org, email=email, first_name=first, last_name=last, password_hash=rep_hash,
                    role=Role.MEMBER, is_account_manager=True,
                    standard_message=f"Hi,\n\nHere are the documents we talked about.\n\nBest regards,\n{first}",
                )
                for email, first, last in REPS
            ]
            for library_name, titles in LIBRARIES.items():
                library = await Library.create(organization=org, name=library_name, description="")
                for title in titles:
                    data = demo_pdf(title)
                    key = f"org/{org.id}/publications/{uuid.uuid4()}"
                    await storage.put_stream(key, _chunks(data), content_type="application/pdf")
                    stored.append(key)
                    tags = [library_name.split()[0].lower()]
                    await Publication.create(
                        organization=org, library=library, title=title, title_key=title.lower(), tags=tags,
                        search_text=search_text(title, tags), storage_key=key, content_type="application/pdf",
                        size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), created_by=admin,
                    )
            customers = []
            for i, (name, people) in enumerate(CUSTOMERS):
                customer = await Customer.create(
                    organization=org, kind=CustomerKind.COMPANY, name=name, name_key=name.lower(), hub_access=True,
                    modules=["DOCUMENTS", "QUOTES", "INVOICES"] if i < 2 else ["DOCUMENTS", "INVOICES"],
                    created_by=admin, external_ref=f"NW-C{i + 1:03d}",
                )
                customers.append(customer)
                await customer.account_managers.add(reps[i % len(reps)])
                await _demo_invoices(org, customer, i, admin)
                for j, (first, last, email) in enumerate(people):
                    await Contact.create(
                        customer=customer, organization=org, first_name=first, last_name=last, email=email,
                        hub_access=True, is_primary=j == 0,
                    )
            await seed_demo_quotes(storage, stored, org, reps, customers, demo_pdf("Quote: warehouse racking"))
            await seed_demo_shares(settings, org, reps, customers)
            # Svea Bygg (the largest debt, long overdue) is the key account with its own workflow.
            await seed_demo_workflows(org, customers[1])
    except BaseException:
        for key in stored:
            await storage.delete(key)
        raise
    # The reminder sweep once, now: the demo's invoices are due on days relative to today, so its actions tab and
    # dev mailbox show what the workflows did without waiting for the server's first sweep (which then finds it done).
    await run_due_steps(settings)
    return ["Demo data created: Northwind Supplies.", *logins()]
