"""The page and its few endpoints, on Starlette.

Every request must name this machine in its Host header (or a name given with
``--allowed-host``): a page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding)
gets 400. A POST from another origin gets 403. Bodies are read up to the payslip size limit
and parsed by the library's own safe loader; nothing a worker enters is written anywhere or
logged, and every answer says ``Cache-Control: no-store``.

    GET  /                 the page, in the language of ?lang= or Accept-Language
    GET  /api/calendar     a month of a jurisdiction's calendar (?code=&month=YYYY-MM)
    POST /api/validate     the payslip (JSON) as the form built it: the problems, field by field
    POST /api/check        the same, checked: the report as HTML, the total owed
    POST /api/upload       a payslip file (the raw bytes, ?name= gives its type): the report
    POST /api/yaml         the payslip the form built, as a YAML file to keep
    POST /api/claim        the claim to file (once paycheck.claim.build exists)
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from paycheck.engine import check
from paycheck.law.packs import all_packs
from paycheck.limits import MAX_BYTES
from paycheck.loader import FORMATS, InputError, Problem, parse_bytes, validate
from paycheck.messages import LANGUAGES
from paycheck.model import (
    BasisKind,
    CausedBy,
    DeductionKind,
    DocumentKind,
    EarningKind,
    Payslip,
    TerminationKind,
    TerminationReason,
)
from paycheck.report import Report
from paycheck.web import view
from paycheck.web.i18n import choose, problem_text, texts, tr

HERE = Path(__file__).parent
_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

SECURITY_HEADERS = {
    # Nothing is fetched from anywhere but this server; no inline script or style.
    "content-security-policy": "default-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


class TooLarge(Exception):
    """A request body beyond the payslip size limit."""


class Guard:
    """Refuses a request whose Host is not an allowed name (400) and a POST whose Origin is
    another site (403); adds the security headers to every answer."""

    def __init__(self, app: ASGIApp, allowed: Collection[str]) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # the page has none: no way around the checks
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":  # the server's own start and stop
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        refusal = None
        if hostname(host) not in self.allowed:
            refusal = Response(
                "This page answers only to the names it is served on: "
                f"the Host header {host!r} is not one of them.\n",
                status_code=400,
                media_type="text/plain",
            )
        elif scope["method"] == "POST" and not same_origin(headers.get("origin"), host):
            refusal = Response(
                "Forms of other sites are refused.\n", status_code=403, media_type="text/plain"
            )
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.encode(), v.encode())
                    for k, v in SECURITY_HEADERS.items()
                    if k.encode() not in names
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def hostname(host: str) -> str:
    """The name in a Host header, without its port: ``127.0.0.1``, ``::1``, ``localhost``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def same_origin(origin: str | None, host: str) -> bool:
    """Whether a POST comes from a page of this server (a browser sends Origin with it;
    a client without one, such as curl, is not a page of another site)."""
    if not origin:
        return True
    return urlsplit(origin).netloc.lower() == host.strip().lower()


async def body(request: Request) -> bytes:
    """The request body, refused once it passes the payslip size limit."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise TooLarge
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            raise TooLarge
    return bytes(data)


def lang_of(request: Request) -> str:
    return choose(request.query_params.get("lang"), request.headers.get("accept-language"))


def problems(lang: str, errors: list[Problem]) -> list[dict[str, str | None]]:
    return [
        {
            "field": e.field,
            "problem": e.problem,
            "value": e.value,
            "text": problem_text(lang, e.problem),
        }
        for e in errors
    ]


def too_large(lang: str) -> JSONResponse:
    message = tr(lang, "error.too-large", limit=f"{MAX_BYTES:,}")
    return JSONResponse({"error": message}, status_code=413)


Endpoint = Callable[[Request, str], Awaitable[Response]]


def api(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint in the page's language whose bad input is answered, never raised: 413 for
    a body beyond the limit, 422 with each problem for a payslip the library refuses."""

    async def run(request: Request) -> Response:
        lang = lang_of(request)
        try:
            return await endpoint(request, lang)
        except TooLarge:
            return too_large(lang)
        except InputError as exc:
            first = exc.errors[0]
            said = [exc.source, first.field, problem_text(lang, first.problem)]
            more = f" (+{len(exc.errors) - 1})" if len(exc.errors) > 1 else ""
            return JSONResponse(
                {
                    "error": ": ".join(p for p in said if p) + more,
                    "errors": problems(lang, exc.errors),
                },
                status_code=422,
            )

    return run


async def from_form(request: Request) -> tuple[Any, Payslip]:
    """The payslip the page's form sent (JSON), read by the library's loader and validated."""
    data = parse_bytes(await body(request), "json", "form")
    return data, validate(data, source="form")


async def page(request: Request) -> Response:
    lang = lang_of(request)
    context = {
        "lang": lang,
        "html_lang": lang.replace("_", "-"),
        "t": lambda id, **args: tr(lang, id, **args),
        "languages": [(code, tr(code, "language.name")) for code in LANGUAGES],
        "places": view.places(lang),
        "texts": json.dumps(texts(lang), ensure_ascii=False),
        "claim": claim_available(),
        "max_bytes": MAX_BYTES,
        "termination_kinds": [k.value for k in TerminationKind],
        "termination_reasons": [k.value for k in TerminationReason],
        "earning_kinds": [k.value for k in EarningKind],
        "deduction_kinds": [k.value for k in DeductionKind],
        "caused_by": [k.value for k in CausedBy],
        "basis_kinds": [k.value for k in BasisKind],
        "document_kinds": [k.value for k in DocumentKind],
    }
    return HTMLResponse(_env.get_template("page.html").render(context))


async def calendar(request: Request) -> Response:
    lang = lang_of(request)
    code = request.query_params.get("code", "")
    try:
        year, month = (int(p) for p in request.query_params.get("month", "").split("-"))
        date(year, month, 1)
    except ValueError:
        return JSONResponse({"error": "month: write YYYY-MM"}, status_code=400)
    if code not in all_packs():
        return JSONResponse({"error": f"no rule pack for {code!r}"}, status_code=400)
    return JSONResponse(view.month_days(code, year, month, lang))


@api
async def validate_form(request: Request, lang: str) -> Response:
    await from_form(request)
    return JSONResponse({"ok": True, "errors": []})


@api
async def check_form(request: Request, lang: str) -> Response:
    _, payslip = await from_form(request)
    return report_response(payslip, lang)


@api
async def upload(request: Request, lang: str) -> Response:
    name = Path(request.query_params.get("name", "")).name or "payslip"
    fmt = FORMATS.get(Path(name).suffix.lower())
    data = await body(request)
    if fmt is None:
        raise InputError(tr(lang, "error.file-type"), source=name)
    payslip = validate(parse_bytes(data, fmt, name), source=name)
    # the form is filled with the file's facts, so that he can change them and check again
    form = payslip.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return report_response(payslip, lang, form=form)


@api
async def download_yaml(request: Request, lang: str) -> Response:
    data, _ = await from_form(request)
    text = (
        tr(lang, "yaml.header")
        + "\n"
        + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
        )
    )
    return Response(
        text.encode("utf-8"),
        media_type="application/yaml; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="payslip.yaml"'},
    )


@api
async def download_claim(request: Request, lang: str) -> Response:
    _, payslip = await from_form(request)
    document = claim_document(payslip, check(payslip), lang)
    if document is None:
        return JSONResponse({"error": tr(lang, "error.no-claim")}, status_code=404)
    name, media_type, content = document
    return Response(
        content,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def report_response(payslip: Payslip, lang: str, **extra: Any) -> Response:
    report = check(payslip)
    html = _env.get_template("report.html").render(
        t=lambda id, **args: tr(lang, id, **args),
        summary=view.summary(report, lang),
        months=view.report_months(payslip, lang),
        bars=view.bars(report, lang),
        findings=view.findings(report, payslip, lang),
        claim=claim_available(),
    )
    return JSONResponse(
        {"html": html, "total_owed": str(report.total_owed), "currency": report.currency, **extra}
    )


# -- the claim to file (paycheck claim) -----------------------------------------------------


def claim_available() -> bool:
    """Whether the page offers the claim (it always can: kept for the page's template)."""
    return True


def claim_document(payslip: Payslip, report: Report, lang: str) -> tuple[str, str, bytes] | None:
    """The claim to download, as (file name, media type, content): the HTML letter, which a
    phone opens and prints (``paycheck claim --format pdf`` makes a PDF of it)."""
    from paycheck.claim import build

    return (
        "claim.html",
        "text/html; charset=utf-8",
        build(payslip, report, lang=lang).to_html().encode("utf-8"),
    )


def create_app(allowed_hosts: Collection[str]) -> ASGIApp:
    """The page's application, answering only to the names in ``allowed_hosts``."""
    app = Starlette(
        routes=[
            Route("/", page),
            Route("/api/calendar", calendar),
            Route("/api/validate", validate_form, methods=["POST"]),
            Route("/api/check", check_form, methods=["POST"]),
            Route("/api/upload", upload, methods=["POST"]),
            Route("/api/yaml", download_yaml, methods=["POST"]),
            Route("/api/claim", download_claim, methods=["POST"]),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]
    )
    return Guard(app, allowed_hosts)
