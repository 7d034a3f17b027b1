""" "Edit this page" opens the record a page is made from, on GitHub, not the generated page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO_URL, BuiltSite, copy_project, mkdocs_build

pytestmark = pytest.mark.build


def edit_link(site: BuiltSite, page: str) -> str | None:
    soup = BeautifulSoup(site.html(page), "html.parser")
    links = soup.select('a.md-content__button[rel="edit"]')
    assert len(links) <= 1
    return str(links[0]["href"]) if links else None


@pytest.mark.parametrize(
    ("page", "record"),
    [
        ("pays/kz/index.html", "content/countries/kz.md"),
        ("organisations/cnuced/index.html", "content/organisations/cnuced.md"),
        ("initiatives/organisation-mondiale-cooperation-ia/index.html",
         "content/initiatives/organisation-mondiale-cooperation-ia.md"),
        ("personnes/kassym-jomart-tokaiev/index.html", "content/people/kassym-jomart-tokaiev.md"),
        ("articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/index.html",
         "content/articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"),
    ],
)  # fmt: skip
def test_a_page_made_from_one_record_edits_that_record(site_with_repository: BuiltSite, page: str, record: str) -> None:
    assert edit_link(site_with_repository, page) == f"{REPO_URL}/edit/main/{record}"
    assert (site_with_repository.root / record).is_file()


@pytest.mark.parametrize(
    "page", ["index.html", "pays/index.html", "articles/index.html", "chronologie/index.html", "positions/index.html"]
)
def test_a_page_made_from_many_records_has_no_edit_link(site_with_repository: BuiltSite, page: str) -> None:
    assert edit_link(site_with_repository, page) is None


def test_every_briefing_and_article_page_has_an_edit_link(site_with_repository: BuiltSite) -> None:
    folders = ("pays", "organisations", "initiatives", "personnes", "articles")
    pages = [page for folder in folders for page in (site_with_repository.site / folder).glob("*/index.html")]
    missing = [
        page
        for page in pages
        if edit_link(site_with_repository, str(page.relative_to(site_with_repository.site))) is None
    ]
    assert len(pages) >= 28 and missing == []


def test_the_edit_branch_comes_from_the_environment(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert mkdocs_build(root, env={"REPO_URL": REPO_URL + "/", "EDIT_URI": "edit/brouillons/"}).returncode == 0
    html = (root / "site" / "pays" / "kz" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/edit/brouillons/content/countries/kz.md"' in html


def test_without_a_repository_there_is_no_edit_link(built_site: BuiltSite) -> None:
    assert edit_link(built_site, "pays/kz/index.html") is None
    assert "md-source" not in built_site.html("pays/kz/index.html")
