"""A build that starts from the last one: rebuild the pages whose sources changed, keep the others.

Run by the plugin when MkDocs builds dirty (`make site` passes `--dirty`; `briefings
serve` builds dirty into the site folder). With a state from the last successful build
of the same fingerprint (site_state.py):

1. `on_files`: each page whose Markdown and edit link hash as in the state, and whose HTML
   is there, is marked unmodified (MkDocs' dirty build then neither reads nor renders it);
   every other page is rebuilt. MkDocs' own rule, modification times, would rebuild too
   little after a failed build and too much after a fresh checkout.
2. `on_post_build`: the files a clean build would not make (a removed article's page and
   feed) are deleted, so the folder holds exactly a clean build's files.
3. Pagefind indexes every searchable page, the kept ones read back from the site folder,
   in the order of a clean build: its index depends on the order pages are added in, and
   must be the clean build's, byte for byte. A thread feeds them while MkDocs builds
   (`start_feeding`, from `on_nav`): it sends the kept pages as it reaches them and waits
   for each rebuilt one to be converted, so Pagefind indexes on the second core while MkDocs
   works on the first. The new index replaces the last one once it is complete.
   When no page changed, none was added and none removed, the last index stays as it is
   (`index_current`): it is already the one a clean build would write.

Without a usable state (the first build, another fingerprint, a failed last build) the
site folder is emptied and everything is built, as by a clean build.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.mkdocs.search_index import what_pagefind_reads
from generator.mkdocs.site_state import (
    PageState,
    SiteState,
    fingerprint,
    forget_state,
    load_state,
    page_source_hash,
    save_state,
    state_path,
)

log = logging.getLogger("mkdocs.plugins.briefings")

SEARCH_FOLDER = "pagefind"
NEXT_INDEX = ".pagefind-next"
"""Where a build over the last one writes the search index before it replaces the last index."""
LEFT_OUT = frozenset({InclusionLevel.EXCLUDED, InclusionLevel.DRAFT})
"""What `mkdocs build` does not write (InclusionLevel.is_included, untyped)."""
SITEMAP_GZ = "sitemap.xml.gz"
"""Written beside sitemap.xml by MkDocs, which renders the sitemap every build."""


class _DirtyBuildNote(logging.Filter):
    """Drop MkDocs' warning that a dirty build leaves the site inaccurate: this one does not.

    It is a warning, so `--strict` would fail every dirty build on it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")
_DIRTY_BUILD_NOTE = _DirtyBuildNote()


class _BuildStopped(Exception):
    """The build failed before rendering a page the search feeder waits for."""


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True


class LastBuild:
    """One build over the site folder the last build left; see the module's docstring."""

    def __init__(self, config: MkDocsConfig, edit_base: str | None, *, dirty: bool) -> None:
        self.fingerprint = fingerprint(config, edit_base)
        self.state_file = state_path(config)
        self.site = Path(config.site_dir)
        self.previous = load_state(self.state_file, self.fingerprint, self.site) if dirty else None
        self.dirty = dirty
        self.pages: dict[str, PageState] = {}
        """The state of each page of this build, known once it is hashed (and rendered, if it is rebuilt)."""
        self.rebuilt: set[str] = set()
        self.unknown = False
        """Whether a page was left out of this build with no state to carry: the result cannot be vouched for."""
        self.converted: dict[str, str] = {}
        """What Pagefind is to be sent of the searchable pages rebuilt, until it takes them in the site's order."""
        self._built = threading.Condition()
        """Notified as each rebuilt page is converted, and when the build stops."""
        self._done: set[str] = set()
        """The rebuilt pages converted so far."""
        self._stopped = False
        self._feeder: threading.Thread | None = None
        self._feeding_failed: BaseException | None = None
        if dirty:
            _BUILD_LOG.addFilter(_DIRTY_BUILD_NOTE)

    @property
    def reused(self) -> bool:
        """Whether this build keeps pages of the last one (else it builds everything)."""
        return self.previous is not None

    @property
    def index_current(self) -> bool:
        """Whether the last build's search index is the one this build would write, known once pages are sorted.

        Pagefind's index depends only on the searchable pages' HTML and their order, and the
        fingerprint (its version among them) is the last build's: with the same pages, none
        rebuilt, and an index that covered them, indexing them again would write the same bytes
        (a minute at 10,000 articles, for a `make site` or a preview start-up with nothing new).
        """
        previous = self.previous
        return (
            previous is not None
            and previous.search_current
            and not self.rebuilt
            and not self.unknown
            and self.pages.keys() == previous.pages.keys()
            and (self.site / SEARCH_FOLDER).is_dir()
        )

    def empty_site_if_unknown(self, config: MkDocsConfig) -> None:
        """A dirty build without a usable state starts from an empty folder, as a clean build does."""
        if self.dirty and self.previous is None and os.path.isdir(config.site_dir):
            log.info("briefings: no state of the last build to start from: building every page")
            utils.clean_directory(config.site_dir)

    def sort_pages(self, files: Files, edit_urls: dict[str, str], carried: set[str]) -> None:
        """Hash each page; mark those that need no rebuild. `carried` pages keep their last state unhashed
        (the preview leaves out of its rebuilds pages it knows unchanged)."""
        previous = self.previous.pages if self.previous else {}
        for file in files.documentation_pages(inclusion=InclusionLevel.all):
            known = previous.get(file.src_uri)
            if file.src_uri in carried:
                if known is None:
                    self.unknown = True
                else:
                    self.pages[file.src_uri] = known
                continue
            source = page_source_hash(Path(str(file.abs_src_path)).read_bytes(), edit_urls.get(file.src_uri))
            if known is not None and known.source == source and os.path.isfile(file.abs_dest_path):
                self.pages[file.src_uri] = known
                if self.dirty:
                    file.is_modified = _unmodified  # type: ignore[method-assign]  # as MkDocs' livereload sets handlers
            else:
                self.pages[file.src_uri] = PageState(source, searchable=False)
                self.rebuilt.add(file.src_uri)
                if self.dirty:
                    file.is_modified = _modified  # type: ignore[method-assign]
        if self.reused:
            log.info(f"briefings: {len(self.rebuilt)} of {len(self.pages)} pages to rebuild since the last build")

    def page_converted(self, src_uri: str, document: str | None) -> None:
        """A rebuilt page is converted: `document` is what Pagefind is sent of it (None if it is not searchable)."""
        with self._built:
            if document is not None:
                self.converted[src_uri] = document
            self._done.add(src_uri)
            self._built.notify_all()

    def page_built(self, src_uri: str, *, searchable: bool) -> None:
        self.pages[src_uri] = PageState(self.pages[src_uri].source, searchable)

    def start_feeding(self, files: Files, add_page: Callable[[str, str], None]) -> None:
        """Start sending `add_page(document, url)` each searchable page, kept or rebuilt, in a clean build's order."""
        order = list(files.documentation_pages())  # the order MkDocs builds them in, too
        self._feeder = threading.Thread(target=self._feed, args=(order, add_page), name="search-feeder", daemon=True)
        self._feeder.start()

    def finish_feeding(self) -> None:
        """Wait until every page is sent; raise what stopped the feeding, if anything did."""
        if self._feeder is not None:
            self._feeder.join()
        if self._feeding_failed is not None:
            raise self._feeding_failed

    def stop_feeding(self) -> None:
        """The build failed: the pages still awaited will not come."""
        with self._built:
            self._stopped = True
            self._built.notify_all()
        if self._feeder is not None:
            self._feeder.join()

    def _feed(self, order: list[File], add_page: Callable[[str, str], None]) -> None:
        try:
            for file in order:
                document = self._indexed_document(file)
                if document is not None:
                    add_page(document, "/" + (file.page.url if file.page else file.url))  # the home page's is ""
        except BaseException as error:  # noqa: BLE001 - raised again by finish_feeding, in the build's thread
            self._feeding_failed = error

    def _indexed_document(self, file: File) -> str | None:
        """What Pagefind is sent of the page, if it indexes it: a rebuilt page's once MkDocs has converted it,
        a kept one's from its HTML in the site folder."""
        if file.src_uri in self.rebuilt:
            with self._built:
                self._built.wait_for(lambda: file.src_uri in self._done or self._stopped)
                if file.src_uri not in self._done:
                    raise _BuildStopped
                return self.converted.pop(file.src_uri, None)
        state = self.pages.get(file.src_uri)
        if state is None or not state.searchable:
            return None
        return what_pagefind_reads(Path(file.abs_dest_path).read_text(encoding="utf-8"))

    def remove_stale_files(self, config: MkDocsConfig, files: Files) -> list[str]:
        """Delete what a clean build would not make; the search folder is left to `put_next_index_in_place`."""
        site = Path(config.site_dir)
        expected = {file.dest_uri for file in files if file.inclusion not in LEFT_OUT}
        expected |= set(config.theme.static_templates) | {SITEMAP_GZ}
        removed: list[str] = []
        folders: list[str] = []
        for folder, subfolders, names in os.walk(site):
            if folder == str(site):
                subfolders[:] = [name for name in subfolders if not name.startswith((SEARCH_FOLDER, NEXT_INDEX))]
            folders.append(folder)
            prefix = os.path.relpath(folder, site).replace(os.sep, "/") + "/"
            for name in names:
                relative = name if prefix == "./" else prefix + name
                if relative not in expected:
                    os.unlink(os.path.join(folder, name))
                    removed.append(relative)
        for folder in sorted(folders[1:], reverse=True):
            if not os.listdir(folder):
                os.rmdir(folder)
        if removed:
            log.info(f"briefings: removed {len(removed)} files the site no longer has")
        return removed

    @staticmethod
    def next_index(site: Path) -> Path:
        """An empty folder beside the last search index, for the new one (see `put_next_index_in_place`)."""
        fresh = site / NEXT_INDEX
        shutil.rmtree(fresh, ignore_errors=True)
        return fresh

    @staticmethod
    def put_next_index_in_place(site: Path) -> None:
        """Put the new search index, complete, where the last one was.

        The preview serves the site while its start-up build runs: it keeps searching the
        last index until the new one is complete (a minute of Pagefind at 10,000 articles).
        """
        fresh, old, current = site / NEXT_INDEX, site / (NEXT_INDEX + "-old"), site / SEARCH_FOLDER
        if current.exists():
            os.replace(current, old)
        os.replace(fresh, current)
        shutil.rmtree(old, ignore_errors=True)

    def save(self, *, indexed: bool) -> bool:
        """Keep the state of the pages this build leaves; return whether the search index covers them.

        A build that did not index them keeps the last build's word on the index if no page changed.
        """
        search_current = indexed or (self.previous is not None and self.previous.search_current and not self.rebuilt)
        if not self.unknown:
            save_state(self.state_file, SiteState(self.fingerprint, dict(self.pages), search_current))
        return search_current

    def forget(self) -> None:
        forget_state(self.state_file)

    def close(self) -> None:
        _BUILD_LOG.removeFilter(_DIRTY_BUILD_NOTE)
