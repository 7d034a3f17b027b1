"""The live preview after an edit: how long until `mkdocs serve` shows it, and what it rewrote.

`make serve` runs `briefings serve` (see the Makefile). The benchmark starts it on
`port` (a free loopback port if none is given), waits until its first build is done
(with a last build for that address, the start-up build that brings it up to date), then
makes two edits to one article and times each until the served article page shows it:

- its title, as an editor fixing a typo would. The title shows on the article page, the
  indexes and chronologies that list it and the briefings of everything it names, so the
  edit reaches many pages; the generated files whose modification time changed are
  counted. Only the article's texts change, which the preview swaps in (generator/preview/);
- its title again and the role of its first position, as an editor correcting who
  supported what: the stances of its actor and initiative change, and the positions
  matrix with them (the preview swaps stances in without linking the site again).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BRIEFINGS = Path(sys.executable).parent / "briefings"
NEW_TITLE_MARK = "(titre corrigé)"
RELINK_MARK = "(position corrigée)"


@dataclass(frozen=True)
class PreviewMeasure:
    seconds: float
    """Until a title edit shows."""
    files_rewritten: int
    """Generated files whose mtime the title edit changed."""
    relink_seconds: float
    """Until an edit of a position's role (and of the title, to see it) shows."""


def measure_preview_edit(project: Path, port: int | None = None, first_build_timeout: float = 3_600) -> PreviewMeasure:
    """Serve `project`, edit one article's title, time until the served page shows it."""
    article = article_to_edit(project)
    page_url = f"articles/{article.stem}/"
    port = port or free_port()
    base = address(port)
    with serving(project, port, "serve.log"):
        if not wait(lambda: _first_build_done(fetch(base + page_url)), first_build_timeout):
            raise RuntimeError(f"briefings serve did not come up; see {project / 'serve.log'}")
        time.sleep(2)  # let the watcher settle after the first build
        docs = project / "build" / "docs"
        before = _mtimes(docs)
        text = article.read_text(encoding="utf-8")
        seconds = _time_edit(article, with_title_mark(text, NEW_TITLE_MARK), NEW_TITLE_MARK, base + page_url, project)
        time.sleep(3)  # a rebuild the writes themselves trigger may still be running
        after = _mtimes(docs)
        role_line = next(line for line in text.splitlines() if line.strip().startswith("role:"))
        role = role_line.split(":", 1)[1].strip()
        other_role = "opposes" if role == "supports" else "supports"
        relinked = text.replace(role_line, role_line.replace(role, other_role), 1)
        relink_seconds = _time_edit(
            article, with_title_mark(relinked, RELINK_MARK), RELINK_MARK, base + page_url, project
        )
        time.sleep(3)
        article.write_text(text, encoding="utf-8")
    rewritten = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
    return PreviewMeasure(seconds, rewritten, relink_seconds)


def _first_build_done(page: str) -> bool:
    """Whether the served page is there and the preview no longer says it is updating the site."""
    return "<h1" in page and 'role="status"' not in page


def with_title_mark(text: str, mark: str) -> str:
    """The record with `mark` added at the end of its (quoted) title."""
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    return text.replace(title_line, title_line.rstrip("'\"") + f" {mark}" + title_line[-1], 1)


def _time_edit(article: Path, edited: str, mark: str, page_url: str, project: Path) -> float:
    """Save `edited` as the article; return the seconds until the served page shows `mark`."""
    start = time.perf_counter()
    article.write_text(edited, encoding="utf-8")
    if not wait(lambda: mark in fetch(page_url), 600, step=0.05):
        raise RuntimeError(f"the edit never showed in the preview; see {project / 'serve.log'}")
    return time.perf_counter() - start


def article_to_edit(project: Path) -> Path:
    """A middle-aged article, named in a title-quoted line so the edit stays valid YAML."""
    articles = sorted((project / "content" / "articles").rglob("*.md"))
    return articles[len(articles) // 2]


def _mtimes(folder: Path) -> dict[str, int]:
    return {str(path): path.stat().st_mtime_ns for path in folder.rglob("*.md")}


def address(port: int) -> str:
    """Where `briefings serve -a 127.0.0.1:port` serves the site."""
    return f"http://127.0.0.1:{port}/"


@contextmanager
def serving(project: Path, port: int, log_name: str) -> Iterator[None]:
    """`briefings serve` (what `make serve` runs) on `port` in `project`, its output in `log_name`, stopped after."""
    with (project / log_name).open("w") as log:
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [str(BRIEFINGS), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield
        finally:
            server.terminate()
            server.wait(timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback URL
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait(condition: object, seconds: float, step: float = 0.5) -> bool:
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False
