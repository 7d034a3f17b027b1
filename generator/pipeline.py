"""The conductor: read, validate, model, render, then (only if all succeeded) write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError
from generator.feeds import render_feeds
from generator.link import build_site
from generator.model import Site
from generator.open_data import render_open_data
from generator.read import read_content
from generator.render import render_site
from generator.site_settings import SiteSettings
from generator.validate import validate_documents
from generator.write import WriteReport, write_pages


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


def load_site(content_dir: Path) -> Site:
    """Read, validate and link all records; raise ContentError listing every problem."""
    documents, read_problems = read_content(content_dir)
    records, schema_problems = validate_documents(documents)
    unreadable = frozenset(PurePosixPath(problem.path).stem.lower() for problem in read_problems + schema_problems)
    try:
        site = build_site(records, unreadable)
    except ContentError as error:
        raise ContentError(read_problems + schema_problems + error.problems) from None
    if read_problems or schema_problems:
        raise ContentError(read_problems + schema_problems)
    return site


def generate(
    content_dir: Path, templates_dir: Path, docs_dir: Path, settings: SiteSettings | None = None
) -> WriteReport:
    """Generate the briefing pages, feeds and data files of `content_dir` into `docs_dir`."""
    settings = settings or SiteSettings()
    site = load_site(content_dir)
    files = {**render_site(site, templates_dir, settings), **render_feeds(site, settings), **render_open_data(site)}
    return write_pages(files, docs_dir, protected=[content_dir, templates_dir])
