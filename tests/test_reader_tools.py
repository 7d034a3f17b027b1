"""What a reader takes away from a briefing: its tables for a spreadsheet, where to report an error,
and, on a build without a published address, pages that say so instead of citing 127.0.0.1."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.output.site_settings import SiteSettings, published_address
from generator.output.spreadsheets import BOM, POSITION_HEADERS, STATEMENT_HEADERS, render_spreadsheets
from generator.pipeline import load_site
from tests.conftest import PUBLISHED_URL, REPO_URL, ROOT, SITE_CONTENT, BuiltSite, copy_project, mkdocs_build

EMAIL = "redaction@exemple.org"
NOT_CONFIGURED = "l’adresse publique du site n’est pas configurée"


def soup_of(site: BuiltSite, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(page), "html.parser")


def article_and_briefing_pages(site: BuiltSite) -> list[str]:
    folders = ("pays", "organisations", "initiatives", "personnes", "articles")
    return sorted(
        path.relative_to(site.site).as_posix()
        for folder in folders
        for path in (site.site / folder).glob("*/index.html")
        if path.parent.name != "page-2"
    )


def read_table(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(BOM.encode("utf-8")), path  # Excel reads UTF-8 only with its byte order mark
    assert b"\r\n" in data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


# -- where corrections go ------------------------------------------------------------------------


def test_the_issue_form_opens_with_the_page_filled_in() -> None:
    settings = SiteSettings(url=PUBLISHED_URL, repo_url=REPO_URL)
    url = urlsplit(settings.correction_url("pays/kz.md", "Kazakhstan"))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(url.query)
    assert query == {
        "template": ["correction.yml"],
        "title": ["[Correction] Kazakhstan"],
        "page": [PUBLISHED_URL + "pays/kz/"],
    }
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text("utf-8"))
    assert "page" in {item.get("id") for item in form["body"]}  # GitHub fills the field of that id


def test_without_a_repository_a_message_to_the_team_opens_with_the_page() -> None:
    settings = SiteSettings(corrections_email=EMAIL)
    url = urlsplit(settings.correction_url("pays/kz.md", "Kazakhstan & co"))
    assert (url.scheme, url.path) == ("mailto", EMAIL)
    query = parse_qs(url.query)
    assert query["subject"] == ["Correction : Kazakhstan & co"]
    assert query["body"][0].startswith("Page : pays/kz/\n")
    assert "+" not in url.query  # mail programs read "+" as a plus sign, not a space
    assert SiteSettings().correction_url("pays/kz.md", "Kazakhstan") == ""


def test_the_local_address_is_no_published_address(tmp_path: Path) -> None:
    extra = {"local_address": "http://127.0.0.1:8000/"}
    assert published_address("http://127.0.0.1:8000/", extra) == ""
    assert published_address("http://127.0.0.1:8000", extra) == ""
    assert published_address("http://127.0.0.1:8123/REPO/", extra) == "http://127.0.0.1:8123/REPO/"
    assert published_address(PUBLISHED_URL, {}) == PUBLISHED_URL
    assert SiteSettings.read(ROOT / "mkdocs.yml").url in ("", os.environ.get("SITE_URL", ""))


@pytest.mark.build
def test_every_briefing_article_and_the_methodology_link_the_issue_form(published_site: BuiltSite) -> None:
    pages = article_and_briefing_pages(published_site)
    assert len(pages) > 25
    for page in pages:
        links = soup_of(published_site, page).select("p.briefing-correction a")
        assert len(links) == 1, page
        query = parse_qs(urlsplit(str(links[0]["href"])).query)
        assert query["page"] == [PUBLISHED_URL + page.removesuffix("index.html")], page
        assert query["title"][0].startswith("[Correction] "), page
    methodology = soup_of(published_site, "methodologie/index.html").find("a", string="Signaler une correction")
    assert methodology is not None
    assert parse_qs(urlsplit(str(methodology["href"])).query)["page"] == [PUBLISHED_URL + "methodologie/"]


@pytest.fixture(scope="module")
def site_with_corrections_email(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seed site built with neither SITE_URL nor REPO_URL, and the editorial team's address."""
    root = copy_project(tmp_path_factory.mktemp("email"))
    result = mkdocs_build(root, env={"CORRECTIONS_EMAIL": EMAIL})
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, result.stderr)


@pytest.mark.build
def test_without_a_repository_every_page_writes_to_the_configured_address(
    site_with_corrections_email: BuiltSite,
) -> None:
    site = site_with_corrections_email
    for page in article_and_briefing_pages(site):
        link = soup_of(site, page).select_one("p.briefing-correction a")
        assert link is not None and link.get_text() == "Écrivez à l’équipe éditoriale", page
        assert str(link["href"]).startswith(f"mailto:{EMAIL}?subject=Correction%20%3A%20"), page
    button = soup_of(site, "methodologie/index.html").find("a", string="Écrire à l’équipe éditoriale")
    assert button is not None and str(button["href"]).startswith(f"mailto:{EMAIL}?")


@pytest.mark.build
def test_with_nowhere_to_write_the_page_says_so_and_links_nothing(built_site: BuiltSite) -> None:
    for page in ["pays/kz/index.html", "methodologie/index.html"]:
        text = soup_of(built_site, page).get_text(" ", strip=True)
        assert "Ni formulaire ni adresse de correction ne sont configurés" in text
    assert soup_of(built_site, "pays/kz/index.html").select("p.briefing-correction a") == []


# -- without a published address ----------------------------------------------------------------


@pytest.mark.build
def test_without_site_url_nothing_cites_the_local_address(built_site: BuiltSite) -> None:
    kz = soup_of(built_site, "pays/kz/index.html")
    citation = kz.select_one(".briefing-citation")
    assert citation is not None
    assert "127.0.0.1" not in citation.get_text() and NOT_CONFIGURED in citation.get_text()
    freshness = kz.select_one(".briefing-freshness")
    assert freshness is not None and "Pas de flux Atom : " + NOT_CONFIGURED in freshness.get_text()
    home = soup_of(built_site, "index.html").select_one(".briefing-freshness")
    assert home is not None and NOT_CONFIGURED in home.get_text()
    assert not (built_site.site / "flux.xml").exists() and not (built_site.site / "flux").exists()
    for path in built_site.site.rglob("*.html"):
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        assert article is None or "127.0.0.1" not in article.get_text(), path


# -- tables for a spreadsheet -------------------------------------------------------------------


@pytest.mark.build
def test_each_briefing_offers_its_positions_and_statements_as_csv(built_site: BuiltSite) -> None:
    site = load_site(SITE_CONTENT)
    offered = 0
    for entity in site.entities:
        page = soup_of(built_site, entity.page.removesuffix(".md") + "/index.html")
        links = {link.get_text(): link["href"] for link in page.select(".briefing-downloads li a")}
        expected = {
            f"{label} de la fiche ({len(items)} ligne{'s' * (len(items) > 1)}, CSV)": file
            for label, file, items in (
                ("Positions", "positions", entity.positions),
                ("Déclarations", "declarations", entity.quotes),
            )
            if items
        }
        assert set(links) == set(expected), entity
        for text, href in links.items():
            target = (built_site.site / entity.page.removesuffix(".md") / str(href)).resolve()
            rows = read_table(target)
            assert target.name.endswith(f"-{expected[text]}.csv")
            assert len(rows) == (len(entity.positions) if expected[text] == "positions" else len(entity.quotes))
            offered += 1
    assert offered > 20


@pytest.mark.build
def test_the_kazakhstan_tables_hold_french_columns_and_words(built_site: BuiltSite) -> None:
    positions = read_table(built_site.site / "donnees" / "pays" / "kz-positions.csv")
    assert tuple(positions[0]) == POSITION_HEADERS
    supports = [row for row in positions if row["Position"] == "soutient"]
    assert supports and supports[0]["Acteur"] == "Kazakhstan"
    assert all(row["Page sur ce site"].startswith("articles/") for row in positions)
    statements = read_table(built_site.site / "donnees" / "personnes" / "kassym-jomart-tokaiev-declarations.csv")
    assert tuple(statements[0]) == STATEMENT_HEADERS
    assert {row["Personne"] for row in statements} == {"Kassym-Jomart Tokaïev"}
    assert {row["Nature"] for row in statements} <= {"citation", "propos rapportés par l’article"}
    outlets = read_table(built_site.site / "donnees" / "medias.csv")
    xinhua = next(row for row in outlets if row["Média"] == "Xinhua")
    assert (xinhua["Pays"], xinhua["Nature"]) == ("Chine", "agence de presse d’État")


def test_the_tables_are_the_same_bytes_every_time_and_defuse_formulas() -> None:
    site = load_site(SITE_CONTENT)
    first, second = render_spreadsheets(site), render_spreadsheets(load_site(SITE_CONTENT))
    assert first == second
    kz = next(entity for entity in site.entities if entity.id == "KZ")
    kz.positions[0].record.__dict__["evidence"] = '=HYPERLINK("https://exemple.org")'
    rows = list(csv.reader(io.StringIO(render_spreadsheets(site)["donnees/pays/kz-positions.csv"][1:]), delimiter=";"))
    assert rows[1][5] == '\'=HYPERLINK("https://exemple.org")'


@pytest.mark.build
def test_the_data_page_starts_with_what_a_journalist_can_download(published_site: BuiltSite) -> None:
    soup = soup_of(published_site, "donnees/index.html")
    headings = [heading.get_text(strip=True).rstrip("¶") for heading in soup.select("article h2")]
    assert headings[:2] == ["Pour un tableur", "Pour un programme"]
    assert headings[2:] == ["briefings.json", "positions.csv"]  # the field reference, below
    first_table = soup.select("article table")[0].get_text(" ", strip=True)
    for words in ("Positions d’une fiche", "Déclarations d’une fiche", "medias.csv", "propos rapportés"):
        assert words in first_table
    assert soup.find("a", string="medias.csv") is not None
