"""Own words, checked: `briefings check` against the captures `briefings ingest` keeps, or their runs.

The rule on small texts first (what counts as a word, a name, a quotation), then on real
files: the seed content with its five seed captures kept in content/captures/, where our
summaries copy nothing; the runs files git keeps in their place, which check compares with
on a clone without the captures; and the editor's flow from `ingest` (which keeps the
capture and its runs) to a summary that copies a sentence and `check` saying so.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.content.kinds import CAPTURES_FOLDER
from generator.editors.capture_runs import read_runs, runs_of
from generator.editors.check import check_content
from generator.editors.cli import main
from generator.editors.lint import Rule
from generator.editors.own_words import Names, copied_runs
from generator.pipeline import load_site
from tests.conftest import ROOT, SITE_CONTENT

TODAY = dt.date(2026, 11, 23)
CAPTURES = Path(__file__).parent / "fixtures" / "captures"
SEEDS = sorted(CAPTURES.glob("00[0-4]_*.txt"))
KZ = "content/articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
NO_NAMES = Names([])

SENTENCE = (
    "Les technologies de pointe sont essentielles pour l'indépendance nationale et constituent un moteur de "
    "croissance économique."
)


def runs(summary: str, capture: str = SENTENCE, names: Names = NO_NAMES, quoted: str = "") -> list[str]:
    return [run.printed for run in copied_runs(summary, runs_of(capture), names, runs_of(quoted))]


def test_ten_words_in_a_row_are_found_whatever_their_case_accents_and_punctuation() -> None:
    summary = "Pour lui, les TECHNOLOGIES de pointe sont essentielles pour l’independance nationale, et c'est tout."
    assert runs(summary) == ["les TECHNOLOGIES de pointe sont essentielles pour l’independance nationale, et"]


def test_nine_words_in_a_row_are_not_a_copy() -> None:
    assert runs("Selon lui, les technologies de pointe sont essentielles pour l'indépendance de l'Asie.") == []


def test_an_elided_article_is_part_of_its_word() -> None:
    # "l'indépendance" is one word: eight words here, plus "l'" would have made nine.
    assert runs("Technologies de pointe sont essentielles pour l'indépendance nationale, dit-il.") == []


def test_a_copied_run_is_shown_as_the_summary_prints_it_cut_after_fifteen_words() -> None:
    capture = " ".join(f"mot{number}" for number in range(30))
    [run] = copied_runs(f"Début. {capture} fin.", runs_of(capture), NO_NAMES)
    assert (run.length, run.printed) == (30, " ".join(f"mot{number}" for number in range(15)) + " …")


@pytest.mark.parametrize(
    "summary",
    [
        f"Il le dit ainsi : « {SENTENCE} »",
        f'Il le dit ainsi : "{SENTENCE}"',
        f"Il le dit ainsi : “{SENTENCE}”",
        f"<!-- {SENTENCE} --> Rien d'autre.",
    ],
)
def test_quotations_and_comments_in_the_summary_are_aside(summary: str) -> None:
    assert runs(summary) == []


def test_no_run_is_counted_across_a_quotation() -> None:
    summary = "Les technologies de pointe sont « essentielles » pour l'indépendance nationale et constituent un moteur."
    assert runs(summary) == []


def test_the_records_quotes_are_aside() -> None:
    assert runs(f"Il ajoute que {SENTENCE.lower()}", quoted=SENTENCE) == []


def test_a_name_counts_as_one_word() -> None:
    capture = "La Conférence des Nations unies sur le commerce et le développement a publié ses prévisions."
    summary = "Selon la Conférence des Nations unies sur le commerce et le développement, le marché croît."
    names = Names(["Conférence des Nations unies sur le commerce et le développement"])
    assert runs(summary, capture, names) == []
    assert runs(summary, capture) == ["la Conférence des Nations unies sur le commerce et le développement"]


def test_a_run_holding_a_name_is_copied_when_the_capture_prints_all_its_words_in_a_row() -> None:
    name = "Conférence des Nations unies sur le commerce et le développement"
    capture = f"Selon la {name}, le marché mondial de l'IA atteindra 4.800 milliards de dollars en 2033."
    names = Names([name])
    copied = f"Selon la {name}, le marché mondial de l'IA atteindra 4.800 milliards de dollars."
    assert runs(copied, capture, names) == [copied.removesuffix(".")]  # 13 words, the name one of them
    # "selon la" and the name are ten of the capture's words in a row, but the name is one word: no copy.
    own = f"En 2033, selon la {name}, l'IA pèsera 4.800 milliards de dollars dans le monde."
    assert runs(own, capture, names) == []


# -- on real files ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The seed content with the five seed captures kept where ingest keeps captures, their runs not yet."""
    shutil.copytree(SITE_CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns(CAPTURES_FOLDER))
    (tmp_path / "content" / CAPTURES_FOLDER).mkdir()
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / "content" / CAPTURES_FOLDER / seed.name)
    return tmp_path


def own_words(content: Path) -> list[str]:
    report = check_content(content, TODAY)
    assert report.errors == []
    return [warning.describe("warning") for warning in report.warnings if warning.rule == Rule.OWN_WORDS]


def test_the_seed_summaries_and_overviews_are_in_our_own_words(project: Path) -> None:
    assert own_words(project / "content") == []


def test_check_keeps_each_captures_runs_beside_it_as_the_repository_holds_them(project: Path) -> None:
    report = check_content(project / "content", TODAY)
    written = [f"content/{CAPTURES_FOLDER}/{seed.stem}.runs" for seed in SEEDS]
    assert report.runs_written == written
    for seed in SEEDS:
        kept = project / "content" / CAPTURES_FOLDER / f"{seed.stem}.runs"
        assert kept.read_bytes() == (ROOT / "content" / CAPTURES_FOLDER / kept.name).read_bytes()  # committed, current
        lines = kept.read_text(encoding="utf-8").splitlines()
        assert all(line.startswith("# ") for line in lines[:2]) and len(read_runs(kept)) == len(lines) - 2
        assert all(len(line) == 12 and set(line) <= set("0123456789abcdef") for line in lines[2:])  # no word of text
    assert check_content(project / "content", TODAY).runs_written == []  # up to date: nothing written again


def test_without_the_captures_their_runs_stand_in_for_them(project: Path) -> None:
    check_content(project / "content", TODAY)
    for seed in SEEDS:
        (project / "content" / CAPTURES_FOLDER / seed.name).unlink()  # a fresh clone: git keeps only the runs
    record = project / KZ
    text = record.read_text(encoding="utf-8")
    record.write_text(text + f"\nPour lui, {SENTENCE[0].lower()}{SENTENCE[1:]}\n", encoding="utf-8")
    assert own_words(project / "content") == [
        f"{KZ}:{text.count(chr(10)) + 2}: warning: summary: shares 16 words in a row with the capture "
        "content/captures/000_96d299f1953af554.runs: « les technologies de pointe sont essentielles pour "
        "l'indépendance nationale et constituent un moteur de croissance … »; write it in our own words, "
        "or quote it between « » with its speaker"
    ]
    assert check_content(project / "content", TODAY).runs_written == []  # no capture, nothing to write from


def test_the_repositorys_content_is_checked_against_the_runs_it_keeps(tmp_path: Path) -> None:
    # As a clone has it: the runs, not the texts an editor may keep beside them (check would compare those).
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("*.txt", "*.html"))
    kept = {path.stem for path in (tmp_path / "content" / CAPTURES_FOLDER).glob("*.runs")}
    assert {seed.stem for seed in SEEDS} <= kept and len(kept) >= 46
    assert own_words(tmp_path / "content") == []


def test_a_runs_file_that_is_not_hashes_is_a_warning(project: Path) -> None:
    check_content(project / "content", TODAY)
    capture = project / "content" / CAPTURES_FOLDER / "000_96d299f1953af554.txt"
    capture.unlink()
    capture.with_suffix(".runs").write_text("# runs\nle président kazakh\n", encoding="utf-8")
    assert own_words(project / "content") == [
        "content/captures/000_96d299f1953af554.runs: warning: the records written from this capture cannot be "
        "compared with it: line 2 is not a hash of 12 hexadecimal digits"
    ]


def test_a_summary_copying_its_capture_is_a_warning(project: Path) -> None:
    record = project / KZ
    text = record.read_text(encoding="utf-8")
    record.write_text(text + f"\nPour lui, {SENTENCE[0].lower()}{SENTENCE[1:]}\n", encoding="utf-8")
    line = text.count("\n") + 2
    assert own_words(project / "content") == [
        f"{KZ}:{line}: warning: summary: shares 16 words in a row with the capture "
        "content/captures/000_96d299f1953af554.txt: « les technologies de pointe sont essentielles pour "
        "l'indépendance nationale et constituent un moteur de croissance … »; write it in our own words, "
        "or quote it between « » with its speaker"
    ]


def test_an_overview_copying_the_capture_of_an_article_naming_the_entry_is_a_warning(project: Path) -> None:
    entry = project / "content" / "organisations" / "cnuced.md"
    copied = "Elle prévoit que le marché mondial de l'IA pourrait atteindre 4.800 milliards de dollars d'ici à 2033."
    entry.write_text(entry.read_text(encoding="utf-8") + f"\n{copied}\n", encoding="utf-8")
    [warning] = own_words(project / "content")
    assert warning.startswith(
        "content/organisations/cnuced.md:9: warning: overview: shares 15 words in a row with the capture "
        "content/captures/000_96d299f1953af554.txt: « le marché mondial de l'IA pourrait atteindre 4.800 milliards"
    )


def test_without_kept_captures_nothing_is_compared(project: Path) -> None:
    record = project / KZ
    record.write_text(record.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
    shutil.rmtree(project / "content" / CAPTURES_FOLDER)
    assert own_words(project / "content") == []


def test_a_kept_capture_that_cannot_be_read_is_a_warning(project: Path) -> None:
    capture = project / "content" / CAPTURES_FOLDER / "000_96d299f1953af554.txt"
    capture.write_bytes("Le président kazakh a exprimé son soutien.".encode("latin-1"))
    assert own_words(project / "content") == [
        "content/captures/000_96d299f1953af554.txt: warning: the records written from this capture cannot be "
        f"compared with it: {capture}:1: the capture is not UTF-8 text (byte 0xe9 at line 1); save it with UTF-8 "
        "encoding"
    ]


def test_the_captures_folder_is_no_records_and_is_not_published(project: Path) -> None:
    (project / "content" / CAPTURES_FOLDER / "note.md").write_text("---\ntitle: pas un article\n---\n", "utf-8")
    assert {article.id for article in load_site(project / "content").articles} == {
        article.id for article in load_site(SITE_CONTENT).articles
    }
    assert check_content(project / "content", TODAY).errors == []


def test_git_ignores_the_kept_captures() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", f"content/{CAPTURES_FOLDER}/000_96d299f1953af554.txt"],
        cwd=ROOT,
        check=False,
    )
    assert ignored.returncode == 0  # the texts are not ours, and the repository is public
    kept = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", f"content/{CAPTURES_FOLDER}/000_96d299f1953af554.runs"],
        cwd=ROOT,
        check=False,
    )
    assert kept.returncode == 1  # their runs are kept: a clone without the texts checks against them


# -- the editor's flow: ingest keeps the capture, check compares -------------------------------


def ingest(project: Path, capture: Path, *options: str) -> int:
    return main(["ingest", str(capture), "--project", str(project), "--retrieved", TODAY.isoformat(), *options])


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """The seed content, no capture kept yet."""
    shutil.copytree(SITE_CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns(CAPTURES_FOLDER))
    return tmp_path


def test_ingest_keeps_the_capture_the_draft_names(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = CAPTURES / "004_c231b7b4a89e3f3b.txt"
    assert ingest(fresh, seed) == 0
    kept = fresh / "content" / CAPTURES_FOLDER / seed.name
    assert kept.read_text(encoding="utf-8") == seed.read_text(encoding="utf-8")
    draft = fresh / "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md"
    assert '  capture: "004_c231b7b4a89e3f3b"' in draft.read_text(encoding="utf-8").splitlines()
    out = capsys.readouterr().out
    assert "Capture kept as content/captures/004_c231b7b4a89e3f3b.txt (not published, ignored by git)" in out
    assert "Commit content/captures/004_c231b7b4a89e3f3b.runs, its runs of words without the text" in out
    assert (
        kept.with_suffix(".runs").read_bytes()
        == (ROOT / "content" / CAPTURES_FOLDER / "004_c231b7b4a89e3f3b.runs").read_bytes()
    )
    # The same capture again, into another draft: the copy there is the same text and stays.
    assert ingest(fresh, seed, "-o", str(fresh / "content/articles/2025/again.md")) == 0
    assert kept.read_text(encoding="utf-8") == seed.read_text(encoding="utf-8")


def test_ingest_never_overwrites_another_capture_of_the_same_name(
    fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = fresh / "content" / CAPTURES_FOLDER / "004_c231b7b4a89e3f3b.txt"
    kept.parent.mkdir()
    kept.write_text("another article\n", encoding="utf-8")
    assert ingest(fresh, CAPTURES / "004_c231b7b4a89e3f3b.txt") == 1
    assert kept.read_text(encoding="utf-8") == "another article\n"
    assert not (fresh / "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md").exists()
    assert capsys.readouterr().err == (
        "error: content/captures/004_c231b7b4a89e3f3b.txt already exists and holds another text; ingest never "
        "overwrites a file. Rename the capture file (its name is the capture's id), or pass --no-keep-capture.\n"
    )


@pytest.mark.parametrize("options", [["--no-keep-capture"], ["-o", "-"], ["-o", "draft-elsewhere.md"]])
def test_a_capture_is_kept_only_beside_a_draft_in_the_projects_content(
    fresh: Path, options: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(fresh)  # "draft-elsewhere.md": beside content/, not in it
    assert ingest(fresh, CAPTURES / "004_c231b7b4a89e3f3b.txt", *options) == 0
    assert not (fresh / "content" / CAPTURES_FOLDER).exists()


def test_a_saved_page_is_kept_as_html_and_compared_by_its_visible_text(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = CAPTURES / "gazette-du-mekong-weekday.html"
    assert ingest(fresh, page, "-o", str(fresh / "content/articles/2025/gazette.md")) == 0
    kept = fresh / "content" / CAPTURES_FOLDER / page.name
    assert kept.read_text(encoding="utf-8") == page.read_text(encoding="utf-8")


def test_from_ingest_to_a_copied_sentence_and_back_to_our_own_words(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = fresh / "content/articles/2025/ingere.md"
    assert ingest(fresh, CAPTURES / "000_96d299f1953af554.txt", "-o", str(draft)) == 0
    # The editor reviews the draft, deletes the captured text and 'draft: true', and writes a summary.
    front = draft.read_text(encoding="utf-8").split("# Texte extrait de la capture")[0]
    front = "\n".join(line for line in front.splitlines() if line != "draft: true")
    copied = f"Il juge que {SENTENCE[0].lower()}{SENTENCE[1:]}"
    draft.write_text(f"{front}\n---\n{copied}\n", encoding="utf-8")
    [warning] = own_words(fresh / "content")
    assert warning.startswith("content/articles/2025/ingere.md:") and "shares 16 words in a row" in warning
    own = "Pour le président, maîtriser les technologies avancées garantit l'indépendance du pays et sa croissance."
    draft.write_text(f"{front}\n---\n{own}\n", encoding="utf-8")
    assert own_words(fresh / "content") == []
