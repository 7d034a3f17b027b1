"""Tables for spreadsheets: each briefing's positions and statements, and the outlets, as CSV files a
journalist opens in Excel or LibreOffice with a double click.

The open-data CSV (open_data.py) is for programs: RFC 4180, commas, English column names.
These are for people: French column headers, French role words, semicolons (what Excel
expects in a French locale, where the comma is the decimal mark; LibreOffice and Google
Sheets find it on their own), and a UTF-8 byte order mark, without which Excel reads the
file as Windows-1252 and shows "Ã©" for "é". A cell a spreadsheet would take for a formula
starts with a single quote (`spreadsheet_safe`). Rows come in the briefing's own order and
dates in one format (`AAAA-MM-JJ` at the source's precision), so the same content always
gives the same bytes.

The live preview renders them at every edit, and a site of 10,000 articles has some 5,000
of them: each table is kept with the records its rows were made from (`TableMemo`) and made
again only when one of them is not the same object as last time, as the data files'
records are (open_data.py). When the preview swapped an edited article's texts into the
linked site, it also knows which briefings list that article (`unchanged`): the tables of
the others are taken as they are, without looking at their 200,000 rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.linked.model import ArticleEntry, Entity, PositionEntry, PublisherEntry, QuoteEntry, Site
from generator.output.labels import ROLE_LABELS, country_name
from generator.output.provenance import KIND_LABELS
from generator.output.site_settings import page_url

BOM = "\ufeff"
DELIMITER = ";"
PUBLISHERS_PATH = "donnees/medias.csv"

POSITION_HEADERS = (
    "Acteur",
    "Initiative",
    "Position",
    "Date de la position",
    "Exprimée par",
    "Extrait de l’article",
    "Article",
    "Publié le",
    "Média",
    "Page sur ce site",
    "Article d’origine",
)
STATEMENT_HEADERS = (
    "Date",
    "Personne",
    "Fonction",
    "Propos",
    "Nature",
    "Langue",
    "Initiative",
    "Article",
    "Publié le",
    "Média",
    "Page sur ce site",
    "Article d’origine",
)
PUBLISHER_HEADERS = ("Média", "Pays", "Nature", "Site web", "Articles suivis")

T = TypeVar("T")
ItemT = TypeVar("ItemT", PositionEntry, QuoteEntry)


@dataclass(frozen=True)
class Table:
    """One downloadable table of a briefing: what it holds, its file, how many rows."""

    label: str
    path: str
    rows: int


def briefing_tables(entity: Entity) -> list[Table]:
    """The tables a briefing offers: its positions and its statements, each when it has some."""
    stem = "donnees/" + entity.page.removesuffix(".md")  # beside the briefing's own address
    tables = []
    if entity.positions:
        tables.append(Table("positions", f"{stem}-positions.csv", len(entity.positions)))
    if entity.quotes:
        tables.append(Table("déclarations", f"{stem}-declarations.csv", len(entity.quotes)))
    return tables


def spreadsheet_paths(site: Site) -> list[str]:
    """The paths `render_spreadsheets` writes, known before it runs (generation_alongside.py lists them first)."""
    return [PUBLISHERS_PATH, *(table.path for entity in site.entities for table in briefing_tables(entity))]


TableMemo = dict[str, tuple[tuple[tuple[object, ...], ...], str]]
"""Each briefing table's CSV text by its path, with what each of its rows was made from
(`_positions_made_from`, `_statements_made_from`)."""


def render_spreadsheets(
    site: Site, memo: TableMemo | None = None, unchanged: Callable[[Entity], bool] | None = None
) -> dict[str, str]:
    """Return {path in the docs folder: CSV text} for every briefing's tables and the outlets.

    `memo` keeps the tables from one call to the next: a table whose rows are made from the
    same records as last time is not made again. `unchanged` says of an entity that its
    tables in `memo` are made from the same records, known without comparing them.
    """
    memo = {} if memo is None else memo
    files = {PUBLISHERS_PATH: _table(PUBLISHER_HEADERS, site.publishers, lambda item: _publisher_row(site, item))}
    for entity in site.entities:
        kept = unchanged is not None and unchanged(entity)
        for table in briefing_tables(entity):
            if kept and (known := memo.get(table.path)) is not None:
                files[table.path] = known[1]
            elif table.label == "positions":
                made_from = _positions_made_from(entity.positions)
                files[table.path] = _kept_table(
                    memo, table.path, made_from, POSITION_HEADERS, entity.positions, _position_row
                )
            else:
                made_from = _statements_made_from(entity.quotes)
                files[table.path] = _kept_table(
                    memo, table.path, made_from, STATEMENT_HEADERS, entity.quotes, _statement_row
                )
    for gone in memo.keys() - files.keys():
        del memo[gone]
    return files


def _kept_table(
    memo: TableMemo,
    path: str,
    made_from: tuple[tuple[object, ...], ...],
    headers: tuple[str, ...],
    items: Sequence[ItemT],
    row: Callable[[ItemT], tuple[str, ...]],
) -> str:
    """The table at `path` as `memo` has it if its rows are `made_from` the same records, else made again."""
    known = memo.get(path)
    if known is None or known[0] != made_from:  # tuples compare their items by identity first
        known = memo[path] = (made_from, _table(headers, items, row))
    return known[1]


# What each row of a table reads: its item's record, the records of the entries it names (their
# names), its article's record and address. One comprehension per kind of table, without a call
# per row: every edit in the preview asks this of some 200,000 rows at 10,000 articles.


def _positions_made_from(positions: Sequence[PositionEntry]) -> tuple[tuple[object, ...], ...]:
    return tuple(
        [
            (
                position.record,
                position.actor.record,
                position.initiative.record,
                position.voiced_by.record if position.voiced_by else None,
                position.article.record,
                position.article.id,
            )
            for position in positions
        ]
    )


def _statements_made_from(quotes: Sequence[QuoteEntry]) -> tuple[tuple[object, ...], ...]:
    return tuple(
        [
            (
                quote.record,
                quote.speaker.record,
                quote.initiative.record if quote.initiative else None,
                quote.article.record,
                quote.article.id,
            )
            for quote in quotes
        ]
    )


def _table(headers: tuple[str, ...], items: Sequence[T], row: Callable[[T], tuple[str, ...]]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(tuple(map(spreadsheet_safe, row(item))) for item in items)
    return BOM + stream.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: OWASP's rule, a single quote before it.

    A title or a quotation beginning with `=`, `+`, `-`, `@`, a tab or a carriage return
    would be a live formula (`=HYPERLINK(…)`) for whoever opens the CSV in a spreadsheet.
    The JSON file, read by programs, keeps the text as written; open_data's CSV uses it too.
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _article_cells(article: ArticleEntry) -> tuple[str, ...]:
    source = article.record.source
    return (
        article.record.title,
        article.published.iso,
        source.publisher,
        page_url(article.page),
        str(source.url or ""),
    )


def _position_row(position: PositionEntry) -> tuple[str, ...]:
    record = position.record
    return (
        position.actor.name,
        position.initiative.name,
        ROLE_LABELS[record.role],
        record.date.iso if record.date else "",
        position.voiced_by.name if position.voiced_by else "",
        record.evidence or "",
        *_article_cells(position.article),
    )


def _statement_row(quote: QuoteEntry) -> tuple[str, ...]:
    record = quote.record
    return (
        record.date.iso if record.date else "",
        quote.speaker.name,
        getattr(quote.speaker.record, "role", "") or "",
        record.text,
        "propos rapportés par l’article" if record.reported else "citation",
        record.language,
        quote.initiative.name if quote.initiative else "",
        *_article_cells(quote.article),
    )


def _publisher_row(site: Site, publisher: PublisherEntry) -> tuple[str, ...]:
    record = publisher.record
    followed = sum(1 for article in site.articles if publisher in (article.publisher, article.agency))
    return (
        record.name,
        country_name(record.country) if record.country else "international",
        KIND_LABELS[record.kind],
        str(record.website or ""),
        str(followed),
    )
