"""Gather every guess about a capture into one Draft, and choose where it is written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from generator.content.dates import PartialDate
from generator.content.kinds import ARTICLE
from generator.content.limits import CAPTURE_TEXT
from generator.editors.ingest.capture import Capture, Clue
from generator.editors.ingest.entities import Findings, find_entities, registry_names
from generator.editors.ingest.html_page import extract_html
from generator.editors.ingest.language import detect_language
from generator.editors.ingest.plain_text import extract_plain_text
from generator.editors.ingest.printed_dates import PrintedDate, find_publication_date


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
    cut: bool = False
    """Whether the article's text was longer than the limit 'capture text', and only its start was read."""


def make_draft(capture: Capture, content_dir: Path, retrieved: dt.date) -> Draft:
    """Extract the article from `capture` and make every guess the record needs."""
    extraction = extract_html(capture.text) if capture.is_html else extract_plain_text(capture.text)
    paragraphs = _first_characters(extraction.paragraphs, CAPTURE_TEXT)
    language = detect_language(paragraphs)
    languages = tuple(dict.fromkeys([language or "fr", "fr", "en"]))
    published = find_publication_date(extraction.header, paragraphs, languages, retrieved)
    if extraction.published and (published is None or published.date.precision < 3):
        stated = PartialDate.parse(extraction.published.value)
        published = PrintedDate(stated, extraction.published.printed, extraction.published.printed)
    title = extraction.title.value if extraction.title else ""
    return Draft(
        capture=capture.name,
        title=extraction.title,
        published=published,
        publisher=extraction.publisher,
        agency=extraction.agency,
        author=extraction.author,
        url=extraction.url,
        language=language,
        retrieved=retrieved,
        findings=find_entities("\n".join([title, *paragraphs]), registry_names(content_dir)),
        paragraphs=paragraphs,
        cut=len(paragraphs) < len(extraction.paragraphs),
    )


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
