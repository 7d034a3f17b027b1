"""Briefings that answer at a glance, on the real built site: stance lines first, the world map,
the timeline, key figures as cards, and the filters of the matrix and the chronology in Chromium
(with axe-core, phone widths and the network checked on the changed pages)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, Page

from tests.chromium import needs_chromium
from tests.conftest import BuiltSite

OMCIA = "organisation-mondiale-cooperation-ia"
MISSING = ["/pays/kazakhstan-ia/", "/un/dossier/qui/n-existe/pas/"]
"""Addresses that do not exist: the server answers with the 404 page, which searches their last words."""
CHANGED_PAGES = [
    "/pays/kz/",
    "/pays/cn/",
    f"/initiatives/{OMCIA}/",
    "/positions/",
    "/chronologie/",
    "/articles/",
    # Pages that gained the corrections route, downloads and the journalist-first data page (issue 14).
    "/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/",
    "/personnes/li-qiang/",
    "/methodologie/",
    "/donnees/",
    *MISSING,
]
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"
"""What Chromium logs for a 404 answer: the missing page's own, and the 404 page's probes for the site's root."""
PHONE = {"width": 375, "height": 812}

pytestmark = pytest.mark.build  # every test reads a real build of the seed content


def soup_of(built_site: BuiltSite, page: str) -> BeautifulSoup:
    return BeautifulSoup(built_site.html(page), "html.parser")


def first_block_after_title(soup: BeautifulSoup) -> Tag:
    title = soup.select_one("article h1")
    assert title is not None
    block = title.find_next_sibling(True)
    assert isinstance(block, Tag)
    return block


@pytest.mark.parametrize(
    ("page", "first_line"),
    [
        (
            "pays/kz/index.html",
            "✓ Soutient Organisation mondiale de coopération sur l'intelligence artificielle — 11 août 2025",
        ),
        ("pays/cn/index.html", "✎ Signe Déclaration conjointe Chine-France"),
        ("personnes/kassym-jomart-tokaiev/index.html", "✓ Soutient Organisation mondiale"),
    ],
)
def test_the_stance_lines_are_the_first_block_after_the_title(
    built_site: BuiltSite, page: str, first_line: str
) -> None:
    block = first_block_after_title(soup_of(built_site, page))
    assert "stance-lines" in block.get("class", [])
    lines = [item.get_text(" ", strip=True) for item in block.select("li")]
    assert any(line.startswith(first_line) for line in lines), lines


def test_the_initiative_opens_with_its_facts_and_counts(built_site: BuiltSite) -> None:
    block = first_block_after_title(soup_of(built_site, f"initiatives/{OMCIA}/index.html"))
    assert "initiative-facts" in block.get("class", [])
    text = block.get_text(" ", strip=True)
    assert text.startswith("Proposée par Chine · Statut : proposée · Annoncée en juillet 2025 · Siège : Shanghai")
    assert block.find("a", href="#qui-se-positionne") is not None


def test_the_map_has_one_linked_shape_per_country_with_a_role(built_site: BuiltSite) -> None:
    svg_text = (built_site.site / "cartes" / f"{OMCIA}.svg").read_text(encoding="utf-8")
    svg = BeautifulSoup(svg_text, "xml")
    shapes = {link.find("title").get_text(): link for link in svg.find_all("a")}
    assert set(shapes) == {"Chine : propose", "Kazakhstan : soutient"}  # China's first role, in Role order
    assert shapes["Chine : propose"].path["class"] == "role-proposes"
    assert shapes["Kazakhstan : soutient"].path["class"] == "role-supports"
    for link in shapes.values():  # each shape leads to the country's briefing, out of the <object>
        assert link["target"] == "_top"
        target = urljoin(f"/cartes/{OMCIA}.svg", link["href"])
        assert (built_site.site / target.lstrip("/") / "index.html").exists(), target
    assert len(svg.select("g.land path")) > 150  # every other country, unlinked
    assert {text.get_text() for text in svg.select("g.legend text")} == {"★ propose", "✓ soutient"}
    assert len(gzip.compress(svg_text.encode())) < 60_000
    assert not re.search(r"(?:href|src)=\"https?:", svg_text)  # nothing from another host


def test_the_initiative_page_shows_its_map_and_the_table_as_its_text(built_site: BuiltSite) -> None:
    soup = soup_of(built_site, f"initiatives/{OMCIA}/index.html")
    figure = soup.select_one("figure.world-map")
    assert figure is not None and figure.object is not None
    assert figure.object["data"] == f"../../cartes/{OMCIA}.svg"
    assert figure.object["title"].startswith("Carte du monde")
    assert figure.find_next("table") is not None
    positions = soup_of(built_site, "positions/index.html").select_one("figure.world-map object")
    # the map with the most countries, the first by name among equals
    assert (
        positions is not None and positions["data"] == "../cartes/declaration-chine-france-ia-gouvernance-mondiale.svg"
    )


def test_the_timeline_draws_a_year_as_a_span_and_a_day_as_a_dot(built_site: BuiltSite) -> None:
    timeline = soup_of(built_site, "pays/kz/index.html").select_one(".timeline svg")
    assert timeline is not None
    marks = {link.title.get_text(): link for link in timeline.find_all("a")}
    year = marks["2025 : message annuel du président Kassym-Jomart Tokaïev au peuple du Kazakhstan"]
    day = marks["11 août 2025 : réunion sur le développement de l'IA présidée par Kassym-Jomart Tokaïev"]
    span = year.find("rect")
    assert span is not None and year.find("circle") is None
    ticks = sorted(float(line["x1"]) for line in timeline.select("line.tick"))
    assert float(span["x"]) == ticks[0] and float(span["x"]) + float(span["width"]) == pytest.approx(ticks[1], abs=2)
    assert day.find("circle") is not None and day.find("rect") is None
    assert float(day.circle["cx"]) == pytest.approx(ticks[0] + (ticks[1] - ticks[0]) * 222 / 365, abs=2)
    assert marks["2025 : Kazakhstan propose Code numérique du Kazakhstan"].rect["class"] == ["role-proposes", "span"]
    for link in marks.values():
        assert link["href"].startswith("../../articles/")


def test_key_figures_are_cards_with_unbroken_values_and_short_names(built_site: BuiltSite) -> None:
    soup = soup_of(built_site, "pays/kz/index.html")
    cards = soup.select(".figure-cards li")
    assert len(cards) == 8 and not soup.select("#chiffres-cles ~ table")
    value = cards[0].select_one(".figure-value")
    assert value is not None and value.get_text() == "jusqu’à\u00a04\u202f800\u00a0milliards de dollars"
    abbr = cards[0].find("abbr")
    assert abbr is not None and abbr.get_text() == "CNUCED"
    assert abbr["title"] == "Conférence des Nations unies sur le commerce et le développement"


def test_matrix_cells_carry_role_class_sign_word_and_date_and_empty_cells_are_empty(built_site: BuiltSite) -> None:
    table = soup_of(built_site, "positions/index.html").select_one("table.position-matrix")
    assert table is not None
    kazakhstan = next(row for row in table.select("tbody tr") if row.th.get_text(strip=True) == "Kazakhstan")
    cells = kazakhstan.find_all("td")
    filled = [cell for cell in cells if cell.get_text(strip=True)]
    assert [cell["class"] for cell in filled] == [["role-cell", "role-proposes"], ["role-cell", "role-supports"]]
    assert [cell.get_text(" ", strip=True) for cell in filled] == ["★ propose 2025", "✓ soutient 11 août 2025"]
    assert all(cell.get_text() == "" for cell in cells if cell not in filled)
    assert kazakhstan["data-filter-region"] == "Asie"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def visible_rows(page: Page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "rows => rows.filter(row => row.offsetParent !== null)"
        ".map(row => row.querySelector('th, strong').textContent.trim())"
    )


@needs_chromium
@pytest.mark.browser
def test_matrix_filters_hide_and_show_rows_columns_and_swap_the_map(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/positions/")
    rows = "table.position-matrix tbody tr"
    assert visible_rows(page, rows) == ["Chine", "Corée du Sud", "France", "Kazakhstan"]
    page.select_option("select[name=role]", "soutient")
    assert visible_rows(page, rows) == ["Corée du Sud", "Kazakhstan"]
    page.select_option("select[name=role]", "")
    page.select_option("select[name=region]", "Europe")
    assert visible_rows(page, rows) == ["France"]
    page.select_option("select[name=region]", "")
    page.select_option("select[name=initiative]", "Organisation mondiale de coopération sur l'IA")
    assert visible_rows(page, rows) == ["Chine", "Kazakhstan"]
    assert page.locator("table.position-matrix thead th:visible").count() == 2  # the actors and that column
    assert page.locator("figure.world-map object").get_attribute("data") == f"../cartes/{OMCIA}.svg"


@needs_chromium
@pytest.mark.browser
def test_chronology_filters_by_country_and_theme(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/chronologie/")
    items = "article li[data-filter-pays]"
    everything = visible_rows(page, items)
    assert len(everything) == 6
    page.select_option("select[name=pays]", "Kazakhstan")
    assert visible_rows(page, items) == ["11 août 2025", "2025"]
    page.select_option("select[name=role]", "propose")
    assert visible_rows(page, items) == ["11 août 2025", "2025"]
    page.select_option("select[name=pays]", "")
    page.select_option("select[name=role]", "")
    assert visible_rows(page, items) == everything


@needs_chromium
@pytest.mark.browser
def test_the_pages_are_complete_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/positions/")
    assert page.locator("select").count() == 0
    assert page.locator("table.position-matrix tbody tr:visible").count() == 4
    context.close()


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("path", CHANGED_PAGES)
def test_changed_pages_pass_axe_fit_a_phone_and_stay_on_the_local_server(
    browser: Browser, site_url: str, path: str, screen: str
) -> None:
    context = browser.new_context(**({"viewport": PHONE, "is_mobile": True} if screen == "phone" else {}))
    page = context.new_page()
    hosts: set[str] = set()
    errors: list[str] = []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    assert hosts == {urlsplit(site_url).netloc}
    assert [error for error in errors if not (path in MISSING and error == NOT_FOUND)] == []
    if screen == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
