"""`briefings new`: skeletons an editor fills in, never written over an existing file.

A fresh skeleton fails `briefings check` only on the required facts the command could not
know, each at its own line with what to write there; given those, it passes with the
warnings that say what is still advisable.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.content.read import read_document
from generator.editors.check import check_content
from generator.editors.cli import main

TODAY = dt.date(2026, 11, 23)


def new(project: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["new", *arguments, "--project", str(project)], today=TODAY)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def check_lines(project: Path) -> list[str]:
    report = check_content(project / "content", TODAY)
    errors = [error.describe("error") for error in report.errors]
    return errors + [warning.describe("warning") for warning in report.warnings]


def test_article_skeleton_without_the_facts_lists_what_to_fill_in(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = good_content.parent
    title = "Le président kazakh exprime son soutien à l'initiative de coopération mondiale sur l'IA"
    status, out, _ = new(project, capsys, "article", "--title", title)
    path = "content/articles/2026/president-kazakh-exprime-son-soutien-initiative-cooperation.md"
    assert (status, out) == (0, path + "\n")
    text = (project / path).read_text(encoding="utf-8")
    assert f'title: "{title}"' in text
    assert "  retrieved: 2026-11-23 " in text  # today, injected
    assert check_lines(project) == [
        f"{path}:6: error: published: empty; expected publication date as printed: YYYY-MM-DD, YYYY-MM or YYYY",
        f"{path}:8: error: source.publisher: empty; expected publisher as printed, e.g. French.china.org.cn",
    ]


def test_article_skeleton_with_the_facts_passes_with_advice(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = good_content.parent
    arguments = ["--title", "Le Kazakhstan et l'IA", "--published", "2025-09", "--publisher", "Xinhua"]
    status, out, _ = new(project, capsys, "article", *arguments, "--url", "https://example.org/a")
    path = "content/articles/2025/2025-09-kazakhstan-ia.md"
    assert (status, out) == (0, path + "\n")
    assert check_lines(project) == [
        f"{path}:19: warning: countries: the article concerns no country and no organisation, so no briefing of "
        "either lists it; add the codes of the countries it is about, e.g. [KZ, CN], or its organisations",
        f"{path}:53: warning: the article has no summary; write one below the front matter, in French and in "
        "your own words",
    ]


def test_values_are_written_as_yaml_whatever_they_hold(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = 'Chine : « une IA \\ pour tous » — "#1" {ok}'
    status, out, _ = new(good_content.parent, capsys, "article", "--title", title, "--publisher", "a: b # c")
    assert status == 0
    path = good_content.parent / out.strip()
    document, problem = read_document(path, "articles", out.strip())
    assert problem is None and document is not None
    assert document.meta["title"] == title
    assert document.meta["source"]["publisher"] == "a: b # c"


@pytest.mark.parametrize(
    ("arguments", "path", "expected"),
    [
        pytest.param(
            ["country", "--code", "fr"],
            "content/countries/fr.md",
            ["content/countries/fr.md:4: warning: nothing refers to this country: no article or registry entry "
             "names 'FR'; refer to it from an article, or delete the file"],
            id="country",
        ),
        pytest.param(
            ["organisation", "--name", "Organisation des Nations unies", "--short-name", "ONU"],
            "content/organisations/onu.md",
            ["content/organisations/onu.md:4: warning: nothing refers to this organisation: no article or registry "
             "entry names 'onu'; refer to it from an article, or delete the file"],
            id="organisation",
        ),
        pytest.param(
            ["initiative", "--name", "Pacte numérique mondial", "--proposer", "CN"],
            "content/initiatives/pacte-numerique-mondial.md",
            ["content/initiatives/pacte-numerique-mondial.md:8: error: status: empty; expected where it stands now: "
             "proposed, in_preparation, adopted, in_force, ongoing or abandoned"],
            id="initiative",
        ),
        pytest.param(
            ["person", "--name", "Emmanuel Macron"],
            "content/people/emmanuel-macron.md",
            ["content/people/emmanuel-macron.md:6: error: role: empty; expected office held at the time of the "
             "reports",
             "content/people/emmanuel-macron.md:7: error: country: empty; expected code of the country the person "
             "speaks for, e.g. KZ"],
            id="person",
        ),
    ],
)  # fmt: skip
def test_registry_skeletons(
    good_content: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], path: str, expected: list[str]
) -> None:
    project = good_content.parent
    assert new(project, capsys, *arguments)[:2] == (0, path + "\n")
    assert check_lines(project) == expected


def test_never_overwrites_an_editors_file(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = good_content / "countries" / "kz.md"
    os.utime(record, ns=(1_000_000_000, 1_000_000_000))
    before = record.read_bytes(), record.stat().st_mtime_ns
    status, out, err = new(good_content.parent, capsys, "country", "--code", "KZ")
    assert (status, out) == (1, "")
    assert err == (
        "error: content/countries/kz.md already exists; nothing was written. "
        "Edit that file, or choose another id with --id\n"
    )
    assert (record.read_bytes(), record.stat().st_mtime_ns) == before


def test_refuses_an_id_another_year_already_has(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["--title", "Autre", "--id", "2025-08-12-tokaiev-soutient-organisation-mondiale-ia"]
    status, _, err = new(good_content.parent, capsys, "article", *arguments, "--published", "2024")
    assert status == 1
    assert err == (
        "error: content/articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md already has the id "
        "'2025-08-12-tokaiev-soutient-organisation-mondiale-ia'; edit that record, or choose another id with --id\n"
    )
    assert not (good_content / "articles" / "2024").exists()


@pytest.mark.parametrize("record_id", ["Mon Article", "index"])
def test_refuses_an_id_that_is_not_a_slug(
    good_content: Path, capsys: pytest.CaptureFixture[str], record_id: str
) -> None:
    status, _, err = new(good_content.parent, capsys, "organisation", "--name", "X", "--id", record_id)
    assert status == 1
    assert err == (
        f"error: {record_id!r} cannot be a record id: give a lowercase slug with --id, e.g. --id mon-identifiant\n"
    )


def test_bad_arguments_are_refused_before_anything_is_written(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(good_content.rglob("*"))
    with pytest.raises(SystemExit) as exited:
        main(["new", "article", "--title", "X", "--published", "2025-02-30", "--project", str(good_content.parent)])
    assert exited.value.code == 2
    assert "argument --published: '2025-02-30' is not a day of the calendar" in capsys.readouterr().err
    assert sorted(good_content.rglob("*")) == before


@pytest.mark.parametrize("command", [[], ["generate"], ["check"], ["new"], ["new", "article"], ["new", "country"]])
def test_every_command_explains_itself(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith(f"usage: briefings {' '.join(command)}".rstrip())
    assert len(help_text.splitlines()) > 5


@pytest.mark.parametrize("command", [["check"], ["new", "country", "--code", "KZ"]])
def test_commands_refuse_a_folder_without_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, "--project", str(tmp_path)], today=TODAY) == 2
    assert capsys.readouterr().err == (
        f"error: no content folder at {tmp_path / 'content'}; run briefings in the project folder, or give --project\n"
    )
    assert list(tmp_path.iterdir()) == []
