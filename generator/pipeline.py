"""The conductor: read, validate, model, render, then (only if all succeeded) write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError, Problem
from generator.link import build_site
from generator.model import Site
from generator.read import read_content
from generator.render import render_site
from generator.validate import ValidRecord, validate_documents
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


def load_site(content_dir: Path) -> Site:
    """Read, validate and link all records; raise ContentError listing every problem."""
    documents, read_problems = read_content(content_dir)
    records, schema_problems = validate_documents(documents)
    return link_site(records, read_problems + schema_problems)


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


def generate(content_dir: Path, templates_dir: Path, docs_dir: Path) -> WriteReport:
    """Generate the briefing pages of `content_dir` into `docs_dir`."""
    pages = render_site(load_site(content_dir), templates_dir)
    return write_pages(pages, docs_dir, protected=[content_dir, templates_dir])
