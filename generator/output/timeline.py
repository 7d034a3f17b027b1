"""A briefing's timeline: its dated stances and events on a time axis, drawn as inline SVG.

A date keeps the precision the source gives (content/dates.py): "2025" covers the whole
year and "juillet 2025" the month, so such a date is drawn as a span from its first to its
last day, never as a dot on an invented day. Marks that would overlap are put on lanes
below each other. Each mark links to the article that reports it.

The helper reads the model through the environment's `getattr`, so the live preview knows
which records a timeline depends on (see helpers.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from jinja2 import pass_context
from jinja2.runtime import Context

from generator.content.dates import PartialDate, first_day
from generator.linked.model import Entity
from generator.output.helpers import format_any_date, href
from generator.output.labels import ROLE_LABELS

WIDTH = 480
"""The drawing's width in SVG units; it is scaled to the column's width."""
LEFT = 70
"""Room for the rows' names."""
LANE = 16
"""Height of one lane of marks."""
GAP = 6
"""The least room between two marks on one lane."""
DOT = 5
"""Radius of a mark for a day."""


@dataclass(frozen=True)
class Mark:
    """One dated stance or event: where it is drawn, and what it links to."""

    x: float
    width: float
    """0 for a day (a dot); the span of a month or a year otherwise."""
    y: float
    href: str
    label: str
    css: str
    """`role-<role>` for a stance, `event` for an event or a publication."""


@dataclass(frozen=True)
class Row:
    name: str
    y: float


@dataclass(frozen=True)
class Timeline:
    marks: list[Mark]
    rows: list[Row]
    ticks: list[float]
    """Where each year starts on the axis, and where the last one ends."""
    years: list[tuple[float, str]]
    """Each year's label, at the middle of its stretch of the axis."""
    height: float
    axis_y: float
    width: int = WIDTH
    left: int = LEFT


@dataclass(frozen=True)
class _Dated:
    date: PartialDate
    href: str
    label: str
    css: str


@pass_context
def timeline(context: Context, entity: Entity, entries: int) -> Timeline | None:
    """The timeline of `entity`'s first `entries` dated stances and latest chronology lines; None under two marks.

    Only a few, in the briefing's order (newest first): at 10,000 articles a busy country has
    hundreds of stances, and drawing them all made its page 185 KB of SVG; the briefing's lists
    and full chronology have the rest.
    """
    getattr_ = context.environment.getattr
    stances: list[_Dated] = []
    for stance in getattr_(entity, "stances"):
        if stance.date is None:
            continue
        if len(stances) == entries:
            break
        actor, initiative = getattr_(stance.actor, "name"), getattr_(stance.initiative, "name")
        label = f"{format_any_date(stance.date)} : {actor} {ROLE_LABELS[stance.role]} {initiative}"
        stances.append(_Dated(stance.date, href(context, stance.articles[0]), label, f"role-{stance.role.value}"))
    events = []
    for entry in getattr_(entity, "chronology")[:entries]:
        what = entry.event.name if entry.event else getattr_(entry.article, "record").title
        events.append(
            _Dated(entry.date, href(context, entry.article), f"{format_any_date(entry.date)} : {what}", "event")
        )
    if len(stances) + len(events) < 2:
        return None
    everything = stances + events
    start = dt.date(min(item.date.year for item in everything), 1, 1)
    end = dt.date(max(item.date.year for item in everything) + 1, 1, 1)
    scale = (WIDTH - LEFT - DOT * 2) / (end - start).days

    def at(day: dt.date) -> float:
        return round(LEFT + DOT + (day - start).days * scale, 1)

    marks: list[Mark] = []
    rows: list[Row] = []
    top = 4.0
    for name, items in (("Positions", stances), ("Faits", events)):
        if not items:
            continue
        lanes: list[float] = []  # where each lane's last mark ends
        placed = []
        for item in sorted(items, key=lambda item: item.date.sort_key):
            x0, x1 = at(first_day(item.date)), at(last_day(item.date))
            left, right = (x0 - DOT, x0 + DOT) if item.date.precision == 3 else (x0, x1)
            lane = next((index for index, end_x in enumerate(lanes) if end_x + GAP <= left), len(lanes))
            lanes[lane : lane + 1] = [right]
            placed.append((item, lane, x0, 0.0 if item.date.precision == 3 else max(x1 - x0, 2 * DOT)))
        rows.append(Row(name, top + LANE / 2))
        marks += [
            Mark(x, width, top + lane * LANE + LANE / 2, item.href, item.label, item.css)
            for item, lane, x, width in placed
        ]
        top += len(lanes) * LANE + 8
    ticks = [at(dt.date(year, 1, 1)) for year in range(start.year, end.year + 1)]
    years = [
        (round((left + right) / 2, 1), str(start.year + index))
        for index, (left, right) in enumerate(zip(ticks, ticks[1:], strict=False))
    ]
    return Timeline(marks, rows, ticks, years, top + 22, top + 2)


def last_day(value: PartialDate) -> dt.date:
    """The last day a partial date covers: 2025-07 -> 31 July 2025, 2025 -> 31 December 2025."""
    if value.day:
        return dt.date(value.year, value.month, value.day)
    if value.month:
        return dt.date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return dt.date(value.year, 12, 31)
