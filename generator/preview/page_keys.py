"""A page's key: its context summed up, to tell whether what a page lists changed.

A page that reads no touched record may still need rendering again: page 3 of 2025 lists
other articles after an article was added, a briefing index has one more page. Each page's
context is summed up in a key (the records it lists, in order, and the plain values) and
compared with the last generation's.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from generator.linked.model import ArticleEntry, ChronologyEntry, Entity, PositionEntry, PositionMatrix, Stance
from generator.pages.contexts import PageContext
from generator.pages.paging import Pager, Part
from generator.pages.specs import PageSpec
from generator.pages.themes import Tag


def page_key(spec: PageSpec, memo: dict[int, object]) -> object:
    """Sum up a page: its template and its context.

    `memo` remembers containers already summed up: every article page shares one map of
    themes, which is summed up once.
    """
    return (spec.template, _shallow(spec.context, memo))


def _shallow(value: object, memo: dict[int, object] | None = None) -> object:
    if isinstance(value, (dict, list, PageContext)) and memo is not None:
        if id(value) not in memo:
            memo[id(value)] = _shallow_of(value, memo)
        return memo[id(value)]
    return _shallow_of(value, memo)


def _shallow_of(value: object, memo: dict[int, object] | None) -> object:
    if isinstance(value, (Entity, ArticleEntry)):
        return value.source_file
    if isinstance(value, ChronologyEntry):
        return _chronology_summary(value)
    if isinstance(value, Stance):
        return (value.actor.source_file, value.initiative.source_file, value.role, _shallow(value.positions, memo))
    if isinstance(value, PositionEntry):
        return value.article.source_file
    if isinstance(value, PositionMatrix):
        return (_shallow(value.initiatives, memo), _shallow(value.rows, memo))
    if isinstance(value, Tag):
        return (value.slug, value.name, len(value.articles), value.spellings)
    if isinstance(value, PageContext):  # its variables' dict is made for the call: summed up, never memoised
        variables = value.variables().items()
        return (type(value).__name__, tuple(sorted((key, _shallow(item, memo)) for key, item in variables)))
    if isinstance(value, dict):
        return tuple(sorted((key, _shallow(item, memo)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        kinds = set(map(type, value))
        summary = _RECORD_SUMMARIES.get(kinds.pop()) if len(kinds) == 1 else None
        if summary:  # a list of records of one kind, the usual case: summed up without a Python loop
            return tuple(map(summary, value))
        return tuple(_item_summary(item, memo) for item in value)
    if value is None or isinstance(value, (str, int, float, bool, Pager, Part)):
        return value
    return object()  # anything else: never equal, always rendered again


def _chronology_summary(entry: ChronologyEntry) -> object:
    return (entry.article.source_file, entry.date.sort_key, entry.event.name if entry.event else None)


_RECORD_SUMMARIES: dict[type, Callable[[Any], object]] = {
    ArticleEntry: attrgetter("source_file"),
    Entity: attrgetter("source_file"),
    PositionEntry: attrgetter("article.source_file"),
    ChronologyEntry: _chronology_summary,
}
"""How `_shallow_of` sums up the records that fill lists, looked up by type: at 10,000
articles the lists hold hundreds of thousands of items."""


def _item_summary(item: object, memo: dict[int, object] | None) -> object:
    summary = _RECORD_SUMMARIES.get(type(item))
    return summary(item) if summary else _shallow(item, memo)
