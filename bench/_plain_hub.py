"""The hub page's answer executed by Strawberry from plain values: what graphql-core and Strawberry cost for this
response alone, with no database, policy, session or HTTP (hub_page.py prints it next to its one-client latencies).

`plain_page_ms(operations, answers)` builds, from Portico's own answers, a schema of plain types shaped like the
answer (Hub, Insights, DayCount, Folder, Member, Customer, a Node interface, the documents connection), every value
made in advance, and times the page's two operations through it with the same parser and validation caches, JSON
encoding included. The answers must come out identical (checked)."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.extensions import ParserCache, ValidationCache


@strawberry.type
class DayCount:
    date: date
    count: int


@strawberry.type
class Insights:
    hub_opens: int = 0
    views: int = 0
    downloads: int = 0
    prints: int = 0
    shared_with_colleagues: int = 0
    unique_viewers: int = 0
    last_activity_at: datetime | None = None
    views_per_day: list[DayCount] | None = None


@strawberry.type
class Member:
    id: strawberry.ID
    full_name: str


@strawberry.type
class Customer:
    id: strawberry.ID
    name: str


@strawberry.interface
class Node:
    id: strawberry.ID


@strawberry.type
class Document(Node):
    name: str
    content_type: str
    size_bytes: float
    created_at: datetime
    insights: Insights


@strawberry.type
class DocumentEdge:
    node: Document


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class DocumentConnection:
    edges: list[DocumentEdge]
    page_info: PageInfo


@strawberry.type
class Folder(Node):
    name: str
    date: date | None
    created_at: datetime
    sender: Member | None
    document_count: int
    page: strawberry.Private[DocumentConnection | None] = None

    @strawberry.field
    def documents(self, first: int, after: str | None = None) -> DocumentConnection | None:
        return self.page


@strawberry.type
class Hub:
    id: strawberry.ID
    created_at: datetime
    customer: Customer
    insights: Insights
    folders: list[Folder]


def _at(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _insights(d: dict[str, Any]) -> Insights:
    return Insights(
        hub_opens=d.get("hubOpens", 0), views=d["views"], downloads=d["downloads"], prints=d["prints"],
        shared_with_colleagues=d["sharedWithColleagues"], unique_viewers=d.get("uniqueViewers", 0),
        last_activity_at=_at(d.get("lastActivityAt")),
        views_per_day=[DayCount(date=date.fromisoformat(x["date"]), count=x["count"]) for x in d["viewsPerDay"]]
        if "viewsPerDay" in d else None,
    )


def _schema(hub_answer: dict[str, Any], folder_answer: dict[str, Any]) -> strawberry.Schema:
    h, n = hub_answer["hub"], folder_answer["node"]
    hub = Hub(
        id=h["id"], created_at=_at(h["createdAt"]), customer=Customer(**h["customer"]),  # type: ignore[arg-type]
        insights=_insights(h["insights"]),
        folders=[
            Folder(id=f["id"], name=f["name"], date=date.fromisoformat(f["date"]) if f["date"] else None,
                   created_at=_at(f["createdAt"]),  # type: ignore[arg-type]
                   sender=Member(id=f["sender"]["id"], full_name=f["sender"]["fullName"]) if f["sender"] else None,
                   document_count=f["documentCount"])
            for f in h["folders"]
        ],
    )
    documents = n["documents"]
    folder = Folder(
        id=n["id"], name="", date=None, created_at=datetime.now(), sender=None, document_count=0,
        page=DocumentConnection(
            edges=[DocumentEdge(node=Document(
                id=e["node"]["id"], name=e["node"]["name"], content_type=e["node"]["contentType"],
                size_bytes=e["node"]["sizeBytes"], created_at=_at(e["node"]["createdAt"]),  # type: ignore[arg-type]
                insights=_insights(e["node"]["insights"]))) for e in documents["edges"]],
            page_info=PageInfo(has_next_page=documents["pageInfo"]["hasNextPage"],
                               end_cursor=documents["pageInfo"]["endCursor"]),
        ),
    )

    @strawberry.type
    class Query:
        @strawberry.field
        async def hub(self, id: strawberry.ID) -> Hub | None:
            return hub

        @strawberry.field
        async def node(self, id: strawberry.ID) -> Node | None:
            return folder

    return strawberry.Schema(query=Query, types=[Folder, Document],
                             extensions=[lambda: ParserCache(maxsize=8), lambda: ValidationCache(maxsize=8)])


def plain_page_ms(operations: list[tuple[str, dict[str, Any]]], answers: list[dict[str, Any]],
                  pages: int = 300) -> float:
    """Median ms of one page load (the operations in order, each answer JSON-encoded) from plain values."""
    schema = _schema(answers[0], answers[1])

    async def page() -> list[Any]:
        out = []
        for query, variables in operations:
            result = await schema.execute(query, variable_values=variables)
            json.dumps({"data": result.data})
            out.append(result.data)
        return out

    async def run() -> float:
        got = await page()
        if json.dumps(got, sort_keys=True, default=str) != json.dumps(answers, sort_keys=True, default=str):
            raise SystemExit("the plain schema's answer differs from Portico's: fix bench/_plain_hub.py")
        times = []
        for _ in range(pages):
            began = time.perf_counter()
            await page()
            times.append(time.perf_counter() - began)
        return statistics.median(times[pages // 10:]) * 1000

    return asyncio.run(run())
