"""Index pages that stay small however large the site grows: split by year, tag and page.

A desk adding twenty articles a day has 10,000 of them in two years; one page listing
them all would weigh megabytes. Lists longer than a page are therefore split: articles and
the chronology by year, then into pages of `PAGE_SIZE` rows; themes into one page per tag;
the briefing indexes into pages of `ENTITY_PAGE_SIZE` rows; and a briefing whose chronology
is long links to its own paginated chronology. A list that fits on one page stays on one
page, so a small site looks exactly as it did. Every paginated page carries a `Pager`: the
links to the previous, next, first and last pages and to a few around the current one.

Page paths avoid the ids of records: the pages after the first are numbered
(`articles/2025/2.md`), and numeric ids are refused by the linker.
"""

from __future__ import annotations

import functools
import posixpath
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any, TypeVar

from slugify import slugify

from generator.content.model import (
    FOLDER_OF_KIND,
    ArticleEntry,
    ChronologyEntry,
    Entity,
    PositionMatrix,
    Site,
    Stance,
    by_name,
    group_stances,
    role_rank,
)
from generator.content.model import sort_key as french_sort_key

PAGE_SIZE = 50
"""Rows per page of the article lists, the chronologies and the theme pages."""
ENTITY_PAGE_SIZE = 100
"""Rows per page of the country, organisation, initiative and person indexes."""
LATEST = 15
"""Entries a list's front page shows when the list goes on in pages of its own."""
MATRIX_INITIATIVES = 6
MATRIX_ACTORS = 20
"""The positions matrix keeps the most discussed initiatives and the most active actors."""
BRIEFING_LIMITS = {
    "chronology": LATEST,
    "sources": LATEST,
    "statements": 10,
    "figures": 10,
    "stances": 20,
    "stance_sources": 2,
    "people": 30,
    "initiatives": 12,
}
"""How many rows each section of a briefing shows; the full chronology has pages of its own."""

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where a page sits in a paginated list, and the links to its neighbours."""

    paths: tuple[str, ...]
    """Every page of the list, in order."""
    index: int
    """This page's position in `paths`, from 0."""

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str | None:
        return self.paths[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.index + 1] if self.index + 1 < len(self.paths) else None

    @property
    def window(self) -> list[tuple[int, str] | None]:
        """Page numbers to show: the first, the last and two on each side; None marks a gap."""
        shown = sorted({0, self.count - 1, *range(max(0, self.index - 2), min(self.count, self.index + 3))})
        window: list[tuple[int, str] | None] = []
        for position, page in enumerate(shown):
            if position and page - shown[position - 1] > 1:
                window.append(None)
            window.append((page + 1, self.paths[page]))
        return window


@dataclass(frozen=True)
class Part:
    """A link to one part of a split list: a year, a tag, a letter range."""

    label: str
    path: str
    count: int


@dataclass(frozen=True)
class Tag:
    """A theme, its page and its articles (newest first)."""

    name: str
    slug: str
    articles: list[ArticleEntry]
    spellings: frozenset[str]
    """Every way editors wrote it ("Santé", "santé")."""


def numbered_paths(first: str, count: int) -> tuple[str, ...]:
    """Paths of a list's pages: `articles/2025.md`, `articles/2025/2.md`, …; `pays/index.md`, `pays/2.md`, …"""
    folder = posixpath.dirname(first) if first.endswith("/index.md") or first == "index.md" else first[:-3]
    return (first, *(posixpath.join(folder, f"{number}.md") for number in range(2, count + 1)))


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def paginated(
    first: str, template: str, items: Sequence[T], size: int, context: dict[str, Any], key: str = "rows"
) -> list[tuple[str, str, dict[str, Any]]]:
    """Split `items` into pages; return (path, template, context) for each page."""
    pieces = chunks(items, size)
    paths = numbered_paths(first, len(pieces))
    return [
        (path, template, {**context, key: piece, "pager": Pager(paths, index) if len(paths) > 1 else None})
        for index, (path, piece) in enumerate(zip(paths, pieces, strict=True))
    ]


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
    return f"etiquettes/{tag.slug}.md" if split else f"etiquettes.md#{tag.slug}"


def theme_pages(tags: list[Tag]) -> dict[str, str]:
    """Map every spelling of every theme to where its articles are listed."""
    split = themes_split(tags)
    return {name: tag_page(tag, split) for tag in tags for name in tag.spellings}


def top_matrix(site: Site) -> tuple[PositionMatrix, dict[str, int]]:
    """The positions matrix, kept to the initiatives with the most actors and the busiest actors on them.

    Returns the matrix and how many initiatives and actors the full one would have. A
    matrix within the limits is the whole one (`Site.matrix`); a larger one is never
    built, since 250 actors × 300 initiatives would be 75,000 cells.
    """
    stances = group_stances(sorted(site.positions, key=role_rank))
    cells: dict[tuple[Entity, Entity], list[Stance]] = {}
    for stance in stances:
        cells.setdefault((stance.actor, stance.initiative), []).append(stance)
    actors, initiatives = by_name({actor for actor, _ in cells}), by_name({initiative for _, initiative in cells})
    totals = {"initiatives": len(initiatives), "actors": len(actors)}
    if len(initiatives) > MATRIX_INITIATIVES or len(actors) > MATRIX_ACTORS:
        reach = Counter(initiative for _, initiative in cells)
        kept = set(sorted(initiatives, key=lambda initiative: -reach[initiative])[:MATRIX_INITIATIVES])
        initiatives = [initiative for initiative in initiatives if initiative in kept]
        activity = Counter(actor for actor, initiative in cells if initiative in kept)
        busiest = set(sorted(activity, key=lambda actor: (-activity[actor], actors.index(actor)))[:MATRIX_ACTORS])
        actors = [actor for actor in actors if actor in busiest]
    rows = [(actor, [cells.get((actor, initiative), []) for initiative in initiatives]) for actor in actors]
    return PositionMatrix(initiatives, rows), totals


def entity_chronology_page(entity: Entity) -> str:
    """The first page of a briefing's full chronology: `pays/kz/chronologie.md`."""
    return f"{FOLDER_OF_KIND[entity.kind]}/{entity.id.lower()}/chronologie.md"


def list_specs(site: Site) -> list[tuple[str, str, dict[str, Any]]]:
    """Every index page of the site: (path, template, context), in a fixed order."""
    specs: list[tuple[str, str, dict[str, Any]]] = []
    specs += _split_by_year(
        site.articles, "articles/index.md", "articles", "articles_index.md.j2", lambda article: article.published.year
    )
    specs += _split_by_year(
        site.chronology, "chronologie.md", "chronologie", "chronology.md.j2", lambda entry: entry.date.year
    )
    tags = tags_of(site)
    split = themes_split(tags)
    specs.append(("etiquettes.md", "tags.md.j2", {"tags": tags, "split": split}))
    if split:
        for tag in tags:
            specs += paginated(tag_page(tag, True), "tag.md.j2", tag.articles, PAGE_SIZE, {"tag": tag})
    matrix, totals = top_matrix(site)
    specs.append(("positions.md", "positions.md.j2", {"matrix": matrix, "totals": totals}))
    for kind, entities in site.entities_by_kind:
        first = f"{FOLDER_OF_KIND[kind]}/index.md"
        specs += paginated(
            first, f"{kind}_index.md.j2", entities, ENTITY_PAGE_SIZE, {"total": len(entities)}, key="entities"
        )
        for entity in entities:
            chronology = entity.chronology
            if len(chronology) > LATEST:
                context = {"entity": entity, "total": len(chronology)}
                specs += paginated(
                    entity_chronology_page(entity), "entity_chronology.md.j2", chronology, PAGE_SIZE, context
                )
    return specs


def _split_by_year(
    items: Sequence[ArticleEntry] | Sequence[ChronologyEntry],
    first: str,
    folder: str,
    template: str,
    year_of: Callable[[Any], int],
) -> list[tuple[str, str, dict[str, Any]]]:
    """One page if everything fits; else a front page (years, latest rows) and pages per year."""
    if len(items) <= PAGE_SIZE:
        return [(first, template, {"rows": items, "years": [], "year": None, "pager": None})]
    years = [(year, list(rows)) for year, rows in groupby(items, key=year_of)]
    parts = [Part(str(year), f"{folder}/{year}.md", len(rows)) for year, rows in years]
    specs = [(first, template, {"rows": items[:LATEST], "years": parts, "year": None, "pager": None})]
    for year, rows in years:
        specs += paginated(f"{folder}/{year}.md", template, rows, PAGE_SIZE, {"years": parts, "year": year})
    return specs
