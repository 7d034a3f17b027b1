"""Problems found in the content, reported all together.

Every stage collects problems instead of raising at the first one, so an editor sees
everything that is wrong with the content in one run (as Pelican's `is_valid` does),
sorted by file and line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file: where, which field, and what was expected."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return self.describe()

    def describe(self, severity: str = "") -> str:
        """Format as `path:line: [severity:] field: message`, the shape editors' tools parse."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = f" {severity}:" if severity else ""
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{label}{field} {self.message}"


class ContentError(Exception):
    """Raised once, after a stage has collected every problem it could find."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Problem]]]:
        """Rebuild from the problems, not the report: a render worker sends its error back pickled."""
        return (ContentError, (self.problems,))

    def report(self) -> str:
        count = len(self.problems)
        header = f"{count} problem{'s' if count > 1 else ''} in the content:"
        return "\n".join([header, *(f"  {problem}" for problem in self.problems)])
