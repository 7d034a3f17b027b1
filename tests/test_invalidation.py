"""What an edit invalidates is declared beside the model, and every read of a record is seen.

The live preview renders again only the pages that read a touched record
(generator/preview/). Two ways it could go silently stale are closed here:
- a field added to a record, or an attribute to an entity, without a rule in
  linked/invalidation.py (the first two tests name what is missing);
- a template or a helper reading a record without the preview seeing it: every record of
  the fixture content is changed in turn, and every page whose bytes change must have
  noted that record among what it read.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
from functools import cached_property
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.content.schema import Article
from generator.linked.invalidation import ARTICLE_FIELDS, ENTITY_ATTRIBUTES, FieldRules, Rule
from generator.linked.model import Entity
from generator.pipeline import generate
from generator.preview.session import Session
from tests.conftest import GOOD_CONTENT, ROOT

TEMPLATES = ROOT / "site_config" / "templates"


def _missing_rules(model: type[BaseModel], rules: FieldRules, where: str) -> list[str]:
    missing = [f"{where}{name}" for name in model.model_fields if name not in rules]
    missing += [f"{where}{name} (no such field)" for name in rules if name not in model.model_fields]
    for name, rule in rules.items():
        annotation = model.model_fields[name].annotation if name in model.model_fields else None
        single = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        item = annotation if single else getattr(annotation, "__args__", (None,))[0]
        if isinstance(rule, dict):
            assert isinstance(item, type) and issubclass(item, BaseModel), (
                f"{where}{name} is not a record or a list of them"
            )
            missing += _missing_rules(item, rule, f"{where}{name}{'' if single else '[]'}.")
    return missing


def test_every_field_of_an_article_has_a_rule() -> None:
    missing = _missing_rules(Article, ARTICLE_FIELDS, "")
    assert missing == [], f"say in generator/linked/invalidation.py what an edit of these fields does: {missing}"


def test_every_attribute_of_an_entity_has_a_rule() -> None:
    attributes = {field.name for field in fields(Entity)}
    attributes |= {name for name, value in vars(Entity).items() if isinstance(value, (property, cached_property))}
    assert set(ENTITY_ATTRIBUTES) == attributes, (
        "say in generator/linked/invalidation.py whether these Entity attributes are OWN or LINKED: "
        f"{sorted(attributes ^ set(ENTITY_ATTRIBUTES))}"
    )
    assert set(ENTITY_ATTRIBUTES.values()) == {Rule.OWN, Rule.LINKED}


_ARTICLE_TEXTS = re.compile(r"^(\s*(?:- )?(?:title|publisher|evidence|text|measures|place|name): \"?)", re.MULTILINE)
_REGISTRY_TEXTS = re.compile(r"^((?:name|short_name|role|kind|seat): \"?)", re.MULTILINE)
_PUBLISHER_TEXTS = re.compile(r"^(name: \"?)", re.MULTILINE)  # its kind is one of a list


def _change_texts(path: Path) -> None:
    """Change every text of a record, and its body, without touching what links it to others."""
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    folder = path.parent.name if "/articles/" not in path.as_posix() else "articles"
    pattern = {"articles": _ARTICLE_TEXTS, "publishers": _PUBLISHER_TEXTS}.get(folder, _REGISTRY_TEXTS)
    front = pattern.sub(r"\1Modifié ", front)
    path.write_text(f"{front}\n---\nUne phrase ajoutée.\n\n{body}", encoding="utf-8")


def _pages(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.md"))}


@pytest.mark.parametrize(
    "record", sorted(path.relative_to(GOOD_CONTENT).as_posix() for path in GOOD_CONTENT.rglob("*.md"))
)
def test_every_page_that_changes_with_a_record_noted_reading_it(tmp_path: Path, record: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, content)
    session = Session()
    session.generate(content, TEMPLATES, tmp_path / "before")
    read_by = {path: page.depends_on for path, page in session.pages.items()}
    _change_texts(content / record)
    generate(content, TEMPLATES, tmp_path / "after")
    before, after = _pages(tmp_path / "before"), _pages(tmp_path / "after")
    assert before.keys() == after.keys()
    changed = [page for page in before if before[page] != after[page]]
    assert changed, f"changing the texts of {record} changed no page: the test edits nothing"
    shown = f"content/{record}"
    unseen = [page for page in changed if shown not in read_by[page]]
    assert unseen == [], f"these pages show {shown} but the preview did not see them read it: {unseen}"
