"""The page list: every page of the site, where it goes, which template renders it, with what.

The order is fixed (home, indexes, what's new, methodology, data, briefings, articles), so the output
never depends on the order files were read in. Long lists are split (`paging.py`): the
articles and the chronology by year and then into pages; themes into a page each once they
outgrow one page (`themes.py`); the briefing indexes into pages; and a briefing whose
chronology is long links to its own paginated chronology.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from generator.content.kinds import KIND_NAMED
from generator.linked.model import ArticleEntry, ChronologyEntry, Entity, Site
from generator.output.world_map import has_map, map_page
from generator.pages.contexts import (
    ArticleContext,
    ArticleListContext,
    BriefingContext,
    ChangesContext,
    ChronologyContext,
    DataContext,
    EntityChronologyContext,
    EntityIndexContext,
    HomeContext,
    MapContext,
    MethodologyContext,
    PageContext,
    PositionsContext,
    ThemeContext,
    ThemesContext,
)
from generator.pages.matrix import top_matrix
from generator.pages.paging import ENTITY_PAGE_SIZE, PAGE_SIZE, Pager, Part, paginated
from generator.pages.themes import Tag, tag_page, tags_of, theme_pages, themes_split

LATEST_ON_HOME = 8
"""How many of the newest articles the home page shows."""
LATEST = 15
"""Entries a list's front page shows when the list goes on in pages of its own."""
BRIEFING_LIMITS = {
    "chronology": LATEST,
    "sources": LATEST,
    "statements": 10,
    "figures": 10,
    "stances": 20,
    "stance_sources": 2,
    "people": 30,
    "initiatives": 12,
    "visible": 5,
    "changes": 8,
    "site_changes": 100,
}
"""How many rows each section of a briefing shows (`visible` of them unfolded, the rest under
"Voir les N autres"); the full chronology has pages of its own."""
DATA_FILES = {"json": "donnees/briefings.json", "csv": "donnees/positions.csv"}
"""The open-data files, by format, in the docs folder (written by output/open_data.py)."""


@dataclass(frozen=True)
class PageSpec:
    """A page to render: where it goes, with which template and what data."""

    path: str
    template: str
    context: PageContext


def page_specs(site: Site) -> list[PageSpec]:
    """List every page of the site, in a fixed order."""
    specs = [PageSpec("index.md", "home.md.j2", HomeContext(site.articles[:LATEST_ON_HOME]))]
    specs += _index_specs(site)
    specs.append(PageSpec("nouveautes.md", "changes.md.j2", ChangesContext()))
    specs.append(PageSpec("methodologie.md", "methodology.md.j2", MethodologyContext()))
    specs.append(PageSpec("donnees/index.md", "data.md.j2", DataContext(dict(DATA_FILES))))
    for kind, entities in site.entities_by_kind:
        specs += [PageSpec(entity.page, f"{kind}.md.j2", BriefingContext(entity)) for entity in entities]
    specs += [PageSpec(map_page(item), "map.svg.j2", MapContext(item)) for item in site.initiatives if has_map(item)]
    themes = theme_pages(tags_of(site))
    specs += [PageSpec(article.page, "article.md.j2", ArticleContext(article, themes)) for article in site.articles]
    return specs


def entity_chronology_page(entity: Entity) -> str:
    """The first page of a briefing's full chronology: `pays/kz/chronologie.md`."""
    return f"{KIND_NAMED[entity.kind].site_folder}/{entity.id.lower()}/chronologie.md"


def _index_specs(site: Site) -> list[PageSpec]:
    """Every index page of the site, in a fixed order."""
    specs = _split_by_year(
        site.articles, "articles/index.md", "articles", "articles_index.md.j2", ArticleListContext, _published_year
    )
    specs += _split_by_year(
        site.chronology, "chronologie.md", "chronologie", "chronology.md.j2", ChronologyContext, _entry_year
    )
    tags = tags_of(site)
    split = themes_split(tags)
    specs.append(PageSpec("themes.md", "tags.md.j2", ThemesContext(tags, split)))
    if split:
        for tag in tags:
            tag_pages = paginated(tag_page(tag, True), tag.articles, PAGE_SIZE, _theme_context(tag))
            specs += [PageSpec(path, "tag.md.j2", context) for path, context in tag_pages]
    specs += stance_specs(site)
    for kind, entities in site.entities_by_kind:
        first = f"{KIND_NAMED[kind].site_folder}/index.md"
        index_pages = paginated(first, entities, ENTITY_PAGE_SIZE, _index_context(len(entities)))
        specs += [PageSpec(path, f"{kind}_index.md.j2", context) for path, context in index_pages]
        for entity in entities:
            chronology = entity.chronology
            if len(chronology) > LATEST:
                first_page = entity_chronology_page(entity)
                chronology_pages = paginated(first_page, chronology, PAGE_SIZE, _chronology_context(entity))
                specs += [PageSpec(path, "entity_chronology.md.j2", context) for path, context in chronology_pages]
    return specs


def stance_specs(site: Site) -> list[PageSpec]:
    """The pages whose context is made from every position's role and date: the positions matrix.

    The live preview lists them again, and them only, after an edit that changed only stances
    (linked/invalidation.py's `STANCE` fields); any page listing positions by their stance
    belongs here.
    """
    matrix, totals = top_matrix(site)
    return [PageSpec("positions.md", "positions.md.j2", PositionsContext(matrix, totals))]


def _theme_context(tag: Tag) -> Callable[[Sequence[ArticleEntry], Pager | None], ThemeContext]:
    return lambda rows, pager: ThemeContext(tag, rows, pager)


def _index_context(total: int) -> Callable[[Sequence[Entity], Pager | None], EntityIndexContext]:
    return lambda rows, pager: EntityIndexContext(rows, total, pager)


def _chronology_context(entity: Entity) -> Callable[[Sequence[ChronologyEntry], Pager | None], EntityChronologyContext]:
    return lambda rows, pager: EntityChronologyContext(entity, len(entity.chronology), rows, pager)


def _published_year(article: ArticleEntry) -> int:
    return article.published.year


def _entry_year(entry: ChronologyEntry) -> int:
    return entry.date.year


def _split_by_year(
    items: Sequence[Any],
    first: str,
    folder: str,
    template: str,
    context: type[ArticleListContext] | type[ChronologyContext],
    year_of: Callable[[Any], int],
) -> list[PageSpec]:
    """One page if everything fits; else a front page (years, latest rows) and pages per year."""
    if len(items) <= PAGE_SIZE:
        return [PageSpec(first, template, context(items, [], None, None))]
    years = [(year, list(rows)) for year, rows in groupby(items, key=year_of)]
    parts = [Part(str(year), f"{folder}/{year}.md", len(rows)) for year, rows in years]
    specs = [PageSpec(first, template, context(items[:LATEST], parts, None, None))]
    for year, rows in years:
        pages = paginated(f"{folder}/{year}.md", rows, PAGE_SIZE, _year_context(context, parts, year))
        specs += [PageSpec(path, template, page_context) for path, page_context in pages]
    return specs


def _year_context(
    context: type[ArticleListContext] | type[ChronologyContext], parts: list[Part], year: int
) -> Callable[[Sequence[Any], Pager | None], PageContext]:
    return lambda rows, pager: context(rows, parts, year, pager)
