"""Bad content is reported to editors, all at once, and never replaces the last good pages.

Each file in fixtures/bad/ holds one problem and is named after it, as Pelican's test
fixtures are. A test copies it into a copy of the good tree (fixtures/good/content), under
a file name that is a valid id unless the id is the problem, and expects `load_site` to
raise a ContentError whose lines read `path:line: field: message`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.editors.cli import main
from generator.output.write import MARKER, UnsafeOutputError, write_pages
from generator.pipeline import load_site
from tests.conftest import FIXTURES, GOOD_CONTENT, ROOT

BAD = FIXTURES / "bad"
KZ_ARTICLE = "2025-08-12-tokaiev-soutient-organisation-mondiale-ia"


def add_bad_file(content: Path, fixture: str, destination: str) -> None:
    """Copy `fixtures/bad/<fixture>` to `content/<destination>`."""
    target = content / destination
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BAD / fixture, target)


def problems_of(content: Path) -> list[str]:
    """Load the content, which must fail; return each problem as the editor reads it."""
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return [str(problem) for problem in caught.value.problems]


# (file in fixtures/bad/, where it is copied in content/, the one problem expected)
BAD_FILES = [
    pytest.param(
        "invalid_yaml.md",
        "articles/2025/invalid-yaml.md",
        "content/articles/2025/invalid-yaml.md:2: "
        "invalid YAML at line 2, column 13: mapping values are not allowed here "
        "(a value that contains ': ' must be put in quotes)",
        id="invalid_yaml",
    ),
    pytest.param(
        "missing_title.md",
        "articles/2025/missing-title.md",
        "content/articles/2025/missing-title.md:2: title: required field is missing",
        id="missing_title",
    ),
    pytest.param(
        "wrong_type_published.md",
        "articles/2025/wrong-type-published.md",
        "content/articles/2025/wrong-type-published.md:3: published: "
        "expected a date written YYYY-MM-DD, YYYY-MM or YYYY, got a mapping (field: value lines)",
        id="wrong_type_published",
    ),
    pytest.param(
        "impossible_date.md",
        "articles/2025/impossible-date.md",
        "content/articles/2025/impossible-date.md:3: published: '2025-02-30' is not a day of the calendar",
        id="impossible_date",
    ),
    pytest.param(
        "invalid_country_code.md",
        "articles/2025/invalid-country-code.md",
        "content/articles/2025/invalid-country-code.md:8: countries[1]: "
        "expected an ISO 3166-1 alpha-2 country code such as 'FR', got 'ZZ'",
        id="invalid_country_code",
    ),
    pytest.param(
        "dangling_initiative.md",
        "articles/2025/dangling-initiative.md",
        "content/articles/2025/dangling-initiative.md:11: positions[0].initiative: unknown initiative "
        "'organisation-mondiale-ia': expected a registry entry content/initiatives/organisation-mondiale-ia.md",
        id="dangling_initiative",
    ),
    pytest.param(
        "not_utf8.md",
        "articles/2025/not-utf8.md",
        "content/articles/2025/not-utf8.md:5: the file is not UTF-8 text (byte 0xe9 at line 5); "
        "save it with UTF-8 encoding",
        id="not_utf8",
    ),
    pytest.param(
        "front_matter_is_a_list.md",
        "articles/2025/front-matter-is-a-list.md",
        "content/articles/2025/front-matter-is-a-list.md:2: "
        "front matter must be a mapping of 'field: value' lines, got a list",
        id="front_matter_is_a_list",
    ),
    pytest.param(
        "unknown_field_contries.md",
        "articles/2025/unknown-field-contries.md",
        "content/articles/2025/unknown-field-contries.md:8: contries: unknown field; did you mean 'countries'? "
        "expected one of: countries, draft, events, figures, initiatives, organisations, people, positions, published, "
        "quotes, source, tags, title",
        id="unknown_field_contries",
    ),
    pytest.param(
        "hostile_tag.md",
        "articles/2025/hostile-tag.md",
        "content/articles/2025/hostile-tag.md:9: tags[1]: expected a tag of letters, digits, spaces, hyphens or "
        "apostrophes (60 at most), got '<script>alert(1)</script>'",
        id="hostile_tag",
    ),
    pytest.param(
        "bad_language_code.md",
        "articles/2025/bad-language-code.md",
        "content/articles/2025/bad-language-code.md:6: source.language: "
        "expected a language code such as 'fr' or 'en', got 'Français'",
        id="bad_language_code",
    ),
    pytest.param(
        "no_front_matter.md",
        "articles/2025/no-front-matter.md",
        "content/articles/2025/no-front-matter.md:1: expected front matter: a '---' line, YAML fields, then '---'",
        id="no_front_matter",
    ),
    pytest.param(
        "bad_role.md",
        "articles/2025/bad-role.md",
        "content/articles/2025/bad-role.md:12: positions[0].role: "
        "input should be 'proposes', 'hosts', 'signs', 'joins', 'supports' or 'opposes', got 'endorses'",
        id="bad_role",
    ),
    pytest.param(
        "hostile_id.md",
        "articles/2025/Tokaïev soutient l'IA!.md",
        "content/articles/2025/Tokaïev soutient l'IA!.md: "
        "the file name is the record's id: expected a lowercase slug such as 'tokaiev-soutient-l-ia.md'",
        id="hostile_id",
    ),
    pytest.param(
        # Same stem as the good 2025 article, in another year folder. The files are read in path
        # order, so the 2024 copy registers the id first and the 2025 original is the one flagged.
        "duplicate_article_id.md",
        f"articles/2024/{KZ_ARTICLE}.md",
        f"content/articles/2025/{KZ_ARTICLE}.md: duplicate id '{KZ_ARTICLE}': "
        f"also used by content/articles/2024/{KZ_ARTICLE}.md",
        id="duplicate_article_id",
    ),
    pytest.param(
        # A second kz.md in a subfolder; asie/kz.md sorts before kz.md, so kz.md is the one flagged.
        "duplicate_country_code.md",
        "countries/asie/kz.md",
        "content/countries/kz.md:2: code: duplicate code 'KZ': also used by content/countries/asie/kz.md",
        id="duplicate_country_code",
    ),
    pytest.param(
        "duplicate_country_code.md",
        "countries/kazakhstan.md",
        "content/countries/kazakhstan.md:2: code: the file of country KZ must be named 'kz.md'",
        id="country_file_not_named_after_code",
    ),
    pytest.param(
        "missing_title.md",
        "articles/2025/notes.txt",
        "content/articles/2025/notes.txt: not a record: expected a .md file",
        id="not_a_markdown_file",
    ),
    pytest.param(
        "blank_line_after_opening_dashes.md",
        "articles/2025/blank-line-after-opening-dashes.md",
        "content/articles/2025/blank-line-after-opening-dashes.md:4: "
        "published: '2025-02-30' is not a day of the calendar",
        id="blank_line_after_opening_dashes",
    ),
    pytest.param(
        "duplicate_field.md",
        "articles/2025/duplicate-field.md",
        "content/articles/2025/duplicate-field.md:3: title: field given twice (first on line 2); keep only one",
        id="duplicate_field",
    ),
]


@pytest.mark.parametrize(("fixture", "destination", "expected"), BAD_FILES)
def test_bad_file_is_reported_with_file_line_and_field(
    good_content: Path, fixture: str, destination: str, expected: str
) -> None:
    add_bad_file(good_content, fixture, destination)
    assert problems_of(good_content) == [expected]


THREE_BAD_FILES = [
    # One problem found by each stage: read (YAML), validate (schema), model (reference).
    ("invalid_yaml.md", "articles/2025/invalid-yaml.md"),
    ("missing_title.md", "articles/2025/missing-title.md"),
    ("dangling_initiative.md", "articles/2025/dangling-initiative.md"),
]
THREE_PROBLEMS = [  # sorted by file, not by the stage that found them
    "content/articles/2025/dangling-initiative.md:11: positions[0].initiative: unknown initiative "
    "'organisation-mondiale-ia': expected a registry entry content/initiatives/organisation-mondiale-ia.md",
    "content/articles/2025/invalid-yaml.md:2: invalid YAML at line 2, column 13: mapping values are not allowed here "
    "(a value that contains ': ' must be put in quotes)",
    "content/articles/2025/missing-title.md:2: title: required field is missing",
]


def test_every_problem_is_reported_in_one_run_sorted_by_file(good_content: Path) -> None:
    for fixture, destination in THREE_BAD_FILES:
        add_bad_file(good_content, fixture, destination)
    assert problems_of(good_content) == THREE_PROBLEMS


def test_impossible_date_is_a_field_error_on_published_not_a_crash(good_content: Path) -> None:
    add_bad_file(good_content, "impossible_date.md", "articles/2025/impossible-date.md")
    with pytest.raises(ContentError) as caught:
        load_site(good_content)
    assert [(problem.field, problem.line) for problem in caught.value.problems] == [("published", 3)]


NORWAY_ARTICLE = """\
---
title: "La Norvège rejoint le débat"
published: 2025-09
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
countries: [NO, KZ]
---
Résumé.
"""


def test_yaml_no_is_norway_not_false(good_content: Path) -> None:
    (good_content / "countries" / "no.md").write_text("---\ncode: NO\n---\nLa Norvège.\n", encoding="utf-8")
    (good_content / "articles" / "2025" / "norvege.md").write_text(NORWAY_ARTICLE, encoding="utf-8")
    article = next(article for article in load_site(good_content).articles if article.id == "norvege")
    assert [country.id for country in article.countries] == ["NO", "KZ"]


# -- the command line: report everything, write nothing -----------------------------------

LONG_AGO_NS = 1_000_000_000 * 1_000_000_000  # 2001-09-09: any rewrite would show as a newer mtime


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every file and folder under `folder` (itself included): bytes (files only) and mtime."""
    paths = [folder, *sorted(folder.rglob("*"))]
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None, path.stat().st_mtime_ns)
        for path in paths
    }


@dataclass(frozen=True)
class BrokenRun:
    """A `briefings generate` run on broken content, after a good run."""

    status: int
    stderr: str
    before: dict[str, tuple[bytes | None, int]]
    after: dict[str, tuple[bytes | None, int]]


@pytest.fixture
def broken_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> BrokenRun:
    project = tmp_path / "project"
    shutil.copytree(GOOD_CONTENT, project / "content")
    (project / "site_config").mkdir()
    (project / "site_config" / "templates").symlink_to(ROOT / "site_config" / "templates")
    assert main(["generate", "--project", str(project)]) == 0
    docs = project / "build" / "docs"
    for path in [docs, *docs.rglob("*")]:
        os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    before = snapshot(docs)
    assert "pays/kz.md" in before  # the good run really wrote the pages
    for fixture, destination in THREE_BAD_FILES:
        add_bad_file(project / "content", fixture, destination)
    capsys.readouterr()
    status = main(["generate", "--project", str(project)])
    return BrokenRun(status, capsys.readouterr().err, before, snapshot(docs))


def test_cli_fails_on_bad_content(broken_run: BrokenRun) -> None:
    assert broken_run.status == 1


def test_cli_prints_every_problem_to_stderr(broken_run: BrokenRun) -> None:
    assert broken_run.stderr.splitlines() == [
        "3 problems in the content:",
        *(f"  {problem}" for problem in THREE_PROBLEMS),
        "Nothing was written; the last generated pages are unchanged.",
    ]


def test_cli_leaves_the_last_generated_pages_untouched(broken_run: BrokenRun) -> None:
    assert broken_run.after == broken_run.before


# -- the writer never touches the content -------------------------------------------------


@pytest.mark.parametrize("out_dir", ["content", "content/articles", "."], ids=["content", "inside", "around"])
def test_writer_refuses_to_write_into_or_around_the_content(good_content: Path, out_dir: str) -> None:
    target = good_content.parent / out_dir
    with pytest.raises(UnsafeOutputError) as caught:
        write_pages({"index.md": "# Accueil\n"}, out_dir=target, protected=[good_content])
    assert str(caught.value) == (
        f"refusing to write generated pages into {target}: it overlaps {good_content.resolve()}"
    )


def test_writer_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    target.mkdir()
    (target / "notes.md").write_text("Mes notes.\n", encoding="utf-8")
    with pytest.raises(UnsafeOutputError) as caught:
        write_pages({"index.md": "# Accueil\n"}, out_dir=target, protected=[tmp_path / "content"])
    assert str(caught.value) == (
        f"refusing to write generated pages into {target}: it holds files the generator did not make "
        f"(no {MARKER} file); choose an empty folder"
    )
