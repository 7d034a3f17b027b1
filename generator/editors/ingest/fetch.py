"""Fetch an article from its address, as a capture: `briefings ingest https://…`.

httpx follows redirects (the draft records the address the page was finally served
from), gives up after a timeout and is read in chunks, so a page larger than the limit
is refused before it is all downloaded. Every failure is a CaptureError saying what
happened, with the address, for the command to print.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from slugify import slugify

from generator.editors.ingest.capture import Capture, CaptureError, decode

TIMEOUT = 20.0
"""Seconds to wait to connect, and between two pieces of the page."""
MAX_BYTES = 5_000_000
"""The largest page taken: an article's HTML is rarely above a megabyte."""
_HEADERS = {"User-Agent": "briefings-ingest/1 (editorial capture of one article)", "Accept": "text/html,*/*;q=0.5"}


def is_address(argument: str) -> bool:
    return argument.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[str, Capture]:
    """Return the final address and the page as a capture; raise CaptureError if it cannot be had."""
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers=_HEADERS, max_redirects=10) as client,
            client.stream("GET", url) as response,
        ):
            final = str(response.url)
            if response.status_code >= 400:
                raise CaptureError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise CaptureError(_too_large(url, max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise CaptureError(_too_large(url, max_bytes))
            content_type = response.headers.get("content-type", "")
    except httpx.TimeoutException:
        message = f"{url}: no answer within {timeout:g} s; try again, or save the page and ingest the file"
        raise CaptureError(message) from None
    except httpx.TooManyRedirects:
        raise CaptureError(f"{url}: too many redirects") from None
    except httpx.HTTPError as error:
        raise CaptureError(f"{url}: cannot fetch the page: {error}") from None
    try:
        text = decode(bytes(body), response.charset_encoding)
    except UnicodeDecodeError:
        raise CaptureError(f"{final}: the page is not text in the charset it declares") from None
    if not text.strip():
        raise CaptureError(f"{final}: the page is empty")
    is_html = "html" in content_type or "<html" in text[:2000].lower()
    name = slugify(final.split("://", 1)[-1], max_length=80) or "page"
    return final, Capture(Path(f"{name}.html" if is_html else f"{name}.txt"), text.replace("\r\n", "\n"), is_html)


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url}: the page is larger than {max_bytes // 1_000_000} MB; save the article's text and ingest the file"
