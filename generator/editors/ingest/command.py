"""The `briefings ingest` subcommand: arguments, the draft's destination, messages."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.editors.ingest.address import Address
from generator.editors.ingest.capture import Capture, CaptureError, read_capture
from generator.editors.ingest.entry_files import plan_entries, write_entries
from generator.editors.ingest.fetch import TIMEOUT, fetch, is_address
from generator.editors.ingest.guesses import default_path, make_draft
from generator.editors.ingest.kept_capture import kept_capture
from generator.editors.ingest.record import render_record


def add_ingest_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `briefings ingest FILE|URL [--url URL] [-o PATH | -o -]`."""
    parser = commands.add_parser(
        "ingest",
        help="turn a captured article (text or HTML) into a draft record",
        description="Read a captured article (plain text copied from a web page, or a saved HTML page) and write "
        "a draft article record (or fetch the page from its address): "
        "title, publication date, publisher, language and the countries, organisations, "
        "initiatives and people the text names, each marked 'à vérifier'. The summary is left for you to write. "
        "The draft has 'draft: true', which keeps it off the site until you remove that line. "
        "An existing file is never overwritten.",
    )
    parser.add_argument(
        "capture",
        metavar="FILE|URL",
        help="the captured article (.txt or .html, UTF-8), or its address (http:// or https://) to fetch it",
    )
    parser.add_argument(
        "--url",
        metavar="URL",
        help="the address the capture was saved from: recorded as source.url; its date and words are clues",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"when fetching, how long to wait for the server (default: {TIMEOUT:g})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the draft; '-' for standard output "
        "(default: PROJECT/content/articles/<year>/<date>-<title words>.md)",
    )
    parser.add_argument(
        "--no-keep-capture",
        dest="keep_capture",
        action="store_false",
        help="do not keep a copy of the capture in PROJECT/content/captures/ (kept by default when the draft is "
        "written into PROJECT/content/: `briefings check` compares the summary with it; never published, "
        "ignored by git)",
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: .)")
    parser.add_argument(
        "--retrieved",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="day the article was captured (default: today)",
    )
    parser.set_defaults(run=run_ingest)


def run_ingest(arguments: argparse.Namespace, today: dt.date) -> int:
    """Write the draft; return the exit status."""
    content_dir = arguments.project / "content"
    if arguments.output is None and not content_dir.is_dir():
        print(
            f"error: {content_dir} is not a folder: run ingest in the project folder, "
            "name it with --project PATH, or write the draft elsewhere with -o PATH",
            file=sys.stderr,
        )
        return 1
    try:
        address, capture = _capture(arguments)
    except CaptureError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    draft = make_draft(capture, content_dir, arguments.retrieved or today, address)
    if arguments.output == "-":
        sys.stdout.write(render_record(draft))
        return 0
    target = Path(arguments.output) if arguments.output else default_path(content_dir, draft)
    entries = plan_entries(content_dir, draft.new_entries) if content_dir.is_dir() else []
    record = render_record(draft, entries)
    # Kept only beside a draft written into this project's content/: check compares it there.
    inside = content_dir.is_dir() and target.resolve().is_relative_to(content_dir.resolve())
    kept = kept_capture(content_dir, capture) if arguments.keep_capture and inside else None
    if kept is not None and kept.clashes():
        print(
            f"error: {kept.shown} already exists and holds another text; ingest never overwrites a file. "
            "Rename the capture file (its name is the capture's id), or pass --no-keep-capture.",
            file=sys.stderr,
        )
        return 1
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:
            stream.write(record)
    except FileExistsError:
        print(
            f"error: {target} already exists; ingest never overwrites a file. "
            "Choose another path with -o PATH, or -o - to print the draft.",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"error: cannot write {target}: {error.strerror}", file=sys.stderr)
        return 1
    shown = target.resolve().relative_to(Path.cwd()) if target.resolve().is_relative_to(Path.cwd()) else target
    try:
        written = write_entries(entries, draft.capture, str(shown))
        if kept is not None:
            kept.write()
    except OSError as error:
        print(f"error: cannot write in {content_dir}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"Draft written to {shown}: check every 'à vérifier' line, fill in 'à compléter', write the summary,")
    print("then remove 'draft: true' to publish it.")
    if kept is not None:
        print(f"Capture kept as {kept.shown} (not published, ignored by git): `briefings check` compares it with")
        print(f"the summary you write. Commit {kept.runs_shown}, its runs of words without the text: a clone")
        print("without the capture (CI, another editor) compares with them.")
    if written:
        entries_word = "entry" if len(written) == 1 else "entries"
        print(f"{len(written)} draft registry {entries_word} written, to review the same way:")
        print("\n".join(f"  {path}" for path in written))
    return 0


def _capture(arguments: argparse.Namespace) -> tuple[Address | None, Capture]:
    """Fetch the page, or read the file; the address is the page's final one, or the one given."""
    if is_address(arguments.capture):
        final, capture = fetch(arguments.capture, timeout=arguments.timeout)
        return Address(final), capture
    if arguments.url is not None and not is_address(arguments.url):
        raise CaptureError(f"--url {arguments.url}: expected an address starting with http:// or https://")
    return (Address(arguments.url) if arguments.url else None), read_capture(Path(arguments.capture))
