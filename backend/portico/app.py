"""The Starlette application: routes, middleware and the lifespan that opens the process's services."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from tortoise import connections

from portico.body_limit import BodyLimitMiddleware
from portico.db import close_db, init_db
from portico.graphql.view import PorticoGraphQL
from portico.jobs import standard_jobs
from portico.jobs.runner import JobRunner
from portico.logs import configure_logging
from portico.security import CSRFMiddleware, RequestIdMiddleware, SecurityHeadersMiddleware
from portico.services import Services
from portico.settings import Settings, load_settings

FRONTEND_DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    services: Services = request.app.state.services
    checks: dict[str, str] = {}
    try:
        await connections.get("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - readiness reports any failure
        checks["database"] = f"failed: {type(exc).__name__}"
    try:
        checks["broker"] = "ok" if await services.broker.ping() else "failed"
    except Exception as exc:  # noqa: BLE001
        checks["broker"] = f"failed: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"ready": ready, **checks}, status_code=200 if ready else 503)


async def _graphql_get_refused(request: Request) -> Response:
    """Queries over GET would be open to CSRF through links and images: POST JSON only."""
    return JSONResponse(
        {"errors": [{"message": "GraphQL is served over POST (application/json) and WebSocket only."}]},
        status_code=405,
        headers={"Allow": "POST"},
    )


def _spa_routes(dist: Path) -> list[Route | Mount]:
    """Serve the built SPA: hashed assets cached for a year, every other path falls back to index.html."""
    if not (dist / "index.html").exists():
        return [Route("/", lambda r: PlainTextResponse("The SPA is not built: run `make frontend`.", status_code=503))]
    index = dist / "index.html"

    async def spa(request: Request) -> Response:
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    class ImmutableStatic(StaticFiles):
        def file_response(self, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
            response = super().file_response(*args, **kwargs)
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response

    routes: list[Route | Mount] = []
    if (dist / "assets").exists():
        routes.append(Mount("/assets", app=ImmutableStatic(directory=dist / "assets"), name="assets"))
    for extra in sorted(dist.iterdir()):
        if extra.is_file() and extra.name != "index.html":
            routes.append(Route(f"/{extra.name}", lambda r, p=extra: FileResponse(p)))
    routes.append(Route("/{path:path}", spa))
    return routes


def create_app(
    settings: Settings | None = None, *, frontend_dist: Path | None = None, freeze_startup_objects: bool = False
) -> Starlette:
    """The app; with `freeze_startup_objects` (a server process: `asgi`), everything made by the time it starts
    (modules, the schema, Tortoise's models) is moved out of the garbage collector's reach with `gc.freeze()`: those
    ~230,000 objects live as long as the process, and the collector kept walking them: 1.1 ms of each hub page load
    in-process, 0.4 ms once frozen (issue 8's profile). Not for tests, which make many apps in one process."""
    settings = settings or load_settings()
    services = Services.from_settings(settings)
    graphql = PorticoGraphQL(services)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await init_db(settings)
        await services.start()
        jobs = standard_jobs(settings, services.storage, services.broker)
        runner = JobRunner(jobs) if settings.run_jobs_in_process else None
        if runner:
            runner.start()
        if freeze_startup_objects:
            gc.collect()
            gc.freeze()
        try:
            yield
        finally:
            if runner:
                await runner.stop()
            await services.close()
            await close_db()

    from portico.accounts.http import provider_callback_route
    from portico.branding.http import branding_routes
    from portico.customers.http import customer_routes
    from portico.hubs.http import download_route, upload_route
    from portico.notifications.http import unsubscribe_routes
    from portico.quotes.certificate_http import certificate_route
    from portico.receivables.http import receivables_routes
    from portico.receivables.invoice_http import invoice_routes

    routes: list[Route | Mount | WebSocketRoute] = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/graphql", graphql, methods=["POST"]),
        Route("/graphql", _graphql_get_refused, methods=["GET", "HEAD"]),
        WebSocketRoute("/graphql", graphql),
        upload_route(),
        download_route(),
        certificate_route(),
        provider_callback_route(),
        *branding_routes(),
        *unsubscribe_routes(),
        *customer_routes(),
        *receivables_routes(),
        *invoice_routes(),
        *_spa_routes(frontend_dist or FRONTEND_DIST),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(RequestIdMiddleware),
            Middleware(SecurityHeadersMiddleware, https=settings.secure_cookies),
            Middleware(BodyLimitMiddleware, max_bytes=settings.graphql_max_body_bytes, paths=["/graphql"]),
            Middleware(CSRFMiddleware, public_origin=settings.public_origin),
        ],
    )
    app.state.services = services
    app.state.settings = settings
    return app


def asgi() -> Starlette:
    """uvicorn factory: `uvicorn --factory portico.app:asgi`."""
    settings = load_settings()
    configure_logging(settings.log_level)
    return create_app(settings, freeze_startup_objects=True)
