"""The preview's list of the docs folder, kept from one rebuild to the next.

MkDocs lists the docs folder at the start of every build (`get_files`): at 10,000 articles
that is 21,000 files, a `File` object and an exclusion check each, 0.8 s of every edit's
rebuild. Only the generator writes there (the preview does not watch the folder), and its
report says what it wrote and removed. When an edit's generation rewrote only files the
folder already had, the folder holds the same files as at the last build, and that build's
`File` objects serve again, reset to how `get_files` made them: no page yet, the inclusion
`get_files` gave, MkDocs' own modification test. Any other generation (a file added or
removed, a failed run) makes the next build list the folder again.

`briefings serve` installs it in place of `mkdocs.commands.build.get_files` for as long as it
runs (`kept_listing`); `mkdocs build` always lists the folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import mkdocs.commands.build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files

from generator.output.write import WriteReport


class DocsListing:
    """The files of one docs folder as MkDocs last listed them, while they are known to be the folder's."""

    def __init__(self) -> None:
        self._files: list[tuple[File, InclusionLevel]] | None = None
        self._paths: frozenset[str] = frozenset()
        self._where: tuple[str, str, bool] | None = None
        self._held: list[tuple[File, InclusionLevel]] | None = None

    def generation_starts(self) -> None:
        """Distrust the listing until the generation under way is known to have added and removed nothing."""
        self._held, self._files = self._files, None

    def generation_done(self, report: WriteReport) -> None:
        """Trust the listing again if the generation only rewrote files the folder had."""
        held, self._held = self._held, None
        if held is not None and not report.removed and self._paths.issuperset(report.written):
            self._files = held

    def files(self, config: MkDocsConfig) -> Files:
        """What `get_files(config)` would return: the kept files if they are still the folder's, else a new listing."""
        where = (config.docs_dir, config.site_dir, config.use_directory_urls)
        if self._files is None or where != self._where:
            files = get_files(config)
            self._files = [(file, file.inclusion) for file in files]
            self._paths, self._where = frozenset(file.src_uri for file in files), where
            return files
        for file, inclusion in self._files:
            file.page = None
            file.inclusion = inclusion
            file.__dict__.pop("is_modified", None)  # the plugin's verdict for one build (last_build.py)
        return Files([file for file, _ in self._files])


@contextmanager
def kept_listing(listing: DocsListing) -> Iterator[None]:
    """Have MkDocs' builds take the docs folder's files from `listing` within the block."""
    build = mkdocs.commands.build
    listed = build.get_files  # type: ignore[attr-defined]  # the name build() calls, imported there
    build.get_files = listing.files  # type: ignore[attr-defined]
    try:
        yield
    finally:
        build.get_files = listed  # type: ignore[attr-defined]
