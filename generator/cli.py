"""The `briefings` command: runs the pipeline and reports problems for editors."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from generator.errors import ContentError
from generator.pipeline import Project, generate
from generator.site_settings import SiteSettings
from generator.write import UnsafeOutputError


def main(argv: list[str] | None = None) -> int:
    """Run a `briefings` subcommand; return the process exit status."""
    parser = argparse.ArgumentParser(prog="briefings", description="Build the AI-governance briefing pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    generate_parser = commands.add_parser(
        "generate",
        help="validate content/ and write the briefing pages to build/docs/",
        description="Read and validate every record, then write the Markdown pages that MkDocs builds. "
        "Nothing is written if any record has a problem.",
    )
    generate_parser.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: .)")
    generate_parser.add_argument("--out", type=Path, help="output folder (default: PROJECT/build/docs)")
    generate_parser.add_argument(
        "--site-url", help="published address, for feeds and citations (default: site_url of PROJECT/mkdocs.yml)"
    )
    arguments = parser.parse_args(argv)

    project = Project(arguments.project)
    settings = SiteSettings.read(project.mkdocs_yml)
    if arguments.site_url is not None:
        settings = dataclasses.replace(settings, url=arguments.site_url)
    try:
        report = generate(project.content, project.templates, arguments.out or project.docs, settings)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        print("Nothing was written; the last generated pages are unchanged.", file=sys.stderr)
        return 1
    except UnsafeOutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
