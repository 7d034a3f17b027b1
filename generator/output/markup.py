"""Putting data into Markdown safely.

Two kinds of text reach a page:

* **Data** (titles, names, quotes, figures' labels) must show as the very characters the
  editor typed. Most of a page is raw HTML (lists and tables of links, which Python-Markdown
  stashes without running its inline patterns over them): there `html_inline` escapes data
  as HTML text and `html_text` as an attribute. In the few Markdown lines left (headings,
  a few paragraphs), `escape_markdown` backslash-escapes every ASCII punctuation character —
  the site enables `pymdownx.escapeall`, which makes any escaped character literal. Both fold
  whitespace, so a title like `a | *b* [c] <script>` neither breaks a table nor injects
  markup, and both isolate a text with right-to-left letters or bidi controls in `<bdi>`.
* **Editor Markdown** (summaries and overviews) may use Markdown and a little raw HTML.
  `editor_html` renders it as CommonMark with tables (cmark-gfm, GitHub's C parser) and
  passes the result through nh3 (ammonia), which keeps only harmless elements: no scripts,
  no event handlers, no `javascript:` links. Python-Markdown, which MkDocs uses for the
  pages, took 1.4 ms a summary, a third of the generation of 10,000 articles; cmark-gfm
  takes a fifth of that and gives the same HTML for every summary of content/ and of the
  benchmark's corpus.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
import string
from collections.abc import Iterable
from urllib.parse import quote

import nh3

from generator.content.texts import RIGHT_TO_LEFT, commonmark_html
from generator.parallel import map_in_order

_ESCAPES = {ord(char): "\\" + char for char in string.punctuation}
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Control characters (Unicode category Cc) that are not whitespace."""

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "h2",
        "h3",
        "h4",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def escape_markdown(text: object) -> str:
    """Return `text` as inline Markdown that renders as exactly that text, on one line."""
    return _escape(str(text))


@functools.lru_cache(maxsize=65_536)
def _escape(text: str) -> str:
    """Escape with a memory: names, publishers and dates recur on thousands of pages.

    A text holding right-to-left letters or bidi controls is isolated in `<bdi>`, so a
    right-to-left override in a title cannot reverse the source and date shown after it
    in a list, and an Arabic name cannot pull the punctuation around it into its order.
    Other texts, whose isolation would change nothing, are left bare.
    """
    escaped = " ".join(_INVISIBLE.sub("", text).split()).translate(_ESCAPES)
    return f"<bdi>{escaped}</bdi>" if RIGHT_TO_LEFT.search(escaped) else escaped


_HTML: dict[str, str] = {}
"""Editors' Markdown already rendered, by its text. A summary shows on its article page, in
its page description and in the feed of everything the article names."""


def editor_html(text: str) -> str:
    """Render an editor's Markdown to HTML, keeping only harmless elements and links (memoised)."""
    html = _HTML.get(text)
    if html is None:
        html = _HTML[text] = _safe_html(text)
    return html


def render_editor_texts(texts: Iterable[str]) -> None:
    """Render the texts a generation will show, all at once on every core, before its pages and feeds.

    Pages and feeds are rendered by forked workers (parallel.py), which inherit this memo.
    Without it each worker converted again every summary it met, and the feeds' workers
    those the pages' workers had already converted; a site of 10,000 articles shows each
    summary in several places.
    """
    todo = sorted(set(texts) - _HTML.keys())
    _HTML.update(zip(todo, map_in_order(_safe_html, todo), strict=True))


def _safe_html(text: str) -> str:
    return nh3.clean(
        commonmark_html(text),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    ).strip()


def markdown_url(url: object) -> str:
    """Percent-encode the characters that would end a Markdown link destination early."""
    return quote(str(url), safe=":/?#@!$&'*+,;=%~[]-._")


def plain_text(text: str, limit: int | None = None) -> str:
    """Render an editor's Markdown to plain text on one line, cut at a word before `limit` characters.

    Descriptions for search engines, link previews and feed summaries are plain text.
    """
    words = _plain_words(text)
    return words if limit is None else cut_at_word(words, limit)


def cut_at_word(words: str, limit: int) -> str:
    """Cut a line of plain text at a word before `limit` characters, with an ellipsis if anything was cut."""
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–—-") + "…"


@functools.lru_cache(maxsize=16_384)
def _plain_words(text: str) -> str:
    """The words of an editor's Markdown, HTML tags dropped: summaries recur in several feeds."""
    return " ".join(html_lib.unescape(nh3.clean(editor_html(text), tags=set())).split())


def html_inline(text: object) -> str:
    """Data as the HTML content of an element, shown exactly as `escape_markdown` shows it in Markdown."""
    return _html_inline(str(text))


@functools.lru_cache(maxsize=65_536)
def _html_inline(text: str) -> str:
    """Control characters dropped, spaces folded, `<`, `>` and `&` escaped; a text holding
    right-to-left letters or bidi controls isolated in `<bdi>`, as `_escape` does."""
    escaped = html_lib.escape(" ".join(_INVISIBLE.sub("", text).split()), quote=False)
    return f"<bdi>{escaped}</bdi>" if RIGHT_TO_LEFT.search(escaped) else escaped


def html_text(text: object) -> str:
    """Data as HTML text or a quoted attribute, on one line, as `escape_markdown` shows it:
    invisible control characters dropped and spaces folded (the `h` filter of raw HTML and SVG)."""
    return escape_html(" ".join(_INVISIBLE.sub("", str(text)).split()))


def escape_html(text: str) -> str:
    """Escape data for HTML text or a quoted attribute."""
    return html_lib.escape(text, quote=True)
