"""The positions matrix stays small at scale: one stance per cell, the others on the actor's briefing."""

from __future__ import annotations

from pathlib import Path

from benchmarks.make_corpus import write_corpus
from generator.pipeline import load_site
from tests.conftest import ROOT
from tests.rendering import render_site
from tests.test_escaping import to_html


def test_a_matrix_cell_shows_one_stance_and_links_the_others_to_the_actor(tmp_path: Path) -> None:
    """Cells stay small however many stances an actor takes on one initiative (the page's 60 KB budget)."""
    write_corpus(tmp_path, 300)
    pages = render_site(load_site(tmp_path / "content"), ROOT / "site_config" / "templates")
    cells = to_html(pages["positions.md"]).select("td.role-cell")
    assert cells and all(len(cell.select(".role-chip")) == 1 for cell in cells)
    crowded = [cell for cell in cells if cell.select_one("a.cell-more")]
    assert crowded, "the corpus has actors with several stances on one initiative"
    for cell in crowded:
        row = cell.find_parent("tr")
        assert row is not None and row.th is not None and row.th.a is not None
        more = cell.select_one("a.cell-more")
        assert more is not None and more["href"] == row.th.a["href"] and more.get_text().startswith("+")
