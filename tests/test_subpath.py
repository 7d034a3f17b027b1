"""The site as GitHub Pages serves a project site, under `/REPO/`: every page, link, asset, feed and
anchor resolves, and nothing points outside the prefix.

The site is built with `SITE_URL=http://127.0.0.1:<port>/REPO/` and served on loopback by a
server that answers 404 outside `/REPO/` (tests/serve_site.py). The crawl starts at the home
page, follows every link over HTTP, and reads HTML, CSS, feeds, the sitemap and data files
for the addresses they name. Search under the prefix is checked in the browser
(tests/test_browser.py).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ServedSite
from tests.measurements import record

pytestmark = pytest.mark.build

SKIPPED_SCHEMES = ("mailto", "tel", "data")
LINKING_ATTRIBUTES = {
    "a": ["href"],
    "link": ["href"],
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "meta": ["content"],  # Open Graph and Twitter card addresses (og:url, og:image, …)
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
LOCAL_URL = re.compile(r"""https?://127\.0\.0\.1:\d+[^\s"'<>)\\]*""")


@dataclass
class Fetched:
    status: int
    content_type: str
    body: bytes


@dataclass
class Crawl:
    """Everything reachable from the start pages, fetched once each, and every broken reference."""

    base: str
    fetched: dict[str, Fetched] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    external: Counter[str] = field(default_factory=Counter)
    checked: int = 0
    _anchors: dict[str, set[str]] = field(default_factory=dict)

    def fetch(self, url: str) -> Fetched:
        if url not in self.fetched:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    self.fetched[url] = Fetched(response.status, response.headers.get_content_type(), response.read())
            except urllib.error.HTTPError as error:
                self.fetched[url] = Fetched(error.code, error.headers.get_content_type(), error.read())
        return self.fetched[url]

    def run(self, start: list[str]) -> None:
        queue = list(start)
        seen = set(queue)
        while queue:
            url = queue.pop(0)
            page = self.fetch(url)
            for reference in self.references(url, page):
                target = self.check(url, reference)
                if target and target not in seen:
                    seen.add(target)
                    queue.append(target)

    def references(self, url: str, page: Fetched) -> list[str]:
        """The addresses a fetched file names, as written in it."""
        text = page.body.decode("utf-8", errors="replace")
        if page.content_type == "text/html":
            soup = BeautifulSoup(text, "html.parser")
            found = []
            for tag in soup.find_all(list(LINKING_ATTRIBUTES)):
                for attribute in LINKING_ATTRIBUTES[tag.name]:
                    value = str(tag.get(attribute) or "")
                    if attribute == "srcset":
                        found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
                    elif tag.name != "meta" or LOCAL_URL.fullmatch(value):
                        found += [value] if value else []
            return found
        if page.content_type == "text/css":
            return CSS_URL.findall(text)
        if page.content_type.endswith(("xml", "json", "csv")) or url.endswith((".xml", ".json", ".csv")):
            return LOCAL_URL.findall(text)  # feeds, sitemap and data files name pages by absolute address
        return []

    def check(self, page: str, reference: str) -> str | None:
        """Record `reference` on `page` as broken if it does not resolve; return the file to crawl next."""
        absolute = urljoin(page, reference)
        parts = urlsplit(absolute)
        if parts.scheme in SKIPPED_SCHEMES or not parts.scheme:
            return None
        if parts.netloc != urlsplit(self.base).netloc:
            self.external[parts.netloc] += 1
            return None
        self.checked += 1
        where = f"{page.removeprefix(self.base) or '/'} -> {reference}"
        address, fragment = urldefrag(absolute)
        if not address.startswith(self.base):
            self.broken.append(f"{where}: outside {urlsplit(self.base).path}")
            return None
        target = self.fetch(address)
        if target.status != 200 and address != urldefrag(page)[0]:  # a link within the 404 page is fine
            self.broken.append(f"{where}: HTTP {target.status}")
            return None
        if fragment and target.content_type == "text/html" and unquote(fragment) not in self.ids(address):
            self.broken.append(f"{where}: no element with id {fragment!r}")
        return address

    def ids(self, url: str) -> set[str]:
        if url not in self._anchors:
            soup = BeautifulSoup(self.fetch(url).body, "html.parser")
            self._anchors[url] = {str(tag["id"]) for tag in soup.find_all(id=True)} | {
                str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})
            }
        return self._anchors[url]

    def pages(self) -> set[str]:
        return {
            url
            for url, fetched in self.fetched.items()
            if fetched.status == 200 and fetched.content_type == "text/html"
        }


def test_every_link_asset_feed_and_anchor_resolves_under_the_sub_path(site_under_subpath: ServedSite) -> None:
    base = site_under_subpath.url
    crawl = Crawl(base)
    crawl.run([base, base + "sitemap.xml"])

    assert crawl.broken == []
    built_pages = {
        base + path.relative_to(site_under_subpath.built.site).as_posix().removesuffix("index.html")
        for path in site_under_subpath.built.site.rglob("*.html")
    }
    assert built_pages - crawl.pages() == {base + "404.html"}  # every page is reached by following links
    assert crawl.checked > 1500  # the crawl really followed the site's links
    kinds = Counter(fetched.content_type for fetched in crawl.fetched.values())
    record(
        "crawl under /REPO/",
        "files fetched",
        ", ".join(f"{count} {kind}" for kind, count in kinds.most_common()),
    )
    record("crawl under /REPO/", "references checked", f"{crawl.checked:,}, none broken")
    record("crawl under /REPO/", "links to other sites (not fetched)", f"{sum(crawl.external.values())}")


def test_the_not_found_page_works_at_any_depth_under_the_sub_path(site_under_subpath: ServedSite) -> None:
    base = site_under_subpath.url
    missing = base + "pays/atlantide/une/page/perdue/"
    crawl = Crawl(base)
    not_found = crawl.fetch(missing)
    assert not_found.status == 404 and b"404" in not_found.body
    for reference in crawl.references(missing, not_found):
        crawl.check(missing, reference)
    assert crawl.broken == []
    assert crawl.checked > 20


def test_the_sitemap_names_every_page_at_its_published_address(site_under_subpath: ServedSite) -> None:
    base = site_under_subpath.url
    sitemap = Crawl(base).fetch(base + "sitemap.xml")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap.body.decode("utf-8"))
    assert base in addresses and base + "pays/kz/" in addresses
    assert [address for address in addresses if not address.startswith(base)] == []
