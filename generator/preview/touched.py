"""What an edit touches: the edited record files, and the links of the entities they name.

An entity's links (recording.links) are what its briefing and the indexes show of the
records naming it. After an edit, what is touched is the edited files, and the links of
every entity that an edited article names, before or after the edit (an article that
stops naming Kazakhstan leaves Kazakhstan's briefing as much as one that starts naming it
enters it).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.schema import Article
from generator.content.validate import ValidRecord
from generator.linked.model import ArticleEntry, Entity, Site
from generator.preview.recording import SITE, SITE_FRESHNESS, links


def touched_by(before: Site | None, after: Site, changed: set[str]) -> set[str]:
    """The changed record files, and the links of the entities they add to or remove from."""
    touched = set(changed)
    for site in (before, after):
        if site is not None:
            touched |= links_touched(site.entities, changed)
    return touched


def links_touched(entities: Iterable[Entity], changed: set[str]) -> set[str]:
    """The links of those of `entities` that a changed record is linked to (or is the person of)."""
    touched: set[str] = set()
    for entity in entities:
        if entity.source_file in changed:  # a person's country or organisation lists its people
            linked = (entity.country, entity.organisation, entity.proposer)
            touched.update(links(other.source_file) for other in linked if other is not None)
        items: Iterable[ArticleEntry] = (
            *entity.articles,
            *(position.article for position in entity.positions),
            *(quote.article for quote in entity.quotes),
            *(figure.article for figure in entity.figures),
        )
        if any(article.source_file in changed for article in items) or any(
            person.source_file in changed for person in entity.people
        ):
            touched.add(links(entity.source_file))
    return touched


def named_by(article: ArticleEntry) -> set[Entity]:
    """Every entity that can list an article: those it names, and the countries and organisations of its people."""
    named: set[Entity | None] = set(article.entities)
    for position in article.positions:
        named |= {position.actor, position.initiative, position.voiced_by}
    for quote in article.quotes:
        named |= {quote.speaker, quote.initiative}
    for figure in article.figures:
        named |= {figure.stated_by, figure.cited_by, figure.scope}
    people = [entity for entity in named if entity is not None and entity.kind == "person"]
    named |= {relative for person in people for relative in (person.country, person.organisation)}
    return {entity for entity in named if entity is not None}


def feed_is_stale(entity: Entity, touched: set[str]) -> bool:
    """An entity's feed shows its name and its articles: redo it if either was touched."""
    return bool({entity.source_file, links(entity.source_file), SITE_FRESHNESS, SITE} & touched)


def swap_texts(site: Site, entry: ArticleEntry, item: ValidRecord) -> None:
    """Put an article's new record (of the same shape) into its linked entry, in place.

    The entry's positions, quotes, figures and chronology entries are shared with the
    entities' lists and the site's chronology, so each takes its new record in place. Its
    outlets are matched again: the pages showing them read the article, which is touched.
    """
    record = item.record
    assert isinstance(record, Article)
    entry.record, entry.summary = record, item.document.body
    entry.publisher = site.publisher_named(record.source.publisher)
    entry.agency = site.publisher_named(record.source.agency)
    for position, new_position in zip(entry.positions, record.positions, strict=True):
        position.record = new_position
    for quote, new_quote in zip(entry.quotes, record.quotes, strict=True):
        quote.record = new_quote
    for figure, new_figure in zip(entry.figures, record.figures, strict=True):
        figure.record = new_figure
    if record.events:
        for chronology_entry, event in zip(entry.chronology, record.events, strict=True):
            chronology_entry.event = event
