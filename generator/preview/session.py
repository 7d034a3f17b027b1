"""Regenerate after an edit: re-read, re-render and rewrite only what the edit touches.

`mkdocs serve` calls the generator before every rebuild, in the same process. At 10,000
articles a full generation takes tens of seconds, so the live preview keeps a `Session`:

- **Reading**: a file whose size and modification time are unchanged is not read,
  parsed or validated again.
- **Linking**: when the edited files are articles whose edit changed only texts (see
  `_shape`: not their date, their references, their themes, nor the dates and names in
  their chronology), the site keeps its structure: the new records are swapped into the
  last linked site (`_swap_texts`), and its page list and the pages' keys stay valid.
  Every list is then as it was: only the pages that read the edited articles are
  rendered again, not those that only list or count an entity's articles.
  Any other edit links the records afresh (a second at 10,000 articles) and lists the
  pages again.
- **Rendering**: while a page renders, the Jinja environment notes every article and
  entity whose attributes the template reads (`_Recording.getattr`), so each page knows
  the records it depends on. An entity is two dependencies: its own record (its name,
  which every page naming it shows) and its links (the articles, positions, quotes and
  people that name it, which its briefing and the indexes show). After an edit, what is
  *touched* is the edited files, and the links of every entity that an edited article
  names (before or after the edit). A page is rendered again only if it depends on a touched record, or
  if what it lists changed (which articles are on page 3 of 2025, how many pages there
  are): each page's context is summed up in a key (`_shallow`) compared with the last
  one. A template change renders everything again.
- **Writing**: only rendered pages are compared with the disk; the others are known to
  be there, unchanged, and keep their bytes and modification time.

MkDocs then rebuilds only the pages whose Markdown changed when run with `--dirty`
(`make serve`). The tests compare a session's output after each kind of edit with a
fresh generation's, byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.content.drafts import set_drafts_aside
from generator.content.errors import Problem
from generator.content.model import (
    ArticleEntry,
    ChronologyEntry,
    Entity,
    FigureEntry,
    PositionEntry,
    PositionMatrix,
    QuoteEntry,
    Site,
    Stance,
)
from generator.content.read import SourceDocument, read_content, read_document
from generator.content.schema import Article
from generator.content.validate import ValidRecord, validate_documents
from generator.gc_pause import cycle_collection_paused
from generator.output.feeds import feed_path, render_feeds
from generator.output.open_data import OpenDataMemo, render_open_data
from generator.output.render import PageSpec, make_environment, page_specs, render_page
from generator.output.site_settings import SiteSettings
from generator.output.write import WriteReport, write_pages
from generator.pages.listings import Pager, Part, Tag
from generator.pipeline import link_site

SITE = "<site>"
"""The dependency of pages that show site-wide counts."""
SITE_FRESHNESS = "<site>.last_update"
"""The dependency of pages that show the site's newest date, which any article's date can move."""


@dataclass
class _File:
    """One record file as last read: its stamp and what reading and validating it gave."""

    stamp: tuple[int, int]
    document: SourceDocument | None
    problem: Problem | None
    record: ValidRecord | None = None


@dataclass
class _Page:
    spec: PageSpec
    key: object
    depends_on: frozenset[str]


@dataclass(repr=False)  # its repr would walk the whole linked site
class Session:
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
    articles' texts into the site it had (`_swap_texts`)."""

    _articles: dict[str, ArticleEntry] = field(default_factory=dict)
    """The linked site's articles, by their record file."""
    _known: set[str] = field(default_factory=set)
    """The record files the last successful generation read."""
    _pending: set[str] = field(default_factory=set)
    """Record files changed or removed since the last successful generation."""
    _environment: Environment = field(default_factory=Environment)
    """The Jinja environment, its templates compiled, kept while they do not change."""
    _open_data: OpenDataMemo = field(default_factory=OpenDataMemo)
    """Each record's text in the data files, made again only when its record is read again."""

    def generate(
        self, content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
    ) -> WriteReport:
        """Generate like `pipeline.generate`, doing again only what changed since the last call.

        The site's feed and the data files cover the whole site: they are rendered each time
        (from each record's text, kept until the record is read again) and
        written only where their bytes changed. A briefing's feed is rendered again only
        if the edit touched the entity or its articles.
        """
        with cycle_collection_paused():
            return self._generate(content_dir, templates_dir, docs_dir, settings or SiteSettings())

    def _generate(self, content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings) -> WriteReport:
        seen: set[str] = set()

        def read(path: Path, kind: str, shown: str) -> tuple[SourceDocument | None, Problem | None]:
            seen.add(shown)
            status = path.stat()
            stamp = (status.st_mtime_ns, status.st_size)
            known = self.files.get(shown)
            if known is None or known.stamp != stamp:
                document, problem = read_document(path, kind, shown)
                self.files[shown] = _File(stamp, document, problem)
                self._pending.add(shown)
            return self.files[shown].document, self.files[shown].problem

        documents, read_problems = read_content(content_dir, read)
        documents, drafts = set_drafts_aside(documents)
        for shown in set(self.files) - seen:
            del self.files[shown]
            self._pending.add(shown)
        valid, schema_problems = validate_documents([d for d in documents if self.files[d.path].record is None])
        for item in valid:
            self.files[item.document.path].record = item
        problems = read_problems + schema_problems
        templates_stamp = (_stamp_of(templates_dir), settings)
        redo_all = self.site is None or templates_stamp != self.templates_stamp
        swapped = None if redo_all or problems else self._texts_swapped()
        self.relinked = swapped is None
        listing: set[str] = set()  # the entities listing articles whose texts changed: their feeds show the texts
        if swapped is None:
            records = sorted(
                (file.record for file in self.files.values() if file.record is not None),
                key=lambda item: item.document.path,
            )
            site = link_site(records, problems)  # raises ContentError: nothing is written
            touched = _touched(self.site, site, self._pending)
            if self._pending - (self._known & set(self.files)):  # a record was added or removed
                touched.add(SITE)
            if self.site is None or self.site.last_update != site.last_update:
                touched.add(SITE_FRESHNESS)
        else:
            site, listing = swapped
            touched = set(self._pending)
        site.drafts = [str(draft) for draft in drafts]

        if redo_all:
            self.pages.clear()
            self._environment = make_environment(templates_dir, settings, _Recording)
        environment = self._environment
        assert isinstance(environment, _Recording)
        pages: dict[str, str] = {}
        kept: list[str] = []
        for spec, stale in self._pages_to_check(site, touched, listed_again=swapped is None):
            if not stale:
                kept.append(spec.path)
                continue
            environment.reads = set()
            pages[spec.path] = render_page(environment, site, spec)
            self.pages[spec.path].depends_on = frozenset(environment.reads)
        rendered = len(pages)
        touched |= listing
        feeds = render_feeds(site, settings, lambda entity: redo_all or _feed_is_stale(entity, touched))
        pages |= feeds | render_open_data(site, self._open_data)
        if settings.url:
            kept += [feed for entity in site.entities if (feed := feed_path(entity)) and feed not in feeds]
        # Texts swapped in: the site has the same pages, feeds and data files as the last
        # generation left in the folder, so there is no file to remove and no need to look.
        report = write_pages(pages, docs_dir, protected=[content_dir, templates_dir], kept=kept, sweep=swapped is None)
        report.drafts = site.drafts
        if site is not self.site:
            self._articles = {article.source_file: article for article in site.articles}
        self.site, self.templates_stamp, self.rendered = site, templates_stamp, rendered
        self._known, self._pending = set(self.files), set()
        return report

    def _texts_swapped(self) -> tuple[Site, set[str]] | None:
        """The last site with the edited articles' new texts, and the links of the entities that
        list them; None if an edit changed more than texts (or a record other than an
        article's) and the records must be linked afresh."""
        if self.site is None:
            return None
        swaps: list[tuple[ArticleEntry, ValidRecord]] = []
        for path in self._pending:
            file, entry = self.files.get(path), self._articles.get(path)
            item = file.record if file else None
            if entry is None or item is None or not isinstance(item.record, Article):
                return None
            if _shape(item.record) != _shape(entry.record):
                return None
            swaps.append((entry, item))
        for entry, item in swaps:
            _swap_texts(entry, item)
        named = {entity for entry, _ in swaps for entity in _named_by(entry)}
        return self.site, _links_touched(named, self._pending)

    def _pages_to_check(self, site: Site, touched: set[str], listed_again: bool) -> Iterable[tuple[PageSpec, bool]]:
        """Each page of the site and whether it must be rendered again.

        `listed_again`: the site was linked afresh, so its pages are listed again and each
        one's key compared with the last. Otherwise the site kept its structure, every page
        its spec and its key, and only the pages that read a touched record are stale.
        """
        if not listed_again:
            for page in self.pages.values():
                yield page.spec, bool(page.depends_on & touched)
            return
        specs = page_specs(site)
        memo: dict[int, object] = {}
        for spec in specs:
            key = (spec.template, _shallow(spec.context, memo))
            known = self.pages.get(spec.path)
            stale = not (known and known.key == key and not (known.depends_on & touched))
            self.pages[spec.path] = _Page(spec, key, known.depends_on if known else frozenset())
            yield spec, stale
        for path in set(self.pages) - {spec.path for spec in specs}:
            del self.pages[path]


class _Recording(Environment):
    """A Jinja environment that notes which records the page being rendered reads."""

    reads: set[str] = set()  # noqa: RUF012 - replaced by a fresh set before each page

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.reads.update(_records_of(obj, attribute))
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.reads.update(_records_of(obj, str(argument)))
        return super().getitem(obj, argument)


LINKED = frozenset(
    {"articles", "positions", "quotes", "figures", "people", "related", "last_update", "chronology", "stances"}
)
"""An entity's attributes made from other records: the articles and people that name it."""


def _feed_is_stale(entity: Entity, touched: set[str]) -> bool:
    """An entity's feed shows its name and its articles: redo it if either was touched."""
    return bool({entity.source_file, _links(entity.source_file), SITE_FRESHNESS, SITE} & touched)


def _links(source_file: str) -> str:
    """The dependency on what links to an entity, as opposed to its own record."""
    return f"links:{source_file}"


def _records_of(value: object, attribute: str) -> Iterable[str]:
    """The dependencies a template takes on by reading `attribute` of `value`."""
    if isinstance(value, Entity):
        return (_links(value.source_file) if attribute in LINKED else value.source_file,)
    if isinstance(value, ArticleEntry):
        return (value.source_file,)
    if isinstance(value, (PositionEntry, QuoteEntry, FigureEntry, ChronologyEntry)):
        return (value.article.source_file,)
    if isinstance(value, Stance):
        return [position.article.source_file for position in value.positions]
    if isinstance(value, Site):
        return (SITE_FRESHNESS if attribute == "last_update" else SITE,)
    return ()


def _touched(before: Site | None, after: Site, changed: set[str]) -> set[str]:
    """The changed record files, and the links of the entities they add to or remove from."""
    touched = set(changed)
    for site in (before, after):
        if site is not None:
            touched |= _links_touched(site.entities, changed)
    return touched


def _links_touched(entities: Iterable[Entity], changed: set[str]) -> set[str]:
    """The links of those of `entities` that a changed record is linked to (or is the person of)."""
    touched: set[str] = set()
    for entity in entities:
        if entity.source_file in changed:  # a person's country or organisation lists its people
            linked = (entity.country, entity.organisation, entity.proposer)
            touched.update(_links(other.source_file) for other in linked if other is not None)
        items: Iterable[ArticleEntry] = (
            *entity.articles,
            *(position.article for position in entity.positions),
            *(quote.article for quote in entity.quotes),
            *(figure.article for figure in entity.figures),
        )
        if any(article.source_file in changed for article in items) or any(
            person.source_file in changed for person in entity.people
        ):
            touched.add(_links(entity.source_file))
    return touched


def _named_by(article: ArticleEntry) -> set[Entity]:
    """Every entity that can list an article: those it names, and the countries and organisations of its people."""
    named: set[Entity | None] = set(article.entities)
    for position in article.positions:
        named |= {position.actor, position.initiative, position.voiced_by}
    for quote in article.quotes:
        named |= {quote.speaker, quote.initiative}
    for figure in article.figures:
        named |= {figure.stated_by, figure.cited_by, figure.scope}
    people = [entity for entity in named if entity is not None and entity.kind == "person"]
    named |= {relative for person in people for relative in (person.country, person.organisation)}
    return {entity for entity in named if entity is not None}


def _shape(article: Article) -> object:
    """What of an article decides the site's structure: which lists it is in, where, and how they are split.

    Its date, its references, its themes, its positions' roles and dates, and its
    chronology (event dates and names, which the pages' keys hold, see `_shallow`). Two
    records of one article with the same shape differ only in texts that the pages
    showing them read from the record: title, source, summary, quotes, figures,
    evidence, places.
    """
    return (
        article.draft,
        article.published,
        article.countries,
        article.organisations,
        article.initiatives,
        article.people,
        article.tags,
        [(event.date, event.name) for event in article.events],
        [(item.actor, item.initiative, item.role, item.date, item.voiced_by) for item in article.positions],
        [(quote.speaker, quote.initiative, quote.date) for quote in article.quotes],
        [(figure.stated_by, figure.cited_by, figure.scope) for figure in article.figures],
    )


def _swap_texts(entry: ArticleEntry, item: ValidRecord) -> None:
    """Put an article's new record (of the same shape) into its linked entry, in place.

    The entry's positions, quotes, figures and chronology entries are shared with the
    entities' lists and the site's chronology, so each takes its new record in place.
    """
    record = item.record
    assert isinstance(record, Article)
    entry.record, entry.summary = record, item.document.body
    for position, new_position in zip(entry.positions, record.positions, strict=True):
        position.record = new_position
    for quote, new_quote in zip(entry.quotes, record.quotes, strict=True):
        quote.record = new_quote
    for figure, new_figure in zip(entry.figures, record.figures, strict=True):
        figure.record = new_figure
    if record.events:
        for chronology_entry, event in zip(entry.chronology, record.events, strict=True):
            chronology_entry.event = event


def _shallow(value: object, memo: dict[int, object] | None = None) -> object:
    """Sum up a page's context: the records it lists, in order, and the plain values.

    `memo` remembers containers already summed up: every article page shares one map of
    themes, which is summed up once.
    """
    if isinstance(value, (dict, list)) and memo is not None:
        if id(value) not in memo:
            memo[id(value)] = _shallow_of(value, memo)
        return memo[id(value)]
    return _shallow_of(value, memo)


def _shallow_of(value: object, memo: dict[int, object] | None) -> object:
    if isinstance(value, (Entity, ArticleEntry)):
        return value.source_file
    if isinstance(value, ChronologyEntry):
        return _chronology_summary(value)
    if isinstance(value, Stance):
        return (value.actor.source_file, value.initiative.source_file, value.role, _shallow(value.positions, memo))
    if isinstance(value, PositionEntry):
        return value.article.source_file
    if isinstance(value, PositionMatrix):
        return (_shallow(value.initiatives, memo), _shallow(value.rows, memo))
    if isinstance(value, Tag):
        return (value.slug, value.name, len(value.articles), value.spellings)
    if isinstance(value, dict):
        return tuple(sorted((key, _shallow(item, memo)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        kinds = set(map(type, value))
        summary = _RECORD_SUMMARIES.get(kinds.pop()) if len(kinds) == 1 else None
        if summary:  # a list of records of one kind, the usual case: summed up without a Python loop
            return tuple(map(summary, value))
        return tuple(_item_summary(item, memo) for item in value)
    if value is None or isinstance(value, (str, int, float, bool, Pager, Part)):
        return value
    return object()  # anything else: never equal, always rendered again


def _chronology_summary(entry: ChronologyEntry) -> object:
    return (entry.article.source_file, entry.date.sort_key, entry.event.name if entry.event else None)


_RECORD_SUMMARIES: dict[type, Callable[[Any], object]] = {
    ArticleEntry: attrgetter("source_file"),
    Entity: attrgetter("source_file"),
    PositionEntry: attrgetter("article.source_file"),
    ChronologyEntry: _chronology_summary,
}
"""How `_shallow_of` sums up the records that fill lists, looked up by type: at 10,000
articles the lists hold hundreds of thousands of items."""


def _item_summary(item: object, memo: dict[int, object] | None) -> object:
    summary = _RECORD_SUMMARIES.get(type(item))
    return summary(item) if summary else _shallow(item, memo)


def _stamp_of(folder: Path) -> object:
    return tuple(
        sorted((str(path), *_stat(path)) for path in folder.rglob("*") if path.is_file()),
    )


def _stat(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size
