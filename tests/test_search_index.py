"""The Pagefind indexing service client: pages in, index out, failures reported, never a hang."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from generator.mkdocs import search_index
from generator.mkdocs.search_index import SearchIndexer, SearchIndexError

PAGE = """<!doctype html><html lang="fr"><head><title>{title}</title></head>
<body><nav>Menu du site</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"""


def test_pages_sent_one_by_one_make_a_french_index(tmp_path: Path) -> None:
    with SearchIndexer() as indexer:
        indexer.add_page(PAGE.format(title="Kazakhstan", text="La sécurité de l’IA."), "/pays/kz/")
        indexer.add_page(PAGE.format(title="Chine", text="Une organisation mondiale."), "/pays/cn/")
        indexer.write(tmp_path / "pagefind")

    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["fr"]["page_count"] == 2
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 2


def test_a_missing_binary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "PAGEFIND", Path("/nonexistent/node_modules/.bin/pagefind"))

    with pytest.raises(SearchIndexError, match=r"Pagefind is not installed: .* \(run `make site`\)"):
        SearchIndexer()


def test_a_service_that_stops_is_reported_not_waited_for(tmp_path: Path) -> None:
    indexer = SearchIndexer()
    # As if it crashed mid-build: the npm launcher and the binary it runs, which shares its pipes
    # and, killed alone, would go on to answer and write the index.
    os.killpg(indexer._service.pid, signal.SIGKILL)
    indexer._service.wait()

    with pytest.raises(SearchIndexError, match="stopped|did not answer"):
        indexer.add_page(PAGE.format(title="Chine", text="Texte."), "/pays/cn/")
        indexer.write(tmp_path / "pagefind")
    indexer.close()
    assert not (tmp_path / "pagefind").exists()
