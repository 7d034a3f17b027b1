"""A first build's generation, run alongside MkDocs: each page is converted while the next are rendered.

A build from scratch used to wait for the whole generation (26 s at 10,000 articles) before
MkDocs read its first page, then MkDocs alone converted them (about 100 s on one core),
leaving the second core to Pagefind. Here the generation's child (as in generation.py)
reads, validates and links the records, lists every file it will write, and tells the build;
MkDocs then starts, with the files listed (`docs_files`), while the child renders the pages
in the order MkDocs reads them (`docs_order`) and sends each one's Markdown as soon as it is
rendered; `on_page_read_source` hands it to MkDocs. The child writes the docs folder and keeps
its session once everything is rendered and checked, as it always did, and the build waits
for that before MkDocs copies the feeds and data files (`on_env`). The child runs at the lowest
priority once the pages are listed: MkDocs' conversion is the build's critical path, and the
rendering only has to stay ahead of it (at 10,000 articles MkDocs waited 1.5 s in all, most of
it for the first batch of pages).

Only a build with no site to lose runs so (the first build, the Pages workflow without its
cache, `make site` after `make clean`): a content problem still stops it before MkDocs starts,
but a template's error or a broken link shows only once MkDocs is under way, when MkDocs may
already have emptied the site folder. A build over a last good site generates first, as before.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, set_exclusions

from generator.mkdocs.generation import Outcome, SessionSaving, generate, keep_session
from generator.output.write import MARKER
from generator.pipeline import Inputs
from generator.preview.session import Session

PAGES_PER_MESSAGE = 50
"""Pages sent together: each message wakes the build's reader thread, which then takes Python's lock
from MkDocs' (15,861 pages at 10,000 articles)."""
NICENESS = 19
"""How much lower the rendering's priority is than MkDocs' (the workers inherit it): the lowest.
Starving it costs nothing: MkDocs waiting for a page leaves the core to it."""


def docs_order(path: str) -> tuple[tuple[int, bool, str], ...]:
    """The sort key that puts docs-folder paths in the order MkDocs lists them.

    MkDocs walks the folder top-down: a folder's files before its subfolders, folders by
    name, files by name but `index` and `README` first (mkdocs.structure.files.get_files).
    """
    *folders, name = PurePosixPath(path).parts
    return (*((1, False, folder) for folder in folders), (0, PurePosixPath(name).stem not in ("index", "README"), name))


def docs_files(listed: list[str], files: Files, config: MkDocsConfig) -> Files:
    """The files MkDocs would have found in the docs folder once the generation has written it, and the theme's.

    The docs folder is written only once every page is rendered: until then it holds the last
    generation's files, or none. Its marker file is one of them, as MkDocs would list it (hidden
    files are left out of the site by MkDocs' own rules, applied after `on_files`).
    """
    docs = config.docs_dir
    theme = [file for file in files if file.src_dir != docs]
    names = sorted([*listed, MARKER], key=docs_order)
    made = [File(name, docs, config.site_dir, config.use_directory_urls) for name in names]
    set_exclusions(made, config)
    return Files(made + theme)


@dataclass
class _Arrivals:
    """What the child has sent so far, as the build's reader thread receives it."""

    listed: list[str] | None = None
    page_sources: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    """Pages rendered and not yet handed to MkDocs, by path in the docs folder."""
    end: tuple[str, object] | None = None
    """("done", Outcome), ("problems", their report), ("error", the exception) or ("died", exit status)."""


class GenerationAlongside:
    """The build's side of a generation run alongside MkDocs (see the module's docstring)."""

    def __init__(self, child: multiprocessing.process.BaseProcess, receiving: Connection) -> None:
        self._child, self._receiving = child, receiving
        self._arrivals = _Arrivals()
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._receive, name="generation-alongside", daemon=True)
        self._reader.start()

    def listed(self) -> Outcome:
        """Wait until the child has listed its files; the outcome gives each page's record, or the problems."""
        with self._arrived:
            self._arrived.wait_for(lambda: self._arrivals.listed is not None or self._arrivals.end is not None)
            if self._arrivals.listed is not None:
                return Outcome(page_sources=self._arrivals.page_sources)
        return self.finish()  # it stopped before listing anything: its problems, or what stopped it

    @property
    def paths(self) -> list[str]:
        """Every file the generation writes, by path in the docs folder (known once `listed`)."""
        return list(self._arrivals.listed or [])

    def page(self, path: str) -> str | None:
        """A page's Markdown as MkDocs would read it from the docs folder, once rendered; None if it never will be
        (the generation failed: `finish` says why)."""
        with self._arrived:
            self._arrived.wait_for(lambda: path in self._arrivals.pages or self._arrivals.end is not None)
            text = self._arrivals.pages.pop(path, None)
        return None if text is None else as_read_from_disk(text)

    def finish(self) -> Outcome:
        """Wait until the child has written the docs folder; return its outcome (its `saving` keeps the session).

        Raise what stopped the child, if something did besides the content's problems.
        """
        self._reader.join()
        end = self._arrivals.end
        assert end is not None  # the reader stops only at the end
        kind, answer = end
        if kind == "done":
            assert isinstance(answer, Outcome)
            answer.saving = SessionSaving(self._child, self._receiving)  # the child goes on to keep the session
            return answer
        self._receiving.close()
        self._child.join()
        if kind == "problems":
            return Outcome(problems=str(answer))
        if kind == "error":
            assert isinstance(answer, BaseException)
            raise answer
        raise PluginError(f"the generator stopped without finishing (exit status {self._child.exitcode})")

    def stop(self) -> None:
        """The build failed: stop the child, whatever it is doing (it writes nothing it has not finished)."""
        if self._child.is_alive():
            self._child.terminate()
        self._reader.join()
        self._receiving.close()
        self._child.join()

    def _receive(self) -> None:
        arrivals = self._arrivals
        try:
            while True:
                message = self._receiving.recv()
                with self._arrived:
                    if message[0] == "pages":
                        arrivals.pages.update(message[1])
                    elif message[0] == "listed":
                        arrivals.listed, arrivals.page_sources = message[1], message[2]
                    else:
                        arrivals.end = message
                    self._arrived.notify_all()
                if arrivals.end is not None:
                    return
        except (EOFError, OSError):
            with self._arrived:
                arrivals.end = ("died", None)
                self._arrived.notify_all()


def as_read_from_disk(text: str) -> str:
    """`text` as MkDocs reads a page's file: UTF-8 without a byte-order mark, universal newlines."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def generate_alongside(inputs: Inputs) -> GenerationAlongside:
    """Start generating `inputs` from scratch in a forked child that streams its pages (see the module's docstring)."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(inputs, sending), name="briefings-generation")
    child.start()
    sending.close()  # the child's end: the build sees the pipe close if the child dies
    return GenerationAlongside(child, receiving)


def available() -> bool:
    """Whether processes can be forked here (the child inherits the build's modules and settings)."""
    return "fork" in multiprocessing.get_all_start_methods()


class _Sending:
    """The child's side: a `PageStream` (pipeline.py) sending the listing, then the pages by `PAGES_PER_MESSAGE`."""

    def __init__(self, sending: Connection) -> None:
        self._sending = sending
        self._pages: list[tuple[str, str]] = []
        self._last_page: str | None = None

    def order(self, path: str) -> tuple[tuple[int, bool, str], ...]:
        return docs_order(path)

    def listed(self, paths: list[str], page_sources: Mapping[str, str]) -> None:
        os.nice(NICENESS)  # from here on MkDocs converts pages beside the rendering
        self._last_page = next((path for path in reversed(paths) if path.endswith(".md")), None)
        self._sending.send(("listed", paths, dict(page_sources)))

    def rendered(self, path: str, text: str) -> None:
        if not path.endswith(".md"):
            return  # a drawing is copied from the docs folder, not read by MkDocs
        self._pages.append((path, text))
        if len(self._pages) >= PAGES_PER_MESSAGE or path == self._last_page:
            self._sending.send(("pages", self._pages))
            self._pages = []


def _child(inputs: Inputs, sending: Connection) -> None:
    """Generate from scratch, streaming the pages; send how it ended; then keep the session, as generation.py's."""
    session, started = Session(), time.perf_counter()
    try:
        outcome = generate(inputs, session, _Sending(sending))
        outcome.seconds = time.perf_counter() - started
        end: tuple[str, object] = ("done", outcome) if outcome.problems is None else ("problems", outcome.problems)
    except Exception as error:  # noqa: BLE001 - sent to the build, which raises it
        end = ("error", error)
    try:
        sending.send(end)
    except (pickle.PicklingError, TypeError, AttributeError):
        sending.send(("error", PluginError(f"the generator failed: {end[1]!r}")))
    if end[0] == "done":
        sending.send(keep_session(inputs, session))
