"""`briefings ingest https://…`: the page fetched from a real HTTP server on 127.0.0.1.

The server (http.server in a thread) serves an article behind a redirect, a page larger
than the limit, and a page that never answers until the test lets it (the client's
timeout fires first). Nothing leaves this machine.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.editors.cli import main
from generator.editors.ingest import fetch
from tests.conftest import FIXTURES

ARTICLE = (FIXTURES / "captures" / "harbour-times-seoul-talks.html").read_bytes()
RELEASE = threading.Event()
"""Set at the end of the tests: lets the never-answering handler return."""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/old/seoul-talks":
            self.send_response(301)
            self.send_header("Location", "/2025/03/05/seoul-and-astana-agree-to-pool-ai-safety-research")
            self.end_headers()
        elif self.path.startswith("/2025/03/05/"):
            self._send(ARTICLE)
        elif self.path == "/huge":
            self._send(b"<html><body>" + b"x" * (fetch.MAX_BYTES + 10) + b"</body></html>")
        elif self.path == "/slow":
            RELEASE.wait()
        else:
            self.send_error(404)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        """Quiet: the tests read the command's messages, not the server's."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """The client hangs up on a page over the limit, as it should: not an error here."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def ingest(url: str, project: Path, *extra: str) -> int:
    return main(["ingest", url, "-o", "-", "--project", str(project), "--retrieved", "2026-02-01", *extra])


def test_a_redirected_page_is_drafted_with_its_final_address(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(f"{server}/old/seoul-talks", tmp_path) == 0
    draft = yaml.safe_load(capsys.readouterr().out.split("---\n")[1])
    assert draft["source"]["url"] == f"{server}/2025/03/05/seoul-and-astana-agree-to-pool-ai-safety-research"
    assert draft["title"] == "Seoul and Astana agree to pool AI safety research"
    assert str(draft["published"]) == "2025-03-05"


def test_a_page_over_the_size_limit_is_refused(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest(f"{server}/huge", tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: {server}/huge: the page is larger than 5 MB; save the article's text and ingest the file\n"
    )


def test_a_server_that_does_not_answer_times_out(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(f"{server}/slow", tmp_path, "--timeout", "0.5") == 1
    assert capsys.readouterr().err == (
        f"error: {server}/slow: no answer within 0.5 s; try again, or save the page and ingest the file\n"
    )


def test_a_missing_page_says_what_the_server_answered(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest(f"{server}/nothing-here", tmp_path) == 1
    assert capsys.readouterr().err == f"error: {server}/nothing-here: the server answered 404 Not Found\n"
