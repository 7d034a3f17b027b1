"""Compare names the way a reader does: without accents, with any apostrophe or hyphen.

Folding keeps one character for each character of the text, so a match found in the
folded text has the same position in the original: the draft can show the name as
printed ("Tokaïev") while matching an alias typed without the diaeresis ("Tokaiev").
"""

from __future__ import annotations

import unicodedata
from functools import cache


def fold(text: str) -> str:
    """Drop accents and unify apostrophes and hyphens, keeping every character's position."""
    return "".join(_fold_character(character) for character in text)


def fold_lower(text: str) -> str:
    """`fold`, in lower case (still one character for one: "İ" is left as it is)."""
    return "".join(lower if len(lower := character.lower()) == 1 else character for character in fold(text))


def folded_words(words: str) -> frozenset[str]:
    """The folded, lowercase words of a space-separated list."""
    return frozenset(fold_lower(word) for word in words.split())


@cache
def _fold_character(character: str) -> str:
    if character in "’‘ʼ´`":
        return "'"
    if character in "‐‑‒–":
        return "-"
    base = unicodedata.normalize("NFD", character)[0]
    return base if base.isalnum() else character
