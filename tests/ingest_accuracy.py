"""How well `briefings ingest` reads real captures: titles, dates, countries and people.

The captures in tests/fixtures/captures/real/ are stored excerpts of real public pages
(from /work/research/captures/, with their header of facts removed); labels.json holds
those facts by hand: the headline when the capture prints it (null when it does not), the
publication date, the countries and the people the text names (read from each text; a
country named only in a currency, "U.S. dollars", and people named only in a byline or a
photo credit are not counted). Each capture is ingested as an editor would, into a fresh
copy of the frozen seed project (tests/fixtures/site), with the page's address given
(`--url`) when `with_address` is set: the draft record is written under content/articles/
and the draft registry entries beside the registered ones.

A labelled person is found when the draft record's `people:` names an entry, registered or
drafted by this ingest, whose name or aliases hold the person's surname: a name that is
only listed in a comment is not found. People precision is the share of the people the
record names that are labelled (not a target: a wrong draft costs the editor a deletion).

Run `python -m tests.ingest_accuracy [--without-address]` from a checkout to print the
table; tests/test_ingest_accuracy.py holds the figures to their targets.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.editors.cli import main
from tests.conftest import SITE_CONTENT

REAL = Path(__file__).parent / "fixtures" / "captures" / "real"
ROOT = Path(__file__).resolve().parent.parent
RETRIEVED = dt.date(2026, 2, 1)
"""The capture day given to ingest: after every labelled date, as a capture is."""


@dataclass
class Scores:
    """Counts over the whole set; the rates are what the targets bound."""

    titles_labelled: int = 0
    titles_exact: int = 0
    titles_invented: int = 0
    """Captures that print no headline, for which ingest still gave a title."""
    dates_labelled: int = 0
    dates_exact: int = 0
    future_dates: int = 0
    countries_found: int = 0
    countries_right: int = 0
    countries_labelled: int = 0
    people_labelled: int = 0
    people_found: int = 0
    people_named: int = 0
    """People the draft records name, registered or drafted."""
    people_named_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def title_rate(self) -> float:
        return self.titles_exact / self.titles_labelled

    @property
    def date_rate(self) -> float:
        return self.dates_exact / self.dates_labelled

    @property
    def country_recall(self) -> float:
        return self.countries_right / self.countries_labelled

    @property
    def country_precision(self) -> float:
        return self.countries_right / self.countries_found if self.countries_found else 0.0

    @property
    def people_recall(self) -> float:
        return self.people_found / self.people_labelled

    @property
    def people_precision(self) -> float:
        return self.people_named_right / self.people_named if self.people_named else 0.0

    def table(self) -> str:
        rows = [
            ("titles exact", f"{self.titles_exact}/{self.titles_labelled}", self.title_rate),
            ("dates exact", f"{self.dates_exact}/{self.dates_labelled}", self.date_rate),
            ("countries recall", f"{self.countries_right}/{self.countries_labelled}", self.country_recall),
            ("countries precision", f"{self.countries_right}/{self.countries_found}", self.country_precision),
            ("people recall", f"{self.people_found}/{self.people_labelled}", self.people_recall),
            ("people precision", f"{self.people_named_right}/{self.people_named}", self.people_precision),
        ]
        lines = [f"| {name} | {count} | {rate:.2f} |" for name, count, rate in rows]
        lines.append(f"| future dates | {self.future_dates} | |")
        lines.append(f"| titles given where none is printed | {self.titles_invented} | |")
        return "\n".join(["| measure | count | rate |", "| --- | --- | --- |", *lines])


def measure(with_address: bool = True) -> Scores:
    """Ingest every real capture into a copy of the seed project and compare the draft with its labels."""
    labels = json.loads((REAL / "labels.json").read_text(encoding="utf-8"))
    scores = Scores()
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, label) in enumerate(labels.items()):
            project = Path(folder) / str(index)
            shutil.copytree(SITE_CONTENT, project / "content")
            record = project / "content" / "articles" / "ingested.md"
            arguments = [
                "ingest",
                str(REAL / name),
                "-o",
                str(record),
                "--project",
                str(project),
                "--retrieved",
                str(RETRIEVED),
            ]
            if with_address:
                arguments += ["--url", label["url"]]
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                status = main(arguments)
            assert status == 0, f"{name}: ingest failed"
            draft = yaml.safe_load(record.read_text(encoding="utf-8").split("---\n")[1]) or {}
            _score(scores, name, label, draft, _people_entries(project / "content"))
    return scores


def _score(
    scores: Scores, name: str, label: dict[str, object], draft: dict[str, object], people: dict[str, set[str]]
) -> None:
    title = draft.get("title")
    if label["title"] is None:
        scores.titles_invented += title is not None
    else:
        scores.titles_labelled += 1
        scores.titles_exact += title == label["title"]
        if title != label["title"]:
            scores.misses.append(f"{name}: title {title!r}, expected {label['title']!r}")
    published = draft.get("published")
    shown = published.isoformat() if isinstance(published, dt.date) else (str(published) if published else None)
    scores.dates_labelled += 1
    scores.dates_exact += shown == label["published"]
    if shown != label["published"]:
        scores.misses.append(f"{name}: published {shown}, expected {label['published']}")
    if shown and shown[:10] > RETRIEVED.isoformat()[: len(shown)]:
        scores.future_dates += 1
    found = set(_listed(draft, "countries"))
    expected = set(label["countries"])  # type: ignore[call-overload]
    scores.countries_found += len(found)
    scores.countries_right += len(found & expected)
    scores.countries_labelled += len(expected)
    if found != expected:
        scores.misses.append(f"{name}: countries missed {sorted(expected - found)}, wrong {sorted(found - expected)}")
    named = {person: people.get(person, set()) for person in _listed(draft, "people")}
    surnames = [_fold(person).split()[-1] for person in label["people"]]  # type: ignore[attr-defined]
    for person, surname in zip(label["people"], surnames, strict=True):  # type: ignore[call-overload]
        scores.people_labelled += 1
        if any(surname in words for words in named.values()):
            scores.people_found += 1
        else:
            scores.misses.append(f"{name}: person {person!r} not found")
    scores.people_named += len(named)
    scores.people_named_right += sum(any(surname in words for surname in surnames) for words in named.values())
    wrong = [person for person, words in named.items() if not any(surname in words for surname in surnames)]
    if wrong:
        scores.misses.append(f"{name}: people named but not labelled {wrong}")


def _listed(draft: dict[str, object], key: str) -> list[str]:
    value = draft.get(key) or []
    return [str(item) for item in value] if isinstance(value, list) else []


def _people_entries(content: Path) -> dict[str, set[str]]:
    """The words of each person entry's name and aliases, by id: registered, or drafted by the ingest."""
    people = {}
    for path in sorted((content / "people").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        names = [meta["name"], *(meta.get("aliases") or [])]
        people[path.stem] = {word for name in names for word in _fold(name).split()}
    return people


def _fold(text: str) -> str:
    """Lower case, no accents, words only: "Kassym-Jomart Tokaïev" is "kassym jomart tokaiev"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-address", action="store_true", help="do not give ingest the page's address")
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    options = parser.parse_args()
    result = measure(with_address=not options.without_address)
    print(result.table())
    if options.misses:
        print("\n".join(result.misses))
