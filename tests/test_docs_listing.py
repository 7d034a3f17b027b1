"""The preview's kept list of the docs folder (generator/mkdocs/docs_listing.py), on a real folder with MkDocs' own
`get_files` to compare with."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel, get_files

from generator.mkdocs.docs_listing import DocsListing
from generator.output.write import WriteReport


def project(tmp_path: Path) -> MkDocsConfig:
    docs = tmp_path / "docs"
    for path in ("index.md", "pays/kz.md", "donnees/kz.csv", ".generated-by-briefings"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: docs\nsite_dir: site\n", encoding="utf-8")
    return load_config(config_file=str(tmp_path / "mkdocs.yml"))


def listed(files: Files) -> list[tuple[str, InclusionLevel]]:
    return [(file.src_uri, file.inclusion) for file in files]


def used_by_a_build(files: Files) -> None:
    """What a build leaves on the files: pages, inclusions set by the plugin, its modification verdicts."""
    for file in files:
        file.page = object()  # type: ignore[assignment]
        file.inclusion = InclusionLevel.EXCLUDED
        file.is_modified = lambda: False  # type: ignore[method-assign]


def test_rewrites_only_give_the_same_files_back_as_get_files_made_them(tmp_path: Path) -> None:
    config = project(tmp_path)
    listing = DocsListing()
    first = listing.files(config)
    assert listed(first) == listed(get_files(config))
    used_by_a_build(first)
    listing.generation_starts()
    listing.generation_done(WriteReport(written=["pays/kz.md", "donnees/kz.csv"]))
    again = listing.files(config)
    assert [id(file) for file in again] == [id(file) for file in first]  # kept, not listed again
    assert listed(again) == listed(get_files(config))
    for file in again:
        assert file.page is None
        assert "is_modified" not in vars(file)


def test_a_file_added_or_removed_lists_the_folder_again(tmp_path: Path) -> None:
    config = project(tmp_path)
    docs = tmp_path / "docs"
    for report, change in (
        (WriteReport(written=["pays/fr.md"]), lambda: (docs / "pays" / "fr.md").write_text("y\n", encoding="utf-8")),
        (WriteReport(removed=["donnees/kz.csv"]), lambda: (docs / "donnees" / "kz.csv").unlink()),
    ):
        listing = DocsListing()
        listing.files(config)
        listing.generation_starts()
        change()
        listing.generation_done(report)
        assert listed(listing.files(config)) == listed(get_files(config))


def test_a_generation_that_did_not_end_lists_the_folder_again(tmp_path: Path) -> None:
    """A failed run may have written files it never reported: the next build does not trust the list."""
    config = project(tmp_path)
    listing = DocsListing()
    first = listing.files(config)
    listing.generation_starts()
    (tmp_path / "docs" / "pays" / "fr.md").write_text("y\n", encoding="utf-8")
    again = listing.files(config)
    assert {file.src_uri for file in again} == {file.src_uri for file in first} | {"pays/fr.md"}
