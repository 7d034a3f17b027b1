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
the files written). Messages are written by a thread of their own, in the order sent: when
Pagefind fell behind, writing a page to its full input blocked MkDocs itself, 5 of the
6.5 s that sending took at 10,000 articles.

Both threads wake as seldom as they can: pages go to the writing thread 50 at a time, and
answers are collected every 50 ms unless one is awaited. Each wake-up of a thread takes
Python's lock from MkDocs' conversion, which then waits for it back; one per page and one
per answer were 25,000 hand-offs at 10,000 articles.

Pagefind reads only the page's language and what is inside `data-pagefind-body`, but it
parses every byte it is sent: the header, nav, footer and scripts around the content are two
thirds of a page. Each page goes to it as its language and its indexed body only, in an
otherwise empty document (`indexed_document`), which makes the same index
(test_search_index.py) with a fifth less of Pagefind's time.

The indexed body is the page's content, which the plugin wraps once MkDocs has converted
it (`searchable_content`), with the page's search metadata and, as Material's
content.html would add it, its title: Pagefind has every page once MkDocs has converted
the last one, and writes the index while MkDocs renders the pages. Sent as they were
rendered, the pages left Pagefind's writing of the index (17 s of one core at 10,000
articles) to do after MkDocs' last page. The same document is taken back out of a
finished page (`what_pagefind_reads`) for the pages a build keeps from the last one, so
both ways give Pagefind the same bytes: the plugin checks it of every page it renders.

Pagefind comes from the npm registry (package.json, installed by `make`): PyPI's
`pagefind_bin` stops at 1.5.2, and 1.6.0 halves the time of a first search at 10,000
articles. Its npm launcher, `node_modules/.bin/pagefind`, picks the binary built for this
system and honours `PAGEFIND_BINARY_PATH`, as Pagefind's other launchers do.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import io
import json
import os
import queue
import re
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
"""Pagefind's npm launcher, installed by `make` (`npm install` of the pinned package.json)."""
EXCLUDED = (".headerlink", ".md-source-file", ".md-tags")
"""Page parts that are not content: permalink marks, file dates, tag chips (an article's themes, article.md.j2)."""
BODY_START = "<div data-pagefind-body>"
BODY_END = "</div><!-- end of data-pagefind-body -->"
"""What `searchable_content` writes around the part of a page Pagefind indexes."""
SEARCH_META = (("genre", "search_kind"), ("date", "search_date"))
"""Pagefind's metadata of a page (shown at the head of its search result), from its front matter keys."""
_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
PAGES_PER_MESSAGE = 50
"""Pages handed to the writing thread at once (see the module's docstring)."""
ANSWERS_EVERY = 0.05
"""Seconds between two collections of the service's answers while none is awaited."""
PIPE_SIZE = 1 << 20
"""Bytes the service's output pipe holds (Linux's default is 64 KiB), so that it never fills between two collections."""
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
        if self._service.stdout is not None:
            with contextlib.suppress(OSError, AttributeError):  # a bigger pipe only spares Pagefind waits
                fcntl.fcntl(self._service.stdout.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        self._awaited: set[int] = set()
        self._answers: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._last_id = 0
        self.pages = 0
        """Pages sent so far."""
        self._writer: threading.Thread | None = None
        self._writing_failed: BaseException | None = None
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        """Messages to write to the service, in order; None stops the writer."""
        self._unsent: list[bytes] = []
        """Pages sent but not yet handed to the writer: they go `PAGES_PER_MESSAGE` at a time."""
        self._stdin_broken = False
        self._dropping = False
        """Whether the messages still to write are dropped: the service stopped, or is being closed."""
        self._writer_of_messages = threading.Thread(target=self._write_messages, name="pagefind-input", daemon=True)
        self._writer_of_messages.start()
        config = {"exclude_selectors": list(EXCLUDED)}
        self._index_id = int(self._ask({"type": "NewIndex", "config": config})["index_id"])

    def __enter__(self) -> SearchIndexer:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def add_page(self, document: str, url: str) -> None:
        """Send one page's `indexed_document`, to be found at `url` (root-relative, like "/pays/kz/")."""
        self.pages += 1
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": document})

    def write(self, output: Path) -> None:
        """Write the index and the search UI into `output` once every page sent is indexed."""
        self._ask({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output)})
        _wait_until_settled(output)
        if self._errors:
            raise SearchIndexError("Pagefind could not index every page:\n" + "\n".join(self._errors[:20]))

    def start_writing(self, output: Path, after: Callable[[], None] | None = None) -> None:
        """`write(output)` in a thread, once `after()` has returned (the last pages sent), while the build goes on."""

        def write() -> None:
            try:
                if after is not None:
                    after()
                self.write(output)
            except BaseException as error:  # noqa: BLE001 - raised again by finish_writing, in the build's thread
                self._writing_failed = error

        self._writer = threading.Thread(target=write, name="pagefind-writer", daemon=True)
        self._writer.start()

    def finish_writing(self) -> None:
        """Wait until the index `start_writing` began is written; raise what stopped it, if anything did."""
        if self._writer is not None:
            self._writer.join()
            self._writer = None
        if self._writing_failed is not None:
            raise self._writing_failed

    def close(self) -> None:
        """Stop the service (and so a write under way); unsent bytes of a service that already stopped are dropped."""
        self._dropping = True  # after a failure, pages still queued would only delay the stop
        self._outbox.put(None)
        self._writer_of_messages.join(timeout=30)
        if self._service.stdin:
            with contextlib.suppress(BrokenPipeError):
                self._service.stdin.close()
        try:
            self._service.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self._service.pid, signal.SIGKILL)
            self._service.wait()
        self._reader.join(timeout=30)
        if self._writer is not None:
            self._writer.join(timeout=30)  # the service stopped: its answer will not come
        self._log.close()

    def _send(self, payload: dict[str, Any], *, awaited: bool = False) -> int:
        self._last_id += 1
        if awaited:
            with self._arrived:
                self._awaited.add(self._last_id)
        if self._stdin_broken:
            raise SearchIndexError(f"the Pagefind service stopped: {self._stopped_because()}")
        message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
        self._unsent.append(base64.b64encode(message) + b",")  # the service answers after the comma
        if awaited or len(self._unsent) >= PAGES_PER_MESSAGE:
            self._outbox.put(b"".join(self._unsent))
            self._unsent = []
        return self._last_id

    def _write_messages(self) -> None:
        """Write the messages sent to the service's input, in order, until told to stop.

        The messages waiting are written together: each wake-up of this thread takes Python's
        lock from MkDocs' for a moment.
        """
        stdin = self._service.stdin
        assert stdin is not None
        stopping = False
        while not stopping:
            waiting = [self._outbox.get()]
            with contextlib.suppress(queue.Empty):
                while waiting[-1] is not None:
                    waiting.append(self._outbox.get_nowait())
            stopping = waiting[-1] is None
            messages = [message for message in waiting if message is not None]
            if self._dropping or not messages:
                continue
            try:
                stdin.write(b"".join(messages))
                stdin.flush()
            except (BrokenPipeError, ValueError):  # stopped, or its input closed by close()
                self._stdin_broken = self._dropping = True
                with self._arrived:
                    self._arrived.notify_all()  # whoever waits for an answer learns it will not come

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its answer."""
        message_id = self._send(payload, awaited=True)
        with self._arrived:
            answered = self._arrived.wait_for(
                lambda: message_id in self._answers or self._stdin_broken or self._service.poll() is not None,
                ANSWER_TIMEOUT,
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
        while chunk := stream.read1(PIPE_SIZE):  # whatever has arrived, without waiting for more
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                payload = answer.get("payload", {})
                with self._arrived:
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    if answer.get("message_id") in self._awaited:
                        self._awaited.discard(answer["message_id"])
                        self._answers[int(answer["message_id"])] = payload
                    self._arrived.notify_all()
            if not self._awaited:
                time.sleep(ANSWERS_EVERY)
        with self._arrived:
            self._arrived.notify_all()  # the service stopped: wake whoever waits for an answer

    def _stopped_because(self) -> str:
        self._service.poll()
        self._log.seek(0)
        said = self._log.read().decode("utf-8", "replace").strip()
        return f"exit status {self._service.returncode}" + (f": {said[-2000:]}" if said else "")


def searchable_content(content: str, *, title: str, meta: Mapping[str, Any]) -> str:
    """A searchable page's converted content, marked for Pagefind, with its metadata and title.

    The title goes first as Material's content.html adds it to a page whose content has no
    `<h1>` (the generated pages all have one), so the reader sees the same page; the
    metadata are hidden elements, one "key:value" each, which hold no text to index.
    """
    spans = "".join(
        f'<span hidden data-pagefind-meta="{key}:{escape(str(meta[field]))}"></span>'
        for key, field in SEARCH_META
        if meta.get(field)
    )
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"  # as Material's, unescaped: a title is HTML there
    return f"{BODY_START}{spans}{heading}{content}{BODY_END}"


def indexed_document(lang: str, body: str) -> str:
    """What Pagefind is sent of a page: its language and its indexed body, in an empty document."""
    return f'<!DOCTYPE html><html lang="{lang}"><head></head><body>{body}</body></html>'


def what_pagefind_reads(html: str) -> str:
    """The `indexed_document` of a finished page: the one its content was sent as when it was converted.

    A page without the marks of `searchable_content` is sent whole.
    """
    start = html.find(BODY_START)
    end = html.find(BODY_END, start)
    lang = _LANG.search(html, 0, start) if start >= 0 and end >= 0 else None
    if lang is None:
        return html
    return indexed_document(lang[1], html[start : end + len(BODY_END)])


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
