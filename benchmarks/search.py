"""The first search a reader makes, in headless Chromium on loopback.

The built site is served by Python's HTTP server on 127.0.0.1 (a free port). Chromium
opens the home page and waits until it is idle; then the query is typed into the
header's search box. From that moment on, every byte of the `pagefind/` bundle the
browser fetches counts (the search script and its stylesheet load with every page and are
not counted), and the clock runs until the first result's title is on screen.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Request, sync_playwright

from tests.chromium import CHROMIUM, FLAGS  # the one way this project launches Chromium

PAGE_ASSETS = ("pagefind-ui.js", "pagefind-ui.css")


@dataclass(frozen=True)
class SearchMeasure:
    kilobytes: float
    seconds: float
    results: int


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        pass


def measure_first_search(site: Path, query: str) -> SearchMeasure:
    """Serve `site`, type `query` on the home page; measure bytes fetched and time to results."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    requests: list[Request] = []
    counting = False

    def note(request: Request) -> None:
        if counting and "/pagefind/" in request.url and not request.url.endswith(PAGE_ASSETS):
            requests.append(request)

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_context().new_page()
            page.on("requestfinished", note)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_load_state("networkidle")
            counting = True
            start = time.perf_counter()
            page.fill("#briefings-search input", query)
            page.wait_for_function(
                """() => [...document.querySelectorAll('.pagefind-ui__result-title')]
                         .some(title => title.textContent.trim() !== '')""",
                timeout=30_000,
                polling="raf",
            )
            seconds = time.perf_counter() - start
            results = page.locator(".pagefind-ui__result").count()
            page.wait_for_load_state("networkidle")  # let the first results' fragments finish arriving
            fetched = [len(response.body()) for request in requests if (response := request.response())]
            browser.close()
    finally:
        server.shutdown()
    return SearchMeasure(sum(fetched) / 1024, seconds, results)
