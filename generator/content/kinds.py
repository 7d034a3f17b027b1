"""The kinds of record, written once: where each kind's files live and its pages go.

One frozen `Kind` per kind of record (article, country, organisation, initiative, person,
publisher) says its folder in `content/`, the site folder of its pages (the URLs are French), its
schema class, the English word messages use for it, how its files are named and how
its id is given. Every stage reads these instead of keeping a map of its own.

The id rule lives here too (`id_problem`): the schema applies it to every id a record
refers to, the linker to every file name, `briefings new` to the id it is about to write.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from slugify import slugify

from generator.content.schema import Article, Country, Initiative, Organisation, Person, Publisher, Record

EntityKind = Literal["country", "organisation", "initiative", "person"]
"""The kinds of registry entry, each with a briefing of its own."""
RecordKind = Literal["article", EntityKind, "publisher"]

RESERVED_IDS = frozenset({"index"})
"""Ids whose page would overwrite a folder's index page."""


@dataclass(frozen=True)
class Kind:
    """One kind of record: its files, its pages and its schema."""

    name: RecordKind
    """How the code names the kind: `Entity.kind`, the skeleton `<name>.md.j2`, `briefings new <name>`."""
    folder: str
    """Its folder in `content/`, e.g. countries."""
    site_folder: str | None
    """The site folder of its pages, e.g. pays; None for publishers, which have no page of their own."""
    schema: type[Record]
    word: str
    """The English word messages use for one record of the kind: "unknown country 'FR'"."""
    file_name: str
    """How its files are named inside `folder`, as shown to editors: `<code>.md`."""
    id_field: str | None = None
    """The field that gives the record's id; None when the file name is the id."""
    proper_names: bool = False
    """Its capitalised names only match capitalised text when `briefings ingest` looks for them."""

    @property
    def path_pattern(self) -> str:
        """Where its files go, as shown to editors: `content/countries/<code>.md`."""
        return f"content/{self.folder}/{self.file_name}"

    @property
    def entity_kind(self) -> EntityKind:
        """The kind as a registry entry with a briefing; articles and publishers are not one."""
        name = self.name
        if name == "article" or name == "publisher":
            raise ValueError(f"a {name} has no briefing")
        return name

    def entry_file(self, identifier: str) -> str:
        """The registry file a reference to `identifier` needs: `content/countries/fr.md with 'code: FR'`."""
        path = f"content/{self.folder}/{identifier.lower()}.md"
        return f"{path} with '{self.id_field}: {identifier}'" if self.id_field else path


ARTICLE = Kind("article", "articles", "articles", Article, "article", "<year>/<id>.md")
COUNTRY = Kind("country", "countries", "pays", Country, "country", "<code>.md", id_field="code", proper_names=True)
ORGANISATION = Kind("organisation", "organisations", "organisations", Organisation, "organisation", "<id>.md")
INITIATIVE = Kind("initiative", "initiatives", "initiatives", Initiative, "initiative", "<id>.md")
PERSON = Kind("person", "people", "personnes", Person, "person", "<id>.md", proper_names=True)
PUBLISHER = Kind("publisher", "publishers", None, Publisher, "publisher", "<id>.md")
"""The outlets articles come from: matched by name or alias to `source.publisher`, shown on the pages citing them."""

KINDS: tuple[Kind, ...] = (ARTICLE, COUNTRY, ORGANISATION, INITIATIVE, PERSON, PUBLISHER)
"""Every kind, in the order the content is read and listed."""
REGISTRIES: tuple[Kind, ...] = (COUNTRY, ORGANISATION, INITIATIVE, PERSON)
"""The kinds of registry entry with a briefing of their own: every kind but articles and publishers."""
KIND_OF_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
"""The kind of each folder of `content/`."""
KIND_NAMED: dict[str, Kind] = {kind.name: kind for kind in KINDS}
"""Each kind by its name: `KIND_NAMED[entity.kind].site_folder`."""
CAPTURES_FOLDER = "captures"
"""The folder of `content/` that holds captured articles, not records: `briefings ingest` keeps
each capture there (content/captures/<capture id>.txt or .html, named by the record's
`source.capture`) and `briefings check` compares the summary with it. The reader skips it, so
nothing in it is published; git ignores the texts, since they are not ours and the repository
is public, and keeps their runs of words (<capture id>.runs, editors/capture_runs.py)."""


@functools.cache
def slug_of(value: str) -> str:
    """Slugify with a memory: 10,000 articles repeat the same few thousand ids."""
    return str(slugify(value))


def id_problem(identifier: str, example_suffix: str = "") -> str | None:
    """Return why `identifier` cannot be a record id, worded as what was expected; None if it can.

    An id is a lowercase slug, since it is a file name and part of a page address; not a
    reserved name; and not digits only, since the numbered pages of the lists
    (pages/paging.py) have those names. `example_suffix` follows the example of a slug
    (".md" when the id is a file name).
    """
    if not identifier or slug_of(identifier) != identifier:
        return f"expected a lowercase slug such as {(slug_of(identifier) or 'mon-identifiant') + example_suffix!r}"
    if identifier in RESERVED_IDS:
        return f"expected an id other than {identifier!r} (the index pages use that name)"
    if identifier.isdigit():
        return "expected an id that is not digits only (the numbered list pages use those names)"
    return None
