"""Keyset cursors (graphql/relay.py): what a cursor carries comes back out of it, cursors given out before their
JSON lost its spaces still decode, and anything else is refused as INVALID_CURSOR."""

from __future__ import annotations

import base64
import json
import string
from datetime import UTC, datetime

import pytest

from portico.errors import DomainError
from portico.graphql.relay import _cursor_value, _decode_cursor, _encode_cursor


def test_a_cursor_gives_back_its_sort_key() -> None:
    key = [_cursor_value(datetime(2027, 3, 1, 12, 30, 5, 123456, tzinfo=UTC)), 42, "Fjord Logistics"]
    cursor = _encode_cursor(key)
    assert set(cursor) <= set(string.ascii_letters + string.digits + "-_=")  # URL-safe
    assert _decode_cursor(cursor, 3) == ["2027-03-01T12:30:05.123456+00:00", 42, "Fjord Logistics"]


def test_cursors_given_out_before_still_decode() -> None:
    earlier = base64.urlsafe_b64encode(json.dumps(["2027-03-01T12:00:00+00:00", 7]).encode()).decode()
    assert ", " in base64.urlsafe_b64decode(earlier).decode()
    assert _decode_cursor(earlier, 2) == ["2027-03-01T12:00:00+00:00", 7]


@pytest.mark.parametrize("cursor", ["not base64 at all!", base64.urlsafe_b64encode(b"{not json").decode(),
                                    base64.urlsafe_b64encode(b'{"a": 1}').decode(), _encode_cursor([1, 2])])
def test_other_cursors_are_refused(cursor: str) -> None:
    with pytest.raises(DomainError) as refused:
        _decode_cursor(cursor, 3)
    assert [p.code for p in refused.value.problems] == ["INVALID_CURSOR"]
