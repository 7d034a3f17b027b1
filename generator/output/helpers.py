"""The small pieces nearly every line of a page repeats, written in Python.

A link to a briefing or an article, a source, a date or a dash: at 10,000 articles the
site holds hundreds of thousands of them, and a Jinja macro call costs several times a
Python call. Links are HTML with the address MkDocs would have written for a `.md` link
(`href`): they sit in raw HTML blocks, which Python-Markdown passes through without
running its inline patterns, and which MkDocs neither rewrites nor checks, so the
generator checks them (link_check.py). Each helper reads the model through the environment's `getattr`, like a
template does, so the live preview still learns which records a page depends on
(`preview/recording.py`).
"""

from __future__ import annotations

import datetime as dt
import functools

from jinja2 import pass_context
from jinja2.runtime import Context

from generator.content.dates import PartialDate, french_date
from generator.linked.model import ArticleEntry, Entity
from generator.output.markup import escape_html, html_inline, markdown_url
from generator.output.provenance import Outlet, SourceMix
from generator.output.provenance import source_mix as sum_up_outlets
from generator.output.site_settings import page_url


@pass_context
def link(context: Context, target: Entity | ArticleEntry | str) -> str:
    """Return the relative link from the page being rendered to `target`'s page, for a Markdown link."""
    page = target if isinstance(target, str) else target.page
    return _relative(page, context["page_folder"])


@pass_context
def href(context: Context, target: Entity | ArticleEntry | str) -> str:
    """The relative URL from the page being rendered to `target`, for raw HTML and SVG.

    MkDocs rewrites the `.md` links of Markdown only; a link inside an HTML block or an SVG
    file must already be the address MkDocs serves (directory URLs), relative so the site
    works under any sub-path. A target may name an anchor ("themes.md#climat").
    """
    page, hash_, anchor = (target if isinstance(target, str) else target.page).partition("#")
    return _relative_url(page_url(page), page_url(context["page_path"])) + hash_ + anchor


@pass_context
def a(context: Context, target: Entity | ArticleEntry, text: str | None = None) -> str:
    """An HTML link to `target`'s page, showing `text` or its name."""
    shown = context.environment.getattr(target, "name") if text is None else text
    return f'<a href="{escape_html(href(context, target))}">{html_inline(shown)}</a>'


@pass_context
def source_link(context: Context, article: ArticleEntry) -> str:
    """Publisher and date, linking to our page on the article."""
    publisher = html_inline(context.environment.getattr(article, "record").source.publisher)
    return f'<a href="{escape_html(href(context, article))}">{publisher}, {format_any_date(article.published)}</a>'


@pass_context
def original_link(context: Context, article: ArticleEntry) -> str:
    """A link to the original article, or nothing when its address was not kept."""
    url = context.environment.getattr(article, "record").source.url
    return f'<a href="{external_url(url)}">original ↗</a>' if url else ""


def external_url(url: object) -> str:
    """An address outside the site as an href attribute: what a Markdown link to it would have given."""
    return escape_html(markdown_url(url))


@pass_context
def source_mix(context: Context, entity: Entity) -> SourceMix:
    """Where the articles of a briefing come from: each article's outlet, by its kind and country."""
    getattr_ = context.environment.getattr
    outlets: list[Outlet] = []
    for article in getattr_(entity, "articles"):
        publisher = getattr_(article, "publisher")
        record = getattr_(publisher, "record") if publisher is not None else None
        outlets.append((record.kind, record.country) if record is not None else (None, None))
    return sum_up_outlets(outlets)


def date_or_dash(value: PartialDate | dt.date | None) -> str:
    """A date in French, or a dash in a table cell where the source gives none."""
    return format_any_date(value) if value else "—"


@functools.lru_cache(maxsize=4_096)
def format_any_date(value: PartialDate | dt.date) -> str:
    """Format a partial or full date in French (Babel is slow and dates recur)."""
    return value.french() if isinstance(value, PartialDate) else french_date(value)


@functools.lru_cache(maxsize=65_536)
def _relative(page: str, folder: str) -> str:
    """posixpath.relpath for two paths inside the docs folder, remembered.

    Both are relative and normalised, so this skips relpath's `abspath` (a `getcwd` call
    per link, which made linking a tenth of the rendering time).
    """
    start = [] if folder == "." else folder.split("/")
    parts = page.split("/")
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


@functools.lru_cache(maxsize=65_536)
def _relative_url(target: str, current: str) -> str:
    """The URL of `target` relative to the page served at `current` (both site-relative): `_relative`
    from the folder that page is served in, "./" for that folder itself."""
    folder = current if current.endswith("/") or not current else current.rsplit("/", 1)[0] + "/"
    relative = _relative(target, folder.strip("/") or ".")
    return "./" if relative == "." else relative
