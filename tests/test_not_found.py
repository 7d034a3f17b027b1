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
from tests.serve_site import serve

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


@pytest.fixture(scope="module", params=["/", "/quelque/part/"])
def unconfigured_origin(request: pytest.FixtureRequest, built_site: BuiltSite) -> Iterator[str]:
    """The site built without SITE_URL, served at the root or under a sub-path it was not told of."""
    with serve(built_site.site, request.param) as url:
        yield url


@pytest.mark.parametrize("missing", ["pays/atlantide/une/page/perdue/", "fiche.html", "404.html"])
def test_without_site_url_the_not_found_page_finds_its_styles_and_links_under_any_path(
    browser: Browser, unconfigured_origin: str, missing: str
) -> None:
    page = browser.new_page()
    failed: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            failed.append(response.url)
            if response.status >= 400 and not response.url.endswith(("404.html", missing))  # the page, the probes
            else None
        ),
    )
    response = page.goto(unconfigured_origin + missing)
    assert response is not None and response.status == (200 if missing == "404.html" else 404)
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text() == "Page introuvable"
    assert page.evaluate("document.baseURI") == unconfigured_origin
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(64, 81, 181)"  # Material's indigo: its style sheets loaded
    assert page.evaluate("getComputedStyle(document.querySelector('.pagefind-ui__search-input')).boxSizing")
    links = page.locator("article a[href]").evaluate_all("links => links.map(link => link.href)")
    assert len(links) >= 8
    for link in links:
        if "#" in link:
            assert link.split("#")[0] == page.url
            continue
        assert link.startswith(unconfigured_origin), link
        assert page.request.get(link).status == 200, link
    assert failed == [] and errors == []

    page.locator("article").get_by_role("link", name="Pays", exact=True).click()
    page.wait_for_load_state()
    assert page.url == unconfigured_origin + "pays/"
    page.close()


def test_without_site_url_the_search_of_the_not_found_page_leads_to_the_briefing(
    browser: Browser, unconfigured_origin: str
) -> None:
    page = browser.new_page()
    page.goto(unconfigured_origin + "pays/kazakhstan-ia/")
    box = page.locator("#not-found-search")
    box.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__loading').length === 0", timeout=10_000)
    link = box.get_by_role("link", name="Kazakhstan", exact=True)
    assert link.evaluate("link => link.href") == unconfigured_origin + "pays/kz/"
    page.close()
