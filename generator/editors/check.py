"""`briefings check`: every error and warning in the content, without building anything.

Errors come from the pipeline's read, validate and link stages, exactly as `generate`
reports them; warnings come from `lint.py` and `own_words.py` (summaries against the kept captures),
which need the linked site, so they are listed once the content has no errors left. The one
thing it writes is a kept capture's runs file when it is missing or out of date: made from
the capture, never an editor's file, and what lets a clone without the capture check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.content.errors import ContentError, Problem
from generator.content.kinds import CAPTURES_FOLDER
from generator.editors.lint import ContentWarning, Rule, find_warnings
from generator.editors.own_words import find_copied_text
from generator.pipeline import plan


@dataclass(frozen=True)
class CheckReport:
    """The outcome of checking a content folder."""

    errors: list[Problem]
    warnings: list[ContentWarning]
    runs_written: list[str]
    """The captures' runs files the check wrote (own_words.py): to commit, so that a clone checks too."""

    def lines(self) -> list[str]:
        """One line per finding, sorted by file then line, errors before warnings on a line."""
        findings = [(problem, "error") for problem in self.errors]
        findings += [(warning, "warning") for warning in self.warnings]
        findings.sort(key=lambda finding: (finding[0].path, finding[0].line, finding[1]))
        return [problem.describe(severity) for problem, severity in findings]

    def summary(self) -> str:
        counts = f"{_plural(len(self.errors), 'error')}, {_plural(len(self.warnings), 'warning')}"
        if self.errors:
            return f"{counts} (warnings are looked for once the errors are fixed)"
        return counts

    def passed(self, strict: bool) -> bool:
        """Errors always fail; warnings fail only in strict mode."""
        return not self.errors and not (strict and self.warnings)


def check_content(content_dir: Path, today: dt.date) -> CheckReport:
    """Check every record of `content_dir`; `today` decides which dates are in the future."""
    try:
        content = plan(content_dir)
    except ContentError as error:
        return CheckReport(error.problems, [], [])
    warnings = find_warnings(content.site, content.documents, today)
    copied = find_copied_text(content.site, content.documents, content_dir / CAPTURES_FOLDER)
    warnings += copied.warnings
    warnings += [
        ContentWarning(draft.path, draft.line, "draft", draft.describe_work(), Rule.DRAFT) for draft in content.drafts
    ]
    return CheckReport([], sorted(warnings), copied.runs_written)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
