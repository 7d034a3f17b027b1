"""Find the registries' countries, organisations, initiatives and people in an article.

Every name an entry answers to is searched for: its name, short name and aliases (which
hold adjectives such as "kazakh" or "sud-coréen"), and for countries the French and
English names Babel gives, for every country, and their adjectives (demonyms.py): a
country needs no registry file, so a mention of "Japon" or of "the Spanish Prime
Minister" lands in the draft's countries like any other. A country named only
in a currency ("U.S. dollars", "dollars américains") is not counted. Matching
ignores accents and, except for acronyms and other short names ("US", "Xi"), case;
lowercase adjectives also match their plural, and capitalised country and person names
only match capitalised text ("Réunion" is not "réunion"). Where names overlap the longest
wins, so "Conférence des Nations unies sur le commerce et le développement" is UNCTAD, not
the UN. What the registries do not know is left to `new_names.py`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

from generator.content.drafts import is_draft
from generator.content.kinds import ARTICLE, COUNTRY, REGISTRIES
from generator.content.read import SourceDocument, read_content
from generator.content.schema import Country, Initiative, Organisation, Person
from generator.content.validate import validate_documents
from generator.editors.ingest.demonyms import ENGLISH, FRENCH
from generator.editors.ingest.folding import fold, fold_lower
from generator.editors.ingest.new_names import Spans, find_new_names

_PROPER_NAMES = frozenset(kind.folder for kind in REGISTRIES if kind.proper_names)
"""Kinds whose capitalised names only match capitalised text."""


@dataclass(frozen=True)
class Name:
    """One name an entity answers to."""

    kind: str
    """The registry folder of the entity's kind, e.g. countries."""
    id: str
    text: str
    language: str | None = None
    """The language the name is in, when only an article in that language names the entity so."""


@dataclass(frozen=True)
class Suggestion:
    """An entity found in the text, with the names it was found under."""

    kind: str
    id: str
    mentions: Counter[str]
    first: int

    @property
    def count(self) -> int:
        return sum(self.mentions.values())


@dataclass(frozen=True)
class Findings:
    """What the text names: known entities per kind, and new names."""

    suggestions: dict[str, list[Suggestion]] = field(default_factory=dict)
    new_names: list[tuple[str, int]] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    """The spans of the text that registry names cover, so new names are looked for elsewhere."""


def registry_names(content_dir: Path) -> list[Name]:
    """Return every name of every valid registry entry, and Babel's names of all countries."""
    documents, _ = read_content(content_dir) if content_dir.is_dir() else ([], [])
    entries = [document for document in documents if document.kind != ARTICLE.folder]
    records, _ = validate_documents([document for document in entries if not is_draft(document)])
    names = [name for document in entries if is_draft(document) for name in _draft_names(document)]
    for item in records:
        record, kind = item.record, item.document.kind
        if isinstance(record, Country):
            names += [Name(kind, record.code, alias) for alias in record.aliases]
        elif isinstance(record, Organisation | Initiative):
            texts = [record.name, record.short_name, *record.aliases]
            names += [Name(kind, item.document.stem, text) for text in texts if text]
        elif isinstance(record, Person):
            names += [Name(kind, item.document.stem, text) for text in [record.name, *record.aliases]]
    names += [Name(COUNTRY.folder, code, text, language) for code, text, language in _country_words()]
    return names


def _draft_names(document: SourceDocument) -> list[Name]:
    """The names of an entry still a draft: it need not be valid yet, but a new mention is of it."""
    meta = document.meta
    texts = [meta.get("name"), meta.get("short_name"), *(meta.get("aliases") or [])]
    return [Name(document.kind, document.stem, text) for text in texts if isinstance(text, str) and text.strip()]


def find_entities(text: str, names: list[Name], language: str | None = None) -> Findings:
    """Find every name in `text`; report each entity once, most mentioned first.

    A name in French or English only is looked for in an article in that language: the
    "Réunion de haut niveau" of a French article is a meeting, not the island, whose
    English name it is.
    """
    folded, lowered = fold(text), fold_lower(text)
    matches: list[tuple[int, int, Name]] = []
    for name in names:
        if name.language and language in _COUNTRY_LANGUAGES and name.language != language:
            continue
        pattern, case_sensitive, first_word = _pattern(name.text)
        searched = folded if case_sensitive else lowered
        if first_word not in searched:  # most names are absent: a substring search rules them out at C speed
            continue
        matches += [
            (match.start(), match.end(), name)
            for match in pattern.finditer(searched)
            if not (name.kind in _PROPER_NAMES and name.text[0].isupper() and not text[match.start()].isupper())
            and not (name.kind == COUNTRY.folder and _in_currency(lowered, match.start(), match.end()))
        ]
    taken: list[tuple[int, int]] = []
    covered = Spans(len(text))  # a long capture has thousands of matches: no pairwise overlap test
    mentions: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    for start, end, name in sorted(matches, key=lambda match: (match[0] - match[1], match[0])):
        if covered.overlaps(start, end):
            continue
        taken.append((start, end))
        covered.add(start, end)
        key = (name.kind, name.id)
        mentions[key][" ".join(text[start:end].split())] += 1
        first[key] = min(first.get(key, start), start)
    found = [Suggestion(kind, id_, mentions[kind, id_], first[kind, id_]) for kind, id_ in mentions]
    ranked = sorted(found, key=lambda suggestion: (-suggestion.count, suggestion.first))
    return Findings(
        suggestions={kind.folder: [s for s in ranked if s.kind == kind.folder] for kind in REGISTRIES},
        new_names=find_new_names(text, taken),
        taken=taken,
    )


_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b")
_CURRENCY_BEFORE = re.compile(r"\b(?:dollars?|cents?)\s*$")


def _in_currency(lowered: str, start: int, end: int) -> bool:
    """ "U.S. dollars", "dollars américains": a currency, not the country."""
    return bool(_CURRENCY_AFTER.match(lowered, end) or _CURRENCY_BEFORE.search(lowered[max(0, start - 12) : start]))


@cache
def _pattern(alias: str) -> tuple[re.Pattern[str], bool, str]:
    """Compile an alias; acronyms and names of three letters or fewer keep their case. Also return its first word."""
    folded = fold(alias.strip())
    case_sensitive = len(folded) <= 3 or folded.isupper()
    words = (folded if case_sensitive else folded.lower()).split()
    body = r"\s+".join(re.escape(word) for word in words)
    plural = "s?" if alias.islower() else ""
    return re.compile(rf"(?<!\w){body}{plural}(?!\w)"), case_sensitive, words[0] if words else ""


_COUNTRY_LANGUAGES = ("fr", "en")


@cache
def _country_words() -> tuple[tuple[str, str, str | None], ...]:
    """Every ISO 3166-1 country's French and English names (Babel) and adjectives (demonyms.py).

    Each comes with its language, or None when both languages write it alike ("Canada").
    """
    french, english = Locale("fr").territories, Locale("en").territories
    words: list[tuple[str, str, str | None]] = []
    for country in pycountry.countries:
        code = country.alpha_2
        in_french = [name for name in (french.get(code),) if name] + list(FRENCH.get(code, ()))
        in_english = [name for name in (english.get(code),) if name] + list(ENGLISH.get(code, ()))
        for text in dict.fromkeys([*in_french, *in_english]):
            both = text in in_french and text in in_english
            words.append((code, text, None if both else "fr" if text in in_french else "en"))
    return tuple(words)
