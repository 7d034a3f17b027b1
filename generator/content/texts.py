"""Checks on a record's text that no field type expresses: invisible control characters, deep HTML.

- **Control characters** (C0 but tab and newline, DEL, C1, U+FFFE, U+FFFF and lone
  surrogates) are reported, field or body line named, rather than removed: a vertical
  tab pasted with a quotation is invisible in an editor, and silently changing the text
  would change what a title or a quotation says without anyone seeing it. XML cannot
  hold most of them, so the Atom feeds' writer (lxml) failed on them and broke
  `mkdocs build`; reported here, none ever reaches it.
- **Invisible formatting characters** (Unicode's category Cf: bidirectional controls such
  as U+202E, zero-width spaces and joiners, the soft hyphen): legal, since Persian and
  Indic names need joiners, but a right-to-left override in a title reverses the text
  shown after it, and zero-width spaces let a duplicate title look new. `briefings check`
  warns about them in titles and names; the near-duplicate check ignores them; pages
  isolate every text holding right-to-left characters or bidi controls (markup.py).
- **HTML nesting depth** of summaries and overviews, once cmark-gfm has rendered them:
  nh3 (html5ever) took minutes on 50,000 nested tags. A cheap upper bound (every level
  needs a character such as `<`, `>`, `*` or `-`) spares rendering the usual summary.
"""

from __future__ import annotations

import re
import unicodedata

import cmarkgfm
from cmarkgfm.cmark import Options

from generator.content.limits import HTML_DEPTH, exceeded

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NAMES = {
    "\x00": "null",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\ufffe": "not a character",
    "\uffff": "not a character",
}


FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
"""Every invisible formatting character (category Cf), as Unicode 15 lists them."""
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Right-to-left letters (the blocks of Hebrew, Arabic, Syriac, Thaana, N'Ko…) and the bidi embeddings,
overrides and isolates: a text holding one may reorder the text around it unless isolated."""


def format_characters(text: str) -> list[str]:
    """The distinct invisible formatting characters of `text`, in order, as `U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    found = dict.fromkeys(FORMAT_CHARACTERS.findall(text))
    return [f"U+{ord(character):04X} ({unicodedata.name(character, 'format character')})" for character in found]


def control_character_problem(text: str) -> tuple[int, str] | None:
    """Return where the first control character of `text` is and what to say, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    character = found[0]
    name = _NAMES.get(character, "a surrogate" if "\ud800" <= character <= "\udfff" else "control character")
    return found.start(), (
        f"contains an invisible character, U+{ord(character):04X} ({name}), at character {found.start() + 1}; "
        "delete it (it often comes with pasted text): pages and feeds cannot show it"
    )


def commonmark_html(text: str) -> str:
    """An editor's Markdown as cmark-gfm renders it, raw HTML kept (nh3 sifts it afterwards)."""
    return str(cmarkgfm.markdown_to_html_with_extensions(text, options=Options.CMARK_OPT_UNSAFE, extensions=["table"]))


_NESTING_MARKS = "<>*_~[-+.)|`"
"""Characters one of which each level of nesting needs: tags, quotes, lists, emphasis, links, tables, code."""
_FIXED_LEVELS = 4
"""Levels no character marks: a paragraph, a table's body and row, a code block's pre."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


def html_depth_problem(text: str) -> str | None:
    """Say so when `text` renders to HTML nested deeper than HTML_DEPTH; None for nearly every summary."""
    if sum(text.count(mark) for mark in _NESTING_MARKS) + _FIXED_LEVELS <= HTML_DEPTH:
        return None
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(commonmark_html(text)):
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if deepest <= HTML_DEPTH:
        return None
    return exceeded("HTML nesting depth", f"elements nested {deepest:,} deep (lists, quotes or HTML tags)")
