"""Atom feeds, read back with feedparser as a feed reader would, from a site built under a sub-path."""

from __future__ import annotations

import time
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from generator.editors.cli import main
from generator.output.site_settings import SiteSettings
from generator.pipeline import generate, load_site
from tests.conftest import GOOD_CONTENT, PUBLISHED_URL, ROOT, SITE_CONTENT, BuiltSite, copy_project

TEMPLATES = ROOT / "site_config" / "templates"
KZ_ARTICLES = {
    "2025-08-12-tokaiev-soutient-organisation-mondiale-ia",
    "2025-kazakhstan-priorite-nationale-ia",
}


def read_feed(site: BuiltSite, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site.site / path).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def day(parsed_time: time.struct_time) -> str:
    return time.strftime("%Y-%m-%d", parsed_time)


@pytest.mark.build
def test_site_feed_lists_every_article_newest_first(published_site: BuiltSite) -> None:
    feed = read_feed(published_site, "flux.xml")
    articles = load_site(SITE_CONTENT).articles
    assert feed.feed.title == "Gouvernance de l’IA — briefings"
    assert feed.feed.id == PUBLISHED_URL + "flux.xml"
    assert feed.feed.language == "fr"
    assert [entry.link for entry in feed.entries] == [PUBLISHED_URL + f"articles/{a.id}/" for a in articles]
    assert [entry.title for entry in feed.entries] == [a.record.title for a in articles]
    dates = [day(entry.published_parsed) for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert day(feed.feed.updated_parsed) == dates[0] == "2025-12-18"  # the newest article, not the build day


@pytest.mark.build
def test_entries_carry_our_summary_and_the_source(published_site: BuiltSite) -> None:
    feed = read_feed(published_site, "flux.xml")
    entry = next(e for e in feed.entries if e.link.endswith("/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/"))
    assert entry.summary.startswith("Selon une dépêche de Xinhua reprise le 12 août 2025 par French.china.org.cn")
    assert len(entry.summary) <= 300
    content = BeautifulSoup(entry.content[0].value, "html.parser").get_text(" ", strip=True)
    assert "Ce qu'il faut retenir" in content
    assert content.endswith("Source : French.china.org.cn, 12 août 2025")
    assert {tag.term for tag in entry.tags} >= {"gouvernance de l'IA", "multilatéralisme"}
    assert day(entry.published_parsed) == day(entry.updated_parsed) == "2025-08-12"


@pytest.mark.build
def test_a_year_only_publication_is_dated_on_the_first_day_of_that_year(published_site: BuiltSite) -> None:
    feed = read_feed(published_site, "flux/pays/kz.xml")
    entry = next(e for e in feed.entries if e.link.endswith("/2025-kazakhstan-priorite-nationale-ia/"))
    assert day(entry.published_parsed) == "2025-01-01"


@pytest.mark.build
def test_every_country_organisation_and_initiative_has_its_own_feed(published_site: BuiltSite) -> None:
    site = load_site(SITE_CONTENT)
    fed = [*site.countries, *site.organisations, *site.initiatives]
    for entity in fed:
        path = f"flux/{entity.page.removesuffix('.md')}.xml"
        feed = read_feed(published_site, path)
        page_url = PUBLISHED_URL + entity.page.removesuffix(".md") + "/"
        assert feed.feed.link == page_url
        assert feed.feed.id == PUBLISHED_URL + path
        assert entity.name in feed.feed.title
        assert [entry.link for entry in feed.entries] == [PUBLISHED_URL + f"articles/{a.id}/" for a in entity.articles]
    kz = read_feed(published_site, "flux/pays/kz.xml")
    assert {entry.link.split("/")[-2] for entry in kz.entries} == KZ_ARTICLES
    assert sorted(path.name for path in (published_site.site / "flux").rglob("*.xml")) == sorted(
        f"{entity.id.lower()}.xml" for entity in fed
    )


@pytest.mark.build
def test_briefings_and_home_link_their_feed_visibly_and_in_the_head(published_site: BuiltSite) -> None:
    pages = {"index.html": "flux.xml", "pays/kz/index.html": "../../flux/pays/kz.xml"}
    pages["initiatives/organisation-mondiale-cooperation-ia/index.html"] = (
        "../../flux/initiatives/organisation-mondiale-cooperation-ia.xml"
    )
    pages["organisations/asean/index.html"] = "../../flux/organisations/asean.xml"
    for page, feed in pages.items():
        soup = BeautifulSoup(published_site.html(page), "html.parser")
        alternate = soup.select('head link[rel~="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in alternate] == [feed], page
        visible = [a for a in soup.select("article a") if a.get_text(strip=True) == "S’abonner"]
        assert [a["href"] for a in visible] == [feed], page
        assert (published_site.site / Path(page).parent / feed).resolve().is_file()


@pytest.mark.build
def test_people_have_no_feed_of_their_own(published_site: BuiltSite) -> None:
    soup = BeautifulSoup(published_site.html("personnes/li-qiang/index.html"), "html.parser")
    assert soup.select('link[type="application/atom+xml"]') == []
    assert "S’abonner" not in soup.get_text()


def test_without_a_site_url_no_feed_is_written_or_linked(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    generate(GOOD_CONTENT, TEMPLATES, out, SiteSettings())
    assert not (out / "flux.xml").exists() and not (out / "flux").exists()
    pages = [path.read_text("utf-8") for path in out.rglob("*.md")]
    assert not [page for page in pages if "S’abonner" in page or "feed:" in page]
    assert (out / "donnees" / "briefings.json").is_file()  # open data needs no address


def test_generate_reads_the_site_url_of_mkdocs_yml_with_its_env_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Mon site\nsite_url: !ENV [SITE_URL, 'https://defaut.example/']\n", encoding="utf-8")
    assert SiteSettings.read(config).url == "https://defaut.example/"
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/repo")
    settings = SiteSettings.read(config)
    assert (settings.name, settings.url) == ("Mon site", "https://owner.github.io/repo/")
    assert settings.absolute("pays/kz.md") == "https://owner.github.io/repo/pays/kz/"
    assert settings.absolute("index.md") == "https://owner.github.io/repo/"


def test_briefings_generate_alone_writes_feeds_for_the_address_it_is_given(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert main(["generate", "--project", str(root), "--site-url", "https://owner.github.io/repo"]) == 0
    feed = feedparser.parse((root / "build" / "docs" / "flux" / "pays" / "kz.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.feed.link == "https://owner.github.io/repo/pays/kz/"
    page = (root / "build" / "docs" / "pays" / "kz.md").read_text("utf-8")
    assert "https://owner.github.io/repo/pays/kz/</p>" in page  # the citation line
