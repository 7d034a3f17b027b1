"""Hostile files, links and sizes: every command reports them, naming the file, and none hangs or crashes.

Each case plants one hostile input in a copy of the good project: YAML that expands
("billion laughs") or nests without end, a number of thousands of digits, a record past
the size limit, links that dangle, loop or leave the project, a named pipe where a record
belongs, a summary of 50,000 nested tags, control characters. `briefings generate` and
`briefings check` run on each (generator.editors.cli.main, in this process: a pipe that
was waited on would hang the test run, which pytest's own timeout of the CI would show),
and one real `mkdocs build` runs on a tree holding every case at once. Each must exit
non-zero with the problem named, write nothing and print no traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.content import read
from generator.editors.cli import main
from tests.conftest import GOOD_CONTENT, ROOT, copy_project, mkdocs_build

TODAY = dt.date(2026, 11, 23)
ARTICLES = "content/articles/2025"
HEAD = """\
published: 2025-08-12
source:
  publisher: Xinhua
  language: fr
  retrieved: 2025-09-01
countries: [KZ]
"""


def record(front: str, body: str = "Résumé.\n") -> str:
    return f"---\n{front}---\n{body}"


def laughs() -> str:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return record("\n".join(levels) + '\ntitle: "x"\n' + HEAD)


@dataclass(frozen=True)
class Case:
    """One hostile input: how to plant it in a project, the file reported and what the report says."""

    plant: Callable[[Path], None]
    path: str
    message: str


def write(relative: str, text: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_text(text, encoding="utf-8")


def link(relative: str, target: str | Callable[[Path], str]) -> Callable[[Path], None]:
    return lambda root: os.symlink(target(root) if callable(target) else target, root / relative)


def outside_record(root: Path) -> str:
    """A valid record outside the project, which a link in content/ points at."""
    elsewhere = root.parent / "elsewhere.md"
    elsewhere.write_text(record('title: "Secret"\n' + HEAD, "SECRET\n"), encoding="utf-8")
    return str(elsewhere)


def loop(root: Path) -> None:
    os.symlink("loop-b.md", root / ARTICLES / "loop-a.md")
    os.symlink("loop-a.md", root / ARTICLES / "loop-b.md")


CASES = {
    "billion_laughs": Case(write(f"{ARTICLES}/laughs.md", laughs()), "laughs.md:6", "limit 'YAML values'"),
    "many_aliases": Case(
        write(f"{ARTICLES}/aliases.md", record('title: &t "x"\n' + HEAD + "tags: [" + ", ".join(["*t"] * 101) + "]\n")),
        "aliases.md:9",
        "too many aliases (limit 'YAML aliases': 100 aliases; see content/SCHEMA.md)",
    ),
    "deep_flow_sequence": Case(
        write(f"{ARTICLES}/deep.md", record("title: x\n" + HEAD + "tags: " + "[" * 100_000 + "]" * 100_000 + "\n")),
        "deep.md:9",
        "lists or mappings nested too deep (limit 'YAML nesting depth': 16 levels; see content/SCHEMA.md)",
    ),
    "huge_integer": Case(
        write(f"{ARTICLES}/huge.md", record("title: x\n" + HEAD + "figures:\n  - value: " + "9" * 5000 + "\n")),
        "huge.md:10",
        "a number of 5,000 characters (limit 'number length': 30 characters; see content/SCHEMA.md)",
    ),
    "record_too_large": Case(
        write(f"{ARTICLES}/large.md", record("title: x\n" + HEAD, "mot " * 300_000)),
        "large.md",
        "limit 'record size': 262,144 bytes",
    ),
    "dangling_link": Case(
        link(f"{ARTICLES}/dangling.md", "/nonexistent/x.md"),
        "dangling.md",
        "a link to /nonexistent/x.md, which does not exist; delete the link",
    ),
    "link_loop": Case(loop, "loop-a.md", "(a loop of links)"),
    "link_out_of_the_project": Case(
        link(f"{ARTICLES}/outside.md", outside_record),
        "outside.md",
        "outside content/: records are read only from content/; copy the file here instead of linking to it",
    ),
    "link_to_a_folder": Case(
        link(f"{ARTICLES}/more", lambda root: str(root.parent)),
        "2025/more",
        "a link to a folder: links to folders are not followed",
    ),
    "named_pipe": Case(
        lambda root: os.mkfifo(root / ARTICLES / "pipe.md"),
        "pipe.md",
        "a named pipe (FIFO), not a regular file; expected a text file",
    ),
    "vertical_tab_in_summary": Case(
        write(f"{ARTICLES}/vt.md", record("title: x\n" + HEAD, "Une phrase\x0b collée.\n")),
        "vt.md:10",
        "the text below the front matter contains an invisible character, U+000B (vertical tab), at character 11",
    ),
    "control_character_in_title": Case(
        write(f"{ARTICLES}/ctl.md", record('title: "a\\x01b"\n' + HEAD)),
        "ctl.md:2",
        "contains an invisible character, U+0001 (control character), at character 2",
    ),
    "nested_tags_in_summary": Case(
        write(f"{ARTICLES}/tags.md", record("title: x\n" + HEAD, "<b>" * 50_000 + "x\n")),
        "tags.md:10",
        "elements nested 50,001 deep (lists, quotes or HTML tags) (limit 'HTML nesting depth': 64 levels",
    ),
}


def project_with(tmp_path: Path, *cases: Case) -> Path:
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(GOOD_CONTENT, root / "content")
    for case in cases:
        case.plant(root)
    return root


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv, today=TODAY)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("name", CASES)
def test_generate_and_check_report_the_file_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    case = CASES[name]
    root = project_with(tmp_path, case)
    for command in ("generate", "check"):
        status, output = run([command, "--project", str(root)], capsys)
        assert status == 1, output
        problem = next(line for line in output.splitlines() if case.path in line)
        assert case.message in problem
        assert "Traceback" not in output
    assert list((root / "build" / "docs").iterdir()) == []


@pytest.mark.build
def test_mkdocs_build_reports_every_hostile_file_at_once(tmp_path: Path) -> None:
    root = project_with(tmp_path, *CASES.values())
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for case in CASES.values():
        assert any(case.path in line and case.message in line for line in result.stderr.splitlines()), case
    assert not (root / "site").exists()


def test_a_missing_content_folder_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    for command in (["generate"], ["check"], ["new", "country", "--code", "KZ"]):
        status, output = run([*command, "--project", str(root)], capsys)
        assert (status, output) == (2, f"error: no content folder at {root / 'content'}; run briefings in the "
                                       "project folder, or give --project\n")  # fmt: skip


def test_new_names_the_file_standing_where_a_year_folder_belongs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path)
    (root / "content" / "articles" / "2024").write_text("not a folder\n", encoding="utf-8")
    status, output = run(["new", "article", "--title", "Un titre", "--published", "2024-05-01", "--project",
                          str(root)], capsys)  # fmt: skip
    assert (status, output) == (
        1,
        "error: content/articles/2024 is a file, where a folder of records belongs; move it away, then run again\n",
    )


def test_a_link_inside_content_to_a_record_inside_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path)
    os.symlink("li-qiang.md", root / "content" / "people" / "alias-li.md")
    status, output = run(["check", "--project", str(root)], capsys)
    assert status == 0, output
    assert "nearly the same as the name in content/people/alias-li.md ('Li Qiang')" in output


def test_records_saved_while_generate_reads_them_are_reread_or_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's save between the listing and the reading: the file is gone, or a new one stands there."""
    root = project_with(tmp_path)
    people = root / "content" / "people"
    listed = read._visible_files

    def list_then_save(folder: Path) -> tuple[list[str], list[str]]:
        found = listed(folder)
        if folder == people:
            (people / "li-qiang.md").unlink()  # vim: the old file removed, the new one not yet written
            saved = people / ".kassym-jomart-tokaiev.md.tmp"  # an atomic save: a new file renamed over the old
            saved.write_text((people / "kassym-jomart-tokaiev.md").read_text("utf-8"), encoding="utf-8")
            saved.replace(people / "kassym-jomart-tokaiev.md")
        return found

    monkeypatch.setattr(read, "_visible_files", list_then_save)
    status, output = run(["generate", "--project", str(root)], capsys)
    assert status == 1
    assert output.splitlines()[1:] == [
        "  content/people/li-qiang.md: the file was removed while it was read (an editor saving it?); "
        "run the command again",
        "Nothing was written; the last generated pages are unchanged.",
    ]


def test_concurrent_saves_never_crash_generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An editor saving a record again and again, both ways editors save, while generate runs."""
    root = project_with(tmp_path)
    target = root / ARTICLES / "2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
    text = target.read_text("utf-8")
    done = threading.Event()

    def save() -> None:
        for count in range(20_000):
            if done.is_set():
                return
            if count % 2:
                target.unlink()
                target.write_text(text, encoding="utf-8")
            else:
                temporary = target.with_name(".saving.tmp")
                temporary.write_text(text, encoding="utf-8")
                temporary.replace(target)

    editor = threading.Thread(target=save)
    editor.start()
    try:
        outcomes = [run(["generate", "--project", str(root)], capsys) for _ in range(5)]
    finally:
        done.set()
        editor.join()
    for status, output in outcomes:
        assert status == 0 or "tokaiev-soutient-organisation-mondiale-ia.md" in output, output
        assert "Traceback" not in output


INGEST_CASES = {
    "named_pipe": (lambda path: os.mkfifo(path), "a named pipe (FIFO), not a regular file; expected a text file"),
    "dangling_link": (lambda path: os.symlink("/nonexistent", path), "a link to /nonexistent, which leads nowhere"),
    "too_large": (
        lambda path: path.write_text("Titre\n\n" + "mot " * 300_000, encoding="utf-8"),
        "limit 'capture size': 1,048,576 bytes",
    ),
}


@pytest.mark.parametrize("name", INGEST_CASES)
def test_ingest_refuses_what_is_not_a_bounded_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    plant, message = INGEST_CASES[name]
    capture = tmp_path / "capture.txt"
    plant(capture)
    status, output = run(["ingest", str(capture), "-o", "-", "--project", str(ROOT)], capsys)
    assert status == 1
    assert output.startswith(f"error: {capture}: ") and message in output, output


def test_ingest_refuses_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/zero never ends: the capture is refused before a byte is read."""
    status, output = run(["ingest", "/dev/zero", "-o", "-", "--project", str(ROOT)], capsys)
    assert (status, output) == (1, "error: /dev/zero: a device, not a regular file; expected a text file\n")


def test_ingest_reads_only_the_start_of_a_very_long_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capture = tmp_path / "long.txt"
    paragraph = "Le Kazakhstan soutient la proposition de la Chine, annonce le président à Astana."
    capture.write_text("Un très long article\n\n" + "\n\n".join([paragraph] * 2_000) + "\n", encoding="utf-8")
    status, output = run(["ingest", str(capture), "-o", "-", "--project", str(ROOT)], capsys)
    assert status == 0
    assert output.count(paragraph) < 2_000
    assert "la suite est coupée : texte trop long (limit 'capture text': 100,000 characters;" in output
