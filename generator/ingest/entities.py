"""Find the registries' countries, organisations, initiatives and people in an article.

Every name an entry answers to is searched for: its name, short name and aliases (which
hold adjectives such as "kazakh" or "sud-coréen"), and for countries the French and
English names Babel gives. Babel also names the countries that have no entry yet, so a
mention of "Japon" is reported as a registry entry to create rather than lost. Matching
ignores accents and, except for acronyms and other short names ("US", "Xi"), case;
lowercase adjectives also match their plural. Where names overlap the longest wins, so
"Conférence des Nations unies sur le commerce et le développement" is UNCTAD, not the UN.

Runs of capitalised words (and acronyms) that match nothing are listed as new names for
the editor: a person, a body or a programme the registries do not know yet.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

from generator.read import read_content
from generator.schema import Country, Initiative, Organisation, Person
from generator.validate import validate_documents

KINDS = ("countries", "organisations", "initiatives", "people")
_NEW_NAME = re.compile(
    r"(?<![\w'’-])(?:[A-ZÀ-ÖØ-Þ][\w-]*\w(?:\s+(?:(?:de|du|des|of|the|for|on|pour|sur)\s+(?:la\s+|l['’])?)?"
    r"[A-ZÀ-ÖØ-Þ][\w-]*\w)+|[A-Z]{3,8}\b)"
)


def _fold(text: str) -> str:
    """Drop accents and unify apostrophes and hyphens, keeping every character's position."""
    return "".join(_fold_character(character) for character in text)


@cache
def _fold_character(character: str) -> str:
    if character in "’‘ʼ´`":
        return "'"
    if character in "‐‑‒–":
        return "-"
    base = unicodedata.normalize("NFD", character)[0]
    return base if base.lower() != base or base.upper() != base or base.isalnum() else character


def _folded_words(words: str) -> frozenset[str]:
    return frozenset(_fold(word).lower() for word in words.split())


_PROPER_NAMES = ("countries", "people")
"""Kinds whose capitalised names only match capitalised text: "Réunion" is not "réunion"."""
_LEADING_WORDS = _folded_words(
    """a an and at but by for from in on the this that these le la les l un une des du de en et dans par pour
    selon lors après avant mais cette ce ces son sa ses leur leurs il elle ils elles m mme mr mrs ms dr président
    présidente premier première ministre vice-ministre president prime minister secretary general chef porte-parole
    monsieur madame sir lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday république republic"""
)
"""Words that start a sentence or a title rather than a name: "Selon Sun Weidong" is "Sun Weidong"."""
_INSTITUTION = re.compile(
    r"(?<![\w-])(?:Forum|Conférence|Sommet|Organisation|Agence|Conseil|Commission|Comité|Assemblée|Alliance|"
    r"Partenariat|Déclaration|Initiative|Programme|Pacte|Charte|Convention|Traité|Accord|Stratégie|Plan|Code|Fonds|"
    r"Banque|Institut|Réseau|Centre|Observatoire|Union|Association|Fédération|Office)(?![\w-])"
)
_INSTITUTION_MAX_WORDS = 9
_INSTITUTION_STOPS = _folded_words(
    """à a au aux et ou est sont était ont qui que dont dans avec lors par selon depuis pendant entre vers chez
    où ce cette ces il elle ils elles se s'est a-t-il"""
)
_INSTITUTION_CONNECTORS = _folded_words("de du des d' l' la le les sur pour en")


@dataclass(frozen=True)
class Name:
    """One name an entity answers to."""

    kind: str
    id: str
    text: str
    registered: bool = True


@dataclass(frozen=True)
class Suggestion:
    """An entity found in the text, with the names it was found under."""

    kind: str
    id: str
    mentions: Counter[str]
    first: int
    registered: bool

    @property
    def count(self) -> int:
        return sum(self.mentions.values())


@dataclass(frozen=True)
class Findings:
    """What the text names: known entities per kind, countries without an entry, new names."""

    suggestions: dict[str, list[Suggestion]] = field(default_factory=dict)
    unregistered_countries: list[Suggestion] = field(default_factory=list)
    new_names: list[tuple[str, int]] = field(default_factory=list)


def registry_names(content_dir: Path) -> list[Name]:
    """Return every name of every valid registry entry, and Babel's names of all countries."""
    documents, _ = read_content(content_dir) if content_dir.is_dir() else ([], [])
    records, _ = validate_documents([document for document in documents if document.kind != "articles"])
    names: list[Name] = []
    registered_codes: set[str] = set()
    for item in records:
        record, kind = item.record, item.document.kind
        if isinstance(record, Country):
            registered_codes.add(record.code)
            names += [Name(kind, record.code, alias) for alias in record.aliases]
        elif isinstance(record, Organisation | Initiative):
            texts = [record.name, record.short_name, *record.aliases]
            names += [Name(kind, item.document.stem, text) for text in texts if text]
        elif isinstance(record, Person):
            names += [Name(kind, item.document.stem, text) for text in [record.name, *record.aliases]]
    for code, country_names in _babel_country_names().items():
        names += [Name("countries", code, text, code in registered_codes) for text in country_names]
    return names


def find_entities(text: str, names: list[Name]) -> Findings:
    """Find every name in `text`; report each entity once, most mentioned first."""
    folded, lowered = _fold(text), _fold(text).lower()
    matches: list[tuple[int, int, Name]] = []
    for name in names:
        pattern, case_sensitive = _pattern(name.text)
        matches += [
            (match.start(), match.end(), name)
            for match in pattern.finditer(folded if case_sensitive else lowered)
            if not (name.kind in _PROPER_NAMES and name.text[0].isupper() and not text[match.start()].isupper())
        ]
    taken: list[tuple[int, int]] = []
    found: dict[tuple[str, str], Suggestion] = {}
    for start, end, name in sorted(matches, key=lambda match: (match[0] - match[1], match[0])):
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        key = (name.kind, name.id)
        suggestion = found.setdefault(key, Suggestion(name.kind, name.id, Counter(), start, name.registered))
        suggestion.mentions[" ".join(text[start:end].split())] += 1
        if start < suggestion.first:
            found[key] = Suggestion(name.kind, name.id, suggestion.mentions, start, name.registered)
    ranked = sorted(found.values(), key=lambda suggestion: (-suggestion.count, suggestion.first))
    return Findings(
        suggestions={kind: [s for s in ranked if s.kind == kind and s.registered] for kind in KINDS},
        unregistered_countries=[s for s in ranked if not s.registered],
        new_names=_new_names(text, taken),
    )


def _new_names(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Names that match no registry entry, most frequent first.

    Two shapes: runs of capitalised words ("Meridian Safety Network", "Cho Tae-yul") and
    acronyms, as English and personal names are written; and French institutional names,
    capitalised on their first word only ("la Conférence mondiale sur l'intelligence
    artificielle à Shanghai"), found by their head word in the middle of a sentence and
    read up to the next verb, preposition of place or punctuation. A candidate that starts
    inside a registry name is part of that name, not a new one.
    """
    found: dict[int, str] = {}
    for match in _NEW_NAME.finditer(text):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        words = match[0].split()
        while words and _fold(words[0].rstrip(".")).lower().strip("'") in _LEADING_WORDS:
            words = words[1:]
        while words and _fold(words[-1]).lower() in _LEADING_WORDS:
            words = words[:-1]
        if len(words) >= 2 or (len(words) == 1 and re.fullmatch(r"[A-Z]{3,8}", words[0])):
            found[match.start()] = " ".join(words)
    for match in _INSTITUTION.finditer(text):
        if match.start() in found or any(start <= match.start() < end for start, end in taken):
            continue
        words = _institution_words(text[match.start() :])
        if len(words) >= 2 and _mid_sentence(text, match.start()):
            found[match.start()] = " ".join(words)
    # One entry per name, however its apostrophes are typed and whether or not a year follows it.
    shown: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for _, name in sorted(found.items()):
        key = re.sub(r"\s+\d{4}$", "", _fold(name))
        shown.setdefault(key, re.sub(r"\s+\d{4}$", "", name))
        counts[key] += 1
    # Counter keeps first-mention order, and sorted() is stable: ties stay in text order.
    return [(shown[key], count) for key, count in sorted(counts.items(), key=lambda item: -item[1])]


def _mid_sentence(text: str, position: int) -> bool:
    """A capital after a lowercase word or an elision ("la Conférence", "l'Organisation")."""
    before = text[:position].rstrip()
    return bool(before) and (before[-1].islower() or before[-1] in "'’")


def _institution_words(text: str) -> list[str]:
    """The words of an institution's name: stop at punctuation, a verb or a preposition of place."""
    words: list[str] = []
    for word in text.split()[:_INSTITUTION_MAX_WORDS]:
        bare = word.rstrip('.,;:!?»)"')
        if _fold(bare).lower() in _INSTITUTION_STOPS or not bare:
            break
        words.append(bare)
        if bare != word:
            break
    while words and _fold(words[-1]).lower() in _INSTITUTION_CONNECTORS:
        words.pop()
    return words


@cache
def _pattern(alias: str) -> tuple[re.Pattern[str], bool]:
    """Compile an alias; acronyms and names of three letters or fewer keep their case."""
    folded = _fold(alias.strip())
    case_sensitive = len(folded) <= 3 or folded.isupper()
    body = r"\s+".join(re.escape(word) for word in (folded if case_sensitive else folded.lower()).split())
    plural = "s?" if alias.islower() else ""
    return re.compile(rf"(?<!\w){body}{plural}(?!\w)"), case_sensitive


@cache
def _babel_country_names() -> dict[str, tuple[str, ...]]:
    """French and English names of every ISO 3166-1 country, from Babel's locale data."""
    french, english = Locale("fr").territories, Locale("en").territories
    return {
        country.alpha_2: tuple(
            dict.fromkeys(name for name in (french.get(country.alpha_2), english.get(country.alpha_2)) if name)
        )
        for country in pycountry.countries
    }
