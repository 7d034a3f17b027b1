"""Atom feeds: one for the whole site, one per country, organisation and initiative.

A reader who follows a briefing subscribes to its feed and hears of every new article
that concerns it. Each entry points to our article page (not to the original, whose
address we may not have), carries our own summary, and is dated by the article's
publication date. Partial dates become the first day they cover (`dates.first_day`), at
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

from feedgen.feed import FeedGenerator

from generator.content.dates import PartialDate, first_day
from generator.content.kinds import KIND_NAMED, EntityKind
from generator.content.model import ArticleEntry, Entity, Site
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
            channels.append((_Channel(path, entity.page, title, subtitle), entity.articles))
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


def _feed(settings: SiteSettings, channel: _Channel, articles: list[ArticleEntry], newest: PartialDate) -> str:
    feed = FeedGenerator()
    feed.id(settings.absolute(channel.path))
    feed.title(channel.title)
    feed.subtitle(channel.subtitle)
    feed.link(href=settings.absolute(channel.page), rel="alternate", type="text/html")
    feed.link(href=settings.absolute(channel.path), rel="self", type="application/atom+xml")
    feed.author({"name": settings.name})
    feed.language("fr")
    entries = articles[:FEED_LENGTH]
    feed.updated(_timestamp(max((article.published for article in entries), default=newest)))
    for article in entries:
        _add_entry(feed, settings, article)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _add_entry(feed: FeedGenerator, settings: SiteSettings, article: ArticleEntry) -> None:
    record = article.record
    entry = feed.add_entry(order="append")  # feedgen prepends by default; keep newest first
    url = settings.absolute(article.page)
    entry.id(url)
    entry.title(record.title)
    entry.link(href=url, rel="alternate", type="text/html")
    published = _timestamp(article.published)
    entry.published(published)
    entry.updated(published)
    entry.summary(plain_text(article.summary, SUMMARY_LENGTH), type="text")
    entry.content(editor_html(article.summary) + _source_paragraph(article), type="html")
    for tag in record.tags:
        entry.category(term=tag)


def _source_paragraph(article: ArticleEntry) -> str:
    """Say where the article was published, as the article page does."""
    source = article.record.source
    text = f"Source : {escape_html(source.publisher)}, {escape_html(article.published.french())}"
    if source.url:
        text += f' — <a href="{escape_html(str(source.url))}">article d’origine</a>'
    return f"<p>{text}</p>"


def _timestamp(value: PartialDate) -> dt.datetime:
    return dt.datetime.combine(first_day(value), dt.time(), tzinfo=dt.UTC)
