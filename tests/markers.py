"""The markers that keep `make test-fast` fast, and the check that a test carries the one it needs.

`make test-fast` leaves out the tests marked `browser`, `build` or `serve` (pyproject.toml).
A test that builds a site or drives Chromium without its marker would slow that run down
unseen, so `mkdocs_build`, the `browser` fixture and the `mkdocs serve` helper call
`require_marker`, and conftest's collection hook checks the fixtures each test uses.

This module holds the running test for both conftest (its hooks) and the test modules:
pytest imports conftest.py as `conftest`, the tests import it as `tests.conftest`, two
module objects that would not share a variable.
"""

from __future__ import annotations

import pytest

_running: list[pytest.Item] = []
"""The test being set up or run; set before its fixtures are, so a session fixture's build counts for it."""


def note_running(item: pytest.Item) -> None:
    _running[:] = [item]


def require_marker(marker: str, what: str) -> None:
    """Fail the running test unless it is marked `marker`."""
    if _running and _running[0].get_closest_marker(marker) is None:
        pytest.fail(
            f"{_running[0].nodeid} {what} but is not marked @pytest.mark.{marker}: mark it, "
            "or `make test-fast` runs it",
            pytrace=False,
        )
