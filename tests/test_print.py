"""Printing a briefing on A4 in a real headless Chromium: content only, nothing cut at the right edge."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.chromium import needs_chromium
from tests.conftest import BuiltSite

A4_TEXT_WIDTH = 673
"""CSS pixels between the margins of an A4 page: 210 mm less 2 × 1.6 cm (briefings.css's @page)."""
SCREEN_ONLY = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".briefings-search",
    ".md-top",
]
BRIEFINGS = [
    "pays/kz/index.html",
    "initiatives/organisation-mondiale-cooperation-ia/index.html",
    "articles/2025-02-26-forum-avenir-asean-gouvernance-ia/index.html",
]

pytestmark = [needs_chromium, pytest.mark.browser, pytest.mark.build]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 950})
    opened = context.new_page()
    opened.emulate_media(media="print")
    yield opened
    context.close()


@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_briefing_prints_without_navigation_and_without_overflow(
    page: Page, published_site: BuiltSite, briefing: str
) -> None:
    page.goto((published_site.site / briefing).as_uri())
    for selector in SCREEN_ONLY:
        assert page.locator(selector).count() >= 1, selector  # the screen has it ...
        displays = page.eval_on_selector_all(selector, "nodes => nodes.map(n => getComputedStyle(n).display)")
        assert set(displays) == {"none"}, selector  # ... paper does not
    assert page.eval_on_selector("article", "n => getComputedStyle(n).display") != "none"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    blocks = "article tr, article .figure-cards li"  # Kazakhstan's figures are cards, not a table
    rows = page.eval_on_selector_all(blocks, "nodes => nodes.map(n => getComputedStyle(n).breakInside)")
    assert rows and set(rows) == {"avoid"}


def test_external_links_show_their_address_on_paper(page: Page, published_site: BuiltSite) -> None:
    page.goto((published_site.site / "methodologie" / "index.html").as_uri())
    after = page.eval_on_selector(
        "article a[href^='https://github.com/']", "n => getComputedStyle(n, '::after').content"
    )
    # The correction form of the repository, its title and page filled in: the address is printed whole.
    assert after.startswith('" (https://github.com/exemple/briefings/issues/new?template=correction.yml&')
    assert after.endswith(')"')
    internal = page.eval_on_selector("article a[href$='donnees/']", "n => getComputedStyle(n, '::after').content")
    assert internal == "none"


def test_briefing_renders_to_a4_pdf(page: Page, published_site: BuiltSite) -> None:
    page.goto((published_site.site / "pays" / "kz" / "index.html").as_uri())
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 8
    boxes = {
        (float(width), float(height)) for width, height in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    }
    assert len(boxes) == 1
    width, height = boxes.pop()
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points, as Chromium rounds it
