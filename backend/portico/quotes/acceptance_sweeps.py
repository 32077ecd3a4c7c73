"""Forgetting what answering quotes leaves behind: ended visits and identity codes long expired.

Neither is history: the acceptance keeps who accepted and where the code went; a visit is a browser's key for an
hour. Deleting is idempotent, so the job may run in several workers at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portico.quotes.acceptance_models import QuoteIdentityCode, QuoteVisitSession

# Codes are kept a day past their expiry: enough to answer "which code did I get?" while it matters.
CODE_RETENTION = timedelta(days=1)


async def forget_stale(now: datetime | None = None) -> int:
    """Delete ended visit sessions and codes expired more than CODE_RETENTION ago; returns how many rows went."""
    moment = now or datetime.now(UTC)
    visits = await QuoteVisitSession.filter(expires_at__lte=moment).delete()
    codes = await QuoteIdentityCode.filter(expires_at__lte=moment - CODE_RETENTION).delete()
    return int(visits) + int(codes)
