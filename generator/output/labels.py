"""French wording: the enumerations' labels, and country and language names from Babel."""

from __future__ import annotations

import functools

from babel import Locale
from babel.core import get_global

from generator.content.schema import Role, Status

_FRENCH = Locale.parse("fr")


def country_name(code: str) -> str:
    """Name a country in French from its ISO code: "KZ" -> "Kazakhstan"."""
    return str(_FRENCH.territories.get(code, code))


def language_name(code: str) -> str:
    """Name a language in French: "fr" -> "français"; unknown codes stay as given."""
    return str(_FRENCH.languages.get(code.replace("-", "_"), code))


ROLE_LABELS: dict[Role, str] = {
    Role.proposes: "propose",
    Role.supports: "soutient",
    Role.joins: "rejoint",
    Role.signs: "signe",
    Role.hosts: "accueille",
    Role.opposes: "s’oppose",
}

STATUS_LABELS: dict[Status, str] = {
    Status.proposed: "proposée",
    Status.in_preparation: "en préparation",
    Status.adopted: "adoptée",
    Status.in_force: "en vigueur",
    Status.ongoing: "en cours",
    Status.abandoned: "abandonnée",
}

ROLE_SYMBOLS: dict[Role, str] = {
    Role.proposes: "★",
    Role.hosts: "⌂",
    Role.signs: "✎",
    Role.joins: "+",
    Role.supports: "✓",
    Role.opposes: "✗",
}
"""A sign for each role beside its label, so a matrix cell or a map legend never tells a role by colour alone."""

_CONTINENTS = {
    "Africa": "Afrique",
    "America": "Amériques",
    "Asia": "Asie",
    "Atlantic": "Europe",
    "Australia": "Océanie",
    "Europe": "Europe",
    "Indian": "Afrique",
    "Pacific": "Océanie",
}
ORGANISATIONS_REGION = "Organisations internationales"


@functools.lru_cache(maxsize=512)
def region_name(code: str) -> str:
    """The continent of a country, in French, for the positions page's region filter.

    CLDR (through Babel) has no continents, but it has time zones named by continent:
    a country's first zone ("Asia/Almaty", "Europe/Astrakhan") says where it lies, well
    enough to narrow a list of actors. A code without a zone is "Autres".
    """
    zones = get_global("territory_zones").get(code.upper(), [])
    return _CONTINENTS.get(zones[0].split("/")[0], "Autres") if zones else "Autres"


QUALIFIER_LABELS: dict[str, str] = {
    "more_than": "plus de",
    "about": "environ",
    "up_to": "jusqu’à",
    "less_than": "moins de",
}
