"""content/SCHEMA.md, written from the record types of schema.py: the models are the source.

Each kind of record (kinds.py) gets a section with the path of its files, what its body
holds and a table of its fields: name, required or optional, type with its limits (maximum
lengths, ranges, the allowed values in their declaration order) and the field's
description. Nested records (an article's source, events, positions, quotes, figures)
follow, one table each; the limits of limits.py close the document. A test fails when
the committed file differs from what this module writes; `briefings schema >
content/SCHEMA.md` writes it again.

Run as `python -m generator.editors.schema_doc > content/SCHEMA.md` or `briefings schema`.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import annotated_types
from pydantic import HttpUrl, StringConstraints
from pydantic.fields import FieldInfo

from generator.content.dates import EXPECTED, PartialDate
from generator.content.kinds import KINDS, RESERVED_IDS, Kind
from generator.content.limits import LIMITS
from generator.content.schema import TAG_LENGTH, CountryCode, EntityRef, LanguageCode, Record, Slug, Tag, Text

REGENERATE = "briefings schema > content/SCHEMA.md"
"""The command that writes content/SCHEMA.md again, as editors run it."""

_VALUES: list[tuple[Any, str, str, str]] = [
    # (type, its name, its name for several, how it is written)
    (Text, "text", "texts", "in double quotes when it holds `: ` or ` #` or starts with punctuation; spaces around "
     "it are dropped; it may not be empty"),
    (Slug, "id", "ids", "the file name of the record it names, without `.md`: a lowercase slug of `a-z`, `0-9` and "
     "`-`, neither {reserved} nor digits only (the index and numbered list pages use those names)"),
    (CountryCode, "country code", "country codes", "ISO 3166-1 alpha-2, e.g. `KZ`, in any case (kept in upper case); "
     "every code names a country briefing, named in French: a file `content/countries/<code>.md` is optional "
     "and adds an overview and aliases"),
    (EntityRef, "country code or id", "country codes or ids", "two letters are a country code, anything else an id"),
    (Tag, "tag", "tags", f"letters, digits, spaces, hyphens or apostrophes, {TAG_LENGTH} characters at most"),
    (LanguageCode, "language code", "language codes", "e.g. `fr`, `en`, `zh`, `zh-Hans`"),
    (PartialDate, "partial date", "partial dates", f"{EXPECTED.removeprefix('a date written ')}: write only the "
     "precision the sources support (`2025-08-11`, `2025-07`, `2025`)"),
    (dt.date, "full date", "full dates", "YYYY-MM-DD"),
    (HttpUrl, "web address", "web addresses", "starting with `http://` or `https://`"),
    (bool, "true or false", "true or false values", "`true` or `false` (not `yes` or `no`)"),
    (float, "number", "numbers", "digits, with a decimal point if needed: `4800`, `2.5`"),
    (int, "whole number", "whole numbers", "digits: `2033`"),
]  # fmt: skip


def schema_document() -> str:
    """The text of content/SCHEMA.md."""
    lines = [
        "# Content schema (v1)",
        "",
        f"<!-- Written by `{REGENERATE}` from the record types in generator/content/schema.py;",
        "     change the models there, then run the command again, rather than editing this file. -->",
        "",
        "Every record is a Markdown file: YAML front matter between two `---` lines, then the body.",
        "Unknown fields are errors (a misspelt `contries:` is reported, with the closest field name).",
        "Comments (`# …`) are for editors and never reach the site. A list is written `[a, b]` or one",
        "`- item` line each; a single value is a list of one, and repeated items are dropped.",
        "Anchors and aliases (`&base`, `*base`) and merge keys (`<<: *base`, a field written beside",
        "it overriding the merged one) may repeat a part of a record, within the limits at the end.",
        "",
        "`briefings new article|country|organisation|initiative|person` writes a commented skeleton",
        "of each kind below; `briefings check` reports errors (a field left empty reads",
        "`published: empty; expected …`) and warnings, each with its file and line. README.md shows a",
        'whole article under "An example record, in full".',
        "",
        "## Values",
        "",
        "| Type | Written as |",
        "|---|---|",
    ]
    reserved = " nor ".join(f"`{name}`" for name in sorted(RESERVED_IDS))
    lines += [f"| {name} | {_cell(rule.format(reserved=reserved))} |" for _, name, _, rule in _VALUES]
    for kind in KINDS:
        lines += _kind_section(kind)
    lines += _limits_section()
    return "\n".join(lines) + "\n"


def _limits_section() -> list[str]:
    """The limits of limits.py, by the names their messages use."""
    lines = [
        "",
        "## Limits",
        "",
        "Far above what a real record needs, far below what would make a command hang or run out of",
        "memory; a record past one is an error naming the limit. Only regular files are read: a link",
        "is followed only to a file inside `content/`, and pipes, devices and links to folders are",
        "errors. Invisible control characters (other than tab and newline) are errors in every field",
        "and body; bidirectional controls and zero-width characters in titles and names are warnings.",
        "",
        "| Limit | Value | On |",
        "|---|---|---|",
    ]
    lines += [f"| {limit.name} | {limit.value:,} {limit.unit} | {_cell(limit.what)} |" for limit in LIMITS]
    return lines


def _kind_section(kind: Kind) -> list[str]:
    schema = kind.schema
    named = (
        f"The file is named after its `{kind.id_field}`, in lower case."
        if kind.id_field
        else "The file name is its id."
    )
    lines = ["", f"## {kind.name.capitalize()}: `{kind.path_pattern}`", "", f"{_doc(schema)} {named}", ""]
    nested: list[tuple[str, type[Record]]] = []
    lines += _table(schema, nested)
    lines += ["", f"Body: {schema.BODY[0].lower()}{schema.BODY[1:]}"]
    for name, model in nested:
        lines += ["", f"### `{name}`", "", _doc(model), ""]
        lines += _table(model, [])
    return lines


def _table(model: type[Record], nested: list[tuple[str, type[Record]]]) -> list[str]:
    """One row per field, in declaration order; nested record types are added to `nested`."""
    hints = get_type_hints(model, include_extras=True)
    lines = ["| Field | | Type | What it holds |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        hint = without_none(hints[name])
        inner = nested_record(hint)
        if inner is not None:
            nested.append((f"{name}[]" if get_origin(hint) is list else name, inner))
            described = "list, each item a mapping: see below" if get_origin(hint) is list else "mapping: see below"
        else:
            described = _type(hint)
        lines.append(f"| `{name}` | {_required(field)} | {_cell(described)} | {_cell(field.description or '')} |")
    return lines


def _required(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is None and field.default is not None:
        return f"optional, default `{_yaml(field.default)}`"
    return "optional"


def _type(hint: Any, plural: bool = False) -> str:
    """Name a type in an editor's words, with its limits and allowed values."""
    if hint is str:  # text with limits of its own, such as a quote's
        return "texts" if plural else "text"
    for known, one, many, _ in _VALUES:
        if hint == known:
            return many if plural else one
    origin = get_origin(hint)
    if origin is list:
        return f"list of {_type(get_args(hint)[0], plural=True)}"
    if origin is Literal:
        return "one of " + ", ".join(f"`{value}`" for value in get_args(hint))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "one of " + ", ".join(f"`{member.value}`" for member in hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        return _type(base, plural) + "".join(_limit(item) for item in metadata)
    raise TypeError(f"content/SCHEMA.md has no name for the type {hint!r}; add it to schema_doc._VALUES")


def _limit(metadata: object) -> str:
    """The limit one piece of `Annotated` metadata sets, as the Type column words it."""
    if isinstance(metadata, FieldInfo):
        return "".join(_limit(item) for item in metadata.metadata)
    if isinstance(metadata, StringConstraints) and metadata.max_length is not None:
        return f", {metadata.max_length} characters at most"
    if isinstance(metadata, annotated_types.Ge):
        return f", from {metadata.ge}"
    if isinstance(metadata, annotated_types.Le):
        return f" to {metadata.le}"
    return ""  # validators and stripping: the Values table says how the type is written


def nested_record(hint: Any) -> type[Record] | None:
    """The nested record type of a field (`source`, `events`), if it holds one."""
    inner = get_args(hint)[0] if get_origin(hint) is list else hint
    return inner if isinstance(inner, type) and issubclass(inner, Record) else None


def without_none(hint: Any) -> Any:
    """`X | None` is X: whether a field may be left out is the "required" column's business."""
    if get_origin(hint) in (Union, types.UnionType):
        rest = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _doc(model: type[Record]) -> str:
    return " ".join((model.__doc__ or "").split())


def _yaml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    sys.stdout.write(schema_document())


if __name__ == "__main__":
    main()
