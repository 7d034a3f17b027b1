"""What an edit of each part of the model invalidates, declared beside the model.

The live preview renders again only the pages an edit touches (generator/preview/). For
that it must know, of every field a record has and every attribute an entity has, what a
change to it means. The rule for each lives here, next to the model, not in the preview's
code; tests/test_invalidation.py fails when a field or an attribute is left out, so adding
one to the schema or the model means saying here what it does.

An article's fields are either
- `STRUCTURE`: the field decides the site's structure: which lists the article is in,
  where, and how they are split (its date, its references, its themes, who its positions
  are of and on, the dates and names of its events, which the page lists hold). An edit
  of it links the records afresh and lists the pages again;
- `STANCE`: the field says what stance a position reports (its role, its date). Which
  lists the article is in stays the same, but the stances of the position's actor,
  initiative and spokesperson, the order of their positions, and the pages made from
  every stance (`specs.stance_specs`: the positions matrix) change. An edit of it is
  swapped into the linked site, those positions are put in order again
  (`link.reorder_positions`), those pages are listed again, and the pages that read the
  article or what links to those entities are rendered again; or
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
    STANCE = "stance"
    TEXT = "text"
    OWN = "own"
    LINKED = "linked"


STRUCTURE, STANCE, TEXT, OWN, LINKED = Rule.STRUCTURE, Rule.STANCE, Rule.TEXT, Rule.OWN, Rule.LINKED

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
        "role": STANCE,
        "date": STANCE,
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
    shape differ only in stances and texts, which the linked site can take in place."""
    return _values_of(article, ARTICLE_FIELDS, STRUCTURE)


def stances(article: Article) -> tuple[Any, ...]:
    """The values of an article's `STANCE` fields: two records of one article with the same shape
    and the same stances differ only in texts, which the pages showing the article read from the record."""
    return _values_of(article, ARTICLE_FIELDS, STANCE)


def _values_of(record: Any, rules: FieldRules, kept: Rule) -> tuple[Any, ...]:
    values: list[Any] = []
    for name, rule in rules.items():
        value = getattr(record, name)
        if isinstance(rule, dict) and isinstance(value, list):
            values.append(tuple(_values_of(item, rule, kept) for item in value))
        elif isinstance(rule, dict):
            values.append(_values_of(value, rule, kept))
        elif rule is kept:
            values.append(value)
    return tuple(values)
