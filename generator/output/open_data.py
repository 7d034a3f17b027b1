"""Open data: the records (outlets included) as one JSON file and the positions as a CSV table;
for spreadsheets, each briefing's tables too (spreadsheets.py).

Researchers and journalists reuse the facts without scraping pages. The JSON holds every
record as the editors wrote it (the schema's field names; dates at their own precision,
"2025", "2025-07" or "2025-07-26"), plus each record's id, French name and page. The CSV
has one row per position as one article reports it: actor × initiative × role × date ×
source; a cell a spreadsheet would take for a formula starts with a single quote
(`spreadsheet_safe`). Rows and keys come in a fixed order and numbers and dates in one format, so the
same content always gives the same bytes and diffs between versions stay readable.

The JSON file is the whole corpus (46 MB at 10,000 articles) and Python's json module
indents in pure Python, which takes seconds at that size. It is therefore assembled
from one piece of text per record, and the CSV from each article's rows; the live
preview passes an `OpenDataMemo` so that, after an edit, only what the edited records
show is made again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.linked.model import ArticleEntry, Entity, PositionEntry, PublisherEntry, Site, role_rank
from generator.output.labels import ROLE_LABELS
from generator.output.site_settings import page_url
from generator.output.spreadsheets import TableMemo, render_spreadsheets, spreadsheet_paths, spreadsheet_safe
from generator.pages.specs import DATA_FILES

JSON_PATH = DATA_FILES["json"]
CSV_PATH = DATA_FILES["csv"]

POSITION_COLUMNS = (
    "actor",
    "actor_kind",
    "actor_name",
    "initiative",
    "initiative_name",
    "role",
    "role_fr",
    "date",
    "voiced_by",
    "voiced_by_name",
    "evidence",
    "article",
    "article_title",
    "article_page",
    "published",
    "publisher",
    "source_url",
)
"""The CSV's header, one column per fact; the Données page explains each."""


RecordTexts = dict[str, tuple[BaseModel, str]]
"""Each record's encoded JSON by its source file, with the record it was encoded from."""

_Row = tuple[tuple[str, str, int, str, str], str]
"""A position's place in the CSV and its line."""
PositionRows = dict[str, tuple[tuple[BaseModel | None, ...], list[_Row]]]
"""Each article's CSV rows by its source file, with the records they were made from."""


@dataclass
class OpenDataMemo:
    """What one rendering of the data files encoded, kept for the next (the live preview's)."""

    records: RecordTexts = field(default_factory=dict)
    positions: PositionRows = field(default_factory=dict)
    tables: TableMemo = field(default_factory=dict)


_INDENT = 2
_ITEM_MARGIN = " " * 2 * _INDENT
"""Records sit in lists two levels deep in the JSON file."""


def render_open_data(
    site: Site, memo: OpenDataMemo | None = None, tables_unchanged: Callable[[Entity], bool] | None = None
) -> dict[str, str]:
    """Return {path in the docs folder: text} for the JSON records, the CSV of positions, and the
    spreadsheet tables of each briefing and of the outlets (spreadsheets.py).

    `memo` keeps each record's JSON text, each article's CSV rows and each briefing's tables
    from one call to the next: what was made from the same record objects as last time
    (their files were not read again) is not made again. `tables_unchanged` says of an entity
    that its tables are those in `memo` (render_spreadsheets).
    """
    memo = memo or OpenDataMemo()
    return {
        JSON_PATH: records_json(site, memo.records),
        CSV_PATH: positions_csv(site, memo.positions),
        **render_spreadsheets(site, memo.tables, tables_unchanged),
    }


def data_paths(site: Site) -> list[str]:
    """The paths `render_open_data` writes, known before it runs (generation_alongside.py)."""
    return [JSON_PATH, CSV_PATH, *spreadsheet_paths(site)]


def records_data(site: Site) -> dict[str, Any]:
    """The JSON file's content as Python values."""
    return {"updated": _updated(site), **{key: [_record(item) for item in items] for key, items in _sections(site)}}


def records_json(site: Site, memo: RecordTexts) -> str:
    """`json.dumps(records_data(site), ensure_ascii=False, indent=2)` and a newline, record by record."""
    margin = " " * _INDENT
    parts = ["{\n", f'{margin}"updated": {json.dumps(_updated(site))}']
    seen: set[str] = set()
    for key, items in _sections(site):
        parts.append(f',\n{margin}"{key}": [')
        for index, item in enumerate(items):
            seen.add(item.source_file)
            known = memo.get(item.source_file)
            if known is None or known[0] is not item.record:
                known = memo[item.source_file] = (item.record, _item_text(_record(item)))
            parts += (",\n" if index else "\n", known[1])
        parts.append(f"\n{margin}]" if items else "]")
    parts.append("\n}\n")
    for gone in memo.keys() - seen:
        del memo[gone]
    return "".join(parts)  # one copy of the 46 MB, not one per section


def _updated(site: Site) -> str | None:
    return site.last_update.iso if site.last_update else None


def _sections(site: Site) -> list[tuple[str, Sequence[ArticleEntry | Entity | PublisherEntry]]]:
    return [
        ("articles", site.articles),
        ("countries", site.countries),
        ("organisations", site.organisations),
        ("initiatives", site.initiatives),
        ("people", site.people),
        ("publishers", site.publishers),
    ]


def _record(item: ArticleEntry | Entity | PublisherEntry) -> dict[str, Any]:
    if isinstance(item, PublisherEntry):
        return {"id": item.id, **item.record.model_dump(mode="json")}
    return _article(item) if isinstance(item, ArticleEntry) else _entity(item)


def _item_text(value: dict[str, Any]) -> str:
    """One record's JSON, indented as an item of a list two levels deep."""
    text = json.dumps(value, ensure_ascii=False, indent=_INDENT)
    return "\n".join(_ITEM_MARGIN + line for line in text.split("\n"))  # strings hold no raw newline


def _article(article: ArticleEntry) -> dict[str, Any]:
    return {
        "id": article.id,
        "page": page_url(article.page),
        **article.record.model_dump(mode="json"),
        "summary": article.summary.strip(),
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "page": page_url(entity.page),
        **entity.record.model_dump(mode="json"),
        "overview": entity.overview.strip(),
    }


def positions_csv(site: Site, memo: PositionRows | None = None) -> str:
    """Write the positions as RFC 4180 CSV (comma-separated, CRLF line ends, UTF-8).

    A row shows its article and the names of its actor, initiative and speaker: an
    article's rows are made again when any of these records is not the one in `memo`.
    """
    memo = {} if memo is None else memo
    rows: list[_Row] = []
    for article in site.articles:
        sources = (article.record,) + tuple(
            entity.record if entity else None
            for position in article.positions
            for entity in (position.actor, position.initiative, position.voiced_by)
        )
        known = memo.get(article.source_file)
        if known is None or not _same_objects(known[0], sources):
            known = memo[article.source_file] = (sources, _lines(article.positions))
        rows += known[1]
    for gone in memo.keys() - {article.source_file for article in site.articles}:
        del memo[gone]
    rows.sort(key=lambda row: row[0])  # stable: ties keep the articles' order, as `site.positions` has it
    return "".join([_csv_lines([POSITION_COLUMNS])[0], *(line for _, line in rows)])


def _same_objects(known: tuple[object, ...], current: tuple[object, ...]) -> bool:
    return len(known) == len(current) and all(a is b for a, b in zip(known, current, strict=True))


def _lines(positions: list[PositionEntry]) -> list[_Row]:
    lines = _csv_lines([tuple(map(spreadsheet_safe, _position_row(position))) for position in positions])
    return [(_position_order(position), line) for position, line in zip(positions, lines, strict=True)]


def _csv_lines(rows: list[tuple[str, ...]]) -> list[str]:
    """Each row's text as csv.writer writes it, CRLF included (a quoted field may hold line breaks)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    lines = []
    for row in rows:
        writer.writerow(row)
        lines.append(stream.getvalue())
        stream.seek(0)
        stream.truncate()
    return lines


def _position_order(position: PositionEntry) -> tuple[str, str, int, str, str]:
    date = position.record.date.iso if position.record.date else ""
    return (position.actor.id, position.initiative.id, role_rank(position), date, position.article.id)


def _position_row(position: PositionEntry) -> tuple[str, ...]:
    record, article = position.record, position.article
    voiced_by = position.voiced_by
    return (
        position.actor.id,
        position.actor.kind,
        position.actor.name,
        position.initiative.id,
        position.initiative.name,
        record.role.value,
        ROLE_LABELS[record.role],
        record.date.iso if record.date else "",
        voiced_by.id if voiced_by else "",
        voiced_by.name if voiced_by else "",
        record.evidence or "",
        article.id,
        article.record.title,
        page_url(article.page),
        article.published.iso,
        article.record.source.publisher,
        str(article.record.source.url or ""),
    )
