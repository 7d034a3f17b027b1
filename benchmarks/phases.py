"""One timed phase of the benchmark, run in a process of its own so its memory is its own.

    python -m benchmarks.phases floor PROJECT      # read and parse every record, nothing else
    python -m benchmarks.phases generate PROJECT   # the whole generator into an empty folder

Prints one JSON line: {"seconds": …}; run.py samples the memory of the process and its
workers from outside (memory.py). Imports are done before the clock starts: both phases
time the work, not Python's start-up.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import frontmatter

from generator.output.site_settings import SiteSettings
from generator.pipeline import Project, generate


def floor(project: Project) -> None:
    """The least any generator must do: read each record and parse its front matter.

    python-frontmatter with PyYAML's libyaml loader is the standard way to read such a
    file in Python; the body is kept as text, unparsed.
    """
    for path in sorted(project.content.rglob("*.md")):
        if path.parent != project.content:  # SCHEMA.md and the like are not records
            frontmatter.loads(path.read_text(encoding="utf-8"))


def full_generation(project: Project) -> None:
    """Read, validate, link, render and write every page, feed and data file into an empty folder.

    With the site's settings from mkdocs.yml, as `briefings generate` and the build use
    them: without a site URL there would be no Atom feeds to render.
    """
    out = project.root / "build" / "bench-docs"
    shutil.rmtree(out, ignore_errors=True)
    generate(project.content, project.templates, out, SiteSettings.read(project.mkdocs_yml))


def main() -> None:
    phase, root = sys.argv[1], Path(sys.argv[2])
    work = {"floor": floor, "generate": full_generation}[phase]
    start = time.perf_counter()
    work(Project(root))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    main()
