"""Where sources come from: the publishers registry, each briefing's source mix and its warning, the original.

The small good content has two articles, both from French.china.org.cn (a state-owned
outlet) with Xinhua (a state agency): every briefing's sources are Chinese state media,
which the built HTML must say in a warning. One article then moves to a Moroccan private
outlet, and the Chinese briefing's warning goes while its line names both.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.content.schema import PublisherKind
from generator.editors.check import check_content
from generator.output.provenance import source_mix
from tests.conftest import GOOD_CONTENT, copy_project, mkdocs_build
from tests.test_check import TODAY

ARTICLES = GOOD_CONTENT / "articles" / "2025"
KZ_ARTICLE = "2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
OTHER_ARTICLE = "2025-07-26-chine-propose-organisation-mondiale-ia.md"
LE12 = '---\nname: "Le12.ma"\naliases: ["Le12"]\ncountry: MA\nkind: private_outlet\n---\n'


def build(tmp_path: Path, edit: object = None) -> Path:
    """Build the project with the small good content (edited by `edit`); return the site folder."""
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(GOOD_CONTENT, root / "content")
    if callable(edit):
        edit(root / "content")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def warning_of(html: str) -> str | None:
    found = re.search(r'<div class="admonition warning">(.*?)</div>', html, re.DOTALL)
    return re.sub(r"<[^>]+>", "", found[1]).strip() if found else None


def sources_line(html: str) -> str:
    found = re.search(r"<strong>Sources</strong> : (.*?)</li>", html, re.DOTALL)
    assert found, "no sources line"
    return re.sub(r"<[^>]+>", "", found[1])


def move_to_le12(content: Path) -> None:
    (content / "publishers" / "le12-ma.md").write_text(LE12, encoding="utf-8")
    article = content / "articles" / "2025" / OTHER_ARTICLE
    text = article.read_text(encoding="utf-8")
    text = text.replace('publisher: "French.china.org.cn"', 'publisher: "le12"').replace('  agency: "Xinhua"\n', "")
    article.write_text(text, encoding="utf-8")


@pytest.mark.build
def test_a_briefing_whose_sources_are_all_state_media_says_so(tmp_path: Path) -> None:
    site = build(tmp_path)
    china = (site / "pays" / "cn" / "index.html").read_text(encoding="utf-8")
    assert warning_of(china) is not None
    assert "Toutes les sources de cette fiche sont des médias d’État chinois." in warning_of(china)
    assert sources_line(china).startswith("2 articles — 2 médias d’État chinois")
    kazakhstan = (site / "pays" / "kz" / "index.html").read_text(encoding="utf-8")
    assert "La seule source de cette fiche est un média d’État chinois." in (warning_of(kazakhstan) or "")
    methodology = (site / "methodologie" / "index.html").read_text(encoding="utf-8")
    assert 'id="types-de-sources"' in methodology
    assert "agence de presse d’État" in methodology and "source officielle" in methodology


@pytest.mark.build
def test_mixed_sources_are_counted_by_kind_and_country_without_a_warning(tmp_path: Path) -> None:
    site = build(tmp_path, move_to_le12)
    china = (site / "pays" / "cn" / "index.html").read_text(encoding="utf-8")
    assert warning_of(china) is None
    assert sources_line(china).startswith("2 articles — 1 média d’État chinois, 1 média privé marocain")


@pytest.mark.build
def test_the_article_page_links_the_original_and_says_when_there_is_none(tmp_path: Path) -> None:
    def edit(content: Path) -> None:
        article = content / "articles" / "2025" / KZ_ARTICLE
        text = article.read_text(encoding="utf-8").replace(
            "  language: fr\n",
            '  language: fr\n  also:\n    - url: "https://qazinform.com/news/exemple"\n      publisher: Kazinform\n',
            1,
        )
        article.write_text(text, encoding="utf-8")

    site = build(tmp_path, edit)
    page = (site / "articles" / KZ_ARTICLE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    button = re.search(r'<a class="md-button md-button--primary briefing-original" href="([^"]+)">(.*?)</a>', page)
    assert button, "no link to the original"
    assert button[1] == "https://french.china.org.cn/exemple/2025-08/12/tokaiev.htm"
    assert button[2] == "Lire l’article d’origine sur French.china.org.cn ↗"
    assert re.search(r'Également rapporté par <a href="https://qazinform.com/news/exemple">Kazinform ↗</a>', page)
    assert "agence de presse d’État, Chine" in page  # the agency's entry
    other = (site / "articles" / OTHER_ARTICLE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert "briefing-original" not in other
    assert "Aucune copie publique de cet article n’a été trouvée" in other


def test_two_entries_may_not_share_a_name(good_content: Path) -> None:
    (good_content / "publishers" / "copie.md").write_text(
        "---\nname: Chine nouvelle\naliases: [xinhua]\nkind: aggregator\n---\n", encoding="utf-8"
    )
    report = check_content(good_content, TODAY)
    assert [problem.describe("error") for problem in report.errors] == [  # files are read in order of name
        "content/publishers/xinhua.md:2: error: name: the name 'Xinhua' is also a name of "
        "content/publishers/copie.md: expected one outlet per name",
        "content/publishers/xinhua.md:3: error: aliases[3]: the name 'Chine nouvelle' is also a name of "
        "content/publishers/copie.md: expected one outlet per name",
    ]


@pytest.mark.parametrize(
    ("outlets", "line", "warning"),
    [
        (
            [("state_news_agency", "CN"), ("state_owned_outlet", "CN"), ("private_outlet", "MA")],
            "2 médias d’État chinois, 1 média privé marocain",
            None,
        ),
        (
            [("official_source", None), ("official_source", None)],
            "2 sources officielles internationales",
            "Toutes les sources de cette fiche sont des sources officielles internationales.",
        ),
        (
            [("private_outlet", "KZ"), ("official_source", "KZ")],
            "1 média privé kazakh, 1 source officielle kazakhe",
            "Toutes les sources de cette fiche viennent d’un même pays : Kazakhstan.",
        ),
        (
            [("state_news_agency", "RU"), ("state_owned_outlet", "CN")],
            "1 média d’État chinois, 1 média d’État russe",
            "Toutes les sources de cette fiche sont des médias d’État, de plusieurs pays.",
        ),
        ([("aggregator", "LT"), (None, None)], "1 agrégateur (Lituanie), 1 source non répertoriée", None),
    ],
)
def test_the_source_line_in_french(
    outlets: list[tuple[str | None, str | None]], line: str, warning: str | None
) -> None:
    mix = source_mix([(PublisherKind(kind) if kind else None, country) for kind, country in outlets])
    assert (mix.total, mix.line, mix.warning) == (len(outlets), line, warning)
