"""Stage 3, model: the linked content the templates render.

`link.py` builds these objects from the validated records. Each entity knows its
articles, positions, quotes and figures, and each article knows its entities as objects,
so the templates only follow links and never look anything up. Derived views (stances,
chronologies, the positions matrix) are computed here, in Python, not in templates.

Collections are sorted with explicit keys (date, then id) so output never depends on the
order files were read in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from generator.content.dates import PartialDate
from generator.content.kinds import ARTICLE, KIND_NAMED, EntityKind
from generator.content.schema import (
    Article,
    Country,
    Event,
    Figure,
    Initiative,
    Organisation,
    Person,
    Position,
    Publisher,
    Quote,
    Role,
)


def sort_key(text: str) -> str:
    """Sort French names as a reader expects: "États-Unis" among the E's."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def publisher_key(name: str) -> str:
    """How a publisher's name is matched: "Agence de presse Xinhua" and "agence de presse xinhua" are one."""
    return " ".join(sort_key(name).split())


@dataclass(eq=False, repr=False)  # linked both ways: a generated repr would walk the whole site
class Entity:
    """A country, organisation, initiative or person, with everything that refers to it."""

    kind: EntityKind
    id: str
    name: str
    short_name: str
    source_file: str
    """The registry file it was read from, e.g. content/countries/kz.md; for a country without
    one, the file that would hold its entry: creating it is an edit of this country."""
    overview: str
    record: Country | Organisation | Initiative | Person
    has_file: bool = True
    """False for a country named by its code alone, with no registry file (no edit link)."""
    articles: list[ArticleEntry] = field(default_factory=list)
    positions: list[PositionEntry] = field(default_factory=list)
    quotes: list[QuoteEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)
    country: Entity | None = None
    organisation: Entity | None = None
    proposer: Entity | None = None
    related: list[tuple[Entity, int]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    """What was added to or changed in the records it shows, newest first (generator/history/)."""

    def __repr__(self) -> str:
        return f"<{self.kind} {self.id}>"

    @property
    def page(self) -> str:
        return f"{KIND_NAMED[self.kind].site_folder}/{self.id.lower()}.md"

    @property
    def last_update(self) -> PartialDate | None:
        """The newest date of what the briefing reports: its articles, positions and statements.

        The content's own dates, never the build's: a briefing is as fresh as its sources.
        Its articles come newest first (link.py), so the first is the newest of them: the
        indexes ask every briefing, and a country can have thousands of articles.
        """
        dates = [position.record.date for position in self.positions if position.record.date]
        dates += [quote.record.date for quote in self.quotes if quote.record.date]
        if self.articles:
            dates.append(self.articles[0].published)
        return max(dates, default=None)

    @cached_property  # read by the briefing, its list pages and the indexes
    def chronology(self) -> list[ChronologyEntry]:
        return chronology_of(self.articles)

    @property
    def stances(self) -> list[Stance]:
        """The positions grouped by actor, initiative and role, in the order of `positions`."""
        return group_stances(self.positions)


@dataclass(eq=False)
class PositionEntry:
    """A position as one article reports it, with its references resolved."""

    actor: Entity
    initiative: Entity
    record: Position
    voiced_by: Entity | None
    article: ArticleEntry


@dataclass(frozen=True, eq=False)
class Stance:
    """One actor's role on one initiative, with every position that reports it."""

    actor: Entity
    initiative: Entity
    role: Role
    positions: list[PositionEntry]

    @property
    def date(self) -> PartialDate | None:
        """The most precise date the sources give, the earliest if they differ."""
        dates = [position.record.date for position in self.positions if position.record.date]
        return min(dates, key=lambda date: (-date.precision, date), default=None)

    @property
    def voiced_by(self) -> list[Entity]:
        return distinct([position.voiced_by for position in self.positions])

    @property
    def articles(self) -> list[ArticleEntry]:
        return list(dict.fromkeys(position.article for position in self.positions))


@dataclass(eq=False)
class QuoteEntry:
    """A quotation with its speaker (and the initiative it is about) resolved."""

    speaker: Entity
    record: Quote
    initiative: Entity | None
    article: ArticleEntry


@dataclass(eq=False)
class FigureEntry:
    """A key figure with who stated it, who cited it and what it is about resolved."""

    record: Figure
    stated_by: Entity | None
    cited_by: Entity | None
    scope: Entity | None
    article: ArticleEntry


@dataclass(eq=False)
class ChronologyEntry:
    """A dated line of a chronology: an event an article reports, or its publication."""

    date: PartialDate
    article: ArticleEntry
    event: Event | None


@dataclass(eq=False)
class PublisherEntry:
    """An outlet of the publishers registry (content/publishers/), which articles are matched to by name."""

    id: str
    source_file: str
    record: Publisher

    @property
    def name(self) -> str:
        return self.record.name


@dataclass(eq=False)
class Change:
    """Something added to or changed in the content on a day: an article (with the items that came
    with it), or a position, statement or figure added to an article later. Dated by the commit
    that brought it when the site is built from a git checkout, else by the records' own dates
    (history/changes.py, history/commits.py)."""

    date: PartialDate
    what: str
    """"article", "position", "quote", "figure", or "update" (an article edited since it was added)."""
    article: ArticleEntry
    item: PositionEntry | QuoteEntry | FigureEntry | None = None
    brought: dict[str, int] = field(default_factory=dict)
    """For a new article: how many positions, quotes and figures came with it, by kind."""


@dataclass(eq=False, repr=False)  # linked both ways: a generated repr would walk the whole site
class ArticleEntry:
    """An article record with its entities, positions, quotes and figures resolved."""

    id: str
    source_file: str
    """The record file it was read from."""
    summary: str
    record: Article
    countries: list[Entity] = field(default_factory=list)
    organisations: list[Entity] = field(default_factory=list)
    initiatives: list[Entity] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)
    positions: list[PositionEntry] = field(default_factory=list)
    quotes: list[QuoteEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)
    publisher: PublisherEntry | None = None
    """The registry entry its `source.publisher` names, if there is one."""
    agency: PublisherEntry | None = None
    """The registry entry its `source.agency` names, if there is one."""

    def __repr__(self) -> str:
        return f"<article {self.id}>"

    @property
    def page(self) -> str:
        return f"{ARTICLE.site_folder}/{self.id}.md"

    @property
    def published(self) -> PartialDate:
        return self.record.published

    @property
    def entities(self) -> list[Entity]:
        return [*self.countries, *self.organisations, *self.initiatives, *self.people]

    @cached_property  # shared by the site's chronology and every briefing's
    def chronology(self) -> list[ChronologyEntry]:
        if not self.record.events:
            return [ChronologyEntry(self.published, self, None)]
        return [ChronologyEntry(event.date, self, event) for event in self.record.events]


@dataclass
class Site:
    """The whole linked content, ready to render."""

    countries: list[Entity]
    organisations: list[Entity]
    initiatives: list[Entity]
    people: list[Entity]
    articles: list[ArticleEntry]
    publishers: list[PublisherEntry] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    """Draft articles left off the site, each with what it still lacks (see drafts.py)."""
    changes: list[Change] = field(default_factory=list)
    """What was added or changed, newest first: the "Nouveautés" page (history/commits.py)."""

    @cached_property
    def publisher_names(self) -> dict[str, PublisherEntry]:
        """Each publisher entry by its name and aliases, as `publisher_key` folds them (the linker refuses
        a name two entries share)."""
        names: dict[str, PublisherEntry] = {}
        for entry in self.publishers:
            for name in (entry.record.name, *entry.record.aliases):
                names.setdefault(publisher_key(name), entry)
        return names

    def publisher_named(self, name: str | None) -> PublisherEntry | None:
        """The publisher entry an article's `source.publisher` or `source.agency` names, if any."""
        return self.publisher_names.get(publisher_key(name)) if name else None

    @property
    def entities_by_kind(self) -> list[tuple[EntityKind, list[Entity]]]:
        """Each kind of briefing with its entities, in the order the site lists them."""
        return [
            ("country", self.countries),
            ("organisation", self.organisations),
            ("initiative", self.initiatives),
            ("person", self.people),
        ]

    @property
    def entities(self) -> list[Entity]:
        return [*self.countries, *self.organisations, *self.initiatives, *self.people]

    @property
    def positions(self) -> list[PositionEntry]:
        return [position for article in self.articles for position in article.positions]

    @cached_property  # asked after every generation; a site whose texts are swapped keeps its pages
    def page_sources(self) -> dict[str, str]:
        """The record file each briefing and article page is made from, for "edit this page" links.

        Indexes, the home page, the chronology and the positions matrix are made from many
        records and have none; nor has the briefing of a country without a registry file.
        """
        sources = {entity.page: entity.source_file for entity in self.entities if entity.has_file}
        return sources | {article.page: article.source_file for article in self.articles}

    @property
    def last_update(self) -> PartialDate | None:
        """The newest publication date of the articles: how fresh the whole site is."""
        return max((article.published for article in self.articles), default=None)

    @cached_property  # read by the home page and the chronology's pages
    def chronology(self) -> list[ChronologyEntry]:
        return chronology_of(self.articles)


@dataclass(frozen=True)
class PositionMatrix:
    """The positions page: one column per initiative, one row per actor."""

    initiatives: list[Entity]
    rows: list[tuple[Entity, list[list[Stance]]]]


def group_stances(positions: Iterable[PositionEntry]) -> list[Stance]:
    """Group positions that report the same stance; keep the order of first appearance."""
    groups: dict[tuple[Entity, Entity, Role], list[PositionEntry]] = {}
    for position in positions:
        groups.setdefault((position.actor, position.initiative, position.record.role), []).append(position)
    return [Stance(actor, initiative, role, group) for (actor, initiative, role), group in groups.items()]


def by_name(entities: Iterable[Entity]) -> list[Entity]:
    """Sort as a French index does: by name, accents and case aside; people by family name."""
    return sorted(entities, key=name_order)


def name_order(entity: Entity) -> tuple[str, str, str]:
    """The sort key of an entity in a list: a person's family name first (`family_name`, else the
    name's last word), then the whole name, then the id so that equal names keep a fixed order."""
    record = entity.record
    if isinstance(record, Person):
        family = record.family_name or entity.name.split()[-1]
        return (sort_key(family), sort_key(entity.name), entity.id)
    return (sort_key(entity.name), "", entity.id)


def role_rank(position: PositionEntry) -> int:
    return list(Role).index(position.record.role)


def chronology_of(articles: Iterable[ArticleEntry]) -> list[ChronologyEntry]:
    """The dated lines of `articles` (their events, else their publication), newest first."""
    return newest_first(entry for article in articles for entry in article.chronology)


def newest_first(entries: Iterable[ChronologyEntry]) -> list[ChronologyEntry]:
    """Sort chronology entries newest first; same date: by article id, for stable output."""
    ordered = sorted(entries, key=lambda entry: entry.article.id)
    return sorted(ordered, key=lambda entry: entry.date.sort_key, reverse=True)


def distinct(entities: list[Entity | None]) -> list[Entity]:
    return list(dict.fromkeys(entity for entity in entities if entity is not None))
