"""Write a draft registry entry for each new person, organisation and initiative ingest found.

Each goes where its kind lives (content/people/<id>.md …) with `draft: true`, which keeps
it off the site until the editor has reviewed it (content/drafts.py), the name as printed
and, in comments, the words it was found by, the sentence and the capture: the editor
checks the guess against the text without opening the capture. Files are opened with mode
"x": an existing file, whoever wrote it, is never overwritten; the record then names the
entry already there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.content.kinds import INITIATIVE, ORGANISATION, PERSON
from generator.editors.ingest.new_entries import NewEntry

_CHECK = "à vérifier"
_FILL = "à compléter"


@dataclass(frozen=True)
class PlannedEntry:
    """A new entry and the file it goes to; `exists` when that file was already there."""

    entry: NewEntry
    path: Path
    shown: str
    """The path as the record's comment shows it: content/people/kong-xianhua.md."""
    exists: bool


def plan_entries(content_dir: Path, entries: list[NewEntry]) -> list[PlannedEntry]:
    """Where each entry's file goes, and whether one is already there."""
    planned = []
    for entry in entries:
        path = content_dir / entry.kind / f"{entry.id}.md"
        planned.append(PlannedEntry(entry, path, f"{content_dir.name}/{entry.kind}/{entry.id}.md", path.exists()))
    return planned


def write_entries(planned: list[PlannedEntry], capture: str, record: str) -> list[str]:
    """Write each entry not yet there, exclusively; return the paths written, as shown."""
    written = []
    for item in planned:
        if item.exists:
            continue
        item.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with item.path.open("x", encoding="utf-8") as stream:
                stream.write(render_entry(item.entry, capture, record))
        except FileExistsError:  # written meanwhile: it stays as it is
            continue
        written.append(item.shown)
    return written


def render_entry(entry: NewEntry, capture: str, record: str) -> str:
    """The draft entry's text: the name found, the fields to complete, how it was found."""
    found = ", ".join(
        f"« {_line(words)} »" + (f" ×{count}" if count > 1 else "") for words, count in entry.found_by.most_common()
    )
    lines = [
        "---",
        f"# Fiche brouillon créée par `briefings ingest` depuis la capture {capture}, pour {record}.",
        f"# Trouvée par les mots : {found}",
    ]
    if entry.sentence:
        lines.append(f"# Dans la phrase : « {_line(entry.sentence)} »")
    lines += [
        "# Vérifiez-la, complétez-la, puis supprimez « draft: true » : d'ici là, elle reste hors du site.",
        "draft: true",
        f"name: {json.dumps(_line(entry.name), ensure_ascii=False)}  # {_CHECK} : nom imprimé dans la capture"
        + ("" if entry.kind == PERSON.folder else ", à donner en français"),
    ]
    if entry.kind == PERSON.folder:
        lines += [f"role:  # {_FILL} : fonction à la date de l'article", f"country:  # {_FILL} : code ISO du pays"]
    elif entry.kind == ORGANISATION.folder:
        if entry.short_name:
            lines.append(f"short_name: {json.dumps(entry.short_name)}  # {_CHECK} : sigle imprimé après le nom")
    elif entry.kind == INITIATIVE.folder:
        if entry.short_name:
            lines.append(f"short_name: {json.dumps(entry.short_name)}  # {_CHECK} : sigle imprimé après le nom")
        lines.append(f"status:  # {_FILL} : proposed, in_preparation, adopted, in_force, ongoing ou abandoned")
    lines += ["---", ""]
    return "\n".join(lines)


def _line(text: str) -> str:
    return " ".join(text.split())
