"""The built site in a real headless Chromium: pages load cleanly, French search works, pages fit
a phone and pass axe-core, and nothing leaves the machine.

The per-page checks run on one page of each kind a reader lands on from a shared link. The
figures they measure (requests and bytes per page, widths, axe findings by impact) are
printed at the end of the run under "measured by the tests".
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request

from tests.chromium import needs_chromium
from tests.conftest import REPO_URL, BuiltSite, ServedSite
from tests.measurements import record

pytestmark = [needs_chromium, pytest.mark.browser, pytest.mark.build]

LANDING_PAGES = {
    "home": "/",
    "country": "/pays/kz/",
    "initiative": "/initiatives/organisation-mondiale-cooperation-ia/",
    "article": "/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/",
    "matrix": "/positions/",
}
"""One page of each kind a reader opens from a shared link."""

PHONE = {"width": 375, "height": 812}
"""A small phone's viewport, in CSS pixels."""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    opened = context.new_page()
    yield opened
    context.close()


class Traffic:
    """What a page does on the network and the console: requests, failures and errors."""

    def __init__(self, page: Page) -> None:
        self.requests: list[Request] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request))
        page.on("requestfailed", lambda request: self.failures.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda response: self._check(response.url, response.status))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _check(self, url: str, status: int) -> None:
        if status >= 400:
            self.failures.append(f"{url}: HTTP {status}")

    def hosts(self) -> set[str]:
        return {urlsplit(request.url).netloc for request in self.requests}

    def bytes_received(self) -> int:
        """Response bodies as sent (the local server does not compress; GitHub Pages does)."""
        return sum(request.sizes()["responseBodySize"] for request in self.requests if request.response())

    def bytes_gzipped(self) -> int:
        """The same bodies gzip-compressed, about what a reader downloads from GitHub Pages."""
        return sum(len(gzip.compress(response.body())) for request in self.requests if (response := request.response()))

    def summary(self) -> str:
        return f"{len(self.requests)} requests, {self.bytes_received():,} bytes ({self.bytes_gzipped():,} gzipped)"


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the header's search box; return the titles of the pages found."""
    page.fill("#briefings-search input", query)
    page.wait_for_selector(".pagefind-ui__message", timeout=10_000)
    page.wait_for_function(  # the count comes first, then placeholder results, then their titles
        """() => {
             const message = document.querySelector('.pagefind-ui__message').textContent;
             const results = document.querySelectorAll('.pagefind-ui__result').length;
             return !/(…|[.]{3})$/.test(message.trim()) && (results > 0 || message.startsWith('Pas de résultat'))
                    && document.querySelectorAll('.pagefind-ui__loading').length === 0;
           }""",
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


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("WAICO", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("OMCIA", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("Tokayev", "Kassym-Jomart Tokaïev"),
    ],
)
def test_an_alias_finds_its_briefing_first_or_second(
    page: Page, site_url: str, query: str, expected_title: str
) -> None:
    """A registry entry's aliases are on its page ("Aussi appelé"), so the search finds them there."""
    page.goto(f"{site_url}/")
    assert expected_title in search(page, query)[:2]


@pytest.mark.parametrize("kind", LANDING_PAGES)
def test_page_loads_cleanly_and_only_from_the_local_server(page: Page, site_url: str, kind: str) -> None:
    traffic = Traffic(page)
    page.goto(site_url + LANDING_PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert traffic.errors == []
    assert traffic.failures == []
    assert traffic.hosts() == {urlsplit(site_url).netloc}
    record("first visit with an empty cache", f"{kind} {LANDING_PAGES[kind]}", traffic.summary())


def test_search_makes_no_request_to_another_host(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    traffic = Traffic(page)
    assert search(page, "gouvernance")
    assert traffic.errors == [] and traffic.failures == []
    assert traffic.hosts() == {urlsplit(site_url).netloc}
    record("first visit with an empty cache", "then a search for 'gouvernance'", f"+ {traffic.summary()}")


def test_links_lead_from_home_to_a_country_briefing_and_back(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator(".md-tabs").get_by_role("link", name="Pays", exact=True).click()
    page.wait_for_url(f"{site_url}/pays/")
    page.locator("article").get_by_role("link", name="Kazakhstan", exact=True).first.click()
    page.wait_for_url(f"{site_url}/pays/kz/")
    assert page.title().startswith("Kazakhstan - ")

    page.go_back()
    page.wait_for_url(f"{site_url}/pays/")
    page.go_back()
    page.wait_for_url(f"{site_url}/")
    page.go_forward()
    page.wait_for_url(f"{site_url}/pays/")


@pytest.mark.parametrize("kind", LANDING_PAGES)
def test_nothing_overflows_horizontally_on_a_phone(phone: Page, site_url: str, kind: str) -> None:
    phone.goto(site_url + LANDING_PAGES[kind])
    phone.wait_for_load_state("networkidle")
    widths = phone.evaluate(
        """() => {
             const viewport = document.documentElement.clientWidth;
             const sticking_out = [...document.querySelectorAll('body *')]
               .filter(element => element.getBoundingClientRect().right > viewport + 1)
               .map(element => `${element.tagName.toLowerCase()}.${element.className}`);
             return {scroll: document.documentElement.scrollWidth, viewport, sticking_out};
           }"""
    )
    record("page width on a 375 px phone (scroll width / viewport)", kind, f"{widths['scroll']} / {widths['viewport']}")
    assert widths["scroll"] <= widths["viewport"], widths["sticking_out"][:5]


@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("kind", LANDING_PAGES)
def test_axe_finds_no_serious_or_critical_violation(
    request: pytest.FixtureRequest, site_url: str, kind: str, screen: str
) -> None:
    page: Page = request.getfixturevalue("page" if screen == "desktop" else "phone")
    page.goto(site_url + LANDING_PAGES[kind])
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    elements = Counter({str(violation["impact"]): 0 for violation in violations})
    for violation in violations:
        elements[str(violation["impact"])] += len(violation["nodes"])
    record(
        "axe-core violations (rules, elements) by impact",
        f"{kind}, {screen}",
        ", ".join(
            f"{impact}: {sum(v['impact'] == impact for v in violations)} rules, {count} elements"
            for impact, count in sorted(elements.items())
        )
        or "none",
    )
    blocking = [  # what axe reports, with the offending elements' selectors
        f"{violation['impact']} {violation['id']}: {violation['help']}: {[n['target'] for n in violation['nodes']]}"
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]
    assert blocking == []


def test_search_results_fit_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/")
    assert "Kazakhstan" in search(phone, "kazakhe")
    panel = phone.locator(".pagefind-ui__drawer").bounding_box()
    width = phone.evaluate("document.documentElement.clientWidth")
    assert panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= width
    assert phone.evaluate("document.documentElement.scrollWidth") <= width


def test_search_works_under_a_project_sub_path(page: Page, site_under_subpath: ServedSite) -> None:
    base = site_under_subpath.url
    traffic = Traffic(page)
    page.goto(base)
    assert "Organisation mondiale de coopération sur l'intelligence artificielle" in search(page, "coopérations")
    links = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(link => link.href)")
    assert links and [link for link in links if not link.startswith(base)] == []
    assert [request.url for request in traffic.requests if not request.url.startswith(base)] == []
    assert traffic.failures == [] and traffic.errors == []

    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base)
    assert traffic.failures == [] and traffic.errors == []


def test_a_repository_link_fetches_nothing_from_github(page: Page, site_with_repository: BuiltSite) -> None:
    html = site_with_repository.html("index.html")
    assert f'href="{REPO_URL}"' in html
    assert 'data-md-component="source"' not in html

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((site_with_repository.site / "index.html").as_uri())
    page.wait_for_load_state("networkidle")  # Material would ask for repository facts right after load
    assert requested and not [url for url in requested if "github" in url]
