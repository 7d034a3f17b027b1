"""The `briefings` command: one subcommand per step of an editor's day.

Each subcommand is declared by an `_add_*` function (its arguments and help) that sets
`run` to the function doing the work, and is listed in `SUBCOMMANDS`; adding one is a
function and a line there. The work itself lives in the pipeline modules; this module
only parses arguments, calls them and turns the outcome into messages and an exit status.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.dates import PartialDate
from generator.content.errors import ContentError
from generator.content.kinds import ARTICLE, COUNTRY, INITIATIVE, ORGANISATION, PERSON, PUBLISHER
from generator.content.schema import PublisherKind, Status, check_country_code
from generator.editors import new as skeleton
from generator.editors.check import check_content
from generator.editors.ingest.command import add_ingest_parser
from generator.editors.schema_doc import REGENERATE, schema_document
from generator.output.site_settings import SiteSettings
from generator.output.write import UnsafeOutputError
from generator.pipeline import Project, generate

if TYPE_CHECKING:  # argparse's class is generic only for type checkers
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]  # what `add_subparsers` returns


def main(argv: list[str] | None = None, *, today: dt.date | None = None) -> int:
    """Run a `briefings` subcommand; return the process exit status.

    `today` is the date the commands take as today (retrieval dates, dates in the future);
    tests pass a fixed one.
    """
    parser = argparse.ArgumentParser(
        prog="briefings",
        description="Check, create and publish the records of the AI-governance briefing site.",
        epilog="Run 'briefings COMMAND --help' for what a command does and its options.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands)
    arguments = parser.parse_args(argv)
    run: Callable[[argparse.Namespace, dt.date], int] = arguments.run
    return run(arguments, today or dt.date.today())


def _add_project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", type=Path, default=Path.cwd(), metavar="DIR", help="project folder holding content/ (default: .)"
    )


# -- generate --------------------------------------------------------------------------


def _add_generate(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "generate",
        help="validate content/ and write the briefing pages to build/docs/",
        description="Read and validate every record, then write the Markdown pages that MkDocs builds. "
        "Nothing is written if any record has a problem.",
    )
    _add_project_option(parser)
    parser.add_argument("--out", type=Path, help="output folder (default: PROJECT/build/docs)")
    parser.add_argument(
        "--site-url", help="published address, for feeds and citations (default: site_url of PROJECT/mkdocs.yml)"
    )
    parser.set_defaults(run=_generate)


def _generate(arguments: argparse.Namespace, today: dt.date) -> int:
    project = Project(arguments.project)
    if _missing(project.content):
        return 2
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


# -- check -----------------------------------------------------------------------------


def _add_check(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "check",
        help="list every error and warning in content/, without building",
        description="Validate every record as 'generate' does, then look for what is legal but suspicious: "
        "an article with no country or no summary, a position with no date or no evidence, a registry entry "
        "nothing refers to, a date in the future, the same article curated twice (same source URL or capture, "
        "near-identical titles), a summary sharing ten words in a row with its capture kept in content/captures/. "
        "Each line names the file, the line, the field and what was expected. "
        "Exit status: 0 when there is no error, 1 when there are errors (or warnings, with --strict).",
    )
    _add_project_option(parser)
    parser.add_argument("--strict", action="store_true", help="fail (exit status 1) on warnings too")
    parser.set_defaults(run=_check)


def _check(arguments: argparse.Namespace, today: dt.date) -> int:
    content = Project(arguments.project).content
    if _missing(content):
        return 2
    report = check_content(content, today)
    for line in report.lines():
        print(line)
    for written in report.runs_written:
        print(f"{written}: written from its capture; commit it, so that a clone without the capture checks too")
    print(report.summary())
    return 0 if report.passed(arguments.strict) else 1


# -- new -------------------------------------------------------------------------------


def _add_new(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "new",
        help="start a record from a filled-in skeleton",
        description="Write a new record with every field an editor may need and a comment on each, then print "
        "its path. Fields the command cannot know are left empty: 'briefings check' lists them until they are "
        "filled in. An existing file is never overwritten.",
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")

    article = _add_kind(kinds, "article", f"an article record, {ARTICLE.path_pattern}")
    article.add_argument("--title", required=True, help="headline as published")
    article.add_argument(
        "--published",
        type=_partial_date,
        metavar="DATE",
        help="publication date as printed: YYYY-MM-DD, YYYY-MM or YYYY",
    )
    article.add_argument("--publisher", help="publisher as printed")
    article.add_argument("--language", default="fr", metavar="CODE", help="language of the original (default: fr)")
    article.add_argument("--url", help="address of the original")

    country = _add_kind(kinds, "country", f"a country entry, {COUNTRY.path_pattern}", with_id=False)
    country.add_argument(
        "--code", required=True, type=_country_code, metavar="CODE", help="ISO 3166-1 alpha-2 code, e.g. KZ"
    )

    organisation = _add_kind(kinds, "organisation", f"an organisation entry, {ORGANISATION.path_pattern}")
    organisation.add_argument("--name", required=True, help="full French name")
    organisation.add_argument("--short-name", help="acronym, e.g. ASEAN (the id is made from it)")

    initiative = _add_kind(kinds, "initiative", f"an initiative entry, {INITIATIVE.path_pattern}")
    initiative.add_argument("--name", required=True, help="full French name")
    initiative.add_argument("--short-name", help="short name used in tables (the id is made from it)")
    initiative.add_argument("--proposer", help="country code or organisation id of who proposed it")
    initiative.add_argument("--status", choices=[status.value for status in Status], help="where it stands")

    person = _add_kind(kinds, "person", f"a person entry, {PERSON.path_pattern}")
    person.add_argument("--name", required=True, help="name as usually written in French")
    person.add_argument("--role", help="office held at the time of the reports")
    person.add_argument(
        "--country", type=_country_code, metavar="CODE", help="code of the country they speak for, e.g. KZ"
    )

    publisher = _add_kind(kinds, "publisher", f"a publisher entry, {PUBLISHER.path_pattern}")
    publisher.add_argument("--name", required=True, help="name as usually printed, e.g. Xinhua")
    publisher.add_argument(
        "--country", type=_country_code, metavar="CODE", help="code of the outlet's country, e.g. CN"
    )
    publisher.add_argument(
        "--kind", dest="outlet_kind", choices=[kind.value for kind in PublisherKind], help="what kind of outlet"
    )


def _add_kind(kinds: Subparsers, kind: str, what: str, *, with_id: bool = True) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = kinds.add_parser(kind, help=what, description=f"Start {what}.")
    _add_project_option(parser)
    if with_id:
        parser.add_argument(
            "--id",
            dest="record_id",
            metavar="ID",
            help="record id and file name (default: made from the title or name)",
        )
    parser.set_defaults(run=_new)
    return parser


def _new(arguments: argparse.Namespace, today: dt.date) -> int:
    new: skeleton.Skeleton
    match arguments.kind:
        case "article":
            new = skeleton.article(
                arguments.title,
                today,
                published=arguments.published,
                publisher=arguments.publisher,
                language=arguments.language,
                url=arguments.url,
                record_id=arguments.record_id,
            )
        case "country":
            new = skeleton.country(arguments.code)
        case "organisation":
            new = skeleton.organisation(arguments.name, short_name=arguments.short_name, record_id=arguments.record_id)
        case "initiative":
            new = skeleton.initiative(
                arguments.name,
                short_name=arguments.short_name,
                proposer=arguments.proposer,
                status=arguments.status,
                record_id=arguments.record_id,
            )
        case "publisher":
            new = skeleton.publisher(
                arguments.name, country=arguments.country, kind=arguments.outlet_kind, record_id=arguments.record_id
            )
        case _:
            new = skeleton.person(
                arguments.name, role=arguments.role, country=arguments.country, record_id=arguments.record_id
            )
    content = Project(arguments.project).content
    if _missing(content):
        return 2
    try:
        path = skeleton.write_skeleton(content, new)
    except skeleton.NewRecordError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(path.relative_to(content.parent).as_posix())
    return 0


# -- serve -----------------------------------------------------------------------------


def _add_serve(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "serve",
        help="live preview of the site, starting from the last build (make serve)",
        description="Serve site/ with live reload: records, templates and mkdocs.yml are watched and the pages they "
        "change rebuilt. When the last build (make site, or an earlier serve) left site/ for the same "
        "configuration, it is served at once and brought up to date in the background; else everything is "
        "built first.",
    )
    _add_project_option(parser)
    parser.add_argument(
        "-a", "--dev-addr", metavar="IP:PORT", help="where to serve (default: dev_addr of mkdocs.yml, 127.0.0.1:8000)"
    )
    parser.add_argument("--open", action="store_true", help="open the preview in the default browser")
    parser.set_defaults(run=_serve)


def _serve(arguments: argparse.Namespace, today: dt.date) -> int:
    project = Project(arguments.project)
    if _missing(project.content):
        return 2
    # MkDocs and its server are loaded only for this command: the others start faster without them.
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs.preview_server import serve

    _show_mkdocs_log()
    try:
        serve(project.mkdocs_yml, arguments.dev_addr, open_in_browser=arguments.open)
    except MkDocsException as error:  # a bad mkdocs.yml, an address in use
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: cannot serve on {arguments.dev_addr or 'the address of mkdocs.yml'}: {error}", file=sys.stderr)
        return 1
    return 0


def _show_mkdocs_log() -> None:
    """Print MkDocs' log as `mkdocs serve` does: from INFO up, each line after its level."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)


# -- schema ----------------------------------------------------------------------------


def _add_schema(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the record schema, content/SCHEMA.md, as the models define it",
        description="Print the reference of every kind of record (fields, types, limits, allowed values), "
        "written from the record types in generator/content/schema.py. After changing them, run "
        f"'{REGENERATE}' to update the reference editors read.",
    )
    parser.set_defaults(run=_schema)


def _schema(arguments: argparse.Namespace, today: dt.date) -> int:
    sys.stdout.write(schema_document())
    return 0


def _missing(content: Path) -> bool:
    """Say so when there is no content folder: the command was likely run from the wrong folder."""
    if content.is_dir():
        return False
    print(
        f"error: no content folder at {content}; run briefings in the project folder, or give --project",
        file=sys.stderr,
    )
    return True


def _partial_date(value: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _country_code(value: str) -> str:
    try:
        return check_country_code(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


SUBCOMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    _add_generate,
    _add_check,
    _add_new,
    add_ingest_parser,
    _add_schema,
    _add_serve,
)
"""Every subcommand, in the order `briefings --help` lists them."""


if __name__ == "__main__":
    sys.exit(main())
