"""No English from the theme or the Markdown extensions on the built site.

Material, Python-Markdown and Pagefind each bring English defaults (Material's "Back to top",
"Skip to content", "Copy to clipboard"; the table of contents' "Permanent link"; Pagefind's
"Search this site", "Load more results"…). Material translates its own into French from its
language file, but not every string of its templates goes through it ("Made with" in the
footer), and the extensions do not translate at all. The English strings are read from the
installed packages, so an upgrade that brings a new one is checked too; every built page is
scanned, its text and the attributes a reader sees or hears (title, aria-label, placeholder,
alt) and Material's translations for its scripts, leaving out quotations (blockquote, q, an
element whose `lang` is not French) where English may be the speaker's words.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser

from tests.chromium import needs_chromium
from tests.conftest import ROOT, BuiltSite

MATERIAL_TEMPLATES = Path(str(importlib.util.find_spec("material").origin)).parent / "templates"  # type: ignore[union-attr]
LANGUAGES = MATERIAL_TEMPLATES / "partials" / "languages"
SEEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
QUOTING = "blockquote, q"
_ENTRY = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$', re.MULTILINE)


def material_strings(language: str) -> dict[str, str]:
    """The keys and strings of one of Material's language files."""
    return dict(_ENTRY.findall((LANGUAGES / f"{language}.html").read_text(encoding="utf-8")))


def material_defaults() -> set[str]:
    """Material's English strings that its French file says otherwise ("Navigation" is both)."""
    english, french = material_strings("en"), material_strings("fr")
    return {
        text.replace("# ", "").replace("1 ", "")
        for key, text in english.items()
        if not key.startswith(("language", "direction", "search.config"))
        and french.get(key) != text
        and len(text) > 3  # "in": a word of French names and quotations too
    }


def material_hard_coded() -> set[str]:
    """English written straight into Material's templates, outside its language files."""
    copyright_partial = (MATERIAL_TEMPLATES / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert "Made with" in copyright_partial  # if Material changes it, look for what replaced it
    return {"Made with"}


def extension_defaults() -> set[str]:
    """The English texts the Markdown extensions of mkdocs.yml (and footnotes, if added) default to."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    found = set()
    for name in [*names, "footnotes"]:
        module = importlib.import_module(name if "." in name else f"markdown.extensions.{name}")
        for default, _ in module.makeExtension().config.values():
            if isinstance(default, str) and re.fullmatch(r"[A-Za-z][a-z]+(?: [a-z{}]+)+", default):
                found.add(default.split(" {}")[0])  # "Jump back to footnote {} in the text"
    return found


def pagefind_defaults(site: Path) -> set[str]:
    """Pagefind UI's English strings, from the bundle of a built site (it picks French from <html lang>)."""
    text = (site / "pagefind" / "pagefind-ui.js").read_text(encoding="utf-8")
    english = re.search(r'placeholder:"Search",.*?keyboard_select:"select"', text)
    assert english is not None, "Pagefind's English strings moved in its bundle"
    strings = re.findall(r':"([^"]+)"', english.group(0))
    words = {re.sub(r"\[[A-Z_]+\]", "", string).strip(" .:") for string in strings}
    return {text for text in words if len(text) > 6}  # "navigate" yes, "select" (French too) no


@cache
def english_defaults(site: Path) -> frozenset[str]:
    """Every English default a page of `site` could show."""
    return frozenset(material_defaults() | material_hard_coded() | extension_defaults() | pagefind_defaults(site))


@pytest.mark.build
def test_the_lists_of_english_defaults_hold_what_a_reader_would_see(built_site: BuiltSite) -> None:
    found = english_defaults(built_site.site)
    for expected in ("Back to top", "Skip to content", "Copy to clipboard", "Table of contents", "Last update"):
        assert expected in found
    assert {"Permanent link", "Made with", "Search this site", "Load more results"} <= found
    assert "Navigation" not in found  # French as well


def english_on(html: str, defaults: frozenset[str]) -> list[str]:
    """Every English default on a page, with where it is, outside quotations."""
    soup = BeautifulSoup(html, "html.parser")
    for quoted in soup.select(QUOTING):
        quoted.decompose()
    for other_language in soup.select("[lang]"):
        if not str(other_language["lang"]).startswith("fr"):
            other_language.decompose()
    config = soup.select_one("script#__config")
    translations = json.loads(config.get_text())["translations"] if config else {}
    for script in soup.find_all(["script", "style"]):
        script.decompose()
    texts = [("text", soup.get_text(" "))]
    texts += [
        (f"<{tag.name} {attribute}>", str(tag[attribute]))
        for tag in soup.find_all(True)
        if isinstance(tag, Tag)
        for attribute in SEEN_ATTRIBUTES
        if tag.has_attr(attribute)
    ]
    texts += [(f"Material's translation {key}", str(value)) for key, value in translations.items()]
    return [
        f"{where}: {phrase!r}"
        for where, text in texts
        for phrase in sorted(defaults)
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    ]


@pytest.mark.build
@pytest.mark.parametrize("fixture", ["built_site", "site_with_repository"])
def test_no_page_shows_the_theme_or_extensions_english(fixture: str, request: pytest.FixtureRequest) -> None:
    site: BuiltSite = request.getfixturevalue(fixture)
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 30  # every page of the seed site: briefings, articles, indexes, 404
    defaults = english_defaults(site.site)
    found = {
        path.relative_to(site.site).as_posix(): english
        for path in pages
        if (english := english_on(path.read_text(encoding="utf-8"), defaults))
    }
    assert found == {}


def test_the_scan_finds_english_outside_quotations_only() -> None:
    defaults = frozenset(
        {"Made with", "Back to top", "Skip to content", "Search", "Table of contents", "Copy to clipboard"}
    )
    page = (
        '<html lang="fr"><body><a title="Back to top" href="#">Haut</a><p>Made with care</p>'
        '<blockquote>Skip to content</blockquote><q>Search</q><p lang="en">Table of contents</p>'
        '<script id="__config" type="application/json">{"translations": {"clipboard.copy": "Copy to clipboard"}}'
        "</script></body></html>"
    )
    assert english_on(page, defaults) == [
        "text: 'Made with'",
        "<a title>: 'Back to top'",
        "Material's translation clipboard.copy: 'Copy to clipboard'",
    ]


@needs_chromium
@pytest.mark.browser
@pytest.mark.build
def test_the_search_box_and_its_results_speak_french(browser: Browser, built_site: BuiltSite, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}/")
    page.locator("#briefings-search input").fill("Kazakhstan")
    page.locator("#briefings-search .pagefind-ui__result").first.wait_for(timeout=10_000)
    page.wait_for_function("() => !document.querySelector('#briefings-search .pagefind-ui__loading')")
    assert english_on(page.content(), english_defaults(built_site.site)) == []
    page.close()
