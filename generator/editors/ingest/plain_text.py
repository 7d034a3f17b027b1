"""Separate an article from the page around it in a plain-text capture.

A copied web page is a column of lines: menus, share buttons, the title, bylines and
dates, then the article's paragraphs, then link lists, teasers and ads. The article is
the largest run of paragraph lines (long lines that end like sentences, or so long that
they are prose however they end); a lone short line
inside it (a subheading) is kept, two in a row end it, and a teaser in a link list, a
paragraph on its own between headlines and dates, makes a run too small to win. The
lines printed just before the article are its header: the title is the longest line
there that reads like a headline; the publisher, the agency and the author are read
from the lines that print them ("French.china.org.cn | Mis à jour le …", "Agence de presse
Xinhua", "Par Jeanne Martin", a byline in capitals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.editors.ingest.capture import Clue, Extraction

_SENTENCE_END = re.compile(r"[.!?…»\"”]$")
_CREDITS = re.compile(r"(?:\s*\([^()]*\))+$")
"""Parentheses closing a paragraph after its last sentence: "… numérique. (Fin) (S.K.)", "…(Kyodo)"."""
_PARAGRAPH_WORDS = 12
_PROSE_WORDS = 35
_HEADER_LINES = 8
_TRAILER_LINES = 6
_BOILERPLATE = re.compile(
    r"^(?:share|partager|partagez|imprimer|print|comment(?:s|aires?)?\s*\(\d+\)|suivez\b|follow us\b|abonnez|subscribe|"
    r"newsletter|retournez en haut|back to top|haut de (?:la )?page|lire aussi|read (?:more|also)|publicité|"
    r"advertisement|sponsored|tags?\s*:|mots[- ]clés\s*:|notification\s*:)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:par|by|source|sources|mots[- ]clés|tags?|crédits?|légendes?)\b[^:]{0,30}:", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:par|by)\s*:?\s*(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3})\s*$", re.IGNORECASE)
_CAPITALS_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){1,3}$")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_STAFF = re.compile(r"\s+(?:staff|desk|newsroom|rédaction)$", re.IGNORECASE)
_STORED_DATE = re.compile(r"\A\s*date (?P<date>\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
"""The line a capture tool starts its text with: the date it stored for the page (from its metadata)."""
_CAPTION = re.compile(r"(?:\bphoto\s*:|\bcrédit\s*:|[A-Z]{2,}/[A-Z]{2,}\s*$|\?$)", re.IGNORECASE)
"""A photo caption or credit, or a question put to the reader: not a headline."""
_SOURCE = re.compile(r"^sources?\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_NAME = re.compile(r"^(?!(?:Par|By)\s)[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]+){1,3}$")
"""A line that is only a person's name, "Doreen Bogdan-Martin" (a byline, "Par Jeanne Martin", is another thing)."""
_ROLE = re.compile(r"^[^,]{3,40},\s+\S")
"""A function and where it is held, "Secretary-General, International Telecommunication Union (ITU)"."""

AGENCIES = {
    "xinhua": "Xinhua",
    "agence de presse xinhua": "Xinhua",
    "agence chine nouvelle": "Xinhua",
    "xinhua news agency": "Xinhua",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "associated press": "AP",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "bernama": "Bernama",
    "vna": "VNA",
    "agence vietnamienne d'information": "VNA",
    "vietnam news agency": "VNA",
    "kazinform": "Kazinform",
    "map": "MAP",
    "agence maghreb arabe presse": "MAP",
    "ansa": "ANSA",
    "efe": "EFE",
    "dpa": "dpa",
}
"""News agencies as printed (lower case) and the short name records use."""


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    is_paragraph: bool


def extract_plain_text(text: str, article: list[str] | None = None) -> Extraction:
    """Find the article, its header and what they print about the source.

    `article` gives the article's paragraphs when they are already known (trafilatura
    found them in the HTML page this text was taken from): the header is then read above
    them rather than above the largest run of paragraphs.
    """
    stored = _STORED_DATE.match(text)
    if stored:  # the capture tool's date line, run into the page's first line
        text = text[stored.end() :]
    lines = [
        _Line(number, line, _is_paragraph(line))
        for number, raw in enumerate(text.splitlines())
        if (line := _clean(raw)) and not _BOILERPLATE.match(line)
    ]
    run = (_known_run(lines, article) if article else []) or _largest_run(lines)
    if not run:
        return Extraction(title=_title(lines[:_HEADER_LINES]), paragraphs=[], header=[line.text for line in lines])
    first, last = run[0], run[-1]
    header = [line for line in lines if line.number < first.number][-_HEADER_LINES:]
    trailer = [line for line in lines if line.number > last.number][:_TRAILER_LINES]
    around = [line.text for line in (*header, *trailer)]
    agency = _agency(around)
    publisher = _publisher([line.text for line in header]) or (
        Clue(agency.value, agency.printed) if agency is not None else None
    )
    return Extraction(
        title=_title(header),
        paragraphs=[line.text for line in run],
        header=[line.text for line in header],
        publisher=publisher,
        agency=agency,
        author=_author([line.text for line in header]),
        published=Clue(stored["date"], f"date enregistrée avec la capture : {stored['date']}") if stored else None,
    )


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


def _is_paragraph(line: str) -> bool:
    """A long line that ends like a sentence, its credits aside: a headline ending "… artificielle (IA)" does not.

    A line of `_PROSE_WORDS` words or more is prose however it ends: a page whose lead lost its
    full stop, copied without it, kept its headline and photo caption but lost its lead.
    """
    words = len(line.split())
    if words >= _PROSE_WORDS:
        return True
    return words >= _PARAGRAPH_WORDS and bool(_SENTENCE_END.search(_CREDITS.sub("", line)))


def _largest_run(lines: list[_Line]) -> list[_Line]:
    """Return the run of paragraphs with the most text; one short line may sit inside a run."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    pending: list[_Line] = []
    for line in lines:
        if line.is_paragraph:
            current.extend([*pending, line] if current else [line])
            pending = []
        elif current and not pending:
            pending = [line]
        elif current:
            runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return max(runs, key=lambda run: sum(len(line.text) for line in run), default=[])


def _known_run(lines: list[_Line], article: list[str]) -> list[_Line]:
    """The lines from the article's first paragraph to its last, if both are found."""
    first = next((line for line in lines if line.text.startswith(_clean(article[0])[:60])), None)
    last = next((line for line in reversed(lines) if line.text.startswith(_clean(article[-1])[:60])), None)
    if first is None or last is None or last.number < first.number:
        return []
    return [line for line in lines if first.number <= line.number <= last.number]


def _title(header: list[_Line]) -> Clue | None:
    """The longest line of the header that reads like a headline.

    Not a caption, a label, a dated line, a sentence or a line announcing what follows
    ("The following statement was issued today by the Spokesman …:"); nor, under a line that is a
    person's name, the line giving their function (a speech or an opinion page prints
    "Doreen Bogdan-Martin / Secretary-General, International Telecommunication Union (ITU)"
    above the speech's title).
    """
    candidates = [
        line.text
        for position, line in enumerate(header)
        if 4 <= len(line.text.split()) <= 40
        and not (position and _NAME.match(header[position - 1].text) and _ROLE.match(line.text))
        and "|" not in line.text
        and not _LABEL.match(line.text)
        and not _CAPTION.search(line.text)
        and not line.text.endswith((".", ":"))  # a sentence, or one that announces what follows
        and not any(character.isdigit() for character in line.text[:12])
    ]
    if not candidates:
        return None
    title = max(candidates, key=len)
    return Clue(title, title)


def _publisher(header: list[str]) -> Clue | None:
    """A site name printed beside the date ("French.china.org.cn | Mis à jour le …")."""
    for line in header:
        segments = [segment.strip() for segment in line.split("|")]
        if len(segments) < 2 or not any(re.search(r"\d", segment) for segment in segments):
            continue
        for segment in segments:
            if segment.lower() in AGENCIES or re.search(r"\d", segment) or _LABEL.match(segment):
                continue
            name = _STAFF.sub("", segment)
            if _DOMAIN.match(name) or (name[:1].isupper() and len(name.split()) <= 5):
                return Clue(name, line)
    return None


def _agency(lines: list[str]) -> Clue | None:
    for line in lines:
        source = _SOURCE.match(line)
        for segment in [source["value"]] if source else line.split("|"):
            name = AGENCIES.get(segment.strip().strip(".").lower())
            if name:
                return Clue(name, line)
    return None


def _author(header: list[str]) -> Clue | None:
    """A "Par …"/"By …" byline anywhere above the article, or a name in capitals just above it."""
    for position, line in enumerate(header):
        near_article = position >= len(header) - 2
        for segment in (part.strip() for part in re.split(r"[|·•]", line)):
            byline = _BYLINE.match(segment)
            if byline:
                return Clue(byline["name"], line)
            if near_article and _CAPITALS_NAME.match(segment) and segment.lower() not in AGENCIES:
                return Clue(segment.title(), line)
    return None
