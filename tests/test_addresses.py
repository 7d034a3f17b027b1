"""One address, one page: two pages served at the same URL are a content error naming both."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus
from generator.content.errors import ContentError
from generator.editors.cli import main
from generator.pipeline import generate, plan
from tests.conftest import ROOT

TEMPLATES = ROOT / "site_config" / "templates"
TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def theme_named_index(tmp_path: Path) -> tuple[Path, str]:
    """A corpus whose themes have a page each, one article tagged "index": its page would be themes/index.md."""
    write_corpus(tmp_path, 130)  # more articles per theme than one themes page lists
    article = sorted((tmp_path / "content" / "articles").rglob("*.md"))[7]
    text = article.read_text(encoding="utf-8")
    edited = re.sub(r"^tags:\n", "tags:\n- index\n", text, count=1, flags=re.MULTILINE)
    assert edited != text
    article.write_text(edited, encoding="utf-8")
    return tmp_path / "content", article.relative_to(tmp_path).as_posix()


def test_a_theme_named_index_is_refused_naming_the_article_and_both_pages(theme_named_index: tuple[Path, str]) -> None:
    content, article = theme_named_index
    with pytest.raises(ContentError) as caught:
        plan(content)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{article}: tags[0]: two pages would have the address /themes/: the site's own themes.md "
        f"and themes/index.md (from {article}); rename one of them"
    ]


def test_generate_writes_nothing_and_check_fails(
    theme_named_index: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, article = theme_named_index
    docs = tmp_path / "docs"
    with pytest.raises(ContentError):
        generate(content, TEMPLATES, docs)
    assert not docs.exists()
    assert main(["check", "--project", str(content.parent)], today=TODAY) == 1
    assert "two pages would have the address /themes/" in capsys.readouterr().out


def test_the_site_has_one_page_per_address() -> None:
    pages = plan(ROOT / "content").pages
    assert len({page.path for page in pages}) == len(pages)
