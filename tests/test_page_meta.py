"""Page front matter, written as JSON values, reads back as exactly the values given."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

from generator.output.front_matter import with_front_matter

HOSTILE = 'Un « été » \x85 NEL \x80 C1 \u2028 LS \u2029 PS "q" \\ x: y # z 😀 \t ---'


def test_hostile_values_read_back_unchanged_by_mkdocs() -> None:
    meta = {"description": HOSTILE, "feed": "flux/pays/kz.xml"}

    page = with_front_matter("# Titre\n\nCorps.\n", meta)
    body, read = get_data(page)

    assert read == meta
    assert body.strip() == "# Titre\n\nCorps."


def test_a_template_s_own_front_matter_is_merged_and_wins() -> None:
    page = with_front_matter('---\ntags:\n- "a: b"\n- c\n---\n\n# T\n', {"description": "d", "tags": ["x"]})

    assert page.startswith('---\ndescription: "d"\ntags: ["a: b", "c"]\n---\n\n# T\n')
    assert get_data(page)[1] == {"description": "d", "tags": ["a: b", "c"]}
