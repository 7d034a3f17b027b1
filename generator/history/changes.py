"""What changed: the dated additions the "Nouveautés" page and each briefing's "Depuis le …" list show.

Each article is a change on the day it came into the content, with the positions,
statements and figures that came with it; one added to it later is a change of its own, on
the day of the commit that brought it; an article edited later without a new item is an
"update" on the day of its last edit. The days come from the repository's history
(history.py) when there is one; otherwise, and for what no commit holds yet, from the
records' own dates: the article's publication. Sorted newest first, then by article id
and order in the article, so the same content and history give the same lists.

The live preview attaches them again at every edit, over every article (a second of a
title edit at 10,000 articles): `ChangesMemo` keeps each article's changes for the next
generation, made again only for an article whose entry, record or history is not the
one they were made from.
"""

from __future__ import annotations

from generator.content.dates import PartialDate
from generator.content.schema import Article
from generator.history.commits import FileHistory, History, ItemKey, record_item_keys
from generator.linked.model import ArticleEntry, Change, Entity, FigureEntry, PositionEntry, QuoteEntry, Site

ItemKeys = tuple[list[ItemKey], list[ItemKey], list[ItemKey]]
ChangesMemo = dict[str, tuple[ArticleEntry, Article, FileHistory | None, list[Change], ItemKeys]]
"""Each article's changes by its record file, with the entry, record and history they were made from,
and the keys of its items (made from the record alone)."""


def attach_changes(site: Site, history: History | None, memo: ChangesMemo | None = None) -> None:
    """Set `site.changes` and every entity's `changes`, newest first (done again on every generation).

    `memo` keeps each article's changes from one call to the next (see the module's docstring).
    """
    memo = {} if memo is None else memo
    kept = dict(memo)
    memo.clear()
    changes: list[Change] = []
    for article in sorted(site.articles, key=lambda entry: entry.id):
        file_history = (history or {}).get(article.source_file)
        known = kept.get(article.source_file)
        if known is not None and known[1] is article.record:
            if known[0] is article and known[2] == file_history:
                memo[article.source_file] = known
                changes += known[3]
                continue
            keys = known[4]
        else:
            keys = record_item_keys(article.record)
        made = _changes_of(article, file_history, keys)
        memo[article.source_file] = (article, article.record, file_history, made, keys)
        changes += made
    changes.sort(key=lambda change: change.date.sort_key, reverse=True)
    site.changes = changes
    of_article: dict[ArticleEntry, list[Change]] = {}
    of_item: dict[int, Change] = {}
    rank = {id(change): index for index, change in enumerate(changes)}
    for change in changes:
        if change.item is None:
            of_article.setdefault(change.article, []).append(change)
        else:
            of_item[id(change.item)] = change
    for entity in site.entities:
        entity.changes = _changes_of_entity(entity, of_article, of_item, rank)


def _changes_of(article: ArticleEntry, history: FileHistory | None, keys: ItemKeys) -> list[Change]:
    fallback = article.published
    added = history.added if history else fallback
    changes = [Change(added, "article", article)]
    positions, quotes, figures = keys
    # The linker resolved every position, quote and figure (or it failed), so the lists match the record's.
    items: list[tuple[str, ItemKey, PositionEntry | QuoteEntry | FigureEntry]] = [
        *(("position", key, entry) for key, entry in zip(positions, article.positions, strict=True)),
        *(("quote", key, entry) for key, entry in zip(quotes, article.quotes, strict=True)),
        *(("figure", key, entry) for key, entry in zip(figures, article.figures, strict=True)),
    ]
    newest = added
    for what, key, entry in items:
        day = _item_date(key, history, added, fallback)
        newest = max(newest, day, key=lambda date: date.sort_key)
        if day == added:
            brought = changes[0].brought
            brought[what] = brought.get(what, 0) + 1
        else:
            changes.append(Change(day, what, article, entry))
    if history and history.modified and history.modified[-1].sort_key > newest.sort_key:
        changes.append(Change(history.modified[-1], "update", article))
    return changes


def _item_date(key: ItemKey, history: FileHistory | None, added: PartialDate, fallback: PartialDate) -> PartialDate:
    """The day an item came in: its first version's commit, the article's, or the record's date if uncommitted."""
    if history is None:
        return fallback
    if history.uncommitted is not None and key not in history.uncommitted:
        return fallback
    return history.item_dates.get(key, added) if history.modified else added


def _changes_of_entity(
    entity: Entity, of_article: dict[ArticleEntry, list[Change]], of_item: dict[int, Change], rank: dict[int, int]
) -> list[Change]:
    """The changes of the articles naming `entity` and of the items concerning it, in the site's order."""
    found: list[Change] = []
    for article in entity.articles:
        found += of_article.get(article, [])
    for items in (entity.positions, entity.quotes, entity.figures):
        found += [of_item[id(item)] for item in items if id(item) in of_item]
    return sorted(dict.fromkeys(found), key=lambda change: rank[id(change)])
