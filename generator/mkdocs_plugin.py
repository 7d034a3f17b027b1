"""MkDocs plugin: regenerate the briefing pages before every build and every live reload.

`on_config` runs before MkDocs lists the docs folder and before it empties the site
folder, so a content problem aborts `mkdocs build` with the last good site still in
place; under `mkdocs serve` the problems are printed and the last good pages stay served.
Add `content/` and `site_config/templates/` to `watch:` in mkdocs.yml for live reload.
After each build, `on_post_build` indexes the site for Pagefind search.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin

from generator.errors import ContentError
from generator.pipeline import generate
from generator.search_index import SearchIndexError, build_search_index
from generator.site_settings import SiteSettings

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    content_dir = config_options.Dir(exists=True)
    """Folder of the records, relative to mkdocs.yml."""
    templates_dir = config_options.Dir(exists=True)
    """Folder of the page templates, relative to mkdocs.yml."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Generate the docs folder from the records."""

    command = "build"
    """The mkdocs command running: "build", "serve" or "gh-deploy"."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            report = generate(
                Path(self.config.content_dir),
                Path(self.config.templates_dir),
                Path(config.docs_dir),
                SiteSettings.from_mkdocs(config),
            )
        except ContentError as error:
            for line in error.report().splitlines():
                log.error(line)
            if self.command == "serve":
                # MkDocs' server stops answering after a failed rebuild; building the last
                # good pages instead keeps the preview up while the editor fixes the record.
                log.error("The preview keeps showing the last good pages until these problems are fixed.")
                return config
            raise Abort("The content has problems (listed above); the last good pages are unchanged.") from None
        log.info(f"briefings: {report.summary()}")
        if not config.site_url:
            log.info("briefings: no site_url in mkdocs.yml, so no Atom feeds (they need absolute addresses)")
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            build_search_index(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
