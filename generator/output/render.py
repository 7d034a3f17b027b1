"""Stage 4, render: turn the linked Site into Markdown pages with Jinja2 templates.

Templates live in `site_config/templates/`, one per kind of page. Jinja runs with
`StrictUndefined`, so a misspelt variable fails the build instead of printing nothing.
Autoescaping is off: a page is Markdown headings around raw HTML blocks, so data goes
through the `text` filter (HTML content), `h` (an HTML attribute), `external` (an address
outside the site) or, in the Markdown lines, `md` (see `markup.py`); a test renders hostile
strings to check it.
"""

from __future__ import annotations

import functools
import os
import posixpath
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict

import yaml
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError

from generator.content.dates import french_on
from generator.content.errors import ContentError, Problem
from generator.linked.model import Site
from generator.output import helpers as render_helpers
from generator.output import labels, provenance, spreadsheets, world_map
from generator.output.feeds import feed_path
from generator.output.front_matter import page_meta, with_front_matter
from generator.output.markup import editor_html, escape_markdown, html_inline, html_text, markdown_url
from generator.output.open_data import POSITION_COLUMNS
from generator.output.site_settings import SiteSettings
from generator.output.timeline import timeline
from generator.pages.specs import BRIEFING_LIMITS, PageSpec, entity_chronology_page
from generator.parallel import map_in_order

PageRendered = Callable[[str, str], None]
"""Told of each page as soon as it is rendered: its path in the docs folder and its Markdown."""


class PageVariables(TypedDict):
    """What every template is given besides its page's context (pages/contexts.py)."""

    page_path: str
    """The page's path in the docs folder, e.g. pays/kz.md."""
    page_folder: str
    """The folder every link on the page is relative to ("." at the top)."""
    site: Site


def render_pages(
    environment: Environment, site: Site, specs: list[PageSpec], done: PageRendered | None = None
) -> dict[str, str]:
    """Render the pages of `specs` on every core; return {path in the docs folder: Markdown}.

    `done(path, text)` is told of each page as soon as it is rendered, in the order of `specs`.
    """
    report = None if done is None else lambda spec, text: done(spec.path, text)
    texts = map_in_order(functools.partial(render_page, environment, site), specs, done=report)
    return {spec.path: text for spec, text in zip(specs, texts, strict=True)}


def render_page(environment: Environment, site: Site, spec: PageSpec) -> str:
    """Render one page, with the front matter (description, feed) MkDocs and the theme read."""
    settings = environment.globals["settings"]
    assert isinstance(settings, SiteSettings)  # set by make_environment
    try:
        variables = PageVariables(page_path=spec.path, page_folder=posixpath.dirname(spec.path) or ".", site=site)
        body = environment.get_template(spec.template).render(**variables, **spec.context.variables())
    except TemplateError as error:
        # Reported like a content problem, so a bad template edit also keeps the last good pages.
        raise ContentError([template_problem(error)]) from None
    if not spec.path.endswith(".md"):
        return body  # a drawing (cartes/*.svg): no front matter
    return with_front_matter(body, page_meta(spec.path, spec.context, body, settings))


def template_problem(error: TemplateError) -> Problem:
    """Name the template file and line: from a syntax error, or from Jinja's rewritten traceback."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if filename is None:
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
        if frames:
            filename, line = frames[-1].filename, frames[-1].lineno
    shown = os.path.relpath(filename) if filename else "templates"
    return Problem(shown, line or 0, "", f"template error: {error.message}")


def make_environment(templates: Path, settings: SiteSettings, kind: type[Environment] = Environment) -> Environment:
    """Build the Jinja environment (of class `kind`) with the filters the templates rely on."""
    environment = kind(
        loader=FileSystemLoader(templates),
        undefined=StrictUndefined,
        autoescape=False,  # noqa: S701 - data is escaped by the `text`, `h`, `external` and `md` filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one run renders thousands of pages; templates do not change meanwhile
    )
    environment.filters.update(
        md=escape_markdown,
        h=html_text,
        text=html_inline,
        external=render_helpers.external_url,
        role_word=lambda role: labels.ROLE_LABELS[role],
        url=markdown_url,
        date=render_helpers.format_any_date,
        date_on=french_on,
        number=french_number,
        language_name=labels.language_name,
        editor_html=editor_html,
        yaml=front_matter,
    )
    environment.globals.update(
        link=render_helpers.link,
        a=render_helpers.a,
        href=render_helpers.href,
        timeline=timeline,
        map_page=world_map.map_page,
        map_countries=world_map.map_countries,
        map_background=world_map.background,
        map_height=world_map.map_height,
        map_width=world_map.WIDTH,
        role_symbol=lambda role: labels.ROLE_SYMBOLS[role],
        region_name=labels.region_name,
        organisations_region=labels.ORGANISATIONS_REGION,
        source_link=render_helpers.source_link,
        original_link=render_helpers.original_link,
        source_mix=render_helpers.source_mix,
        publisher_kinds=provenance.KIND_LABELS,
        country_name=labels.country_name,
        date_or_dash=render_helpers.date_or_dash,
        settings=settings,
        feed_path=lambda entity: feed_path(entity) if settings.url else None,
        absolute_url=settings.absolute,
        roles=labels.ROLE_LABELS,
        statuses=labels.STATUS_LABELS,
        position_columns=POSITION_COLUMNS,
        role_label=lambda role: labels.ROLE_LABELS[role],
        status_label=lambda status: labels.STATUS_LABELS[status],
        qualifier_label=lambda qualifier: labels.QUALIFIER_LABELS[qualifier],
        chronology_page=entity_chronology_page,
        limits=BRIEFING_LIMITS,
        briefing_tables=spreadsheets.briefing_tables,
        publishers_table=spreadsheets.PUBLISHERS_PATH,
    )
    return environment


@functools.lru_cache(maxsize=4_096)
def french_number(value: float) -> str:
    """Format a figure the French way (Babel is slow and figures recur in several briefings)."""
    return str(format_decimal(value, locale="fr"))


def front_matter(value: dict[str, Any]) -> str:
    """Dump page metadata as YAML, with libyaml's emitter where PyYAML has it."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=True, width=1000)).strip()
