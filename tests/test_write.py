"""Writing the pages: only what changed, nothing stale, the same bytes every time."""

from __future__ import annotations

import filecmp
import os
import re
import stat
from pathlib import Path

import pytest

from generator.output.write import write_pages
from generator.pipeline import generate
from tests.conftest import PUBLISHED_EPOCH, ROOT, BuiltSite, copy_project, mkdocs_build, publish_at

TEMPLATES = ROOT / "site_config" / "templates"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_editing_one_record_rewrites_only_changed_pages(good_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    first = generate(good_content, TEMPLATES, out)
    assert first.unchanged == 0 and len(first.written) > 10
    for path in out.rglob("*"):
        os.utime(path, ns=(1, 1))  # an old mtime makes any rewrite visible
    before = snapshot(out)

    person = good_content / "people" / "li-qiang.md"
    person.write_text(
        person.read_text(encoding="utf-8").replace("Premier ministre", "ancien Premier ministre"), "utf-8"
    )
    report = generate(good_content, TEMPLATES, out)

    after = snapshot(out)
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == sorted(report.written)
    assert "personnes/li-qiang.md" in changed
    assert "pays/kz.md" not in changed  # Kazakhstan's briefing does not mention him
    assert report.unchanged == len(after) - 1 - len(changed)  # minus the marker file


def test_pages_of_removed_records_are_deleted(good_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    generate(good_content, TEMPLATES, out)
    stray = out / "pays" / "ancien.md"
    stray.write_text("ancienne page", encoding="utf-8")
    report = generate(good_content, TEMPLATES, out)
    assert report.removed == ["pays/ancien.md"]
    assert not stray.exists()


def test_generated_pages_are_readable_by_the_web_server(good_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    generate(good_content, TEMPLATES, out)
    assert stat.S_IMODE((out / "index.md").stat().st_mode) == 0o644


@pytest.mark.build
def test_two_builds_of_the_same_content_are_byte_identical(published_site: BuiltSite, tmp_path: Path) -> None:
    """The session's published site against a second build, in another folder and later, of the same
    project with the same settings."""
    first, second = published_site.root, copy_project(tmp_path)
    publish_at(second)  # with a site URL: feeds, absolute citations and a full sitemap
    result = mkdocs_build(second, env={"SOURCE_DATE_EPOCH": str(PUBLISHED_EPOCH)})
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(first / "site", second / "site")
    differing: list[str] = []

    def collect(node: filecmp.dircmp[str], prefix: str = "") -> None:
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        differing.extend(prefix + name for name in mismatch + errors + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            collect(child, f"{prefix}{name}/")

    collect(comparison)
    assert differing == []
    for generated in ("flux.xml", "flux/pays/kz.xml", "donnees/briefings.json", "donnees/positions.csv"):
        assert (first / "site" / generated).is_file(), generated
    sitemap = (first / "site" / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("<loc>") > 30
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2025-11-23"}  # SOURCE_DATE_EPOCH's day


def test_many_pages_in_shared_new_folders_land_whole_and_are_reported_in_order(tmp_path: Path) -> None:
    """Hundreds of pages in shared new folders: every byte lands, the report lists them sorted."""
    out = tmp_path / "docs"
    pages = {f"pays/{n % 7}/p{n:03}.md": f"# Page {n} é\n" * (n % 5 + 1) for n in range(500)}
    first = write_pages(pages, out, protected=[])
    assert first.written == sorted(pages) and first.unchanged == 0
    assert {name: path.read_text("utf-8") for name, path in _pages_in(out).items()} == pages
    for path in out.rglob("*.md"):
        os.utime(path, ns=(1, 1))

    changed = {**pages, "pays/3/p010.md": "# Autre\n", "pays/0/p499.md": "# Nouvelle\n"}
    second = write_pages(changed, out, protected=[])
    assert second.written == ["pays/0/p499.md", "pays/3/p010.md"]
    assert second.unchanged == len(pages) - 1
    untouched = [path for name, path in _pages_in(out).items() if name not in second.written]
    assert untouched and all(path.stat().st_mtime_ns == 1 for path in untouched)


def _pages_in(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*.md")}
