"""Say which language the article is written in.

py3langid is langid.py's maintained fork: a small model shipped inside the package (no
download at run time), deterministic (langdetect draws random samples unless seeded)
and accurate on a paragraph or more, which is what an article gives it. Only the article's
own paragraphs are read, so an English menu around a French article does not count.
"""

from __future__ import annotations

import py3langid


def detect_language(paragraphs: list[str]) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when there is no text."""
    text = "\n".join(paragraphs).strip()
    if not text:
        return None
    language, _score = py3langid.classify(text)
    return str(language)
