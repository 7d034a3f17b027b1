"""The head of every page: main.html's site_meta block writes every tag Material's base.html block
writes (author, language versions, RSS feeds…), with its values escaped, and no tag twice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.theme import Theme

from tests.conftest import ROOT, BuiltSite, copy_project, mkdocs_build

THEME = Theme(name="material", custom_dir=str(ROOT / "site_config" / "overrides"), language="fr")
AUTHOR = 'Rédaction « Gouvernance de l’IA » & "amis" <équipe>'
ALTERNATE = [{"name": "Français", "link": "/", "lang": "fr"}, {"name": "English", "link": "/en/"}]


def site_meta(template_name: str, config: dict[str, Any], page: SimpleNamespace) -> str:
    """The site_meta block of `template_name` as the theme renders it for `page`."""
    env = THEME.get_env()
    template = env.get_template(template_name)
    lang = env.get_template("partials/language.html").make_module({"config": config})  # base.html imports it
    variables = {"config": config, "page": page, "base_url": "../..", "mkdocs_version": "1.6.1", "lang": lang}
    return "".join(template.blocks["site_meta"](template.new_context(variables)))


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """Each tag in order, with its attributes as read back (entities decoded); the generator's text aside."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        attributes = {name: " ".join(value) if isinstance(value, list) else value for name, value in tag.attrs.items()}
        if attributes.get("name") == "generator":
            attributes["content"] = attributes["content"].split(",")[0]  # ours leaves out Material's version
        found.append((tag.name, attributes))
    return found


def page(**meta: str) -> SimpleNamespace:
    return SimpleNamespace(
        meta=meta, canonical_url="https://exemple.org/pays/kz/", previous_page=None, next_page=None, url="pays/kz/"
    )


@pytest.mark.parametrize(
    ("config", "meta"),
    [
        ({"site_description": "Site.", "site_author": "Rédaction"}, {}),
        ({"site_author": "Rédaction"}, {"author": "Une autrice", "description": "Une page."}),
        ({"extra": {"alternate": ALTERNATE}, "plugins": {"rss": object()}}, {}),
        ({}, {}),
    ],
    ids=["site-author", "page-author", "alternates-and-rss", "bare"],
)
def test_our_block_writes_every_tag_materials_writes(config: dict[str, Any], meta: dict[str, str]) -> None:
    config = {"theme": THEME, "extra": {}, "plugins": {}, **config}
    ours, materials = (tags(site_meta(name, config, page(**meta))) for name in ("main.html", "base.html"))
    assert ours == materials


def test_our_block_escapes_what_it_writes_into_attributes() -> None:
    alternate = [{"name": "x", "link": "/en/", "lang": 'en" onload="alert(1)'}]
    config = {"theme": THEME, "extra": {"alternate": alternate}, "plugins": {}}
    head = BeautifulSoup(site_meta("main.html", config, page(author=AUTHOR, description=AUTHOR)), "html.parser")
    assert [tag["content"] for tag in head.find_all("meta", attrs={"name": ["author", "description"]})] == [AUTHOR] * 2
    (link,) = head.find_all("link", hreflang=True)
    assert link["hreflang"] == alternate[0]["lang"] and not link.has_attr("onload")


def twice(html: str) -> list[str]:
    """The tags of a page's head that say the same thing more than once."""
    head = BeautifulSoup(html, "html.parser").head
    assert head is not None
    keys = []
    for tag in head.find_all(["title", "meta", "link", "base"]):
        if tag.name == "meta":
            kind = next((name for name in ("charset", "name", "property", "http-equiv") if tag.has_attr(name)), "")
            keys.append(f"meta {kind}" + (f"={tag[kind]}" if kind != "charset" else ""))
        elif tag.name == "link":
            keys.append(f"link rel={' '.join(tag['rel'])} href={tag.get('href')} hreflang={tag.get('hreflang')}")
        else:
            keys.append(tag.name)
    return [key for key, count in Counter(keys).items() if count > 1]


@pytest.fixture(scope="module")
def site_with_author(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real content built with an author and language versions set in mkdocs.yml."""
    root = copy_project(tmp_path_factory.mktemp("author"))
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_author: '{AUTHOR.replace(chr(39), chr(39) * 2)}'\n")
        config.write(
            "extra:\n  alternate:\n    - {name: Français, link: /, lang: fr}\n    - {name: English, link: /en/}\n"
        )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, result.stderr)


def pages(site: BuiltSite) -> list[Path]:
    return sorted(site.site.rglob("*.html"))


@pytest.mark.build
def test_the_site_author_and_language_versions_reach_every_page(site_with_author: BuiltSite) -> None:
    for path in pages(site_with_author):
        html = path.read_text(encoding="utf-8")
        head = BeautifulSoup(html, "html.parser").head
        assert head is not None
        assert [tag["content"] for tag in head.find_all("meta", attrs={"name": "author"})] == [AUTHOR], path
        languages = [(link["hreflang"], link["href"]) for link in head.find_all("link", hreflang=True)]
        assert languages == [("fr", "/"), ("fr", "/en/")], path  # English has no lang: it gets the site's
        assert 'content="Rédaction « Gouvernance de l’IA » &amp; &#34;amis&#34; &lt;équipe&gt;"' in html, path


@pytest.mark.build
@pytest.mark.parametrize("site", ["built_site", "published_site", "site_with_author"])
def test_no_page_has_a_head_tag_twice(request: pytest.FixtureRequest, site: str) -> None:
    built: BuiltSite = request.getfixturevalue(site)
    repeated = {path.relative_to(built.site).as_posix(): twice(path.read_text("utf-8")) for path in pages(built)}
    assert len(repeated) > 30
    assert {page: keys for page, keys in repeated.items() if keys} == {}
