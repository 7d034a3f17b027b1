"""The generator's own link check: since the pages are raw HTML blocks (issue 16), MkDocs no longer
validates the links they hold, so generator/output/link_check.py does, and a broken one fails the
generation naming the page and the address, with nothing written.

(The DOM comparison of these pages with the Markdown pages of the commit before that change,
tests/test_same_dom.py, was retired on 2026-12-02 as its docstring prescribed, once the site's
chrome changed on purpose: it held only against a pinned commit. The lasting check that the HTML
the helpers write equals what Markdown made of the same data is the hostile-text tests.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.output.link_check import check_links
from generator.pipeline import generate
from tests.conftest import copy_project


def test_a_link_to_no_page_fails_generation_naming_page_and_address(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    template = root / "site_config" / "templates" / "country.md.j2"
    template.write_text(
        template.read_text("utf-8")
        + '\n<p><a href="{{ href("pays/nulle-part.md") }}">x</a> <a href="{{ href(entity) }}#nulle">y</a></p>\n',
        "utf-8",
    )
    with pytest.raises(ContentError) as raised:
        generate(root / "content", root / "site_config" / "templates", root / "build" / "docs")
    messages = [str(problem) for problem in raised.value.problems]
    assert "pays/kz.md: the generated page links to '../nulle-part/', which is no generated page or file" in (
        "\n".join(messages)
    )
    assert any("pays/kz.md" in m and "'./#nulle'" in m and "has no anchor 'nulle'" in m for m in messages), messages
    assert not (root / "build" / "docs" / "pays" / "kz.md").exists()  # nothing written


def test_links_between_generated_files_resolve_from_where_each_is_served() -> None:
    pages = {
        "index.md": '<a href="pays/">Pays</a> <a href="pays/kz/#chronologie">KZ</a> <a href="https://x.org/">x</a>',
        "pays/index.md": '<a href="../">accueil</a> <a href="kz/">KZ</a> <a href="../flux.xml">flux</a>',
        "pays/kz.md": '# Kazakhstan\n\n## Chronologie\n\n<a href="../../cartes/m.svg">carte</a>',
        "cartes/m.svg": '<svg><a href="../pays/kz/"><title>KZ</title></a></svg>',
        "flux.xml": "",
    }
    check_links(pages)  # nothing broken: no error
    with pytest.raises(ContentError, match="'kz/', which is no generated page"):
        check_links({**pages, "pays/kz.md": '<a href="kz/">soi</a>'})
