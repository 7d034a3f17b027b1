"""What editors wait for once a site has been built: publishing one edit, and starting the preview.

Both start from the site folder and build state the bench's full build left (`mkdocs build
--strict`, which writes the state beside build/docs), as the Pages workflow restores them
from its cache and as a developer's checkout keeps them after `make site`:

- publish_one_edit_s: one article retitled, then `mkdocs build --strict --dirty` (`make
  site`): generation from the session the full build kept (generator/preview/kept_session.py:
  loading it, rendering the pages the edit touched, keeping it again), MkDocs rebuilding the
  pages whose Markdown changed, Pagefind indexing every page again (the kept ones read back
  from the site folder, fed while MkDocs builds). The log says how long generation and
  indexing after the last page took; MkDocs' part is the rest. The edit is then undone and built
  again, so the next measures start from the corpus as generated;
- serve_ready_s: another retitle, then `briefings serve` (`make serve`) until the edited
  article's page is served (the last build's, at once), and serve_up_to_date_s until the
  served page shows the edit (the background build done, search index included).

The full build must have been made for the address the preview serves on (its site_url is
part of the state's fingerprint): run.py builds with SITE_URL set to `address(port)`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.preview import address, article_to_edit, fetch, serving, wait, with_title_mark

MKDOCS = Path(sys.executable).parent / "mkdocs"
REBUILT = re.compile(r"briefings: (\d+) of (\d+) pages to rebuild since the last build")
GENERATED = re.compile(r"briefings: generated in ([0-9.]+) s")
INDEXED = re.compile(r"search index of \d+ pages written in ([0-9.]+) s")
PUBLISH_MARK = "(titre publié)"
SERVE_MARK = "(titre prévisualisé)"


@dataclass(frozen=True)
class PublishMeasure:
    seconds: float
    """`mkdocs build --strict --dirty` after one article's title changed."""
    pages_rebuilt: int
    pages: int
    generation_s: float
    search_index_s: float
    """Feeding Pagefind every page and writing the index."""


@dataclass(frozen=True)
class ServeMeasure:
    ready_s: float
    """From starting `briefings serve` to the first page served."""
    up_to_date_s: float
    """From starting it to the served page showing the edit made before it started."""


def measure_publish_one_edit(project: Path) -> PublishMeasure:
    article = article_to_edit(project)
    text = article.read_text(encoding="utf-8")
    article.write_text(with_title_mark(text, PUBLISH_MARK), encoding="utf-8")
    try:
        start = time.perf_counter()
        log = _dirty_build(project)
        seconds = time.perf_counter() - start
    finally:
        article.write_text(text, encoding="utf-8")
    _dirty_build(project)  # back to the corpus as generated, for the measures that follow
    rebuilt = REBUILT.search(log)
    if rebuilt is None:
        raise RuntimeError(f"the dirty build did not start from the last build:\n{log[-4000:]}")
    return PublishMeasure(
        seconds,
        int(rebuilt[1]),
        int(rebuilt[2]),
        float(_found(GENERATED, log)),
        float(_found(INDEXED, log)),
    )


def measure_serve_ready(project: Path, port: int, timeout: float = 3_600) -> ServeMeasure:
    article = article_to_edit(project)
    page_url = address(port) + f"articles/{article.stem}/"
    text = article.read_text(encoding="utf-8")
    article.write_text(with_title_mark(text, SERVE_MARK), encoding="utf-8")
    start = time.perf_counter()
    try:
        with serving(project, port, "serve-ready.log"):
            if not wait(lambda: "<h1" in fetch(page_url), timeout, step=0.02):
                raise RuntimeError(f"briefings serve did not come up; see {project / 'serve-ready.log'}")
            ready = time.perf_counter() - start
            if not wait(lambda: SERVE_MARK in fetch(page_url) and 'role="status"' not in fetch(page_url), timeout):
                raise RuntimeError(f"the preview never showed the edit; see {project / 'serve-ready.log'}")
            up_to_date = time.perf_counter() - start
    finally:
        article.write_text(text, encoding="utf-8")
    _dirty_build(project)
    return ServeMeasure(ready, up_to_date)


def _dirty_build(project: Path) -> str:
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [str(MKDOCS), "build", "--strict", "--dirty"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"mkdocs build --dirty failed:\n{done.stderr[-4000:]}")
    return done.stderr


def _found(pattern: re.Pattern[str], log: str) -> str:
    found = pattern.search(log)
    if found is None:
        raise RuntimeError(f"no line matching {pattern.pattern!r} in the build log:\n{log[-4000:]}")
    return found[1]
