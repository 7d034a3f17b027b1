"""Stage 3, link: resolve every reference against the registries and link both ways.

All cross-file rules live here, in one place: duplicate ids, references to entries that
do not exist, file names that are not valid ids. Problems are collected, not raised one
by one, so an editor sees them all in one run.

Every ISO 3166-1 code names a country, and Babel names it in French, so a country needs
no file: the first reference to a code without one creates its entity, with no overview.
A file in content/countries/ only adds to it (overview, aliases). Organisations,
initiatives and people have no such list and keep needing their registry file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from generator.content.errors import ContentError, Problem
from generator.content.kinds import (
    ARTICLE,
    COUNTRY,
    KIND_NAMED,
    KIND_OF_FOLDER,
    PUBLISHER,
    REGISTRIES,
    EntityKind,
    id_problem,
)
from generator.content.schema import Article, Country, Initiative, Organisation, Person, Publisher, is_country_code
from generator.content.validate import ValidRecord
from generator.linked.model import (
    ArticleEntry,
    Entity,
    FigureEntry,
    PositionEntry,
    PublisherEntry,
    QuoteEntry,
    Site,
    by_name,
    distinct,
    name_order,
    publisher_key,
    role_rank,
    sort_key,
)
from generator.output.labels import country_name


def build_site(
    records: list[ValidRecord], unreadable: frozenset[str] = frozenset(), drafted: frozenset[str] = frozenset()
) -> Site:
    """Link all records into a Site, or raise ContentError with every broken rule.

    `unreadable` holds the ids (file stems) of registry files that failed to read or
    validate: references to them are not reported again, since their file already is.
    `drafted` holds the paths of registry entries still drafts (content/drafts.py), kept
    from the linker: a reference to one is told that it names a draft, not an unknown entry.
    """
    return _Linker(records, unreadable, drafted).link()


class _Linker:
    """Resolves references; collects problems instead of stopping at the first."""

    def __init__(self, records: list[ValidRecord], unreadable: frozenset[str], drafted: frozenset[str]) -> None:
        self.records = records
        self.unreadable = unreadable
        self.drafted = drafted
        self.problems: list[Problem] = []
        self.entities: dict[EntityKind, dict[str, Entity]] = {kind.entity_kind: {} for kind in REGISTRIES}
        self.articles: dict[str, ArticleEntry] = {}
        self.publishers: dict[str, PublisherEntry] = {}
        self.publisher_names: dict[str, PublisherEntry] = {}
        """Each publisher by its name and aliases, as `publisher_key` folds them."""
        self.origins: dict[Entity | ArticleEntry | PublisherEntry, ValidRecord] = {}
        """The record each registered entity or article was made from."""

    def link(self) -> Site:
        for item in self.records:
            if item.document.kind == ARTICLE.folder:
                self._add_article(item)
            elif item.document.kind == PUBLISHER.folder:
                self._add_publisher(item)
            else:
                self._add_entity(item)
        for entity in self._all_entities():
            self._link_entity(entity)
        for article in self.articles.values():
            self._link_article(article)
        if self.problems:
            raise ContentError(self.problems)
        return self._site()

    # -- registration -------------------------------------------------------------------

    def _add_entity(self, item: ValidRecord) -> None:
        kind = KIND_OF_FOLDER[item.document.kind]
        record = item.record
        if isinstance(record, Country):
            identifier = record.code
            name = short = country_name(record.code)
            if item.document.stem != record.code.lower():
                expected = f"{record.code.lower()}.md"
                self._problem(item, "code", f"the file of country {record.code} must be named {expected!r}")
                return
        else:
            assert isinstance(record, (Organisation, Initiative, Person))
            identifier = item.document.stem
            name = record.name
            short = getattr(record, "short_name", None) or name
            if not self._check_id(item, identifier):
                return
        entity = Entity(kind.entity_kind, identifier, name, short, item.document.path, item.document.body, record)
        self._register(self.entities[kind.entity_kind], identifier, entity, item, kind.id_field or "id")

    def _add_article(self, item: ValidRecord) -> None:
        assert isinstance(item.record, Article)
        identifier = item.document.stem
        if self._check_id(item, identifier):
            entry = ArticleEntry(identifier, item.document.path, item.document.body, item.record)
            self._register(self.articles, identifier, entry, item, "id")

    def _add_publisher(self, item: ValidRecord) -> None:
        assert isinstance(item.record, Publisher)
        identifier = item.document.stem
        if not self._check_id(item, identifier):
            return
        entry = PublisherEntry(identifier, item.document.path, item.record)
        self._register(self.publishers, identifier, entry, item, "id")
        for index, name in enumerate([item.record.name, *item.record.aliases]):
            key = publisher_key(name)
            other = self.publisher_names.setdefault(key, entry)
            if other is not entry:
                field = "name" if index == 0 else f"aliases[{index - 1}]"
                self._problem(
                    item,
                    field,
                    f"the name {name!r} is also a name of {other.source_file}: expected one outlet per name",
                )

    def _check_id(self, item: ValidRecord, identifier: str) -> bool:
        if problem := id_problem(identifier, example_suffix=".md"):
            self._file_problem(item, f"the file name is the record's id: {problem}")
            return False
        return True

    def _register(
        self,
        table: dict[str, Any],
        identifier: str,
        value: Entity | ArticleEntry | PublisherEntry,
        item: ValidRecord,
        field: str,
    ) -> None:
        if identifier in table:
            message = f"duplicate {field} {identifier!r}: also used by {table[identifier].source_file}"
            if field == "code":
                self._problem(item, field, message)
            else:  # the id is the file name
                self._file_problem(item, message)
        else:
            table[identifier] = value
            self.origins[value] = item

    # -- resolution ---------------------------------------------------------------------

    def _resolve(self, item: ValidRecord, field: str, ref: str, kinds: tuple[EntityKind, ...]) -> Entity | None:
        for kind in kinds:
            if ref in self.entities[kind]:
                return self.entities[kind][ref]
        if ref.lower() in self.unreadable:
            return None  # its file's problem is already reported
        draft = next((path for kind in kinds if (path := KIND_NAMED[kind].entry_file(ref)) in self.drafted), None)
        if draft is not None:
            message = f"{ref!r} is still a draft ({draft}): review that entry and remove its 'draft: true' first"
            self._problem(item, field, message)
            return None
        if "country" in kinds and is_country_code(ref):
            return self._country_without_file(ref, item)
        self._problem(item, field, _missing_message(ref, kinds))
        return None

    def _country_without_file(self, code: str, referrer: ValidRecord) -> Entity:
        """The briefing of a country no file describes; its source is the file that would.

        That path (in the content folder of the record referring to it) is what the live
        preview sees created when an editor adds the file, so the briefing is redone.
        """
        name = country_name(code)
        content = PurePosixPath(referrer.document.path).parts[0]
        path = f"{content}/{COUNTRY.folder}/{code.lower()}.md"
        entity = Entity("country", code, name, name, path, "", Country(code=code), has_file=False)
        self.entities["country"][code] = entity
        return entity

    def _link_entity(self, entity: Entity) -> None:
        item = self.origins[entity]
        record = entity.record
        if isinstance(record, Person):
            entity.country = self._resolve(item, "country", record.country, ("country",))
            if entity.country:
                entity.country.people.append(entity)
            if record.organisation:
                entity.organisation = self._resolve(item, "organisation", record.organisation, ("organisation",))
                if entity.organisation:
                    entity.organisation.people.append(entity)
        if isinstance(record, Initiative) and record.proposer:
            entity.proposer = self._resolve(item, "proposer", record.proposer, ("country", "organisation"))

    def _link_article(self, article: ArticleEntry) -> None:
        item = self.origins[article]
        record = article.record
        article.publisher = self.publisher_names.get(publisher_key(record.source.publisher))
        if record.source.agency:
            article.agency = self.publisher_names.get(publisher_key(record.source.agency))
        lists: list[tuple[str, list[str], EntityKind, list[Entity]]] = [
            ("countries", record.countries, "country", article.countries),
            ("organisations", record.organisations, "organisation", article.organisations),
            ("initiatives", record.initiatives, "initiative", article.initiatives),
            ("people", record.people, "person", article.people),
        ]
        for name, refs, kind, target in lists:
            for index, ref in enumerate(refs):
                if entity := self._resolve(item, f"{name}[{index}]", ref, (kind,)):
                    target.append(entity)
        for index, position in enumerate(record.positions):
            where = f"positions[{index}]"
            actor = self._resolve(item, f"{where}.actor", position.actor, ("country", "organisation"))
            initiative = self._resolve(item, f"{where}.initiative", position.initiative, ("initiative",))
            voiced_by = self._optional(item, f"{where}.voiced_by", position.voiced_by, ("person",))
            if actor and initiative:
                entry = PositionEntry(actor, initiative, position, voiced_by, article)
                article.positions.append(entry)
                self._involve(article, actor, initiative, voiced_by)
        for index, quote in enumerate(record.quotes):
            where = f"quotes[{index}]"
            speaker = self._resolve(item, f"{where}.speaker", quote.speaker, ("person",))
            initiative = self._optional(item, f"{where}.initiative", quote.initiative, ("initiative",))
            if speaker:
                article.quotes.append(QuoteEntry(speaker, quote, initiative, article))
                self._involve(article, speaker, initiative)
        for index, figure in enumerate(record.figures):
            where = f"figures[{index}]"
            article.figures.append(
                FigureEntry(
                    figure,
                    self._optional(item, f"{where}.stated_by", figure.stated_by, ("person", "organisation", "country")),
                    self._optional(item, f"{where}.cited_by", figure.cited_by, ("person",)),
                    self._optional(item, f"{where}.scope", figure.scope, ("country", "organisation")),
                    article,
                )
            )

    def _optional(self, item: ValidRecord, field: str, ref: str | None, kinds: tuple[EntityKind, ...]) -> Entity | None:
        return self._resolve(item, field, ref, kinds) if ref else None

    @staticmethod
    def _involve(article: ArticleEntry, *entities: Entity | None) -> None:
        """Count an actor or speaker among the article's entities even if the editor did not list it."""
        targets = {
            "country": article.countries,
            "organisation": article.organisations,
            "initiative": article.initiatives,
            "person": article.people,
        }
        for entity in entities:
            if entity is not None and entity not in targets[entity.kind]:
                targets[entity.kind].append(entity)

    # -- back-links ---------------------------------------------------------------------

    def _site(self) -> Site:
        articles = sorted(self.articles.values(), key=lambda article: article.id)
        articles.sort(key=lambda article: article.published.sort_key, reverse=True)
        for article in articles:
            for entity in article.entities:
                entity.articles.append(article)
            for position in article.positions:
                for entity in position_holders(position):
                    entity.positions.append(position)
            for quote in article.quotes:
                for entity in _concerned_by_quote(quote):
                    entity.quotes.append(quote)
            for figure in article.figures:
                for entity in _concerned_by_figure(figure):
                    entity.figures.append(figure)
        for entity in self._all_entities():
            order_positions(entity)
            entity.people.sort(key=name_order)
        countries = self._sorted("country")
        for country in countries:
            country.related = _co_occurring(country)
        publishers = sorted(self.publishers.values(), key=lambda entry: (sort_key(entry.name), entry.id))
        return Site(
            countries,
            self._sorted("organisation"),
            self._sorted("initiative"),
            self._sorted("person"),
            articles,
            publishers,
        )

    def _sorted(self, kind: EntityKind) -> list[Entity]:
        return by_name(self.entities[kind].values())

    def _all_entities(self) -> list[Entity]:
        return [entity for entities in self.entities.values() for entity in entities.values()]

    def _problem(self, item: ValidRecord, field: str, message: str) -> None:
        self.problems.append(Problem(item.document.path, item.document.line_of(field), field, message))

    def _file_problem(self, item: ValidRecord, message: str) -> None:
        """Report a problem with the file itself (its name), not with a line of it."""
        self.problems.append(Problem(item.document.path, 0, "", message))


def position_holders(position: PositionEntry) -> list[Entity]:
    """The entities whose positions list holds `position`: its actor, initiative and spokesperson."""
    return distinct([position.actor, position.initiative, position.voiced_by])


def order_positions(entity: Entity) -> None:
    """Put an entity's positions in the order its briefing lists them: newest first (a position's
    own date, else its article's); an initiative's proposers first and opponents last ("who
    stands where"). Ties keep the order the positions come in: the site's, its articles newest
    first, each article's positions as its record lists them."""
    entity.positions.sort(
        key=lambda position: (position.record.date or position.article.published).sort_key, reverse=True
    )
    if entity.kind == "initiative":
        entity.positions.sort(key=role_rank)


def reorder_positions(site: Site, entities: Iterable[Entity]) -> None:
    """Put the positions of `entities` in order again after roles or dates changed in place
    (the live preview's swap of an article's stances, preview/session.py): back in the site's
    order first, so that ties fall as a fresh linking lets them."""
    rank = {id(article): index for index, article in enumerate(site.articles)}
    for entity in entities:
        entity.positions.sort(
            key=lambda position: (rank[id(position.article)], position.article.positions.index(position))
        )
        order_positions(entity)


def _concerned_by_quote(quote: QuoteEntry) -> list[Entity]:
    speaker = quote.speaker
    return distinct([speaker, speaker.country, speaker.organisation, quote.initiative])


def _concerned_by_figure(figure: FigureEntry) -> list[Entity]:
    stated, cited = figure.stated_by, figure.cited_by
    return distinct(
        [
            figure.scope,
            stated,
            stated.country if stated else None,
            cited,
            cited.country if cited else None,
        ]
    )


def _co_occurring(country: Entity, limit: int = 5) -> list[tuple[Entity, int]]:
    """Return the countries that appear in the most articles alongside this one."""
    counts = Counter(other for article in country.articles for other in article.countries if other is not country)
    return sorted(counts.items(), key=lambda pair: (-pair[1], sort_key(pair[0].name)))[:limit]


def _missing_message(ref: str, kinds: tuple[EntityKind, ...]) -> str:
    words = " or ".join(KIND_NAMED[kind].word for kind in kinds)
    files = " or ".join(KIND_NAMED[kind].entry_file(ref) for kind in kinds)
    return f"unknown {words} {ref!r}: expected a registry entry {files}"
