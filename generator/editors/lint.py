"""Stage 3b, lint: what the content may legally say but probably should not.

The schema and the linker refuse what cannot be published. This stage runs on the linked
Site and points out what can be published but is likely an editor's slip: an article no
country briefing will list, a position with no date or no evidence, a registry entry
nothing refers to, a date in the future, the same article curated twice, invisible
characters in a title or name, an outlet with no entry in the publishers registry. Each finding is
a `ContentWarning`, a Problem that does not stop the build, so it names the file, the line
and the field the same way. `briefings check` prints them; `--strict` makes them fail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rapidfuzz import fuzz, process

from generator.content.dates import PartialDate
from generator.content.drafts import CAPTURED_TEXT_MARK
from generator.content.errors import Problem
from generator.content.read import SourceDocument
from generator.content.schema import Initiative
from generator.content.texts import FORMAT_CHARACTERS, format_characters
from generator.linked.model import ArticleEntry, Entity, Site, sort_key

SIMILARITY = 90
"""Two titles (or names) at least this alike, out of 100, are reported as near-duplicates."""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class Rule(StrEnum):
    """The kinds of warning, one per suspicious pattern."""

    NO_COUNTRY = "no-country"
    NO_SUMMARY = "no-summary"
    UNDATED_POSITION = "undated-position"
    POSITION_WITHOUT_EVIDENCE = "position-without-evidence"
    UNUSED_ENTRY = "unused-entry"
    FUTURE_DATE = "future-date"
    SAME_SOURCE = "same-source"
    SIMILAR_TITLE = "similar-title"
    SIMILAR_NAME = "similar-name"
    DRAFT = "draft"
    CAPTURED_TEXT = "captured-text"
    INVISIBLE_CHARACTER = "invisible-character"
    UNKNOWN_PUBLISHER = "unknown-publisher"
    OWN_WORDS = "own-words"
    """A summary or overview copying ten words in a row of a kept capture (own_words.py)."""


@dataclass(frozen=True, order=True)
class ContentWarning(Problem):
    """A problem that does not stop publication: legal, but probably a mistake."""

    rule: Rule = field(compare=False)


def find_warnings(site: Site, documents: dict[str, SourceDocument], today: dt.date) -> list[ContentWarning]:
    """Run every rule over the linked site; return the warnings sorted by file and line."""
    linter = _Linter(documents, today)
    for article in site.articles:
        linter.article(article)
    for initiative in site.initiatives:
        assert isinstance(initiative.record, Initiative)
        if initiative.record.announced is not None:
            linter.future(initiative.source_file, "announced", initiative.record.announced)
    for entity in site.entities:
        linter.invisible_characters(entity.source_file, entity.record, ("name", "short_name"))
    linter.unused_entries(site)
    linter.same_sources(site.articles)
    linter.similar_titles(site.articles)
    for entities in (site.organisations, site.initiatives, site.people):
        linter.similar_names(entities)
    return sorted(linter.warnings)


class _Linter:
    """Collects warnings; knows where each field of each file is."""

    def __init__(self, documents: dict[str, SourceDocument], today: dt.date) -> None:
        self.documents = documents
        self.today = today
        self.warnings: list[ContentWarning] = []

    def warn(self, rule: Rule, path: str, field: str, message: str, line: int | None = None) -> None:
        where = line if line is not None else self.documents[path].line_of(field)
        self.warnings.append(ContentWarning(path, where, field, message, rule))

    # -- one article at a time ----------------------------------------------------------

    def article(self, article: ArticleEntry) -> None:
        path, record = article.source_file, article.record
        if not article.countries and not article.organisations:  # a UN statement concerns the UN, no country
            self.warn(
                Rule.NO_COUNTRY,
                path,
                "countries",
                "the article concerns no country and no organisation, so no briefing of either lists it; "
                "add the codes of the countries it is about, e.g. [KZ, CN], or its organisations",
            )
        if not _COMMENT.sub("", article.summary).strip():
            self.warn(
                Rule.NO_SUMMARY,
                path,
                "",
                "the article has no summary; write one below the front matter, in French and in your own words",
                line=self.documents[path].body_line,
            )
        self.captured_text(self.documents[path])
        self.invisible_characters(path, record, ("title",))
        outlets = [("source.publisher", record.source.publisher, article.publisher)]
        if record.source.agency:
            outlets.append(("source.agency", record.source.agency, article.agency))
        for where, printed, entry in outlets:
            if entry is None:
                self.warn(
                    Rule.UNKNOWN_PUBLISHER,
                    path,
                    where,
                    f"no publisher entry is named {printed!r}, so briefings count it as an unlisted source; "
                    "add content/publishers/<id>.md with this name or alias (briefings new publisher --name …)",
                )
        for index, position in enumerate(record.positions):
            where = f"positions[{index}]"
            if position.date is None:
                self.warn(
                    Rule.UNDATED_POSITION,
                    path,
                    where,
                    f"the position has no date, so it is shown under the publication date ({article.published}); "
                    "add 'date:' with the day the stance was taken",
                )
            if position.evidence is None:
                self.warn(
                    Rule.POSITION_WITHOUT_EVIDENCE,
                    path,
                    where,
                    "the position has no evidence; add 'evidence:' with the short quote from the article that shows it",
                )
        for where, date in _article_dates(article):
            self.future(path, where, date)

    def captured_text(self, document: SourceDocument) -> None:
        """Warn when a published record still holds the article text `briefings ingest` copied into it."""
        start = document.front.find(CAPTURED_TEXT_MARK)
        if start >= 0:
            self.warn(
                Rule.CAPTURED_TEXT,
                document.path,
                "",
                "the captured article's text is still here, as comments; delete those lines before publishing: "
                "the text is not ours and the repository is public",
                line=document.front_start + document.front.count("\n", 0, start) + 1,
            )

    def invisible_characters(self, path: str, record: object, fields: tuple[str, ...]) -> None:
        """Warn about bidi controls and zero-width characters in a title or name (texts.py says why)."""
        for field_name in fields:
            value = getattr(record, field_name, None)
            if isinstance(value, str) and (found := format_characters(value)):
                self.warn(
                    Rule.INVISIBLE_CHARACTER,
                    path,
                    field_name,
                    f"holds invisible characters that change how it is shown or compared: {', '.join(found)}; "
                    "delete them, unless the script of a name needs them (joiners in Persian or Indic names)",
                )

    def future(self, path: str, field: str, date: PartialDate | dt.date) -> None:
        """Warn about a date whose first day is after today: usually a mistyped year."""
        first_day = date if isinstance(date, PartialDate) else PartialDate(date.year, date.month, date.day)
        if first_day > PartialDate(self.today.year, self.today.month, self.today.day):
            self.warn(
                Rule.FUTURE_DATE,
                path,
                field,
                f"{first_day} is in the future (today is {self.today.isoformat()}); check the year",
            )

    # -- across records -----------------------------------------------------------------

    def unused_entries(self, site: Site) -> None:
        proposers = {initiative.proposer for initiative in site.initiatives if initiative.proposer}
        for entity in site.entities:
            used = entity.articles or entity.positions or entity.quotes or entity.figures or entity.people
            if not used and entity not in proposers:
                self.warn(
                    Rule.UNUSED_ENTRY,
                    entity.source_file,
                    "",
                    f"nothing refers to this {entity.kind}: no article or registry entry names "
                    f"{entity.id!r}; refer to it from an article, or delete the file",
                )

    def same_sources(self, articles: list[ArticleEntry]) -> None:
        """Warn when two articles share a source URL or a capture: the same article curated twice."""
        first_by_key: dict[tuple[str, str], ArticleEntry] = {}
        for article in sorted(articles, key=lambda article: article.source_file):
            source = article.record.source
            keys = [("source.url", _normal_url(str(source.url)) if source.url else None)]
            keys.append(("source.capture", source.capture))
            for field_path, key in keys:
                if key is None:
                    continue
                first = first_by_key.setdefault((field_path, key), article)
                if first is not article:
                    what = "source URL" if field_path == "source.url" else "capture"
                    self.warn(
                        Rule.SAME_SOURCE,
                        article.source_file,
                        field_path,
                        f"same {what} as {first.source_file}: the article may be curated twice; merge the two records",
                    )

    def similar_titles(self, articles: list[ArticleEntry]) -> None:
        pairs = _near_duplicates([(article.source_file, article.record.title) for article in articles])
        for (first, title), (later, _) in pairs:
            self.warn(
                Rule.SIMILAR_TITLE,
                later,
                "title",
                f"nearly the same as the title of {first} ({title!r}): the article may be curated twice",
            )

    def similar_names(self, entities: list[Entity]) -> None:
        pairs = _near_duplicates([(entity.source_file, entity.name) for entity in entities])
        for (first, name), (later, _) in pairs:
            kind = entities[0].kind
            self.warn(
                Rule.SIMILAR_NAME,
                later,
                "name",
                f"nearly the same as the name in {first} ({name!r}): the same {kind} may be registered twice",
            )


def _article_dates(article: ArticleEntry) -> Iterator[tuple[str, PartialDate | dt.date]]:
    """Every date an article gives, with its field path. Figures' years may be projections."""
    record = article.record
    yield "published", record.published
    yield "source.retrieved", record.source.retrieved
    for index, event in enumerate(record.events):
        yield f"events[{index}].date", event.date
    for index, position in enumerate(record.positions):
        if position.date is not None:
            yield f"positions[{index}].date", position.date
    for index, quote in enumerate(record.quotes):
        if quote.date is not None:
            yield f"quotes[{index}].date", quote.date


def _near_duplicates(items: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Return the pairs of (path, text) whose texts are near-duplicates, earlier path first.

    Texts are compared without accents, case, punctuation or invisible formatting characters
    ("l’IA", "L'ia" and "L\u200b'IA" are equal),
    with RapidFuzz's normalised Levenshtein ratio: C++ and bit-parallel, so comparing every
    pair stays quick at thousands of records, where difflib would take minutes.
    """
    ordered = sorted(items)
    normalised = [" ".join(re.findall(r"\w+", sort_key(FORMAT_CHARACTERS.sub("", text)))) for _, text in ordered]
    pairs = []
    for index, text in enumerate(normalised):
        later = normalised[index + 1 :]
        for _, _, offset in process.extract_iter(text, later, scorer=fuzz.ratio, score_cutoff=SIMILARITY):
            pairs.append((ordered[index], ordered[index + 1 + offset]))
    return pairs


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|xtor)$")


def _normal_url(url: str) -> str:
    """Reduce a URL to what identifies the article: no scheme, www., fragment, tracking or final slash."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(key, value) for key, value in parse_qsl(parts.query) if not _TRACKING.match(key)])
    return urlunsplit(("", host, parts.path.rstrip("/"), query, ""))
