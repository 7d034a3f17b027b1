"""Material for MkDocs' upgrade surface: what site_config/overrides/ copies or replaces is still what
Material ships.

site_config/overrides-upstream.toml records the sha256 of each Material original our overrides
were made from. When an upgrade of Material changes one, these tests name it, so the copy is
compared with the new original before the site silently keeps an outdated header or drops
what a block gained.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

import material
import pytest

from tests.conftest import ROOT

OVERRIDES = ROOT / "site_config" / "overrides"
RECORD_PATH = ROOT / "site_config" / "overrides-upstream.toml"
RECORD: dict[str, Any] = tomllib.loads(RECORD_PATH.read_text(encoding="utf-8"))
MATERIAL = Path(material.__file__).parent / "templates"
UPDATE = f"compare and update (then the sha256 in {RECORD_PATH.relative_to(ROOT)})"

TAG = re.compile(r"\{%-?\s*(?:block\s+(?P<block>\w+)|endblock(?:\s+\w+)?)\s*-?%\}")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def blocks(template: str) -> dict[str, str]:
    """Every block of a Jinja template: its name → its text from `{% block %}` to its `{% endblock %}`."""
    found: dict[str, str] = {}
    opened: list[tuple[str, int]] = []
    for tag in TAG.finditer(template):
        if tag["block"]:
            opened.append((tag["block"], tag.start()))
        else:
            name, start = opened.pop()
            found[name] = template[start : tag.end()]
    assert not opened, f"unclosed blocks: {opened}"
    return found


def inside(block: str) -> str:
    """A block's text without its own `{% block %}` and `{% endblock %}` tags."""
    return block[TAG.match(block).end() : block.rindex("{%")]  # type: ignore[union-attr]


@pytest.mark.parametrize("copied", RECORD["copied"], ids=lambda entry: entry["file"])
def test_each_copied_partial_is_still_materials(copied: dict[str, str]) -> None:
    original = MATERIAL / copied["file"]
    assert original.is_file(), f"Material no longer has {copied['file']}: our copy in site_config/overrides is orphaned"
    assert sha256(original.read_bytes()) == copied["sha256"], (
        f"Material's {copied['file']} changed since the copy in site_config/overrides was made: {UPDATE}"
    )


@pytest.mark.parametrize("replaced", RECORD["replaced"], ids=lambda entry: entry["file"])
def test_each_replaced_template_is_still_materials(replaced: dict[str, str]) -> None:
    original = MATERIAL / replaced["file"]
    assert original.is_file(), (
        f"Material no longer has {replaced['file']}: ours in site_config/overrides replaces nothing"
    )
    assert sha256(original.read_bytes()) == replaced["sha256"], (
        f"Material's {replaced['file']} changed since site_config/overrides/{replaced['file']} replaced it: {UPDATE}"
    )


@pytest.mark.parametrize("overridden", RECORD["overridden"], ids=lambda entry: f"{entry['template']}#{entry['block']}")
def test_each_overridden_block_is_still_materials(overridden: dict[str, str]) -> None:
    template, block = overridden["template"], overridden["block"]
    original = blocks((MATERIAL / template).read_text(encoding="utf-8")).get(block)
    assert original is not None, (
        f"Material's {template} no longer has a block {block}: {overridden['in']} overrides nothing"
    )
    assert sha256(original.encode("utf-8")) == overridden["sha256"], (
        f"Material's {template} block {block} changed since site_config/overrides/{overridden['in']} "
        f"overrode it: {UPDATE}"
    )


def test_every_override_of_a_material_template_is_recorded() -> None:
    """A template in overrides/ with Material's path shadows Material's: it is a copy or a replacement."""
    shadowing = sorted(
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if (MATERIAL / path.relative_to(OVERRIDES)).is_file()
    )
    recorded = sorted(entry["file"] for entry in [*RECORD["copied"], *RECORD["replaced"]])
    assert shadowing == recorded


def test_every_block_main_html_takes_over_from_base_html_is_recorded() -> None:
    """A block main.html overrides without calling super() drops what Material's block holds, unless it is empty."""
    base = blocks((MATERIAL / "base.html").read_text(encoding="utf-8"))
    ours = blocks((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    taken_over = sorted(
        name for name, text in ours.items() if "super()" not in text and name in base and inside(base[name]).strip()
    )
    recorded = sorted(entry["block"] for entry in RECORD["overridden"] if entry["in"] == "main.html")
    assert taken_over == recorded


def test_material_is_pinned_to_the_version_the_record_was_made_from() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = f"mkdocs-material=={RECORD['material']}"
    assert wanted in pyproject["project"]["dependencies"]
    assert wanted in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
