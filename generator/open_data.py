"""Open data: the records as one JSON file and the positions as a CSV table.

Researchers and journalists reuse the facts without scraping pages. The JSON holds every
record as the editors wrote it (the schema's field names; dates at their own precision,
"2025", "2025-07" or "2025-07-26"), plus each record's id, French name and page. The CSV
has one row per position as one article reports it: actor × initiative × role × date ×
source. Rows and keys come in a fixed order and numbers and dates in one format, so the
same content always gives the same bytes and diffs between versions stay readable.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pydantic_core

from generator.labels import ROLE_LABELS
from generator.model import ArticleEntry, Entity, PositionEntry, Site, role_rank
from generator.site_settings import page_url

JSON_PATH = "donnees/briefings.json"
CSV_PATH = "donnees/positions.csv"

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


def render_open_data(site: Site) -> dict[str, str]:
    """Return {path in the docs folder: text} for the JSON records and the CSV of positions."""
    return {JSON_PATH: records_json(site), CSV_PATH: positions_csv(site)}


def records_json(site: Site) -> str:
    data = {
        "updated": site.last_update.iso if site.last_update else None,
        "articles": [_article(article) for article in site.articles],
        "countries": [_entity(entity) for entity in site.countries],
        "organisations": [_entity(entity) for entity in site.organisations],
        "initiatives": [_entity(entity) for entity in site.initiatives],
        "people": [_entity(entity) for entity in site.people],
    }
    # pydantic's serialiser writes the same bytes as json.dumps(ensure_ascii=False, indent=2), 4× faster
    return pydantic_core.to_json(data, indent=2).decode("utf-8") + "\n"


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


def positions_csv(site: Site) -> str:
    """Write the positions as RFC 4180 CSV (comma-separated, CRLF line ends, UTF-8)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(POSITION_COLUMNS)
    for position in sorted(site.positions, key=_position_order):
        writer.writerow(_position_row(position))
    return stream.getvalue()


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
