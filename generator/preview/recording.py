"""How the preview learns which records each page depends on: by watching the templates read them.

While a page renders, the Jinja environment notes every article and entity whose
attributes the template reads (`RecordingEnvironment.getattr`); the helpers templates call
(output/helpers.py) read the model through the same `getattr`. What a read means is
declared beside the model (linked/invalidation.py): an entity is two dependencies, its own
record (its name, which every page naming it shows) and its links (the articles, positions,
quotes and people that name it, which its briefing and the indexes show).
tests/test_invalidation.py changes each record and checks that every page whose bytes
change had noted it: a helper reading a record behind the environment's back fails it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment

from generator.linked.invalidation import ENTITY_ATTRIBUTES, LINKED
from generator.linked.model import (
    ArticleEntry,
    Change,
    ChronologyEntry,
    Entity,
    FigureEntry,
    PositionEntry,
    PublisherEntry,
    QuoteEntry,
    Site,
    Stance,
)

SITE = "<site>"
"""The dependency of pages that show site-wide counts."""
SITE_FRESHNESS = "<site>.last_update"
"""The dependency of pages that show the site's newest date, which any article's date can move."""
SITE_CHANGES = "<site>.changes"
"""The dependency of the "Nouveautés" page, which any edit or commit can change."""
PUBLISHERS = "<publishers>"
"""The dependency of pages that show which outlet an article comes from: adding, removing or renaming a
publisher entry can match an article to another entry, or to none."""
_MATCHED = frozenset({"publisher", "agency"})


class RecordingEnvironment(Environment):
    """A Jinja environment that notes which records the page being rendered reads."""

    reads: set[str] = set()  # noqa: RUF012 - replaced by a fresh set before each page

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.reads.update(records_of(obj, attribute))
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.reads.update(records_of(obj, str(argument)))
        return super().getitem(obj, argument)


def links(source_file: str) -> str:
    """The dependency on what links to an entity, as opposed to its own record."""
    return f"links:{source_file}"


def records_of(value: object, attribute: str) -> Iterable[str]:
    """The dependencies a template takes on by reading `attribute` of `value`."""
    if isinstance(value, Entity):
        return (links(value.source_file) if ENTITY_ATTRIBUTES.get(attribute) is LINKED else value.source_file,)
    if isinstance(value, ArticleEntry):
        return (value.source_file, PUBLISHERS) if attribute in _MATCHED else (value.source_file,)
    if isinstance(value, PublisherEntry):
        return (value.source_file,)
    if isinstance(value, (PositionEntry, QuoteEntry, FigureEntry, ChronologyEntry, Change)):
        return (value.article.source_file,)
    if isinstance(value, Stance):
        return [position.article.source_file for position in value.positions]
    if isinstance(value, Site):
        return ({"last_update": SITE_FRESHNESS, "changes": SITE_CHANGES}.get(attribute, SITE),)
    return ()
