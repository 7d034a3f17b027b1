"""Data reaches the page as text: no broken tables, no injected markup, whatever the string."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import feedparser
import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from generator.pipeline import load_site
from tests.conftest import ROOT, copy_project, mkdocs_build, publish_at
from tests.rendering import render_site

HOSTILE = "a | b *c* _d_ [e](javascript:alert(1)) </title><script>alert(1)</script> &amp; `f` {: .g} # 1. \\"

ARTICLE_ID = "2025-01-02-test"


def write_record(path: Path, meta: dict[str, object], body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def write_content(content: Path, title: str, quote: str, summary: str = "Résumé.") -> None:
    write_record(content / "countries" / "kz.md", {"code": "KZ"}, "Vue d'ensemble.")
    write_record(
        content / "people" / "tokaiev.md", {"name": "Kassym-Jomart Tokaïev", "role": "président", "country": "KZ"}
    )
    write_record(content / "initiatives" / "projet.md", {"name": title, "status": "proposed", "proposer": "KZ"})
    write_record(
        content / "articles" / f"{ARTICLE_ID}.md",
        {
            "title": title,
            "published": "2025-01-02",
            "source": {"publisher": title, "language": "fr", "retrieved": "2026-11-23"},
            "countries": ["KZ"],
            "positions": [{"actor": "KZ", "initiative": "projet", "role": "supports", "evidence": quote}],
            "quotes": [{"speaker": "tokaiev", "text": quote}],
        },
        summary,
    )


def shown(text: str) -> str:
    """What a reader should see: the text with control characters dropped and spaces folded."""
    visible = "".join(char for char in text if unicodedata.category(char) != "Cc" or char.isspace())
    return " ".join(visible.split())


def site_markdown() -> markdown.Markdown:
    """A Markdown converter with the extensions and options of mkdocs.yml."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs' loader knows !ENV
    names: list[str] = []
    options: dict[str, dict[str, object]] = {}
    for entry in config["markdown_extensions"]:
        name, settings_ = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = settings_
    return markdown.Markdown(extensions=names, extension_configs=options)


def to_html(page: str) -> BeautifulSoup:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    soup = BeautifulSoup(site_markdown().convert(body), "html.parser")
    for anchor in soup.select("a.headerlink"):
        anchor.decompose()
    return soup


def assert_no_markup_injected(soup: BeautifulSoup) -> None:
    assert soup.find("script") is None
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        href = str(tag.get("href", ""))
        assert not href.lower().startswith("javascript:"), tag


# Control characters but tab and newline, and U+FFFE/FFFF, are refused at validation (test_hostile_text.py).
text_strategy = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Cn"], include_characters="\t\n"), min_size=1, max_size=80
).filter(lambda text: shown(text).strip() != "")


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: conftest.py
@given(title=text_strategy, quote=text_strategy)
def test_arbitrary_titles_and_quotes_render_as_text(
    tmp_path_factory: pytest.TempPathFactory, title: str, quote: str
) -> None:
    content = tmp_path_factory.mktemp("content") / "content"
    write_content(content, title, quote)
    pages = render_site(load_site(content), ROOT / "site_config" / "templates")

    article = to_html(pages[f"articles/{ARTICLE_ID}.md"])
    heading = article.find("h1")
    assert isinstance(heading, Tag) and heading.get_text() == shown(title).strip()
    quotes = [block.get_text(" ", strip=True) for block in article.find_all("blockquote")]
    assert any(shown(f"« {quote.strip()} »") in shown(block) for block in quotes)
    assert_no_markup_injected(article)

    index = to_html(pages["articles/index.md"])
    rows = index.find_all("tr")
    assert len(rows) == 2 and all(len(row.find_all(["td", "th"])) == 4 for row in rows)
    assert rows[1].find_all("td")[1].get_text() == shown(title).strip()
    assert_no_markup_injected(index)

    matrix = to_html(pages["positions.md"])
    assert all(len(row.find_all(["td", "th"])) == 2 for row in matrix.find_all("tr"))


def test_editor_summaries_keep_markdown_but_lose_scripts(tmp_path: Path) -> None:
    summary = (
        "Un **résumé** avec [un lien](https://example.org) et <em>du HTML</em>.\n\n"
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [piège](javascript:alert(1))\n\n"
        '<a href="https://example.org" onclick="alert(1)">clic</a>\n\n'
        "[autre piège](javascript:alert(2))"
    )
    write_content(tmp_path / "content", "Titre", "Citation", summary)
    pages = render_site(load_site(tmp_path / "content"), ROOT / "site_config" / "templates")
    soup = to_html(pages[f"articles/{ARTICLE_ID}.md"])
    assert_no_markup_injected(soup)
    assert soup.find("strong", string="résumé") is not None
    link = soup.find("a", string="un lien")
    assert isinstance(link, Tag) and link["href"] == "https://example.org"
    assert soup.find("img") is None
    prose = str(soup.find(class_="briefing-prose"))
    assert "<script" not in prose and "alert(1)</script>" not in prose  # the script goes, its text with it
    # A line that opens with <script> is a raw HTML block in CommonMark: the link syntax after
    # it stays literal text, inert, instead of becoming a link.
    assert soup.find("a", string="piège") is None
    trap = soup.find("a", string="autre piège")  # a link of its own: kept, without its javascript: target
    assert isinstance(trap, Tag) and "href" not in trap.attrs


@pytest.mark.build
def test_hostile_title_survives_a_real_mkdocs_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    publish_at(root)
    write_record(
        root / "content" / "articles" / "2025" / "2025-09-09-hostile.md",
        {
            "title": HOSTILE,
            "published": "2025-09-09",
            "source": {"publisher": HOSTILE, "language": "fr", "retrieved": "2026-11-23"},
            "countries": ["KZ"],
            "quotes": [{"speaker": "kassym-jomart-tokaiev", "text": HOSTILE}],
        },
        'Résumé "entre guillemets" & <b>gras</b> </title><script>alert(1)</script>',
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((root / "site/articles/2025-09-09-hostile/index.html").read_text("utf-8"), "html.parser")
    title, heading = page.find("title"), page.find("h1")
    assert title is not None and heading is not None
    assert title.get_text().startswith(HOSTILE)
    assert heading.get_text().rstrip("¶") == HOSTILE
    assert page.select("article script") == []
    kz = BeautifulSoup((root / "site/pays/kz/index.html").read_text("utf-8"), "html.parser")
    assert HOSTILE in kz.get_text()

    assert page.head is not None
    assert [script for script in page.head.find_all("script") if "alert" in script.get_text()] == []
    meta = {
        str(tag.get("property") or tag.get("name")): str(tag["content"]) for tag in page.find_all("meta", content=True)
    }
    assert meta["description"] == meta["og:description"] == 'Résumé "entre guillemets" & gras'
    assert meta["og:title"] == meta["twitter:title"] == HOSTILE
    feed = feedparser.parse((root / "site/flux/pays/kz.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.entries[0].title == HOSTILE
