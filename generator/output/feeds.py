"""Atom feeds: one for the whole site, one per country, organisation and initiative.

A reader who follows a briefing subscribes to its feed and hears of every new article
that concerns it, and of what was added to one since (history/changes.py: the items the
briefing's "Nouveautés" list shows): such an article comes back to the top, `updated` on
the day of its latest change, with the additions listed. Each entry points to our article
page (not to the original, whose address we may not have), carries our own summary, and is
published on the article's publication date. Partial dates become the first day they cover (`dates.first_day`), at
midnight UTC. Nothing reads the clock: a feed's `updated` is its newest entry's date, or,
for a feed with no entry yet, the newest date of the whole site, so two builds of the same
content write the same bytes.

Atom requires absolute ids and links, so feeds need the site's published address
(`site_url`); without it none are written and no page links to one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import format_decimal
from feedgen.feed import FeedGenerator

from generator.content.dates import PartialDate, first_day
from generator.content.kinds import KIND_NAMED, EntityKind
from generator.linked.model import ArticleEntry, Change, Entity, FigureEntry, PositionEntry, QuoteEntry, Site
from generator.output.labels import ROLE_LABELS
from generator.output.markup import editor_html, escape_html, plain_text
from generator.output.site_settings import SiteSettings
from generator.parallel import map_in_order

SITE_FEED = "flux.xml"
"""The whole site's feed, in the docs folder."""
FED_KINDS: frozenset[EntityKind] = frozenset({"country", "organisation", "initiative"})
"""The kinds of briefing that have a feed of their own."""
FEED_LENGTH = 50
"""Entries per feed, newest first: readers poll feeds, which must stay small as content grows."""
FEEDS_IN_PARALLEL_FROM = 50
"""A feed of 50 entries costs as much as a dozen pages: fewer feeds than this are made in one process."""
SUMMARY_LENGTH = 300
"""Characters of the plain-text summary of an entry."""


def feed_path(entity: Entity) -> str | None:
    """Return the docs-folder path of an entity's feed, or None for kinds without one."""
    return f"flux/{KIND_NAMED[entity.kind].site_folder}/{entity.id.lower()}.xml" if entity.kind in FED_KINDS else None


def feed_paths(site: Site, settings: SiteSettings) -> list[str]:
    """The paths `render_feeds` writes when every feed is wanted, known before it runs (generation_alongside.py)."""
    if not settings.url:
        return []
    return [SITE_FEED, *(path for entity in site.entities if (path := feed_path(entity)))]


def render_feeds(
    site: Site, settings: SiteSettings, wanted: Callable[[Entity], bool] = lambda entity: True
) -> dict[str, str]:
    """Render the site's feed and those of the `wanted` entities (all by default).

    Return {path in the docs folder: Atom XML}, empty without a site URL. The live preview
    asks only for the feeds an edit touched (preview/session.py).
    """
    if not settings.url:
        return {}
    newest = site.last_update or PartialDate(1970, 1, 1)
    channels = [(_Channel(SITE_FEED, "index.md", settings.name, settings.description or settings.name), site.articles)]
    for entity in site.entities:
        path = feed_path(entity)
        if path and wanted(entity):
            title, subtitle = f"{entity.name} ({settings.name})", f"Articles suivis : {entity.name}"
            channels.append((_Channel(path, entity.page, title, subtitle, tuple(entity.changes)), entity.articles))
    feeds = map_in_order(
        lambda channel: _feed(settings, *channel, newest), channels, parallel_from=FEEDS_IN_PARALLEL_FROM
    )
    return {channel.path: feed for (channel, _), feed in zip(channels, feeds, strict=True)}


@dataclass(frozen=True)
class _Channel:
    """A feed's own file, the page it follows, its title and subtitle."""

    path: str
    page: str
    title: str
    subtitle: str
    changes: tuple[Change, ...] = ()
    """The briefing's changes, newest first: they date its entries and list what was added later."""


def _feed(settings: SiteSettings, channel: _Channel, articles: list[ArticleEntry], newest: PartialDate) -> str:
    feed = FeedGenerator()
    feed.id(settings.absolute(channel.path))
    feed.title(channel.title)
    feed.subtitle(channel.subtitle)
    feed.link(href=settings.absolute(channel.page), rel="alternate", type="text/html")
    feed.link(href=settings.absolute(channel.path), rel="self", type="application/atom+xml")
    feed.author({"name": settings.name})
    feed.language("fr")
    latest: dict[ArticleEntry, PartialDate] = {}
    added: dict[ArticleEntry, list[Change]] = {}
    for change in channel.changes:
        latest.setdefault(change.article, change.date)
        if change.item is not None:
            added.setdefault(change.article, []).append(change)
    dated = [(max(article.published, latest.get(article, article.published)), article) for article in articles]
    dated.sort(key=lambda pair: pair[0].sort_key, reverse=True)  # stable: same day, the briefing's order
    entries = dated[:FEED_LENGTH]
    feed.updated(_timestamp(max((updated for updated, _ in entries), default=newest)))
    for updated, article in entries:
        _add_entry(feed, settings, article, updated, added.get(article, []))
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _add_entry(
    feed: FeedGenerator, settings: SiteSettings, article: ArticleEntry, updated: PartialDate, added: list[Change]
) -> None:
    record = article.record
    entry = feed.add_entry(order="append")  # feedgen prepends by default; keep newest first
    url = settings.absolute(article.page)
    entry.id(url)
    entry.title(record.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(_timestamp(article.published))
    entry.updated(_timestamp(updated))
    entry.summary(plain_text(article.summary, SUMMARY_LENGTH), type="text")
    entry.content(editor_html(article.summary) + _source_paragraph(article) + _added_list(added), type="html")
    for tag in record.tags:
        entry.category(term=tag)


def _source_paragraph(article: ArticleEntry) -> str:
    """Say where the article was published, as the article page does."""
    source = article.record.source
    text = f"Source : {escape_html(source.publisher)}, {escape_html(article.published.french())}"
    if source.url:
        text += f' — <a href="{escape_html(str(source.url))}">article d’origine</a>'
    return f"<p>{text}</p>"


def _added_list(added: list[Change]) -> str:
    """What was added to the article after it first came, as the briefing's "Nouveautés" list says it."""
    if not added:
        return ""
    lines = "".join(f"<li>{escape_html(_described(change))}</li>" for change in added)
    return f"<p>Ajouté depuis :</p><ul>{lines}</ul>"


def _described(change: Change) -> str:
    item, day = change.item, change.date.french()
    if change.what == "position":
        assert isinstance(item, PositionEntry)
        return f"{day} — position : {item.actor.name} {ROLE_LABELS[item.record.role]} {item.initiative.name}"
    if change.what == "quote":
        assert isinstance(item, QuoteEntry)
        words = f"(propos rapportés) {item.record.text}" if item.record.reported else f"« {item.record.text} »"
        return f"{day} — déclaration de {item.speaker.name} : {words}"
    assert isinstance(item, FigureEntry)
    value = format_decimal(item.record.value, locale="fr")
    return f"{day} — chiffre : {value} {item.record.unit}, {item.record.measures}"


def _timestamp(value: PartialDate) -> dt.datetime:
    return dt.datetime.combine(first_day(value), dt.time(), tzinfo=dt.UTC)
