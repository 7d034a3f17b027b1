"""The Pages workflow publishes from the last build: it restores site/, the generated pages, the build
state and the generator's session with the ecosystem's cache action before `make site`, which then
rebuilds only what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config

from generator.mkdocs.site_state import state_path
from generator.preview.kept_session import session_path
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_the_workflow_restores_the_last_build_before_make_site() -> None:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    (cache,) = [step for step in steps if str(step.get("uses", "")).startswith("actions/cache@")]
    site = next(index for index, step in enumerate(steps) if step.get("run") == "make site")
    assert steps.index(cache) < site
    config = load_config(str(ROOT / "mkdocs.yml"))
    kept = [Path(folder).relative_to(ROOT).as_posix() for folder in (config.site_dir, config.docs_dir)]
    states = [state_path(config), session_path(Path(config.docs_dir))]
    assert cache["with"]["path"].split() == [*kept, *(path.relative_to(ROOT).as_posix() for path in states)]
    # A new entry per commit (caches are immutable), restored from the newest of any commit.
    assert cache["with"]["key"] == "site-${{ github.sha }}" and cache["with"]["restore-keys"] == "site-"
