"""The schema's other copies agree with the models: the skeletons of `briefings new` and the README's example.

The models in generator/content/schema.py are the source (content/SCHEMA.md is written from
them, see test_schema_doc.py). A skeleton, as `briefings new` writes it, must validate but
for the fields it leaves empty on purpose, and hold every field of its model, as a line to
fill in or as a commented example; its "required"/"optional" notes and its lists of allowed
values must say what the model says. The README's full example record must validate and
link against the registries of content/.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from enum import Enum
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pytest
from pydantic.fields import FieldInfo

from generator.content.kinds import KIND_NAMED, KINDS, Kind
from generator.content.read import read_document
from generator.content.schema import Record
from generator.content.validate import validate_documents
from generator.editors.cli import main
from generator.editors.schema_doc import nested_record, without_none
from generator.pipeline import load_site
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 23)

# Per kind: the arguments that give `briefings new` every value it can take, then the fewest it needs.
ARGUMENTS: dict[str, tuple[list[str], list[str]]] = {
    "article": (
        ["--title", "Le Kazakhstan et l'IA", "--published", "2025-08-12", "--publisher", "Xinhua", "--language", "fr",
         "--url", "https://example.org/kazakhstan-ia", "--id", "2025-08-12-kazakhstan-ia"],
        ["--title", "Le Kazakhstan et l'IA"],
    ),
    "country": (["--code", "FR"], ["--code", "FR"]),
    "organisation": (
        ["--name", "Organisation des Nations unies", "--short-name", "ONU", "--id", "onu"],
        ["--name", "Organisation des Nations unies"],
    ),
    "initiative": (
        ["--name", "Pacte numérique mondial", "--short-name", "PNM", "--proposer", "CN", "--status", "proposed",
         "--id", "pacte-numerique-mondial"],
        ["--name", "Pacte numérique mondial"],
    ),
    "person": (
        ["--name", "Emmanuel Macron", "--role", "président de la République", "--country", "FR", "--id",
         "emmanuel-macron"],
        ["--name", "Emmanuel Macron"],
    ),
    "publisher": (
        ["--name", "Kazinform", "--country", "KZ", "--kind", "state_news_agency", "--id", "kazinform"],
        ["--name", "Kazinform"],
    ),
}  # fmt: skip


def written(kind: Kind, arguments: list[str], project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Run `briefings new` and return the file it wrote."""
    assert main(["new", kind.name, *arguments, "--project", str(project)], today=TODAY) == 0
    return project / capsys.readouterr().out.strip()


def field_info(model: type[Record], path: str) -> FieldInfo:
    """The field at a path such as `source.publisher` or `positions[].role`."""
    *parents, name = path.replace("[]", "").split(".")
    for parent in parents:
        inner = nested_record(without_none(get_type_hints(model, include_extras=True)[parent]))
        assert inner is not None, path
        model = inner
    return model.model_fields[name]


def allowed_values(model: type[Record], path: str) -> list[str] | None:
    """The values a field allows, in the model's order, or None when it is not a choice."""
    *parents, name = path.replace("[]", "").split(".")
    for parent in parents:
        inner = nested_record(without_none(get_type_hints(model, include_extras=True)[parent]))
        assert inner is not None, path
        model = inner
    hint = without_none(get_type_hints(model)[name])
    if isinstance(hint, type) and issubclass(hint, Enum):
        return [member.value for member in hint]
    if get_origin(hint) is Literal:
        return [str(value) for value in get_args(hint)]
    return None


def model_paths(model: type[Record], prefix: str = "") -> set[str]:
    """Every field path of a model, nested records included: `source.publisher`, `events[].date`."""
    paths: set[str] = set()
    hints = get_type_hints(model, include_extras=True)
    for name in model.model_fields:
        path = prefix + name
        paths.add(path)
        hint = without_none(hints[name])
        if inner := nested_record(hint):
            paths |= model_paths(inner, path + ("[]." if get_origin(hint) is list else "."))
    return paths


_FIELD_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_]+):(?P<value>[^#]*)(?:# *(?P<comment>.*))?$")
_COMMENTED_FIELD = re.compile(r"^# (?= *(?:- )?[a-z_]+:)")


def skeleton_fields(text: str) -> dict[str, tuple[str, str]]:
    """Each field of a front matter, commented out or not: its path, then its value and comment."""
    front = text.split("---\n")[1]
    fields: dict[str, tuple[str, str]] = {}
    open_at: list[tuple[int, str]] = []  # (indent, path) of the mappings and list items that hold the next lines
    for line in front.splitlines():
        match = _FIELD_LINE.match(_COMMENTED_FIELD.sub("", line))
        if not match:
            continue
        indent = len(match["indent"])
        while open_at and open_at[-1][0] >= indent:
            open_at.pop()
        parent = open_at[-1][1] + "." if open_at else ""
        if match["dash"]:
            parent = parent[:-1] + "[]."
            open_at.append((indent + 1, parent[:-1]))
            indent += 2
        path = parent + match["key"]
        fields[path] = (match["value"].strip(), match["comment"] or "")
        open_at.append((indent, path))
    return fields


def empty_paths(value: Any, prefix: str = "") -> set[str]:
    """The paths of the fields of `value` that are left empty (`field:` with nothing after it)."""
    if not isinstance(value, dict):
        return set()
    paths = {prefix + key for key, item in value.items() if item is None}
    for key, item in value.items():
        paths |= empty_paths(item, f"{prefix}{key}.")
    return paths


@pytest.mark.parametrize("given", ["every value", "fewest values"])
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_skeleton_validates_but_for_what_it_leaves_empty(
    good_content: Path, capsys: pytest.CaptureFixture[str], kind: Kind, given: str
) -> None:
    arguments = ARGUMENTS[kind.name][given == "fewest values"]
    path = written(kind, arguments, good_content.parent, capsys)
    document, problem = read_document(path, kind.folder, path.name)
    assert problem is None and document is not None
    _, problems = validate_documents([document])
    empty = empty_paths(document.meta)
    left_to_fill = {path for path in empty if field_info(kind.schema, path).is_required()}
    assert {problem.field for problem in problems} == left_to_fill
    assert all(problem.message.startswith("empty; expected ") for problem in problems)
    if given == "every value":
        assert problems == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_skeleton_holds_every_field_of_its_model(
    good_content: Path, capsys: pytest.CaptureFixture[str], kind: Kind
) -> None:
    fields = skeleton_fields(written(kind, ARGUMENTS[kind.name][1], good_content.parent, capsys).read_text("utf-8"))
    assert set(fields) == model_paths(kind.schema)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_skeleton_says_what_the_model_says(
    good_content: Path, capsys: pytest.CaptureFixture[str], kind: Kind
) -> None:
    fields = skeleton_fields(written(kind, ARGUMENTS[kind.name][1], good_content.parent, capsys).read_text("utf-8"))
    for path, (_, comment) in fields.items():
        note, _, rest = comment.partition(": ")
        if note in ("required", "optional"):
            assert (note == "required") == field_info(kind.schema, path).is_required(), path
        else:
            rest = comment
        if " | " in rest:
            assert rest.split(" | ") == allowed_values(kind.schema, path), path


README_EXAMPLE = re.compile(r"^### An example record, in full\n+```markdown\n(?P<record>.*?)^```$", re.M | re.S)


def readme_example() -> str:
    match = README_EXAMPLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match, "README.md has no ```markdown block under '### An example record, in full'"
    return match["record"]


def test_the_readme_example_validates_and_links(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / "2025" / "exemple-du-readme.md").write_text(readme_example(), encoding="utf-8")
    site = load_site(content)  # raises ContentError, listing every problem, if it does not
    article = next(article for article in site.articles if article.id == "exemple-du-readme")
    record = article.record
    assert [len(items) for items in (record.events, record.positions, record.quotes, record.figures)] == [1, 1, 1, 1]
    assert len(article.positions) == len(article.quotes) == 1  # every reference resolved


def test_the_readme_example_says_what_the_model_says() -> None:
    article = KIND_NAMED["article"].schema
    fields = skeleton_fields(readme_example())
    assert set(fields) <= model_paths(article)
    lists = {path: comment for path, (_, comment) in fields.items() if " | " in comment}
    assert lists, "the example lists the allowed roles and qualifiers"
    for path, comment in lists.items():
        assert comment.split(" | ") == allowed_values(article, path), path
