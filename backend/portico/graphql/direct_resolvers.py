"""Argument-free strawberry resolvers called without strawberry's per-call wrapper.

For every field with a resolver strawberry builds an `Info`, converts the (absent) arguments, asks each field
extension to map them, chains the extensions with `functools.partial` and only then calls the function: about
7 µs a call on this machine, and the hub page calls some 100 of them (`sender` and `documentCount` per folder,
`insights` per document): ~7% of its CPU (issue 8). For a resolver that takes no GraphQL argument and whose field
has no extension (permission classes are extensions) and no exception handler, all of that comes down to calling
the function with the source as `self` (or `root` / `parent`) and the `Info` if it asks for one, which is what
`direct_resolver` returns; any other field keeps strawberry's wrapper.

Used by the query plans (compiled_queries.py), which call it where graphql-core would call the field's resolver;
tests/graphql/test_compiled_queries.py compares the answers with graphql-core's and strawberry's own execution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strawberry.types.field import StrawberryField
from strawberry.types.fields.resolver import StrawberryResolver

from graphql import GraphQLField

_ATTRIBUTE = "_portico_direct_resolver"  # set on each GraphQLField once decided
_UNDECIDED = object()
Direct = Callable[[Any, Any], Any]  # (source, graphql-core's resolve info) -> the resolver's result


def direct_resolver(field: GraphQLField, schema: Any) -> Direct | None:
    """The field's resolver as `call(source, info)` when it can skip strawberry's wrapper, else None; decided once
    per field of the schema (a GraphQLSchema built by strawberry) and kept on it."""
    decided = field.__dict__.get(_ATTRIBUTE, _UNDECIDED)
    if decided is _UNDECIDED:
        decided = _decide(field, schema)
        setattr(field, _ATTRIBUTE, decided)
    return decided  # type: ignore[return-value]


def _decide(field: GraphQLField, schema: Any) -> Direct | None:
    definition = (field.extensions or {}).get("strawberry-definition")
    strawberry_schema = getattr(schema, "_strawberry_schema", None)
    resolver = getattr(definition, "base_resolver", None)
    resolve = field.resolve
    if (
        definition is None
        or strawberry_schema is None
        or strawberry_schema.exception_handlers
        or resolver is None
        or definition.extensions
        or definition.arguments
        or field.args
        # Strawberry's own wrapper (from_resolver), its own way of calling: no subclass doing it otherwise.
        or getattr(resolve, "__name__", "") not in ("_resolver", "_async_resolver")
        or type(definition).get_result is not StrawberryField.get_result
        or type(resolver).__call__ is not StrawberryResolver.__call__
        or not callable(resolver.wrapped_func)
    ):
        return None
    function = resolver.wrapped_func
    info_class = strawberry_schema.config.info_class
    takes_self = resolver.self_parameter is not None
    sources = tuple(p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None)
    info_name: str | None = resolver.info_parameter.name if resolver.info_parameter is not None else None

    if takes_self and not sources:  # the common shape: a method, maybe asking for info
        if info_name is None:
            return lambda source, _info: function(source)
        name = info_name
        return lambda source, info: function(source, **{name: info_class(_raw_info=info, _field=definition)})

    def call(source: Any, info: Any) -> Any:
        kwargs = dict.fromkeys(sources, source)
        if info_name is not None:
            kwargs[info_name] = info_class(_raw_info=info, _field=definition)
        return function(source, **kwargs) if takes_self else function(**kwargs)

    return call
