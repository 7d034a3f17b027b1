"""One id rule (kinds.id_problem), applied wherever an id is given.

An id is a lowercase slug, not a reserved name (`index`) and not digits only (the
numbered list pages use those names). The linker applies it to file names, the schema to
every id a record refers to, `briefings new` to the id it is about to write.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.content.kinds import id_problem
from generator.editors.cli import main
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT

NOT_A_SLUG = "expected a lowercase slug such as {!r}"
RESERVED = "expected an id other than 'index' (the index pages use that name)"
DIGITS = "expected an id that is not digits only (the numbered list pages use those names)"


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("kz", None),
        ("2025-08-12-tokaiev-soutient", None),
        ("g20", None),
        ("Mon Article", NOT_A_SLUG.format("mon-article")),
        ("", NOT_A_SLUG.format("mon-identifiant")),
        ("index", RESERVED),
        ("2025", DIGITS),
    ],
)
def test_the_rule(identifier: str, expected: str | None) -> None:
    assert id_problem(identifier) == expected


def test_the_example_takes_a_suffix() -> None:
    assert id_problem("Tokaïev!", example_suffix=".md") == NOT_A_SLUG.format("tokaiev.md")


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("organisations/index.md", RESERVED),
        ("organisations/2025.md", DIGITS),
        ("articles/2025/index.md", RESERVED),
        ("articles/2025/2025.md", DIGITS),
        ("people/Li Qiang.md", NOT_A_SLUG.format("li-qiang.md")),
    ],
)
def test_file_names_follow_the_rule(good_content: Path, path: str, message: str) -> None:
    source = "organisations/cnuced.md" if path.startswith("organisations") else "people/li-qiang.md"
    if path.startswith("articles"):
        source = "articles/2025/2025-07-26-chine-propose-organisation-mondiale-ia.md"
    shutil.copyfile(GOOD_CONTENT / source, good_content / path)
    problems = problems_of(good_content)
    assert f"content/{path}: the file name is the record's id: {message}" in problems


REFERRING_ARTICLE = """\
---
title: "Un titre"
published: 2025-08-12
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
countries: [KZ]
organisations: [index]
positions:
  - actor: KZ
    initiative: "2025"
    role: supports
---
Résumé.
"""


def test_references_follow_the_rule(good_content: Path) -> None:
    (good_content / "articles" / "2025" / "un-titre.md").write_text(REFERRING_ARTICLE, encoding="utf-8")
    assert problems_of(good_content) == [
        f"content/articles/2025/un-titre.md:9: organisations[0]: {RESERVED}, got 'index'",
        f"content/articles/2025/un-titre.md:12: positions[0].initiative: {DIGITS}, got '2025'",
    ]


@pytest.mark.parametrize(
    "arguments",
    [
        ["organisation", "--name", "X", "--id", "2025"],
        ["article", "--title", "X", "--id", "2025"],
        ["article", "--title", "2025"],  # the id made from the title
        ["initiative", "--name", "Index"],
    ],
)
def test_new_refuses_what_the_rule_refuses(
    good_content: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    before = sorted(good_content.rglob("*"))
    status = main(["new", *arguments, "--project", str(good_content.parent)], today=dt.date(2026, 11, 23))
    identifier = arguments[-1].lower()
    assert (status, capsys.readouterr().err) == (
        1,
        f"error: {identifier!r} cannot be a record id: give a lowercase slug with --id, e.g. --id mon-identifiant\n",
    )
    assert sorted(good_content.rglob("*")) == before
