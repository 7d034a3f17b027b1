"""Hostile text in valid records: formulas for spreadsheets, bidi spoofing, invisible characters, merge keys.

Each test writes real records into a copy of the good tree and runs the real commands
(`briefings generate`, `briefings check`), then reads what they wrote as its readers do:
the CSV with the csv module, the pages through the site's own Markdown.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from generator.content.texts import FORMAT_CHARACTERS, RIGHT_TO_LEFT
from generator.editors.check import check_content
from generator.editors.cli import main
from tests.test_escaping import to_html
from tests.test_hostile_files import HEAD, project_with, record

TODAY = dt.date(2026, 11, 23)
INITIATIVE = "organisation-mondiale-cooperation-ia"
KZ_TITLE = "Le président kazakh soutient l'initiative de coopération mondiale sur l'IA proposée par la Chine"


def position(evidence: str) -> str:
    return (
        f"initiatives: [{INITIATIVE}]\npositions:\n  - actor: KZ\n    initiative: {INITIATIVE}\n"
        f"    role: supports\n    date: 2025-08-11\n    evidence: {json.dumps(evidence)}\n"
    )


FORMULAS = {
    "egal": ('=HYPERLINK("http://exemple.invalid","x")', "@SUM(A1:A9)"),
    "plus": ("+33 accords", "-2 % de croissance"),
}


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path)
    for name, (title, evidence) in FORMULAS.items():
        front = f"title: {json.dumps(title)}\n" + HEAD + position(evidence)
        (root / "content/articles/2025" / f"{name}.md").write_text(record(front), encoding="utf-8")
    assert main(["generate", "--project", str(root)], today=TODAY) == 0, capsys.readouterr()
    data = root / "build/docs/donnees"
    with (data / "positions.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["article"]: row for row in csv.DictReader(stream)}
    for name, (title, evidence) in FORMULAS.items():
        assert (rows[name]["article_title"], rows[name]["evidence"]) == (f"'{title}", f"'{evidence}")
    assert not [cell for row in rows.values() for cell in row.values() if cell[:1] in ("=", "+", "-", "@")]
    records = json.loads((data / "briefings.json").read_text("utf-8"))
    assert {article["id"]: article["title"] for article in records["articles"]}["egal"] == FORMULAS["egal"][0]


def test_a_right_to_left_override_in_a_title_is_isolated_where_pages_show_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path)
    title = "Accord \u202eesrevni\u202c signé"
    article = root / "content/articles/2025/inverse.md"
    article.write_text(record(f"title: {json.dumps(title)}\n" + HEAD), encoding="utf-8")
    assert main(["generate", "--project", str(root)], today=TODAY) == 0, capsys.readouterr()
    docs = root / "build/docs"
    heading = to_html((docs / "articles/inverse.md").read_text("utf-8")).find("h1")
    assert heading is not None and [child.name for child in heading.children] == ["bdi"]
    country = to_html((docs / "pays/kz.md").read_text("utf-8"))
    isolated = [bdi for bdi in country.find_all("bdi") if bdi.get_text() == title]
    assert isolated, "the title is shown on the briefing, isolated"
    for bdi in isolated:  # the source and date after the title stay outside the isolate
        assert bdi.parent is not None and bdi.parent.name == "a" and bdi.parent.get_text() == title
    plain = to_html((docs / "articles/index.md").read_text("utf-8"))
    assert "<bdi>" not in str(plain).replace(f"<bdi>{title}</bdi>", ""), "titles without bidi text stay bare"


def test_check_warns_on_bidi_controls_and_zero_width_characters(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    (root / "content/articles/2025/inverse.md").write_text(
        record('title: "Accord \u202eesrevni\u202c signé"\n' + HEAD), encoding="utf-8"
    )
    (root / "content/organisations/onu.md").write_text(
        '---\nname: "Nations\u200b unies"\nshort_name: "O\u200dNU"\n---\n', encoding="utf-8"
    )
    warnings = [str(warning) for warning in check_content(root / "content", TODAY).warnings]
    advice = "delete them, unless the script of a name needs them (joiners in Persian or Indic names)"
    assert [line for line in warnings if "invisible characters" in line] == [
        "content/articles/2025/inverse.md:2: title: holds invisible characters that change how it is shown or "
        f"compared: U+202E (RIGHT-TO-LEFT OVERRIDE), U+202C (POP DIRECTIONAL FORMATTING); {advice}",
        "content/organisations/onu.md:2: name: holds invisible characters that change how it is shown or "
        f"compared: U+200B (ZERO WIDTH SPACE); {advice}",
        "content/organisations/onu.md:3: short_name: holds invisible characters that change how it is shown or "
        f"compared: U+200D (ZERO WIDTH JOINER); {advice}",
    ]


def test_zero_width_characters_do_not_hide_a_duplicate_title(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    disguised = "\u200b".join(KZ_TITLE)  # a zero-width space between every two letters
    (root / "content/articles/2025/copie.md").write_text(
        record(f"title: {json.dumps(disguised)}\n" + HEAD), encoding="utf-8"
    )
    warnings = [str(warning) for warning in check_content(root / "content", TODAY).warnings]
    assert [line.split(" (")[0] for line in warnings if "nearly the same" in line] == [
        "content/articles/2025/copie.md:2: title: nearly the same as the title of "
        "content/articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
    ]


def test_merge_keys_repeat_a_position_and_a_written_field_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path)
    front = (
        "title: Deux positions\n" + HEAD + f"initiatives: [{INITIATIVE}]\npositions:\n"
        f"  - &kz {{actor: KZ, initiative: {INITIATIVE}, role: supports, date: 2025-08-11}}\n"
        "  - <<: *kz\n    role: joins\n"
    )
    (root / "content/articles/2025/fusion.md").write_text(record(front), encoding="utf-8")
    assert main(["generate", "--project", str(root)], today=TODAY) == 0, capsys.readouterr()
    records = json.loads((root / "build/docs/donnees/briefings.json").read_text("utf-8"))
    merged = next(article for article in records["articles"] if article["id"] == "fusion")["positions"]
    assert [(item["actor"], item["role"], item["date"]) for item in merged] == [
        ("KZ", "supports", "2025-08-11"),
        ("KZ", "joins", "2025-08-11"),
    ]
    (root / "content/articles/2025/fusion.md").write_text(
        record(front + "    role: signs\n"), encoding="utf-8"
    )  # a field written twice beside the merge key is still an error
    assert main(["check", "--project", str(root)], today=TODAY) == 1
    assert "fusion.md:14: error: role: field given twice (first on line 13); keep only one" in capsys.readouterr().out


def test_the_character_classes_cover_unicode() -> None:
    """Every format character (Cf) is invisible to the checks; every right-to-left one is isolated."""
    characters = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]
    assert [c for c in characters if unicodedata.category(c) == "Cf" and not FORMAT_CHARACTERS.match(c)] == []
    right_to_left = ("R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI")
    assert [c for c in characters if unicodedata.bidirectional(c) in right_to_left and not RIGHT_TO_LEFT.match(c)] == []
