"""Find the dates a page prints and read them with dateparser.

Pages print dates in many shapes: "Mis à jour le 12-08-2025", "Mercredi, Mai 8, 2024 -
12:00", "Dec. 18, 2025, 5:15 a.m.", or only "26 février" with the year left to the
context. dateparser reads each shape in many languages, but it is a parser, not a
finder: given a whole line it gives up on the words around the date. So a pattern
built from Babel's month names (in the capture's language, French and English) picks
out each candidate, and dateparser reads it. A day and month without a year takes the
year printed nearest to it in the text, else the latest year that puts it before the
retrieval day; either way the draft says the year was inferred.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import dateparser
from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from generator.content.dates import PartialDate
from generator.editors.ingest.folding import fold_lower


@dataclass(frozen=True)
class PrintedDate:
    """A date read from the capture, the text it was read from and how it was read."""

    date: PartialDate
    printed: str
    how: str
    """Why the editor should check it, in French: "lu « 12-08-2025 »" and so on."""
    in_article: bool = False
    """Read in the article's first paragraph rather than above it: perhaps the day of the events."""


@dataclass(frozen=True)
class _Candidate:
    printed: str
    start: int
    has_year: bool


_WITH_YEAR = ("iso", "numeric", "year", "month_first_year")
"""The pattern's groups that match a date with its year."""
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")


def find_publication_date(
    header: list[str],
    paragraphs: list[str],
    languages: tuple[str, ...],
    retrieved: dt.date,
    headline: str | None = None,
) -> PrintedDate | None:
    """Return the date the page prints for the article, read in this order of trust.

    First a full date printed above the article, then a day and month printed there, then
    the first date of the lead paragraph (often the day of the event reported), and last a
    year printed above the article. Above the article, the lines under the `headline`
    come before the lines over it.
    """
    text = "\n".join([*header, *paragraphs])
    header = _under_headline_first(header, headline)
    for line in header:
        for candidate in _candidates(line, languages):
            if candidate.has_year and (date := _parse(candidate.printed, languages)):
                return PrintedDate(PartialDate(date.year, date.month, date.day), line.strip(), f"lu « {line.strip()} »")
    for line in header:
        for candidate in _candidates(line, languages):
            if found := _with_inferred_year(candidate, text, text.find(line), languages, retrieved):
                return found
    for paragraph in paragraphs[:1]:
        for candidate in _candidates(paragraph, languages):
            found = (
                _full(candidate, languages)
                if candidate.has_year
                else _with_inferred_year(candidate, text, text.find(paragraph), languages, retrieved)
            )
            if found:
                return PrintedDate(
                    found.date,
                    found.printed,
                    f"{found.how}, dans le premier paragraphe : peut-être la date des faits",
                    in_article=True,
                )
    for line in header:
        if year := _YEAR.search(line):
            return PrintedDate(
                PartialDate(int(year[0])), line.strip(), f"aucune date imprimée ; année lue dans « {line.strip()} »"
            )
    return None


def _under_headline_first(header: list[str], headline: str | None) -> list[str]:
    """The header's lines from the headline down, then those above it (a date bar, a distributor's line)."""
    stripped = [line.strip() for line in header]
    if headline is None or headline.strip() not in stripped:
        return header
    at = stripped.index(headline.strip())
    return [*header[at:], *header[:at]]


def day_named_by_weekday(paragraphs: list[str], languages: tuple[str, ...], within: PartialDate) -> PrintedDate | None:
    """The day in `within` that the lead names by its weekday and the article prints in full, if there is one.

    "The Assembly on Thursday adopted…" with "in session on March 21, 2024" in a caption:
    21 March 2024 was a Thursday, so the news is of that day.
    """
    if not paragraphs:
        return None
    lead = fold_lower(paragraphs[0])
    named = {
        number
        for number, names in _weekday_names(languages).items()
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lead) for name in names)
    }
    if not named:
        return None
    for paragraph in paragraphs:
        for candidate in _candidates(paragraph, languages):
            date = _parse(candidate.printed, languages) if candidate.has_year else None
            if (
                date is not None
                and date.weekday() in named
                and (date.year, date.month) == (within.year, within.month or date.month)
            ):
                return PrintedDate(
                    PartialDate(date.year, date.month, date.day),
                    candidate.printed,
                    f"jour de la semaine nommé en tête de l'article, daté « {candidate.printed} » plus loin",
                    in_article=True,
                )
    return None


def _full(candidate: _Candidate, languages: tuple[str, ...]) -> PrintedDate | None:
    date = _parse(candidate.printed, languages)
    if date is None:
        return None
    return PrintedDate(PartialDate(date.year, date.month, date.day), candidate.printed, f"lu « {candidate.printed} »")


def _with_inferred_year(
    candidate: _Candidate, text: str, offset: int, languages: tuple[str, ...], retrieved: dt.date
) -> PrintedDate | None:
    if candidate.has_year:
        return None
    position = max(offset, 0) + candidate.start
    years = sorted(_YEAR.finditer(text), key=lambda match: abs(match.start() - position))
    if years:
        year = int(years[0][0])
        how = f"lu « {candidate.printed} » ; année {year} déduite du texte voisin"
    else:
        year = retrieved.year
        how = f"lu « {candidate.printed} » sans année ; année supposée : la dernière avant la capture"
    date = _parse(f"{candidate.printed} {year}", languages)
    if date is None:
        return None
    if not years and date > retrieved:
        date = _parse(f"{candidate.printed} {year - 1}", languages)
        if date is None:
            return None
    return PrintedDate(PartialDate(date.year, date.month, date.day), candidate.printed, how)


def _parse(printed: str, languages: tuple[str, ...]) -> dt.date | None:
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(printed, languages=list(languages), settings=settings)
    except ValueError:  # a language dateparser does not know
        parsed = dateparser.parse(printed, languages=["fr", "en"], settings=settings)
    return parsed.date() if parsed else None


def _candidates(text: str, languages: tuple[str, ...]) -> list[_Candidate]:
    """Return the date-like spans of `text`, left to right."""
    found = [
        _Candidate(
            match[0].strip(" ,"),
            match.start(),
            any(match[group] for group in _WITH_YEAR),
        )
        for match in _date_pattern(languages).finditer(text)
    ]
    return sorted(found, key=lambda candidate: candidate.start)


@cache
def _date_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    months = "|".join(re.escape(name) for name in sorted(_month_names(languages), key=len, reverse=True))
    return re.compile(
        rf"""
        (?P<iso>(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?!\d))
        | (?P<numeric>(?<![\d.])\d{{1,2}}\s?[-/.]\s?\d{{1,2}}\s?[-/.]\s?\d{{4}}(?!\d))
        | (?<!\w)(?:1er|\d{{1,2}})\s+(?:{months})\.?(?:,?\s+(?P<year>\d{{4}}))?(?![\w\d])
        | (?<!\w)(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<month_first_year>\d{{4}}))?(?![\w\d])
        """,
        re.IGNORECASE | re.VERBOSE,
    )


@cache
def _weekday_names(languages: tuple[str, ...]) -> dict[int, frozenset[str]]:
    """Each weekday's wide names (Monday is 0), folded to lower case, in `languages`."""
    names: dict[int, set[str]] = {number: set() for number in range(7)}
    for language in languages:
        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            continue
        for number, name in get_day_names("wide", "format", locale).items():
            names[number].add(fold_lower(name))
    return {number: frozenset(found) for number, found in names.items()}


def _month_names(languages: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for language in languages:
        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(name.rstrip(".") for name in get_month_names(width, context, locale).values())
    return {name for name in names if len(name) >= 3}
