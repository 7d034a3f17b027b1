"""The live preview's incremental generation: an edit updates every page that depends on it, and nothing else.

Each test generates a synthetic corpus large enough to paginate (benchmarks/make_corpus.py),
makes one kind of edit, regenerates through the same `Session`, and compares the result
with a fresh generation of the edited content: the same files with the same bytes, and
only the files whose bytes changed were written (the others keep their old mtime).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus
from generator.linked.model import PositionEntry
from generator.output.site_settings import SiteSettings
from generator.pages.matrix import top_matrix
from generator.pages.specs import BRIEFING_LIMITS
from generator.pipeline import generate, load_site
from generator.preview.session import Session
from tests.conftest import ROOT

TEMPLATES = ROOT / "site_config" / "templates"
PUBLISHED = SiteSettings(url="https://exemple.github.io/briefings/")
"""With a site address, so the feeds are generated and compared too."""
ARTICLES = 130  # more than a page (50 rows) of articles, of chronology and of a theme


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, ARTICLES)
    return root / "content"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def articles(content: Path) -> list[Path]:
    return sorted((content / "articles").rglob("*.md"))


def replace_line(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


def retitle_article(content: Path) -> None:
    replace_line(articles(content)[40], r"^title: '(.*)'$", r"title: '\1 (corrigé)'")


def rewrite_article_texts(content: Path) -> None:
    """Change every kind of text an article holds, and none of what places it in the site's lists."""
    article = next(
        path
        for path in articles(content)
        if all(f"\n{key}:\n-" in path.read_text("utf-8") for key in ("events", "positions", "quotes", "figures"))
    )
    replace_line(article, r"^  evidence: (.*)$", r"  evidence: Preuve reformulée. \1")
    replace_line(article, r"^  text: (.*)$", r"  text: Citation reformulée, \1")
    replace_line(article, r"^  measures: (.*)$", r"  measures: mesure reformulée, \1")
    replace_line(article, r"^  publisher: (.*)$", r"  publisher: Autre éditeur")
    replace_line(article, r"^---\n(?![\s\S]*^---$)", "---\nUne phrase ajoutée au résumé.\n\n")


def redate_article(content: Path) -> None:
    replace_line(articles(content)[3], r"^published: '(\d{4})-\d\d-\d\d'$", r"published: '\1-12-31'")


def with_positions(content: Path, count: int = 1) -> list[Path]:
    return [path for path in articles(content) if path.read_text("utf-8").count("\n  role: ") >= count]


def change_a_role(content: Path) -> None:
    """Who supported what: the role of an article's first position, which initiative briefings order by."""
    article = with_positions(content)[12]
    role = re.search(r"^  role: (\w+)$", article.read_text("utf-8"), flags=re.MULTILINE)
    assert role
    replace_line(article, r"^  role: \w+$", f"  role: {'opposes' if role[1] == 'supports' else 'supports'}")


def set_role(content: Path, position: PositionEntry, role: Callable[[str], str]) -> None:
    """Give a linked position the role `role(its role)`, in its article's record."""
    article = content.parent / position.article.source_file
    lines = article.read_text(encoding="utf-8").split("\n")
    number = [index for index, line in enumerate(lines) if line.startswith("  role: ")][
        position.article.positions.index(position)
    ]
    lines[number] = "  role: " + role(lines[number].removeprefix("  role: "))
    article.write_text("\n".join(lines), encoding="utf-8")


def change_a_role_the_matrix_shows(content: Path) -> None:
    """A stance in a cell of the positions matrix, which is made from every position's role."""
    matrix, _ = top_matrix(load_site(content))
    position = next(stance for _, cells in matrix.rows for cell in cells for stance in cell).positions[0]
    set_role(content, position, lambda role: "opposes" if role == "supports" else "supports")


def bring_a_hidden_stance_forward(content: Path) -> None:
    """The last stance of an initiative listing more than a briefing shows becomes a proposal, which
    comes first: the briefing read only its first stances' articles, and the list."""
    shown = BRIEFING_LIMITS["stances"]
    initiative = next(entity for entity in load_site(content).initiatives if len(entity.stances) > shown + 2)
    set_role(content, initiative.stances[-1].positions[0], lambda _: "proposes")


def redate_a_position(content: Path) -> None:
    """A position dated years before its article: first in no list any more, last in some."""
    replace_line(
        with_positions(content, 2)[3], r"^  date: '\d{4}-(\d\d-\d\d)'\n  voiced_by", r"  date: '2001-\1'\n  voiced_by"
    )


def drop_a_country(content: Path) -> None:
    article = next(path for path in articles(content) if "countries:\n- " in path.read_text("utf-8"))
    text = article.read_text(encoding="utf-8")
    codes = re.search(r"^countries:\n((?:- \w\w\n)+)", text, flags=re.MULTILINE)
    assert codes
    kept = codes.group(1).splitlines()[0]  # positions may name any of them as actor: keep those
    actors = set(re.findall(r"actor: (\w\w)$", text, flags=re.MULTILINE))
    listed = [kept] + [f"- {code}" for code in sorted(actors)]
    article.write_text(text.replace(codes.group(1), "\n".join(dict.fromkeys(listed)) + "\n"), encoding="utf-8")


def rename_person(content: Path) -> None:
    replace_line(sorted((content / "people").glob("*.md"))[0], r"^name: (.*)$", r"name: Zoé \1")


def move_person(content: Path) -> None:
    country = sorted((content / "countries").glob("*.md"))[-1].stem.upper()
    replace_line(sorted((content / "people").glob("*.md"))[1], r"^country: \w\w$", f"country: {country}")


def edit_country_overview(content: Path) -> None:
    country = sorted((content / "countries").glob("*.md"))[0]
    country.write_text(country.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")


def referenced_country_file(content: Path) -> Path:
    """The file of a country that an article names."""
    text = articles(content)[5].read_text(encoding="utf-8")
    codes = re.search(r"^countries:\n- (\w\w)$", text, flags=re.MULTILINE)
    assert codes
    return content / "countries" / f"{codes.group(1).lower()}.md"


def delete_country_file(content: Path) -> None:
    """The country keeps its briefing, named by its code alone, without the overview."""
    referenced_country_file(content).unlink()


def set_country_file_aside(content: Path) -> None:
    """Hide the file (hidden files are not read): its country is named by its code alone."""
    path = referenced_country_file(content)
    path.rename(path.with_name(f".{path.name}"))


def give_a_file_to_a_country_without_one(content: Path) -> None:
    path = referenced_country_file(content)
    path.write_bytes(path.with_name(f".{path.name}").read_bytes())


def add_article(content: Path) -> None:
    source = articles(content)[10]
    shutil.copy(source, source.with_name("2099-01-01-article-ajoute.md"))


def remove_article(content: Path) -> None:
    articles(content)[20].unlink()


def retag_article(content: Path) -> None:
    replace_line(articles(content)[7], r"^tags:\n", "tags:\n- thème tout neuf\n")


def reclassify_publisher(content: Path) -> None:
    replace_line(content / "publishers" / "le-monde.md", r"^kind: .*$", "kind: aggregator")


def rename_publisher(content: Path) -> None:
    """The articles printed "Le Monde" are then matched to no entry."""
    replace_line(content / "publishers" / "le-monde.md", r"^name: .*$", "name: Le Monde diplomatique")


def add_publisher(content: Path) -> None:
    (content / "publishers" / "le-figaro.md").write_text(
        "---\nname: Le Figaro\ncountry: FR\nkind: private_outlet\n---\n", encoding="utf-8"
    )


EDITS: dict[str, Callable[[Path], None]] = {
    "retitle an article": retitle_article,
    "rewrite an article's texts": rewrite_article_texts,
    "redate an article": redate_article,
    "change a position's role": change_a_role,
    "change a role the positions matrix shows": change_a_role_the_matrix_shows,
    "bring a stance a briefing did not show forward": bring_a_hidden_stance_forward,
    "redate a position": redate_a_position,
    "drop a country from an article": drop_a_country,
    "rename a person": rename_person,
    "move a person to another country": move_person,
    "edit a country's overview": edit_country_overview,
    "delete a country's file": delete_country_file,
    "give a file to a country named without one": give_a_file_to_a_country_without_one,
    "add an article": add_article,
    "remove an article": remove_article,
    "tag an article with a new theme": retag_article,
    "reclassify a publisher": reclassify_publisher,
    "rename a publisher": rename_publisher,
    "add a publisher": add_publisher,
}
PREPARATIONS: dict[str, Callable[[Path], None]] = {
    "give a file to a country named without one": set_country_file_aside,
}
"""What to do to the corpus before the first generation, for an edit that needs it."""


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_updates_exactly_the_pages_that_depend_on_it(edit: str, corpus: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    if edit in PREPARATIONS:
        PREPARATIONS[edit](content)
    docs = tmp_path / "docs"
    session = Session()
    session.generate(content, TEMPLATES, docs, PUBLISHED)
    for path in docs.rglob("*"):
        os.utime(path, ns=(1, 1))  # an old mtime makes any rewrite visible
    before = snapshot(docs)

    records = {path: path.read_bytes() for path in content.rglob("*.md")}
    EDITS[edit](content)
    for path in content.rglob("*.md"):
        if records.get(path) != path.read_bytes():  # the edit and the first generation may share a clock tick
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = session.generate(content, TEMPLATES, docs, PUBLISHED)

    fresh = tmp_path / "fresh"
    generate(content, TEMPLATES, fresh, PUBLISHED)
    after = snapshot(docs)
    assert {page: data for page, (data, _) in after.items()} == {
        page: data for page, (data, _) in snapshot(fresh).items()
    }
    rewritten = sorted(page for page in after if page in before and after[page][1] != before[page][1])
    differing = sorted(page for page in after if page in before and after[page][0] != before[page][0])
    assert rewritten == differing  # every page whose bytes changed was rewritten, and no other
    assert differing, "the edit changed no page"
    assert sorted(report.written) == sorted(set(differing) | (set(after) - set(before)))


def test_an_unchanged_corpus_renders_nothing_again(corpus: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    session = Session()
    session.generate(content, TEMPLATES, tmp_path / "docs", PUBLISHED)
    report = session.generate(content, TEMPLATES, tmp_path / "docs", PUBLISHED)
    assert session.rendered == 0
    assert report.written == [] and report.removed == []


def test_a_retitled_article_renders_only_its_dependents_again(corpus: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    session = Session()
    first = session.generate(content, TEMPLATES, tmp_path / "docs", PUBLISHED)
    retitle_article(content)
    session.generate(content, TEMPLATES, tmp_path / "docs", PUBLISHED)
    assert 0 < session.rendered < len(first.written) / 4


def test_text_edits_keep_the_linked_site_and_other_edits_link_again(corpus: Path, tmp_path: Path) -> None:
    """Edits that change only texts or stances swap them into the linked site; a later edit of
    the structure still gives what a fresh generation gives."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    docs = tmp_path / "docs"
    session = Session()
    session.generate(content, TEMPLATES, docs, PUBLISHED)
    steps = [
        (retitle_article, False),
        (rewrite_article_texts, False),
        (change_a_role, False),
        (redate_article, True),
        (redate_a_position, False),
        (retitle_article, False),
    ]
    for number, (edit, relinked) in enumerate(steps):
        records = {path: path.read_bytes() for path in content.rglob("*.md")}
        edit(content)
        for path in content.rglob("*.md"):
            if records.get(path) != path.read_bytes():
                os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        session.generate(content, TEMPLATES, docs, PUBLISHED)
        assert session.relinked is relinked, edit.__name__
        fresh = tmp_path / f"fresh-{number}"
        generate(content, TEMPLATES, fresh, PUBLISHED)
        assert {page: data for page, (data, _) in snapshot(docs).items()} == {
            page: data for page, (data, _) in snapshot(fresh).items()
        }, edit.__name__
