"""What the generated files need to know about where the site is published.

Feeds, the "cite this briefing" line and the data page name the site and give absolute
addresses, so they depend on MkDocs' `site_name`, `site_url` and `repo_url`. The MkDocs
plugin takes them from the running configuration; `briefings generate` reads them from the
project's mkdocs.yml with MkDocs' own YAML loader, so `!ENV` values resolve exactly as they
do in a build.

Without SITE_URL, mkdocs.yml's `site_url` is the local copy's address (`extra:
local_address`, http://127.0.0.1:8000/, where `make serve` serves): that is no address to
cite or to subscribe to, so a build at it counts as having no published address, and the
pages say plainly that it is not configured.

Readers' corrections go to the repository's issue form (`repo_url`, the form in
.github/ISSUE_TEMPLATE/correction.yml, prefilled with the page), else to the editorial
team's address (`extra: corrections_email`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

DEFAULT_NAME = "Gouvernance de l’IA — briefings"
CORRECTION_FORM = "correction.yml"
"""The repository's issue form for readers' corrections (.github/ISSUE_TEMPLATE/)."""


@dataclass(frozen=True)
class SiteSettings:
    """The site's name and description, and the addresses it is published under."""

    name: str = DEFAULT_NAME
    description: str = ""
    url: str = ""
    """The published address with a trailing slash, e.g. https://owner.github.io/repo/; empty if unknown."""
    repo_url: str = ""
    corrections_email: str = ""
    """The editorial team's address, for corrections when there is no repository."""

    def __post_init__(self) -> None:
        if self.url and not self.url.endswith("/"):
            object.__setattr__(self, "url", self.url + "/")

    @classmethod
    def from_mkdocs(cls, config: MkDocsConfig) -> SiteSettings:
        """Take the settings of a loaded MkDocs configuration."""
        extra = dict(config.extra or {})
        return cls(
            config.site_name,
            config.site_description or "",
            published_address(config.site_url, extra),
            config.repo_url or "",
            str(extra.get("corrections_email") or ""),
        )

    @classmethod
    def read(cls, mkdocs_yml: Path) -> SiteSettings:
        """Read the settings from an mkdocs.yml; defaults if the file does not exist."""
        if not mkdocs_yml.is_file():
            return cls()
        with mkdocs_yml.open("rb") as stream:
            values = yaml_load(stream)
        extra = values.get("extra")
        extra = extra if isinstance(extra, dict) else {}
        return cls(
            str(values.get("site_name") or DEFAULT_NAME),
            str(values.get("site_description") or ""),
            published_address(values.get("site_url"), extra),
            str(values.get("repo_url") or ""),
            str(extra.get("corrections_email") or ""),
        )

    def absolute(self, page: str) -> str:
        """Return the published address of a generated page or file; "" when `url` is unknown."""
        return self.url + page_url(page) if self.url else ""

    def correction_url(self, page: str, title: str) -> str:
        """Where a reader reports an error on `page` (a docs file) titled `title`; "" if nowhere is configured.

        The repository's issue form opens with its title and its "Adresse de la page" field
        filled in (GitHub fills a form's fields from the query, by their ids); a message to
        the editorial team opens with the page in its subject and body.
        """
        where = self.absolute(page) or page_url(page) or "page d’accueil"
        if self.repo_url:
            query = urlencode({"template": CORRECTION_FORM, "title": f"[Correction] {title}", "page": where})
            return f"{self.repo_url.rstrip('/')}/issues/new?{query}"
        if self.corrections_email:
            subject, body = f"Correction : {title}", f"Page : {where}\n\nCe qui est inexact :\n\nSource :\n"
            query = urlencode({"subject": subject, "body": body}, quote_via=quote)
            return f"mailto:{quote(self.corrections_email, safe='@')}?{query}"
        return ""


def published_address(site_url: object, extra: dict[str, Any]) -> str:
    """`site_url`, unless it is the local copy's address (`extra: local_address`): then ""."""
    url = str(site_url or "")
    local = str(extra.get("local_address") or "")
    return "" if local and url.rstrip("/") == local.rstrip("/") else url


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
