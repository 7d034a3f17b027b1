"""A real `mkdocs build --strict` of the real content: clean, complete, self-contained."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuiltSite, mkdocs_build

pytestmark = pytest.mark.build


def test_build_is_strict_and_warning_free(built_site: BuiltSite) -> None:
    problems = [line for line in built_site.log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    assert problems == []
    assert "Documentation built in" in built_site.log


def test_site_has_a_briefing_for_every_record(built_site: BuiltSite) -> None:
    def pages(folder: str) -> set[str]:
        return {path.parent.name for path in (built_site.site / folder).glob("*/index.html")}

    assert pages("pays") == {"cn", "fr", "gb", "kr", "kz", "us", "vn"}
    assert len(pages("initiatives")) == 5
    assert pages("organisations") == {"asean", "cnuced", "onu"}
    assert len(pages("articles")) == 5
    assert len(pages("personnes")) == 8


def test_interface_is_french(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("index.html"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "fr"
    assert soup.find(id="briefings-search") is not None


def test_heading_anchors_are_titled_in_french(built_site: BuiltSite) -> None:
    pages = sorted(built_site.site.rglob("*.html"))
    assert [page for page in pages if "Permanent link" in page.read_text(encoding="utf-8")] == []
    anchor = 'class="headerlink" href="#chronologie" title="Lien vers cette section"'
    assert anchor in built_site.html("pays/kz/index.html")


def test_no_markdown_is_left_unconverted_in_a_page(built_site: BuiltSite) -> None:
    """MkDocs converts no Markdown inside an HTML block (md_in_html is left out of mkdocs.yml, being a
    third of the conversion's time): what a template writes in one must be HTML already."""
    leftovers = re.compile(r"\*\*\S|\]\(|^\s*- \[", re.MULTILINE)
    found = {}
    for page in sorted(built_site.site.rglob("*.html")):
        content = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".md-content")
        if content and (match := leftovers.search(content.get_text())):
            found[page.relative_to(built_site.site).as_posix()] = match.group()
    assert found == {}


def test_no_page_loads_anything_from_another_host(built_site: BuiltSite) -> None:
    offending = []
    for page in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
            if tag.name == "link" and {"canonical", "alternate"} & set(tag.get("rel") or []):
                continue  # addresses of this page and its feeds, named for readers and crawlers, never fetched
            address = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if address and re.match(r"^(https?:)?//", str(address)):
                offending.append(f"{page.relative_to(built_site.site)}: <{tag.name}> {address}")
    assert offending == []
    assert "fonts.googleapis" not in built_site.html("index.html")


def test_search_index_is_built_by_pagefind(built_site: BuiltSite) -> None:
    bundle = built_site.site / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file()
    assert (bundle / "pagefind-entry.json").read_text(encoding="utf-8").count('"fr"') >= 1
    indexed = [page for page in built_site.site.rglob("*.html") if "data-pagefind-body" in page.read_text("utf-8")]
    assert len(indexed) >= 30
    assert len(list((bundle / "fragment").iterdir())) == len(indexed)  # one fragment per indexed page


def test_list_pages_stay_out_of_the_search_index(built_site: BuiltSite) -> None:
    """Indexes and chronologies repeat titles of pages that are searchable themselves."""
    for page in ("pays/index.html", "chronologie/index.html", "themes/index.html", "articles/index.html"):
        assert "data-pagefind-body" not in built_site.html(page), page
    for page in ("pays/kz/index.html", "articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/index.html"):
        assert "data-pagefind-body" in built_site.html(page), page


def test_navigation_lists_index_pages_only(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("pays/kz/index.html"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    links = {link["href"] for link in nav.find_all("a", href=True)}
    assert not any("articles/20" in str(href) for href in links)
    assert len(links) < 30


def test_pages_group_by_tags(built_site: BuiltSite) -> None:
    tags_page = built_site.html("themes/index.html")
    assert "gouvernance de l" in tags_page
    assert "articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/" in tags_page


def test_bad_content_stops_the_build_and_keeps_the_last_good_site(built_site: BuiltSite, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_site.root, root, symlinks=True)  # the session's good build, generated pages and site
    before = {path: path.read_bytes() for path in sorted((root / "site").rglob("*")) if path.is_file()}

    record = root / "content" / "countries" / "kz.md"
    record.write_bytes(record.read_bytes().replace(b"code: KZ", b"code: KZZ"))
    result = mkdocs_build(root)

    assert result.returncode == 1
    assert "content/countries/kz.md:2: code: expected an ISO 3166-1 alpha-2 country code such as 'FR', got 'KZZ'" in (
        result.stderr
    )
    assert "the last good pages are unchanged" in result.stdout
    after = {path: path.read_bytes() for path in sorted((root / "site").rglob("*")) if path.is_file()}
    assert after == before
