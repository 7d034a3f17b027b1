"""Keep the capture a draft was made from, where `briefings check` finds it.

A summary is checked against the article's text only if that text is kept. The draft's
`source.capture` names the capture by its id (the file name without its extension), so
the copy goes to content/captures/<id>.txt, or .html for a page: the reader passes that
folder over and git ignores it (content/kinds.py). Its runs go beside it, as <id>.runs,
which git keeps, so that a clone without the text checks too (capture_runs.py). A copy
already there with the same text is left as it is (ingesting the same capture again);
another text under that name is never overwritten: ingest stops before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.kinds import CAPTURES_FOLDER
from generator.editors.capture_runs import capture_runs, runs_path, runs_text
from generator.editors.ingest.capture import Capture


@dataclass(frozen=True)
class KeptCapture:
    """The copy of a capture in content/captures/, to be written once the draft is."""

    path: Path
    shown: str
    """The path as messages show it: content/captures/<id>.txt."""
    text: str
    runs: str
    """Its runs file's text, written to content/captures/<id>.runs."""

    @property
    def runs_shown(self) -> str:
        """The runs file's path as messages show it."""
        return runs_path(Path(self.shown)).as_posix()

    def clashes(self) -> bool:
        """Whether another text is already kept under this capture's name."""
        try:
            return self.path.read_bytes() != self.text.encode("utf-8")
        except FileNotFoundError:
            return False

    def write(self) -> None:
        """Write the copy, exclusively (one already there has this text, see `clashes`), and its runs."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self.path.open("x", encoding="utf-8", newline="\n") as stream:
                stream.write(self.text)
        except FileExistsError:
            pass
        runs_path(self.path).write_text(self.runs, encoding="utf-8", newline="\n")  # made from the text, not edited


def kept_capture(content_dir: Path, capture: Capture) -> KeptCapture:
    """Where `capture` is kept in the project whose content folder is `content_dir`."""
    name = f"{capture.name}{'.html' if capture.is_html else '.txt'}"
    return KeptCapture(
        content_dir / CAPTURES_FOLDER / name,
        f"{content_dir.name}/{CAPTURES_FOLDER}/{name}",
        capture.text,
        runs_text(capture.name, capture_runs(capture)),
    )
