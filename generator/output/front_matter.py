"""Page metadata: each page's description and feed, written as its front matter.

Material turns `description` into `<meta name="description">`, and the theme override
(site_config/overrides/main.html) turns it and `feed` into Open Graph and Twitter card
tags and an Atom `<link rel="alternate">`, and an article page's `published` date into
Open Graph's `article` type and its `article:published_time`. Descriptions come from the page's own content:
a briefing's overview, an article's summary, otherwise the page's first paragraph (a
chronology's says whose it is, so that no two pages share one); all
plain text, cut at a word, because link previews and search results show about 160
characters. Templates may write front matter of their own (tags, hidden sidebars); it
is merged with these keys into one block.

`search_kind` and `search_date` say in search results what kind of page a result is
("pays", "article"…) and when an article was published; main.html gives them to Pagefind
as the page's metadata.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from generator.output.feeds import SITE_FEED, feed_path
from generator.output.helpers import format_any_date
from generator.output.markup import cut_at_word, plain_text
from generator.output.site_settings import SiteSettings
from generator.pages.contexts import (
    AboutEntityContext,
    ArticleContext,
    BriefingContext,
    EntityChronologyContext,
    PageContext,
    ThemeContext,
)
from generator.pages.paging import Pager

DESCRIPTION_LENGTH = 200
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)
KIND_IN_SEARCH = {"country": "pays", "organisation": "organisation", "initiative": "initiative", "person": "personne"}
"""What a briefing is, as a search result says it."""
_NOT_PROSE = re.compile(r"^\s*(?:#|\||[-*+] |\d+\. |!!!|<|\{|\[|>|`|---)")


def page_meta(page: str, context: PageContext, body: str, settings: SiteSettings) -> dict[str, Any]:
    """Return the front matter keys this module owns for one rendered page."""
    meta: dict[str, Any] = {"description": describe(context, body, settings)}
    if isinstance(context, ArticleContext):  # shared links to an article are dated: Open Graph's article type
        meta["published"] = context.article.published.iso
        meta["search_date"] = format_any_date(context.article.published)
    if kind := search_kind(context):
        meta["search_kind"] = kind
    feed = SITE_FEED if page == "index.md" else None
    if isinstance(context, AboutEntityContext):
        feed = feed_path(context.entity)
    if feed and settings.url:
        meta["feed"] = feed
    return meta


def search_kind(context: PageContext) -> str:
    """The kind of page a search result names: "pays", "article", "thème"…; "page" for the others."""
    if isinstance(context, BriefingContext):
        return KIND_IN_SEARCH[context.entity.kind]
    if isinstance(context, EntityChronologyContext):
        return f"chronologie ({KIND_IN_SEARCH[context.entity.kind]})"
    if isinstance(context, ArticleContext):
        return "article"
    if isinstance(context, ThemeContext):
        return "thème"
    return "page"


def describe(context: PageContext, body: str, settings: SiteSettings) -> str:
    """Describe a page in one plain-text line from its own content; a list's later pages say their number."""
    description = " ".join(_describe(context, body, settings).split())
    pager: Pager | None = getattr(context, "pager", None)  # the paginated lists' contexts have one
    if pager and pager.number > 1:
        description = f"{cut_at_word(description, DESCRIPTION_LENGTH - 10)} (page {pager.number})"
    return description


def _describe(context: PageContext, body: str, settings: SiteSettings) -> str:
    if isinstance(context, ArticleContext) and context.article.summary.strip():
        return plain_text(context.article.summary, DESCRIPTION_LENGTH)
    if isinstance(context, EntityChronologyContext):  # not the briefing's overview: two pages, two descriptions
        facts = f"{context.total} fait{'s' if context.total > 1 else ''} rapporté{'s' if context.total > 1 else ''}"
        return f"{context.entity.name} : chronologie de {facts} par les sources suivies, du plus récent au plus ancien."
    if isinstance(context, AboutEntityContext):
        entity = context.entity
        if entity.overview.strip():
            return plain_text(entity.overview, DESCRIPTION_LENGTH)
        return f"{entity.name} : positions, déclarations et sources sur la gouvernance internationale de l’IA."
    paragraph = first_paragraph(body)
    return plain_text(paragraph, DESCRIPTION_LENGTH) if paragraph else settings.description or settings.name


def first_paragraph(markdown_text: str) -> str:
    """Return the first block of prose of a page: not a heading, list, table, admonition or HTML."""
    text = _FRONT_MATTER.sub("", markdown_text, count=1)
    for block in re.split(r"\n\s*\n", text):
        if block.strip() and not _NOT_PROSE.match(block):
            return block
    return ""


def with_front_matter(text: str, meta: dict[str, Any]) -> str:
    """Put `meta` into the page's front matter, merged with what the template wrote there."""
    own: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        own = yaml.load(match["yaml"], Loader=_LOADER) or {}  # noqa: S506 - a safe loader
        text = text[match.end() :].lstrip("\n")
    merged = {**meta, **own}
    dumped = "\n".join(f"{key}: {_flow(merged[key])}" for key in sorted(merged))
    return f"---\n{dumped}\n---\n\n{text}"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NOT_YAML_PLAIN = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters JSON leaves as they are but YAML refuses (C1 controls) or reads as line breaks."""


def _flow(value: object) -> str:
    """Write a value as JSON, which YAML reads as flow style, and fast: every page has front matter.

    PyYAML's emitter is pure Python and cost a millisecond a page, more than rendering many pages.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _NOT_YAML_PLAIN.sub(lambda char: f"\\u{ord(char[0]):04x}", text)
