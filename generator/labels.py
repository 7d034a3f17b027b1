"""French wording of the enumerations, in one place for the templates."""

from __future__ import annotations

from generator.schema import Role, Status

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
