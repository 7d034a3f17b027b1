"""The generation session a build keeps on disk: the next process starts from it, and only when it can.

A synthetic corpus is generated through a Session, which is saved; a new Session is loaded
from the file, as the next `mkdocs build --dirty` does in its own process, and regenerates
after an edit. Its docs folder must be a fresh generation's, byte for byte, having rendered
only the pages the edit touched. The file is refused when anything it relies on changed.
(tests/test_incremental_build.py runs the same through MkDocs, to the built site.)
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus
from generator.output.site_settings import SiteSettings
from generator.pipeline import generate
from generator.preview.kept_session import keep_saved_session, load_session, save_session, session_path
from generator.preview.session import Session
from tests.conftest import ROOT

TEMPLATES = ROOT / "site_config" / "templates"
PUBLISHED = SiteSettings(url="https://exemple.github.io/briefings/")
ARTICLES = 60


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture
def kept(tmp_path: Path) -> tuple[Path, Path, Session]:
    """A project generated once through a session, and that session kept on disk."""
    write_corpus(tmp_path, ARTICLES)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    docs = tmp_path / "build" / "docs"
    docs.mkdir(parents=True)
    session = Session()
    session.generate(tmp_path / "content", templates, docs, PUBLISHED)
    save_session(docs, session)
    assert load_session(docs) is None  # saved beside the kept one, until the build has succeeded
    keep_saved_session(docs)
    return tmp_path, docs, session


def retitle(content: Path) -> None:
    article = sorted((content / "articles").rglob("*.md"))[10]
    text = article.read_text(encoding="utf-8")
    edited = re.sub(r"^title: '(.*)'$", r"title: '\1 (corrigé)'", text, count=1, flags=re.MULTILINE)
    assert edited != text
    article.write_text(edited, encoding="utf-8")


def test_a_kept_session_regenerates_an_edit_as_a_fresh_generation_does(
    kept: tuple[Path, Path, Session], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root, docs, first = kept
    loaded = load_session(docs)
    assert loaded is not None
    retitle(root / "content")
    loaded.generate(root / "content", root / "templates", docs, PUBLISHED)
    assert 0 < loaded.rendered < len(first.pages) / 4, (loaded.rendered, len(first.pages))
    fresh = tmp_path_factory.mktemp("fresh")
    generate(root / "content", root / "templates", fresh, PUBLISHED)
    assert files_of(docs) == files_of(fresh)


def test_a_checkout_that_only_touches_the_files_renders_nothing(kept: tuple[Path, Path, Session]) -> None:
    """A fresh checkout (or a restored cache) gives every record a new time: unchanged bytes are not read again."""
    root, docs, first = kept
    for path in (root / "content").rglob("*.md"):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    for path in (root / "templates").rglob("*"):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    before = files_of(docs)
    loaded = load_session(docs)
    assert loaded is not None
    loaded.generate(root / "content", root / "templates", docs, PUBLISHED)
    assert loaded.rendered == 0
    assert files_of(docs) == before


def test_a_template_edit_renders_every_page(kept: tuple[Path, Path, Session]) -> None:
    root, docs, first = kept
    template = root / "templates" / "country.md.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "# {{ country.name | md }}\n", "# Pays : {{ country.name | md }}\n", 1
        ),
        encoding="utf-8",
    )
    loaded = load_session(docs)
    assert loaded is not None
    loaded.generate(root / "content", root / "templates", docs, PUBLISHED)
    assert loaded.rendered == len(first.pages)


def test_a_docs_folder_changed_by_something_else_is_not_trusted(kept: tuple[Path, Path, Session]) -> None:
    """`briefings generate`, a preview or `make clean` changed the pages the session thinks are there."""
    _, docs, _ = kept
    page = next(docs.rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_session(docs) is None
    page.unlink()
    assert load_session(docs) is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."], ids=["empty", "garbage", "foreign"])
def test_a_damaged_or_foreign_file_means_generating_from_scratch(
    kept: tuple[Path, Path, Session], content: bytes
) -> None:
    _, docs, _ = kept
    session_path(docs).write_bytes(content)
    assert load_session(docs) is None


def test_no_file_no_session(tmp_path: Path) -> None:
    assert load_session(tmp_path / "build" / "docs") is None
