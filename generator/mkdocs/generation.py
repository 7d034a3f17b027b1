"""The generator's run inside a build: in the build's own process under `mkdocs serve`, in a child of
its own under `mkdocs build`.

Python does not give the system back the memory of a generation once it is freed: at 3,000
articles, a process still held 303 MB after the linked site and the session were let go
(322 MB at their height). A build carried it beside Pagefind to its end: at 10,000 articles
MkDocs' process held 1,023 MB at the build's peak (3,477 MB in all, 2,413 MB of them
Pagefind's). At 3,000 articles, generating apart took MkDocs' share of the peak from 382 to
179 MB. `mkdocs build` runs the generation in a forked child, which writes the
pages, sends back what the plugin needs (the write's report, each page's record, the problems
of a content that has some), keeps its session on disk (kept_session.py) and exits, taking
that memory with it. The session is pickled after the answer is sent, on the core MkDocs
leaves idle while it converts pages: at 10,000 articles that took 5 s off the build's path
(`SessionSaving`). `mkdocs serve` keeps its session in memory from one rebuild to the next,
so its generation stays in its process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from mkdocs.exceptions import PluginError

from generator.content.errors import ContentError
from generator.output.write import WriteReport
from generator.pipeline import Inputs, PageStream, run
from generator.preview.kept_session import save_session
from generator.preview.session import Session


@dataclass
class Outcome:
    """What a generation tells the plugin: what it wrote, or the problems that stopped it."""

    report: WriteReport = field(default_factory=WriteReport)
    page_sources: dict[str, str] = field(default_factory=dict)
    """Each generated page's record file, for its "edit this page" link."""
    rendered: tuple[int, int] | None = None
    """Pages rendered and pages in all, when the session knows which were unchanged."""
    problems: str | None = None
    """The content's problems, one per line, when there were some: nothing was written."""
    seconds: float | None = None
    """How long a generation alongside MkDocs took, from reading to writing (generation_alongside.py)."""
    saving: SessionSaving | None = field(default=None, compare=False, repr=False)
    """The session being kept on disk, for `generate_apart`'s outcome (set in the parent)."""


Kept = tuple[bool, object]
"""What keeping the session gave: (True, the seconds it took) or (False, why it could not)."""


class SessionSaving:
    """The session kept on disk for the next build: by the generation's child while the build goes on,
    or already (where processes cannot be forked)."""

    def __init__(
        self, child: multiprocessing.process.BaseProcess | None = None, receiving: Connection | None = None
    ) -> None:
        self._child, self._receiving = child, receiving
        self.seconds: float | None = None
        """How long keeping it took, once it is kept."""
        self.problem: str | None = None
        """Why the session could not be kept, if it could not (the next build then generates from scratch)."""

    def take(self, kept: Kept) -> SessionSaving:
        ok, answer = kept
        if ok:
            self.seconds = float(answer)  # type: ignore[arg-type]  # the seconds, when ok
        else:
            self.problem = str(answer)
        return self

    def wait(self) -> float | None:
        """Wait until the session is on disk; return the seconds it took, or None if it was not kept."""
        if self._child is not None and self._receiving is not None:
            try:
                self.take(self._receiving.recv())
            except EOFError:
                self.problem = "the generation's process stopped before it had kept its session"
            finally:
                self._receiving.close()
                self._child.join()
                self._child = None
        return self.seconds


def generate(inputs: Inputs, session: Session, stream: PageStream | None = None) -> Outcome:
    """Run the pipeline with `session` (and `stream`, pipeline.run); return what the plugin needs of it."""
    try:
        generation = run(inputs, session, stream)
    except ContentError as error:
        return Outcome(problems=error.report())
    return Outcome(generation.report, generation.site.page_sources, (session.rendered, len(session.pages)))


def keep_session(inputs: Inputs, session: Session) -> Kept:
    """Keep `session` on disk for the next build (kept_session.py); a session not kept only means
    generating from scratch next time, so a failure is said, not raised."""
    started = time.perf_counter()
    try:
        save_session(inputs.docs, session)
    except Exception as error:  # noqa: BLE001 - said to the build, which goes on
        return False, f"{type(error).__name__}: {error}"
    return True, time.perf_counter() - started


def generate_apart(inputs: Inputs, session: Callable[[], Session]) -> Outcome:
    """`generate(inputs, session())` in a forked child, which takes its memory with it, then keeps the session.

    The outcome comes back before the session is on disk: its `saving` says when it is.
    Where processes cannot be forked, it runs here. An error the child raised is raised
    again here, as if it had run here.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        kept = session()
        outcome = generate(inputs, kept)
        if outcome.problems is None:
            outcome.saving = SessionSaving().take(keep_session(inputs, kept))
        return outcome
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(inputs, session, sending), name="briefings-generation")
    child.start()
    sending.close()  # the child's end: the parent sees the pipe close if the child dies
    try:
        ok, answer = receiving.recv()
    except EOFError:
        ok, answer = False, None
    if ok and isinstance(answer, Outcome) and answer.problems is None:
        answer.saving = SessionSaving(child, receiving)  # the child goes on to keep the session
        return answer
    receiving.close()  # the child keeps no session: nothing was written, or it failed
    child.join()
    if answer is None:
        raise PluginError(f"the generator stopped without finishing (exit status {child.exitcode})")
    if not ok:
        raise answer
    assert isinstance(answer, Outcome)
    return answer


def _child(inputs: Inputs, session: Callable[[], Session], sending: Connection) -> None:
    """The forked child's work: generate, send the outcome or the error raised; then keep the session
    and send the seconds it took (or why it could not)."""
    try:
        kept = session()
        outcome = generate(inputs, kept)
        answer: tuple[bool, object] = (True, outcome)
    except Exception as error:  # noqa: BLE001 - sent to the parent, which raises it
        answer = (False, error)
    try:
        sending.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError):
        sending.send((False, PluginError(f"the generator failed: {answer[1]!r}")))
    if answer[0] and outcome.problems is None:
        sending.send(keep_session(inputs, kept))
