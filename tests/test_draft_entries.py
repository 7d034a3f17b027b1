"""The registry entries `briefings ingest` drafts, and what a record naming one meets.

Capture 19 (tests/fixtures/captures/real/, the Maldives' public television on China's
action plan) names "Chinese Ambassador to the Maldives Kong Xianhua", whom the seed
registries do not know: ingest drafts content/people/kong-xianhua.md. The entry is a
draft (off the site, its gaps an editor's to-do list), says the words it was found by,
and is written with mode "x": a file already at its path, whoever wrote it, stays as it is.
A published record may not name a draft entry: the linker says which and what to do.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.content.yaml_dialect import load
from generator.editors.check import check_content
from generator.editors.cli import main
from generator.editors.ingest.entry_files import plan_entries, write_entries
from generator.editors.ingest.new_entries import NewEntry
from generator.pipeline import load_site
from tests.conftest import SITE_CONTENT

CAPTURE = Path(__file__).parent / "fixtures" / "captures" / "real" / "19-mmtv-action-plan-maldives-ambassador.txt"
ENTRY = "content/people/kong-xianhua.md"
SEED = "content/articles/2025/2025-12-18-chine-propose-organisation-internationale-ia.md"
TODAY = dt.date(2026, 2, 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SITE_CONTENT, tmp_path / "content")
    return tmp_path


def ingest(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """Ingest capture 19 into `project`; return the draft record's path and what ingest printed."""
    record = project / "content" / "articles" / "2025" / "ingere.md"
    arguments = ["ingest", str(CAPTURE), "-o", str(record), "--url", "http://en.mmtv.mv/5202", "--no-keep-capture"]
    assert main([*arguments, "--project", str(project), "--retrieved", TODAY.isoformat()]) == 0
    return record, capsys.readouterr().out


def front_matter(path: Path) -> dict[str, object]:
    meta = load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(meta, dict)
    return meta


def test_a_drafted_entry_is_a_draft_that_says_how_it_was_found(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record, printed = ingest(project, capsys)
    entry = project / ENTRY
    assert entry.read_text(encoding="utf-8").splitlines() == [
        "---",
        "# Fiche brouillon créée par `briefings ingest` depuis la capture 19-mmtv-action-plan-maldives-ambassador, "
        f"pour {record}.",
        "# Trouvée par les mots : « Ambassador to the Maldives Kong Xianhua indicated that the Plan »",
        "# Dans la phrase : « Chinese Ambassador to the Maldives Kong Xianhua indicated that the Plan demonstrates "
        "China’s support for multilateral cooperation and inclusive technological development. »",
        "# Vérifiez-la, complétez-la, puis supprimez « draft: true » : d'ici là, elle reste hors du site.",
        "draft: true",
        'name: "Kong Xianhua"  # à vérifier : nom imprimé dans la capture',
        "role:  # à compléter : fonction à la date de l'article",
        "country:  # à compléter : code ISO du pays",
        "---",
    ]
    assert front_matter(entry) == {"draft": True, "name": "Kong Xianhua", "role": None, "country": None}
    assert f"  {ENTRY}" in printed.splitlines()
    # The record names it, and says the entry is a new draft.
    assert '  - "kong-xianhua"  # fiche brouillon créée : content/people/kong-xianhua.md (« Kong Xianhua »)' in (
        record.read_text(encoding="utf-8").splitlines()
    )
    # Off the site, with what it lacks listed.
    site = load_site(project / "content")
    assert "kong-xianhua" not in {person.id for person in site.people}
    drafts = [warning.describe("warning") for warning in check_content(project / "content", TODAY).warnings]
    assert f"{ENTRY}:6: warning: draft: draft, not on the site; still to complete: role (line 8), country (line 9)" in (
        drafts
    )


def test_an_editors_file_at_the_entrys_path_is_never_overwritten(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = "---\ndraft: true\nname: \"Kong X.\"  # l'éditeur s'en occupe\n---\nNotes à moi.\n"
    (project / ENTRY).write_text(mine, encoding="utf-8")
    record, printed = ingest(project, capsys)
    assert (project / ENTRY).read_text(encoding="utf-8") == mine
    assert ENTRY not in printed
    assert '  - "kong-xianhua"  # fiche déjà là : content/people/kong-xianhua.md (« Kong Xianhua »)' in (
        record.read_text(encoding="utf-8").splitlines()
    )


def test_a_file_written_after_the_plan_is_not_overwritten_either(project: Path) -> None:
    # Another editor (or a second ingest) writes the file between the plan and the writing.
    entry = NewEntry("people", "kong-xianhua", "Kong Xianhua")
    [planned] = plan_entries(project / "content", [entry])
    assert not planned.exists
    (project / ENTRY).write_text("theirs\n", encoding="utf-8")
    assert write_entries([planned], "19-mmtv-action-plan-maldives-ambassador", "ingere.md") == []
    assert (project / ENTRY).read_text(encoding="utf-8") == "theirs\n"


@pytest.mark.parametrize(
    ("field", "listed", "drafted", "review"),
    [
        ("people", "li-qiang", "kong-xianhua", {"role:  #": 'role: "ambassadeur de Chine aux Maldives"  #'}),
        (
            "initiatives",
            "organisation-mondiale-cooperation-ia",
            "global-digital-compact",
            {"status:  #": "status: adopted  #"},
        ),
    ],
)
def test_a_published_record_naming_a_draft_entry_is_an_error_until_it_is_reviewed(
    project: Path, capsys: pytest.CaptureFixture[str], field: str, listed: str, drafted: str, review: dict[str, str]
) -> None:
    ingest(project, capsys)
    seed = project / SEED
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(f"{field}: [{listed}]", f"{field}: [{listed}, {drafted}]"), encoding="utf-8")
    line = text[: text.index(f"{field}: [{listed}]")].count("\n") + 1
    entry = f"content/{field}/{drafted}.md"

    with pytest.raises(ContentError) as error:
        load_site(project / "content")
    assert [str(problem) for problem in error.value.problems] == [
        f"{SEED}:{line}: {field}[1]: {drafted!r} is still a draft ({entry}): review that entry and remove its "
        "'draft: true' first"
    ]

    # Reviewed: 'draft: true' gone, the gaps filled in; the record is then published as it is.
    reviewed = (project / entry).read_text(encoding="utf-8").replace("draft: true\n", "")
    for gap, filled in {**review, "country:  #": "country: CN  #"}.items():
        reviewed = reviewed.replace(gap, filled)
    (project / entry).write_text(reviewed, encoding="utf-8")
    article = next(article for article in load_site(project / "content").articles if article.source_file == SEED)
    assert [entity.id for entity in getattr(article, field)] == [listed, drafted]
