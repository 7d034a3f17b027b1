"""Gather every guess about a capture into one Draft, and choose where it is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from generator.content.dates import PartialDate
from generator.content.kinds import ARTICLE
from generator.content.limits import CAPTURE_TEXT
from generator.editors.ingest.address import Address
from generator.editors.ingest.capture import Capture, Clue, Extraction
from generator.editors.ingest.entities import Findings, find_entities, registry_names
from generator.editors.ingest.html_page import extract_html
from generator.editors.ingest.language import detect_language
from generator.editors.ingest.new_entries import NewEntry, find_new_entries
from generator.editors.ingest.plain_text import extract_plain_text
from generator.editors.ingest.printed_dates import PrintedDate, day_named_by_weekday, find_publication_date


@dataclass(frozen=True)
class Draft:
    """What ingest found in a capture; every value here is a guess for the editor to check."""

    capture: str
    title: Clue | None
    published: PrintedDate | None
    publisher: Clue | None
    agency: Clue | None
    author: Clue | None
    url: str | None
    language: str | None
    retrieved: dt.date
    findings: Findings
    paragraphs: list[str]
    new_entries: list[NewEntry] = dataclasses.field(default_factory=list)
    """The people, organisations and initiatives named without a registry entry, for draft entries."""
    cut: bool = False
    """Whether the article's text was longer than the limit 'capture text', and only its start was read."""


_HEADLINE_LIKENESS = 0.6
"""Share of the address's headline words a line must hold to be taken for the headline."""


def make_draft(capture: Capture, content_dir: Path, retrieved: dt.date, address: Address | None = None) -> Draft:
    """Extract the article from `capture` and make every guess the record needs.

    `address` is the page's address when the editor gives it (or ingest fetched the page):
    it is recorded as the source URL, and its date, host and words are clues.
    """
    extracted = extract_html(capture.text) if capture.is_html else extract_plain_text(capture.text)
    extraction = dataclasses.replace(extracted, paragraphs=_first_characters(extracted.paragraphs, CAPTURE_TEXT))
    language = detect_language(extraction.paragraphs)
    languages = tuple(dict.fromkeys([language or "fr", "fr", "en"]))
    title_clue = _headline(extraction, address)
    title = title_clue.value if title_clue else ""
    published = _publication_date(extraction, languages, retrieved, address, title_clue)
    publisher = extraction.publisher
    if publisher is None and address is not None and address.host:
        publisher = Clue(address.host, f"site de l'adresse {address.url}")
    text = "\n".join([title, *extraction.paragraphs])
    findings = find_entities(text, registry_names(content_dir), language)
    return Draft(
        capture=capture.name,
        title=title_clue,
        published=published,
        publisher=publisher,
        agency=extraction.agency,
        author=extraction.author,
        url=address.url if address else extraction.url,
        language=language,
        retrieved=retrieved,
        findings=findings,
        paragraphs=extraction.paragraphs,
        new_entries=find_new_entries(text, findings.taken, findings.new_names, language),
        cut=len(extraction.paragraphs) < len(extracted.paragraphs),
    )


def _publication_date(
    extraction: Extraction,
    languages: tuple[str, ...],
    retrieved: dt.date,
    address: Address | None,
    headline: Clue | None,
) -> PrintedDate | None:
    """The page's metadata first, then the day the address files it under, then what the text prints.

    A date after the retrieval day is a misreading (an event to come, a wrong year) and is
    never given. A month (or a year) is made exact by a day a later clue gives within it.
    """
    today = PartialDate(retrieved.year, retrieved.month, retrieved.day)
    candidates: list[PrintedDate | None] = []
    if extraction.published:
        stated = PartialDate.parse(extraction.published.value)
        candidates.append(PrintedDate(stated, extraction.published.printed, extraction.published.printed))
    filed = address.date if address else None
    if address and filed and filed.precision == 3:
        candidates.append(PrintedDate(filed, address.url, f"lu dans l'adresse de la page : {address.url}"))
    printed = find_publication_date(
        extraction.header, extraction.paragraphs, languages, retrieved, headline.value if headline else None
    )
    if address and filed and filed.precision < 3:
        month = PrintedDate(filed, address.url, f"mois lu dans l'adresse de la page : {address.url}")
        # The article's first date is more likely its events' than its publication's.
        candidates += [month, printed] if printed is None or printed.in_article else [printed, month]
    else:
        candidates.append(printed)
    possible = [candidate for candidate in candidates if candidate is not None and candidate.date <= today]
    if not possible:
        return None
    return _made_exact(possible[0], possible[1:], extraction.paragraphs, languages, today)


def _made_exact(
    chosen: PrintedDate,
    later: list[PrintedDate],
    paragraphs: list[str],
    languages: tuple[str, ...],
    today: PartialDate,
) -> PrintedDate:
    """`chosen`, or the day within it that a later clue gives or the lead names by its weekday.

    The stored date "2025-02" and the address's "…/yjj2025021200234/" agree, and the
    address says which day of February. A day the lead prints ("during an April 17 press
    conference") is the events' and does not count; a weekday it names does, when the
    article prints that day in full elsewhere (the news is of that day).
    """
    if chosen.date.precision == 3:
        return chosen
    within = [
        clue
        for clue in later
        if not clue.in_article and clue.date.precision > chosen.date.precision and _within(clue.date, chosen.date)
    ]
    if not within and chosen.date.precision == 2:
        named = day_named_by_weekday(paragraphs, languages, chosen.date)
        within = [named] if named is not None and named.date <= today else []
    if not within:
        return chosen
    return dataclasses.replace(within[0], how=f"{within[0].how} ; s'accorde avec {chosen.how}")


def _within(day: PartialDate, span: PartialDate) -> bool:
    return day.year == span.year and (not span.month or day.month == span.month)


def _headline(extraction: Extraction, address: Address | None) -> Clue | None:
    """The line most like the address's headline words, if one is; else the extractor's title."""
    if address is not None and address.words:
        lines = [line for line in extraction.header if 3 <= len(line.split()) <= 40]
        if extraction.title:
            lines.append(extraction.title.value)
        best = max(lines, key=address.likeness, default=None)
        if best is not None and address.likeness(best) >= _HEADLINE_LIKENESS:
            return Clue(best, "titre imprimé dans la capture, proche des mots de l'adresse de la page")
    return extraction.title


def _first_characters(paragraphs: list[str], limit: int) -> list[str]:
    """The paragraphs that start within the first `limit` characters of the article.

    A real article is a few thousand characters; a capture of megabytes of text would make
    the guesses take minutes and the draft too large to be a record.
    """
    kept: list[str] = []
    length = 0
    for paragraph in paragraphs:
        if length + len(paragraph) > limit:
            break
        kept.append(paragraph)
        length += len(paragraph) + 1
    return kept


def default_path(content_dir: Path, draft: Draft) -> Path:
    """content/articles/<year>/<date>-<words of the title>.md, as editors name records."""
    words = slugify(draft.title.value if draft.title else draft.capture, max_length=60, word_boundary=True)
    words = re.sub(r"(?:-[a-z])+$", "", words)  # a cut at "… de l'IA" leaves a stray "-l"
    if draft.published is None:
        return content_dir / ARTICLE.folder / f"{words}.md"
    date = draft.published.date
    return content_dir / ARTICLE.folder / f"{date.year:04d}" / f"{date.iso}-{words}.md"
