"""The real content/ builds: every record the desk publishes passes a strict build and links its original.

The site's other tests run on a frozen copy of the five seed articles (tests/fixtures/site/), so
that a new article does not change what they expect; this module is where content/ itself,
as it grows, is held to the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.pipeline import load_site
from tests.chromium import needs_chromium
from tests.conftest import ROOT, mkdocs_build
from tests.serve_site import serve
from tests.test_browser import search


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ as it stands, built once for this module's tests; the built site's folder."""
    root = tmp_path_factory.mktemp("real")
    for name in ("content", "site_config"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("captures"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "build" / "docs").mkdir(parents=True)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.build
def test_the_real_content_builds_strict(real_site: Path) -> None:
    site = load_site(ROOT / "content")
    for article in site.articles:
        assert (real_site / "articles" / article.id / "index.html").is_file()
    for entity in site.entities:
        assert (real_site / entity.page.removesuffix(".md") / "index.html").is_file()


@needs_chromium
@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("WAICO", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("OMCIA", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("Tokayev", "Kassym-Jomart Tokaïev"),  # before the articles spelling him so in their titles
        # Unaccented. "securite" alone ranks whichever page says it most, which changes as articles come in.
        (
            "securite ASEAN",
            "Forum de l'avenir de l'ASEAN 2025 : la Chine présente ses principes de gouvernance de l'IA",
        ),
        (
            "déclaration conjointe",
            "Déclaration conjointe Chine-France sur l'intelligence artificielle et la gouvernance mondiale",
        ),
    ],
)
def test_searches_readers_type_bring_the_page_they_mean_first_or_second(
    real_site: Path, browser: Browser, query: str, expected: str
) -> None:
    """On the site's own articles, not only on the frozen seeds: the names people type find the page."""
    context = browser.new_context()
    page = context.new_page()
    with serve(real_site) as address:
        page.goto(address)
        search(page, query)
        top = page.locator(".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title")
        titles = top.all_inner_texts()
    context.close()
    assert expected in titles[:2], titles[:4]


def test_every_article_records_the_address_and_publisher_of_its_original() -> None:
    articles = load_site(ROOT / "content").articles
    assert len(articles) >= 40
    missing = [article.source_file for article in articles if not article.record.source.url]
    assert missing == []
