"""``paycheck serve``: a local web page that asks what a payslip says, checks it and shows
the report (docs/web.md).

The web framework is an extra (``pip install '.[web]'``): nothing here imports it until the
page is served, so ``import paycheck`` and ``paycheck check`` never load it.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import webbrowser
from collections.abc import Sequence

LOOPBACK = ("127.0.0.1", "localhost", "::1")
"""The names a browser on this machine uses for it: the only Host headers served by default."""

INSTALL = "paycheck: the web page needs the web extra: pip install '.[web]' (in the checkout)"


def missing_extra() -> str | None:
    """The module of the web extra that is not installed, if one is not."""
    for module in ("starlette", "uvicorn", "jinja2"):
        try:
            found = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            found = None
        if found is None:
            return module
    return None


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    open_browser: bool = True,
    allowed_hosts: Sequence[str] = (),
) -> int:
    """Serve the page until interrupted; 2 when the extra is missing or the port is taken."""
    if missing_extra():
        print(INSTALL, file=sys.stderr)
        return 2
    import uvicorn

    from paycheck.web.app import create_app

    try:
        sock = _bind(host, port)
    except OSError as exc:
        print(f"paycheck: cannot listen on {host} port {port}: {exc.strerror}", file=sys.stderr)
        return 2
    bound = sock.getsockname()[1]
    allowed = {*LOOPBACK, *allowed_hosts}
    if host not in ("0.0.0.0", "::"):
        allowed.add(host)
    app = create_app(allowed)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{bound}/"
    print(f"paycheck: the page is at {url} (Ctrl+C stops it)", flush=True)
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run(sockets=[sock])
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)  # from here a browser's request waits for the server, never refused
    except OSError:
        sock.close()
        raise
    return sock


def _open_when_started(server: object, url: str) -> None:
    event = threading.Event()
    while not getattr(server, "started", False) and not getattr(server, "should_exit", False):
        event.wait(0.05)
    if getattr(server, "started", False):
        webbrowser.open(url)
