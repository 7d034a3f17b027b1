"""The record types: one class per kind of file, one typed, described line per field.

Unknown keys are errors (`extra="forbid"`), so a misspelt `contries:` is caught instead of
silently ignored. Validators normalise once, here at the boundary: country codes upper
case, lists deduplicated in order, text stripped. Templates never branch on input shape.
Cross-file checks (does this id exist?) belong to `model.py`, which sees every record.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
)

from generator.content.dates import PartialDate


@functools.cache
def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, in upper case: every one names a country briefing."""
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None


def _check_slug(value: str) -> str:
    """An id a record refers to follows the rule of ids (kinds.py), or no record could have it."""
    if problem := _id_problem(value):
        raise ValueError(f"{problem}, got {value!r}")
    return value


@functools.cache  # 10,000 articles repeat the same few thousand ids
def _id_problem(value: str) -> str | None:
    # kinds.py names the record classes of this module, so it imports this module: import it once needed.
    from generator.content.kinds import id_problem

    return id_problem(value)


def check_country_code(value: str) -> str:
    code = value.strip().upper()
    if not is_country_code(code):
        raise ValueError(f"expected an ISO 3166-1 alpha-2 country code such as 'FR', got {value!r}")
    return code


def _check_entity_ref(value: str) -> str:
    """An actor is a country code (two letters) or a registry id (a slug)."""
    if re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        return check_country_code(value)
    return _check_slug(value)


TAG_LENGTH = 60
"""Longest tag, in characters."""


def _check_tag(value: str) -> str:
    """Tags become page labels and links: plain words only."""
    if not re.fullmatch(rf"\w[\w '’-]{{0,{TAG_LENGTH - 1}}}", value):
        raise ValueError(
            f"expected a tag of letters, digits, spaces, hyphens or apostrophes ({TAG_LENGTH} at most), got {value!r}"
        )
    return value


def _check_language(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", value):
        raise ValueError(f"expected a language code such as 'fr' or 'en', got {value!r}")
    return value


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _as_list(value: object) -> object:
    """Let editors write a single value where a list is expected."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
NAME_LENGTH = 300
"""Longest title or name, in characters. A headline is rarely a third of it, and each title and
name shows in dozens of lists: one of a quarter of a megabyte made a build take seconds."""
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_LENGTH)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_slug)]
CountryCode = Annotated[str, AfterValidator(check_country_code)]
EntityRef = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_entity_ref)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_tag)]
LanguageCode = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_language)]


# Lists given as a list or a single value, deduplicated in order.
TextList = Annotated[list[Text], BeforeValidator(_as_list), AfterValidator(_unique)]
SlugList = Annotated[list[Slug], BeforeValidator(_as_list), AfterValidator(_unique)]
CodeList = Annotated[list[CountryCode], BeforeValidator(_as_list), AfterValidator(_unique)]
TagList = Annotated[list[Tag], BeforeValidator(_as_list), AfterValidator(_unique)]


class Record(BaseModel):
    """Common settings: unknown keys are errors, values are checked strictly enough."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    BODY: ClassVar[str] = ""
    """What the Markdown below the front matter holds, for content/SCHEMA.md; nested records have none."""


class Role(StrEnum):
    """How an actor stands on an initiative."""

    # Declaration order is the order of a "who stands where" table.
    proposes = "proposes"
    hosts = "hosts"
    signs = "signs"
    joins = "joins"
    supports = "supports"
    opposes = "opposes"


class Status(StrEnum):
    """Where an initiative stands."""

    proposed = "proposed"
    in_preparation = "in_preparation"
    adopted = "adopted"
    in_force = "in_force"
    ongoing = "ongoing"
    abandoned = "abandoned"


def _choices(values: type[StrEnum]) -> str:
    """The values of an enum in declaration order, for a description: "a, b or c"."""
    names = [value.value for value in values]
    return f"{', '.join(names[:-1])} or {names[-1]}"


class Country(Record):
    """A country briefing's registry entry; its French name comes from Babel."""

    BODY = "Editorial overview in French, in our own words: what the country proposed, supported or said."

    code: CountryCode = Field(description="ISO 3166-1 alpha-2 code, e.g. KZ.")
    aliases: TextList = Field(default_factory=list, description="Other names and adjectives, FR and EN.")


class Reviewed(Record):
    """A registry entry `briefings ingest` may draft from a name it found: kept off the site until reviewed."""

    draft: bool = Field(
        False, description="True while an editor has not yet reviewed an entry ingest drafted: kept off the site."
    )


class Organisation(Reviewed):
    """An international or regional organisation."""

    BODY = "What the organisation does on AI governance, in French and in our own words."

    name: Name = Field(description="Full French name.")
    short_name: Name | None = Field(None, description="Acronym or short name, e.g. ASEAN.")
    kind: Text | None = Field(None, description="What kind of body it is, in French.")
    seat: Text | None = Field(None, description="Where it is headquartered.")
    aliases: TextList = Field(default_factory=list, description="Other names, FR and EN.")


class Initiative(Reviewed):
    """A proposal, declaration, programme or body that actors take positions on."""

    BODY = "What the initiative is, who carries it and where it stands, in French and in our own words."

    name: Name = Field(description="Full French name.")
    short_name: Name | None = Field(None, description="Short name used in tables.")
    proposer: EntityRef | None = Field(None, description="Country code or organisation id.")
    announced: PartialDate | None = Field(None, description="When it was first announced.")
    status: Status = Field(description=f"Where it stands now: {_choices(Status)}.")
    seat: Text | None = Field(None, description="Seat or venue, if any.")
    aliases: TextList = Field(default_factory=list, description="Other names, FR and EN.")


class Person(Reviewed):
    """A person quoted or acting in the articles."""

    BODY = "Who they are, in French and in our own words."

    name: Name = Field(description="Name as usually written in French.")
    family_name: Name | None = Field(
        None,
        description="Family name, when it is not the last word of the name (Xi for Xi Jinping, "
        "Pejčinović Burić for Marija Pejčinović Burić): people are listed by it.",
    )
    role: Text = Field(description="Office held at the time of the reports.")
    country: CountryCode = Field(description="Code of the country the person speaks for, e.g. KZ.")
    organisation: Slug | None = Field(None, description="Organisation id, if the person speaks for one.")
    aliases: TextList = Field(default_factory=list, description="Spelling variants.")


class AlsoReported(Record):
    """Another outlet that reported the same facts."""

    url: HttpUrl = Field(description="Address of that outlet's article.")
    publisher: Text = Field(description="That outlet, as printed, e.g. Kazinform.")


class PublisherKind(StrEnum):
    """What kind of outlet a publisher is; the methodology page explains each."""

    state_news_agency = "state_news_agency"
    state_owned_outlet = "state_owned_outlet"
    public_broadcaster = "public_broadcaster"
    private_outlet = "private_outlet"
    aggregator = "aggregator"
    official_source = "official_source"
    """A ministry, a government portal or an international organisation."""


class Publisher(Record):
    """An outlet that articles come from: who runs it and where, so a briefing can say where its sources come from."""

    BODY = "Optional note in French: who owns or runs the outlet, in our own words."

    name: Text = Field(description="Name as usually printed, e.g. Xinhua.")
    aliases: TextList = Field(
        default_factory=list, description="Other printed spellings, e.g. 'Agence de presse Xinhua'."
    )
    country: CountryCode | None = Field(
        None, description="ISO code of the outlet's country; none for an international organisation."
    )
    kind: PublisherKind = Field(description=f"What kind of outlet it is: {_choices(PublisherKind)}.")
    website: HttpUrl | None = Field(None, description="Address of the outlet's home page.")


class Source(Record):
    """Where an article was published and when we captured it.

    `publisher` and `agency` are matched by name or alias to content/publishers/ (the linker).
    """

    publisher: Name = Field(description="Publisher as printed, e.g. French.china.org.cn.")
    agency: Name | None = Field(None, description="News agency credited, if any.")
    author: Name | None = Field(None, description="Byline, if any.")
    url: HttpUrl | None = Field(None, description="Address of the original; only a URL really known.")
    url_note: Text | None = Field(
        None, description="Why there is no address, shown instead of it, e.g. 'seule une copie papier existe'."
    )
    also: list[AlsoReported] = Field(default_factory=list, description="Other outlets that reported the same facts.")
    language: LanguageCode = Field(description="Language of the original, e.g. fr.")
    retrieved: dt.date = Field(description="Day the article was captured, YYYY-MM-DD.")
    capture: Text | None = Field(
        None,
        description="Id of the raw capture file; kept as content/captures/<id>.txt or .html (not published, "
        "ignored by git), `briefings check` warns when the summary copies ten words of it in a row.",
    )


class Event(Record):
    """Something that happened, dated on its own: it may predate the publication."""

    name: Name = Field(description="What happened, in French.")
    date: PartialDate = Field(description="When it happened.")
    place: Name | None = Field(None, description="Where it happened.")


class Position(Record):
    """An actor's stance on an initiative, as the article shows it."""

    actor: EntityRef = Field(description="Country code or organisation id.")
    initiative: Slug = Field(description="Initiative id.")
    role: Role = Field(description=f"{_choices(Role)}.")
    date: PartialDate | None = Field(None, description="When the stance was taken (not the publication date).")
    voiced_by: Slug | None = Field(None, description="Person id of who expressed it.")
    evidence: Text | None = Field(None, description="Short quote from the article that shows it.")


class Quote(Record):
    """A short, attributed quotation."""

    speaker: Slug = Field(description="Person id.")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)] = Field(
        description="The words, verbatim and short."
    )
    language: LanguageCode = Field("fr", description="Language of the quote as given.")
    date: PartialDate | None = Field(None, description="When it was said.")
    reported: bool = Field(False, description="True when the article gives it in indirect speech.")
    initiative: Slug | None = Field(None, description="Initiative it is about, if any.")


class Figure(Record):
    """A key figure: a number, what it measures and who stated it."""

    value: Annotated[float, Field(allow_inf_nan=False)] = Field(description="The number as reported.")
    unit: Text = Field(description="Unit, e.g. 'milliards de dollars' or '%'.")
    measures: Text = Field(description="What the number measures, in French.")
    qualifier: Literal["more_than", "about", "up_to", "less_than"] | None = Field(
        None, description="How exact the number is."
    )
    year: Annotated[int, Field(ge=1900, le=2200)] | None = Field(None, description="Year the figure is for.")
    stated_by: EntityRef | None = Field(None, description="Person, organisation or country id.")
    cited_by: Slug | None = Field(None, description="Person id of who quoted the figure.")
    scope: EntityRef | None = Field(None, description="Country or organisation the figure is about.")


class Article(Record):
    """One curated news article: facts, positions and our own summary (the body)."""

    BODY = "Our own summary in French, never the article's sentences (quotes go in `quotes`)."

    draft: bool = Field(False, description="True while an editor is still checking it: kept off the site.")
    title: Name = Field(description="Headline as published.")
    published: PartialDate = Field(description="Publication date as printed: YYYY-MM-DD, YYYY-MM or YYYY.")
    source: Source = Field(description="Where the article was published and when it was captured.")
    countries: CodeList = Field(default_factory=list, description="Country codes involved.")
    organisations: SlugList = Field(default_factory=list, description="Organisation ids involved.")
    initiatives: SlugList = Field(default_factory=list, description="Initiative ids involved.")
    people: SlugList = Field(default_factory=list, description="Person ids involved.")
    events: list[Event] = Field(default_factory=list, description="Dated events the article reports.")
    positions: list[Position] = Field(default_factory=list, description="Who stands where.")
    quotes: list[Quote] = Field(default_factory=list, description="Short attributed quotations.")
    figures: list[Figure] = Field(default_factory=list, description="Key figures.")
    tags: TagList = Field(default_factory=list, description="Topics, in French.")
