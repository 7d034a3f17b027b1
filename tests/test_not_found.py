"""The 404 page as GitHub Pages serves it: for any missing address under the project's sub-path."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.chromium import needs_chromium
from tests.conftest import BuiltSite

PREFIX = "/briefings/"
"""The sub-path of conftest.PUBLISHED_URL."""

pytestmark = [needs_chromium, pytest.mark.browser, pytest.mark.build]


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under PREFIX and answer a missing file with 404.html, as GitHub Pages does."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?", 1)[0]
        if path.startswith(PREFIX):
            self.path = "/" + self.path[len(PREFIX) :]
            local = Path(self.translate_path(self.path))
            if local.is_file() or (local / "index.html").is_file():
                return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def origin(published_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_PagesHandler, directory=str(published_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_missing_address_gets_a_french_page_and_the_closest_briefings(browser: Browser, origin: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"{origin}{PREFIX}pays/kazakhstan-ia/")
    assert response is not None and response.status == 404
    assert page.locator("article h1").inner_text() == "Page introuvable"
    box = page.locator("#not-found-search")
    assert box.locator("input").input_value() == "kazakhstan ia"
    box.locator(".pagefind-ui__result-title").first.wait_for(timeout=10_000)
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__loading').length === 0", timeout=10_000)
    assert "Kazakhstan" in box.locator(".pagefind-ui__result-title").all_inner_texts()

    page.locator("article").get_by_role("link", name="Pays", exact=True).click()
    page.wait_for_load_state()
    assert page.url == f"{origin}{PREFIX}pays/"
    assert errors == []
    page.close()
