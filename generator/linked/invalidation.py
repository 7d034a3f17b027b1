"""What an edit of each part of the model invalidates, declared beside the model.

The live preview renders again only the pages an edit touches (generator/preview/). For
that it must know, of every field a record has and every attribute an entity has, what a
change to it means. The rule for each lives here, next to the model, not in the preview's
code; tests/test_invalidation.py fails when a field or an attribute is left out, so adding
one to the schema or the model means saying here what it does.

An article's fields are either
- `STRUCTURE`: the field decides the site's structure: which lists the article is in,
  where, and how they are split (its date, its references, its themes, the roles and dates
  of its positions, the dates and names of its events, which the page lists hold). An edit
  of it links the records afresh and lists the pages again; or
- `TEXT`: only pages that show the article read it (its title, source, summary, quotes'
  words, figures, evidence, places). An edit of it is swapped into the linked site and
  only the pages that read the article are rendered again.
A sub-record (the source) or a list of them (events, positions…) has a rule for each of the
sub-record's fields.

An entity's attributes are either
- `OWN`: they come from its registry record (its name, overview, the country of a person);
  a page reading one depends on that record's file; or
- `LINKED`: they are made from the records that name it (its articles, positions, quotes,
  people, chronology); a page reading one depends on the entity's links, which any edit
  of an article naming the entity touches.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from generator.content.schema import Article


class Rule(Enum):
    STRUCTURE = "structure"
    TEXT = "text"
    OWN = "own"
    LINKED = "linked"


STRUCTURE, TEXT, OWN, LINKED = Rule.STRUCTURE, Rule.TEXT, Rule.OWN, Rule.LINKED

FieldRules = dict[str, "Rule | FieldRules"]

ARTICLE_FIELDS: FieldRules = {
    "draft": STRUCTURE,
    "title": TEXT,
    "published": STRUCTURE,
    "source": {  # the outlets' entries are matched again when texts are swapped (preview/touched.py)
        "publisher": TEXT,
        "agency": TEXT,
        "author": TEXT,
        "url": TEXT,
        "url_note": TEXT,
        "also": {"url": TEXT, "publisher": TEXT},
        "language": TEXT,
        "retrieved": TEXT,
        "capture": TEXT,
    },
    "countries": STRUCTURE,
    "organisations": STRUCTURE,
    "initiatives": STRUCTURE,
    "people": STRUCTURE,
    "events": {"name": STRUCTURE, "date": STRUCTURE, "place": TEXT},
    "positions": {
        "actor": STRUCTURE,
        "initiative": STRUCTURE,
        "role": STRUCTURE,
        "date": STRUCTURE,
        "voiced_by": STRUCTURE,
        "evidence": TEXT,
    },
    "quotes": {
        "speaker": STRUCTURE,
        "initiative": STRUCTURE,
        "date": STRUCTURE,
        "text": TEXT,
        "language": TEXT,
        "reported": TEXT,
    },
    "figures": {
        "stated_by": STRUCTURE,
        "cited_by": STRUCTURE,
        "scope": STRUCTURE,
        "value": TEXT,
        "unit": TEXT,
        "measures": TEXT,
        "qualifier": TEXT,
        "year": TEXT,
    },
    "tags": STRUCTURE,
}
"""The rule of every field of an article record (generator/content/schema.py's `Article`)."""

ENTITY_ATTRIBUTES: dict[str, Rule] = {
    "kind": OWN,
    "id": OWN,
    "name": OWN,
    "short_name": OWN,
    "source_file": OWN,
    "overview": OWN,
    "record": OWN,
    "has_file": OWN,
    "page": OWN,
    "country": OWN,
    "organisation": OWN,
    "proposer": OWN,
    "articles": LINKED,
    "positions": LINKED,
    "quotes": LINKED,
    "figures": LINKED,
    "people": LINKED,
    "related": LINKED,
    "changes": LINKED,
    "last_update": LINKED,
    "chronology": LINKED,
    "stances": LINKED,
}
"""The rule of every attribute of an `Entity` (generator/linked/model.py), fields and properties alike."""


def shape(article: Article) -> tuple[Any, ...]:
    """The values of an article's `STRUCTURE` fields: two records of one article with the same
    shape differ only in texts, which the pages showing the article read from the record."""
    return _shape_of(article, ARTICLE_FIELDS)


def _shape_of(record: Any, rules: FieldRules) -> tuple[Any, ...]:
    values: list[Any] = []
    for name, rule in rules.items():
        value = getattr(record, name)
        if isinstance(rule, dict) and isinstance(value, list):
            values.append(tuple(_shape_of(item, rule) for item in value))
        elif isinstance(rule, dict):
            values.append(_shape_of(value, rule))
        elif rule is STRUCTURE:
            values.append(value)
    return tuple(values)
