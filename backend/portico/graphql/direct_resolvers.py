"""Strawberry resolvers called without strawberry's per-call wrapper.

For every field with a resolver strawberry builds an `Info`, converts the (absent) arguments, asks each field
extension to map them, chains the extensions with `functools.partial` and only then calls the function: about
7 µs a call on this machine, and the hub page calls some 100 of them (`sender` and `documentCount` per folder,
`insights` per document): ~7% of its CPU (issue 8). For a resolver whose field has no extension (permission
classes are extensions) and no exception handler, and whose arguments need no converting, all of that comes down to
calling the function with the source as `self` (or `root` / `parent`), the arguments, and the `Info` if it asks
for one, which is what `direct_resolver` returns; any other field keeps strawberry's wrapper.

Arguments need no converting when each one's type is a scalar other than GlobalID (`id: ID`, `first: int | None`,
`after: str | None`), maybe optional: graphql-core has already coerced them, and strawberry's conversion hands them
on unchanged under their Python names (`convert_argument`'s leaf case), so the direct call only renames them. The
hub page's `hub(id)`, `node(id)` and `documents(first, after)` are such fields; strawberry's conversion (every
name converted again on every call) and its extension chain around them were about 6% of the page's CPU. An input
object, an enum, a list, a GlobalID or a Maybe argument keeps the wrapper.

Used by the query plans (compiled_queries.py), which call it where graphql-core would call the field's resolver;
tests/graphql/test_compiled_queries.py compares the answers with graphql-core's and strawberry's own execution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.types.base import StrawberryMaybe, StrawberryOptional
from strawberry.types.field import StrawberryField
from strawberry.types.fields.resolver import StrawberryResolver

from graphql import GraphQLField

_ATTRIBUTE = "_portico_direct_resolver"  # set on each GraphQLField once decided
_UNDECIDED = object()
# (source, graphql-core's resolve info, graphql-core's argument values by GraphQL name) -> the resolver's result
Direct = Callable[[Any, Any, dict[str, Any]], Any]


def direct_resolver(field: GraphQLField, schema: Any) -> Direct | None:
    """The field's resolver as `call(source, info, args)` when it can skip strawberry's wrapper, else None; decided once
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
        # Strawberry's own wrapper (from_resolver), its own way of calling: no subclass doing it otherwise.
        or getattr(resolve, "__name__", "") not in ("_resolver", "_async_resolver")
        or type(definition).get_result is not StrawberryField.get_result
        or type(resolver).__call__ is not StrawberryResolver.__call__
        or not callable(resolver.wrapped_func)
    ):
        return None
    renamed = _renamed_arguments(definition, strawberry_schema)
    if renamed is None or len(renamed) != len(field.args):
        return None
    function = resolver.wrapped_func
    info_class = strawberry_schema.config.info_class
    takes_self = resolver.self_parameter is not None
    sources = tuple(p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None)
    info_name: str | None = resolver.info_parameter.name if resolver.info_parameter is not None else None

    if takes_self and not sources and not renamed:  # the common shape: a method, maybe asking for info
        if info_name is None:
            return lambda source, _info, _args: function(source)
        name = info_name
        return lambda source, info, _args: function(source, **{name: info_class(_raw_info=info, _field=definition)})

    def call(source: Any, info: Any, args: dict[str, Any]) -> Any:
        # An argument the query leaves out and whose GraphQL definition has no default is absent from `args`: the
        # function's own default applies, as with strawberry's conversion.
        kwargs = {python: args[graphql] for graphql, python in renamed if graphql in args}
        kwargs.update(dict.fromkeys(sources, source))
        if info_name is not None:
            kwargs[info_name] = info_class(_raw_info=info, _field=definition)
        return function(source, **kwargs) if takes_self else function(**kwargs)

    return call


def _renamed_arguments(definition: StrawberryField, strawberry_schema: Any) -> tuple[tuple[str, str], ...] | None:
    """(GraphQL name, Python name) of each argument when strawberry's conversion would hand every one on unchanged
    (a scalar other than GlobalID, maybe optional); None when any needs converting."""
    registry = strawberry_schema.schema_converter.scalar_registry
    converter = strawberry_schema.config.name_converter
    renamed = []
    for argument in definition.arguments:
        type_ = argument.type
        if isinstance(type_, StrawberryOptional) and not isinstance(type_, StrawberryMaybe):
            type_ = type_.of_type
        if isinstance(type_, StrawberryMaybe) or type_ is GlobalID or not is_scalar(type_, registry):
            return None
        renamed.append((converter.from_argument(argument), argument.python_name))
    return tuple(renamed)
