"""What a reader gets around the facts: freshness, provenance, citation, method, sharing, 404, sitemap."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.utils.yaml import yaml_load

from benchmarks.make_corpus import write_corpus
from generator.output.labels import ROLE_LABELS, STATUS_LABELS
from generator.output.provenance import KIND_LABELS
from generator.output.site_settings import SiteSettings
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT, PUBLISHED_EPOCH, PUBLISHED_URL, REPO_URL, ROOT, SITE_CONTENT, BuiltSite
from tests.rendering import render_site
from tests.test_escaping import to_html

ORIGINAL = "https://french.china.org.cn/exemple/2025-08/12/tokaiev.htm"
KZ_ARTICLE = "2025-08-12-tokaiev-soutient-organisation-mondiale-ia"


def soup_of(site: BuiltSite, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(page), "html.parser")


def briefing_pages(site: BuiltSite) -> list[str]:
    return sorted(
        path.relative_to(site.site).as_posix()
        for folder in ("pays", "organisations", "initiatives", "personnes")
        for path in (site.site / folder).glob("*/index.html")
    )


@pytest.mark.build
def test_every_briefing_says_when_it_was_last_updated_from_its_own_dates(built_site: BuiltSite) -> None:
    site = load_site(SITE_CONTENT)
    entities = {entity.page.removesuffix(".md") + "/index.html": entity for entity in site.entities}
    for page in briefing_pages(built_site):
        line = soup_of(built_site, page).select_one("article p.briefing-freshness")
        entity = entities[page]
        assert line is not None and entity.last_update is not None, page
        assert line.get_text(" ", strip=True).startswith(f"Mis à jour {'le' if entity.last_update.day else 'en'} ")
        assert entity.last_update.french() in line.get_text()
    kz = soup_of(built_site, "pays/kz/index.html").select_one("p.briefing-freshness")
    assert kz is not None and kz.get_text().startswith("Mis à jour le 12 août 2025")
    li_qiang = soup_of(built_site, "personnes/li-qiang/index.html").select_one("p.briefing-freshness")
    assert li_qiang is not None and li_qiang.get_text().startswith("Mis à jour le 18 décembre 2025")


def test_a_briefing_is_as_fresh_as_the_newest_position_or_statement_concerning_it(tmp_path: Path) -> None:
    write_corpus(tmp_path, 200)  # entities with hundreds of articles, positions and statements
    for entity in [*load_site(SITE_CONTENT).entities, *load_site(tmp_path / "content").entities]:
        dates = [a.published for a in entity.articles]
        dates += [p.record.date for p in entity.positions if p.record.date]
        dates += [q.record.date for q in entity.quotes if q.record.date]
        assert entity.last_update == max(dates)


def test_every_statement_figure_and_stance_links_its_article_and_the_original() -> None:
    pages = render_site(load_site(GOOD_CONTENT), ROOT / "site_config" / "templates")
    kz = to_html(pages["pays/kz.md"])
    statements = kz.select(".statement blockquote")
    assert statements
    for block in statements:
        hrefs = [str(a["href"]) for a in block.find_all("a", href=True)]
        assert f"../../articles/{KZ_ARTICLE}/" in hrefs and ORIGINAL in hrefs
    for table in kz.find_all("table"):
        for row in table.find_all("tr")[1:]:
            hrefs = [str(a["href"]) for a in row.find_all("a", href=True)]
            assert any(href.startswith("../../articles/") for href in hrefs), row
            assert ORIGINAL in hrefs, row
    cn = to_html(pages["pays/cn.md"])  # an article whose address was not kept: no dead "original" link
    assert not [a for a in cn.find_all("a") if "original" in a.get_text() and a["href"] != ORIGINAL]


@pytest.mark.build
def test_every_briefing_can_be_cited_with_its_address_and_date(published_site: BuiltSite) -> None:
    for page in briefing_pages(published_site):
        soup = soup_of(published_site, page)
        heading = soup.find(id="citer-cette-fiche")
        citation = soup.select_one(".briefing-citation")
        assert heading is not None and citation is not None, page
        assert citation.get("data-pagefind-ignore") == "all"
        url = PUBLISHED_URL + page.removesuffix("index.html")
        assert citation.get_text(" ", strip=True).endswith(f". {url}"), page
    text = soup_of(published_site, "pays/kz/index.html").select_one(".briefing-citation")
    assert text is not None
    assert text.get_text(" ", strip=True) == (
        f"« Kazakhstan », Gouvernance de l’IA — briefings, mis à jour le 12 août 2025. {PUBLISHED_URL}pays/kz/"
    )


@pytest.mark.build
def test_methodology_explains_every_role_and_status_and_links_corrections(published_site: BuiltSite) -> None:
    soup = soup_of(published_site, "methodologie/index.html")
    cells = [cell.get_text(strip=True) for cell in soup.select("article td strong")]
    assert cells == [*KIND_LABELS.values(), *ROLE_LABELS.values(), *STATUS_LABELS.values()]
    text = soup.get_text(" ", strip=True)
    for words in (
        "Ce que couvre le site",
        "Les sources",
        "Types de sources",
        "400 caractères",
        "propos rapportés",
        "Signaler une erreur",
    ):
        assert words in text
    button = soup.find("a", string="Signaler une correction")
    assert isinstance(button, Tag)
    assert str(button["href"]).startswith(f"{REPO_URL}/issues/new?template=correction.yml&title=")


def test_correction_issue_form_asks_for_page_problem_and_source() -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text("utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert list(fields) == ["page", "probleme", "source"]
    assert fields["page"]["attributes"]["label"] == "Adresse de la page"
    assert fields["page"]["validations"]["required"] and fields["probleme"]["validations"]["required"]
    assert form["name"] == "Signaler une correction"


@pytest.mark.build
def test_every_page_has_a_description_and_sharing_meta(published_site: BuiltSite) -> None:
    pages = sorted(published_site.site.rglob("index.html"))
    assert len(pages) > 30
    described: dict[str, list[str]] = {}
    for path in pages:
        head = BeautifulSoup(path.read_text("utf-8"), "html.parser").head
        assert head is not None
        meta = {
            str(tag.get("property") or tag.get("name")): str(tag["content"])
            for tag in head.find_all("meta", content=True)
        }
        page = path.relative_to(published_site.site).as_posix()
        assert len(meta["description"]) > 20, page
        assert meta["og:description"] == meta["twitter:description"] == meta["description"]
        assert meta["og:url"] == PUBLISHED_URL + page.removesuffix("index.html")
        assert (meta["og:locale"], meta["twitter:card"]) == ("fr_FR", "summary")
        if dated := re.match(r"articles/(\d{4}(?:-\d{2}){0,2})-[a-z]", page):  # an article page, named by its date
            assert (meta["og:type"], meta["article:published_time"]) == ("article", dated[1]), page
        else:
            assert meta["og:type"] == "website" and "article:published_time" not in meta, page
        assert meta["og:site_name"] == "Gouvernance de l’IA — briefings"
        assert meta["og:title"] == meta["twitter:title"] != ""
        described.setdefault(meta["description"], []).append(page)
    assert {text: alike for text, alike in described.items() if len(alike) > 1} == {}  # each page its own
    kz = soup_of(published_site, "pays/kz/index.html").head
    assert kz is not None
    description = kz.find("meta", attrs={"name": "description"})
    assert isinstance(description, Tag)
    assert str(description["content"]).startswith("Le Kazakhstan apparaît dans ces sources sous deux angles")
    assert str(description["content"]).endswith("…") and len(str(description["content"])) <= 200


@pytest.mark.build
def test_404_page_is_french_and_leads_back_into_the_site(published_site: BuiltSite) -> None:
    soup = soup_of(published_site, "404.html")
    heading = soup.select_one("article h1")
    assert heading is not None and heading.get_text() == "Page introuvable"
    links = {a.get_text(): str(a["href"]) for a in soup.select("article a")}
    assert links["Accueil : les derniers développements"] == "/briefings/"
    assert links["Pays"] == "/briefings/pays/"
    assert links["recherche en haut de la page"] == "#briefings-search"
    assert soup.find(id="briefings-search") is not None
    for href in links.values():
        if href.startswith("/briefings/"):
            assert (published_site.site / href.removeprefix("/briefings/") / "index.html").is_file()


@pytest.mark.build
def test_sitemap_lists_every_page_and_no_wall_clock_date(published_site: BuiltSite) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(published_site.site / "sitemap.xml").getroot()  # noqa: S314 - our own build's output
    listed = {str(loc.text) for loc in root.iterfind("s:url/s:loc", namespace)}
    pages = {
        PUBLISHED_URL + path.relative_to(published_site.site).as_posix().removesuffix("index.html")
        for path in published_site.site.rglob("index.html")
    }
    assert listed == pages
    built = dt.datetime.fromtimestamp(PUBLISHED_EPOCH, dt.UTC).date().isoformat()  # the build's SOURCE_DATE_EPOCH
    lastmods = {str(tag.text) for tag in root.iterfind("s:url/s:lastmod", namespace)}
    assert lastmods == {built}


def test_descriptions_of_generated_pages_are_plain_single_lines() -> None:
    settings = SiteSettings(url=PUBLISHED_URL)
    pages = render_site(load_site(SITE_CONTENT), ROOT / "site_config" / "templates", settings)
    for page, text in pages.items():
        if not page.endswith(".md"):
            continue  # the maps (cartes/*.svg) are drawings, without front matter
        front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
        description = front["description"]
        assert description and "\n" not in description and len(description) <= 200, page
        assert not re.search(r"[*_`<>\[\]]", description), page


@pytest.mark.build
def test_a_paraphrase_is_shown_as_the_articles_account_not_as_a_quotation(built_site: BuiltSite) -> None:
    """Indirect speech (`reported: true`) carries no quotation marks and no quotation bar, and says what it is;
    the speaker's own words stay a quotation in « »."""
    page = soup_of(built_site, "articles/2025-12-18-chine-propose-organisation-internationale-ia/index.html")
    reported = page.select("article .statement-reported")
    assert len(reported) == 2
    for statement in reported:
        text = statement.get_text(" ", strip=True)
        assert statement.find("blockquote") is None
        assert "«" not in text and "»" not in text
        assert text.startswith("Propos rapportés par l’article, sans citation exacte")
        assert "Li Qiang" in text
    assert "Sud global" in reported[0].get_text()
    quoted = soup_of(built_site, "personnes/kassym-jomart-tokaiev/index.html").select("article .statement blockquote")
    assert quoted, "Tokaïev's verbatim statements are quotations"
    assert all(q.get_text(strip=True).startswith("« ") for q in quoted)


@pytest.mark.build
def test_a_site_built_without_its_address_gives_no_local_address_as_its_own(built_site: BuiltSite) -> None:
    """Without SITE_URL, site_url is the local copy's (extra.local_address): no page, feed or data file
    presents http://127.0.0.1:8000/ as the site's address (no canonical link, no og:url, no sitemap)."""
    with (ROOT / "mkdocs.yml").open("rb") as stream:
        host = urlsplit(yaml_load(stream)["extra"]["local_address"]).netloc
    files = [p for p in built_site.site.rglob("*") if p.suffix in {".html", ".xml", ".json", ".csv", ".txt"}]
    assert len(files) > 50
    assert [str(p.relative_to(built_site.site)) for p in files if host in p.read_text("utf-8")] == []
    assert not (built_site.site / "sitemap.xml").exists()
    assert soup_of(built_site, "pays/kz/index.html").select('link[rel="canonical"], meta[property="og:url"]') == []
