"""The briefings built from the real seed content say what the sources say."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from generator.content.dates import PartialDate
from generator.pipeline import load_site
from tests.conftest import SITE_CONTENT, BuiltSite

KZ_ARTICLE = "2025-08-12-tokaiev-soutient-organisation-mondiale-ia"
ORGANISATION_IA = "Organisation mondiale de coopération sur l'intelligence artificielle"


def section_rows(html: str, section_id: str) -> list[list[str]]:
    """Return the text of each cell of the table under the heading `section_id`."""
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id=section_id)
    assert isinstance(heading, Tag), f"no section {section_id!r}"
    table = heading.find_next("table")
    assert isinstance(table, Tag)
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]


def section_links(html: str, section_id: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id=section_id)
    assert isinstance(heading, Tag)
    table = heading.find_next("table")
    assert isinstance(table, Tag)
    return [str(link["href"]) for link in table.find_all("a", href=True)]


@pytest.mark.build
def test_kazakhstan_briefing_shows_its_support_with_date_and_source(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("pays/kz/index.html"), "html.parser")
    lines = soup.select(".stance-lines li")
    texts = [line.get_text(" ", strip=True) for line in lines]
    assert f"✓ Soutient {ORGANISATION_IA} — 11 août 2025 — par Kassym-Jomart Tokaïev — Xinhua" in texts
    support = lines[texts.index(f"✓ Soutient {ORGANISATION_IA} — 11 août 2025 — par Kassym-Jomart Tokaïev — Xinhua")]
    assert f"../../articles/{KZ_ARTICLE}/" in [str(link["href"]) for link in support.find_all("a", href=True)]


@pytest.mark.build
def test_kazakhstan_briefing_has_its_facts_statements_and_figures(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("pays/kz/index.html"), "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Mis à jour le 12 août 2025" in text
    assert "Code ISO" not in text
    assert "2 sources" in text
    assert "Je suis certain que le Kazakhstan doit soutenir la proposition de la Chine" in text
    figures = [card.get_text(" ", strip=True) for card in soup.select(".figure-cards li")]
    assert any(
        card.startswith("jusqu’à\u00a04\u202f800\u00a0milliards de dollars") and "(2033)" in card for card in figures
    )
    assert "en commun" not in text  # one article shared with China is no pattern worth a section


@pytest.mark.build
def test_initiative_briefing_lists_who_proposed_and_who_supports(built_site: BuiltSite) -> None:
    html = built_site.html("initiatives/organisation-mondiale-cooperation-ia/index.html")
    soup = BeautifulSoup(html, "html.parser")
    facts = soup.select_one(".initiative-facts")
    assert facts is not None
    text = facts.get_text(" ", strip=True)
    assert "Proposée par Chine" in text
    assert "Statut : proposée" in text
    assert "Siège : Shanghai (proposé)" in text
    assert "✓ 1 soutien · ⌂ 1 hôte" in text
    rows = section_rows(html, "qui-se-positionne")
    stances = [(row[0], row[1], row[2]) for row in rows]
    assert stances[0] == ("Chine", "propose", "juillet 2025")  # proposers come first
    assert stances.count(("Chine", "propose", "juillet 2025")) == 1  # one row, both sources in it
    assert rows[0][4].count("2025") == 2
    assert ("Kazakhstan", "soutient", "11 août 2025") in stances
    assert ("Chine", "accueille", "juillet 2025") in stances


@pytest.mark.build
def test_chronology_is_newest_first(built_site: BuiltSite) -> None:
    site = load_site(SITE_CONTENT)
    soup = BeautifulSoup(built_site.html("chronologie/index.html"), "html.parser")
    dates = [item.find("strong").get_text() for item in soup.select("article li") if item.find("strong")]
    expected = [entry.date for entry in site.chronology]
    assert dates == [date.french() for date in expected]
    assert expected == sorted(expected, reverse=True)
    assert dates[0] == "11 août 2025"
    assert dates[-1] == "mai 2024"


@pytest.mark.build
def test_article_page_keeps_event_and_publication_dates(built_site: BuiltSite) -> None:
    html = built_site.html("articles/2025-12-18-chine-propose-organisation-internationale-ia/index.html")
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    assert "Publié le 18 décembre 2025" in text
    assert "juillet 2025 — Conférence mondiale sur l'intelligence artificielle (Shanghai)" in text


@pytest.mark.build
def test_positions_matrix_links_each_cell_to_its_source(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("positions/index.html"), "html.parser")
    table = soup.select_one("article table.position-matrix")
    assert table is not None
    row = next(tr for tr in table.find_all("tr") if tr.th and tr.th.get_text(strip=True) == "Kazakhstan")
    links = {link.get_text(" ", strip=True): link["href"] for link in row.find_all("a")}
    assert links["✓ soutient 11 août 2025"] == f"../articles/{KZ_ARTICLE}/"


@pytest.mark.build
def test_home_page_shows_latest_developments_and_ways_in(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("index.html"), "html.parser")
    latest = soup.select_one("article ul")
    assert latest is not None
    items = latest.find_all("li", recursive=False)
    assert items[0].get_text(" ", strip=True).startswith("18 décembre 2025")  # the newest article first
    articles = [str(item.a["href"]) for item in items if item.a is not None]
    assert len(articles) == len(items) == len(set(articles)) == 5  # each article once, however many events
    hrefs = {str(link["href"]) for link in soup.select("article a[href]")}
    assert {"pays/", "initiatives/", "organisations/", "personnes/", "positions/", "articles/"} <= hrefs


@pytest.mark.build
def test_empty_sections_are_left_out(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("pays/us/index.html"), "html.parser")
    headings = {heading.get_text(strip=True).rstrip("¶") for heading in soup.select("article h2")}
    assert not soup.select(".stance-lines")  # the United States takes no stance here
    assert "Chiffres clés" not in headings
    assert "Sources" in headings


def test_a_year_only_publication_date_stays_a_year() -> None:
    site = load_site(SITE_CONTENT)
    article = next(a for a in site.articles if a.id == "2025-kazakhstan-priorite-nationale-ia")
    assert article.published == PartialDate(2025)
    assert article.published.french() == "2025"
