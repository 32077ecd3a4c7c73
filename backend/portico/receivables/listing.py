"""Invoice lists: the actor's visible invoices narrowed by filters (the GraphQL connection and its totals)."""

from __future__ import annotations

from datetime import date

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from portico import policy
from portico.actors import Actor
from portico.customers.models import Customer
from portico.receivables.models import Invoice, InvoiceStatus

OWED = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)


def search_invoices(actor: Actor, *, today: date, statuses: list[InvoiceStatus] | None = None,
                    customer_id: int | None = None, account_manager_id: int | None = None,
                    overdue: bool | None = None, opened: bool | None = None) -> QuerySet[Invoice]:
    """`overdue`: still owed (open or partially paid) and past its due date on `today` (the organization's day);
    False: everything else. `opened`: a contact has opened it in the hub (`first_opened_at` is set once, by the
    first opening); False: nobody has yet."""
    qs = policy.invoices_visible_to(actor)
    if statuses:
        qs = qs.filter(status__in=statuses)
    if customer_id is not None:
        qs = qs.filter(customer_id=customer_id)
    if account_manager_id is not None:
        managed = Customer.filter(account_managers__id=account_manager_id).values_list("id", flat=True)
        qs = qs.filter(customer_id__in=Subquery(managed))
    if overdue is True:
        qs = qs.filter(status__in=OWED, due_on__lt=today)
    elif overdue is False:
        qs = qs.exclude(id__in=Subquery(Invoice.filter(status__in=OWED, due_on__lt=today).values_list("id", flat=True)))
    if opened is not None:
        qs = qs.filter(first_opened_at__isnull=not opened)
    return qs
