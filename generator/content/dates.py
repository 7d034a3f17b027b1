"""Partial dates: the precision the sources give, no more.

Articles often report an event by its month ("au mois de juillet") or only its year. A
`PartialDate` keeps that precision so a page never shows an invented day, sorts
chronologically with full dates, and is formatted in French by Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, format_skeleton
from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
EXPECTED = "a date written YYYY-MM-DD, YYYY-MM or YYYY"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month of a year, or a full day; orders as the earliest day it covers."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept what YAML gives for `2025-08-11`, `2025-08` and `2025`."""
        if isinstance(value, dt.datetime):
            raise ValueError(f"expected {EXPECTED}, got a date with a time")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError(f"expected {EXPECTED}, got {describe(value)}")
        match = _PATTERN.match(str(value).strip())
        if not match:
            raise ValueError(f"expected {EXPECTED}, got {str(value)!r}")
        year, month, day = (int(match[part] or 0) for part in ("year", "month", "day"))
        if month and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist in {value!r}")
        if day:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a day of the calendar") from None
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """The date's order as a plain tuple: sorting 10,000 articles by it compares in C,
        where the dataclass's own comparisons are Python calls."""
        return (self.year, self.month, self.day)

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year only."""
        return 1 + bool(self.month) + bool(self.day)

    @property
    def iso(self) -> str:
        """Return the date as written in the records: 2025, 2025-07 or 2025-07-26."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def french(self) -> str:
        """Return the date in French at its own precision: "12 août 2025", "juillet 2025"."""
        if self.day:
            return french_date(dt.date(self.year, self.month, self.day))
        if self.month:
            return format_skeleton("yMMMM", dt.date(self.year, self.month, 1), locale="fr")
        return str(self.year)

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: object) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            try:
                return cls.parse(value)
            except ValueError as error:
                raise PydanticCustomError("partial_date", str(error)) from None

        return core_schema.no_info_plain_validator_function(validate, serialization=core_schema.to_string_ser_schema())


def describe(value: object) -> str:
    """Name the kind of a YAML value in an editor's words, not Python's."""
    kinds = {
        dict: "a mapping (field: value lines)",
        list: "a list",
        str: "text",
        int: "a whole number",
        float: "a decimal number",
        bool: "true/false",
    }
    return kinds.get(type(value), type(value).__name__)


def french_date(value: dt.date) -> str:
    """Format a full date in French: "23 novembre 2026", and "1er mai 2024" as French writes it."""
    text = format_date(value, "d MMMM y", locale="fr")
    return "1er" + text[1:] if value.day == 1 else text


def first_day(value: PartialDate) -> dt.date:
    """Return the first day a partial date covers: 2025-07 -> 1 July 2025, 2025 -> 1 January 2025.

    Feeds and data need a full date; the first day is the rule `PartialDate` already sorts by.
    """
    return dt.date(value.year, value.month or 1, value.day or 1)


def french_on(value: PartialDate) -> str:
    """Say when, at the date's own precision: "le 12 août 2025", "en juillet 2025", "en 2025"."""
    return ("le " if value.day else "en ") + value.french()
