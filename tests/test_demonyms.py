"""The adjectives by which articles name countries (generator/editors/ingest/demonyms.py).

The lists are hand-kept, so they are held to what their docstring promises: real ISO
codes, French adjectives in lower case and English ones capitalised, no adjective for two
countries, none that is another country's name. Then what they are for: ingest finds a
country named only by its adjective, in French (singular or plural, masculine or feminine)
and in English, and leaves out an adjective two countries share.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
from babel import Locale

from generator.editors.ingest.demonyms import ENGLISH, FRENCH
from generator.editors.ingest.entities import find_entities, registry_names
from generator.editors.ingest.folding import fold_lower

CLDR_GAPS = {"Moldova", "Saint-Siège"}
"""Names French texts use that CLDR lacks: capitalised, kept beside the adjectives."""


@pytest.mark.parametrize("table", [FRENCH, ENGLISH], ids=["french", "english"])
def test_every_key_is_an_iso_3166_code(table: dict[str, tuple[str, ...]]) -> None:
    assert [code for code in table if pycountry.countries.get(alpha_2=code) is None] == []


def test_french_adjectives_are_lower_case_and_english_ones_capitalised() -> None:
    french = [word for words in FRENCH.values() for word in words if word not in CLDR_GAPS]
    english = [word for words in ENGLISH.values() for word in words]
    assert [word for word in french if word != word.lower()] == []
    assert [word for word in english if not word[0].isupper()] == []


def test_no_adjective_names_two_countries() -> None:
    owners: dict[str, set[str]] = {}
    for table in (FRENCH, ENGLISH):
        for code, words in table.items():
            for word in words:
                owners.setdefault(fold_lower(word), set()).add(code)
    assert {word: codes for word, codes in owners.items() if len(codes) > 1} == {}


def test_no_adjective_is_another_countrys_name() -> None:
    names = {
        fold_lower(name): code
        for language in ("fr", "en")
        for code, name in Locale(language).territories.items()
        if len(code) == 2 and code.isalpha()
    }
    clashes = {
        word: (code, names[fold_lower(word)])
        for table in (FRENCH, ENGLISH)
        for code, words in table.items()
        for word in words
        if names.get(fold_lower(word), code) != code
    }
    assert clashes == {}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Le Premier ministre indien a reçu son homologue.", "fr", ["IN"]),
        ("Les diplomates russes et la délégation japonaise ont signé.", "fr", ["RU", "JP"]),  # plural, feminine
        ("Les chercheurs néo-zélandais et le ministre kazakhstanais ont parlé.", "fr", ["NZ", "KZ"]),
        ("Russian President Vladimir Putin met the Spanish Prime Minister.", "en", ["RU", "ES"]),
        ("A Costa Rican diplomat co-facilitated the talks with Emirati officials.", "en", ["CR", "AE"]),
        ("Korean and Congolese officials attended.", "en", []),  # each names two countries
        ("Le budget atteint 5 milliards de dollars américains.", "fr", []),  # a currency
    ],
)
def test_ingest_finds_a_country_by_its_adjective(text: str, language: str, expected: list[str], tmp_path: Path) -> None:
    names = registry_names(tmp_path / "content")  # no registry: Babel's names and the adjectives only
    found = find_entities(text, names, language).suggestions["countries"]
    assert sorted(suggestion.id for suggestion in found) == sorted(expected)
