"""Search index: Pagefind, fed each page while MkDocs builds the site.

Material's lunr search appends a wildcard to every query term, and lunr skips the
stemmer for wildcard terms, so "initiative" misses pages indexed under the stem
"initiat". Pagefind stems French (from `<html lang="fr">`), matches without accents
("securite" finds "sécurité"), splits elisions, and the browser fetches only the index
shards a query needs, which keeps search light as the site grows.

Pagefind's command line indexes a finished site, after MkDocs: at 10,000 articles that
was 69 CPU-seconds more, after MkDocs had finished. Its indexing service (`pagefind
--service`) takes pages one by one instead, so each page goes to it as soon as MkDocs
has rendered it, and Pagefind indexes on a second core while MkDocs renders the next
pages; after the build only the index files remain to be written.

The service speaks base64-encoded JSON messages ended by a comma on its standard input
and output. The `pagefind` Python package has a client for it, but that client reads one
answer every 100 ms, which caps it at ten pages a second; this one reads answers as they
come, in a thread, and only waits for the two answers it needs (the new index's number,
the files written).

Pagefind reads only the page's language and what is inside `data-pagefind-body`, but it
parses every byte it is sent: the header, nav, footer and scripts around the content are two
thirds of a page. Each page goes to it as its `<html>` tag and its body element only
(`what_pagefind_reads`), which makes the same index (test_search_index.py) with a fifth less
of Pagefind's time, on the core it shares with MkDocs.

Pagefind comes from the npm registry (package.json, installed by `make`): PyPI's
`pagefind_bin` stops at 1.5.2, and 1.6.0 halves the time of a first search at 10,000
articles. Its npm launcher, `node_modules/.bin/pagefind`, picks the binary built for this
system and honours `PAGEFIND_BINARY_PATH`, as Pagefind's other launchers do.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
"""Pagefind's npm launcher, installed by `make` (`npm install` of the pinned package.json)."""
EXCLUDED = (".headerlink", ".md-source-file", ".md-tags")
"""Page parts that are not content: permalink marks, file dates, tag chips."""
BODY_START = "<div data-pagefind-body>"
BODY_END = "<!-- end of data-pagefind-body -->"
"""What main.html writes around the part of a page Pagefind indexes."""
ANSWER_TIMEOUT = 900.0
"""Seconds to wait for the index to be written (10,000 articles take about one minute)."""


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


class SearchIndexer:
    """A Pagefind indexing service: `add_page` each built page, then `write` the index.

    Use it as a context manager: leaving the block stops the service, written or not.
    """

    def __init__(self) -> None:
        if not PAGEFIND.is_file():
            raise SearchIndexError(f"Pagefind is not installed: {PAGEFIND} is missing (run `make site`)")
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._service = subprocess.Popen(  # noqa: S603 - the pinned npm package's launcher
            [str(PAGEFIND), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            start_new_session=True,  # a group of its own: the launcher and the binary it starts stop together
        )
        self._awaited: set[int] = set()
        self._answers: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._last_id = 0
        self.pages = 0
        """Pages sent so far."""
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()
        config = {"exclude_selectors": list(EXCLUDED)}
        self._index_id = int(self._ask({"type": "NewIndex", "config": config})["index_id"])

    def __enter__(self) -> SearchIndexer:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def add_page(self, html: str, url: str) -> None:
        """Send one page's HTML, to be found at `url` (root-relative, like "/pays/kz/")."""
        self.pages += 1
        page = what_pagefind_reads(html)
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": page})

    def write(self, output: Path) -> None:
        """Write the index and the search UI into `output` once every page sent is indexed."""
        self._ask({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output)})
        _wait_until_settled(output)
        if self._errors:
            raise SearchIndexError("Pagefind could not index every page:\n" + "\n".join(self._errors[:20]))

    def close(self) -> None:
        """Stop the service; unsent bytes of a service that already stopped are dropped."""
        if self._service.stdin:
            with contextlib.suppress(BrokenPipeError):
                self._service.stdin.close()
        try:
            self._service.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self._service.pid, signal.SIGKILL)
            self._service.wait()
        self._reader.join(timeout=30)
        self._log.close()

    def _send(self, payload: dict[str, Any], *, awaited: bool = False) -> int:
        self._last_id += 1
        if awaited:
            with self._arrived:
                self._awaited.add(self._last_id)
        message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
        assert self._service.stdin is not None
        try:
            self._service.stdin.write(base64.b64encode(message) + b",")  # the service answers after the comma
            self._service.stdin.flush()
        except BrokenPipeError:
            raise SearchIndexError(f"the Pagefind service stopped: {self._stopped_because()}") from None
        return self._last_id

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its answer."""
        message_id = self._send(payload, awaited=True)
        with self._arrived:
            answered = self._arrived.wait_for(
                lambda: message_id in self._answers or self._service.poll() is not None, ANSWER_TIMEOUT
            )
            answer = self._answers.pop(message_id, None)
        if answer is None:
            reason = self._stopped_because() if answered else f"no answer in {ANSWER_TIMEOUT:.0f} s"
            raise SearchIndexError(f"Pagefind did not answer {payload['type']}: {reason}")
        if answer.get("type") == "Error":
            raise SearchIndexError(f"Pagefind refused {payload['type']}: {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        """Collect the service's answers: keep those asked for, note every error."""
        stream = self._service.stdout
        assert isinstance(stream, io.BufferedReader)  # Popen's pipes are buffered unless bufsize=0
        pending = b""
        while chunk := stream.read1(1 << 16):  # whatever has arrived, without waiting for more
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                payload = answer.get("payload", {})
                with self._arrived:
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    if answer.get("message_id") in self._awaited:
                        self._answers[int(answer["message_id"])] = payload
                    self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()  # the service stopped: wake whoever waits for an answer

    def _stopped_because(self) -> str:
        self._service.poll()
        self._log.seek(0)
        said = self._log.read().decode("utf-8", "replace").strip()
        return f"exit status {self._service.returncode}" + (f": {said[-2000:]}" if said else "")


def what_pagefind_reads(html: str) -> str:
    """The page up to its `<head>` (the doctype and `<html lang>`) and its indexed body, in an empty document.

    A page without the marks main.html writes is sent whole.
    """
    head, start = html.find("<head"), html.find(BODY_START)
    end = html.find(BODY_END, start)
    if min(head, start, end) < 0 or head > start:
        return html
    return f"{html[:head]}<head></head><body>{html[start:end]}</body></html>"


SETTLED_AFTER = 0.2
"""Seconds without a change in the bundle folder after which Pagefind is taken to be done writing."""


def _wait_until_settled(output: Path, limit: float = 10.0) -> None:
    """Wait until the files of the bundle stop changing (at most `limit` seconds).

    Pagefind answers WriteFiles while it may still be writing its UI files: once, in a
    full build under load, `pagefind-component-ui.js` was missing because the service had
    been told to stop right after its answer. Closing it only once the folder is still
    keeps every build's bundle whole, and two builds byte-identical.
    """
    deadline = time.monotonic() + limit
    last: object = None
    while time.monotonic() < deadline:
        state = sorted((path.name, path.stat().st_size) for path in output.rglob("*") if path.is_file())
        if state == last:
            return
        last = state
        time.sleep(SETTLED_AFTER)
