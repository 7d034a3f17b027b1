"""Every ISO 3166-1 code names a country briefing: a country needs no registry file.

An article may name any country by its code; the briefing is named in French by Babel and
has no overview and no edit link (there is no record to edit). A file in content/countries/
only adds to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.editors.cli import main
from tests.conftest import copy_project, mkdocs_build

TODAY = dt.date(2026, 11, 23)
TWENTY_CODES = ["JP", "DE", "BR", "IN", "ZA", "MX", "NG", "EG", "AR", "CA",
                "AU", "ID", "TR", "SA", "AE", "SG", "MA", "KE", "CL", "NO"]  # fmt: skip
ARTICLE = f"""\
---
title: "Vingt pays signent une déclaration sur l'IA"
published: 2025-09-01
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
countries: [{", ".join(TWENTY_CODES)}, KZ]
positions:
  - actor: JP
    initiative: organisation-mondiale-cooperation-ia
    role: supports
    date: 2025-09-01
    evidence: "Le Japon soutient l'organisation"
---
Vingt pays s'engagent.
"""


def write_article(content: Path) -> None:
    (content / "articles" / "2025" / "2025-09-01-vingt-pays.md").write_text(ARTICLE, encoding="utf-8")


def test_an_article_naming_twenty_countries_without_files_passes_the_check(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    countries_before = sorted((good_content / "countries").iterdir())
    write_article(good_content)
    status = main(["check", "--project", str(good_content.parent)], today=TODAY)
    output = capsys.readouterr().out
    assert status == 0, output
    assert output.splitlines()[-1].startswith("0 errors, 0 warnings"), output
    assert sorted((good_content / "countries").iterdir()) == countries_before


def test_a_code_that_is_no_country_is_still_an_error(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_article(good_content)
    path = good_content / "articles" / "2025" / "2025-09-01-vingt-pays.md"
    path.write_text(ARTICLE.replace("actor: JP", "actor: QQ"), encoding="utf-8")
    assert main(["check", "--project", str(good_content.parent)], today=TODAY) == 1
    assert (
        "content/articles/2025/2025-09-01-vingt-pays.md:10: error: positions[0].actor: "
        "expected an ISO 3166-1 alpha-2 country code such as 'FR', got 'QQ'"
    ) in capsys.readouterr().out


@pytest.mark.build
def test_a_country_without_file_has_its_french_briefing_and_no_edit_link(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    write_article(root / "content")
    result = mkdocs_build(root, env={"REPO_URL": "https://github.com/exemple/briefings"})
    assert result.returncode == 0, result.stderr
    japan = BeautifulSoup((root / "site" / "pays" / "jp" / "index.html").read_text("utf-8"), "html.parser")
    assert japan.h1 is not None and next(japan.h1.strings) == "Japon"
    assert "Vingt pays signent une déclaration sur l'IA" in japan.get_text()
    assert japan.select('a.md-content__button[rel="edit"]') == []
    kazakhstan = BeautifulSoup((root / "site" / "pays" / "kz" / "index.html").read_text("utf-8"), "html.parser")
    edit = kazakhstan.select('a.md-content__button[rel="edit"]')
    assert [link["href"] for link in edit] == ["https://github.com/exemple/briefings/edit/main/content/countries/kz.md"]
    assert not (root / "content" / "countries" / "jp.md").exists()
