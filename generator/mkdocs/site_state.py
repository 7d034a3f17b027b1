"""What the last successful build left in the site folder, so the next build redoes only what changed.

`make site` and the preview's start-up (`briefings serve`) run MkDocs' dirty build over the
previous site folder. MkDocs would decide what to rebuild by modification times, and keep
every file a clean build would no longer make; the plugin decides instead from this state,
kept beside the docs folder (`build/site-state.json`, never published):

- a fingerprint of everything that shapes every page: the versions of MkDocs, Material,
  Python-Markdown, pymdown-extensions, Jinja and Pagefind, mkdocs.yml as written and as
  resolved (site_url, repo_url, edit_uri come from the environment), the theme overrides and
  the plugin's own code. A different fingerprint means a clean build;
- for each page, a hash of what its HTML is made from (its generated Markdown and its edit
  link) and whether Pagefind indexes it: a page whose hash is unchanged keeps its HTML.

A page's HTML depends on nothing else: the nav is the fixed one of mkdocs.yml, pages outside
it have no previous/next links, and a link to another page depends only on that page
existing, which an added or removed page changes only for pages that list it, whose
Markdown the generator rewrites anyway. So a page added or removed is built or deleted
alone, and the other pages keep their HTML.

The state is removed when a build starts and written when it has succeeded (a strict
build's warnings abort it after the pages are written): a failed or interrupted build
leaves no state, and the next build is a clean one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

FORMAT = 1
"""Bumped when the state's layout or meaning changes: an older state is then ignored."""
STATE_FILE = "site-state.json"
"""In the docs folder's parent (build/), so neither MkDocs nor the generator's sweep of the docs folder sees it."""
SHAPING_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
PLUGIN_CODE = Path(__file__).parent
PAGEFIND_PACKAGE = Path(__file__).resolve().parents[2] / "node_modules" / "pagefind" / "package.json"


@dataclass(frozen=True)
class PageState:
    """One page as the last build made it."""

    source: str
    """Hash of what its HTML is made from (page_source_hash)."""
    searchable: bool
    """Whether Pagefind indexes it (list pages are left out: plugin.excluded_from_search)."""


@dataclass
class SiteState:
    """The site folder's pages as the last successful build left them."""

    fingerprint: str
    pages: dict[str, PageState] = field(default_factory=dict)
    """By the page's path in the docs folder (pays/kz.md)."""
    search_current: bool = True
    """Whether the search index covers the pages as they are (the preview's rebuilds do not index)."""

    def to_json(self) -> str:
        pages = {path: [page.source, page.searchable] for path, page in sorted(self.pages.items())}
        body = {"format": FORMAT, "fingerprint": self.fingerprint, "search_current": self.search_current}
        return json.dumps({**body, "pages": pages}, indent=0, ensure_ascii=False) + "\n"


def state_path(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir).parent / STATE_FILE


def load_state(path: Path, fingerprint: str, site_dir: Path) -> SiteState | None:
    """The last build's state if it built `site_dir` with the same fingerprint, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["fingerprint"] != fingerprint or not site_dir.is_dir():
            return None
        pages = {path: PageState(str(source), bool(searchable)) for path, (source, searchable) in data["pages"].items()}
        return SiteState(fingerprint, pages, bool(data["search_current"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no state, or one this code did not write: a clean build


def save_state(path: Path, state: SiteState) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(state.to_json(), encoding="utf-8")
    os.replace(temporary, path)


def forget_state(path: Path) -> None:
    """Remove the state: the site folder is being changed, and is known again only once the build succeeds."""
    path.unlink(missing_ok=True)


def page_source_hash(markdown: bytes, edit_url: str | None) -> str:
    return hashlib.blake2b(markdown + b"\0" + (edit_url or "").encode("utf-8"), digest_size=16).hexdigest()


def fingerprint(config: MkDocsConfig, edit_base: str | None) -> str:
    """A hash of everything that shapes every page of the site (see the module's docstring)."""
    digest = hashlib.blake2b(digest_size=16)

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little") + data)

    for package in SHAPING_PACKAGES:
        add(package, metadata.version(package))
    add(_read(PAGEFIND_PACKAGE))
    add(_read(Path(config.config_file_path)) if config.config_file_path else b"")
    project = Path(config.config_file_path or ".").parent
    add(str(config.site_url), str(config.repo_url), str(edit_base), os.path.relpath(config.site_dir, project))
    add(str(config.theme.name), str(config.theme.get("language")))
    folders = [Path(folder) for folder in (config.theme.custom_dir,) if folder] + [PLUGIN_CODE]
    for folder in folders:
        for path in sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts):
            add(path.relative_to(folder).as_posix(), _read(path))
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
