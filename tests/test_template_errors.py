"""A broken template is reported like a content problem: file, line, what is wrong, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT, ROOT
from tests.rendering import render_site


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# {{ country.name | md }", "template error: unexpected '}'"),
        ("# {{ country.nom | md }}", "template error: 'generator.linked.model.Entity object' has no attribute 'nom'"),
    ],
    ids=["syntax", "undefined"],
)
def test_template_error_names_the_template_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, expected: str
) -> None:
    templates = tmp_path / "site_config" / "templates"
    shutil.copytree(ROOT / "site_config" / "templates", templates)
    country = templates / "country.md.j2"
    lines = country.read_text(encoding="utf-8").splitlines()
    title = lines.index("# {{ country.name | md }}")
    lines[title] = line
    country.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # paths are shown relative to where the command runs
    with pytest.raises(ContentError) as caught:
        render_site(load_site(GOOD_CONTENT), templates)
    assert [str(problem) for problem in caught.value.problems] == [
        f"site_config/templates/country.md.j2:{title + 1}: {expected}"
    ]
