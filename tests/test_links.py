"""Every internal link and anchor of the built site resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuiltSite

pytestmark = pytest.mark.build


def _target_file(site: Path, page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    base = site if path.startswith("/") else page.parent  # the 404 page links from the site root
    target = (base / path.lstrip("/")).resolve() if path else page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {str(tag["id"]) for tag in soup.find_all(id=True)} | {
            str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})
        }
    return cache[page]


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    site = built_site.site.resolve()
    anchors: dict[Path, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href or urlsplit(str(href)).scheme or str(href).startswith("//"):
                continue
            checked += 1
            address, fragment = urldefrag(str(href))
            target = _target_file(site, page, address)
            where = f"{page.relative_to(site)} -> {href}"
            if not target.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target, anchors):
                broken.append(f"{where}: no element with id {fragment!r}")
    assert broken == []
    assert checked > 1000  # the crawl really followed the site's links
