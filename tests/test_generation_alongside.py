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
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from generator.mkdocs import generation, generation_alongside
from generator.mkdocs.generation import generate
from generator.mkdocs.generation_alongside import docs_order, generate_alongside
from generator.output.site_settings import SiteSettings
from generator.pipeline import Inputs, PageStream, Steps
from generator.preview.kept_session import session_path
from generator.preview.session import Session
from tests.conftest import (
    GOOD_CONTENT,
    MKDOCS,
    PUBLISHED_EPOCH,
    ROOT,
    content_with_a_bad_role,
    copy_project,
    files_of,
    publish_at,
)
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


def inputs(content: Path, docs: Path) -> Inputs:
    return Inputs(content, ROOT / "site_config" / "templates", docs, SiteSettings(url="https://exemple.github.io/b/"))


def test_the_child_lists_then_sends_every_page_in_order_then_writes_what_a_generation_writes(tmp_path: Path) -> None:
    alongside = generate_alongside(inputs(GOOD_CONTENT, tmp_path / "alongside"))
    assert alongside.listed().problems is None
    pages = [path for path in alongside.paths if path.endswith(".md")]
    assert pages == sorted(pages, key=docs_order) and "index.md" in pages
    texts = {path: alongside.page(path) for path in pages}
    outcome = alongside.finish()
    expected = generate(inputs(GOOD_CONTENT, tmp_path / "here"), Session())
    assert outcome.problems is None and files_of(tmp_path / "alongside") == files_of(tmp_path / "here")
    assert sorted(alongside.paths) == sorted(path for path in files_of(tmp_path / "here") if path[0] != ".")
    assert all(text is not None for text in texts.values())
    assert {path: (text or "").encode("utf-8") for path, text in texts.items()} == {
        path: data for path, data in files_of(tmp_path / "here").items() if path in texts
    }
    assert outcome.page_sources == expected.page_sources and outcome.seconds is not None
    assert outcome.saving is not None and outcome.saving.wait() is not None  # the session, kept once it has answered


def test_content_problems_stop_the_child_before_it_lists_anything(tmp_path: Path) -> None:
    content, article = content_with_a_bad_role(tmp_path)
    docs = tmp_path / "docs"
    alongside = generate_alongside(inputs(content, docs))
    outcome = alongside.listed()
    assert outcome.problems is not None and article.name in outcome.problems and "role" in outcome.problems
    assert alongside.paths == [] and not docs.exists() and not session_path(docs).exists()


def test_a_child_that_dies_mid_stream_is_a_plugin_error_naming_its_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies_once_listed(inputs: Inputs, steps: Steps, stream: PageStream) -> None:
        stream.listed(["index.md", "pays/kz.md"], {})
        os._exit(3)

    monkeypatch.setattr(generation, "run", dies_once_listed)  # the forked child runs this copy
    alongside = generate_alongside(inputs(GOOD_CONTENT, tmp_path / "docs"))
    assert alongside.listed().problems is None and alongside.paths == ["index.md", "pays/kz.md"]
    assert alongside.page("index.md") is None  # never rendered: the build is told, not left waiting
    with pytest.raises(PluginError, match="exit status 3"):
        alongside.finish()


def test_a_page_reaches_mkdocs_as_mkdocs_reads_its_file() -> None:
    assert generation_alongside.as_read_from_disk("\ufeff# a\r\nb\rc\n") == "# a\nb\nc\n"


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
