"""Write a Draft as an article record: valid YAML front matter, every guess commented.

Each guessed value carries a comment at the end of its line saying it must be checked and
what it was read from ("à vérifier : lu « Mis à jour le 12-08-2025 »"); a value that was not
found is left empty with "à compléter". The names found without a registry entry and the
article's extracted text follow as comments, for reference: comments never reach the
site, and the body, where the summary goes, stays empty for the editor to write. Strings
are written as JSON strings, which YAML reads as double-quoted scalars, so any headline
round-trips exactly.
"""

from __future__ import annotations

import json
import textwrap

from generator.content.drafts import CAPTURED_TEXT_MARK
from generator.content.kinds import REGISTRIES
from generator.content.limits import exceeded
from generator.editors.ingest.entities import Suggestion
from generator.editors.ingest.entry_files import PlannedEntry
from generator.editors.ingest.guesses import Draft

CHECK = "à vérifier"
FILL = "à compléter"
_LIST_HEADINGS = {
    "countries": "pays nommés dans le texte",
    "organisations": "organisations nommées dans le texte",
    "initiatives": "initiatives nommées dans le texte",
    "people": "personnes nommées dans le texte",
}


def render_record(draft: Draft, entries: list[PlannedEntry] | None = None) -> str:
    """Return the draft record's text; `entries` are the draft registry entries it names.

    Without entries (a draft printed rather than written), the new names are listed as
    comments, each with the kind of entry the text suggests.
    """
    entries = entries or []
    lines = [
        "---",
        f"# Brouillon créé par `briefings ingest` depuis la capture {draft.capture}.",
        f"# « {CHECK} » : valeur devinée, à contrôler ; « {FILL} » : rien trouvé dans la capture.",
        "# Une fois la fiche vérifiée et le résumé écrit sous la dernière ligne ---, supprimez « draft: true ».",
        "draft: true",
        _field(
            "title",
            _text(draft.title.value) if draft.title else None,
            _title_reason(draft),
        ),
        _field(
            "published",
            draft.published.date.iso if draft.published else None,
            draft.published.how if draft.published else "aucune date trouvée dans la capture",
        ),
        "source:",
        _field(
            "publisher",
            _text(draft.publisher.value) if draft.publisher else None,
            _read(draft.publisher.printed) if draft.publisher else "éditeur non imprimé dans la capture",
            indent=2,
        ),
    ]
    if draft.agency:
        lines.append(_field("agency", _text(draft.agency.value), _read(draft.agency.printed), indent=2))
    if draft.author:
        lines.append(_field("author", _text(draft.author.value), _read(draft.author.printed), indent=2))
    if draft.url:
        lines.append(_field("url", _text(draft.url), "adresse donnée par la page", indent=2))
    lines += [
        _field(
            "language",
            draft.language,
            "langue détectée dans le texte" if draft.language else "pas de texte où reconnaître la langue",
            indent=2,
        ),
        f"  retrieved: {draft.retrieved.isoformat()}  # jour de la capture (par défaut, celui de l'ingestion)",
        f"  capture: {_text(draft.capture)}",
    ]
    for kind in REGISTRIES:
        planned = [item for item in entries if item.entry.kind == kind.folder]
        lines += _suggestions(kind.folder, draft.findings.suggestions.get(kind.folder, []), planned)
    lines += _new_names(draft, entries)
    lines += _extracted_text(draft.paragraphs, draft.cut)
    lines += ["---", ""]
    return "\n".join(lines)


def _title_reason(draft: Draft) -> str:
    if draft.title is None:
        return "aucun titre reconnu dans la capture"
    return "titre imprimé dans la capture" if draft.title.printed == draft.title.value else draft.title.printed


def _field(name: str, value: str | None, reason: str, indent: int = 0) -> str:
    pad = " " * indent
    if value is None:
        return f"{pad}{name}:  # {FILL} : {_one_line(reason)}"
    return f"{pad}{name}: {value}  # {CHECK} : {_one_line(reason)}"


def _suggestions(kind: str, suggestions: list[Suggestion], planned: list[PlannedEntry]) -> list[str]:
    if not suggestions and not planned:
        return [f"{kind}: []  # rien trouvé dans le texte"]
    lines = [f"{kind}:  # {CHECK} : {_LIST_HEADINGS[kind]}"]
    for suggestion in suggestions:
        lines.append(f"  - {_text(suggestion.id)}  # {_mentions(suggestion)}")
    for item in planned:
        state = "fiche déjà là" if item.exists else "fiche brouillon créée"
        lines.append(f"  - {_text(item.entry.id)}  # {state} : {item.shown} (« {_one_line(item.entry.name)} »)")
    return lines


def _mentions(suggestion: Suggestion) -> str:
    shown = [f"« {name} »" + (f" ×{count}" if count > 1 else "") for name, count in suggestion.mentions.most_common()]
    return _one_line(", ".join(shown))


_KIND_WORDS = {"people": "personne", "organisations": "organisation", "initiatives": "initiative"}


def _new_names(draft: Draft, entries: list[PlannedEntry]) -> list[str]:
    covered = [item.entry.name for item in entries] or [entry.name for entry in draft.new_entries]
    names = [(name, count) for name, count in draft.findings.new_names if not any(known in name for known in covered)]
    proposed = [] if entries else draft.new_entries
    if not names and not proposed:
        return []
    lines = [
        "#",
        "# Noms trouvés sans fiche dans les registres : créez la fiche (puis ajoutez l'id ci-dessus) ou ignorez-les.",
    ]
    lines += [
        f"#   - {_one_line(entry.name)} ({_KIND_WORDS[entry.kind]} ; fiche proposée : {entry.id})" for entry in proposed
    ]
    for name, count in names:
        lines.append(f"#   - {_one_line(name)}" + (f" ×{count}" if count > 1 else ""))
    return lines


def _extracted_text(paragraphs: list[str], cut: bool) -> list[str]:
    if cut:
        paragraphs = [*paragraphs, f"[… la suite est coupée : {exceeded('capture text', 'texte trop long')}]"]
    if not paragraphs:
        return ["#", f"# Texte de l'article : {FILL}, aucun paragraphe reconnu dans la capture."]
    lines = [
        "#",
        f"{CAPTURED_TEXT_MARK}, pour référence : ne le recopiez pas, le résumé s'écrit avec nos mots.",
    ]
    for index, paragraph in enumerate(paragraphs):
        if index:
            lines.append("#")
        lines += [f"#   {line}" for line in textwrap.wrap(_one_line(paragraph), 100)]
    return lines


def _read(printed: str) -> str:
    return f"lu « {printed} »"


def _text(value: str) -> str:
    return json.dumps(_one_line(value), ensure_ascii=False)


def _one_line(value: str) -> str:
    return " ".join(value.split())
