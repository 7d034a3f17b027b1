"""Live preview: `briefings serve` (`make serve`) and plain `mkdocs serve` regenerate the briefings when a record
changes; `briefings serve` starts from the last build and ends with the site a clean build makes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import MKDOCS, PUBLISHED_EPOCH, copy_project, publish_at
from tests.markers import require_marker
from tests.test_incremental_build import ARTICLES, EDITS, REBUILT, add_article, assert_same_site, build, retitle
from tests.waiting import wait_until

BRIEFINGS = Path(sys.executable).parent / "briefings"

pytestmark = pytest.mark.serve


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def serve(
    tmp_path: Path,
    command: list[str],
    root: Path | None = None,
    port: int | None = None,
    epoch: int | None = None,
    *,
    interrupt: bool = False,
) -> Iterator[tuple[Path, str, Path]]:
    """Run a preview `command` (with `-a` and its address added) on a copy of the project, or on `root`,
    at SOURCE_DATE_EPOCH `epoch` if given; yield (root, base URL, log file). It is stopped as a service
    manager stops it (SIGTERM), or with `interrupt` as an editor does (Ctrl-C: SIGINT).

    `mkdocs serve` builds into a temporary folder; TMPDIR puts it under `tmp_path`/tmp.
    """
    require_marker("serve", "runs `mkdocs serve`")
    root = root or copy_project(tmp_path / "project")
    (tmp_path / "tmp").mkdir()
    port = port or free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as stream:
        server = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "TMPDIR": str(tmp_path / "tmp"),
                **({"SOURCE_DATE_EPOCH": str(epoch)} if epoch else {}),
            },
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    try:
        yield root, f"http://127.0.0.1:{port}", log
    finally:
        if interrupt:
            server.send_signal(signal.SIGINT)
        else:
            server.terminate()
        server.wait(timeout=60)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """Plain `mkdocs serve`, which the plugin supports too."""
    yield from serve(tmp_path, [str(MKDOCS), "serve", "--livereload"])


@pytest.fixture
def served_dirty(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """As `make serve` runs it: `briefings serve`, MkDocs rebuilding only the pages whose Markdown changed."""
    yield from serve(tmp_path, [str(BRIEFINGS), "serve"])


def mtimes(folder: Path, pattern: str) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob(pattern)}


def html_of(page: str) -> str:
    """The HTML file MkDocs writes for a docs page: pays/kz.md -> pays/kz/index.html."""
    if page == "index.md" or page.endswith("/index.md"):
        return page.removesuffix(".md") + ".html"
    return page.removesuffix(".md") + "/index.html"


def wait_for_a_later_clock_tick(folder: Path, newest_ns: int) -> None:
    """Wait until a file written now gets a later mtime than `newest_ns`: the file system's clock
    is coarser than a nanosecond, and a rewrite in the same tick would look like no rewrite."""
    probe = folder / "clock-probe"

    def later() -> bool:
        probe.write_bytes(b"")
        return probe.stat().st_mtime_ns > newest_ns

    assert wait_until(later, 10, interval=0.01)
    probe.unlink()


def builds_finished(log: Path) -> bool:
    """Whether every build MkDocs started has ended (well or not)."""
    text = log.read_text()
    ended = text.count("Documentation built in") + text.count("An error happened during the rebuild")
    return ended == text.count("Building documentation")


def add_a_sentence_to_kazakhstan(root: Path, page: str, log: Path) -> None:
    """Once the preview serves Kazakhstan's briefing, add a sentence to its record; wait until it shows."""
    assert wait_until(lambda: "Kazakhstan" in fetch(page), 60), log.read_text()
    record = root / "content" / "countries" / "kz.md"
    record.write_text(record.read_text(encoding="utf-8") + "\nPhrase ajoutée pendant l’aperçu.\n", encoding="utf-8")
    assert wait_until(lambda: "Phrase ajoutée pendant l’aperçu." in fetch(page), 30), log.read_text()


def test_an_edited_record_shows_in_the_served_page(served: tuple[Path, str, Path]) -> None:
    root, base, log = served
    page = f"{base}/pays/kz/"
    add_a_sentence_to_kazakhstan(root, page, log)

    broken = root / "content" / "countries" / "fr.md"
    broken.write_text("---\ncode: [FR\n---\n", encoding="utf-8")
    assert wait_until(lambda: "content/countries/fr.md:3: invalid YAML" in log.read_text(), 30), log.read_text()
    assert "Phrase ajoutée pendant l’aperçu." in fetch(page)  # the last good site is still served


def test_an_edited_article_and_template_show_without_restarting(served: tuple[Path, str, Path]) -> None:
    root, base, log = served
    article_page = f"{base}/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/"
    assert wait_until(lambda: "Tokaïev" in fetch(article_page), 60), log.read_text()

    article = root / "content" / "articles" / "2025" / "2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nRésumé complété pendant l’aperçu.\n", "utf-8")
    assert wait_until(lambda: "Résumé complété pendant l’aperçu." in fetch(article_page), 30), log.read_text()

    template = root / "site_config" / "templates" / "country.md.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("# {{ country.name | md }}\n", "# Pays : {{ country.name | md }}\n"), "utf-8")
    assert wait_until(lambda: "Pays : Kazakhstan" in fetch(f"{base}/pays/kz/"), 30), log.read_text()


def test_a_broken_template_keeps_the_last_good_site_until_fixed(served: tuple[Path, str, Path]) -> None:
    root, base, log = served
    page = f"{base}/pays/kz/"
    assert wait_until(lambda: "Kazakhstan" in fetch(page), 60), log.read_text()

    template = root / "site_config" / "templates" / "country.md.j2"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("# {{ country.name | md }}\n", "# {{ country.name | md }\n"), "utf-8")
    line = good.splitlines().index("# {{ country.name | md }}") + 1
    error = f"site_config/templates/country.md.j2:{line}: template error: unexpected '}}'"
    assert wait_until(lambda: error in log.read_text(), 30), log.read_text()
    assert "Kazakhstan" in fetch(page)  # still served, from the last good pages

    template.write_text(good.replace("# {{ country.name | md }}\n", "# Fiche : {{ country.name | md }}\n"), "utf-8")
    assert wait_until(lambda: "Fiche : Kazakhstan" in fetch(page), 30), log.read_text()


def test_a_dirty_rebuild_updates_every_dependent_page_and_no_other(served_dirty: tuple[Path, str, Path]) -> None:
    root, base, log = served_dirty
    article_page = f"{base}/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/"
    assert wait_until(lambda: "Tokaïev" in fetch(article_page) or "kazakh" in fetch(article_page), 60), log.read_text()
    assert wait_until(lambda: builds_finished(log), 30), log.read_text()
    docs = root / "build" / "docs"
    site = root / "site"
    sitemap = (site / "sitemap.xml").read_bytes()
    pages_before, html_before = mtimes(docs, "*.md"), mtimes(site, "*.html")
    # The first build's files and the edit's rewrites must not share a clock tick (root.parent is
    # on the same file system, and MkDocs does not watch it).
    wait_for_a_later_clock_tick(root.parent, max([*pages_before.values(), *html_before.values()]))

    article = root / "content" / "articles" / "2025" / "2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('title: "Le président kazakh', 'title: "Le chef d’État kazakh', 1), "utf-8")
    assert wait_until(lambda: "Le chef d’État kazakh" in fetch(article_page), 30), log.read_text()
    assert wait_until(lambda: builds_finished(log), 30), log.read_text()  # the other pages are written too

    pages_after, html_after = mtimes(docs, "*.md"), mtimes(site, "*.html")
    rewritten = {page for page in pages_after if pages_after[page] != pages_before.get(page)}
    rebuilt = {page for page in html_after if html_after[page] != html_before.get(page)} - {"404.html"}
    assert len(rewritten) > 3  # the article, its countries' and people's briefings, the lists
    assert rebuilt == {html_of(page) for page in rewritten}
    for page in rewritten:
        html = (site / html_of(page)).read_text("utf-8")
        if "Le chef d’État kazakh" in (docs / page).read_text("utf-8"):
            assert "Le chef d’État kazakh" in html, page
        assert not re.search(r'href="[^"]*\.md[#"]', html), page  # links to pages not rebuilt resolve too
    assert (site / "sitemap.xml").read_bytes() == sitemap  # the same pages: the first build's sitemap stays
    assert "excluded from the built site" not in log.read_text()
    # The feeds and data files the edit rewrote are copied; those it did not are left out of the
    # rebuild: every one in the site is as the generator last wrote it.
    copies = [path for path in docs.rglob("*") if path.is_file() and path.suffix != ".md" and path.name[0] != "."]
    assert len(copies) > 20
    for path in copies:
        assert (site / path.relative_to(docs)).read_bytes() == path.read_bytes(), path
    assert "Le chef d’État kazakh" in fetch(f"{base}/donnees/briefings.json")


def test_an_article_added_then_removed_in_the_preview_comes_and_goes(served_dirty: tuple[Path, str, Path]) -> None:
    """The preview keeps MkDocs' list of the docs folder while edits only rewrite its files
    (docs_listing.py): a page the generator adds must still be built, one it removes no longer listed."""
    root, base, log = served_dirty
    add_a_sentence_to_kazakhstan(root, f"{base}/pays/kz/", log)  # rewrites only: the next build keeps the list
    assert wait_until(lambda: builds_finished(log), 30), log.read_text()
    add_article(root)
    page = f"{base}/articles/2025-08-20-tokaiev-second-article/"
    assert wait_until(lambda: "Second article : le président kazakh" in fetch(page), 30), log.read_text()
    assert "Second article : le président kazakh" in fetch(f"{base}/pays/kz/")
    assert wait_until(lambda: builds_finished(log), 30), log.read_text()
    (root / ARTICLES / "2025-08-20-tokaiev-second-article.md").unlink()
    assert wait_until(lambda: "Second article" not in fetch(f"{base}/pays/kz/"), 30), log.read_text()
    assert wait_until(lambda: "Second article" not in fetch(page), 30), log.read_text()


def test_the_preview_rebuilds_after_an_edit_and_then_stays_idle(served_dirty: tuple[Path, str, Path]) -> None:
    """Reading a watched file is not an edit: the system's file events report opens and reads
    too, and a rebuild that reads mkdocs.yml must not set off the next one."""
    root, base, log = served_dirty
    add_a_sentence_to_kazakhstan(root, f"{base}/pays/kz/", log)

    assert wait_until(lambda: builds_finished(log), 30), log.read_text()  # the edit's rebuild ends
    builds = log.read_text().count("Building documentation")
    # The idle time is what is tested, and no event marks "no rebuild is coming": the test watches
    # a fixed 4 s. A rebuild set off by the last one would start within about a second (a file
    # event, or MkDocs' polling where there are none, then its 0.1 s delay).
    time.sleep(4)
    assert log.read_text().count("Building documentation") == builds, log.read_text()


def built_for_the_preview(tmp_path: Path) -> tuple[Path, int]:
    """The seed project built by `make site` for the address the preview will serve it on; (root, port)."""
    root = copy_project(tmp_path / "project")
    port = free_port()
    publish_at(root, f"http://127.0.0.1:{port}/")
    build(root, "--dirty")  # no state yet: a full build, as the first `make site`
    return root, port


def clean_build_of(root: Path, target: Path) -> Path:
    """Build a copy of `root`'s sources from scratch; return its site folder."""
    for part in ("content", "site_config"):
        shutil.copytree(root / part, target / part)
    shutil.copy(root / "mkdocs.yml", target / "mkdocs.yml")
    (target / "build" / "docs").mkdir(parents=True)
    build(target)
    return target / "site"


preview = contextmanager(serve)


def started_up(log: Path) -> bool:
    """Whether the preview's first build is done."""
    return builds_finished(log) and "Documentation built" in log.read_text()


@pytest.mark.build
@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_the_preview_starts_from_the_last_build_and_ends_as_a_clean_build(tmp_path: Path, edit: object) -> None:
    """The checkout changed since `make site`: the preview serves the last build at once, tells the reader
    it is being brought up to date, generates from the session `make site` kept, rebuilds only what changed,
    and the site folder then is a clean build's."""
    assert callable(edit)
    root, port = built_for_the_preview(tmp_path)
    edit(root)
    # At the build date `build` uses: the sitemap's dates.
    with preview(tmp_path, [str(BRIEFINGS), "serve"], root, port, PUBLISHED_EPOCH) as (_, base, log):
        assert wait_until(lambda: "<h1" in fetch(f"{base}/pays/kz/"), 30), log.read_text()
        assert wait_until(lambda: started_up(log), 60), log.read_text()
        text = log.read_text()
        assert "serving the last build" in text, text
        assert "generating from the last build's session" in text, text  # only what the edit touched is rendered
        rebuilt, pages = map(int, REBUILT.findall(text)[0])
        assert 0 < rebuilt < pages, text
        assert 'role="status"' not in fetch(f"{base}/pays/kz/")  # the index covers the pages again
    assert_same_site(root / "site", clean_build_of(root, tmp_path / "clean"))


@pytest.mark.build
def test_a_site_published_after_the_preview_is_a_clean_build(tmp_path: Path) -> None:
    """Edits shown by the preview leave the search index behind (the reader is told); `make site` then
    indexes again and the site folder is the clean build's."""
    root, port = built_for_the_preview(tmp_path)
    article_page = "/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/"
    with preview(tmp_path, [str(BRIEFINGS), "serve"], root, port, PUBLISHED_EPOCH) as (_, base, log):
        assert wait_until(lambda: started_up(log), 60), log.read_text()
        assert 'role="status"' not in fetch(base + article_page)
        retitle(root)
        assert wait_until(lambda: "Le chef d’État kazakh" in fetch(base + article_page), 30), log.read_text()
        assert "La recherche porte sur le site tel qu’il était au lancement" in fetch(base + article_page)
        assert wait_until(lambda: builds_finished(log), 30), log.read_text()
    log_of_site = build(root, "--dirty")
    rebuilt, pages = map(int, REBUILT.findall(log_of_site)[0])
    assert rebuilt < pages, log_of_site  # the preview's pages are kept
    assert_same_site(root / "site", clean_build_of(root, tmp_path / "clean"))


@pytest.mark.build
@pytest.mark.parametrize("interrupt", [True, False], ids=["ctrl-c", "sigterm"])
def test_a_preview_stopped_with_ctrl_c_or_sigterm_keeps_its_session_for_the_next_build(
    tmp_path: Path, interrupt: bool
) -> None:
    """Its rebuilds changed the docs folder, so the session `make site` kept no longer matched it: the preview
    keeps its own when it stops, from an editor's Ctrl-C or a service manager's SIGTERM, and the next
    `make site` generates from it (only what changed since is rendered) and still gives the clean build's site."""
    root, port = built_for_the_preview(tmp_path)
    article_page = "/articles/2025-08-12-tokaiev-soutient-organisation-mondiale-ia/"
    session = root / "build" / "generator-session.pickle"
    stopped = preview(tmp_path, [str(BRIEFINGS), "serve"], root, port, PUBLISHED_EPOCH, interrupt=interrupt)
    with stopped as (_, base, log):
        assert wait_until(lambda: started_up(log), 60), log.read_text()
        retitle(root)
        assert wait_until(lambda: "Le chef d’État kazakh" in fetch(base + article_page), 30), log.read_text()
        assert wait_until(lambda: builds_finished(log), 30), log.read_text()
        assert not session.exists()  # the preview's first build forgot the one `make site` kept
    assert "generation session kept for the next build" in log.read_text(), log.read_text()
    assert session.is_file()
    add_article(root)
    log_of_site = build(root, "--dirty")
    assert "generating from the last build's session" in log_of_site, log_of_site
    rendered, pages = map(int, re.findall(r"(\d+) of (\d+) pages rendered", log_of_site)[0])
    assert 0 < rendered < pages, log_of_site
    assert_same_site(root / "site", clean_build_of(root, tmp_path / "clean"))
