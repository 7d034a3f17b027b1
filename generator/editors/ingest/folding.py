"""Compare names the way a reader does: without accents, with any apostrophe or hyphen.

Folding keeps one character for each character of the text, so a match found in the
folded text has the same position in the original: the draft can show the name as
printed ("Tokaïev") while matching an alias typed without the diaeresis ("Tokaiev").
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Drop accents and unify apostrophes and hyphens, keeping every character's position."""
    return text.translate(_FOLDED)


def fold_lower(text: str) -> str:
    """`fold`, in lower case (still one character for one: "İ" is left as it is)."""
    return text.translate(_FOLDED_LOWER)


def folded_words(words: str) -> frozenset[str]:
    """The folded, lowercase words of a space-separated list."""
    return frozenset(fold_lower(word) for word in words.split())


class _Table(dict[int, str]):
    """A str.translate table that works out each character the first time it meets it.

    str.translate looks every character up in C; a Python function per character made
    folding a long capture take seconds.
    """

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        if self.lower and len(lower := folded.lower()) == 1:
            folded = lower
        self[code] = folded
        return folded


_FOLDED = _Table(lower=False)
_FOLDED_LOWER = _Table(lower=True)


def _fold_character(character: str) -> str:
    if character in "’‘ʼ´`":
        return "'"
    if character in "‐‑‒–":
        return "-"
    base = unicodedata.normalize("NFD", character)[0]
    return base if base.isalnum() else character
