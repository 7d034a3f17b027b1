"""MkDocs plugin: regenerate the briefing pages before every build and every live reload.

`on_config` runs before MkDocs lists the docs folder and before it empties the site
folder, so a content problem aborts `mkdocs build` with the last good site still in
place; under `mkdocs serve` the problems are printed and the last good pages stay served.
Add `content/` and `site_config/templates/` to `watch:` in mkdocs.yml for live reload.
Each page's content is marked for search and goes to Pagefind's indexer as soon as MkDocs has
converted it (`on_page_content`, search_index.py); Pagefind writes the search index while
MkDocs renders the pages (`on_env`), and the build waits for it at its end (`on_post_build`).
List pages (front matter `search: exclude`, see the templates' list_page macro) are neither
marked nor sent.

A dirty build (`make site` passes `--dirty`; `briefings serve` builds dirty into `site/`)
starts from the last build's site folder: the state that build left beside the docs folder
says which pages' sources are unchanged, and only the others are rebuilt; Pagefind is fed
every page, the kept ones read back from the site folder (last_build.py, site_state.py).
The generator, too, starts from the last build: `mkdocs build` runs it with the session that
build kept (generator/preview/kept_session.py), which renders only the pages the edits touch,
in a child process whose memory leaves with it (generation.py). A build with no site folder
to lose (the first one) does not wait for the generation: MkDocs converts each page while
the child renders the next (generation_alongside.py).

"Edit this page" links open the record a page is made from, not the generated Markdown:
the plugin takes `repo_url` and `edit_uri` (the folder of mkdocs.yml in the repository,
e.g. `edit/main/`), sets each page's `edit_url` to that plus the record's path, and leaves
pages made from many records (indexes, home, chronology, matrix) without one.

Under `mkdocs serve`, which rebuilds in the same process after every edit, generation is
incremental (see `generator/preview/`) and only the first build is indexed for search. `make
serve` adds `--dirty`, so MkDocs too rebuilds only the pages whose Markdown changed. At
15,000 pages MkDocs' own bookkeeping would still take seconds per edit, so the preview
also (see `_PreviewBuilds`):

- stops MkDocs from watching the docs folder: only the plugin writes there, from content/
  and the templates, which are watched; watching it made every edit build twice and
  polled 15,000 files twice a second;
- has the system tell of edits (inotify, FSEvents…) instead of MkDocs' polling of the
  12,500 record files (`_watch_with_system_events`);
- lets MkDocs process only the pages the generator rewrote since the last build, plus the
  nav's pages: the others are marked excluded for that build, which keeps every link to
  them resolving to their address, and the sitemap (the same list of pages) is kept; the
  feeds and data files the generator did not rewrite are excluded too, so MkDocs does not
  compare the dates of 5,000 of them with their copies in the site folder;
- keeps the theme's compiled templates from one rebuild to the next, and MkDocs' list of
  the docs folder while the generator only rewrites files it had (docs_listing.py); the
  first build compiles every template, the generator's and the theme's, before the first edit;
- after the first build, keeps the garbage collector off the session's millions of
  long-lived objects (`_set_first_build_aside`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from urllib.parse import urljoin

from jinja2 import Environment, TemplateError
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.mkdocs import generation_alongside
from generator.mkdocs.docs_listing import DocsListing
from generator.mkdocs.generation import Outcome, SessionSaving, generate, generate_apart
from generator.mkdocs.generation_alongside import GenerationAlongside, docs_files, generate_alongside
from generator.mkdocs.last_build import SEARCH_FOLDER, LastBuild
from generator.mkdocs.search_index import (
    SearchIndexer,
    SearchIndexError,
    indexed_document,
    searchable_content,
    what_pagefind_reads,
)
from generator.mkdocs.serve_watch import watch_with_system_events
from generator.output.site_settings import SiteSettings
from generator.pipeline import Inputs
from generator.preview.kept_session import forget_session, keep_saved_session, load_session, save_session
from generator.preview.session import Session

log = logging.getLogger("mkdocs.plugins.briefings")

_PREVIEW_SESSIONS: dict[tuple[Path, Path, Path], Session] = {}
"""Incremental generation sessions of `mkdocs serve`, which rebuilds in the same process."""


@dataclass
class _PreviewBuilds:
    """What `mkdocs serve` built into one site folder, so that a rebuild processes only what changed."""

    pages: frozenset[str] | None = None
    """The documentation pages of the last build that succeeded; None before the first."""
    pending: set[str] = field(default_factory=set)
    """Generated files written since the last build that succeeded: MkDocs has yet to build them."""
    indexed: bool = False
    """Whether Pagefind has indexed the site folder (once: indexing 15,000 pages takes minutes)."""
    listing: DocsListing = field(default_factory=DocsListing)
    """The docs folder's files, kept while the generator only rewrites them (`briefings serve`: docs_listing.py)."""


_PREVIEWS: dict[Path, _PreviewBuilds] = {}
"""The preview's builds, by site folder."""


def preview_builds(site_dir: Path) -> _PreviewBuilds:
    """What the preview built into `site_dir` (briefings serve takes its `listing`)."""
    return _PREVIEWS.setdefault(site_dir, _PreviewBuilds())


class _LinksToKeptPages(logging.Filter):
    """Silence MkDocs' note on each link to a page left out of a partial rebuild.

    The page is still in the site, from an earlier build, and the link resolves to it;
    a listing page links to 50 of them, and the notes would bury the preview's log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().endswith("which is excluded from the built site.")


class _CompiledTemplates(BytecodeCache):
    """The theme's templates as compiled by the last preview build.

    MkDocs makes a new theme environment for each rebuild, and compiling Material's
    templates again took a few tenths of a second per edit. Jinja checks each entry
    against its template's source, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_THEME_TEMPLATES = _CompiledTemplates()

_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
_LINKS_TO_KEPT_PAGES = _LinksToKeptPages()


class BriefingsConfig(Config):
    content_dir = config_options.Dir(exists=True)
    """Folder of the records, relative to mkdocs.yml."""
    templates_dir = config_options.Dir(exists=True)
    """Folder of the page templates, relative to mkdocs.yml."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generate the docs folder from the records."""

    command = "build"
    """The mkdocs command running: "build", "serve" or "gh-deploy"."""
    dirty = False
    """Whether MkDocs builds only the pages whose Markdown is newer than their HTML (`--dirty`)."""

    edit_urls: dict[str, str]
    """The edit link of each generated page made from one record, by its path in the docs folder."""
    built_pages: frozenset[str] = frozenset()
    """The documentation pages of the build running."""
    indexer: SearchIndexer | None = None
    """Pagefind, taking each page as MkDocs converts it (see search_index.py)."""
    sent: dict[str, int]
    """The digest of what Pagefind was sent of each page converted and not yet rendered, by its path in the docs
    folder (the documents themselves would be 100 MB at 10,000 articles)."""
    keeps_site = False
    """Set by `briefings serve`, which previews in the site folder itself, to keep its state for the next
    build; plain `mkdocs serve` builds into a temporary folder, whose state would be of no use."""
    saving: SessionSaving | None = None
    """The generation's child keeping its session on disk while MkDocs builds (generation.py)."""
    last_build: LastBuild | None = None
    """The pages kept from the last build and those rebuilt (last_build.py); None when nothing is kept."""
    files: Files | None = None
    partial = False
    """Whether this build of the preview leaves out the pages it knows unchanged (`on_files`)."""
    site_touched = False
    """Whether this build has started changing the site folder."""
    index_kept = False
    """Whether this build keeps the last build's search index, the one it would write (`_start_indexing`)."""
    search_current = True
    """Whether the search index covers the pages as the last build left them (the preview tells the reader)."""
    address_known = True
    """Whether mkdocs.yml gives the site's published address (SITE_URL), not the local copy's."""
    folders: tuple[Path, Path, Path] | None = None
    """The content, templates and docs folders."""
    alongside: GenerationAlongside | None = None
    """The generation rendering pages while MkDocs converts them, until it has written the docs folder."""
    generation_started = 0.0
    alongside_waits = 0.0
    """Seconds MkDocs waited for the generation alongside: for pages, and at the end for the docs folder."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.unwatch(config.docs_dir)  # generated from content/ and the templates, which are watched
        watch_with_system_events(server, config, Path(self.config.content_dir))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content, templates = Path(self.config.content_dir), Path(self.config.templates_dir)
        edit_base = edit_url_base(config)
        keeps_state = self.command != "serve" or self.keeps_site
        self.last_build = LastBuild(config, edit_base, dirty=self.dirty) if keeps_state else None
        self.site_touched = self.partial = False
        self.sent = {}
        # MkDocs would link every page to its generated file under docs_dir; the links are ours.
        config.edit_uri = config.edit_uri_template = None
        self.edit_urls = {}
        settings = SiteSettings.from_mkdocs(config)
        self.address_known = bool(settings.url)
        folders = self.folders = (content, templates, Path(config.docs_dir))
        started = self.generation_started = time.perf_counter()
        inputs = Inputs(*folders, settings)
        preview = self._preview(config)
        self.alongside, self.alongside_waits = None, 0.0
        if preview is not None:
            preview.listing.generation_starts()
            outcome = generate(inputs, self._preview_session(folders))
        elif self._nothing_to_lose(config):
            self.alongside = generate_alongside(inputs)
            outcome = self.alongside.listed()
        else:
            outcome = generate_apart(inputs, functools.partial(self._kept_session, folders[2]))
        if outcome.problems is not None:
            self.alongside = None
            _log_problems(outcome.problems)
            if self.command == "serve":
                # MkDocs' server stops answering after a failed rebuild; building the last
                # good pages instead keeps the preview up while the editor fixes the record.
                log.error("The preview keeps showing the last good pages until these problems are fixed.")
                return config
            raise Abort("The content has problems (listed above); the last good pages are unchanged.")
        if self.alongside is not None:
            seconds = time.perf_counter() - started
            log.info(f"briefings: {len(self.alongside.paths)} files listed in {seconds:.1f} s, rendered beside MkDocs")
        else:
            self._generated(outcome)
            if preview is not None:
                preview.pending.update(outcome.report.written)
                preview.listing.generation_done(outcome.report)
        if not config.site_url:
            log.info("briefings: no site_url in mkdocs.yml, so no Atom feeds (they need absolute addresses)")
        if edit_base:
            project = Path(config.config_file_path).parent
            prefix = os.path.relpath(content.parent, project)
            base = edit_base + ("" if prefix == "." else Path(prefix).as_posix() + "/")
            self.edit_urls = {page: base + source for page, source in outcome.page_sources.items()}
        return config

    def _generated(self, outcome: Outcome) -> None:
        self.saving = outcome.saving
        rendered = f", {outcome.rendered[0]} of {outcome.rendered[1]} pages rendered" if outcome.rendered else ""
        if outcome.seconds is None:
            log.info(
                f"briefings: generated in {time.perf_counter() - self.generation_started:.1f} s; "
                f"{outcome.report.summary()}{rendered}"
            )
        else:
            log.info(
                f"briefings: generated in {outcome.seconds:.1f} s beside MkDocs, which waited "
                f"{self.alongside_waits:.1f} s for it; {outcome.report.summary()}{rendered}"
            )

    def _nothing_to_lose(self, config: MkDocsConfig) -> bool:
        """Whether this build may generate alongside MkDocs: a build with no site folder that an error
        showing once MkDocs has started would leave emptied (generation_alongside.py)."""
        site = Path(config.site_dir)
        return (
            self.command != "serve"
            and generation_alongside.available()
            and (not site.is_dir() or not any(site.iterdir()))
            and (self.last_build is None or not self.last_build.reused)
        )

    def _preview(self, config: MkDocsConfig) -> _PreviewBuilds | None:
        """What `mkdocs serve` built into this site folder so far; None outside the preview."""
        return preview_builds(Path(config.site_dir)) if self.command == "serve" else None

    def _preview_session(self, folders: tuple[Path, Path, Path]) -> Session:
        """The session of `mkdocs serve`, which outlives the plugin (MkDocs makes a new one per rebuild):
        the first build's is the one the last build kept, when it builds over that build."""
        session = _PREVIEW_SESSIONS.get(folders)
        if session is None:
            session = self._kept_session(folders[2])
            _PREVIEW_SESSIONS[folders] = session
        return session

    def _kept_session(self, docs: Path) -> Session:
        """The session the last build kept, when building over that build, else a new one.

        `briefings serve` starts from it too; its rebuilds then change the docs folder, so
        the next build does not trust the file and generates from scratch.
        """
        kept = load_session(docs) if self.dirty and self.last_build is not None else None
        if kept is not None:
            log.info("briefings: generating from the last build's session: only what changed is rendered")
        return kept or Session()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """In a dirty rebuild of the preview, leave out the pages that neither changed nor are in the nav.

        MkDocs would read, list and check all 15,000 pages to rebuild a dozen. Only when
        the site has the same pages as at the last build: else the nav, the sitemap and
        the links may change, and MkDocs builds as usual.
        """
        if self.alongside is not None:
            files = docs_files(self.alongside.paths, files, config)  # the docs folder is written at the end
        self.files = files
        self.built_pages = frozenset(file.src_uri for file in files.documentation_pages())
        if not self.address_known:
            # A sitemap is a list of absolute addresses: a site whose address is not configured has
            # none to give, and one of http://127.0.0.1:8000/ pages would mislead crawlers. Neither
            # rendered nor copied as the theme's raw file.
            config.theme.static_templates.discard("sitemap.xml")
            if (raw := files.get_file_from_path("sitemap.xml")) is not None:
                files.remove(raw)
        preview = self._preview(config) if self.dirty else None
        if preview is None or preview.pages != self.built_pages:
            if self.last_build is not None and self.alongside is None:  # else once the pages are written: on_env
                self.last_build.sort_pages(files, self.edit_urls, carried=set())
            self._start_indexing(config)
            return files
        kept = preview.pending | _nav_pages(config.nav)
        self.partial = True
        if self.last_build is not None:
            self.last_build.sort_pages(files, self.edit_urls, carried=set(self.built_pages - kept))
        for file in files:  # pages, feeds, tables, maps; not the theme's files
            if file.src_dir == config.docs_dir and file.src_uri not in kept:
                file.inclusion = InclusionLevel.EXCLUDED
        config.theme.static_templates.discard("sitemap.xml")  # the last build's lists the same pages
        _PAGES_LOG.addFilter(_LINKS_TO_KEPT_PAGES)
        self._start_indexing(config)
        return files

    def _start_indexing(self, config: MkDocsConfig) -> None:
        """Start Pagefind for this build, unless the index there is already the one it would write.

        Known once the pages are sorted: the last build's index stays if no page changed
        (`LastBuild.index_current`), and the preview indexes only its first build.
        """
        preview = self._preview(config)
        if preview is not None and preview.indexed:
            return  # indexing 10,000 pages takes a minute: the preview searches the first build's index
        if self.last_build is not None and self.last_build.index_current:
            self.index_kept = True
            log.info("briefings: no page changed since the last build: its search index stays as it is")
            return
        try:
            self.indexer = SearchIndexer()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Over the last build, Pagefind is fed every page from now on, while MkDocs builds (last_build.py)."""
        if self.indexer is not None and self.last_build is not None and self.last_build.reused:
            self.last_build.start_feeding(files, self.indexer.add_page)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is converted, none rendered yet: Pagefind has them all, and writes the index while MkDocs
        renders them (over the last build, once the kept pages are sent too)."""
        if self.command == "serve":
            env.bytecode_cache = _THEME_TEMPLATES
        if self.alongside is not None:
            self._alongside_written(files)
        if self.indexer is not None:
            if self.last_build is not None and self.last_build.reused:
                output = self.last_build.next_index(Path(config.site_dir))
                self.indexer.start_writing(output, after=self.last_build.finish_feeding)
            else:
                self.indexer.start_writing(Path(config.site_dir) / SEARCH_FOLDER)
        return env

    def _alongside_written(self, files: Files) -> None:
        """Every page is converted: wait until the generation alongside has written the docs folder (MkDocs
        copies the feeds and data files from there next), and hash the pages for the next build."""
        assert self.alongside is not None
        waiting = time.perf_counter()
        outcome = self.alongside.finish()
        self.alongside_waits += time.perf_counter() - waiting
        if outcome.problems is not None:
            self._stop_alongside(outcome.problems)
        self._generated(outcome)
        self.alongside = None
        if self.last_build is not None:
            self.last_build.sort_pages(files, self.edit_urls, carried=set())

    def _stop_alongside(self, problems: str) -> NoReturn:
        """The generation alongside found problems once MkDocs had started: list them and stop the build."""
        self.alongside = None
        _log_problems(problems)
        raise Abort("The site has problems (listed above); the docs folder is unchanged.")

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Alongside the generation, a page's Markdown comes from it as soon as it is rendered."""
        if self.alongside is None:
            return None
        waiting = time.perf_counter()
        markdown = self.alongside.page(page.file.src_uri)
        self.alongside_waits += time.perf_counter() - waiting
        if markdown is None:  # the generation stopped before rendering it
            outcome = self.alongside.finish()
            self._stop_alongside(outcome.problems or "the generator stopped before rendering every page")
        return markdown

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.edit_url = self.edit_urls.get(page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark a searchable page's content for Pagefind and send it there; let go of the page's Markdown.

        MkDocs converts every page before it writes the first, and keeps both texts of every
        page to the end: at 10,000 articles, some 140 MB of Markdown and more of HTML, held
        while Pagefind holds its index beside them. Nothing reads the Markdown afterwards: a
        page's title and anchors were taken from it during the conversion; `on_post_page`
        lets go of the HTML once written. They are emptied, not set to None, which MkDocs
        reads as a page not yet read (a page without a title).
        """
        page.markdown = ""
        searchable = not excluded_from_search(page)
        if searchable:
            html = searchable_content(html, title=page.title or config.site_name, meta=page.meta)
        if self.indexer is not None:
            document = indexed_document(config.theme["language"], html) if searchable else None
            if self.last_build is not None and self.last_build.reused:
                self.last_build.page_converted(page.file.src_uri, document)  # sent in a clean build's order
            elif document is not None:
                self.indexer.add_page(document, "/" + page.url)  # the URL Pagefind gives the page's file
            if document is not None:
                self.sent[page.file.src_uri] = _digest(document)
        return html

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.indexer = None
        if self.last_build is not None:
            self.last_build.forget()  # known again once this build has succeeded
            forget_session(Path(config.docs_dir))
            self.last_build.empty_site_if_unknown(config)
        self.site_touched = True
        self.index_kept = False

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Built without SITE_URL, site_url is the local copy's address: a page has no address to give
        crawlers and link previews as its own, so Material writes no canonical link and no og:url."""
        if not self.address_known:
            page.canonical_url = None
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Check that the page holds what Pagefind was sent of it; note its state; let go of its HTML.

        The next build over this one sends Pagefind the pages it keeps as read back from the
        site folder (`what_pagefind_reads`): a theme that changed the marked content around
        it would make that index differ from a clean build's, so it fails the build here.
        """
        sent = self.sent.pop(page.file.src_uri, None)
        if sent is not None and _digest(what_pagefind_reads(output)) != sent:
            raise PluginError(
                f"{page.file.src_uri}: the rendered page does not hold the content sent to the search index "
                "as it was converted (has the theme changed what it writes around page.content?)"
            )
        if self.last_build is not None:
            self.last_build.page_built(page.file.src_uri, searchable=not excluded_from_search(page))
        page.content = ""  # written: see on_page_content
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        _PAGES_LOG.removeFilter(_LINKS_TO_KEPT_PAGES)
        site_dir = Path(config.site_dir)
        preview = self._preview(config)
        if preview is not None:
            if preview.pages is None:
                self._compile_templates_ahead(config)
                _set_first_build_aside()
            preview.pages, preview.pending = self.built_pages, set()
        last_build, files = self.last_build, self.files
        if last_build is not None and last_build.reused and not self.partial and files is not None:
            last_build.remove_stale_files(config, files)
        if self.indexer is None:
            if preview is not None and self.index_kept:
                preview.indexed = True
            self._keep_state(indexed=self.index_kept)
            return
        try:
            with self.indexer:
                started = time.perf_counter()
                self.indexer.finish_writing()
                if last_build is not None and last_build.reused:
                    last_build.put_next_index_in_place(site_dir)
                log.info(
                    f"briefings: search index of {self.indexer.pages} pages written in "
                    f"{time.perf_counter() - started:.1f} s after the last page"
                )
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        finally:
            self.indexer = None
        if preview is not None:
            preview.indexed = True
        self._keep_state(indexed=True)

    def keep_preview_session(self) -> None:
        """When the preview stops, keep its generation session on disk for the next build to start from.

        Each of the preview's rebuilds changes the docs folder, so the session the last build
        kept no longer matches it (kept_session.py): the next `make serve` or `make site`
        rendered every page again (a minute at 10,000 articles). The preview's own session is
        kept instead, if its last generation ended (`Session.settled`) and no build is under
        way (the preview server does not call this then: Ctrl-C would wait for the build); the
        next build uses it if its settings (the site's address among them) are the preview's.
        """
        session = _PREVIEW_SESSIONS.get(self.folders) if self.folders is not None else None
        if session is None or not session.settled:
            return
        assert self.folders is not None  # the session is known by them
        started = time.perf_counter()
        try:
            save_session(self.folders[2], session)
        except Exception as error:  # noqa: BLE001 - a session not kept only means generating anew next time
            log.info(f"briefings: the preview's session was not kept ({error}): the next build generates anew")
            return
        keep_saved_session(self.folders[2])
        log.info(f"briefings: generation session kept for the next build in {time.perf_counter() - started:.1f} s")

    def _compile_templates_ahead(self, config: MkDocsConfig) -> None:
        """Compile the page templates and the theme's after the preview's first build, for the first edit.

        A start-up over the last build renders few pages or none, so the first edit compiled
        the templates its pages use, the generator's and Material's (half a second at 10,000
        articles); the theme's go to the cache the next builds load them from (`_CompiledTemplates`).
        Material's templates for plugins this site does not use (the blog's) do not compile:
        they are passed over.
        """
        if self.folders is not None and (session := _PREVIEW_SESSIONS.get(self.folders)) is not None:
            session.compile_templates()
        theme = config.theme.get_env()
        theme.bytecode_cache = _THEME_TEMPLATES
        for name in theme.list_templates(extensions=["html"]):
            with contextlib.suppress(TemplateError):
                theme.get_template(name)

    def _keep_state(self, *, indexed: bool) -> None:
        """Write the state of the pages this build leaves, for the next build to start from.

        Strict mode's warnings abort the build after this: `on_build_error` removes the state then.
        """
        if self.last_build is None:
            self.search_current = indexed
            return
        self.search_current = self.last_build.save(indexed=indexed)
        self.last_build.close()
        if self.command != "serve" and self.folders is not None:
            self._session_saved()
            keep_saved_session(self.folders[2])

    def _session_saved(self) -> None:
        """Wait until the generation's child has kept its session on disk (generation.py), and say how long it took."""
        saving, self.saving = self.saving, None
        if saving is None:
            return
        seconds = saving.wait()
        if seconds is not None:
            log.info(f"briefings: generation session kept for the next build in {seconds:.1f} s, beside MkDocs")
        else:
            log.info(f"briefings: no generation session kept ({saving.problem}): the next build generates anew")

    def on_build_error(self, *, error: Exception) -> None:
        _PAGES_LOG.removeFilter(_LINKS_TO_KEPT_PAGES)
        if self.alongside is not None:
            self.alongside.stop()
            self.alongside = None
        self._session_saved()  # before it is forgotten: the child would write it again after
        if self.last_build is not None:
            self.last_build.stop_feeding()
            if self.site_touched:
                self.last_build.forget()
                if self.folders is not None:
                    forget_session(self.folders[2], saved_too=True)
            self.last_build.close()
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None


def _log_problems(problems: str) -> None:
    for line in problems.splitlines():
        log.error(line)


def _set_first_build_aside() -> None:
    """Keep the garbage collector off what the preview's first build leaves in memory.

    The session's records, pages and linked site are millions of objects at 10,000
    articles; every full collection walked them all, which cost seconds per edit. They
    are moved to the collector's permanent generation: what an edit replaces is still
    freed by reference counting, except the first build's linked site, whose entries
    refer to each other and so stay in memory (once, not per edit).
    """
    gc.collect()  # the first build's MkDocs pages are garbage by now: free them first
    gc.freeze()
    # A rebuild allocates millions of short-lived objects; collecting the youngest every
    # 700 (the default) promoted many to the old generation, whose collections then ran
    # several times per edit.
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, 20_000), gen1, gen2)


def _digest(document: str) -> int:
    """Python's own hash of the text: enough to tell two texts apart within one build, and it keeps Python's
    lock, which hashlib lets go of for long input: the helper threads then held it for milliseconds at each page."""
    return hash(document)


def _nav_pages(nav: object) -> set[str]:
    """The pages named in mkdocs.yml's nav: every page shows the nav, so they stay in every build."""
    if isinstance(nav, str):
        return {nav} if nav.endswith(".md") else set()
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return set().union(*(_nav_pages(item) for item in items))


def edit_url_base(config: MkDocsConfig) -> str | None:
    """Return the URL that record paths are appended to, or None when there is no repository."""
    if not config.repo_url or not config.edit_uri:
        return None
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)


def excluded_from_search(page: Page) -> bool:
    """Whether the page's front matter says `search: exclude: true` (Material's key, set on list pages)."""
    search = page.meta.get("search")
    return isinstance(search, dict) and search.get("exclude") is True
