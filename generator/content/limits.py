"""The limits on what a record or a capture may hold, each with the name its messages use.

A record is a few kilobytes of text written by an editor. Each limit is far above what a
real record needs and far below what makes a command take minutes, crash or exhaust
memory: YAML aliases that expand to billions of values ("billion laughs"), a list nested
100,000 deep (which crashes libyaml's composer outright), an integer of thousands of
digits (beyond Python's limit on converting text to int), a summary of 50,000 nested tags
(minutes in the HTML sanitiser). Every message says which limit was passed, by its name
here, and content/SCHEMA.md lists them all (schema_doc.py reads `LIMITS`).
"""

from __future__ import annotations

from dataclasses import dataclass

RECORD_BYTES = 256 * 1024
"""Largest record file: 256 KiB, a hundred times a real record, twice a draft with its captured text."""
CAPTURE_BYTES = 1024 * 1024
"""Largest capture `briefings ingest` reads: 1 MiB, a saved page with its inline styles and scripts."""
CAPTURE_TEXT = 100_000
"""Characters of a capture's article text that `briefings ingest` reads and copies into its draft."""
YAML_DEPTH = 16
"""Deepest nesting of lists and mappings in front matter; a record needs 3 (positions → item → field)."""
YAML_ALIASES = 100
"""Most aliases (`*name`) in one front matter."""
YAML_VALUES = 20_000
"""Most values in one front matter once its aliases are expanded; a large article has a few hundred."""
NUMBER_LENGTH = 30
"""Longest number, in characters: a float keeps 17 significant digits, a year 4."""
HTML_DEPTH = 64
"""Deepest nesting of elements in a summary or overview once rendered to HTML (lists, quotes, tags)."""


@dataclass(frozen=True)
class Limit:
    """One limit as content/SCHEMA.md lists it and messages name it."""

    name: str
    value: int
    unit: str
    what: str


LIMITS = (
    Limit("record size", RECORD_BYTES, "bytes", "size of a record file"),
    Limit("capture size", CAPTURE_BYTES, "bytes", "size of a capture given to `briefings ingest`"),
    Limit("capture text", CAPTURE_TEXT, "characters", "article text `briefings ingest` reads from a capture"),
    Limit("YAML nesting depth", YAML_DEPTH, "levels", "lists and mappings inside one another in front matter"),
    Limit("YAML aliases", YAML_ALIASES, "aliases", "`*name` references to an anchor `&name` in front matter"),
    Limit("YAML values", YAML_VALUES, "values", "values in front matter, each alias counted as what it repeats"),
    Limit("number length", NUMBER_LENGTH, "characters", "characters of one number in front matter"),
    Limit("HTML nesting depth", HTML_DEPTH, "levels", "elements inside one another in a summary or overview"),
)
"""Every limit, in the order content/SCHEMA.md lists them."""


def exceeded(name: str, found: str) -> str:
    """The end of a message for a passed limit: "… (limit 'YAML aliases': 100 aliases)"."""
    limit = next(limit for limit in LIMITS if limit.name == name)
    return f"{found} (limit {limit.name!r}: {limit.value:,} {limit.unit}; see content/SCHEMA.md)"
