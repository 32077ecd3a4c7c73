"""`portico seed-demo` gives `make run` quotes to show: one sent and opened (with its timeline), one draft."""

from __future__ import annotations

from pathlib import Path

from portico.activity.models import ActivityEvent
from portico.demo import seed_demo
from portico.quotes.models import Quote, QuoteStatus, QuoteVersion
from portico.settings import load_settings
from portico.storage.local import LocalStorage


async def test_the_demo_has_quotes(db: str, tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_URL": db, "DATA_DIR": str(tmp_path)})
    storage = LocalStorage(tmp_path / "files")
    await storage.start()
    await seed_demo(settings, storage)
    quotes = {q.number: q for q in await Quote.all()}
    assert {n: q.status for n, q in quotes.items()} == {"Q-2027-001": QuoteStatus.OPENED,
                                                         "Q-2027-002": QuoteStatus.DRAFT}
    sent = quotes["Q-2027-001"]
    kinds = await ActivityEvent.filter(quote_id=sent.id).order_by("id").values_list("kind", flat=True)
    assert kinds == ["QUOTE_PUBLISHED", "QUOTE_OPENED"]
    version = await QuoteVersion.get(quote_id=sent.id)
    assert await storage.size(version.storage_key) == version.size
    # Made before its backdated events, so the activity feed names "version 1" for them.
    first = await ActivityEvent.filter(quote_id=sent.id).order_by("occurred_at").first()
    assert first is not None and version.created_at < first.occurred_at
    assert (await seed_demo(settings, storage))[0] == "Demo data already present."
