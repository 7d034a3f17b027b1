"""Render a linked site's pages in memory, as the pipeline's render stage does, without writing them."""

from __future__ import annotations

from pathlib import Path

from generator.linked.model import Site
from generator.output.render import make_environment, render_pages
from generator.output.site_settings import SiteSettings
from generator.pages.specs import page_specs


def render_site(site: Site, templates: Path, settings: SiteSettings | None = None) -> dict[str, str]:
    """Every page of `site`, {path in the docs folder: Markdown}."""
    return render_pages(make_environment(templates, settings or SiteSettings()), site, page_specs(site))
