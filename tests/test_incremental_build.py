"""Publishing from the last build: `make site` (`mkdocs build --strict --dirty`) gives a clean build's site.

The seed site is built once; each test copies that project with its site folder and build
state, makes one kind of edit, builds it dirty, and compares the whole site folder (pages,
sitemap, 404, feeds, open data, search index) with a clean build of the edited project,
byte for byte: a first build, generated alongside MkDocs (generation_alongside.py). It
also checks that the dirty build did rebuild only part of the site, and that its
generation started from the session the last build kept, rendering only the pages the
edit touched (all of them after a template edit).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MKDOCS, PUBLISHED_EPOCH, copy_project, files_of, publish_at
from tests.markers import require_marker

pytestmark = pytest.mark.build

ARTICLES = Path("content/articles/2025")
TOKAIEV = ARTICLES / "2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
REBUILT = re.compile(r"briefings: (\d+) of (\d+) pages to rebuild since the last build")
RENDERED = re.compile(r", (\d+) of (\d+) pages rendered")
FROM_SESSION = "generating from the last build's session"
INDEX_KEPT = "no page changed since the last build: its search index stays as it is"


def build(root: Path, *options: str) -> str:
    """`mkdocs build --strict` in `root` at a fixed build date; return its log."""
    require_marker("build", "runs `mkdocs build`")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(PUBLISHED_EPOCH)}
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", *options],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def failing_build(root: Path, *options: str) -> str:
    """`mkdocs build --strict` in `root`, expected to fail; return its log."""
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", *options],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0, done.stderr
    return done.stderr


def assert_same_site(built: Path, clean: Path) -> None:
    """The same files, with the same bytes; on failure, name the files that differ."""
    ours, theirs = files_of(built), files_of(clean)
    assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
    different = [path for path in ours if ours[path] != theirs[path]]
    assert not different, different


@pytest.fixture(scope="module")
def last_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site as published, built clean: its site folder and the state beside build/docs."""
    root = copy_project(tmp_path_factory.mktemp("last") / "project")
    publish_at(root)  # feeds and the sitemap need a site address
    build(root)
    assert (root / "build" / "site-state.json").is_file()
    return root


def rebuild_after(last_build: Path, tmp_path: Path, edit: Callable[[Path], None]) -> tuple[Path, str, Path]:
    """Copy the last build, edit it, build it dirty; build a copy of the edited project clean.

    Return the project built dirty, its log, and the clean build's site folder.
    """
    root = tmp_path / "project"
    shutil.copytree(last_build, root)  # copy2: modification times too, as the Pages cache restores them
    edit(root)
    log = build(root, "--dirty")
    clean = tmp_path / "clean"
    for part in ("content", "site_config", "mkdocs.yml"):
        (shutil.copytree if (root / part).is_dir() else shutil.copy)(root / part, clean / part)
    (clean / "build" / "docs").mkdir(parents=True)
    assert "rendered beside MkDocs" in build(clean)  # a first build: generated alongside MkDocs
    return root, log, clean / "site"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def retitle(root: Path) -> None:
    replace(root / TOKAIEV, 'title: "Le président kazakh', 'title: "Le chef d’État kazakh')


def add_article(root: Path) -> None:
    text = (root / TOKAIEV).read_text(encoding="utf-8")
    text = text.replace('title: "Le président kazakh', 'title: "Second article : le président kazakh', 1)
    text = text.replace("published: 2025-08-12", "published: 2025-08-20", 1)
    (root / ARTICLES / "2025-08-20-tokaiev-second-article.md").write_text(text, encoding="utf-8")


def remove_article(root: Path) -> None:
    (root / ARTICLES / "2025-02-26-forum-avenir-asean-gouvernance-ia.md").unlink()


def change_a_role(root: Path) -> None:
    replace(root / TOKAIEV, "role: supports", "role: opposes")


def rename_an_organisation(root: Path) -> None:
    organisation = root / "content" / "organisations" / "cnuced.md"
    replace(organisation, 'name: "Conférence des Nations unies', 'name: "La Conférence des Nations unies')


def edit_a_page_template(root: Path) -> None:
    template = root / "site_config" / "templates" / "country.md.j2"
    replace(template, "# {{ country.name | md }}\n", "# Pays : {{ country.name | md }}\n")


EDITS = {
    "retitle": retitle,
    "new article": add_article,
    "removed article": remove_article,
    "role change": change_a_role,
    "registry edit": rename_an_organisation,
    "template edit": edit_a_page_template,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_dirty_build_after_an_edit_is_the_clean_build(
    last_build: Path, tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    root, log, clean = rebuild_after(last_build, tmp_path, edit)
    assert_same_site(root / "site", clean)
    found = REBUILT.search(log)
    assert found, log
    rebuilt, pages = map(int, found.groups())
    assert 0 < rebuilt < pages, log  # the last build's other pages were kept
    assert INDEX_KEPT not in log, log  # pages changed: the index is made again
    assert FROM_SESSION in log, log
    rendering = RENDERED.search(log)
    assert rendering, log
    rendered, generated = map(int, rendering.groups())
    if edit is edit_a_page_template:
        assert rendered == generated, log
    else:
        assert 0 < rendered < generated, log  # the seeds are small: one article is on many pages


def test_a_build_with_nothing_new_keeps_the_search_index(last_build: Path, tmp_path: Path) -> None:
    """`make site` again without an edit: no page to rebuild, and the last index is already the clean
    build's, so Pagefind does not index the site again (a minute at 10,000 articles)."""
    root, log, clean = rebuild_after(last_build, tmp_path, lambda root: None)
    found = REBUILT.search(log)
    assert found and found.group(1) == "0", log
    assert INDEX_KEPT in log, log
    assert "search index of" not in log, log
    index = root / "site" / "pagefind"
    assert {path: path.stat().st_mtime_ns for path in index.rglob("*")} == {
        root / path.relative_to(last_build): path.stat().st_mtime_ns
        for path in (last_build / "site" / "pagefind").rglob("*")
    }  # left as it was, not written again
    assert_same_site(root / "site", clean)


def test_the_clean_path_rebuilds_everything(last_build: Path, tmp_path: Path) -> None:
    """`make site CLEAN=1`: no --dirty, MkDocs empties the site folder and builds every page."""
    root, _, clean = rebuild_after(last_build, tmp_path, retitle)
    stale = root / "site" / "stale.html"
    stale.write_text("left by hand", encoding="utf-8")
    log = build(root)
    assert not REBUILT.search(log) and not stale.exists()
    assert_same_site(root / "site", clean)


def test_a_theme_change_rebuilds_every_page(last_build: Path, tmp_path: Path) -> None:
    """An override of Material's templates shapes every page: the state's fingerprint differs, all is built."""

    def edit_the_theme(root: Path) -> None:
        replace(root / "site_config" / "overrides" / "main.html", "{% extends", "{#- edited -#}\n{% extends")

    root, log, clean = rebuild_after(last_build, tmp_path, edit_the_theme)
    assert "no state of the last build to start from" in log, log
    assert_same_site(root / "site", clean)


def test_a_failed_build_leaves_no_state_to_start_from(last_build: Path, tmp_path: Path) -> None:
    """A strict build that fails on a warning has already written pages: the next one must not trust them."""
    root = tmp_path / "project"
    shutil.copytree(last_build, root)
    replace(root / "mkdocs.yml", "nav:\n", "nav:\n  - Absente: absente.md\n")  # a warning: the page does not exist
    failing_build(root, "--dirty")
    assert not (root / "build" / "site-state.json").exists()
    assert not (root / "build" / "generator-session.pickle").exists()


def test_a_theme_that_changes_the_indexed_content_fails_the_build(last_build: Path, tmp_path: Path) -> None:
    """Pagefind is sent each page's content as converted; the next build sends the pages it keeps as read
    back from the site: a theme writing the content otherwise would make that index differ from a clean
    build's, so the build stops, naming the page, instead of publishing it."""
    root = tmp_path / "project"
    shutil.copytree(last_build, root)
    changed = '{% block content %}{{ super() | replace("<p>", "<p> ") }}{% endblock %}\n{% block scripts %}'
    replace(root / "site_config" / "overrides" / "main.html", "{% block scripts %}", changed)
    said = failing_build(root)
    assert re.search(r"\S+\.md: the rendered page does not hold the content sent to the search index", said)
    assert "Traceback" not in said
