"""The preview's steps: the pipeline's stages, each redoing only what changed since the last run.

`mkdocs serve` runs the pipeline before every rebuild, in the same process. At 10,000
articles a generation from scratch takes tens of seconds, so the preview passes a
`Session` as the conductor's steps (pipeline.run), which remembers the last run:

- **Reading**: a file whose size and modification time are unchanged, or whose bytes
  are (a fresh checkout gives every file a new time), is not parsed or validated again.
- **Linking**: when the edited files are articles whose edit changed only texts (their
  `shape`, declared in linked/invalidation.py, is the same), the site keeps its
  structure: the new records are swapped into the last linked site, and its page list
  and the pages' keys stay valid. Only the pages that read the edited articles are
  rendered again, not those that only list or count an entity's articles. An edit that
  also changed a position's role or date (its `stances`) puts those positions in order
  again, lists again the pages made from every stance, and renders again the pages that
  read what links to the positions' actors, initiatives and spokespeople. Any other
  edit links the records afresh (a second at 10,000 articles) and lists the pages again.
- **Rendering**: each page knows the records it read when last rendered (recording.py);
  a page is rendered again only if it read a touched record (touched.py), or if what it
  lists changed (its key, page_keys.py). A template change renders everything again.
- **Writing**: only rendered pages are compared with the disk; the others are known to
  be there, unchanged, and keep their bytes and modification time. The feeds and data files
  rendered every time are compared with the texts the last generation wrote, in memory:
  reading back 5,000 tables and the 46 MB JSON file took a second per edit at 10,000 articles.

MkDocs then rebuilds only the pages whose Markdown changed when run with `--dirty`
(`make serve`). The tests compare a session's output after each kind of edit with a
fresh generation's, byte for byte.

`mkdocs build` runs a session too, one kept on disk from the last build (kept_session.py),
so that publishing a few edits renders only the pages they touch. Rendering everything (the
first run, a template edit) is spread over every core, as the default steps do.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.errors import Problem
from generator.content.files import UnreadableFileError, read_regular_file
from generator.content.kinds import PUBLISHER
from generator.content.limits import RECORD_BYTES
from generator.content.read import RecordFile, SourceDocument, read_content, read_document_bytes
from generator.content.schema import Article
from generator.content.validate import ValidRecord, validate_documents
from generator.history.changes import ChangesMemo, attach_changes
from generator.history.commits import History, history_key
from generator.linked.invalidation import shape, stances
from generator.linked.link import position_holders, reorder_positions
from generator.linked.model import ArticleEntry, Site
from generator.output.feeds import feed_path, render_feeds
from generator.output.markup import render_editor_texts
from generator.output.open_data import OpenDataMemo, render_open_data
from generator.output.render import PageRendered, make_environment, render_page
from generator.output.site_settings import SiteSettings
from generator.output.write import WriteReport
from generator.pages.specs import PageSpec, page_specs, stance_specs
from generator.parallel import map_in_order
from generator.pipeline import Inputs, Rendered, Steps, link_site, run
from generator.preview.page_keys import page_key
from generator.preview.recording import PUBLISHERS, SITE, SITE_CHANGES, SITE_FRESHNESS, RecordingEnvironment, links
from generator.preview.touched import feed_is_stale, links_touched, named_by, swap_texts, touched_by


@dataclass
class _File:
    """One record file as last read: its stamp and what reading and validating it gave."""

    stamp: tuple[int, int] | None
    document: SourceDocument | None
    problem: Problem | None
    record: ValidRecord | None = None
    digest: bytes | None = None
    """A hash of its bytes: a file with a new stamp but the same bytes is not read again."""


@dataclass
class _Page:
    spec: PageSpec
    key: object
    depends_on: frozenset[str]


@dataclass(repr=False)  # its repr would walk the whole linked site
class Session(Steps):
    """What the last generation read and rendered, to redo only what changed since."""

    files: dict[str, _File] = field(default_factory=dict)
    pages: dict[str, _Page] = field(default_factory=dict)
    site: Site | None = None
    templates_stamp: object = None
    rendered: int = 0
    """Pages rendered by the last generation (the others were known to be unchanged); feeds and data files,
    rendered every time, are not counted."""
    relinked: bool = True
    """Whether the last generation linked the records afresh; False when it swapped the edited
    articles' texts (and stances) into the site it had."""

    _articles: dict[str, ArticleEntry] = field(default_factory=dict)
    """The linked site's articles, by their record file."""
    _known: set[str] = field(default_factory=set)
    """The record files the last successful generation read."""
    _pending: set[str] = field(default_factory=set)
    """Record files changed or removed since the last successful generation."""
    _environment: RecordingEnvironment | None = None
    """The Jinja environment, its templates compiled, kept while they do not change."""
    _open_data: OpenDataMemo = field(default_factory=OpenDataMemo)
    """Each record's text in the data files, made again only when its record is read again."""
    _history: History | None = None
    """The content's git history as last read: a record file whose history changed (a commit) counts as edited."""
    _history_key: tuple[str, str] | None = None
    """What that history was read from (commits.history_key)."""
    _changes: ChangesMemo = field(default_factory=dict)
    """Each article's dated changes, made again only when its entry, record or history is new."""
    _written: dict[str, str] = field(default_factory=dict)
    """The feeds and data files as the last successful generation left them in the docs folder (not kept on disk)."""

    # What the generation running has learnt so far, from one step for the next.
    _stamp: object = None
    _redo_all: bool = True
    _touched: set[str] = field(default_factory=set)
    _listing: set[str] = field(default_factory=set)
    """The links of the entities listing articles whose texts were swapped: their feeds show the texts."""
    _restanced: bool = False
    """Whether the swapped articles' stances changed: the pages made from stances are listed again."""
    _written_next: dict[str, str] = field(default_factory=dict)
    """The feeds and data files this generation renders, to be `_written` once they are written."""

    def generate(
        self, content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
    ) -> WriteReport:
        """Run the pipeline with this session's steps, doing again only what changed since the last call.

        The site's feed and the data files cover the whole site: they are rendered each time
        (from each record's text, kept until the record is read again) and written only
        where their bytes changed. A briefing's feed is rendered again only if the edit
        touched the entity or its articles.
        """
        return run(Inputs(content_dir, templates_dir, docs_dir, settings or SiteSettings()), self).report

    def begin(self, inputs: Inputs) -> None:
        self._stamp = (_templates_stamp(inputs.templates), inputs.settings)
        self._redo_all = self.site is None or self._stamp != self.templates_stamp

    def read(self, content: Path) -> tuple[list[SourceDocument], list[Problem]]:
        """Read the files that are new or changed since the last run, on every core when they are many
        (a build from scratch: parallel.py); the others are known."""
        seen: set[str] = set()

        def read(files: list[RecordFile]) -> list[tuple[SourceDocument | None, Problem | None]]:
            new: list[tuple[RecordFile, tuple[int, int] | None]] = []
            for file in files:
                path, _, shown, inside = file
                seen.add(shown)
                stamp = _file_stamp(path)
                known = self.files.get(shown)
                if known is not None and known.stamp == stamp and stamp is not None:
                    continue
                if known is not None and stamp is not None and known.digest == _record_digest(path, inside):
                    known.stamp = stamp  # touched, not changed (a checkout, a save without edits)
                    continue
                new.append((file, stamp))
            for (file, stamp), (document, problem, digest) in zip(
                new, map_in_order(_read_new, [file for file, _ in new]), strict=True
            ):
                self.files[file[2]] = _File(stamp, document, problem, digest=digest)
                self._pending.add(file[2])
            return [(self.files[shown].document, self.files[shown].problem) for _, _, shown, _ in files]

        documents, problems = read_content(content, read)
        for shown in set(self.files) - seen:
            del self.files[shown]
            self._pending.add(shown)
        return documents, problems

    def history(self, content: Path) -> History | None:
        key = history_key(content)
        if key is not None and key == self._history_key:
            return self._history  # the same commit and the same files edited since: the same history
        history = super().history(content)
        self._history_key = key
        before, after = self._history or {}, history or {}
        self._pending |= {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        self._history = history
        return history

    def validate(self, documents: list[SourceDocument]) -> tuple[list[ValidRecord], list[Problem]]:
        valid, problems = validate_documents([d for d in documents if self.files[d.path].record is None])
        for item in valid:
            self.files[item.document.path].record = item
        records = [file.record for file in self.files.values() if file.record is not None]
        return sorted(records, key=lambda item: item.document.path), problems

    def link(self, records: list[ValidRecord], problems: list[Problem], drafted: frozenset[str]) -> Site:
        swapped = None if self._redo_all or problems else self._texts_swapped()
        self.relinked = swapped is None
        if swapped is not None:
            site, self._listing, self._restanced = swapped
            self._touched = set(self._pending) | ({SITE_CHANGES} if self._pending else set())
            if self._restanced:  # what lists those entities' positions lists them otherwise
                self._touched |= self._listing
            return site
        site = link_site(records, problems, drafted)  # raises ContentError: nothing is written
        self._listing, self._restanced = set(), False
        self._touched = touched_by(self.site, site, self._pending)
        added_or_removed = bool(self._pending - (self._known & set(self.files)))
        if added_or_removed or (self.site is not None and _site_counts(self.site) != _site_counts(site)):
            self._touched.add(SITE)
        if self.site is None or self.site.last_update != site.last_update:
            self._touched.add(SITE_FRESHNESS)
        if self._pending:
            self._touched.add(SITE_CHANGES)
        if any(path.split("/")[1:2] == [PUBLISHER.folder] for path in self._pending):
            self._touched.add(PUBLISHERS)
        return site

    def attach_changes(self, site: Site, history: History | None) -> None:
        attach_changes(site, history, self._changes)

    def list_pages(self, site: Site) -> list[PageSpec]:
        """The pages of the last run if the site kept its structure (those made from stances listed
        again if stances changed), else the site's pages listed again."""
        if not self.relinked:
            again = {spec.path: spec for spec in stance_specs(site)} if self._restanced else {}
            return [again.get(page.spec.path, page.spec) for page in self.pages.values()]
        return page_specs(site)

    def render(self, site: Site, pages: list[PageSpec], inputs: Inputs, done: PageRendered | None = None) -> Rendered:
        settings = inputs.settings
        if self._redo_all:
            self.pages.clear()
            render_editor_texts(  # converted once, before the rendering workers start (markup.py)
                [article.summary for article in site.articles] + [entity.overview for entity in site.entities]
            )
        if self._redo_all or self._environment is None:
            made = make_environment(inputs.templates, settings, RecordingEnvironment)
            assert isinstance(made, RecordingEnvironment)
            self._environment = made
        staleness = list(self._staleness(pages))
        kept = [spec.path for spec, stale in staleness if not stale]
        stale = [spec for spec, is_stale in staleness if is_stale]
        report = None if done is None else lambda spec, result: done(spec.path, result[0])
        rendered = map_in_order(functools.partial(_render_recording, self._environment, site), stale, done=report)
        files: dict[str, str] = {}
        for spec, (text, reads) in zip(stale, rendered, strict=True):
            files[spec.path] = text
            self.pages[spec.path].depends_on = reads
        self.rendered = len(files)
        touched = self._touched | self._listing
        feeds = render_feeds(site, settings, lambda entity: self._redo_all or feed_is_stale(entity, touched))
        # Texts swapped in: a briefing's tables change only if it lists an edited article.
        tables_unchanged = None if self.relinked else (lambda entity: links(entity.source_file) not in self._listing)
        whole_site = feeds | render_open_data(site, self._open_data, tables_unchanged)
        written, self._written = self._written, {}  # trusted again once this generation is written (`end`)
        unchanged = {path for path, text in whole_site.items() if written.get(path) == text}
        files |= {path: text for path, text in whole_site.items() if path not in unchanged}
        kept += unchanged
        self._written_next = whole_site
        if settings.url:
            kept += [feed for entity in site.entities if (feed := feed_path(entity)) and feed not in feeds]
        # Texts swapped in: the site has the same pages, feeds and data files as the last
        # generation left in the folder, so there is no file to remove and no need to look.
        return Rendered(files, kept, complete_listing=not self.relinked)

    @property
    def settled(self) -> bool:
        """Whether the last generation ended, with every change read since written: the docs folder then
        holds what this session knows it holds, and the session can be kept for the next build."""
        return self.site is not None and not self._pending

    def compile_templates(self) -> None:
        """Compile every page template now: Jinja compiles one when a page first needs it, and after
        a start-up that rendered nothing the preview's first edit waited a quarter of a second for that."""
        if self._environment is not None:
            for name in self._environment.list_templates():
                self._environment.get_template(name)

    def __getstate__(self) -> dict[str, object]:
        """What is kept on disk between builds: everything but the compiled templates, made again, and the
        texts last written, which the next build compares with the disk instead (another process may
        have changed the folder since)."""
        return {**self.__dict__, "_environment": None, "_written": {}, "_written_next": {}}

    def end(self, site: Site, pages: list[PageSpec]) -> None:
        if site is not self.site:
            self._articles = {article.source_file: article for article in site.articles}
        self.site, self.templates_stamp = site, self._stamp
        self._known, self._pending = set(self.files), set()
        self._written, self._written_next = self._written_next, {}

    def _texts_swapped(self) -> tuple[Site, set[str], bool] | None:
        """The last site with the edited articles' new texts and stances, the links of the
        entities that list them, and whether stances changed; None if an edit changed the
        structure (or a record other than an article's) and the records must be linked afresh."""
        if self.site is None:
            return None
        swaps: list[tuple[ArticleEntry, ValidRecord]] = []
        restanced: list[ArticleEntry] = []
        for path in self._pending:
            file, entry = self.files.get(path), self._articles.get(path)
            item = file.record if file else None
            if entry is None or item is None or not isinstance(item.record, Article):
                return None
            if shape(item.record) != shape(entry.record):
                return None
            swaps.append((entry, item))
            if stances(item.record) != stances(entry.record):
                restanced.append(entry)
        for entry, item in swaps:
            swap_texts(self.site, entry, item)
        if restanced:  # a title edit is the usual one: it does not rank the site's articles
            holders = {
                entity for entry in restanced for position in entry.positions for entity in position_holders(position)
            }
            reorder_positions(self.site, holders)
        named = {entity for entry, _ in swaps for entity in named_by(entry)}
        return self.site, links_touched(named, self._pending), bool(restanced)

    def _staleness(self, pages: list[PageSpec]) -> Iterable[tuple[PageSpec, bool]]:
        """Each page and whether it must be rendered again.

        When the site kept its structure, every page kept its spec and its key, and only the
        pages that read a touched record are stale, or those listed again (made from stances)
        whose key changed. Otherwise each page's key is compared with the last.
        """
        memo: dict[int, object] = {}
        if not self.relinked:
            for spec in pages:
                kept = self.pages[spec.path]
                stale = bool(kept.depends_on & self._touched)
                if spec is not kept.spec:
                    key = page_key(spec, memo)
                    stale = stale or key != kept.key
                    self.pages[spec.path] = _Page(spec, key, kept.depends_on)
                yield spec, stale
            return
        for spec in pages:
            key = page_key(spec, memo)
            known = self.pages.get(spec.path)
            stale = not (known and known.key == key and not (known.depends_on & self._touched))
            self.pages[spec.path] = _Page(spec, key, known.depends_on if known else frozenset())
            yield spec, stale
        for path in set(self.pages) - {spec.path for spec in pages}:
            del self.pages[path]


def _site_counts(site: Site) -> tuple[int, ...]:
    """The site-wide counts pages show (the data page counts the positions): an edit that changes
    one touches the pages showing site-wide figures, as adding a record does."""
    return len(site.articles), len(site.entities), len(site.positions), len(site.chronology)


def _render_recording(environment: RecordingEnvironment, site: Site, spec: PageSpec) -> tuple[str, frozenset[str]]:
    """Render one page; return it with the records it read (run in the rendering workers)."""
    environment.reads = set()
    text = render_page(environment, site, spec)
    return text, frozenset(environment.reads)


def _templates_stamp(folder: Path) -> object:
    """The templates' names and bytes: a kept session is used again after a checkout that
    gave every file a new time, but not after a template edit."""
    return tuple(
        sorted((path.relative_to(folder).as_posix(), _digest(path)) for path in folder.rglob("*") if path.is_file())
    )


def _digest(path: Path) -> bytes | None:
    try:
        return _bytes_digest(path.read_bytes())
    except OSError:
        return None


def _read_new(file: RecordFile) -> tuple[SourceDocument | None, Problem | None, bytes | None]:
    """Read a record file the session does not know as it is, with the hash of its bytes, from one
    reading of them (run in the workers)."""
    document, problem, raw = read_document_bytes(*file)
    return document, problem, _bytes_digest(raw) if raw is not None else None


def _record_digest(path: str, inside: Path) -> bytes | None:
    """The hash of a record file's bytes, read as reading the record would read them (files.py), or None
    for what that refuses: a pipe, a device, an oversized file or a link out of the content folder."""
    try:
        return _bytes_digest(read_regular_file(Path(path), RECORD_BYTES, "record size", inside=inside))
    except UnreadableFileError:
        return None


def _bytes_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _file_stamp(path: str) -> tuple[int, int] | None:
    """The modification time and size of a record file, or None when it cannot be known.

    A dangling link, a loop of links or a file removed since it was listed has no stamp:
    it is read again every time, and reading it reports what it is.
    """
    try:
        return _stat(path)
    except OSError:
        return None


def _stat(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size
