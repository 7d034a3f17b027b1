"""`briefings new`: start a record from a filled-in skeleton, never over an existing file.

A skeleton holds every field an editor may need, with a comment saying what goes there.
It fills in what the command knows (the title or name, the id, today's date as the
retrieval date, whatever was given on the command line). A required fact it cannot know,
such as the publication date, is left empty on purpose: `briefings check` then fails with
"published: empty; expected publication date as printed: …" at that line, so a half-done
record cannot be published and the errors list what is left to fill in. Once those are
given, the record passes, with warnings for what is still advisable (a summary, a country).

The skeletons are Jinja templates in `generator/editors/skeletons/`; every value they print goes
through `field()`, which writes it as YAML, so a title with quotes or a colon stays valid.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from slugify import slugify

from generator.content.dates import PartialDate
from generator.content.kinds import ARTICLE, COUNTRY, INITIATIVE, ORGANISATION, PERSON, PUBLISHER, Kind, id_problem

STOPWORDS = (
    *("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour", "sur", "un", "une"),
    *("and", "for", "in", "of", "on", "the", "to"),
)
"""Short French and English words left out of ids, so ids keep the words that say something."""

COMMENT_COLUMN = 34
"""Where the guidance comments start, as in content/SCHEMA.md."""

ID_LENGTH = 60
"""Longest id made from a title or name; cut at a word boundary."""


class NewRecordError(Exception):
    """The record cannot be created (its file or id exists, or no id can be made); nothing was written."""


@dataclass(frozen=True)
class Skeleton:
    """A new record: where it goes in the content folder and what it says."""

    path: str
    """Path inside the content folder, e.g. countries/kz.md."""
    id: str
    text: str


def make_id(text: str) -> str:
    """Make a record id from a title or name: "Le président kazakh…" -> "president-kazakh-…"."""
    return slugify(text, max_length=ID_LENGTH, word_boundary=True, stopwords=STOPWORDS)


def article(
    title: str,
    today: dt.date,
    *,
    published: PartialDate | None = None,
    publisher: str | None = None,
    language: str = "fr",
    url: str | None = None,
    record_id: str | None = None,
) -> Skeleton:
    """An article record; its id is the publication date (when given) and words of the title."""
    words = make_id(title)
    identifier = record_id or (f"{published.iso}-{words}" if published else words)
    year = published.year if published else today.year
    fields = {"title": title, "published": published, "publisher": publisher, "language": language, "url": url}
    return _skeleton(ARTICLE, f"{year}/{identifier}", identifier, today=today, **fields)


def country(code: str) -> Skeleton:
    """A country registry entry, named after its ISO code."""
    return _skeleton(COUNTRY, code.lower(), code.lower(), code=code.upper())


def organisation(name: str, *, short_name: str | None = None, record_id: str | None = None) -> Skeleton:
    """An organisation registry entry; its id comes from the short name if any, else the name."""
    identifier = record_id or make_id(short_name or name)
    return _skeleton(ORGANISATION, identifier, identifier, name=name, short_name=short_name)


def initiative(
    name: str,
    *,
    short_name: str | None = None,
    proposer: str | None = None,
    status: str | None = None,
    record_id: str | None = None,
) -> Skeleton:
    """An initiative registry entry; its id comes from the short name if any, else the name."""
    identifier = record_id or make_id(short_name or name)
    fields = {"name": name, "short_name": short_name, "proposer": proposer, "status": status}
    return _skeleton(INITIATIVE, identifier, identifier, **fields)


def person(
    name: str,
    *,
    role: str | None = None,
    country: str | None = None,
    record_id: str | None = None,
) -> Skeleton:
    """A person registry entry; the id is the name as a slug."""
    identifier = record_id or make_id(name)
    return _skeleton(PERSON, identifier, identifier, name=name, role=role, country=country)


def publisher(
    name: str, *, country: str | None = None, kind: str | None = None, record_id: str | None = None
) -> Skeleton:
    """A publisher registry entry; the id is the name as a slug."""
    identifier = record_id or make_id(name)
    return _skeleton(PUBLISHER, identifier, identifier, name=name, country=country, outlet_kind=kind)


def write_skeleton(content_dir: Path, skeleton: Skeleton) -> Path:
    """Create the record file; raise NewRecordError rather than touch an existing one.

    A record with the same id elsewhere in the folder (an article of another year) would be
    a duplicate id, so it is refused too. The file is opened in exclusive mode ("x"), so
    even a file created between the check and the write is never overwritten.
    """
    target = content_dir / skeleton.path
    folder = content_dir / skeleton.path.split("/", 1)[0]
    if id_problem(skeleton.id):
        raise NewRecordError(
            f"{skeleton.id!r} cannot be a record id: give a lowercase slug with --id, e.g. --id mon-identifiant"
        )
    same_id = sorted(folder.rglob(f"{skeleton.id}.md")) if folder.is_dir() else []
    if same_id and same_id[0] != target:
        raise NewRecordError(
            f"{_shown(same_id[0], content_dir)} already has the id {skeleton.id!r}; "
            "edit that record, or choose another id with --id"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:
            stream.write(skeleton.text)
    except FileExistsError as error:
        if error.filename != str(target):  # mkdir: a file stands where a folder is needed
            raise NewRecordError(_not_a_folder(Path(error.filename), content_dir)) from None
        raise NewRecordError(
            f"{_shown(target, content_dir)} already exists; nothing was written. "
            "Edit that file, or choose another id with --id"
        ) from None
    except NotADirectoryError:
        raise NewRecordError(_not_a_folder(_file_among_parents(target, content_dir), content_dir)) from None
    except OSError as error:
        shown = _shown(target, content_dir)
        raise NewRecordError(f"cannot write {shown}: {error.strerror}; nothing was written") from None
    return target


def _file_among_parents(target: Path, content_dir: Path) -> Path:
    """The first of `target`'s folders that exists but is not a folder."""
    for parent in reversed(target.parents):
        if parent.is_relative_to(content_dir) and parent.exists() and not parent.is_dir():
            return parent
    return target.parent


def _not_a_folder(path: Path, content_dir: Path) -> str:
    return f"{_shown(path, content_dir)} is a file, where a folder of records belongs; move it away, then run again"


def _skeleton(kind: Kind, stem: str, identifier: str, **fields: Any) -> Skeleton:
    path = f"{kind.folder}/{stem}.md"
    text = _ENVIRONMENT.get_template(f"{kind.name}.md.j2").render(path=path, **fields)
    return Skeleton(path, identifier, text)


def _field(key: str, value: object, comment: str, indent: int = 0) -> str:
    """Write one `key: value` line with its comment aligned with the template's other comments."""
    line = f"{' ' * indent}{key}: {_yaml(value)}".rstrip()
    return f"{line:<{COMMENT_COLUMN - 2}} # {comment}"


def _yaml(value: object) -> str:
    """Write a value as YAML: text double-quoted on one line, nothing for None (an empty field)."""
    if value is None:
        return ""
    if isinstance(value, (PartialDate, dt.date)):
        return str(value)
    return yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=math.inf).rstrip("\n")


def _shown(path: Path, content_dir: Path) -> str:
    return path.relative_to(content_dir.parent).as_posix()


_ENVIRONMENT = Environment(
    loader=PackageLoader("generator.editors", "skeletons"),
    undefined=StrictUndefined,
    autoescape=False,  # noqa: S701 - the output is YAML and Markdown; values go through the `yaml` filter
    keep_trailing_newline=True,
)
_ENVIRONMENT.globals["field"] = _field
