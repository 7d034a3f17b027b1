"""The real content/ builds: every record the desk publishes passes a strict build and links its original.

The site's other tests run on a frozen copy of the five seed articles (tests/fixtures/site/), so
that a new article does not change what they expect; this module is where content/ itself,
as it grows, is held to the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import load_site
from tests.conftest import ROOT, mkdocs_build


@pytest.mark.build
def test_the_real_content_builds_strict(tmp_path: Path) -> None:
    for name in ("content", "site_config"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "build" / "docs").mkdir(parents=True)
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = load_site(ROOT / "content")
    for article in site.articles:
        assert (tmp_path / "site" / "articles" / article.id / "index.html").is_file()
    for entity in site.entities:
        assert (tmp_path / "site" / entity.page.removesuffix(".md") / "index.html").is_file()


def test_every_article_records_the_address_and_publisher_of_its_original() -> None:
    articles = load_site(ROOT / "content").articles
    assert len(articles) >= 40
    missing = [article.source_file for article in articles if not article.record.source.url]
    assert missing == []
