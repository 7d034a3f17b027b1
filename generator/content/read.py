"""Stage 1, read: find the record files and split each into front matter and body.

python-frontmatter splits the file; the YAML is loaded with `RecordLoader` and kept as it
is (python-frontmatter would silently replace a list with `{}`), so the validate stage can
say what is wrong with it. Every problem names the file and, where the parser stopped, the
line and column in the file itself, not in the front matter block.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.content.errors import Problem
from generator.content.files import UnreadableFileError, read_regular_file
from generator.content.kinds import CAPTURES_FOLDER, KIND_OF_FOLDER, KINDS
from generator.content.limits import RECORD_BYTES
from generator.content.yaml_dialect import ComplexKeyError, DuplicateFieldError, LimitError, compose, load
from generator.parallel import map_in_order

_HANDLER = YAMLHandler()
_YAML_HINTS = {
    "mapping values are not allowed here": " (a value that contains ': ' must be put in quotes)",
    "found character '\\t' that cannot start any token": " (indent with spaces, not tabs)",
}
_LAST_STEP = re.compile(r"(?:\.?[^.\[]+|\[\d+\])$")


@dataclass(frozen=True)
class SourceDocument:
    """One record file as read from disk, not yet validated."""

    kind: str
    """The folder of its kind in `content/`, e.g. countries (see kinds.py)."""
    path: str
    stem: str
    meta: Any
    body: str
    front: str = ""
    """The front matter's YAML text, kept to find the line of a field when one has a problem."""
    front_start: int = 0
    """How many lines of the file come before the front matter's YAML."""
    body_line: int = 0
    """The line the body (after the closing '---') starts on."""

    @cached_property
    def lines(self) -> dict[str, int]:
        """Map each field path ("positions[0].actor") to its line in the file.

        Only a record with a problem needs this, so the YAML is parsed a second time,
        into nodes, on demand: the first parse goes straight to data, which keeps
        reading 10,000 records close to the cost of parsing them.
        """
        return _field_lines(compose(self.front), self.front_start)

    def line_of(self, field_path: str) -> int:
        """Return the line of a field, or of its nearest parent that has one."""
        path = field_path
        while path and path not in self.lines:
            path = _LAST_STEP.sub("", path)
        return self.lines.get(path, 1)


RecordFile = tuple[str, str, str, Path]
"""A file to read: its path, kind folder, path as reported, and the resolved content folder.

The path is a string: the live preview looks at 12,500 paths after every edit and reads one,
and making a `Path` of each cost more than taking its stamp."""
Reader = Callable[[list[RecordFile]], list[tuple["SourceDocument | None", "Problem | None"]]]
"""Reads files: what each gave, in their order (default: `read_files`)."""


def read_content(content_dir: Path, read: Reader | None = None) -> tuple[list[SourceDocument], list[Problem]]:
    """Read every `*.md` file under the kind folders of `content_dir`, sorted by path.

    The captures folder is no kind's and holds no records: it is passed over (kinds.py).

    `read` reads the files found (default: `read_files`, on every core); the live preview
    and the builds pass one that remembers the files it has read and reads again only those
    that changed.

    Only regular files are read (files.py): a link to a folder, a dangling link, a pipe
    or a device is a problem naming the file, not something to follow or wait on.
    """
    root = content_dir.parent
    if not content_dir.is_dir():
        return [], [Problem(_relative(content_dir, root), 0, "", _NO_CONTENT)]
    documents: list[SourceDocument] = []
    problems: list[Problem] = []
    inside = content_dir.resolve()
    for entry in sorted(content_dir.iterdir()):
        if entry.is_symlink() and entry.name in KIND_OF_FOLDER:
            problems.append(Problem(_relative(entry, root), 0, "", _FOLDER_LINK))
        elif (
            entry.is_dir()
            and not entry.name.startswith(".")
            and entry.name not in KIND_OF_FOLDER
            and entry.name != CAPTURES_FOLDER
        ):
            expected = ", ".join([*KIND_OF_FOLDER, CAPTURES_FOLDER])
            problems.append(Problem(_relative(entry, root), 0, "", f"unknown folder (expected one of: {expected})"))
    files: list[RecordFile] = []
    for kind in KINDS:
        folder = content_dir / kind.folder
        if folder.is_symlink() or not folder.is_dir():
            continue
        paths, linked_folders = _visible_files(folder)
        problems += [Problem(_relative(path, root), 0, "", _FOLDER_LINK) for path in linked_folders]
        for path in paths:
            if not path.endswith(".md"):
                problems.append(Problem(_relative(path, root), 0, "", "not a record: expected a .md file"))
                continue
            files.append((path, kind.folder, _relative(path, root), inside))
    results = (read or read_files)(files)
    for document, problem in results:
        if problem:
            problems.append(problem)
        if document:
            documents.append(document)
    return documents, problems


_NO_CONTENT = "no content folder here: expected a folder of records (run the command in the project folder)"
_FOLDER_LINK = "a link to a folder: links to folders are not followed in content/; move the folder here instead"


def read_files(files: list[RecordFile]) -> list[tuple[SourceDocument | None, Problem | None]]:
    """Read each file, on every core (parallel.py): building the YAML's Python objects is most of
    the cost of reading, and the documents are cheap to send back."""
    return map_in_order(_read_file, files)


def _read_file(file: RecordFile) -> tuple[SourceDocument | None, Problem | None]:
    return read_document(*file)


def _visible_files(folder: Path) -> tuple[list[str], list[str]]:
    """The files under `folder`, sorted, hidden ones (and those in hidden folders) left out, and the links to folders.

    os.walk knows files from folders without a stat per file, which matters at 10,000
    records when the live preview looks for changes after every edit. It does not follow
    links to folders (which could loop, or lead out of content/): they are returned apart.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    links: list[str] = []
    for current, folders, names in os.walk(folder):
        visible = [name for name in folders if not name.startswith(".")]
        links += [path for name in visible if os.path.islink(path := os.path.join(current, name))]
        folders[:] = visible
        relative = os.path.relpath(current, folder)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        found.extend(((*parts, name), os.path.join(current, name)) for name in names if not name.startswith("."))
    return [path for _, path in sorted(found)], sorted(links, key=lambda path: path.split(os.sep))  # as paths sort


def read_document(
    file: str | Path, kind: str, shown_path: str, inside: Path | None = None
) -> tuple[SourceDocument | None, Problem | None]:
    """Read one file; return the document, or the problem that stopped the reading.

    `inside` is the resolved content folder: a link is read only if it leads to a file in
    it (default: the file's own folder).
    """
    document, problem, _ = read_document_bytes(file, kind, shown_path, inside)
    return document, problem


def read_document_bytes(
    file: str | Path, kind: str, shown_path: str, inside: Path | None = None
) -> tuple[SourceDocument | None, Problem | None, bytes | None]:
    """`read_document`, with the file's bytes as read (None if it could not be read): the live
    preview keeps their hash, to know a file touched but not changed without parsing it again."""
    path = Path(file)
    try:
        raw = read_regular_file(path, RECORD_BYTES, "record size", inside=inside or path.parent.resolve())
    except UnreadableFileError as error:
        return None, Problem(shown_path, 0, "", str(error)), None
    return (*_parse_document(raw, path, kind, shown_path), raw)


def _parse_document(raw: bytes, path: Path, kind: str, shown_path: str) -> tuple[SourceDocument | None, Problem | None]:
    """A record's bytes as a document: decoded, its front matter split off and loaded."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(
            shown_path,
            line,
            "",
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} at line {line}); save it with UTF-8 encoding",
        )
    text = text.replace("\r\n", "\n")
    if not _HANDLER.detect(text):
        return None, Problem(shown_path, 1, "", "expected front matter: a '---' line, YAML fields, then '---'")
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        return None, Problem(shown_path, 1, "", "front matter is not closed: expected a second '---' line")
    # The boundary pattern also swallows blank lines after the opening '---': count from its end.
    opening = _HANDLER.FM_BOUNDARY.match(text)
    assert opening is not None  # detect() matched it
    front_start = text.count("\n", 0, opening.end())
    try:
        meta = load(front)
    except DuplicateFieldError as error:
        assert error.context_mark is not None and error.problem_mark is not None
        first, line = (front_start + mark.line + 1 for mark in (error.context_mark, error.problem_mark))
        return None, Problem(shown_path, line, error.key, f"field given twice (first on line {first}); keep only one")
    except (ComplexKeyError, LimitError) as error:
        assert error.problem_mark is not None and error.problem is not None
        return None, Problem(shown_path, front_start + error.problem_mark.line + 1, "", error.problem)
    except yaml.YAMLError as error:
        return None, _yaml_problem(shown_path, error, front_start)
    if meta is None:
        meta = {}
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 + body.startswith("\n")
    document = SourceDocument(kind, shown_path, path.stem, meta, body.strip() + "\n", front, front_start, body_line)
    return document, None


def _yaml_problem(shown_path: str, error: yaml.YAMLError, front_start: int) -> Problem:
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    if mark is None:
        return Problem(shown_path, front_start + 1, "", f"invalid YAML in front matter: {reason}")
    line = front_start + mark.line + 1
    hint = _YAML_HINTS.get(reason, "")
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start and (start.line, start.column) != (mark.line, mark.column):
        # Where the unfinished construct began: "while parsing a flow sequence" at the '['.
        hint += f" ({context} that starts at line {front_start + start.line + 1}, column {start.column + 1})"
    return Problem(shown_path, line, "", f"invalid YAML at line {line}, column {mark.column + 1}: {reason}{hint}")


def _field_lines(node: yaml.Node | None, front_start: int) -> dict[str, int]:
    """Map each field path ("positions[0].actor") to its line in the file."""
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        lines.setdefault(path, front_start + node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = f"{path}.{key.value}" if path else str(key.value)
                lines[child] = front_start + key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{path}[{index}]")

    if node is not None:
        walk(node, "")
    return lines


def _relative(path: str | Path, root: Path) -> str:
    text, prefix = str(path), str(root) + os.sep
    if text.startswith(prefix):  # the usual case, without pathlib's cost (10,000 records)
        return text[len(prefix) :].replace(os.sep, "/")
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
