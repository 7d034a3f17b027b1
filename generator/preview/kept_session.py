"""The generation session a build leaves on disk, for the next build to start from.

A publish after a few edits ran the whole generator again (51 s at 10,000 articles), to
rewrite a dozen pages. `mkdocs build` now runs the pipeline with a `Session`, as the live
preview does, and keeps it beside the docs folder (`build/generator-session.pickle`, saved
by the Pages workflow's cache with the site and its state): the next build reads only the
records whose bytes changed and renders only the pages they touch (session.py).

A kept session is used only when nothing it relies on has changed behind its back:

- the same generator: its code, Python and the installed packages' versions (else the
  pickled objects may not even mean the same thing);
- the docs folder exactly as the session left it (every file's name, size and time): the
  session knows which pages are there without reading them. Anything else writing there (a
  `briefings generate`, a preview, a `make clean`) makes the next build generate from scratch.

The file is the build's own cache, written and read by this code only (pickle runs what the
file says: it must never come from anywhere else). It is removed when a build starts and
replaced once the build has succeeded, as the site's state is (site_state.py). The new
session is written beside it by the generation's child once the generation is done, while
MkDocs starts building (generation.py), and goes with the child: MkDocs and Pagefind then
build the site without it in memory (held to the end, it was 126 MB more at
the build's peak at 3,000 articles).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import threading
from importlib import metadata
from pathlib import Path

from generator.preview.session import Session

SESSION_FILE = "generator-session.pickle"
"""Beside the site's state, in the docs folder's parent (build/)."""
FORMAT = 1
"""Bumped when what the file holds changes meaning."""
GENERATOR_CODE = Path(__file__).resolve().parents[1]


def session_path(docs: Path) -> Path:
    return docs.parent / SESSION_FILE


def load_session(docs: Path) -> Session | None:
    """The session the last build kept, if it can be trusted (see the module's docstring).

    The project may have moved since (a cache restored in another folder): the session
    knows its records and pages by their paths in the project, not on the disk."""
    try:
        with session_path(docs).open("rb") as stream:
            header = pickle.load(stream)  # noqa: S301 - this code's own cache file (module docstring)
            if header != _header(docs):
                return None
            session = pickle.load(stream)  # noqa: S301
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign file only means generating from scratch
        return None
    return session if isinstance(session, Session) else None


PICKLING_STACK = 1 << 30
"""Bytes of stack for the thread that pickles the session (see `save_session`)."""
PICKLING_DEPTH = 1_000_000


def save_session(docs: Path, session: Session) -> None:
    """Write `session` beside the kept one; `keep_saved_session` puts it in its place once the build succeeded.

    The linked site is a web of entries naming each other, and pickle walks it depth first:
    at 3,000 articles it went deeper than Python's default limit of 1,000 calls. It is
    pickled in a thread of its own with a stack large enough for the depth allowed.
    """
    temporary = _saved_path(docs)
    failure: list[BaseException] = []

    def dump() -> None:
        try:
            with temporary.open("wb") as stream:
                pickle.dump(_header(docs), stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(session, stream, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
            failure.append(error)

    limit, stack = sys.getrecursionlimit(), threading.stack_size(PICKLING_STACK)
    sys.setrecursionlimit(PICKLING_DEPTH)
    try:
        worker = threading.Thread(target=dump, name="keep-session")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(stack)
        sys.setrecursionlimit(limit)
    if failure:
        temporary.unlink(missing_ok=True)
        raise failure[0]


def keep_saved_session(docs: Path) -> None:
    """The build succeeded: the session saved during it is the one the next build starts from."""
    if _saved_path(docs).exists():
        os.replace(_saved_path(docs), session_path(docs))


def forget_session(docs: Path, *, saved_too: bool = False) -> None:
    """Remove the kept session (a build is changing the docs folder), and with `saved_too` the one
    this build saved (the build failed)."""
    session_path(docs).unlink(missing_ok=True)
    if saved_too:
        _saved_path(docs).unlink(missing_ok=True)


def _saved_path(docs: Path) -> Path:
    return session_path(docs).with_suffix(".pickle-next")


def _header(docs: Path) -> tuple[object, ...]:
    return (FORMAT, _generator_fingerprint(), _docs_stamp(docs))


@functools.cache  # the same in a process: asked when loading the session and again when saving it
def _generator_fingerprint() -> str:
    digest = hashlib.blake2b(sys.version.encode("utf-8"), digest_size=16)
    installed = sorted(f"{found.metadata['Name']}={found.version}" for found in metadata.distributions())
    digest.update("\0".join(installed).encode("utf-8"))
    for path in sorted(GENERATOR_CODE.rglob("*.py")):
        digest.update(b"\0" + path.relative_to(GENERATOR_CODE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _docs_stamp(docs: Path) -> str:
    """Every file of the docs folder, by name, size and modification time."""
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, names in os.walk(docs):
        subfolders.sort()
        for name in sorted(names):
            status = os.stat(os.path.join(folder, name))
            entry = f"{os.path.relpath(os.path.join(folder, name), docs)}\0{status.st_size}\0{status.st_mtime_ns}\n"
            digest.update(entry.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
