"""What each template is given: one typed context per kind of page, no ambient variables.

A template sees the fields of its page's context, and three variables every page has
(`render.PageVariables`: the page's path, its folder and the site). Anything else it shows
comes from those by following links in the model; the section templates of the briefings
are macros that take the entity they show as an argument.

The live preview sums up each page's context to know when a page must be rendered again
(`preview/dependencies.py`): contexts hold records and plain values, nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from generator.linked.model import ArticleEntry, ChronologyEntry, Entity, PositionMatrix
from generator.pages.paging import Pager, Part
from generator.pages.themes import Tag


@dataclass(frozen=True, eq=False)
class PageContext:
    """The base of every page's context."""

    def variables(self) -> dict[str, Any]:
        """The template variables: one per field."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


@dataclass(frozen=True, eq=False)
class HomeContext(PageContext):
    latest: list[ArticleEntry]
    """The newest articles, by publication date: each once, however many events it reports."""


@dataclass(frozen=True, eq=False)
class ArticleListContext(PageContext):
    """A page of the articles index: `articles/index.md`, `articles/2025.md`, `articles/2025/2.md`."""

    rows: Sequence[ArticleEntry]
    years: list[Part]
    year: int | None
    pager: Pager | None


@dataclass(frozen=True, eq=False)
class ChronologyContext(PageContext):
    """A page of the site's chronology, split like the articles index."""

    rows: Sequence[ChronologyEntry]
    years: list[Part]
    year: int | None
    pager: Pager | None


@dataclass(frozen=True, eq=False)
class ThemesContext(PageContext):
    """The themes page: every theme, with its articles listed there unless each has a page (`split`)."""

    tags: list[Tag]
    split: bool


@dataclass(frozen=True, eq=False)
class ThemeContext(PageContext):
    """A page of one theme's articles."""

    tag: Tag
    rows: Sequence[ArticleEntry]
    pager: Pager | None


@dataclass(frozen=True, eq=False)
class PositionsContext(PageContext):
    """The positions matrix, and how many initiatives and actors the full one would have."""

    matrix: PositionMatrix
    totals: dict[str, int]


@dataclass(frozen=True, eq=False)
class EntityIndexContext(PageContext):
    """A page of the country, organisation, initiative or person index."""

    entities: Sequence[Entity]
    total: int
    pager: Pager | None


@dataclass(frozen=True, eq=False)
class AboutEntityContext(PageContext):
    """A page about one entity: its briefing, or a page of its full chronology."""

    entity: Entity


@dataclass(frozen=True, eq=False)
class BriefingContext(AboutEntityContext):
    """A country, organisation, initiative or person briefing."""


@dataclass(frozen=True, eq=False)
class EntityChronologyContext(AboutEntityContext):
    """A page of a briefing's full chronology."""

    total: int
    rows: Sequence[ChronologyEntry]
    pager: Pager | None


@dataclass(frozen=True, eq=False)
class MapContext(PageContext):
    """An initiative's world map, an SVG file (output/world_map.py)."""

    initiative: Entity


@dataclass(frozen=True, eq=False)
class ArticleContext(PageContext):
    """An article's page, with where each of its themes is listed."""

    article: ArticleEntry
    themes: dict[str, str]


@dataclass(frozen=True, eq=False)
class ChangesContext(PageContext):
    """The "Nouveautés" page: it shows the site's changes (history/changes.py)."""


@dataclass(frozen=True, eq=False)
class MethodologyContext(PageContext):
    """The methodology page: all it shows comes from the site."""


@dataclass(frozen=True, eq=False)
class DataContext(PageContext):
    """The open-data page, with the data files' paths."""

    files: dict[str, str]
