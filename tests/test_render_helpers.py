"""Relative links computed without relpath are relpath's, for every pair of docs-folder paths."""

from __future__ import annotations

import itertools
import posixpath

from generator.output.helpers import _relative

FOLDERS = [".", "pays", "articles", "articles/2025", "articles/2025/page-2", "pays/kz"]
PAGES = ["index.md", "pays/kz.md", "pays/index.md", "articles/2025/x.md", "articles/2025/page-2/index.md", "flux.xml"]


def test_relative_links_match_relpath() -> None:
    for page, folder in itertools.product(PAGES, FOLDERS):
        assert _relative(page, folder) == posixpath.relpath(page, folder), (page, folder)
