"""A capture's runs of words, as hashes: what the own-words check needs, kept in git without the text.

The captures are not ours and the repository is public, so git ignores them
(content/captures/): on a fresh clone, in CI or on another editor's machine, there was
nothing to compare a summary with. Beside each capture `briefings ingest` and `briefings
check` write `<capture id>.runs`, which git keeps: one hash per run of `RUN` words of the
capture, sorted, and nothing from which the text could be read back. `briefings check`
compares with the capture when it is there, otherwise with its runs.

The runs are of the capture's plain words (case, accents and punctuation aside, an elided
article with its word); a name counts as one word only on the summary's side
(own_words.py), where a run of names and words is copied when every run of `RUN` plain
words it spans is in the capture. So the runs do not change when the registries do.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.editors.ingest.capture import Capture
from generator.editors.ingest.folding import fold_lower
from generator.editors.ingest.html_page import visible_lines

RUN = 10
"""Words in a row a summary may not share with its capture."""
RUNS_SUFFIX = ".runs"
HASH_BYTES = 6
"""48 bits a run: a summary of 300 words checked against a capture of 3,000 words meets a
false match once in some 300 million checks, and a capture's runs take 13 bytes a word."""
_HEADER = (
    "# Hashes of the runs of {run} words of the capture {name} (`briefings check`: own words).\n"
    "# Not the text, and not to edit: `briefings check` writes it again from the capture.\n"
)
_WORD = re.compile(r"(?:\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)')?(?P<word>\w+(?:'\w+)*)")
"""A word of folded text, without the article or pronoun elided before it: "l'ia" is "ia", as "IA" is."""


@dataclass(frozen=True)
class Word:
    """A word as compared (folded, or a whole name), where it is printed, and the plain words it spans."""

    key: str
    start: int
    end: int
    first: int
    """The index of its first plain word in the text."""
    after: int
    """The index after its last plain word."""


def plain_words(text: str) -> list[Word]:
    """The words of `text`, folded, each its own plain word."""
    return [
        Word(match["word"], match.start(), match.end(), index, index + 1)
        for index, match in enumerate(_WORD.finditer(fold_lower(text)))
    ]


def word_keys(text: str) -> tuple[str, ...]:
    """The keys of the words of `text`, in order: how a name is matched against plain words."""
    return tuple(match["word"] for match in _WORD.finditer(fold_lower(text)))


def run_hashes(words: list[Word]) -> list[int]:
    """The hash of each run of `RUN` consecutive words, by the index of its first word."""
    keys = [word.key for word in words]
    return [_hash(keys[index : index + RUN]) for index in range(len(keys) - RUN + 1)]


def runs_of(text: str) -> frozenset[int]:
    """Every run of `RUN` plain words of `text`, hashed."""
    return frozenset(run_hashes(plain_words(text)))


def capture_runs(capture: Capture) -> frozenset[int]:
    """The runs of a capture's text: a saved page's visible text, a plain capture's whole text."""
    return runs_of(visible_lines(capture.text) if capture.is_html else capture.text)


def runs_path(capture_path: Path) -> Path:
    """Where the runs of the capture kept at `capture_path` are kept: beside it, under its id."""
    return capture_path.with_suffix(RUNS_SUFFIX)


def runs_text(name: str, runs: Iterable[int]) -> str:
    """The runs file of the capture `name`: a header, then one hash a line in hexadecimal, sorted."""
    lines = (f"{run:0{HASH_BYTES * 2}x}\n" for run in sorted(runs))
    return _HEADER.format(run=RUN, name=name) + "".join(lines)


def read_runs(path: Path) -> frozenset[int]:
    """The runs a runs file holds; raises ValueError naming the line that is not a hash."""
    runs = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#") or not line.strip():
            continue
        if not re.fullmatch(f"[0-9a-f]{{{HASH_BYTES * 2}}}", line):
            raise ValueError(f"line {number} is not a hash of {HASH_BYTES * 2} hexadecimal digits")
        runs.add(int(line, 16))
    return frozenset(runs)


def _hash(keys: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(keys).encode("utf-8"), digest_size=HASH_BYTES).digest()
    return int.from_bytes(digest, "big")
