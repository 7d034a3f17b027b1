"""Search index: Pagefind over the built HTML.

Material's lunr search appends a wildcard to every query term, and lunr skips the
stemmer for wildcard terms, so "initiative" misses pages indexed under the stem
"initiat". Pagefind stems French (from `<html lang="fr">`), matches without accents
("securite" finds "sécurité"), splits elisions, and the browser fetches only the index
shards a query needs, which keeps search light as the site grows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXCLUDED = (".headerlink", ".md-source-file", ".md-tags")
"""Page parts that are not content: permalink marks, file dates, tag chips."""


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def build_search_index(site_dir: Path) -> None:
    """Write the Pagefind index and UI into `site_dir/pagefind/`."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--exclude-selectors", ",".join(EXCLUDED),
        "--silent",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - fixed arguments
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed to index {site_dir}: {result.stderr.strip() or result.stdout.strip()}")
