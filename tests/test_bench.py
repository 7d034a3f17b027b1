"""The benchmark's corpus: valid, of the promised shape, the same bytes for the same seed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.make_corpus import Sizes, write_corpus
from generator.pipeline import load_site


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
