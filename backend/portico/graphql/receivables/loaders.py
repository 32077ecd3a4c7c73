"""Per-request DataLoaders of the receivables domain (registered in Loaders.extra)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from portico import policy
from portico.graphql.context import Info
from portico.receivables.models import Payment


def payments_by_invoice_id(info: Info) -> DataLoader[int, list[Payment]]:
    actor = info.context.actor

    async def load(invoice_ids: Sequence[int]) -> list[list[Payment]]:
        grouped: dict[int, list[Payment]] = defaultdict(list)
        for p in await policy.payments_visible_to(actor).filter(invoice_id__in=list(invoice_ids)).order_by(
            "paid_on", "id"
        ):
            grouped[p.invoice_id].append(p)
        return [grouped[i] for i in invoice_ids]

    return info.context.loaders.get("payments_by_invoice_id", lambda: DataLoader(load))
