"""Plain fields (an attribute read, a scalar out) completed without graphql-core's per-field machinery.

For every field graphql-core builds a resolve info (a 16-item tuple), calls the field's resolver (strawberry's,
which reads the attribute), asks whether the value is awaitable, then walks `complete_value` down the type's
wrappers to the scalar's serializer: about 4 µs a field on this machine, three quarters of it for nothing when the
field is a plain attribute holding a scalar, which most of a page's fields are (the hub page's documents, folders
and figures: some 400 of its 500 fields). Here such a field is read and serialized directly: about 1.4 µs
(bench/README.md, "plain fields").

Which fields: strawberry's "basic" fields (no resolver, no field extension, no argument) whose type is a scalar or
an enum, possibly non-null, read with the default resolver (`getattr`), while no graphql-core middleware is set
(strawberry turns extensions' `resolve` hooks into middleware: with one, every field goes the usual way). Whatever
is not a plain success (no such attribute, null, an exception, an awaitable, a value the scalar refuses) is
handed to graphql-core's own `execute_field`, which reads it again and answers as it always does (the error, its
path, a null where allowed): the answers are the same, only their cost differs (tests/graphql/test_plain_fields.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graphql import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLInt,
    GraphQLObjectType,
    GraphQLString,
    Undefined,
    is_leaf_type,
    is_non_null_type,
)

_ATTRIBUTE = "_portico_plain_field"  # set on each GraphQLField once decided: (attribute, serializer, nullable, same)
_UNDECIDED = object()
# The class whose values a scalar's serializer returns as they are (graphql-core's serialize_string, serialize_id,
# serialize_boolean; serialize_int within 32 bits): most plain values, which then need no serializer call.
_SAME: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool, GraphQLInt: int}
INT_RANGE = range(-(2**31), 2**31)  # GraphQL's Int


def plain_field(field: GraphQLField) -> tuple[str, Any, bool, type | None] | None:
    """(the attribute to read, the scalar's serializer, whether null is allowed, the class of the values it returns
    as they are) when `field` is a plain field, else None; decided once per field of the schema and kept on it."""
    decided = field.__dict__.get(_ATTRIBUTE, _UNDECIDED)
    if decided is _UNDECIDED:
        decided = None
        definition = (field.extensions or {}).get("strawberry-definition")
        leaf = field.type.of_type if is_non_null_type(field.type) else field.type
        if (
            definition is not None
            and getattr(field.resolve, "_is_default", False)  # strawberry's resolver of a field without one
            and definition.is_basic_field
            and definition.default_resolver is getattr
            and not field.args
            and is_leaf_type(leaf)
        ):
            decided = (definition.python_name, leaf.coerce_output_value, leaf is field.type,  # type: ignore[union-attr]
                       _SAME.get(leaf))
        setattr(field, _ATTRIBUTE, decided)
    return decided  # type: ignore[return-value]


NOT_PLAIN = object()  # `plain_value`: not a plain success, graphql-core's own execute_field answers
# What most plain fields hold: neither awaitable nor an exception, so neither question is asked of them.
_VALUES = frozenset({str, int, float, bool, datetime, date})


def plain_value(plain: tuple[str, Any, bool, type | None], source: Any, is_awaitable: Any) -> Any:
    """The serialized value of a plain field (`plain_field`'s answer) on `source`, or NOT_PLAIN for anything that is
    not a plain success: no such attribute, an exception, null where it is not allowed, an awaitable, a value the
    scalar refuses. graphql-core reads the field again then, and answers as it always does."""
    try:
        value = getattr(source, plain[0])
    except Exception:  # noqa: BLE001 - graphql-core's own execute_field reports it
        return NOT_PLAIN
    return plain_serialized(plain, value, is_awaitable)


def plain_serialized(plain: tuple[str, Any, bool, type | None], value: Any, is_awaitable: Any) -> Any:
    """`plain_value` for a value already read."""
    _, serialize, nullable, same = plain
    if value is None:
        return None if nullable else NOT_PLAIN
    if value.__class__ is same and (same is not int or value in INT_RANGE):
        return value
    try:
        if value.__class__ in _VALUES or (not is_awaitable(value) and not isinstance(value, Exception)):
            serialized = serialize(value)
            if serialized is not None and serialized is not Undefined:
                return serialized
    except Exception:  # noqa: BLE001, S110 - graphql-core's own execute_field reports it
        pass
    return NOT_PLAIN


class PlainFieldExecution(StrawberryGraphQLCoreExecutionContext):
    def execute_field(  # type: ignore[override]
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        field = parent_type.fields.get(field_details_list[0].node.name.value)  # None for __typename: the usual way
        manager = self.middleware_manager
        if field is not None and (manager is None or not manager.middlewares):
            plain = plain_field(field)
            if plain is not None:
                value = plain_value(plain, source, self.is_awaitable)
                if value is not NOT_PLAIN:
                    return value
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
