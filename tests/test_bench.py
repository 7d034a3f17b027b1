"""The benchmark's parts: a corpus valid, of the promised shape, the same bytes for the same
seed; and a memory measure that counts every process of a build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.make_corpus import Sizes, write_corpus
from benchmarks.memory import TreeMemory
from generator.pipeline import load_site
from tests.waiting import wait_until


def test_the_corpus_is_valid_and_shaped_like_the_issue_says(tmp_path: Path) -> None:
    write_corpus(tmp_path, 60)
    site = load_site(tmp_path / "content")
    assert len(site.articles) == 60
    assert all(article.summary.count(" ") > 150 for article in site.articles)  # about 200 words
    assert any(article.positions for article in site.articles) and any(article.quotes for article in site.articles)
    assert Sizes.for_articles(10_000) == Sizes(countries=200, organisations=50, initiatives=300, people=2_000)


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    def files(root: Path) -> dict[str, bytes]:
        return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.md"))}

    write_corpus(tmp_path / "a", 30)
    write_corpus(tmp_path / "b", 30)
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_memory_of_a_build_counts_the_processes_it_starts() -> None:
    """A parent that holds little and a child that holds ~200 MB: the tree's peak is the child's."""
    child = "import sys; block = b'x' * (200 * 2**20); sys.stdin.read()"  # holds it until its input ends
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    process = subprocess.Popen([sys.executable, "-c", parent], stdin=subprocess.PIPE)  # noqa: S603 - fixed arguments
    assert process.stdin is not None

    with TreeMemory(process.pid, interval=0.05) as memory:
        seen = wait_until(lambda: memory.peak_mb > 190, timeout=30)
        process.stdin.close()  # the child, which shares the parent's input, ends, then the parent
        process.wait()

    assert seen, f"the child's 200 MB never showed: the peak was {memory.peak_mb:.0f} MB"
    assert process.returncode == 0
    assert 190 < memory.peak_mb < 400
