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
from babel.dates import get_month_names

from generator.content.dates import PartialDate


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


_WITH_YEAR = ("iso", "numeric", "year", "month_first")
"""The pattern's groups that match a date with its year."""
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")


def find_publication_date(
    header: list[str], paragraphs: list[str], languages: tuple[str, ...], retrieved: dt.date
) -> PrintedDate | None:
    """Return the date the page prints for the article, read in this order of trust.

    First a full date printed above the article, then a day and month printed there, then
    the first date of the lead paragraph (often the day of the event reported), and last a
    year printed above the article.
    """
    text = "\n".join([*header, *paragraphs])
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
            any(match[group] for group in ("iso", "numeric", "year", "month_first")),
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
        | (?P<month_first>(?<!\w)(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d))
        """,
        re.IGNORECASE | re.VERBOSE,
    )


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
