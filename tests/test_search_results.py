"""Search results as a reader sees them in Chromium, on a desktop and on a phone: each says what kind of
page it is and, for an article, its date; excerpts are readable (14 px or more, "…" where they cut a
sentence, words whole); no result repeats its title as its first section; nothing covers them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.chromium import needs_chromium
from tests.conftest import BuiltSite
from tests.test_browser import search

pytestmark = [needs_chromium, pytest.mark.browser, pytest.mark.build]

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 375, "height": 812}}
KINDS = {"pays", "organisation", "initiative", "personne", "article", "thème", "page"}
FRENCH_DATE = (
    r"(\d{1,2}(er)? )?((janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) )?\d{4}"
)


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    name = str(request.param)
    context = browser.new_context(viewport=SCREENS[name], is_mobile=name == "phone")
    yield context.new_page()
    context.close()


def results(page: Page) -> list[dict[str, object]]:
    return page.locator(".pagefind-ui__result").evaluate_all(
        """items => items.map(item => ({
             title: item.querySelector('.pagefind-ui__result-title').textContent.trim(),
             kind: item.querySelector('.briefings-result-kind')?.textContent ?? null,
             subs: [...item.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-title')]
                     .map(sub => sub.textContent.trim()),
             excerpts: [...item.querySelectorAll('.pagefind-ui__result-excerpt')]
                         .map(excerpt => excerpt.textContent.replace(/^[^…A-ZÀ-Ý«"(\\d]*?(?=…|[A-ZÀ-Ý«"(\\d])/, '')),
             tags: item.querySelectorAll('.pagefind-ui__result-tag').length,
           }))"""
    )


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("WAICO", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("OMCIA", "Organisation mondiale de coopération sur l'intelligence artificielle"),
        ("Tokayev", "Kassym-Jomart Tokaïev"),
        ("securite", "Forum de l'avenir de l'ASEAN 2025 : la Chine présente ses principes de gouvernance de l'IA"),
        (
            "déclaration conjointe",
            "Déclaration conjointe Chine-France sur l'intelligence artificielle et la gouvernance mondiale",
        ),
    ],
)
def test_the_expected_page_comes_first_or_second(screen: Page, site_url: str, query: str, title: str) -> None:
    screen.goto(f"{site_url}/")
    assert title in search(screen, query)[:2]


def test_each_result_says_its_kind_and_an_article_its_date(screen: Page, site_url: str) -> None:
    screen.goto(f"{site_url}/")
    search(screen, "Kazakhstan")
    found = results(screen)
    assert len(found) >= 5
    kinds = {}
    for result in found:
        kind = str(result["kind"])
        kinds[result["title"]] = kind
        name = kind.split(" · ")[0]
        assert name in KINDS or name.startswith("chronologie ("), result
        if name == "article":
            assert re.fullmatch(rf"article · {FRENCH_DATE}", kind), result
        assert result["tags"] == 0  # the metadata is shown once, in words, not as "Genre: pays"
    assert kinds.get("Kazakhstan") == "pays"


def test_results_do_not_repeat_their_title_and_excerpts_read_as_text(screen: Page, site_url: str) -> None:
    screen.goto(f"{site_url}/")
    search(screen, "coopération")
    found = results(screen)
    assert found
    for result in found:
        assert result["title"] not in result["subs"], result
        for excerpt in result["excerpts"]:  # type: ignore[attr-defined]
            text = str(excerpt).strip()
            assert re.match(r"^(…|[A-ZÀ-Ý«\"(\d])", text), text  # starts a sentence, or says it does not
            assert re.search(r"[.!?…»)]$", text), text
    sizes = screen.locator(".pagefind-ui__result-excerpt").evaluate_all(
        "items => items.map(item => parseFloat(getComputedStyle(item).fontSize))"
    )
    assert min(sizes) >= 14
    assert (
        screen.locator(".pagefind-ui__result-excerpt").evaluate_all(
            "items => items.filter(item => getComputedStyle(item).overflowWrap === 'anywhere').length"
        )
        == 0
    )  # words wrap whole


def test_nothing_covers_the_results_and_they_pass_axe(screen: Page, site_url: str, built_site: BuiltSite) -> None:
    screen.goto(f"{site_url}/")
    box = screen.locator("#briefings-search input")
    assert box.get_attribute("title") is None  # Material would draw it as a tooltip over the results
    assert box.get_attribute("aria-label") == "Rechercher dans les briefings"
    box.hover()
    search(screen, "Kazakhstan")
    box.hover()
    screen.wait_for_timeout(400)  # Material's tooltips show after a delay
    assert screen.locator(".md-tooltip2--active, .md-tooltip--active").count() == 0
    first = screen.locator(".pagefind-ui__result").first.bounding_box()
    assert first is not None
    on_top = screen.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.pagefind-ui__result') !== null",
        [first["x"] + 20, first["y"] + 10],
    )
    assert on_top
    width = screen.evaluate("document.documentElement.clientWidth")
    assert screen.evaluate("document.documentElement.scrollWidth") <= width
    violations = Axe().run(screen, context=".briefings-search").response["violations"]
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in violations if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
