"""The built site in a real headless Chromium: French search works and nothing leaves the machine."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import BuiltSite, copy_project, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the header's search box; return the titles of the pages found."""
    page.fill("#briefings-search input", query)
    page.wait_for_selector(".pagefind-ui__message", timeout=10_000)
    page.wait_for_function(  # "Recherche <query>..." while searching; results come as placeholders, then fill in
        """() => !["…", "..."].some(dots => document.querySelector('.pagefind-ui__message').textContent.includes(dots))
                 && document.querySelectorAll('.pagefind-ui__loading').length === 0""",
        timeout=10_000,
    )
    return page.locator(".pagefind-ui__result-title").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("coopérations", "Organisation mondiale de coopération sur l'intelligence artificielle"),  # plural → singular
        ("securite", "Forum de l'avenir de l'ASEAN 2025 : la Chine présente ses principes de gouvernance de l'IA"),
        (
            "l'initiative",
            "Le président kazakh exprime son soutien à l'initiative de coopération mondiale sur l'IA "
            "proposée par la Chine",
        ),
        ("kazakhe", "Kazakhstan"),
        ("Tokaiev", "Kassym-Jomart Tokaïev"),
    ],
)
def test_french_search_finds_the_right_briefing(page: Page, site_url: str, query: str, expected_title: str) -> None:
    page.goto(f"{site_url}/")
    assert expected_title in search(page, query)


def test_pages_and_search_make_no_request_to_another_host(page: Page, site_url: str) -> None:
    hosts: set[str] = set()
    errors: list[str] = []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("/", "/pays/kz/", "/initiatives/organisation-mondiale-cooperation-ia/", "/positions/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, "gouvernance")
    assert hosts == {urlsplit(site_url).netloc}
    assert errors == []


def test_a_repository_link_fetches_nothing_from_github(page: Page, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text("repo_url: https://github.com/exemple/briefings\n" + config.read_text("utf-8"), "utf-8")
    assert mkdocs_build(root).returncode == 0
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/exemple/briefings"' in html
    assert 'data-md-component="source"' not in html

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((root / "site" / "index.html").as_uri())
    page.wait_for_timeout(1500)  # Material asks for repository facts right after load
    assert requested and not [url for url in requested if "github" in url]
