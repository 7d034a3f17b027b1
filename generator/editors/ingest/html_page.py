"""Take the article out of a saved HTML page.

trafilatura does the hard part: it finds the article's main text in the page (dropping
menus, share buttons, ads, related-link lists and footers) and reads the page's own
metadata: title, site name, canonical URL and a publication date from meta tags. Pages
often print their date and byline only as text near the headline, which trafilatura's
metadata reading skips or mangles ("Marta Okonkwo · Published Wednesday; March 5"). So the
page is also turned into its visible lines, one per block element, and read as a plain-text
capture would be; its header supplies the printed date, byline and agency, and anything
the metadata lacks.
"""

from __future__ import annotations

from html.parser import HTMLParser

import trafilatura

from generator.editors.ingest.capture import Clue, Extraction
from generator.editors.ingest.plain_text import extract_plain_text

_BLOCK_NAMES = (
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul"
)
_BLOCKS = frozenset(_BLOCK_NAMES.split())
"""Elements that start a new line of visible text."""
_HIDDEN = frozenset(["script", "style", "noscript", "template", "svg", "head"])


def extract_html(html: str) -> Extraction:
    """Extract the article with trafilatura, completed by the page's printed header."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Only dates the page states in its metadata; printed dates are read by dates.py.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or isinstance(document, dict):
        return extract_plain_text(visible_lines(html))
    title = document.title.strip() if document.title else None
    paragraphs = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    printed = extract_plain_text(visible_lines(html), article=paragraphs)
    site = document.sitename.strip() if document.sitename else None
    return Extraction(
        title=Clue(title, title) if title else printed.title,
        paragraphs=paragraphs or printed.paragraphs,
        header=printed.header,
        publisher=Clue(site, site) if site else printed.publisher,
        agency=printed.agency,
        author=printed.author or _metadata_author(document.author),
        published=Clue(document.date, f"date donnée par le code de la page : {document.date}")
        if document.date
        else None,
        url=document.url,
    )


def _metadata_author(author: str | None) -> Clue | None:
    """trafilatura's author, cut at the first separator: bylines often run on into the date."""
    if not author:
        return None
    name = author.split("·")[0].split("|")[0].split(";")[0].strip()
    return Clue(name, author) if name else None


def visible_lines(html: str) -> str:
    """Return the page's visible text, one line per block element."""
    parser = _LineCollector()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines())


class _LineCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self._lines.append(line)
        self._current = []

    def lines(self) -> list[str]:
        self._flush()
        return self._lines
