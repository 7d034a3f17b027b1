"""The build's generation in a child process: the same pages and session as in the build's own, and its
failures reported in the build's process as if it had run there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.mkdocs import generation
from generator.mkdocs.generation import generate, generate_apart
from generator.output.site_settings import SiteSettings
from generator.output.write import UnsafeOutputError
from generator.pipeline import Inputs
from generator.preview.kept_session import keep_saved_session, load_session, session_path
from generator.preview.session import Session
from tests.conftest import GOOD_CONTENT, ROOT, content_with_a_bad_role

TEMPLATES = ROOT / "site_config" / "templates"


def inputs(content: Path, docs: Path) -> Inputs:
    return Inputs(content, TEMPLATES, docs, SiteSettings(url="https://exemple.github.io/briefings/"))


def pages(folder: Path) -> dict[str, bytes]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_the_child_writes_what_the_build_would_and_keeps_its_session(tmp_path: Path) -> None:
    apart, here = tmp_path / "apart" / "docs", tmp_path / "here" / "docs"
    outcome = generate_apart(inputs(GOOD_CONTENT, apart), Session)
    expected = generate(inputs(GOOD_CONTENT, here), Session())
    assert outcome.problems is None and pages(apart) == pages(here)
    assert sorted(outcome.report.written) == sorted(expected.report.written)
    assert outcome.page_sources == expected.page_sources and outcome.page_sources
    assert outcome.rendered == expected.rendered and outcome.saving is not None
    assert outcome.saving.wait() is not None  # the child keeps the session once it has answered
    keep_saved_session(apart)  # as the plugin does once the build has succeeded
    kept = load_session(apart)
    assert kept is not None and set(kept.pages) >= set(outcome.page_sources)


def test_a_session_the_child_cannot_keep_leaves_the_pages_and_no_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(docs: Path, session: Session) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generation, "save_session", full_disk)  # the forked child inherits it
    docs, here = tmp_path / "apart" / "docs", tmp_path / "here" / "docs"
    outcome = generate_apart(inputs(GOOD_CONTENT, docs), Session)
    generate(inputs(GOOD_CONTENT, here), Session())
    assert outcome.problems is None and pages(docs) == pages(here)
    assert outcome.saving is not None and outcome.saving.wait() is None
    assert outcome.saving.problem == "OSError: [Errno 28] No space left on device"
    assert outcome.saving.wait() is None  # asked again, once the child is gone
    keep_saved_session(docs)
    assert load_session(docs) is None


def test_content_problems_come_back_listed_and_nothing_is_written(tmp_path: Path) -> None:
    content, article = content_with_a_bad_role(tmp_path)
    docs = tmp_path / "docs"
    outcome = generate_apart(inputs(content, docs), Session)
    assert outcome.problems is not None and article.name in outcome.problems and "role" in outcome.problems
    assert not docs.exists() or pages(docs) == {}
    assert not session_path(docs).exists()


def test_an_error_in_the_child_is_raised_in_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("an editor's file", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match="did not make"):
        generate_apart(inputs(GOOD_CONTENT, docs), Session)
    assert (docs / "notes.txt").read_text(encoding="utf-8") == "an editor's file"


def test_a_child_that_dies_is_a_plugin_error_naming_its_exit_status(tmp_path: Path) -> None:
    def dying() -> Session:
        os._exit(3)

    with pytest.raises(PluginError, match="exit status 3"):
        generate_apart(inputs(GOOD_CONTENT, tmp_path / "docs"), dying)
