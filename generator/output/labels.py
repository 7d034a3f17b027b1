"""French wording: the enumerations' labels, and country and language names from Babel."""

from __future__ import annotations

from babel import Locale

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

QUALIFIER_LABELS: dict[str, str] = {
    "more_than": "plus de",
    "about": "environ",
    "up_to": "jusqu’à",
    "less_than": "moins de",
}
