"""The preview reads the content's git history again only when the commit or the set of edited files changes.

A real checkout of the small good content: the preview's session keeps its history while
an editor keeps editing the same file, and reads it again after a commit or an edit of
another committed file; after each step its pages are a fresh generation's, byte for byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.output.site_settings import SiteSettings
from generator.pipeline import generate
from generator.preview.session import Session
from tests.conftest import GOOD_CONTENT, ROOT
from tests.test_changes import KZ_ARTICLE, SECOND, add_position, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
TEMPLATES = ROOT / "site_config" / "templates"
SETTINGS = SiteSettings(url="https://exemple.github.io/briefings/")


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.md"))}


def test_the_session_rereads_the_history_only_when_it_can_have_changed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(GOOD_CONTENT, root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "content")
    git(root, "commit", "-q", "-m", "first")
    session, docs = Session(), tmp_path / "docs"
    session.generate(root / "content", TEMPLATES, docs, SETTINGS)
    read = session._history

    def same_as_a_fresh_generation() -> None:
        fresh = tmp_path / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        generate(root / "content", TEMPLATES, fresh, SETTINGS)
        assert files_of(docs) == files_of(fresh)

    add_position(root / "content")  # the article now has uncommitted edits: the history says so
    session.generate(root / "content", TEMPLATES, docs, SETTINGS)
    assert session._history is not read
    same_as_a_fresh_generation()
    edited = session._history

    article = root / "content" / KZ_ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    session.generate(root / "content", TEMPLATES, docs, SETTINGS)
    assert session._history is edited  # the same commit, the same file edited: not read again
    same_as_a_fresh_generation()

    git(root, "commit", "-q", "-am", "second", date=SECOND)
    session.generate(root / "content", TEMPLATES, docs, SETTINGS)
    assert session._history is not edited  # a commit: the position is now dated by it
    same_as_a_fresh_generation()
