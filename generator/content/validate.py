"""Stage 2, validate: turn each SourceDocument into its typed record, or into Problems.

Pydantic does the checking; this module only words its findings for editors: the field
path as written in the file (`positions[0].actor`), its line, what was expected and what
was found, and for an unknown field the closest known name ("did you mean 'countries'?").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.content.dates import describe
from generator.content.errors import Problem
from generator.content.kinds import KIND_OF_FOLDER
from generator.content.read import SourceDocument
from generator.content.schema import Record
from generator.content.texts import control_character_problem, html_depth_problem


@dataclass(frozen=True)
class ValidRecord:
    """A record that passed its schema, with where it came from."""

    document: SourceDocument
    record: Record


def validate_documents(documents: list[SourceDocument]) -> tuple[list[ValidRecord], list[Problem]]:
    """Validate every document against the schema of its folder; keep going after failures."""
    valid: list[ValidRecord] = []
    problems: list[Problem] = []
    for document in documents:
        problems += text_problems(document)
        schema = KIND_OF_FOLDER[document.kind].schema
        if not isinstance(document.meta, dict):
            problems.append(
                Problem(
                    document.path,
                    document.line_of(""),
                    "",
                    f"front matter must be a mapping of 'field: value' lines, got {describe(document.meta)}",
                )
            )
            continue
        try:
            valid.append(ValidRecord(document, schema.model_validate(document.meta)))
        except ValidationError as error:
            problems.extend(_problem(document, schema, detail) for detail in error.errors())
    return valid, problems


def text_problems(document: SourceDocument) -> list[Problem]:
    """Control characters in any value or key, and in the body; the body's HTML nesting depth (texts.py)."""
    problems = []
    strings = list(_strings(document.meta, ""))
    if control_character_problem("\n".join(text for _, text in strings)):  # one search for the usual record
        for field, text in strings:
            if found := control_character_problem(text):
                problems.append(Problem(document.path, document.line_of(field), field, found[1]))
    if found := control_character_problem(document.body):
        line = document.body_line + document.body.count("\n", 0, found[0])
        problems.append(Problem(document.path, line, "", f"the text below the front matter {found[1]}"))
    elif too_deep := html_depth_problem(document.body):
        problems.append(Problem(document.path, document.body_line, "", f"the text below the front matter: {too_deep}"))
    return problems


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every text in front matter data, keys included, with its field path (depth bounded by the YAML limits)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield child, key
            yield from _strings(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _problem(document: SourceDocument, schema: type[Record], detail: ErrorDetails) -> Problem:
    field = _field_path(detail["loc"])
    return Problem(document.path, document.line_of(field), field, _message(schema, detail))


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for step in loc:
        path += f"[{step}]" if isinstance(step, int) else (f".{step}" if path else str(step))
    return path


def _message(schema: type[Record], detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(detail["loc"][-1])
        known = _known_fields(schema, detail["loc"][:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown field; {hint}expected one of: {', '.join(known)}"
    if detail.get("input", ...) is None:  # `field:` with nothing after it, as a skeleton leaves it
        return f"empty; expected {_description(schema, detail['loc'])}"
    message = detail["msg"].removeprefix("Value error, ")
    if kind in ("value_error", "partial_date") or "input" not in detail:
        return message
    return f"{message[0].lower()}{message[1:]}, got {_shown(detail['input'])}"


def _known_fields(schema: type[Record], loc: tuple[int | str, ...]) -> list[str]:
    """Return the field names allowed at `loc`, following nested record types."""
    return sorted(_model_at(schema, loc).model_fields)


def _description(schema: type[Record], loc: tuple[int | str, ...]) -> str:
    """Return the schema's description of the field at `loc`, worded to follow "expected"."""
    names = [step for step in loc if isinstance(step, str)]
    field = _model_at(schema, names[:-1]).model_fields.get(names[-1])
    description = field.description if field and field.description else "A value."
    return description[0].lower() + description[1:].rstrip(".")


def _model_at(schema: type[Record], loc: Sequence[int | str]) -> Any:
    """Return the record type holding the fields at `loc`, following nested record types."""
    model: Any = schema
    for step in loc:
        if isinstance(step, int):
            continue
        annotation = model.model_fields[step].annotation
        model = getattr(annotation, "__args__", (annotation,))[0]
    return model


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
