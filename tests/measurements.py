"""Figures the tests measure (requests, bytes, accessibility and validator findings), printed at the end of the run.

Tests call `record`; conftest's `pytest_terminal_summary` prints every figure under
"measured by the tests", so each `make test` shows what the latest run measured.
"""

from __future__ import annotations

MEASURED: dict[str, dict[str, str]] = {}
"""Section → (what was measured → the figure), in the order tests ran."""


def record(section: str, subject: str, figure: str) -> None:
    """Keep one measured figure for the end-of-run summary."""
    MEASURED.setdefault(section, {})[subject] = figure


def summary_lines() -> list[str]:
    """The recorded figures, one line each, grouped by section."""
    lines = []
    for section, figures in MEASURED.items():
        lines.append(f"{section}:")
        width = max(len(subject) for subject in figures)
        lines.extend(f"  {subject.ljust(width)}  {figure}" for subject, figure in figures.items())
    return lines
