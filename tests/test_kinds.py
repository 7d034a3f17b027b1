"""The kind registry (generator/content/kinds.py) is the one place that names each kind's folders.

Every stage reads it: the reader its folders, the validator its schemas, the linker its
words, the pages its site folders, `briefings new` its skeletons. These tests pin what the
registry says and check that the stages agree with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.kinds import ARTICLE, CAPTURES_FOLDER, KIND_NAMED, KIND_OF_FOLDER, KINDS, REGISTRIES, Kind
from generator.content.schema import Article, Country, Initiative, Organisation, Person, Publisher
from generator.editors.cli import main
from generator.pipeline import load_site
from tests.conftest import ROOT

SKELETONS = ROOT / "generator" / "editors" / "skeletons"


def test_one_kind_per_record_type_with_its_folders() -> None:
    assert [(kind.name, kind.folder, kind.site_folder, kind.schema) for kind in KINDS] == [
        ("article", "articles", "articles", Article),
        ("country", "countries", "pays", Country),
        ("organisation", "organisations", "organisations", Organisation),
        ("initiative", "initiatives", "initiatives", Initiative),
        ("person", "people", "personnes", Person),
        ("publisher", "publishers", None, Publisher),
    ]
    assert KINDS[1:-1] == REGISTRIES
    assert {kind.folder: kind for kind in KINDS} == KIND_OF_FOLDER
    assert {kind.name: kind for kind in KINDS} == KIND_NAMED


def test_the_content_folders_are_the_kinds_folders() -> None:
    folders = {path.name for path in (ROOT / "content").iterdir() if path.is_dir()}
    assert folders - {CAPTURES_FOLDER} == set(KIND_OF_FOLDER)  # captures: an editor's, ignored by git


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_kind_has_a_skeleton_and_a_new_command(kind: Kind, capsys: pytest.CaptureFixture[str]) -> None:
    assert (SKELETONS / f"{kind.name}.md.j2").is_file()
    with pytest.raises(SystemExit):
        main(["new", kind.name, "--help"])
    assert kind.path_pattern in " ".join(capsys.readouterr().out.split())


def test_registry_file_names_in_messages() -> None:
    assert KIND_NAMED["country"].entry_file("FR") == "content/countries/fr.md with 'code: FR'"
    assert KIND_NAMED["person"].entry_file("xi-jinping") == "content/people/xi-jinping.md"
    with pytest.raises(ValueError, match="has no briefing"):
        _ = ARTICLE.entity_kind


def test_pages_go_to_the_site_folder_of_their_kind(good_content: Path) -> None:
    site = load_site(good_content)
    for kind, entities in site.entities_by_kind:
        assert entities, kind
        assert {entity.page.split("/")[0] for entity in entities} == {KIND_NAMED[kind].site_folder}
    assert {article.page.split("/")[0] for article in site.articles} == {ARTICLE.site_folder}
