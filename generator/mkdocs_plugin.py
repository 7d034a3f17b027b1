"""MkDocs plugin: regenerate the briefing pages before every build and every live reload.

`on_config` runs before MkDocs lists the docs folder and before it empties the site
folder, so a content problem aborts `mkdocs build` with the last good site still in
place; under `mkdocs serve` the problems are printed and the last good pages stay served.
Add `content/` and `site_config/templates/` to `watch:` in mkdocs.yml for live reload.
Each page goes to Pagefind's indexer as soon as it is rendered (`on_post_page`); the search
index is written after the build (`on_post_build`). List pages (front matter `search:
exclude`, see the templates' list_page macro) are not sent: Pagefind would parse them only to
find no `data-pagefind-body` (main.html leaves it out of them).

"Edit this page" links open the record a page is made from, not the generated Markdown:
the plugin takes `repo_url` and `edit_uri` (the folder of mkdocs.yml in the repository,
e.g. `edit/main/`), sets each page's `edit_url` to that plus the record's path, and leaves
pages made from many records (indexes, home, chronology, matrix) without one.

Under `mkdocs serve`, which rebuilds in the same process after every edit, generation is
incremental (see `incremental.py`) and only the first build is indexed for search, so an
edit shows in the preview within seconds even at 10,000 articles. `make serve` adds
`--dirty`, so MkDocs too rebuilds only the pages whose Markdown changed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.errors import ContentError
from generator.incremental import Session
from generator.pipeline import load_site, write_site
from generator.search_index import SearchIndexer, SearchIndexError
from generator.site_settings import SiteSettings

log = logging.getLogger("mkdocs.plugins.briefings")

_PREVIEW_SESSIONS: dict[tuple[Path, Path, Path], Session] = {}
"""Incremental generation sessions of `mkdocs serve`, which rebuilds in the same process."""
_PREVIEW_INDEXED: set[Path] = set()
"""Site folders of `mkdocs serve` that Pagefind has indexed once."""


class BriefingsConfig(Config):
    content_dir = config_options.Dir(exists=True)
    """Folder of the records, relative to mkdocs.yml."""
    templates_dir = config_options.Dir(exists=True)
    """Folder of the page templates, relative to mkdocs.yml."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generate the docs folder from the records."""

    command = "build"
    """The mkdocs command running: "build", "serve" or "gh-deploy"."""

    edit_urls: dict[str, str]
    """The edit link of each generated page made from one record, by its path in the docs folder."""
    indexer: SearchIndexer | None = None
    """Pagefind, taking each page as MkDocs renders it (see search_index.py)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content, templates = Path(self.config.content_dir), Path(self.config.templates_dir)
        edit_base = _edit_base(config)
        # MkDocs would link every page to its generated file under docs_dir; the links are ours.
        config.edit_uri = config.edit_uri_template = None
        self.edit_urls = {}
        settings = SiteSettings.from_mkdocs(config)
        folders = (content, templates, Path(config.docs_dir))
        try:
            if self.command == "serve":  # MkDocs makes a new plugin per rebuild; the session outlives it
                session = _PREVIEW_SESSIONS.setdefault(folders, Session())
                report = session.generate(*folders, settings)
                assert session.site is not None  # set by a generation that succeeded
                site = session.site
            else:
                site = load_site(content)
                report = write_site(site, *folders, settings)
        except ContentError as error:
            for line in error.report().splitlines():
                log.error(line)
            if self.command == "serve":
                # MkDocs' server stops answering after a failed rebuild; building the last
                # good pages instead keeps the preview up while the editor fixes the record.
                log.error("The preview keeps showing the last good pages until these problems are fixed.")
                return config
            raise Abort("The content has problems (listed above); the last good pages are unchanged.") from None
        log.info(f"briefings: {report.summary()}")
        if not config.site_url:
            log.info("briefings: no site_url in mkdocs.yml, so no Atom feeds (they need absolute addresses)")
        if edit_base:
            project = Path(config.config_file_path).parent
            prefix = os.path.relpath(content.parent, project)
            self.edit_urls = {
                page: edit_base + Path(prefix, source).as_posix() for page, source in site.page_sources.items()
            }
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.edit_url = self.edit_urls.get(page.file.src_uri)
        return markdown

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.indexer = None
        if self.command == "serve" and Path(config.site_dir) in _PREVIEW_INDEXED:
            return  # indexing 10,000 pages takes a minute: the preview searches the first build's index
        try:
            self.indexer = SearchIndexer()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.indexer is not None and not excluded_from_search(page):
            self.indexer.add_page(output, "/" + page.url)  # the URL Pagefind gives the page's file
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.indexer is None:
            return
        try:
            with self.indexer:
                self.indexer.write(Path(config.site_dir) / "pagefind")
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        finally:
            self.indexer = None
        _PREVIEW_INDEXED.add(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None


def _edit_base(config: MkDocsConfig) -> str | None:
    """Return the URL that record paths are appended to, or None when there is no repository."""
    if not config.repo_url or not config.edit_uri:
        return None
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)


def excluded_from_search(page: Page) -> bool:
    """Whether the page's front matter says `search: exclude: true` (Material's key, set on list pages)."""
    search = page.meta.get("search")
    return isinstance(search, dict) and search.get("exclude") is True
