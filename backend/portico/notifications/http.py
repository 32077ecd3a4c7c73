"""`/unsubscribe/<token>`: GET shows a confirmation page (link scanners and previews must change nothing), POST
unsubscribes at once, without signing in (RFC 8058 one-click: the mail provider posts
`List-Unsubscribe=One-Click`; our page's button posts the same)."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from portico.notifications import preferences
from portico.notifications.kinds import NotificationKind
from portico.notifications.unsubscribe import read_token
from portico.settings import Settings

_WHAT = {
    NotificationKind.DOCUMENTS_SHARED_WITH_ME: "documents shared with you",
    NotificationKind.CUSTOMER_UPLOADS: "files your customers upload",
    NotificationKind.HUB_ACTIVITY_ON_MY_SHARES: "activity on the documents you shared",
}


async def unsubscribe_page(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    found = read_token(settings.secret_key, request.path_params["token"])
    person = await found.person() if found is not None else None
    if found is None or person is None:
        return _page("Link not valid", "<p>This unsubscribe link is not valid. Change your notification settings "
                     "after signing in.</p>", status=404)
    what = escape(_WHAT.get(found.kind, found.kind.value.replace("_", " ").lower()))
    if request.method == "POST":
        await preferences.unsubscribe(person, found.kind)
        return _page("Unsubscribed", f"<p>You will no longer get emails about {what}.</p><p>Your other "
                     "notification settings are unchanged; you can change any of them after signing in.</p>")
    return _page("Unsubscribe", f"<p>Stop emailing <strong>{escape(_masked(person.email or ''))}</strong> about "
                 f"{what}?</p><form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>")


def _masked(address: str) -> str:
    """Enough of the address for its owner to recognise it, not enough to harvest it from a forwarded link."""
    local, _, domain = address.partition("@")
    return f"{local[:2]}…@{domain}" if domain else ""


def _page(title: str, body: str, *, status: int = 200) -> HTMLResponse:
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{escape(title)} · Portico</title>
<style>body{{margin:0;background:#f3f4f6;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,
Arial,sans-serif;color:#1f2937}}main{{max-width:28rem;width:calc(100% - 2rem);box-sizing:border-box;
margin:4rem auto;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:2rem}}
h1{{font-size:1.35rem;margin:0 0 1rem}}button{{background:#2b4acb;color:#fff;
border:0;border-radius:8px;padding:.75rem 1.5rem;font-size:1rem;font-weight:600;cursor:pointer}}</style></head>
<body><main><h1>{escape(title)}</h1>{body}</main></body></html>"""
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def unsubscribe_routes() -> list[Route]:
    return [Route("/unsubscribe/{token:str}", unsubscribe_page, methods=["GET", "POST"])]
