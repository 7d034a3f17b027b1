"""How well `briefings ingest` reads real captures: titles, dates, countries and people.

The captures in tests/fixtures/captures/real/ are stored excerpts of real public pages
(from /work/research/captures/, with their header of facts removed); labels.json holds
those facts by hand: the headline when the capture prints it (null when it does not), the
publication date, the countries and the people the text names (read from each text; a
country named only in a currency, "U.S. dollars", and people named only in a byline or a
photo credit are not counted). Each capture is ingested as an editor would, to standard
output, with the page's address given (`--url`) when `with_address` is set.

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
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.editors.cli import main
from tests.conftest import SITE_CONTENT, SITE_PROJECT

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

    def table(self) -> str:
        rows = [
            ("titles exact", f"{self.titles_exact}/{self.titles_labelled}", self.title_rate),
            ("dates exact", f"{self.dates_exact}/{self.dates_labelled}", self.date_rate),
            ("countries recall", f"{self.countries_right}/{self.countries_labelled}", self.country_recall),
            ("countries precision", f"{self.countries_right}/{self.countries_found}", self.country_precision),
            ("people recall", f"{self.people_found}/{self.people_labelled}", self.people_recall),
        ]
        lines = [f"| {name} | {count} | {rate:.2f} |" for name, count, rate in rows]
        lines.append(f"| future dates | {self.future_dates} | |")
        lines.append(f"| titles given where none is printed | {self.titles_invented} | |")
        return "\n".join(["| measure | count | rate |", "| --- | --- | --- |", *lines])


def measure(with_address: bool = True) -> Scores:
    """Ingest every real capture and compare the draft with its labels."""
    labels = json.loads((REAL / "labels.json").read_text(encoding="utf-8"))
    known_people = _registered_people()
    scores = Scores()
    for name, label in labels.items():
        arguments = [
            "ingest",
            str(REAL / name),
            "-o",
            "-",
            "--project",
            str(SITE_PROJECT),
            "--retrieved",
            str(RETRIEVED),
        ]
        if with_address:
            arguments += ["--url", label["url"]]
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(io.StringIO()):
            status = main(arguments)
        assert status == 0, f"{name}: ingest failed"
        draft = yaml.safe_load(output.getvalue().split("---\n")[1]) or {}
        _score(scores, name, label, draft, known_people)
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
    words = [people.get(person, set(person.split("-"))) for person in _listed(draft, "people")]
    for person in label["people"]:  # type: ignore[attr-defined]
        scores.people_labelled += 1
        surname = _fold(person).split()[-1]
        if any(surname in found_words for found_words in words):
            scores.people_found += 1
        else:
            scores.misses.append(f"{name}: person {person!r} not found")


def _listed(draft: dict[str, object], key: str) -> list[str]:
    value = draft.get(key) or []
    return [str(item) for item in value] if isinstance(value, list) else []


def _registered_people() -> dict[str, set[str]]:
    """The words of each registered person's name and aliases, by id."""
    people = {}
    for path in sorted((SITE_CONTENT / "people").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        names = [meta["name"], *meta.get("aliases", [])]
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
