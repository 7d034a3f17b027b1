"""Open data: the JSON and CSV files read back with the standard library, and the page that explains them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.output.open_data import PositionRows, RecordTexts, positions_csv, records_data, records_json
from generator.output.spreadsheets import PUBLISHERS_PATH, TableMemo, render_spreadsheets
from generator.pipeline import generate, load_site
from tests.conftest import GOOD_CONTENT, ROOT, SITE_CONTENT, BuiltSite

KZ_ARTICLE = "2025-08-12-tokaiev-soutient-organisation-mondiale-ia"
HEADER = [
    "actor", "actor_kind", "actor_name", "initiative", "initiative_name", "role", "role_fr", "date",
    "voiced_by", "voiced_by_name", "evidence", "article", "article_title", "article_page", "published",
    "publisher", "source_url",
]  # fmt: skip


def load_json(site: BuiltSite) -> dict[str, list[dict[str, object]]]:
    return json.loads((site.site / "donnees" / "briefings.json").read_text("utf-8"))


def load_csv(site: BuiltSite) -> list[dict[str, str]]:
    data = (site.site / "donnees" / "positions.csv").read_bytes()
    assert b"\r\n" in data  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.build
def test_json_holds_every_record_with_its_page(built_site: BuiltSite) -> None:
    data = load_json(built_site)
    site = load_site(SITE_CONTENT)
    assert data["updated"] == "2025-12-18"
    assert [a["id"] for a in data["articles"]] == [a.id for a in site.articles]
    assert {c["id"] for c in data["countries"]} == {"CN", "FR", "GB", "KR", "KZ", "US", "VN"}
    assert len(data["organisations"]) == 3 and len(data["initiatives"]) == 5 and len(data["people"]) == 8
    kz = next(c for c in data["countries"] if c["id"] == "KZ")
    assert (kz["name"], kz["code"], kz["page"]) == ("Kazakhstan", "KZ", "pays/kz/")
    assert str(kz["overview"]).startswith("Le Kazakhstan apparaît dans ces sources")
    for record in [*data["articles"], *data["countries"], *data["people"]]:
        assert (built_site.site / str(record["page"]) / "index.html").is_file()


@pytest.mark.build
def test_json_articles_keep_positions_quotes_figures_and_partial_dates(built_site: BuiltSite) -> None:
    articles = {a["id"]: a for a in load_json(built_site)["articles"]}
    article = articles[KZ_ARTICLE]
    assert article["published"] == "2025-08-12"
    assert article["source"]["publisher"] == "French.china.org.cn"
    positions = article["positions"]
    assert {"actor": "CN", "initiative": "organisation-mondiale-cooperation-ia", "role": "proposes"}.items() <= (
        positions[1].items()
    )
    assert positions[1]["date"] == "2025-07"
    assert article["quotes"][0]["speaker"] == "kassym-jomart-tokaiev"
    assert article["figures"][0]["value"] == 4800
    assert str(article["summary"]).startswith("Selon une dépêche de Xinhua")
    assert articles["2025-kazakhstan-priorite-nationale-ia"]["published"] == "2025"


@pytest.mark.build
def test_csv_has_one_row_per_reported_position(built_site: BuiltSite) -> None:
    rows = load_csv(built_site)
    site = load_site(SITE_CONTENT)
    assert list(rows[0]) == HEADER
    assert len(rows) == len(site.positions)
    kz = [row for row in rows if row["actor"] == "KZ" and row["article"] == KZ_ARTICLE]
    assert kz == [
        {
            **kz[0],
            "actor_kind": "country",
            "actor_name": "Kazakhstan",
            "initiative": "organisation-mondiale-cooperation-ia",
            "role": "supports",
            "role_fr": "soutient",
            "date": "2025-08-11",
            "voiced_by": "kassym-jomart-tokaiev",
            "voiced_by_name": "Kassym-Jomart Tokaïev",
            "article_page": f"articles/{KZ_ARTICLE}/",
            "published": "2025-08-12",
            "publisher": "French.china.org.cn",
            "source_url": "",
        }
    ]
    assert kz[0]["evidence"].startswith("Je suis certain que le Kazakhstan")
    keys = [(row["actor"], row["initiative"]) for row in rows]
    assert keys == sorted(keys)  # a fixed order, so versions diff line by line


def test_source_urls_reach_both_files(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    generate(GOOD_CONTENT, ROOT / "site_config" / "templates", out)
    original = "https://french.china.org.cn/exemple/2025-08/12/tokaiev.htm"
    rows = list(csv.DictReader(io.StringIO((out / "donnees/positions.csv").read_text("utf-8"), newline="")))
    assert {row["source_url"] for row in rows if row["article"] == KZ_ARTICLE} == {original}
    data = json.loads((out / "donnees/briefings.json").read_text("utf-8"))
    assert next(a for a in data["articles"] if a["id"] == KZ_ARTICLE)["source"]["url"] == original


@pytest.mark.build
def test_data_page_links_the_files_and_explains_every_column(built_site: BuiltSite) -> None:
    soup = BeautifulSoup(built_site.html("donnees/index.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("article a[href]")}
    assert links["briefings.json"] == "briefings.json" and links["positions.csv"] == "positions.csv"
    explained = {code.get_text() for code in soup.select("article table code")}
    assert set(HEADER) <= explained
    nav = BeautifulSoup(built_site.html("index.html"), "html.parser").select_one("nav.md-nav--primary")
    assert nav is not None and "Données" in nav.get_text() and "Méthodologie" in nav.get_text()


def test_json_assembled_record_by_record_is_what_json_dumps_writes() -> None:
    site = load_site(SITE_CONTENT)
    expected = json.dumps(records_data(site), ensure_ascii=False, indent=2) + "\n"
    memo: RecordTexts = {}
    assert records_json(site, memo) == expected
    assert records_json(site, memo) == expected  # from the memo
    site.organisations = []  # an empty list, and records no longer in the site leave the memo
    assert records_json(site, memo) == json.dumps(records_data(site), ensure_ascii=False, indent=2) + "\n"
    assert len(memo) == sum(map(len, (site.articles, site.countries, site.initiatives, site.people, site.publishers)))


def test_csv_rows_kept_from_the_last_call_are_those_of_a_fresh_call() -> None:
    site = load_site(SITE_CONTENT)
    fresh = positions_csv(site)
    memo: PositionRows = {}
    assert positions_csv(site, memo) == fresh and positions_csv(site, memo) == fresh
    assert set(memo) == {article.source_file for article in site.articles}


def test_briefing_tables_kept_from_the_last_call_are_made_again_only_where_a_record_changed() -> None:
    site = load_site(SITE_CONTENT)
    memo: TableMemo = {}
    first = render_spreadsheets(site, memo)
    assert first == render_spreadsheets(site)
    article = next(article for article in site.articles if article.positions)
    article.record = article.record.model_copy(update={"title": "Un titre corrigé"})  # as the preview swaps texts
    second = render_spreadsheets(site, memo)
    assert second == render_spreadsheets(site)
    remade = {path for path, text in second.items() if text is not first[path]}
    listing = {path for path, text in second.items() if "Un titre corrigé" in text}
    assert listing and remade == listing | {PUBLISHERS_PATH}  # the outlets' table is made every time
