"""Drafts: articles an editor is still working on, and registry entries not yet reviewed.

`briefings ingest` writes drafts straight into content/ with `draft: true`: the article
in content/articles/, and an entry in content/people/, content/organisations/ or
content/initiatives/ for each new name it found. The editor works where the records will
live. A draft must not break the build while it is half filled in, nor appear on the site
before it is checked. So drafts are set aside before validation and never published, and
the build reports each one with what it still lacks (the schema's own findings, with
their lines, and for an article a missing summary): the editor's to-do list. Removing
`draft: true` turns those to-dos into errors, as for any record; a published record that
names a draft entry is an error until the entry is reviewed (see linked/link.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.errors import Problem
from generator.content.kinds import ARTICLE, INITIATIVE, ORGANISATION, PERSON
from generator.content.read import SourceDocument
from generator.content.validate import validate_documents

CAPTURED_TEXT_MARK = "# Texte extrait de la capture"
"""Opens the captured article's text that `briefings ingest` leaves in a draft, as YAML
comments for the editor to read while writing the summary. The text is not ours: `check`
warns if it is still there once the record is published (see lint.py)."""

DRAFTABLE = frozenset(kind.folder for kind in (ARTICLE, ORGANISATION, INITIATIVE, PERSON))
"""The kinds of record a `draft: true` keeps off the site."""


@dataclass(frozen=True)
class DraftStatus:
    """A draft record and what it lacks before it can be published."""

    path: str
    line: int
    """Where `draft: true` is, so editors' tools can jump to it."""
    to_complete: list[Problem]
    has_summary: bool
    needs_summary: bool = True
    """Articles need a summary before they are published; a registry entry's overview is optional."""

    def __str__(self) -> str:
        return f"{self.path}: {self.describe_work()}"

    def describe_work(self) -> str:
        """What keeps the draft off the site, as an editor's to-do list."""
        to_do = [f"{problem.field or 'front matter'} (line {problem.line})" for problem in self.to_complete]
        if self.needs_summary and not self.has_summary:
            to_do.append("the summary")
        missing = f"still to complete: {', '.join(to_do)}" if to_do else "ready: remove 'draft: true' to publish it"
        return f"draft, not on the site; {missing}"


def is_draft(document: SourceDocument) -> bool:
    """An article or a registry entry ingest drafted whose front matter says `draft: true`."""
    return document.kind in DRAFTABLE and isinstance(document.meta, dict) and document.meta.get("draft") is True


def set_drafts_aside(documents: list[SourceDocument]) -> tuple[list[SourceDocument], list[DraftStatus]]:
    """Split the documents into those to publish and the drafts, each with its to-do list."""
    drafts = [document for document in documents if is_draft(document)]
    statuses = []
    for draft in drafts:
        _, problems = validate_documents([draft])
        statuses.append(
            DraftStatus(
                draft.path,
                draft.line_of("draft"),
                sorted(problems),
                bool(draft.body.strip()),
                needs_summary=draft.kind == ARTICLE.folder,
            )
        )
    return [document for document in documents if not is_draft(document)], statuses
