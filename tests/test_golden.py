"""Golden pages: the small good content tree renders to exactly the checked-in Markdown.

A page without a golden file gets one written and the test fails, asking for a review
(as python-frontmatter's stub tests do); an existing golden file is never overwritten. To
accept an intended change, delete the golden files concerned and run the tests twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output.site_settings import SiteSettings
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT, ROOT
from tests.rendering import render_site

GOLDEN = Path(__file__).parent / "fixtures" / "good" / "expected"
SETTINGS = SiteSettings(url="https://exemple.github.io/briefings/", repo_url="https://github.com/exemple/briefings")
PAGES = render_site(load_site(GOOD_CONTENT), ROOT / "site_config" / "templates", SETTINGS)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_matches_its_golden_file(page: str) -> None:
    golden = GOLDEN / page
    if not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[page], encoding="utf-8")
        pytest.fail(f"wrote a new golden file {golden.relative_to(ROOT)}: review it, then commit it")
    assert PAGES[page] == golden.read_text(encoding="utf-8")


def test_no_golden_file_is_left_over() -> None:
    stale = sorted(path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md")) if GOLDEN.exists() else []
    assert [page for page in stale if page not in PAGES] == []
