"""Own words, checked: a summary or an overview must not copy its article's sentences.

Records summarise in our own words; only quotations are the article's. When an article's
capture is kept (content/captures/, see content/kinds.py), `briefings check` compares the
article's summary with it, and each registry entry's overview with the captures of the
articles that name the entry. Ten words in a row shared with a capture are copied text,
not a coincidence: a warning names the file, the line, the words and what to do.

Words are compared as a reader compares them: case, accents and punctuation aside, and an
elided article or pronoun with its word ("L’IA", "l'ia" and "IA" are one word, the same).
A name is one word, whatever its length: "la Conférence des Nations unies sur le commerce
et le développement" names one thing and copies no one's prose, so the names and aliases
of the registries and the names of the articles' events each count once. Each capture
becomes a set of ten-word runs (shingles), built once, so a summary is checked in one
pass over its words however long the capture. Quotations are aside: the text inside « »,
" " and “ ” in the summary, and the record's own quotes and evidence, which are the
article's words by design.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.content.read import SourceDocument
from generator.editors.ingest.capture import CaptureError, read_capture
from generator.editors.ingest.folding import fold_lower
from generator.editors.ingest.html_page import visible_lines
from generator.editors.lint import ContentWarning, Rule
from generator.linked.model import ArticleEntry, Site

RUN = 10
"""Words in a row a summary may not share with its capture."""
_SHOWN = 15
"""Words of a copied run the warning shows."""
_WORD = re.compile(r"(?:\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)')?(?P<word>\w+(?:'\w+)*)")
"""A word of folded text, without the article or pronoun elided before it: "l'ia" is "ia", as "IA" is."""
_QUOTATION = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class Word:
    """A word as compared (folded, or a whole name), and where it is printed."""

    key: str
    start: int
    end: int


class Names:
    """The names that count as one word, found by their first word, longest first."""

    def __init__(self, names: Iterable[str]) -> None:
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            words = tuple(match["word"] for match in _WORD.finditer(fold_lower(name)))
            if len(words) > 1:
                by_first.setdefault(words[0], set()).add(words)
        self._by_first = {first: sorted(found, key=len, reverse=True) for first, found in by_first.items()}

    @classmethod
    def of_site(cls, site: Site) -> Names:
        """Every registry entry's name, short name and aliases, and every article's events' names."""
        names: list[str] = []
        for entity in site.entities:
            names += [entity.name, entity.short_name, *getattr(entity.record, "aliases", [])]
        for article in site.articles:
            names += [event.name for event in article.record.events]
        return cls(names)

    def words(self, text: str) -> list[Word]:
        """The words of `text`, each name it holds made one word."""
        plain = [Word(match["word"], match.start(), match.end()) for match in _WORD.finditer(fold_lower(text))]
        words: list[Word] = []
        index = 0
        while index < len(plain):
            name = next(
                (
                    name
                    for name in self._by_first.get(plain[index].key, [])
                    if tuple(word.key for word in plain[index : index + len(name)]) == name
                ),
                None,
            )
            if name is None:
                words.append(plain[index])
                index += 1
            else:
                words.append(Word(" ".join(name), plain[index].start, plain[index + len(name) - 1].end))
                index += len(name)
        return words

    def shingles(self, text: str) -> frozenset[Shingle]:
        """Every run of `RUN` consecutive words of `text`."""
        keys = [word.key for word in self.words(text)]
        return frozenset(tuple(keys[index : index + RUN]) for index in range(len(keys) - RUN + 1))


@dataclass(frozen=True)
class CopiedRun:
    """Words of a summary, in a row, that its capture prints too."""

    start: int
    """Where the run starts in the text checked."""
    printed: str
    """The run as the summary prints it."""
    length: int
    """How many words it has."""


def copied_runs(
    text: str, capture: frozenset[Shingle], names: Names, quoted: frozenset[Shingle] = frozenset()
) -> list[CopiedRun]:
    """The stretches of `text`, quotations aside, whose every word is in a run of `RUN` words `capture` holds too."""
    runs: list[CopiedRun] = []
    for start, segment in _unquoted_segments(text):
        words = names.words(segment)
        copied = [False] * len(words)
        for index in range(len(words) - RUN + 1):
            shingle = tuple(word.key for word in words[index : index + RUN])
            if shingle in capture and shingle not in quoted:
                copied[index : index + RUN] = [True] * RUN
        index = 0
        while index < len(words):
            if not copied[index]:
                index += 1
                continue
            end = index
            while end < len(words) and copied[end]:
                end += 1
            shown = words[min(end, index + _SHOWN) - 1].end
            printed = " ".join(segment[words[index].start : shown].split()) + (" …" if end - index > _SHOWN else "")
            runs.append(CopiedRun(start + words[index].start, printed, end - index))
            index = end
    return runs


def find_copied_text(site: Site, documents: dict[str, SourceDocument], captures: Path) -> list[ContentWarning]:
    """Compare every summary and overview with the kept captures it is written from."""
    if not captures.is_dir():
        return []
    reader = _CaptureReader(captures, Names.of_site(site))
    warnings: list[ContentWarning] = []
    for article in site.articles:
        document = documents.get(article.source_file)
        if document is not None:
            warnings += _check(document, "summary", [article], reader)
    for entity in site.entities:
        document = documents.get(entity.source_file)
        if document is not None and entity.articles:
            warnings += _check(document, "overview", entity.articles, reader)
    return warnings + reader.unreadable


def _unquoted_segments(text: str) -> Iterator[tuple[int, str]]:
    """The stretches of `text` between its quotations and comments, with where each starts: no run crosses one."""
    cleared = _COMMENT.sub(lambda match: " " * len(match[0]), text)
    position = 0
    for quotation in _QUOTATION.finditer(cleared):
        yield position, cleared[position : quotation.start()]
        position = quotation.end()
    yield position, cleared[position:]


class _CaptureReader:
    """Reads each kept capture once, into its set of runs; remembers those it could not read."""

    def __init__(self, captures: Path, names: Names) -> None:
        self.names = names
        self.unreadable: list[ContentWarning] = []
        self._kept: dict[str, list[Path]] = {}
        for path in sorted(captures.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                self._kept.setdefault(path.stem, []).append(path)
        self._runs: dict[Path, frozenset[Shingle] | None] = {}

    def runs(self, capture_id: str) -> Iterator[tuple[Path, frozenset[Shingle]]]:
        """The kept files of the capture `capture_id` (the record's `source.capture`), with their runs."""
        for path in self._kept.get(capture_id, []):
            if path not in self._runs:
                self._runs[path] = self._read(path)
            found = self._runs[path]
            if found is not None:
                yield path, found

    def _read(self, path: Path) -> frozenset[Shingle] | None:
        try:
            capture = read_capture(path)
        except CaptureError as error:
            message = f"the records written from this capture cannot be compared with it: {error}"
            self.unreadable.append(ContentWarning(_shown(path), 0, "", message, Rule.OWN_WORDS))
            return None
        return self.names.shingles(visible_lines(capture.text) if capture.is_html else capture.text)


def _check(
    document: SourceDocument, field: str, articles: list[ArticleEntry], reader: _CaptureReader
) -> list[ContentWarning]:
    """One warning per capture the body shares runs with, naming the first and how many there are."""
    warnings = []
    for article in articles:
        if article.record.source.capture is None:
            continue
        quoted = frozenset[Shingle]().union(*(reader.names.shingles(text) for text in _quotations(article)))
        for path, capture in reader.runs(article.record.source.capture):
            if runs := copied_runs(document.body, capture, reader.names, quoted):
                warnings.append(_warning(document, field, runs, path))
    return warnings


def _quotations(article: ArticleEntry) -> Iterator[str]:
    """The record's quotes and evidence: the article's words, quoted on purpose."""
    yield from (quote.text for quote in article.record.quotes)
    yield from (position.evidence for position in article.record.positions if position.evidence)


def _warning(document: SourceDocument, field: str, runs: list[CopiedRun], capture: Path) -> ContentWarning:
    first = runs[0]
    more = f" (and {len(runs) - 1} more run{'s' if len(runs) > 2 else ''})" if len(runs) > 1 else ""
    message = (
        f"shares {first.length} words in a row with the capture {_shown(capture)}{more}: « {first.printed} »; "
        "write it in our own words, or quote it between « » with its speaker"
    )
    line = document.body_line + document.body.count("\n", 0, first.start)
    return ContentWarning(document.path, line, field, message, Rule.OWN_WORDS)


def _shown(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("content") :]) if "content" in parts else str(path)
