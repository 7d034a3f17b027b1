"""Serve a built site over HTTP on loopback, optionally under a path prefix as GitHub Pages does.

A project site on GitHub Pages lives at `https://OWNER.github.io/REPO/`: everything outside
`/REPO/` belongs to someone else. The handler answers 404 for any path outside the prefix,
so a link or asset that escapes it shows up as broken, and it answers a missing page with
the site's own 404.html, as Pages does.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit


def _handler(site: Path, prefix: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class PrefixedSiteHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def translate_path(self, path: str) -> str:
            path = unquote(urlsplit(path).path)
            return super().translate_path("/" + path.removeprefix(prefix))

        def send_head(self) -> BinaryIO | None:  # type: ignore[override]
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                self.send_error(404, f"outside {prefix}")
                return None
            if not Path(self.translate_path(self.path)).exists() and (site / "404.html").is_file():
                return self._send_not_found_page()
            return super().send_head()

        def _send_not_found_page(self) -> BinaryIO:
            body = (site / "404.html").open("rb")
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str((site / "404.html").stat().st_size))
            self.end_headers()
            return body

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
            pass

    return PrefixedSiteHandler


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` at `http://127.0.0.1:<free port><prefix>` until the block ends; yield that URL."""
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
