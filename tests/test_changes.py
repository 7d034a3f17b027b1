"""What changed, from the content's own history: a real git checkout of two commits, built with MkDocs.

The first commit holds the small good content; the second adds one position to the
Kazakhstan article. The "Nouveautés" page and the briefings' lists date the articles by
the first commit and the new position by the second; two builds of the same commit give
the same bytes; outside a git checkout, and for what no commit holds yet, the records'
own dates are used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.content.dates import PartialDate
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT, PUBLISHED_URL, copy_project, mkdocs_build

KZ_ARTICLE = "articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
NEW_POSITION = """\
  - actor: KZ
    initiative: organisation-mondiale-cooperation-ia
    role: joins
    date: 2025-08-11
    evidence: "prendre part aux activités préparatoires"
"""
FIRST, SECOND = "2025-09-01T10:00:00+02:00", "2025-10-01T09:30:00+02:00"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(root: Path, *arguments: str, date: str = FIRST) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Rédaction",
        "GIT_AUTHOR_EMAIL": "redaction@example.org",
        "GIT_COMMITTER_NAME": "Rédaction",
        "GIT_COMMITTER_EMAIL": "redaction@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *arguments], cwd=root, env=environment, check=True, capture_output=True, timeout=60)


def add_position(content: Path, position: str = NEW_POSITION) -> None:
    article = content / KZ_ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("quotes:\n", position + "quotes:\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose content has two commits: the good content, then one more position."""
    root = copy_project(tmp_path_factory.mktemp("checkout"))
    shutil.rmtree(root / "content")
    shutil.copytree(GOOD_CONTENT, root / "content")
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Good content")
    add_position(root / "content")
    git(root, "commit", "--quiet", "--all", "--message", "One more position", date=SECOND)
    return root


def changes_list(html: str, heading: str) -> list[tuple[str, str]]:
    """The (date, text) of each line of the list under `heading`'s section."""
    section = html.split(f">{heading}<", 1)[1].split("<h2", 1)[0]
    lines = re.findall(r'<li><time class="briefing-change" datetime="([^"]+)">.*?</time>(.*?)</li>', section, re.DOTALL)
    return [(date, re.sub(r"<[^>]+>", "", text).strip(" ·")) for date, text in lines]


def build(root: Path) -> dict[str, bytes]:
    result = mkdocs_build(root, {"SOURCE_DATE_EPOCH": "1759303800", "SITE_URL": PUBLISHED_URL})  # feeds need one
    assert result.returncode == 0, result.stderr
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.glob("site/**/*"))
        if path.is_file()
    }


@pytest.mark.build
def test_the_new_position_is_dated_by_its_commit(checkout: Path) -> None:
    first = build(checkout)
    page = first["site/nouveautes/index.html"].decode()
    lines = changes_list(page, "Nouveautés")
    assert lines[0] == (
        "2025-10-01",
        "Position : Kazakhstan rejoint Organisation mondiale de coopération sur l'intelligence artificielle — source",
    )
    assert [date for date, _ in lines] == ["2025-10-01", "2025-09-01", "2025-09-01"]
    assert all(text.startswith("Nouvel article : ") for _, text in lines[1:])
    assert "Depuis le 1er septembre 2025" in page
    kazakhstan = first["site/pays/kz/index.html"].decode()
    briefing = changes_list(kazakhstan, "Nouveautés")
    assert briefing[0] == lines[0]
    assert briefing[1][0] == "2025-09-01" and "1 position" in briefing[1][1]  # the article came with one
    initiative = first["site/initiatives/organisation-mondiale-cooperation-ia/index.html"].decode()
    assert changes_list(initiative, "Nouveautés")[0] == lines[0]
    china = changes_list(first["site/pays/cn/index.html"].decode(), "Nouveautés")
    assert [text[:15] for _, text in china] == ["Nouvel article ", "Nouvel article "]  # not China's position

    again = build(checkout)
    assert again == first, "two builds of the same commit differ"


def test_uncommitted_edits_and_content_outside_git_have_the_records_dates(checkout: Path, tmp_path: Path) -> None:
    outside = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, outside)
    site = load_site(outside)
    assert {change.date for change in site.changes} == {article.published for article in site.articles}

    edited = tmp_path / "edited"
    shutil.copytree(checkout, edited)
    add_position(edited / "content", NEW_POSITION.replace("role: joins", "role: signs"))
    changes = load_site(edited / "content").changes
    assert [(change.what, change.date) for change in changes if change.what == "position"] == [
        ("position", PartialDate(2025, 10, 1)),  # committed in the second commit
        ("position", PartialDate(2025, 8, 12)),  # not committed: the article's publication date
    ]


@pytest.mark.build
def test_a_briefing_feed_brings_back_an_article_with_a_new_position(checkout: Path) -> None:
    build(checkout)
    feed = (checkout / "site" / "flux" / "pays" / "kz.xml").read_text(encoding="utf-8")
    entry = feed.split("<entry>", 1)[1]
    assert "<updated>2025-10-01T00:00:00+00:00</updated>" in entry
    assert "<published>2025-08-12T00:00:00+00:00</published>" in entry
    assert "1er octobre 2025 — position : Kazakhstan rejoint" in entry
