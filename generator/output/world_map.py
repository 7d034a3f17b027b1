"""The world map of an initiative: each country shaded by its role, drawn at build time as SVG.

Boundaries are Natural Earth's 1:110m admin-0 countries as the npm package `world-atlas`
ships them (TopoJSON, pinned in package.json and installed by `make` beside Pagefind):
the small scale is already simplified for a world map, so the whole map is about 25 KB
gzipped. The shapes are projected once per process with the Natural Earth projection and
written as relative path commands with whole-number coordinates.

The map is its own file (`cartes/<initiative>.svg`, rendered from `map.svg.j2`), shown by
an `<object>` so its links work, and referenced from the initiative's page and the
positions page: the page stays small at 10,000 articles, and the table of stances beside
it is its text alternative. `map_countries` reads the model through the environment's
`getattr` like every helper, so the live preview knows which records a map depends on.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
from jinja2 import pass_context
from jinja2.runtime import Context

from generator.content.errors import ContentError, Problem
from generator.content.schema import Role
from generator.linked.model import Entity
from generator.output.helpers import href

ROOT = Path(__file__).resolve().parents[2]
WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
"""Natural Earth 1:110m countries, from the npm package world-atlas (package.json)."""
WIDTH = 960
"""The map's width in SVG units; its height follows from the projection."""
ANTARCTICA = "010"
"""ISO 3166-1 numeric code left off the map: no actor there, and it takes a fifth of the height."""


@dataclass(frozen=True)
class Shape:
    """A country's outline as an SVG path, in the map's coordinates."""

    numeric: str
    path: str


@dataclass(frozen=True)
class World:
    """Every country's shape, by ISO 3166-1 numeric code, and the map's height."""

    shapes: dict[str, Shape]
    height: int


@dataclass(frozen=True)
class MapCountry:
    """A country with a role on the initiative: its shape, link and label."""

    name: str
    role: Role
    href: str
    path: str


def map_page(initiative: Entity) -> str:
    """The map's file in the docs folder: `cartes/organisation-mondiale-cooperation-ia.svg`."""
    return f"cartes/{initiative.id}.svg"


def has_map(initiative: Entity) -> bool:
    """Whether an initiative has a country with a role drawn on the map, hence a map file.

    pages/specs.py asks when listing the pages; a template asks `map_countries`, which
    gives the same answer through the environment.
    """
    shapes = world().shapes
    return any(stance.actor.kind == "country" and _numeric(stance.actor.id) in shapes for stance in initiative.stances)


@pass_context
def map_countries(context: Context, initiative: Entity) -> list[MapCountry]:
    """The countries with a role on `initiative`, by French name, each with its first role in Role order."""
    getattr_ = context.environment.getattr
    roles: dict[Entity, Role] = {}
    order = list(Role)
    for stance in getattr_(initiative, "stances"):
        actor = stance.actor
        if getattr_(actor, "kind") != "country":
            continue  # organisations are not drawn: no record says which member states they stand for
        if actor not in roles or order.index(stance.role) < order.index(roles[actor]):
            roles[actor] = stance.role
    shapes = world().shapes
    found = []
    for actor, role in roles.items():
        shape = shapes.get(_numeric(getattr_(actor, "id")))
        if shape is not None:  # a country too small for 1:110m (Singapore) stays in the table only
            found.append(MapCountry(getattr_(actor, "name"), role, href(context, actor), shape.path))
    return sorted(found, key=lambda country: country.name)


def background(drawn: list[MapCountry]) -> list[str]:
    """The paths of every other country, drawn in grey under the linked ones."""
    taken = {country.path for country in drawn}
    return [shape.path for shape in world().shapes.values() if shape.path not in taken]


def map_height() -> int:
    return world().height


@functools.lru_cache(maxsize=256)
def _numeric(alpha_2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha_2.upper())
    return str(country.numeric) if country else ""


@functools.cache
def world() -> World:
    """Read, decode and project the boundaries once per process."""
    try:
        topology = json.loads(WORLD_ATLAS.read_text(encoding="utf-8"))
    except OSError as error:
        problem = (
            f"the map boundaries cannot be read ({error.strerror}); expected the npm package world-atlas: run make"
        )
        raise ContentError([Problem(str(WORLD_ATLAS), 0, "", problem)]) from None
    arcs = _decoded_arcs(topology)
    scale, top = _projection_frame()
    shapes: dict[str, Shape] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric is None or numeric == ANTARCTICA or geometry.get("type") is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        shapes[numeric] = Shape(numeric, "".join(_path(ring, scale, top) for ring in rings))
    return World(dict(sorted(shapes.items())), math.ceil((top - _project(0, -58)[1]) * scale))


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as longitude and latitude pairs."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """Join a ring's arcs (a negative index is arc ~i reversed), dropping the point two arcs share."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return _unwrapped(points)


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's east, Fiji), kept on one side of it.

    Natural Earth's rings are on the sphere; drawn flat, a jump from 179° to -179° would
    streak across the whole map. Longitudes are made continuous instead, and the ring is put
    on the side where most of it lies; the few degrees past the edge fall outside the
    drawing, which clips them.
    """
    shift = 0.0
    unwrapped = [ring[0]] if ring else []
    for (previous, _), (longitude, latitude) in zip(ring, ring[1:], strict=False):
        if longitude - previous > 180:
            shift -= 360
        elif previous - longitude > 180:
            shift += 360
        unwrapped.append((longitude + shift, latitude))
    mean = sum(longitude for longitude, _ in unwrapped) / max(len(unwrapped), 1)
    offset = -360.0 if mean > 180 else 360.0 if mean < -180 else 0.0
    return [(longitude + offset, latitude) for longitude, latitude in unwrapped]


def _projection_frame() -> tuple[float, float]:
    """Scale and top offset putting longitudes -180..180 across WIDTH and latitude 84 at the top."""
    scale = WIDTH / (2 * _project(180, 0)[0])
    return scale, _project(0, 84)[1]


def _project(longitude: float, latitude: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič et al. 2011), as d3-geo's geoNaturalEarth1Raw."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _path(ring: list[tuple[float, float]], scale: float, top: float) -> str:
    """One closed ring as `M x y l dx dy … z` in whole units; points that round together are dropped."""
    half = WIDTH / 2
    points: list[tuple[int, int]] = []
    for longitude, latitude in ring:
        x, y = _project(longitude, latitude)
        point = (round(half + x * scale), round((top - y) * scale))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) < 3:
        return ""
    steps = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:], strict=False))
    return f"M{points[0][0]} {points[0][1]}l{steps}z"
