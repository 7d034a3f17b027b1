"""The Pagefind indexing service client: pages in, index out, failures reported, never a hang."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from generator.mkdocs import search_index
from generator.mkdocs.search_index import (
    SearchIndexer,
    SearchIndexError,
    indexed_document,
    searchable_content,
    what_pagefind_reads,
)
from tests.conftest import BuiltSite, files_of

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


@pytest.mark.build
def test_the_body_alone_makes_the_index_the_whole_page_makes(
    built_site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind is sent each page's `<html>` tag and indexed body only: the index is the same, byte for byte."""
    site = built_site.root / "site"
    pages = [
        (path.read_text(encoding="utf-8"), "/" + path.relative_to(site).as_posix().removesuffix("index.html"))
        for path in sorted(site.rglob("index.html"))
    ]
    pages = [(html, url) for html, url in pages if search_index.BODY_START in html]
    assert len(pages) > 20
    assert all(search_index.BODY_END in html for html, _ in pages)
    sent = sum(len(search_index.what_pagefind_reads(html)) for html, _ in pages)
    assert sent < sum(len(html) for html, _ in pages) / 2  # the site's chrome is left out

    def index(output: Path) -> dict[str, bytes]:
        with SearchIndexer() as indexer:
            for html, url in pages:
                indexer.add_page(search_index.what_pagefind_reads(html), url)
            indexer.write(output)
        return files_of(output)

    trimmed = index(tmp_path / "trimmed")
    monkeypatch.setattr(search_index, "what_pagefind_reads", lambda html: html)
    assert index(tmp_path / "whole") == trimmed


def test_a_finished_page_gives_back_what_its_content_was_sent_as() -> None:
    """A build over the last one sends Pagefind the pages it keeps as read from the site folder: the same
    document the content was sent as when converted, metadata (escaped) and title included."""
    content = '<h2 id="x">Position</h2><p>« Soutien » &amp; réserve</p>'
    meta = {"search_kind": "Article", "search_date": '12 août 2025 "à l’ONU"', "title": "ignored"}
    body = searchable_content(content, title="Tokaïev <i>soutient</i>", meta=meta)
    assert body.startswith(search_index.BODY_START) and body.endswith(search_index.BODY_END)
    assert '<span hidden data-pagefind-meta="date:12 août 2025 &quot;à l’ONU&quot;"></span>' in body
    assert "<h1>Tokaïev <i>soutient</i></h1>" in body  # as Material's content.html adds it
    page = (
        '<!doctype html>\n<html lang="fr" class="no-js">\n  <head><title>T</title></head>\n  <body><nav>Menu</nav>'
        f'<article class="md-content__inner"><a class="md-content__button">Modifier</a>{body}'
        "<aside class='md-source-file'>12 août</aside></article><footer>Pied</footer></body>\n</html>"
    )
    assert what_pagefind_reads(page) == indexed_document("fr", body)
    with_heading = searchable_content("<h1>Titre</h1><p>Texte</p>", title="Autre", meta={})
    assert with_heading == f"{search_index.BODY_START}<h1>Titre</h1><p>Texte</p>{search_index.BODY_END}"


def test_a_page_without_the_marks_is_sent_whole() -> None:
    page = PAGE.format(title="Liste", text="Sans marques.")
    assert what_pagefind_reads(page) == page


def test_an_index_written_while_the_build_goes_on_is_the_one_written_at_its_end(tmp_path: Path) -> None:
    """The plugin has Pagefind write the index while MkDocs renders the pages (`start_writing`)."""
    pages = [(PAGE.format(title=f"Pays {n}", text=f"Texte {n} sur l’IA."), f"/pays/p{n}/") for n in range(30)]
    with SearchIndexer() as indexer:
        for html, url in pages:
            indexer.add_page(html, url)
        indexer.write(tmp_path / "at-the-end")
    with SearchIndexer() as indexer:
        for html, url in pages[:-1]:
            indexer.add_page(html, url)
        indexer.start_writing(tmp_path / "beside", after=lambda: indexer.add_page(*pages[-1]))
        indexer.finish_writing()
    assert indexer.pages == len(pages)
    assert files_of(tmp_path / "beside") == files_of(tmp_path / "at-the-end")


def test_a_write_that_fails_in_its_thread_fails_in_the_build(tmp_path: Path) -> None:
    def stopped() -> None:
        raise SearchIndexError("the build stopped")

    with SearchIndexer() as indexer:
        indexer.start_writing(tmp_path / "never", after=stopped)
        with pytest.raises(SearchIndexError, match="the build stopped"):
            indexer.finish_writing()
    assert not (tmp_path / "never").exists()
