"""Read a captured article and say what was found in it, without guessing yet.

A capture is a plain-text copy of a web page (as in the seed captures) or a saved HTML
page. Both extractors return an `Extraction`: the title, the printed lines around it
(bylines, dates, publisher), the article's paragraphs and what the page itself states
about its publisher, agency and author, each with the printed text it came from so the
draft can show the editor why it guessed what it did.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.files import UnreadableFileError, read_regular_file
from generator.content.limits import CAPTURE_BYTES

_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


class CaptureError(Exception):
    """The capture cannot be read as an article."""


@dataclass(frozen=True)
class Capture:
    """The decoded text of a capture file."""

    path: Path
    text: str
    is_html: bool

    @property
    def name(self) -> str:
        """The capture's id: its file name without the extension."""
        return self.path.stem


@dataclass(frozen=True)
class Clue:
    """A value read from the capture, with the printed text it was read from."""

    value: str
    printed: str


@dataclass(frozen=True)
class Extraction:
    """What a capture prints: the article and the lines around it."""

    title: Clue | None
    paragraphs: list[str]
    header: list[str] = field(default_factory=list)
    """Lines printed before the article (or around it): bylines, dates, publisher."""
    publisher: Clue | None = None
    agency: Clue | None = None
    author: Clue | None = None
    published: Clue | None = None
    """A publication date the page states in its metadata (ISO), if any."""
    url: str | None = None


def read_capture(path: Path) -> Capture:
    """Read `path` as UTF-8 text (or an HTML page in the charset it declares); raise CaptureError if it cannot.

    Only a regular file is read, up to the capture size limit: a pipe, a device or
    standard input would never end (files.py).
    """
    if not path.exists():
        if path.is_symlink():
            target = os.readlink(path)
            raise CaptureError(f"{path}: a link to {target}, which leads nowhere (missing, or a loop of links)")
        raise CaptureError(f"{path}: no such file")
    if path.is_dir():
        raise CaptureError(f"{path}: is a folder, expected a captured article (.txt or .html)")
    try:
        raw = read_regular_file(path, CAPTURE_BYTES, "capture size")
    except UnreadableFileError as error:
        raise CaptureError(f"{path}: {error}") from None
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CaptureError(
            f"{path}:{line}: the capture is not UTF-8 text (byte 0x{raw[error.start]:02x} at line {line}); "
            "save it with UTF-8 encoding"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CaptureError(f"{path}: the capture is empty; expected the text or HTML of an article")
    is_html = path.suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(text))
    return Capture(path, text, is_html)


def decode(raw: bytes, charset: str | None = None) -> str:
    """Decode UTF-8, or `charset` as a server declares it; a saved page declaring another charset is decoded with it."""
    try:
        return raw.decode(charset or "utf-8-sig")
    except LookupError:  # a charset name Python does not know
        return decode(raw)
    except UnicodeDecodeError as not_utf8:
        declared = _DECLARED_CHARSET.search(raw[:4096])
        if declared is not None:
            try:
                return raw.decode(declared[1].decode("ascii"))
            except (LookupError, UnicodeDecodeError):  # unknown charset name, or not what it declares
                pass
        raise not_utf8 from None
