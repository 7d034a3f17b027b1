"""The content's own history: when each record file, and each position, statement and figure
of an article, came into the repository.

When the site is built from a git checkout whose top folder holds `content/`, one
`git log --format='%H %cI' --name-status -- .` run in the content folder says, for every
record file, the commits that added and modified it. For an article modified after it was
added, `git cat-file --batch` (one process for all) gives each committed version, so a
position added by a later commit is dated by that commit, not by the article's. A file
with uncommitted edits (`git status`) is also read as it is on disk: what no commit holds
yet has no commit date, and is dated by the records' own dates, as everything is outside a
git checkout.

Dates are the commits' committer dates, in the committer's time zone as git records it:
nothing reads the clock, so a given commit always gives the same history. A checkout
whose top folder is not the content's parent (the test fixtures inside this repository)
has no history: its pages must not change with this repository's commits.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from generator.content.dates import PartialDate
from generator.content.schema import Article
from generator.content.yaml_dialect import load

ItemKey = tuple[str, ...]
"""What identifies a position, quote or figure across versions of its article (see `item_keys`)."""

_HANDLER = YAMLHandler()


@dataclass(frozen=True)
class FileHistory:
    """One record file's commits, oldest first, and when each item of an article first appeared."""

    added: PartialDate
    """The day of the commit that added the file."""
    modified: tuple[PartialDate, ...] = ()
    """The days of the later commits that changed it, oldest first."""
    item_dates: Mapping[ItemKey, PartialDate] = field(default_factory=dict)
    """For an article changed since it was added: the day of the first version holding each item."""
    uncommitted: frozenset[ItemKey] | None = None
    """For a file edited since the last commit: the items of its last committed version; None if it is clean."""


History = dict[str, FileHistory]
"""Each committed record file's history, by its path as reported (content/articles/2025/x.md)."""


def read_history(content: Path) -> History | None:
    """The history of the record files under `content`, or None outside a git checkout of the project."""
    top = _git(content, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != content.resolve().parent:
        return None
    log = _git(content, "log", "--format=%H %cI", "--name-status", "--no-renames", "--relative", "--", ".")
    status = _git(content, *_STATUS)
    if log is None or status is None:
        return None
    prefix = content.name + "/"
    commits = _commits_of(log)  # newest first
    files: dict[str, list[tuple[str, PartialDate]]] = {}
    for commit, day, paths in reversed(commits):
        for status_letter, path in paths:
            if not path.endswith(".md"):
                continue
            if status_letter == "D":
                files.pop(path, None)
            else:
                if status_letter == "A":
                    files[path] = []
                files.setdefault(path, []).append((commit, day))
    dirty = {line[3:].removeprefix(prefix) for line in status.splitlines() if line[3:].startswith(prefix)}
    versions = _article_versions(content, files, dirty)
    history: History = {}
    for path, touches in files.items():
        history[prefix + path] = _file_history(path, touches, versions, dirty)
    return history


_STATUS = ("status", "--porcelain", "--untracked-files=no", "--no-renames", "--", ".")
"""The content's files with uncommitted edits, as `read_history` and `history_key` ask git for them."""


def history_key(content: Path) -> tuple[str, str] | None:
    """What `read_history(content)` depends on: the checkout's top folder and commit, and which files
    have uncommitted edits. Equal keys mean equal histories, so the live preview reads the history
    (the whole log and every version of the edited articles) again only when its key changes."""
    head = _git(content, "rev-parse", "--show-toplevel", "HEAD")
    status = _git(content, *_STATUS)
    if head is None or status is None:
        return None
    return head, status


def item_keys(meta: Any) -> list[ItemKey]:
    """The keys of an article's positions, quotes and figures, from its front matter as read.

    A position is its actor, initiative and role; a quote its speaker and words; a figure
    its value and what it measures: rewording a position's evidence does not make it new.
    """
    if not isinstance(meta, dict):
        return []
    keys: list[ItemKey] = []
    for name, fields in (("positions", ("actor", "initiative", "role")), ("quotes", ("speaker", "text"))):
        for item in _items(meta.get(name)):
            keys.append((name, *(_folded(item.get(field)) for field in fields)))
    for item in _items(meta.get("figures")):
        keys.append(("figures", _number(item.get("value")), _folded(item.get("measures"))))
    return keys


def record_item_keys(article: Article) -> tuple[list[ItemKey], list[ItemKey], list[ItemKey]]:
    """The keys of a validated article's positions, quotes and figures, as `item_keys` makes them."""
    positions: list[ItemKey] = [
        ("positions", *map(_folded, (p.actor, p.initiative, p.role.value))) for p in article.positions
    ]
    quotes: list[ItemKey] = [("quotes", _folded(q.speaker), _folded(q.text)) for q in article.quotes]
    figures: list[ItemKey] = [("figures", _number(f.value), _folded(f.measures)) for f in article.figures]
    return positions, quotes, figures


def _file_history(
    path: str, touches: list[tuple[str, PartialDate]], versions: dict[tuple[str, str], list[ItemKey]], dirty: set[str]
) -> FileHistory:
    added, modified = touches[0][1], tuple(day for _, day in touches[1:])
    item_dates: dict[ItemKey, PartialDate] = {}
    if modified:
        for commit, day in touches:
            for key in versions.get((commit, path), []):
                item_dates.setdefault(key, day)
    uncommitted = None
    if path in dirty:
        uncommitted = frozenset(versions.get((touches[-1][0], path), []))
    return FileHistory(added, modified, item_dates, uncommitted)


def _article_versions(
    content: Path, files: dict[str, list[tuple[str, PartialDate]]], dirty: set[str]
) -> dict[tuple[str, str], list[ItemKey]]:
    """The item keys of every committed version of the articles that have more than one, or are edited."""
    wanted = [
        (commit, path)
        for path, touches in files.items()
        if path.startswith("articles/") and (len(touches) > 1 or path in dirty)
        for commit, _ in (touches if len(touches) > 1 else touches[-1:])
    ]
    if not wanted:
        return {}
    request = "".join(f"{commit}:{content.name}/{path}\n" for commit, path in wanted).encode()
    git = shutil.which("git")
    if git is None:
        return {}
    try:
        done = subprocess.run(  # noqa: S603 - git, with arguments of our own
            [git, "cat-file", "--batch"], cwd=content, input=request, capture_output=True, check=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    versions: dict[tuple[str, str], list[ItemKey]] = {}
    output, position = done.stdout, 0
    for wanted_version in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        text = output[position : position + size].decode("utf-8-sig", "replace")
        position += size + 1
        versions[wanted_version] = item_keys(_front_matter(text))
    return versions


def _front_matter(text: str) -> Any:
    try:
        front, _ = _HANDLER.split(text.replace("\r\n", "\n"))
        return load(front)
    except Exception:  # noqa: BLE001 - an old version that does not parse has no items to date
        return None


def _commits_of(log: str) -> list[tuple[str, PartialDate, list[tuple[str, str]]]]:
    commits: list[tuple[str, PartialDate, list[tuple[str, str]]]] = []
    for line in log.splitlines():
        if not line.strip():
            continue
        if "\t" in line:
            letter, _, path = line.partition("\t")
            commits[-1][2].append((letter[:1], path))
        else:
            commit, _, stamp = line.partition(" ")
            day = dt.datetime.fromisoformat(stamp).date()
            commits.append((commit, PartialDate(day.year, day.month, day.day), []))
    return commits


def _git(folder: Path, *arguments: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 - git, with arguments of our own
            [git, *arguments], cwd=folder, capture_output=True, check=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace")


def _items(value: object) -> Iterable[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _folded(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _number(value: object) -> str:
    try:
        return repr(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _folded(value)
