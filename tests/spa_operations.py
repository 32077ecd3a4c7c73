"""The SPA's GraphQL operations, read from the frontend's operation modules (`frontend/src/<feature>/operations.ts`),
so tests and benchmarks send exactly what the browser sends, never a copy that drifts.

Each `graphql(`...`)` template of those modules is one document: an operation, or a fragment. An operation comes
back with the fragments it spreads (transitively) appended, as the generated client sends it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

FRONTEND_SRC = Path(__file__).resolve().parent.parent / "frontend" / "src"
_TEMPLATE = re.compile(r"graphql\(\s*`([^`]*)`\s*\)")
_DEFINITION = re.compile(r"^\s*(query|mutation|subscription|fragment)\s+(\w+)")
_SPREAD = re.compile(r"\.\.\.\s*([A-Za-z_]\w*)")


@cache
def _documents() -> tuple[dict[str, str], dict[str, str]]:
    operations: dict[str, str] = {}
    fragments: dict[str, str] = {}
    for module in sorted(FRONTEND_SRC.glob("*/operations.ts")):
        for text in _TEMPLATE.findall(module.read_text()):
            found = _DEFINITION.match(text)
            if found is None:
                raise ValueError(f"{module}: a graphql() document that is no operation or fragment: {text[:60]!r}")
            kind, name = found.groups()
            (fragments if kind == "fragment" else operations)[name] = text.strip()
    return operations, fragments


def spa_operation(name: str) -> str:
    """The document of the SPA's operation `name` (`StaffHub`, `OnActivity`...), with the fragments it uses."""
    operations, fragments = _documents()
    document = operations[name]
    needed: list[str] = []
    pending = _SPREAD.findall(document)
    while pending:
        fragment = pending.pop()
        if fragment in needed or fragment == "on":  # `... on Type` is an inline fragment, not a spread
            continue
        needed.append(fragment)
        pending.extend(_SPREAD.findall(fragments[fragment]))
    return "\n".join([document, *(fragments[f] for f in sorted(needed))])
