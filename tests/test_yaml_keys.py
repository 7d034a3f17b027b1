"""A YAML key that is a list or a mapping (`[a]: 1`, `{a: 1}: 2`) is a problem, not a crash.

PyYAML builds such a key as a Python list or dict, which cannot be looked up among the
keys seen so far; the records' dialect refuses it with the file and line, like any other
problem, and the other files are still checked in the same run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.editors.cli import main
from tests.test_bad_input import add_bad_file, problems_of

LIST_KEY = "content/articles/2025/list-as-key.md:8: field names must be plain words: found a list used as a key"
MAPPING_KEY = (
    "content/articles/2025/mapping-as-key.md:6: field names must be plain words: found a mapping used as a key"
)
MISSING_TITLE = "content/articles/2025/missing-title.md:2: title: required field is missing"


@pytest.mark.parametrize(
    ("fixture", "destination", "expected"),
    [
        ("list_as_key.md", "articles/2025/list-as-key.md", LIST_KEY),
        ("mapping_as_key.md", "articles/2025/mapping-as-key.md", MAPPING_KEY),
    ],
    ids=["list", "mapping"],
)
def test_a_key_that_is_not_a_word_is_reported_with_file_and_line(
    good_content: Path, fixture: str, destination: str, expected: str
) -> None:
    add_bad_file(good_content, fixture, destination)
    assert problems_of(good_content) == [expected]


def add_three_bad_files(content: Path) -> None:
    add_bad_file(content, "list_as_key.md", "articles/2025/list-as-key.md")
    add_bad_file(content, "mapping_as_key.md", "articles/2025/mapping-as-key.md")
    add_bad_file(content, "missing_title.md", "articles/2025/missing-title.md")


def test_every_problem_is_reported_in_one_run(good_content: Path) -> None:
    add_three_bad_files(good_content)
    assert problems_of(good_content) == [LIST_KEY, MAPPING_KEY, MISSING_TITLE]


def test_check_exits_1_without_a_traceback(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_three_bad_files(good_content)
    status = main(["check", "--project", str(good_content.parent)], today=dt.date(2026, 11, 23))
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out.splitlines() == [
        *(line.replace(": ", ": error: ", 1) for line in [LIST_KEY, MAPPING_KEY, MISSING_TITLE]),
        "3 errors, 0 warnings (warnings are looked for once the errors are fixed)",
    ]
    assert captured.err == ""
