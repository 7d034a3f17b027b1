"""Page front matter, written as JSON values, reads back as exactly the values given; descriptions tell pages apart."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

from generator.output.front_matter import describe, with_front_matter
from generator.output.site_settings import SiteSettings
from generator.pages.contexts import ArticleListContext
from generator.pages.paging import Pager, Part

HOSTILE = 'Un « été » \x85 NEL \x80 C1 \u2028 LS \u2029 PS "q" \\ x: y # z 😀 \t ---'


def test_hostile_values_read_back_unchanged_by_mkdocs() -> None:
    meta = {"description": HOSTILE, "feed": "flux/pays/kz.xml"}

    page = with_front_matter("# Titre\n\nCorps.\n", meta)
    body, read = get_data(page)

    assert read == meta
    assert body.strip() == "# Titre\n\nCorps."


def test_a_template_s_own_front_matter_is_merged_and_wins() -> None:
    page = with_front_matter('---\ntags:\n- "a: b"\n- c\n---\n\n# T\n', {"description": "d", "tags": ["x"]})

    assert page.startswith('---\ndescription: "d"\ntags: ["a: b", "c"]\n---\n\n# T\n')
    assert get_data(page)[1] == {"description": "d", "tags": ["a: b", "c"]}


def test_a_list_s_later_pages_say_their_number_in_their_description() -> None:
    years = [Part("2025", "articles/2025.md", 120)]
    body = "# Articles de 2025\n\n120 articles publiés en 2025, du plus récent au plus ancien.\n"
    pages = ("articles/2025.md", "articles/2025/2.md", "articles/2025/3.md")

    first, second = (
        describe(ArticleListContext([], years, 2025, Pager(pages, index)), body, SiteSettings()) for index in (0, 1)
    )

    assert first == "120 articles publiés en 2025, du plus récent au plus ancien."
    assert second == "120 articles publiés en 2025, du plus récent au plus ancien. (page 2)"
