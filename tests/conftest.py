"""Shared fixtures: a copy of the real project, built once per test session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from tests.chromium import CHROMIUM, FLAGS
from tests.markers import note_running, require_marker
from tests.measurements import MEASURED, summary_lines
from tests.serve_site import serve

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile("full", max_examples=60)
settings.register_profile("fast", max_examples=15)
settings.load_profile("full")  # `make test-fast` passes --hypothesis-profile=fast, which hypothesis loads after this
"""Examples the property tests generate: 60 in `make test`, 15 in `make test-fast`."""
MKDOCS = Path(sys.executable).parent / "mkdocs"


@dataclass(frozen=True)
class BuiltSite:
    """A project copied to a temporary folder and built with `mkdocs build --strict`."""

    root: Path
    log: str

    @property
    def docs(self) -> Path:
        return self.root / "build" / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


SITE_PROJECT = Path(__file__).parent / "fixtures" / "site"
"""The content the site's tests are written against: the five seed articles and their registries,
frozen (as they stood when the desk started adding articles) so that a new article in content/
does not change what these tests expect. tests/test_real_content.py builds the real content/."""
SITE_CONTENT = SITE_PROJECT / "content"


def copy_project(target: Path) -> Path:
    """Copy what a build needs (the seed content, templates, theme overrides, config) to `target`."""
    shutil.copytree(SITE_CONTENT, target / "content")
    shutil.copytree(ROOT / "site_config", target / "site_config")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "build" / "docs").mkdir(parents=True)
    return target


SITE_FIXTURES = {"built_site", "published_site", "site_with_repository", "site_under_subpath"}
"""The fixtures below that build a site: a test that uses one is a `build` test."""


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    note_running(item)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test that uses a site-building fixture or the browser without the marker saying so."""
    unmarked = [
        f"{item.nodeid}: uses {fixture}, mark it @pytest.mark.{marker}"
        for item in items
        for fixtures, marker in ((SITE_FIXTURES, "build"), ({"browser"}, "browser"))
        for fixture in sorted(fixtures & set(getattr(item, "fixturenames", ())))
        if item.get_closest_marker(marker) is None
    ]
    if unmarked:
        raise pytest.UsageError("tests without the marker their fixtures call for:\n  " + "\n  ".join(unmarked))


def mkdocs_build(root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` in `root`, with `env` added to the environment."""
    require_marker("build", "runs `mkdocs build`")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real content, generated and built once for the whole session."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, result.stderr)


FIXTURES = Path(__file__).parent / "fixtures"
GOOD_CONTENT = FIXTURES / "good" / "content"


@pytest.fixture
def good_content(tmp_path: Path) -> Path:
    """A copy of the small valid content tree (2 countries, 1 organisation, 1 initiative, 2 people, 2 articles)."""
    content = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, content)
    return content


PUBLISHED_URL = "https://exemple.github.io/briefings/"
"""A GitHub Pages project address: the site lives under a sub-path."""
REPO_URL = "https://github.com/exemple/briefings"


def publish_at(root: Path, site_url: str = PUBLISHED_URL, repo_url: str = REPO_URL) -> None:
    """Set `site_url` and `repo_url` in a copied project's mkdocs.yml, replacing any value it has."""
    config = root / "mkdocs.yml"
    lines = [line for line in config.read_text("utf-8").splitlines() if not line.startswith(("site_url:", "repo_url:"))]
    config.write_text("\n".join([f"site_url: {site_url}", f"repo_url: {repo_url}", *lines]) + "\n", "utf-8")


PUBLISHED_EPOCH = 1763856000
"""The SOURCE_DATE_EPOCH of `published_site` (2025-11-23), whatever the environment's is."""


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real content built for publication under a sub-path, with feeds and a repository link,
    at a fixed SOURCE_DATE_EPOCH so that another build can be compared with it byte for byte."""
    root = copy_project(tmp_path_factory.mktemp("published"))
    publish_at(root)
    result = mkdocs_build(root, env={"SOURCE_DATE_EPOCH": str(PUBLISHED_EPOCH)})
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, result.stderr)


@pytest.fixture(scope="session")
def site_with_repository(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real content built with REPO_URL set, as a deployment sets it, and no SITE_URL."""
    root = copy_project(tmp_path_factory.mktemp("repository"))
    result = mkdocs_build(root, env={"REPO_URL": REPO_URL})
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, result.stderr)


SUBPATH = "/REPO/"
"""Where GitHub Pages serves a project site: https://OWNER.github.io/REPO/."""


@dataclass(frozen=True)
class ServedSite:
    """A built site served over HTTP on loopback at `url`."""

    built: BuiltSite
    url: str


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """The seed site built once, served on loopback for the browser tests; its address without a final slash."""
    with serve(built_site.site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def site_under_subpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The real content built for, and served under, a project sub-path, as on GitHub Pages."""
    root = copy_project(tmp_path_factory.mktemp("subpath"))
    with serve(root / "site", SUBPATH) as url:  # the port is known only once the server listens
        result = mkdocs_build(root, env={"SITE_URL": url})
        assert result.returncode == 0, result.stderr
        yield ServedSite(BuiltSite(root, result.stderr), url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the browser, crawl and validator tests measured (tests/measurements.py)."""
    if MEASURED:
        terminalreporter.section("measured by the tests")
        for line in summary_lines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test; each test opens its own context."""
    require_marker("browser", "drives Chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path there, with its bytes: two folders compare equal file for file."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def content_with_a_bad_role(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the good content whose first article gives a position the role "maybe";
    return the content folder and that article."""
    content = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, content)
    article = next((content / "articles").rglob("*.md"))
    article.write_text(re.sub(r"(?m)^(\s+)role: .*$", r"\1role: maybe", article.read_text("utf-8"), count=1), "utf-8")
    return content, article
