"""Names ingest lists for the editor: a name stays on its line, a name inside a longer one is not listed twice,
an institution's name holding "and" is one name, and a person's is drafted without the possessive after it."""

from __future__ import annotations

import pytest

from generator.editors.ingest.new_entries import find_new_entries
from generator.editors.ingest.new_names import find_new_names


def names(text: str) -> list[str]:
    return [name for name, _ in find_new_names(text, [])]


def test_a_headline_does_not_run_on_into_the_name_that_starts_the_next_line() -> None:
    text = "Global AI Governance Forum Opens\nMeridian Safety Network members met in Geneva."
    assert names(text) == ["Global AI Governance Forum Opens", "Meridian Safety Network"]


def test_a_french_institution_s_name_ends_with_its_line() -> None:
    text = "Selon le texte, la Commission mixte\nPrésident Tokayev a parlé."
    assert names(text) == ["Commission mixte"]


def test_an_institution_word_inside_a_capitalised_name_is_not_a_second_name() -> None:
    text = "He spoke at the UNESCO Regional Office for East Asia on Monday."
    assert names(text) == ["UNESCO Regional Office for East Asia"]


def test_an_institution_name_reaching_past_a_capitalised_one_is_kept() -> None:
    text = "It adopted the Action Plan for the China-ASEAN AI-Driven Sci-Tech Capacity Enhancement Initiative."
    assert "Plan for the China-ASEAN AI-Driven Sci-Tech Capacity Enhancement Initiative" in names(text)


def test_a_name_in_single_quotes_is_read_from_its_first_word() -> None:
    text = "88 countries endorse 'New Delhi Declaration on AI Impact', the release said."
    assert names(text) == ["New Delhi Declaration on AI Impact"]


def test_a_person_named_with_a_possessive_is_drafted_without_it() -> None:
    # 70 (ndtv.com): "Prime Minister Narendra Modi's visit" drafted a person "Narendra Modi's".
    entries = find_new_entries("following Prime Minister Narendra Modi's visit to China", [], [], "en")
    assert [(entry.kind, entry.name, entry.id) for entry in entries] == [("people", "Narendra Modi", "narendra-modi")]
    assert [entry.name for entry in find_new_entries("Minister Sean O'Brien said so.", [], [], "en")] == [
        "Sean O'Brien"
    ]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("the Ministry of Science and Technology said", ["Ministry of Science and Technology"]),
        ("the National Development and Reform Commission said", ["National Development and Reform Commission"]),
        ("part of the Belt and Road Initiative", ["Belt and Road Initiative"]),
        (
            "the Ministry of Artificial Intelligence and Digital Development, under",
            ["Ministry of Artificial Intelligence and Digital Development"],
        ),
        ("Pratik Mathur and Chen Jiachang met", ["Pratik Mathur", "Chen Jiachang"]),  # two people
        (
            "at the AI for Good Global Summit and World Summit on Monday",  # two whole names
            ["AI for Good Global Summit", "World Summit"],
        ),
    ],
)
def test_an_institution_s_name_holding_and_is_one_name(text: str, listed: list[str]) -> None:
    # Real captures drafted "Reform Commission", "Road Initiative", "Ministry of Science".
    assert names(text) == listed


def test_a_name_and_a_known_one_are_not_joined() -> None:
    text = "the Ministry of Foreign Affairs and China said"
    china = text.index("China")
    found = find_new_names(text, [(china, china + len("China"))])
    assert [name for name, _ in found] == ["Ministry of Foreign Affairs"]
