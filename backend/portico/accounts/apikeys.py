"""API keys for partners: `ptc_<prefix>_<secret>`, shown once, stored as a hash with a lookup prefix."""

from __future__ import annotations

import hmac
import secrets
from datetime import UTC, datetime, timedelta

from portico.accounts.models import ApiKey
from portico.accounts.tokens import token_hash
from portico.precompiled import Precompiled

KEY_PREFIX = "ptc_"
API_KEY_CALLER = ("organization", "acts_as")
# Run for every partner request: its SQL is built once (portico.precompiled).
_ACTIVE_KEY = Precompiled(
    ApiKey, lambda p: ApiKey.filter(prefix=p["prefix"], revoked_at=None).select_related(*API_KEY_CALLER).limit(1),
    "prefix",
)
# last_used_at is informative: write it at most once a minute per key, not on every request.
_TOUCH_EVERY = timedelta(minutes=1)


def generate_key() -> tuple[str, str]:
    """Return (prefix, full key). The secret part carries 256 random bits."""
    prefix = secrets.token_hex(6)
    return prefix, f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"


async def find_api_key(raw: str) -> ApiKey | None:
    """The active key matching `raw`, or None. Constant-time comparison of the hashes."""
    if not raw.startswith(KEY_PREFIX) or len(raw) > 120:
        return None
    prefix, _, secret = raw.removeprefix(KEY_PREFIX).partition("_")
    if not prefix or not secret:
        return None
    # Its organization and the member it acts as come joined: the caller is resolved in one query (issue 8).
    key = await _ACTIVE_KEY.first(prefix=prefix)
    if key is None or not hmac.compare_digest(key.key_hash, token_hash(raw)):
        return None
    now = datetime.now(UTC)
    if key.last_used_at is None or now - key.last_used_at > _TOUCH_EVERY:
        key.last_used_at = now
        await key.save(update_fields=["last_used_at"])
    return key
