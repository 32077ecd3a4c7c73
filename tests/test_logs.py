"""One JSON object per log line (portico/logs.py): the standard keys, the request id, a record's extra fields,
values JSON has no type for as text, and the exception's traceback."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from decimal import Decimal

from portico.logs import JsonFormatter
from portico.security import request_id


def _record(**extra: object) -> logging.LogRecord:
    record = logging.LogRecord("portico.test", logging.INFO, __file__, 1, "served %s", ("it",), None)
    record.__dict__.update(extra)
    return record


def test_a_line_is_one_json_object_with_the_request_id() -> None:
    token = request_id.set("abc123")
    try:
        line = JsonFormatter().format(_record(method="POST", status=200, ms=1.5, at=datetime(2026, 12, 4, tzinfo=UTC),
                                              amount=Decimal("12.50")))
    finally:
        request_id.reset(token)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "portico.test" and entry["message"] == "served it"
    assert entry["request_id"] == "abc123"
    assert (entry["method"], entry["status"], entry["ms"]) == ("POST", 200, 1.5)
    assert entry["at"] == "2026-12-04T00:00:00+00:00" and entry["amount"] == "12.50"
    assert datetime.fromisoformat(entry["time"]).tzinfo is not None


def test_an_exception_comes_with_its_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("portico.test", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "failed" and "ValueError: boom" in entry["exception"]
