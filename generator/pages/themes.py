"""Themes: the articles grouped by their tags, on one themes page or a page each.

Editors write tags freely ("Santé", "santé"); spellings that slugify alike are one theme,
named as first seen in French order. While every theme's articles fit on one page, the
themes page lists them all, each under its own heading; beyond that each theme gets a
(paginated) page of its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from slugify import slugify

from generator.linked.model import ArticleEntry, Site
from generator.linked.model import sort_key as french_sort_key
from generator.pages.paging import PAGE_SIZE


@dataclass(frozen=True)
class Tag:
    """A theme, its page and its articles (newest first)."""

    name: str
    slug: str
    articles: list[ArticleEntry]
    spellings: frozenset[str]
    """Every way editors wrote it ("Santé", "santé")."""


def tags_of(site: Site) -> list[Tag]:
    """Group the articles by theme; spellings that slugify alike are one theme, named as first seen."""
    spellings: dict[str, set[str]] = {}
    members: dict[str, list[ArticleEntry]] = {}
    for article in site.articles:
        for name in article.record.tags:
            slug = _tag_slug(name)
            spellings.setdefault(slug, set()).add(name)
            if not members.setdefault(slug, []) or members[slug][-1] is not article:
                members[slug].append(article)
    names = {slug: min(names) for slug, names in spellings.items()}
    ordered = sorted(names, key=lambda slug: (french_sort_key(names[slug]), slug))
    return [Tag(names[slug], slug, members[slug], frozenset(spellings[slug])) for slug in ordered]


@functools.cache
def _tag_slug(name: str) -> str:
    return str(slugify(name)) or "theme"


def themes_split(tags: list[Tag]) -> bool:
    """Whether the themes get a page each: only when one page cannot list them all."""
    return sum(len(tag.articles) for tag in tags) > PAGE_SIZE


def tag_page(tag: Tag, split: bool) -> str:
    """Where a theme's articles are listed: its own page, or its section of the themes page."""
    return f"themes/{tag.slug}.md" if split else f"themes.md#{tag.slug}"


def theme_pages(tags: list[Tag]) -> dict[str, str]:
    """Map every spelling of every theme to where its articles are listed."""
    split = themes_split(tags)
    return {name: tag_page(tag, split) for tag in tags for name in tag.spellings}
