"""A first build generates alongside MkDocs (generation_alongside.py): the same site as generating first.

MkDocs converts each page as the generation's child renders it, from the list of files the
child announced: that list must be the docs folder MkDocs would have found, in the order it
would have walked it (the search index and the sitemap follow that order), and a problem
that shows only once MkDocs has started must still stop the build cleanly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from generator.mkdocs.generation_alongside import docs_order
from tests.conftest import MKDOCS, PUBLISHED_EPOCH, copy_project, files_of, publish_at
from tests.markers import require_marker

ALONGSIDE = "rendered beside MkDocs"


def test_paths_sort_as_mkdocs_walks_the_docs_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    names = [
        "index.md", "a.md", "B.md", "z.md", "flux.xml", "pays/index.md", "pays/kz.md", "pays/a-b.md",
        "pays/z/index.md", "pays/z/a.md", "pays-x/a.md", "donnees/pays/kz-positions.csv", "donnees/medias.csv",
        "_a/b.md", "articles/2025/x.md", "articles/2025.md", "articles/index.md", ".generated-by-briefings",
    ]  # fmt: skip
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: docs\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    walked = [file.src_uri for file in get_files(config)]
    assert sorted(names, key=docs_order) == walked


def build(root: Path, *options: str, ok: bool = True) -> str:
    """`mkdocs build --strict` in `root` at a fixed build date; return its log."""
    require_marker("build", "runs `mkdocs build`")
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", *options],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(PUBLISHED_EPOCH)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (done.returncode == 0) is ok, done.stderr
    return done.stderr


@pytest.mark.build
def test_a_first_build_alongside_makes_what_generating_first_makes(tmp_path: Path) -> None:
    """Site (pages, sitemap, feeds, data, search index), docs folder and the state for the next build."""
    first = copy_project(tmp_path / "first")
    publish_at(first)
    assert ALONGSIDE in build(first)
    over = tmp_path / "over"
    shutil.copytree(first, over, ignore=shutil.ignore_patterns("site", "build"))
    (over / "build" / "docs").mkdir(parents=True)
    (over / "site").mkdir()
    (over / "site" / "left.html").write_text("a last site to keep if generating fails", encoding="utf-8")
    log = build(over)  # not dirty, over a site folder: generates first, then MkDocs cleans the folder
    assert ALONGSIDE not in log and "briefings: generated in" in log, log
    for folder in ("site", "build/docs"):
        ours, theirs = files_of(first / folder), files_of(over / folder)
        assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
        assert [path for path in ours if ours[path] != theirs[path]] == []
    assert (first / "build" / "site-state.json").read_bytes() == (over / "build" / "site-state.json").read_bytes()


@pytest.mark.build
def test_a_template_error_found_once_mkdocs_has_started_stops_the_build_and_writes_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    build(root)
    docs = files_of(root / "build" / "docs")
    shutil.rmtree(root / "site")  # nothing to lose: the next build generates alongside
    template = root / "site_config" / "templates" / "person.md.j2"  # rendered after the first pages MkDocs reads
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{{ person.name | md }}", "{{ person.nom | md }}", 1), encoding="utf-8")
    log = build(root, ok=False)
    assert ALONGSIDE in log, log
    assert "site_config/templates/person.md.j2:" in log and "has no attribute 'nom'" in log, log
    assert "Traceback" not in log, log
    assert files_of(root / "build" / "docs") == docs  # the last generation's pages stay
    assert not (root / "build" / "site-state.json").exists()
    assert not (root / "build" / "generator-session.pickle").exists()
