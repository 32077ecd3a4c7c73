"""`/unsubscribe/<token>`: GET shows a confirmation page (link scanners and previews must change nothing), POST
unsubscribes at once, without signing in (RFC 8058 one-click: the mail provider posts
`List-Unsubscribe=One-Click`; our page's button posts the same). The page speaks the person's language: a member's
own, a contact's that of the newest share to them (as their emails do)."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from portico.accounts.models import Member
from portico.hubs.models import Share
from portico.mail.templates import catalog, normalize_language
from portico.notifications import preferences
from portico.notifications.unsubscribe import Person, read_token
from portico.settings import Settings


async def unsubscribe_page(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    found = read_token(settings.secret_key, request.path_params["token"])
    person = await found.person() if found is not None else None
    if found is None or person is None:
        words = catalog("en")["unsubscribe"]
        return _page("en", words["invalid_title"], f"<p>{escape(words['invalid'])}</p>", status=404)
    language = await _language(person)
    words = catalog(language)["unsubscribe"]
    what = escape(words["what"][found.kind.value])
    if request.method == "POST":
        await preferences.unsubscribe(person, found.kind)
        done = escape(words["done"]).format(what=what)
        return _page(language, words["done_title"], f"<p>{done}</p><p>{escape(words['others'])}</p>")
    address = f"<strong>{escape(_masked(person.email or ''))}</strong>"
    question = escape(words["question"]).format(address=address, what=what)
    form = f'<form method="post"><button type="submit">{escape(words["button"])}</button></form>'
    return _page(language, words["title"], f"<p>{question}</p>{form}")


async def _language(person: Person) -> str:
    if isinstance(person, Member):
        return normalize_language(person.language)
    newest = await Share.filter(recipients__id=person.id).order_by("-id").first().values_list("language", flat=True)
    return normalize_language(str(newest) if newest else None)


def _masked(address: str) -> str:
    """Enough of the address for its owner to recognise it, not enough to harvest it from a forwarded link."""
    local, _, domain = address.partition("@")
    return f"{local[:2]}…@{domain}" if domain else ""


def _page(language: str, title: str, body: str, *, status: int = 200) -> HTMLResponse:
    html = f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
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
