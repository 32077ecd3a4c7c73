"""Queries executed from a plan made once per operation, instead of graphql-core's general walk.

For every object of an answer graphql-core looks its sub-selection up again (a memo per request), makes a `Path`
and a resolve info for each of its fields, and walks `complete_value` down each field's type wrappers; for a page
of 50 documents that is about half the server's CPU (issue 8, bench/README.md). The SPA and partners send the same
few query documents over and over, and strawberry's ParserCache gives each text the same syntax tree, so this
executor keeps, per schema and operation, what those walks find: for each selection (an object type and the field
nodes asking for it) its fields with their definitions, resolvers and whether each is a plain attribute
(plain_fields.py) or a resolver strawberry's wrapper can be skipped for (direct_resolvers.py). Each later request
only runs resolvers and completes values.

What it does is graphql-core's `execute_fields` / `execute_field` / `complete_value`, in the same order (so
DataLoaders batch the same loads), with graphql-core's own methods for every error (`handle_field_error`: the same
message, path, locations and null propagation) and for every rare case, which it hands over at the value it is
completing, before any of that value's resolvers ran (nothing is resolved twice): lists that are not a list or a
tuple (async iterables, generators), awaitable `is_type_of`, selections with a deferral.

Only queries, without middleware (extensions' `resolve` hooks), abort signal or hooks, and with no directive
anywhere in the operation or its fragments (`@skip` and `@include` make the selections depend on the variables);
anything else runs through graphql-core as before. tests/graphql/test_compiled_queries.py compares answers and
errors with graphql-core's own execution.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from graphql.execution.collect_fields import collect_fields, collect_subfields
from graphql.execution.executor import invalid_return_type_error
from graphql.execution.values import get_argument_values
from graphql.language import BREAK, Visitor, visit
from graphql.pyutils import Path, gather_with_cancel

from graphql import (
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    OperationType,
    Undefined,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
)
from portico.graphql.direct_resolvers import direct_resolver
from portico.graphql.per_tree import kept
from portico.graphql.plain_fields import (
    INT_RANGE,
    NOT_PLAIN,
    PlainFieldExecution,
    plain_field,
    plain_serialized,
    plain_value,
)

_PLANS = "_portico_query_plans"  # the plans' slot on the GraphQLSchema (per_tree.kept)
_UNCOMPILED = object()  # a selection graphql-core executes itself (a deferral in it)
_NO_ARGUMENTS: dict[str, Any] = {}  # an argument-free field's (direct resolvers only read it)


class _Field:
    """One response key of a selection: what graphql-core's `execute_field` looks up for it, found once."""

    __slots__ = ("key", "definition", "details", "nodes", "plain", "slot", "direct", "typename", "takes_args",
                 "selections")

    def __init__(self, key: str, definition: Any, details: Any, schema: Any) -> None:
        self.key = key
        self.definition = definition
        self.details = details
        self.nodes = [d.node for d in details]
        self.plain = plain_field(definition)
        self.slot = 0  # its place among its selection's plain fields (_Fields.read)
        self.direct = direct_resolver(definition, schema)
        self.typename = details[0].node.name.value == "__typename"
        self.takes_args = bool(definition.args or details[0].node.arguments)
        self.selections: dict[str, Any] = {}  # object type name -> its fields, or _UNCOMPILED


class _Fields(list[_Field]):
    """A selection's fields, in order, and `read`: one call reading all its plain fields' attributes at once (C's
    attrgetter, a tuple in `slot` order) where it has two or more; a read that fails (a missing attribute, a
    property that raises) leaves each field to be read on its own."""

    __slots__ = ("read",)

    def __init__(self, fields: list[_Field]) -> None:
        super().__init__(fields)
        plain = [f for f in fields if f.plain is not None]
        for slot, field in enumerate(plain):
            field.slot = slot
        self.read = attrgetter(*(f.plain[0] for f in plain)) if len(plain) > 1 else None  # type: ignore[index]


class _Plan:
    __slots__ = ("root",)

    def __init__(self, root: _Fields) -> None:
        self.root = root


class _HasDirective(Visitor):
    found = False

    def enter_directive(self, *_: Any) -> Any:
        self.found = True
        return BREAK


def _has_directive(*nodes: Any) -> bool:
    for node in nodes:
        finder = _HasDirective()
        visit(node, finder)
        if finder.found:
            return True
    return False


class CompiledQueryExecution(PlainFieldExecution):
    # --- the plan -------------------------------------------------------------------------------------------

    def _plan(self) -> _Plan | None:
        operation = self.operation
        manager = self.middleware_manager
        if (
            operation.operation is not OperationType.QUERY
            or (manager is not None and manager.middlewares)
            or self.abort_signal is not None
            or self.hooks is not None
        ):
            return None
        return kept(self.schema, _PLANS, operation, None, self._make_plan)

    def _make_plan(self) -> _Plan | None:
        if _has_directive(self.operation, *self.fragment_definitions.values()):
            return None
        root_type = self.schema.query_type
        if root_type is None:
            return None
        try:
            collected = collect_fields(self.schema, self.fragments, self.variable_values, root_type, self.operation,
                                       self.hide_suggestions)
        except RecursionError:
            return None
        fields = self._fields(root_type, collected)
        return None if fields is _UNCOMPILED else _Plan(fields)

    def _fields(self, parent_type: GraphQLObjectType, collected: Any) -> Any:
        grouped, new_defer_usages, _forbidden = collected
        if new_defer_usages:
            return _UNCOMPILED
        fields = []
        for key, details in grouped.items():
            if any(d.defer_usage is not None or d.fragment_variable_values is not None for d in details):
                return _UNCOMPILED
            definition = self.schema.get_field(parent_type, details[0].node.name.value)
            if definition is not None:  # graphql-core leaves an unknown field out of the answer too
                fields.append(_Field(key, definition, details, self.schema))
        return _Fields(fields)

    def _selection(self, field: _Field, object_type: GraphQLObjectType) -> Any:
        fields = field.selections.get(object_type.name)
        if fields is None:
            collected = collect_subfields(self.schema, self.fragments, self.variable_values, self.operation,
                                          object_type, field.details, self.hide_suggestions)
            fields = field.selections[object_type.name] = self._fields(object_type, collected)
        return fields

    # --- execution ------------------------------------------------------------------------------------------

    def execute_operation(self, serially: bool | None = None) -> Any:
        plan = self._plan()
        if plan is None or serially:
            return super().execute_operation(serially)
        try:
            data = self._execute_fields(self.schema.query_type, self.root_value, None, plan.root)  # type: ignore[arg-type]
        except GraphQLError as error:
            self.collected_errors.add(error, None)
            return self.build_response(None)
        if not self.is_awaitable(data):
            return self.build_response(data)

        async def await_result() -> Any:
            try:
                awaited = await data
            except GraphQLError as error:
                self.collected_errors.add(error, None)
                return self.build_response(None)
            return self.build_response(awaited)

        return await_result()

    def _execute_fields(self, parent_type: GraphQLObjectType, source: Any, path: Path | None,
                        fields: _Fields) -> Any:
        """graphql-core's `execute_fields`, each field from its plan."""
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_keys: list[str] = []
        values = None
        if fields.read is not None:
            try:
                values = fields.read(source)
            except Exception:  # noqa: BLE001, S110 - each field is read on its own below, its error reported
                pass
        try:
            for field in fields:
                key = field.key
                plain = field.plain
                if plain is not None:
                    if values is None:
                        value = plain_value(plain, source, is_awaitable)
                    else:
                        value = values[field.slot]
                        same = plain[3]
                        if value.__class__ is same and (same is not int or value in INT_RANGE):
                            results[key] = value  # what its scalar returns as it is (plain_serialized)
                            continue
                        value = plain_serialized(plain, value, is_awaitable)
                    if value is not NOT_PLAIN:
                        results[key] = value
                        continue
                    # Not a plain success: graphql-core reads it again and answers as it always does.
                    result = super(PlainFieldExecution, self).execute_field(
                        parent_type, source, field.details, Path(path, key, parent_type.name), None)
                elif field.typename:
                    result = parent_type.name
                else:
                    result = self._execute_field(parent_type, source, path, field)
                if result is Undefined:
                    continue
                results[key] = result
                if is_awaitable(result):
                    awaitable_keys.append(key)
        except Exception:
            self._settle(results, awaitable_keys)
            raise
        return _filled(results, awaitable_keys)

    def _settle(self, container: Any, awaiting: list[Any]) -> None:
        """A failed object or list: the awaitables it started still run to their end (they may fail too)."""
        if awaiting:
            self.settle_in_background([container[at] for at in awaiting])

    def _execute_field(self, parent_type: GraphQLObjectType, source: Any, path: Path | None, field: _Field) -> Any:
        """graphql-core's `execute_field`, with the definition, nodes and whether there are arguments found."""
        definition = field.definition
        field_path = Path(path, field.key, parent_type.name)
        info = self.build_resolve_info(definition, field.nodes, parent_type, field_path)
        try:
            if field.takes_args:
                first = field.details[0]
                args = get_argument_values(definition, first.node, self.variable_values,
                                           first.fragment_variable_values, self.hide_suggestions)
                if field.direct is not None:
                    result = field.direct(source, info, args)
                else:
                    result = (definition.resolve or self.field_resolver)(source, info, **args)
            elif field.direct is not None:
                result = field.direct(source, info, _NO_ARGUMENTS)
            else:
                result = (definition.resolve or self.field_resolver)(source, info)
            if self.is_awaitable(result):
                return self._complete_awaitable(field, info, field_path, result)
            completed = self._complete(definition.type, field, info, field_path, result)
            if self.is_awaitable(completed):
                return self._await_completed(completed, definition.type, field, field_path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, definition.type, field.details, field_path)
            return None
        return completed

    async def _complete_awaitable(self, field: _Field, info: Any, path: Path, result: Any) -> Any:
        return_type = field.definition.type
        try:
            completed = self._complete(return_type, field, info, path, await result)
            if self.is_awaitable(completed):
                completed = await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field.details, path)
            completed = None
        return completed

    async def _await_completed(self, completed: Any, return_type: Any, field: _Field, path: Path) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field.details, path)
            return None

    def _complete(self, return_type: Any, field: _Field, info: Any, path: Path, result: Any) -> Any:
        """graphql-core's `complete_value`."""
        if isinstance(result, Exception):
            raise result
        if return_type.__class__ is GraphQLNonNull:
            completed = self._complete(return_type.of_type, field, info, path, result)
            if completed is None:
                msg = f"Cannot return null for non-nullable field {info.parent_type}.{info.field_name}."
                raise TypeError(msg)
            return completed
        if result is None or result is Undefined:
            return None
        if return_type.__class__ is GraphQLList:
            if result.__class__ is list or result.__class__ is tuple:
                return self._complete_list(return_type.of_type, field, info, path, result)
            return self.complete_list_value(return_type, field.details, info, path, result, None)
        if is_leaf_type(return_type):
            return self.complete_leaf_value(return_type, result)
        if is_object_type(return_type):
            return self._complete_object(return_type, field, info, path, result)
        if is_abstract_type(return_type):
            return self._complete_abstract(return_type, field, info, path, result)
        return self.complete_value(return_type, field.details, info, path, result, None)  # pragma: no cover

    def _complete_list(self, item_type: Any, field: _Field, info: Any, path: Path, items: list | tuple) -> Any:
        """graphql-core's `complete_iterable_value` for a list or a tuple (no @stream: no directives here)."""
        is_awaitable = self.is_awaitable
        completed_items: list[Any] = []
        awaitable_indices: list[int] = []
        try:
            for index, item in enumerate(items):
                item_path = path.add_key(index, None)
                if is_awaitable(item):
                    completed_items.append(self.complete_awaitable_list_item_value(
                        item, item_type, field.details, info, item_path, None))
                    awaitable_indices.append(index)
                    continue
                try:
                    completed = self._complete(item_type, field, info, item_path, item)
                    if is_awaitable(completed):
                        completed = self._await_completed(completed, item_type, field, item_path)
                        awaitable_indices.append(index)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, field.details, item_path)
                    completed = None
                completed_items.append(completed)
        except Exception:
            self._settle(completed_items, awaitable_indices)
            raise
        return _filled(completed_items, awaitable_indices)

    def _complete_object(self, object_type: GraphQLObjectType, field: _Field, info: Any, path: Path,
                         result: Any) -> Any:
        """graphql-core's `complete_object_value`, the sub-selection from the plan."""
        if object_type.is_type_of:
            is_type_of = object_type.is_type_of(result, info)
            if self.is_awaitable(is_type_of):

                async def checked() -> Any:
                    if not await is_type_of:
                        raise invalid_return_type_error(object_type, result, field.details)
                    fields = self._execute_selection(object_type, field, path, result)
                    return await fields if self.is_awaitable(fields) else fields

                return checked()
            if not is_type_of:
                raise invalid_return_type_error(object_type, result, field.details)
        return self._execute_selection(object_type, field, path, result)

    def _execute_selection(self, object_type: GraphQLObjectType, field: _Field, path: Path, result: Any) -> Any:
        fields = self._selection(field, object_type)
        if fields is _UNCOMPILED:
            return self.collect_and_execute_subfields(object_type, field.details, path, result, None)
        return self._execute_fields(object_type, result, path, fields)

    def _complete_abstract(self, abstract_type: Any, field: _Field, info: Any, path: Path, result: Any) -> Any:
        """graphql-core's `complete_abstract_value`."""
        runtime_type = (abstract_type.resolve_type or self.type_resolver)(result, info, abstract_type)
        if self.is_awaitable(runtime_type):

            async def resolved() -> Any:
                object_type = self.ensure_valid_runtime_type(await runtime_type, abstract_type, field.details,
                                                             info, result)
                value = self._complete_object(object_type, field, info, path, result)
                return await value if self.is_awaitable(value) else value

            return resolved()
        object_type = self.ensure_valid_runtime_type(runtime_type, abstract_type, field.details, info, result)
        return self._complete_object(object_type, field, info, path, result)


def _filled(container: Any, awaiting: list[Any]) -> Any:
    """`container` (an object's dict or a list) with the awaitables at `awaiting` (its keys or indices) replaced by
    their results: itself when there are none, else an awaitable of it (graphql-core gathers them the same way, so
    DataLoaders see every load of a list before dispatching)."""
    if not awaiting:
        return container

    async def filled() -> Any:
        if len(awaiting) == 1:
            container[awaiting[0]] = await container[awaiting[0]]
        else:
            values = await gather_with_cancel(*(container[at] for at in awaiting))
            for at, value in zip(awaiting, values, strict=True):
                container[at] = value
        return container

    return filled()


def query_plans(schema: GraphQLSchema) -> int:
    """How many operations have a plan kept on `schema` (tests)."""
    return sum(1 for _, _, plan in schema.__dict__.get(_PLANS, {}).values() if plan is not None)
