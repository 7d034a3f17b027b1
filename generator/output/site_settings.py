"""What the generated files need to know about where the site is published.

Feeds, the "cite this briefing" line and the data page name the site and give absolute
addresses, so they depend on MkDocs' `site_name`, `site_url` and `repo_url`. The MkDocs
plugin takes them from the running configuration (under `mkdocs serve` that is the
preview's address); `briefings generate` reads them from the project's mkdocs.yml with
MkDocs' own YAML loader, so `!ENV` values resolve exactly as they do in a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

DEFAULT_NAME = "Gouvernance de l’IA — briefings"


@dataclass(frozen=True)
class SiteSettings:
    """The site's name and description, and the addresses it is published under."""

    name: str = DEFAULT_NAME
    description: str = ""
    url: str = ""
    """The published address with a trailing slash, e.g. https://owner.github.io/repo/; empty if unknown."""
    repo_url: str = ""

    def __post_init__(self) -> None:
        if self.url and not self.url.endswith("/"):
            object.__setattr__(self, "url", self.url + "/")

    @classmethod
    def from_mkdocs(cls, config: MkDocsConfig) -> SiteSettings:
        """Take the settings of a loaded MkDocs configuration."""
        return cls(config.site_name, config.site_description or "", config.site_url or "", config.repo_url or "")

    @classmethod
    def read(cls, mkdocs_yml: Path) -> SiteSettings:
        """Read the settings from an mkdocs.yml; defaults if the file does not exist."""
        if not mkdocs_yml.is_file():
            return cls()
        with mkdocs_yml.open("rb") as stream:
            values = yaml_load(stream)
        return cls(
            str(values.get("site_name") or DEFAULT_NAME),
            str(values.get("site_description") or ""),
            str(values.get("site_url") or ""),
            str(values.get("repo_url") or ""),
        )

    def absolute(self, page: str) -> str:
        """Return the published address of a generated page or file; "" when `url` is unknown."""
        return self.url + page_url(page) if self.url else ""


def page_url(page: str) -> str:
    """Return the site-relative URL of a docs file as MkDocs writes it with directory URLs.

    "index.md" -> "", "pays/index.md" -> "pays/", "pays/kz.md" -> "pays/kz/"; other files
    ("flux/pays/kz.xml") keep their path.
    """
    if not page.endswith(".md"):
        return page
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
