"""The conductor: read, validate, model, render, then (only if all succeeded) write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.content.drafts import DraftStatus, set_drafts_aside
from generator.content.errors import ContentError, Problem
from generator.content.link import build_site
from generator.content.model import Site
from generator.content.read import SourceDocument, read_content
from generator.content.validate import ValidRecord, validate_documents
from generator.gc_pause import cycle_collection_paused
from generator.output.feeds import render_feeds
from generator.output.markup import render_editor_texts
from generator.output.open_data import render_open_data
from generator.output.render import render_site
from generator.output.site_settings import SiteSettings
from generator.output.write import WriteReport, write_pages


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
class LinkedContent:
    """The linked site, with the documents it was read from (which know every field's line)."""

    site: Site
    documents: dict[str, SourceDocument]
    """Each record file's document, by its path as reported (content/countries/kz.md)."""
    drafts: list[DraftStatus]
    """Draft articles set aside, with what each still lacks."""


def load_site(content_dir: Path) -> Site:
    """Read, validate and link all records but drafts; raise ContentError listing every problem."""
    return load_content(content_dir).site


def load_content(content_dir: Path) -> LinkedContent:
    """Like `load_site`, keeping the documents so later checks can name lines."""
    with cycle_collection_paused():
        documents, read_problems = read_content(content_dir)
        documents, drafts = set_drafts_aside(documents)
        records, schema_problems = validate_documents(documents)
        site = link_site(records, read_problems + schema_problems)
    site.drafts = [str(draft) for draft in drafts]
    return LinkedContent(site, {document.path: document for document in documents}, drafts)


def link_site(records: list[ValidRecord], problems: list[Problem]) -> Site:
    """Link the valid records; raise ContentError with `problems` and the linker's own, if any."""
    unreadable = frozenset(PurePosixPath(problem.path).stem.lower() for problem in problems)
    try:
        site = build_site(records, unreadable)
    except ContentError as error:
        raise ContentError(problems + error.problems) from None
    if problems:
        raise ContentError(problems)
    return site


def generate(
    content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
) -> WriteReport:
    """Generate the briefing pages, feeds and data files of `content_dir` into `docs_dir`."""
    with cycle_collection_paused():  # from reading to writing: gc_pause.py says why
        return write_site(load_site(content_dir), content_dir, templates_dir, docs_dir, settings)


def write_site(
    site: Site, content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
) -> WriteReport:
    """Render `site`'s pages, feeds and data files into `docs_dir`; never write into the content or templates."""
    settings = settings or SiteSettings()
    render_editor_texts([article.summary for article in site.articles] + [entity.overview for entity in site.entities])
    files = {**render_site(site, templates_dir, settings), **render_feeds(site, settings), **render_open_data(site)}
    report = write_pages(files, docs_dir, protected=[content_dir, templates_dir])
    report.drafts = site.drafts
    return report
