"""The positions page: who stands where, as a matrix of actors and initiatives.

At 10,000 articles there are hundreds of actors and initiatives; the full matrix would be
75,000 cells, most of them empty. The page keeps the most discussed initiatives and the
actors most active on them, and says how large the full matrix would be; each briefing
lists its own stances in full.
"""

from __future__ import annotations

from collections import Counter

from generator.linked.model import Entity, PositionMatrix, Site, Stance, by_name, group_stances, role_rank

MATRIX_INITIATIVES = 6
MATRIX_ACTORS = 20
"""The positions matrix keeps the most discussed initiatives and the most active actors."""


def top_matrix(site: Site) -> tuple[PositionMatrix, dict[str, int]]:
    """The positions matrix, kept to the initiatives with the most actors and the busiest actors on them.

    Returns the matrix and how many initiatives and actors the full one would have. A
    matrix within the limits is the whole one; a larger one is never built.
    """
    stances = group_stances(sorted(site.positions, key=role_rank))
    cells: dict[tuple[Entity, Entity], list[Stance]] = {}
    for stance in stances:
        cells.setdefault((stance.actor, stance.initiative), []).append(stance)
    actors, initiatives = by_name({actor for actor, _ in cells}), by_name({initiative for _, initiative in cells})
    totals = {"initiatives": len(initiatives), "actors": len(actors)}
    if len(initiatives) > MATRIX_INITIATIVES or len(actors) > MATRIX_ACTORS:
        reach = Counter(initiative for _, initiative in cells)
        kept = set(sorted(initiatives, key=lambda initiative: -reach[initiative])[:MATRIX_INITIATIVES])
        initiatives = [initiative for initiative in initiatives if initiative in kept]
        activity = Counter(actor for actor, initiative in cells if initiative in kept)
        busiest = set(sorted(activity, key=lambda actor: (-activity[actor], actors.index(actor)))[:MATRIX_ACTORS])
        actors = [actor for actor in actors if actor in busiest]
    rows = [(actor, [cells.get((actor, initiative), []) for initiative in initiatives]) for actor in actors]
    return PositionMatrix(initiatives, rows), totals
