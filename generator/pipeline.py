"""The conductor: the one function that runs the stages, in order.

    read (and the content's git history) → set drafts aside → validate → link → date the changes
         → list pages (one address, one page)
         → render pages, feeds, data files → write

`generate` is what `briefings generate`, `mkdocs build`, `mkdocs serve` and `gh-deploy`
run (the last three through the MkDocs plugin); `plan` is its first half, which `briefings
check` runs. Nothing is written unless every stage before `write` succeeded, so a bad edit
never replaces the last good pages.

A first build hands `run` a `PageStream`: once the pages are listed, it is told every file
the generation will write, then given each page as soon as it is rendered, in the order it
asks for, so that MkDocs converts pages while the next are rendered
(generator/mkdocs/generation_alongside.py). The files are still written only at the end.

How each stage is done is a `Steps` object's business, not the conductor's, as MkDocs'
one `build()` takes a `dirty` flag rather than having a second code path: `Steps` does
every stage from scratch; the live preview's `Session` (generator/preview/session.py) is a
`Steps` that remembers the last run and redoes only what an edit touched. The order of the
stages, and what each hands to the next, live here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from generator.content.drafts import DraftStatus, set_drafts_aside
from generator.content.errors import ContentError, Problem
from generator.content.read import SourceDocument, read_content
from generator.content.validate import ValidRecord, validate_documents
from generator.gc_pause import cycle_collection_paused
from generator.history.changes import attach_changes
from generator.history.commits import History, read_history
from generator.linked.link import build_site
from generator.linked.model import Site
from generator.output.feeds import feed_paths, render_feeds
from generator.output.link_check import check_links
from generator.output.markup import render_editor_texts
from generator.output.open_data import data_paths, render_open_data
from generator.output.render import PageRendered, make_environment, render_pages
from generator.output.site_settings import SiteSettings
from generator.output.write import WriteReport, write_pages
from generator.pages.addresses import check_addresses
from generator.pages.specs import PageSpec, page_specs


@dataclass(frozen=True)
class Project:
    """Where a project keeps its content, its templates and its generated pages."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "site_config" / "templates"

    @property
    def docs(self) -> Path:
        return self.root / "build" / "docs"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"


@dataclass(frozen=True)
class Inputs:
    """What one generation reads and where it writes."""

    content: Path
    templates: Path
    docs: Path
    settings: SiteSettings = field(default_factory=SiteSettings)


@dataclass
class Rendered:
    """What the render stage made, for the write stage."""

    files: dict[str, str]
    """Pages, feeds and data files rendered this time, by path in the docs folder."""
    kept: list[str] = field(default_factory=list)
    """Files not rendered again because they are known to be in the docs folder, unchanged."""
    complete_listing: bool = False
    """Whether `files` and `kept` are known to be exactly what the folder holds, so there is nothing to remove."""


class PageStream(Protocol):
    """Where a generation's pages go as soon as they are rendered, before anything is written."""

    def order(self, path: str) -> tuple[tuple[int, bool, str], ...]:
        """The sort key of a page's path: pages are rendered in this order."""

    def listed(self, paths: list[str], page_sources: Mapping[str, str]) -> None:
        """Every file the generation will write (pages, drawings, feeds, data files), and each page's record."""

    def rendered(self, path: str, text: str) -> None:
        """One page or drawing rendered, in the order of `order` (the feeds and data files are not streamed)."""


class Steps:
    """Each stage, done from scratch. The preview's Session overrides each with a remembering version."""

    def begin(self, inputs: Inputs) -> None:
        """Called before reading; a remembering version looks at what changed outside the content."""

    def read(self, content: Path) -> tuple[list[SourceDocument], list[Problem]]:
        return read_content(content)

    def history(self, content: Path) -> History | None:
        """When each record file and article item came into the repository; None outside a git checkout."""
        return read_history(content)

    def validate(self, documents: list[SourceDocument]) -> tuple[list[ValidRecord], list[Problem]]:
        return validate_documents(documents)

    def link(self, records: list[ValidRecord], problems: list[Problem], drafted: frozenset[str]) -> Site:
        return link_site(records, problems, drafted)

    def attach_changes(self, site: Site, history: History | None) -> None:
        """Date what each article brought, for the "Nouveautés" lists (history/changes.py)."""
        attach_changes(site, history)

    def list_pages(self, site: Site) -> list[PageSpec]:
        return page_specs(site)

    def render(self, site: Site, pages: list[PageSpec], inputs: Inputs, done: PageRendered | None = None) -> Rendered:
        """Render every page (each told to `done` as soon as it is), then the feeds and data files."""
        settings = inputs.settings
        render_editor_texts(
            [article.summary for article in site.articles] + [entity.overview for entity in site.entities]
        )
        environment = make_environment(inputs.templates, settings)
        files = render_pages(environment, site, pages, done)
        return Rendered({**files, **render_feeds(site, settings), **render_open_data(site)})

    def write(self, rendered: Rendered, inputs: Inputs) -> WriteReport:
        return write_pages(
            rendered.files,
            inputs.docs,
            protected=[inputs.content, inputs.templates],
            kept=rendered.kept,
            sweep=not rendered.complete_listing,
        )

    def end(self, site: Site, pages: list[PageSpec]) -> None:
        """Called once the pages are written; a remembering version keeps what it learnt."""


@dataclass
class Plan:
    """The linked site and its pages, before anything is rendered."""

    site: Site
    pages: list[PageSpec]
    documents: dict[str, SourceDocument]
    """Each published record's document, by its path as reported (content/countries/kz.md): it knows
    every field's line, for `check`'s warnings."""
    drafts: list[DraftStatus]
    """Draft articles and registry entries set aside, with what each still lacks."""


@dataclass
class Generation:
    """What a generation produced: the site it linked and what writing it changed."""

    site: Site
    report: WriteReport


def plan(content: Path, steps: Steps | None = None) -> Plan:
    """Read, validate and link the records, and list the pages; raise ContentError listing every problem."""
    steps = steps or Steps()
    with cycle_collection_paused():  # from reading to writing: gc_pause.py says why
        documents, read_problems = steps.read(content)
        history = steps.history(content)
        documents, drafts = set_drafts_aside(documents)
        records, schema_problems = steps.validate(documents)
        site = steps.link(records, read_problems + schema_problems, frozenset(draft.path for draft in drafts))
        site.drafts = [str(draft) for draft in drafts]
        steps.attach_changes(site, history)
        pages = steps.list_pages(site)
        check_addresses(pages)
    return Plan(site, pages, {document.path: document for document in documents}, drafts)


def run(inputs: Inputs, steps: Steps | None = None, stream: PageStream | None = None) -> Generation:
    """Every stage: generate the pages, feeds and data files of `inputs.content` into `inputs.docs`.

    With a `stream`, each page also goes there as soon as it is rendered (see the module's docstring).
    """
    steps = steps or Steps()
    steps.begin(inputs)
    with cycle_collection_paused():
        planned = plan(inputs.content, steps)
        pages = planned.pages
        if stream is not None:
            pages = sorted(pages, key=lambda spec: stream.order(spec.path))
            listed = [spec.path for spec in pages]
            listed += feed_paths(planned.site, inputs.settings) + data_paths(planned.site)
            stream.listed(listed, planned.site.page_sources)
        rendered = steps.render(planned.site, pages, inputs, None if stream is None else stream.rendered)
        if stream is not None:
            _check_listing(listed, rendered)
        check_links(rendered.files, rendered.kept)  # what MkDocs no longer checks: link_check.py
        report = steps.write(rendered, inputs)
        report.drafts = planned.site.drafts
        steps.end(planned.site, planned.pages)
    return Generation(planned.site, report)


def _check_listing(listed: list[str], rendered: Rendered) -> None:
    """The files rendered must be those a stream was told of: a build had listed them for MkDocs."""
    made = set(rendered.files) | set(rendered.kept)
    if made != set(listed):
        unlisted, missing = sorted(made - set(listed)), sorted(set(listed) - made)
        raise RuntimeError(f"the generator rendered files it had not listed {unlisted[:5]}, or not those {missing[:5]}")


def generate(
    content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
) -> WriteReport:
    """Generate from scratch (`run` with the default steps); return what the write changed."""
    return run(Inputs(content_dir, templates_dir, docs_dir, settings or SiteSettings())).report


def load_site(content_dir: Path) -> Site:
    """Read, validate and link all records but drafts; raise ContentError listing every problem."""
    return plan(content_dir).site


def link_site(records: list[ValidRecord], problems: list[Problem], drafted: frozenset[str] = frozenset()) -> Site:
    """Link the valid records; raise ContentError with `problems` and the linker's own, if any.

    `drafted`: the paths of the draft registry entries set aside (see build_site).
    """
    unreadable = frozenset(PurePosixPath(problem.path).stem.lower() for problem in problems)
    try:
        site = build_site(records, unreadable, drafted)
    except ContentError as error:
        raise ContentError(problems + error.problems) from None
    if problems:
        raise ContentError(problems)
    return site
