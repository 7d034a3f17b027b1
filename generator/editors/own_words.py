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
becomes a set of hashed ten-word runs, built once, so a summary is checked in one pass over
its words however long the capture; without the capture (a fresh clone, CI), its runs file
stands in for it (capture_runs.py). Quotations are aside: the text inside « », " " and “ ”
in the summary, and the record's own quotes and evidence, which are the article's words by
design.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.content.read import SourceDocument
from generator.editors.capture_runs import (
    RUN,
    RUNS_SUFFIX,
    Word,
    capture_runs,
    plain_words,
    read_runs,
    run_hashes,
    runs_of,
    runs_path,
    runs_text,
    word_keys,
)
from generator.editors.ingest.capture import CaptureError, read_capture
from generator.editors.lint import ContentWarning, Rule
from generator.linked.model import ArticleEntry, Site

_SHOWN = 15
"""Words of a copied run the warning shows."""
_QUOTATION = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class Names:
    """The names that count as one word, found by their first word, longest first."""

    def __init__(self, names: Iterable[str]) -> None:
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            words = word_keys(name)
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

    def words(self, plain: list[Word]) -> list[Word]:
        """The plain words of a text, each name they hold made one word."""
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
                last = plain[index + len(name) - 1]
                words.append(Word(" ".join(name), plain[index].start, last.end, index, last.after))
                index += len(name)
        return words


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
    text: str, capture: frozenset[int], names: Names, quoted: frozenset[int] = frozenset()
) -> list[CopiedRun]:
    """The stretches of `text`, quotations aside, whose every word is in a run of `RUN` words `capture` holds too.

    `capture` and `quoted` hold runs of plain words (capture_runs.py); a run of `RUN` words
    of `text`, names made one word, is copied when every run of plain words it spans is in
    `capture`, unless every one is in `quoted` too.
    """
    runs: list[CopiedRun] = []
    for start, segment in _unquoted_segments(text):
        plain = plain_words(segment)
        hashes = run_hashes(plain)
        in_capture = [run in capture for run in hashes]
        in_quotes = [run in quoted for run in hashes]
        words = names.words(plain)
        copied = [False] * len(words)
        for index in range(len(words) - RUN + 1):
            spanned = range(words[index].first, words[index + RUN - 1].after - RUN + 1)
            if all(in_capture[run] for run in spanned) and not all(in_quotes[run] for run in spanned):
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


@dataclass(frozen=True)
class CopiedText:
    """What comparing the records with their captures found, and the runs files it wrote."""

    warnings: list[ContentWarning]
    runs_written: list[str]
    """The runs files written or made again from their captures, as messages show them."""


def find_copied_text(site: Site, documents: dict[str, SourceDocument], captures: Path) -> CopiedText:
    """Compare every summary and overview with the kept captures it is written from, or with their runs."""
    if not captures.is_dir():
        return CopiedText([], [])
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
    return CopiedText(warnings + reader.unreadable, sorted(reader.written))


def _unquoted_segments(text: str) -> Iterator[tuple[int, str]]:
    """The stretches of `text` between its quotations and comments, with where each starts: no run crosses one."""
    cleared = _COMMENT.sub(lambda match: " " * len(match[0]), text)
    position = 0
    for quotation in _QUOTATION.finditer(cleared):
        yield position, cleared[position : quotation.start()]
        position = quotation.end()
    yield position, cleared[position:]


class _CaptureReader:
    """Reads each kept capture once into its runs, keeping its runs file up to date; else reads its runs file.

    Remembers what it could not read, and the runs files it wrote.
    """

    def __init__(self, captures: Path, names: Names) -> None:
        self.names = names
        self.unreadable: list[ContentWarning] = []
        self.written: list[str] = []
        self._texts: dict[str, list[Path]] = {}
        self._runs_files: dict[str, Path] = {}
        for path in sorted(captures.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                if path.suffix == RUNS_SUFFIX:
                    self._runs_files[path.stem] = path
                else:
                    self._texts.setdefault(path.stem, []).append(path)
        self._runs: dict[str, list[tuple[Path, frozenset[int]]]] = {}

    def runs(self, capture_id: str) -> list[tuple[Path, frozenset[int]]]:
        """The kept texts of the capture `capture_id` (a source.capture), else its runs file, each with its runs."""
        if capture_id not in self._runs:
            if capture_id in self._texts:
                self._runs[capture_id] = self._from_texts(capture_id, self._texts[capture_id])
            elif capture_id in self._runs_files:
                self._runs[capture_id] = self._from_runs_file(self._runs_files[capture_id])
            else:
                self._runs[capture_id] = []
        return self._runs[capture_id]

    def _from_texts(self, capture_id: str, paths: list[Path]) -> list[tuple[Path, frozenset[int]]]:
        found = []
        for path in paths:
            try:
                found.append((path, capture_runs(read_capture(path))))
            except CaptureError as error:
                self._cannot_compare(path, str(error))
        if len(found) == len(paths):  # runs of every text kept under this id, none left out
            self._keep(runs_path(paths[0]), runs_text(capture_id, frozenset[int]().union(*(r for _, r in found))))
        return found

    def _from_runs_file(self, path: Path) -> list[tuple[Path, frozenset[int]]]:
        try:
            return [(path, read_runs(path))]
        except (OSError, UnicodeDecodeError, ValueError) as error:
            self._cannot_compare(path, getattr(error, "strerror", None) or str(error))
            return []

    def _keep(self, path: Path, text: str) -> None:
        """Write the runs file unless it already holds `text`: a file made from the capture, not an editor's."""
        try:
            if path.read_text(encoding="utf-8") == text:
                return
        except (OSError, UnicodeDecodeError):
            pass
        try:
            path.write_text(text, encoding="utf-8", newline="\n")
        except OSError as error:
            self._warn(
                path,
                f"the runs of this capture cannot be written ({error.strerror}): a clone without it checks nothing",
            )
            return
        self.written.append(_shown(path))

    def _cannot_compare(self, path: Path, reason: str) -> None:
        self._warn(path, f"the records written from this capture cannot be compared with it: {reason}")

    def _warn(self, path: Path, message: str) -> None:
        self.unreadable.append(ContentWarning(_shown(path), 0, "", message, Rule.OWN_WORDS))


def _check(
    document: SourceDocument, field: str, articles: list[ArticleEntry], reader: _CaptureReader
) -> list[ContentWarning]:
    """One warning per capture the body shares runs with, naming the first and how many there are."""
    warnings = []
    for article in articles:
        if article.record.source.capture is None:
            continue
        quoted = frozenset[int]().union(*(runs_of(text) for text in _quotations(article)))
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
