"""One address, one page: refuse two pages that would be served at the same URL.

MkDocs serves `themes.md` and `themes/index.md` both at `themes/`; with
directory URLs one silently replaces the other, and MkDocs does not say so. Record ids
cannot cause that (ids are slugs, `index` and digits-only ids are refused), but names
that become addresses can: a theme named "index" has the page `themes/index.md`.
As Pelican's writer refuses a second output on a path already written, a collision here
is a content error naming the records that made both pages.
"""

from __future__ import annotations

from generator.content.errors import ContentError, Problem
from generator.output.site_settings import page_url
from generator.pages.contexts import AboutEntityContext, ArticleContext, ThemeContext
from generator.pages.specs import PageSpec


def check_addresses(pages: list[PageSpec]) -> None:
    """Raise ContentError if two pages have the same path or URL, naming what made each."""
    claimed: dict[str, PageSpec] = {}
    problems: list[Problem] = []
    for page in pages:
        url = page_url(page.path)
        first = claimed.setdefault(url, page)
        if first is page:
            continue
        where, field = _origin(page) or (page.path, "")
        message = f"two pages would have the address /{url}: {_described(first)} and {_described(page)}"
        problems.append(Problem(where, 0, field, f"{message}; rename one of them"))
    if problems:
        raise ContentError(problems)


def _described(page: PageSpec) -> str:
    origin = _origin(page)
    return f"{page.path} (from {origin[0]})" if origin else f"the site's own {page.path}"


def _origin(page: PageSpec) -> tuple[str, str] | None:
    """The record a page is made from, and the field that named it; None for the site's own pages."""
    context = page.context
    if isinstance(context, AboutEntityContext):
        return context.entity.source_file, ""
    if isinstance(context, ArticleContext):
        return context.article.source_file, ""
    if isinstance(context, ThemeContext):
        first = context.tag.articles[0]
        spelling = sorted(context.tag.spellings)[0]
        index = first.record.tags.index(spelling) if spelling in first.record.tags else 0
        return first.source_file, f"tags[{index}]"
    return None
