"""Check the links of the generated pages that MkDocs does not see.

MkDocs resolves and checks each `.md` link of a page's Markdown (and its anchor), and
`--strict` fails the build on a broken one. The lists and tables of links are raw HTML
(helpers.py), which MkDocs passes through untouched: their `href` is already the address
MkDocs serves, and nothing would notice one pointing at no page. So before anything is
written, every site-relative `href` (and `<object data>`) of every page and drawing
rendered is resolved from where it is served, and must land on a generated file; an
anchor must be an `id` of that page or the id its Markdown heading gets. A broken link is
a fault of a template or of the generator, never of an editor's record: it is reported
with the page and the address, like a content problem, so the last good site stays.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Mapping

from markdown.extensions.toc import slugify  # type: ignore[import-untyped]  # the function MkDocs gives toc

from generator.content.errors import ContentError, Problem
from generator.output.site_settings import page_url

_LINK = re.compile(r'<[a-zA-Z][^<>]*?\s(?:href|data)="([^"]*)"')
"""An address in a tag: data never holds a bare `<` (escaped in HTML, backslash-escaped in Markdown)."""
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
"""An address with a scheme (https:, mailto:) or a host: outside the site, not ours to check."""
_ID = re.compile(r'\sid="([^"]*)"')
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ESCAPED = re.compile(r"\\(.)")
_TAG = re.compile(r"<[^>]*>")


def check_links(files: Mapping[str, str], kept: Iterable[str] = ()) -> None:
    """Raise ContentError naming every page of `files` with a link to no file of `files` or `kept`.

    `files` are the pages, drawings, feeds and data files rendered, by path in the docs folder;
    `kept` the files left in place from an earlier generation (the preview's), whose anchors are
    not checked again.
    """
    addresses = {_address(path): path for path in [*files, *kept]}
    problems = [
        Problem(path, 0, "", f"the generated page links to {href!r}, {why} (a fault of a template or the generator)")
        for path, text in sorted(files.items())
        if path.endswith((".md", ".svg"))
        for href, why in _broken_links(path, text, addresses, files)
    ]
    if problems:
        raise ContentError(problems)


def _broken_links(
    path: str, text: str, addresses: Mapping[str, str], files: Mapping[str, str]
) -> Iterable[tuple[str, str]]:
    served = page_url(path)
    folder = served if served.endswith("/") or not served else posixpath.dirname(served) + "/"
    for href in dict.fromkeys(_LINK.findall(text)):  # each address once, in order
        if not href or _ABSOLUTE.match(href):
            continue
        address, _, anchor = href.partition("#")
        target_path = path if not address else addresses.get(_resolve(folder, address.split("?", 1)[0]))
        if target_path is None:
            yield href, "which is no generated page or file"
        elif anchor and target_path in files and anchor not in _anchors(files[target_path]):
            yield href, f"but {target_path} has no anchor {anchor!r}"


@functools.lru_cache(maxsize=65_536)
def _resolve(folder: str, address: str) -> str:
    """The site-relative address `address` points at from a page served in `folder`, without its final slash."""
    resolved = posixpath.normpath(posixpath.join(folder, address))
    return "" if resolved == "." else resolved


def _address(path: str) -> str:
    return page_url(path).rstrip("/")


@functools.lru_cache(maxsize=1_024)
def _anchors(text: str) -> frozenset[str]:
    """The ids a page's links may aim at: its elements' and the ones Python-Markdown's toc gives its headings.

    Kept per page text: every briefing links the same few anchored pages (the methodology's
    source kinds), whose ids would otherwise be parsed again for each of thousands of pages.
    """
    headings = []
    for heading in _HEADING.findall(text):
        explicit = _HEADING_ID.search(heading)
        words = _TAG.sub("", _ESCAPED.sub(r"\1", heading))
        headings.append(explicit[1] if explicit else str(slugify(words, "-")))
    return frozenset(_ID.findall(text)) | frozenset(headings)
