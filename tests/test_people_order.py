"""People are listed by family name, accents aside, as a French index lists them."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import load_site

PEOPLE = {
    "xi-jinping": ('"Xi Jinping"', '"Xi"'),
    "emmanuel-macron": ('"Emmanuel Macron"', None),
    "vera-jourova": ('"Věra Jourová"', None),
    "marija-pejcinovic-buric": ('"Marija Pejčinović Burić"', '"Pejčinović Burić"'),
    "antonio-guterres": ('"António Guterres"', None),
}


def test_people_sort_by_family_name_accents_aside(good_content: Path) -> None:
    for identifier, (name, family) in PEOPLE.items():
        family_line = f"family_name: {family}\n" if family else ""
        text = f'---\nname: {name}\n{family_line}role: "ministre"\ncountry: FR\n---\n'
        (good_content / "people" / f"{identifier}.md").write_text(text, encoding="utf-8")
    names = [person.name for person in load_site(good_content).people]
    assert names == [
        "António Guterres",
        "Věra Jourová",
        "Li Qiang",
        "Emmanuel Macron",
        "Marija Pejčinović Burić",
        "Kassym-Jomart Tokaïev",
        "Xi Jinping",
    ]
