"""A built page as what a reader's browser makes of it: elements, attributes and text, without the
whitespace that shows nothing.

Two pages with the same `dom_tokens` show the same text with the same links and structure,
whichever way their HTML was written: `<br />` or `<br>`, `&quot;` or `"`, one cell a line or a
row a line. Whitespace inside text folds to one space as a browser folds it; whitespace against
the edge of a block (a list item, a cell, a paragraph…) is dropped, as a browser drops it.
"""

from __future__ import annotations

from html.parser import HTMLParser

Token = tuple[str, ...]

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "details",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "link",
        "main",
        "meta",
        "nav",
        "ol",
        "p",
        "script",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
        "svg",
        "line",
        "text",
        "circle",
        "rect",
    ]
)
"""Elements whose edges swallow whitespace (SVG drawing elements too: text between them draws nothing)."""

VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self._text: list[str] = []
        self._verbatim = 0
        """Depth inside <pre>, <script> or <style>, whose whitespace is kept as it is."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.tokens.append(("<", tag, *(f"{name}={value or ''}" for name, value in sorted(attrs))))
        if tag in ("pre", "script", "style"):
            self._verbatim += 1
        if tag in VOID:
            self.tokens.append((">", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.tokens.append((">", tag))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self._flush()
        self.tokens.append((">", tag))
        if tag in ("pre", "script", "style"):
            self._verbatim -= 1

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._text:
            text = "".join(self._text)
            self.tokens.append(("text", text if self._verbatim else _fold(text)))
            self._text = []


def _fold(text: str) -> str:
    folded = " ".join(text.split())
    if not folded:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + folded + (" " if text[-1].isspace() else "")


def dom_tokens(html: str) -> list[Token]:
    """The page's elements (name and sorted attributes), their ends and their texts, whitespace folded."""
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    tokens = parser.tokens
    kept: list[Token] = []
    for index, token in enumerate(tokens):
        if token[0] == "text":
            text = token[1]
            if index > 0 and _is_block(tokens[index - 1]):
                text = text.lstrip(" ")
            if index + 1 < len(tokens) and _is_block(tokens[index + 1]):
                text = text.rstrip(" ")
            if not text:
                continue
            token = ("text", text)
        kept.append(token)
    return kept


def _is_block(token: Token) -> bool:
    return token[0] in ("<", ">") and token[1] in BLOCKS


def first_difference(before: list[Token], after: list[Token]) -> str:
    """Where two token lists part, with a little context, or "" when they are the same."""
    if before == after:
        return ""
    index = next(
        (i for i, (one, other) in enumerate(zip(before, after, strict=False)) if one != other),
        min(len(before), len(after)),
    )
    start = max(0, index - 3)
    return f"token {index}:\n  before: {before[start : index + 3]}\n  after:  {after[start : index + 3]}"
