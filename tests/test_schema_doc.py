"""content/SCHEMA.md is written from the models (generator/editors/schema_doc.py), never by hand."""

from __future__ import annotations

import re

import pytest

from generator.content.schema import Figure, Initiative, Position, Quote, Role, Status
from generator.editors.cli import main
from generator.editors.schema_doc import REGENERATE, schema_document
from tests.conftest import ROOT

SCHEMA_MD = ROOT / "content" / "SCHEMA.md"


def test_the_committed_schema_md_is_what_the_models_write() -> None:
    assert SCHEMA_MD.read_text(encoding="utf-8") == schema_document(), (
        f"content/SCHEMA.md differs from the models in generator/content/schema.py; "
        f"regenerate it with `.venv/bin/{REGENERATE}` and commit it"
    )


def test_briefings_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_document()


def row(field: str, section: str) -> str:
    """The table row of `field` in the section whose heading ends with `section`."""
    text = schema_document()
    start = next(match.end() for match in re.finditer(r"^#+ .*$", text, re.M) if match[0].endswith(section))
    return next(line for line in text[start:].splitlines() if line.startswith(f"| `{field}` |"))


def test_allowed_values_are_listed_in_declaration_order() -> None:
    roles = ", ".join(f"`{role.value}`" for role in Role)
    assert f"| one of {roles} |" in row("role", "`positions[]`")
    assert roles == "`proposes`, `hosts`, `signs`, `joins`, `supports`, `opposes`"  # the order of a positions table
    assert ", ".join(f"`{status.value}`" for status in Status) in row("status", "`content/initiatives/<id>.md`")
    assert "one of `more_than`, `about`, `up_to`, `less_than`" in row("qualifier", "`figures[]`")


def test_limits_come_from_the_models() -> None:
    text = Quote.model_fields["text"].metadata[0].max_length
    assert f"| text, {text} characters at most |" in row("text", "`quotes[]`")
    assert "| whole number, from 1900 to 2200 |" in row("year", "`figures[]`")


def test_required_and_defaults_come_from_the_models() -> None:
    assert row("status", "`content/initiatives/<id>.md`").startswith("| `status` | **required** |")
    assert row("language", "`quotes[]`").startswith("| `language` | optional, default `fr` |")
    assert row("reported", "`quotes[]`").startswith("| `reported` | optional, default `false` |")
    assert row("scope", "`figures[]`").startswith("| `scope` | optional |")


def test_descriptions_come_from_the_models() -> None:
    for model, field, section in [
        (Position, "role", "`positions[]`"),
        (Initiative, "status", "`content/initiatives/<id>.md`"),
        (Figure, "unit", "`figures[]`"),
    ]:
        assert row(field, section).endswith(f"| {model.model_fields[field].description} |")
