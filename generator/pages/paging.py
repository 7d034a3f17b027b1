"""Lists that stay small however large the site grows: pages of rows, with links between them.

A desk adding twenty articles a day has 10,000 of them in two years; one page listing
them all would weigh megabytes. Lists longer than a page are therefore split into pages of
`PAGE_SIZE` rows (the briefing indexes: `ENTITY_PAGE_SIZE`). A list that fits on one page
stays on one page, so a small site looks exactly as it did. Every paginated page carries a
`Pager`: the links to the previous, next, first and last pages and to a few around it.

Page paths avoid the ids of records: the pages after the first are numbered
(`articles/2025/2.md`), and ids of digits only are refused by the linker.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

PAGE_SIZE = 50
"""Rows per page of the article lists, the chronologies and the theme pages."""
ENTITY_PAGE_SIZE = 100
"""Rows per page of the country, organisation, initiative and person indexes."""

T = TypeVar("T")
Context = TypeVar("Context")


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


def numbered_paths(first: str, count: int) -> tuple[str, ...]:
    """Paths of a list's pages: `articles/2025.md`, `articles/2025/2.md`, …; `pays/index.md`, `pays/2.md`, …"""
    folder = posixpath.dirname(first) if first.endswith("/index.md") or first == "index.md" else first[:-3]
    return (first, *(posixpath.join(folder, f"{number}.md") for number in range(2, count + 1)))


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def paginated(
    first: str, items: Sequence[T], size: int, context: Callable[[Sequence[T], Pager | None], Context]
) -> list[tuple[str, Context]]:
    """Split `items` into pages; return each page's path and the context `context(rows, pager)` makes."""
    pieces = chunks(items, size)
    paths = numbered_paths(first, len(pieces))
    return [
        (path, context(piece, Pager(paths, index) if len(paths) > 1 else None))
        for index, (path, piece) in enumerate(zip(paths, pieces, strict=True))
    ]
