"""`briefings ingest`: drafts from the five seed captures and from captures it has never seen.

The seed expectations come from shared/seeds/README.md (title, date and publisher as
printed) and from reading each text (who and what it names). The other captures are our
own invented pages: other outlets, English, HTML with menus, share buttons, ads and link
lists, and each date shape pages print.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.content.errors import ContentError
from generator.content.schema import Article
from generator.content.yaml_dialect import load
from generator.editors.cli import main
from generator.editors.ingest.printed_dates import find_publication_date
from generator.pipeline import generate, load_site
from tests.conftest import SITE_CONTENT, SITE_PROJECT, copy_project, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
CAPTURES = Path(__file__).parent / "fixtures" / "captures"
RETRIEVED = "2026-11-23"


def ingest(capture: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], str]:
    """Ingest a fixture capture to standard output; return the front matter and the whole record."""
    assert (
        main(["ingest", str(CAPTURES / capture), "-o", "-", "--project", str(SITE_PROJECT), "--retrieved", RETRIEVED])
        == 0
    )
    record = capsys.readouterr().out
    assert record.startswith("---\n") and record.endswith("\n---\n")
    meta = load(record.removeprefix("---\n").removesuffix("---\n"))
    assert isinstance(meta, dict)
    return meta, record


def found(meta: dict[str, Any]) -> dict[str, Any]:
    source = meta["source"]
    return {
        "title": meta["title"],
        "published": str(meta["published"]) if meta["published"] is not None else None,
        "publisher": source["publisher"],
        "agency": source.get("agency"),
        "author": source.get("author"),
        "language": source["language"],
        "countries": meta["countries"],
        "organisations": meta["organisations"],
        "initiatives": meta["initiatives"],
        "people": meta["people"],
    }


SEEDS = {
    "000_96d299f1953af554.txt": {
        "title": "Le président kazakh exprime son soutien à l'initiative de coopération mondiale sur l'IA proposée "
        "par la Chine",
        "published": "2025-08-12",
        "publisher": "French.china.org.cn",
        "agency": "Xinhua",
        "author": None,
        "language": "fr",
        "countries": ["CN", "KZ"],
        "organisations": ["cnuced"],
        "initiatives": ["organisation-mondiale-cooperation-ia"],
        "people": ["kassym-jomart-tokaiev", "guo-jiakun"],
    },
    "001_fc2532f853a6977d.txt": {
        "title": "La Chine propose une nouvelle organisation internationale de coopération en intelligence "
        "artificielle pour promouvoir une gouvernance mondiale inclusive",
        "published": "2025-12-18",
        "publisher": None,  # an aggregator that does not print its name
        "agency": None,
        "author": None,
        "language": "fr",
        "countries": ["CN", "US"],
        "organisations": [],
        "initiatives": ["organisation-mondiale-cooperation-ia"],
        "people": ["li-qiang"],
    },
    "002_9d6da059b8fd8dcc.txt": {
        "title": "Chine-France : renforcer la coopération dans la gouvernance mondiale en matière d’intelligence "
        "artificielle",
        "published": "2024-05-08",
        "publisher": "Xinhua",
        "agency": "Xinhua",
        "author": None,
        "language": "fr",
        "countries": ["FR", "CN"],
        "organisations": ["onu"],
        "initiatives": [],  # the text says only "une déclaration conjointe": the editor links it
        "people": ["xi-jinping", "emmanuel-macron"],
    },
    "003_ead329aca43a2fd8.txt": {
        "title": None,  # the capture prints no headline
        "published": "2025",  # no date printed; the year of the "marche verte 2025" header
        "publisher": None,  # a Moroccan daily, unnamed in the capture
        "agency": None,
        "author": "Driss Lyakoubi",
        "language": "fr",
        "countries": ["KZ"],
        "organisations": [],
        "initiatives": ["code-numerique-kazakhstan"],
        "people": ["kassym-jomart-tokaiev"],
    },
    "004_c231b7b4a89e3f3b.txt": {
        "title": None,  # the capture starts with the article's first paragraph
        "published": "2025-02-26",  # "26 février", year from "Forum de l'avenir de l'ASEAN 2025"
        "publisher": None,  # a Vietnamese outlet, unnamed in the capture
        "agency": None,
        "author": None,
        "language": "fr",
        "countries": ["CN", "KR", "GB"],
        "organisations": ["asean", "onu"],
        "initiatives": ["transformation-numerique-asean"],
        "people": ["sun-weidong", "cho-tae-yul", "david-lammy"],
    },
}

NEW_CAPTURES = {
    "nordic-policy-review-metadata.html": {
        "title": "Premier Li Qiang courts Southeast Asian partners for AI body",
        "published": "2025-07-29",  # printed nowhere: the page's article:published_time
        "publisher": "Nordic Policy Review",
        "agency": None,
        "author": "Henrik Aalto",
        "language": "en",
        "countries": ["CN", "VN", "MY"],  # "Malaysian officials": a country by its adjective
        "organisations": ["asean", "onu"],
        "initiatives": ["organisation-mondiale-cooperation-ia"],
        "people": ["li-qiang"],
    },
    "harbour-times-seoul-talks.html": {
        "title": "Seoul and Astana agree to pool AI safety research",
        "published": "2025-03-05",
        "publisher": "The Harbour Times",
        "agency": None,
        "author": "Marta Okonkwo",
        "language": "en",
        "countries": ["KR", "KZ", "JP"],  # Japan has no file: every country code names a briefing
        "organisations": ["onu"],
        "initiatives": ["code-numerique-kazakhstan"],
        "people": ["cho-tae-yul", "kassym-jomart-tokaiev"],
    },
    "gazette-du-mekong-weekday.html": {
        "title": "Hanoï accueillera un atelier régional sur la sécurité de l'IA",
        "published": "2025-06-12",
        "publisher": "La Gazette du Mékong",
        "agency": None,
        "author": None,
        "language": "fr",
        "countries": ["VN", "KR", "JP"],  # "chercheurs sud-coréens et japonais"
        "organisations": ["asean"],
        "initiatives": ["transformation-numerique-asean"],
        "people": [],
    },
    "echo-des-alpes-mis-a-jour.txt": {
        "title": "Le Vietnam et la France lancent un programme commun de formation à l'IA",
        "published": "2025-04-03",
        "publisher": "L'Écho des Alpes",
        "agency": None,
        "author": "Claire Dubreuil",
        "language": "fr",
        "countries": ["VN", "FR"],
        "organisations": ["onu", "asean"],
        "initiatives": [],
        "people": ["emmanuel-macron"],
    },
    "prairie-wire-day-month.txt": {
        "title": "Chinese and South Korean negotiators close first round of talks on AI chip export rules",
        "published": "2025-03-14",  # "Posted 14 March"; the text's year
        "publisher": "Prairie Wire",
        "agency": None,
        "author": None,
        "language": "en",
        "countries": ["CN", "KR"],
        "organisations": ["onu", "asean"],
        "initiatives": [],
        "people": ["sun-weidong"],
    },
    "signal-tech-aggregator.txt": {
        "title": "UK and Kazakhstan sign memorandum on public-sector AI skills",
        "published": "2026-01-07",
        "publisher": None,
        "agency": None,
        "author": None,
        "language": "en",
        "countries": ["GB", "KZ"],
        "organisations": ["cnuced"],
        "initiatives": ["code-numerique-kazakhstan"],
        "people": ["david-lammy", "kassym-jomart-tokaiev"],
    },
}


@pytest.mark.parametrize(("capture", "expected"), [*SEEDS.items(), *NEW_CAPTURES.items()])
def test_draft_matches_what_the_capture_prints(
    capture: str, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    meta, _ = ingest(capture, capsys)
    assert found(meta) == expected
    assert meta["draft"] is True
    assert str(meta["source"]["retrieved"]) == RETRIEVED
    assert meta["source"]["capture"] == Path(capture).stem


@pytest.mark.parametrize(
    ("capture", "listed"),
    [
        (
            "harbour-times-seoul-talks.html",
            ["Meridian Safety Network (organisation ; fiche proposée : meridian-safety-network)"],
        ),
        (
            "echo-des-alpes-mis-a-jour.txt",
            [
                "Réseau Alpin de Recherche Numérique (organisation ; fiche proposée : "
                "reseau-alpin-de-recherche-numerique)"
            ],
        ),
        (
            "001_fc2532f853a6977d.txt",
            [
                "Conférence mondiale sur l’intelligence artificielle (initiative ; fiche proposée : "
                "conference-mondiale-sur-lintelligence-artificielle)"
            ],
        ),
        (
            "004_c231b7b4a89e3f3b.txt",
            ["Forum de l’avenir de l’ASEAN (initiative ; fiche proposée : forum-de-lavenir-de-lasean)"],
        ),
        ("signal-tech-aggregator.txt", ["Central Asian"]),  # an adjective, not a name: the editor ignores it
        ("000_96d299f1953af554.txt", []),
        ("nordic-policy-review-metadata.html", ["Southeast Asian", "Southeast Asia"]),
        ("prairie-wire-day-month.txt", ["Seoul Export Review Board"]),
    ],
)
def test_names_without_a_registry_entry_are_listed_for_the_editor(
    capture: str, listed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, record = ingest(capture, capsys)
    comments = record.split("# Texte extrait de la capture")[0].splitlines()
    assert [line.removeprefix("#   - ") for line in comments if line.startswith("#   - ")] == listed
    assert ("# Noms trouvés sans fiche dans les registres" in record) == bool(listed)


@pytest.mark.parametrize(
    ("capture", "kept", "removed"),
    [
        (
            "harbour-times-seoul-talks.html",
            "invited Japan to join the exchange.",
            ["Advertisement", "Share on Facebook", "Harbour authority approves", "Privacy", "Home"],
        ),
        (
            "gazette-du-mekong-weekday.html",
            "une priorité de sa politique régionale pour les prochaines années.",
            ["Publicité", "Facebook", "Les rizières du delta", "Mentions légales", "Connexion", "dataLayer"],
        ),
        (
            "001_fc2532f853a6977d.txt",
            "a annoncé le Premier ministre Li Qiang lors de la Conférence mondiale",
            ["TD Synnex", "Hot news", "Launch your AI-powered team", "Watch video about", "lang icon"],
        ),
        ("000_96d299f1953af554.txt", "au mois de juillet.", ["Suivez China.org.cn", "Retournez en haut", "share"]),
        ("002_9d6da059b8fd8dcc.txt", "y compris celles liées à l’IA.", ["Légendes et crédits photo", "Notification"]),
        ("004_c231b7b4a89e3f3b.txt", "afin de créer une prospérité partagée.", ["Comment (0)"]),
        (
            "nordic-policy-review-metadata.html",
            "as complementary rather than competing.",
            ["cookies", "Front page", "Sign up for our weekly briefing", "Nordic grid operators", "Privacy policy"],
        ),
        ("signal-tech-aggregator.txt", "Central Asian digital policies closely.", ["Retailers test voice", "All news"]),
        ("prairie-wire-day-month.txt", "summary of the discussions.", ["Farm prices", "Comments (12)", "MENU"]),
    ],
)
def test_the_main_text_is_kept_and_the_page_around_it_dropped(
    capture: str, kept: str, removed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, record = ingest(capture, capsys)
    text = " ".join(
        line.removeprefix("#   ") for line in record.split("# Texte extrait de la capture")[1].splitlines()[1:-1]
    )
    assert kept in text
    for furniture in removed:
        assert furniture not in text


@pytest.mark.parametrize("capture", sorted(SEEDS))
def test_guesses_are_marked_and_the_summary_is_left_empty(capture: str, capsys: pytest.CaptureFixture[str]) -> None:
    meta, record = ingest(capture, capsys)
    lines = record.splitlines()
    for field in ("title:", "published:", "  publisher:", "  language:"):
        line = next(line for line in lines if line.startswith(field))
        assert "# à vérifier : " in line or "# à compléter : " in line
    # Article sentences appear only in comments: the front matter closes the file, no body follows.
    assert record.endswith("\n---\n")
    data_lines = [line for line in lines if not line.startswith("#")]
    paragraph = "Le président kazakh Kassym-Jomart Tokaïev a exprimé son soutien"
    assert not any(paragraph in line for line in data_lines)


def test_a_complete_draft_is_a_valid_article_record(capsys: pytest.CaptureFixture[str]) -> None:
    meta, _ = ingest("000_96d299f1953af554.txt", capsys)
    article = Article.model_validate(meta)
    assert article.draft and article.source.publisher == "French.china.org.cn"


def test_a_day_and_month_without_a_year_in_the_text_take_the_last_year_before_retrieval() -> None:
    languages = ("fr", "en")
    before = find_publication_date(["Publié le 3 mars"], ["Sans autre date."], languages, dt.date(2026, 11, 23))
    after = find_publication_date(["Publié le 3 mars"], ["Sans autre date."], languages, dt.date(2026, 1, 5))
    assert before is not None and before.date.iso == "2026-03-03"
    assert after is not None and after.date.iso == "2025-03-03"
    assert "année supposée" in after.how


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's content and templates, where drafts may be written."""
    shutil.copytree(SITE_CONTENT, tmp_path / "content")
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    return tmp_path


def run(project: Path, *arguments: str) -> int:
    return main(["ingest", *arguments, "--project", str(project), "--retrieved", RETRIEVED])


def test_the_draft_goes_to_content_articles_by_default(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, str(CAPTURES / "000_96d299f1953af554.txt")) == 0
    target = project / "content/articles/2025/2025-08-12-le-president-kazakh-exprime-son-soutien-a-l-initiative-de.md"
    assert target.is_file()
    assert str(target) in capsys.readouterr().out


def test_output_path_and_standard_output(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "elsewhere" / "draft.md"
    articles_before = sorted((project / "content" / "articles").rglob("*"))
    assert run(project, str(CAPTURES / "002_9d6da059b8fd8dcc.txt"), "-o", str(target)) == 0
    capsys.readouterr()
    assert run(project, str(CAPTURES / "002_9d6da059b8fd8dcc.txt"), "-o", "-") == 0
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")
    assert sorted((project / "content" / "articles").rglob("*")) == articles_before


def test_an_existing_file_is_never_overwritten(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.md"
    target.write_text("an editor's work\n", encoding="utf-8")
    assert run(project, str(CAPTURES / "002_9d6da059b8fd8dcc.txt"), "-o", str(target)) == 1
    assert target.read_text(encoding="utf-8") == "an editor's work\n"
    assert capsys.readouterr().err == (
        f"error: {target} already exists; ingest never overwrites a file. "
        "Choose another path with -o PATH, or -o - to print the draft.\n"
    )


def test_a_capture_that_is_not_utf8_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "latin1.txt"
    capture.write_bytes("Titre\nLa Chine et la France\nCoopération\n".encode("latin-1"))
    assert run(project, str(capture), "-o", "-") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: {capture}:3: the capture is not UTF-8 text (byte 0xe9 at line 3); save it with UTF-8 encoding\n"
    )


def test_a_saved_page_in_the_charset_it_declares_is_read(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (CAPTURES / "gazette-du-mekong-weekday.html").read_text(encoding="utf-8")
    capture = tmp_path / "gazette-latin1.html"
    capture.write_bytes(page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1", "replace"))
    assert run(project, str(capture), "-o", "-") == 0
    assert 'title: "Hanoï accueillera un atelier régional sur la sécurité de l\'IA"' in capsys.readouterr().out


@pytest.mark.parametrize("content", ["", "  \n\n \t\n"])
def test_an_empty_capture_is_refused(
    content: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "empty.txt"
    capture.write_text(content, encoding="utf-8")
    assert run(project, str(capture)) == 1
    assert capsys.readouterr().err == (
        f"error: {capture}: the capture is empty; expected the text or HTML of an article\n"
    )
    assert not list((project / "content" / "articles").rglob("*empty*"))


def test_outside_a_project_the_draft_needs_an_output_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capture = str(CAPTURES / "000_96d299f1953af554.txt")
    assert run(tmp_path, capture) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'content'} is not a folder: run ingest in the project folder, "
        "name it with --project PATH, or write the draft elsewhere with -o PATH\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert run(tmp_path, capture, "-o", str(tmp_path / "draft.md")) == 0
    assert "Kassym-Jomart Tokaïev" in (tmp_path / "draft.md").read_text(encoding="utf-8")


def test_a_missing_capture_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, str(project / "nowhere.txt")) == 1
    assert capsys.readouterr().err == f"error: {project / 'nowhere.txt'}: no such file\n"


def test_a_draft_stays_off_the_site_and_generate_lists_what_it_lacks(project: Path) -> None:
    assert run(project, str(CAPTURES / "004_c231b7b4a89e3f3b.txt")) == 0
    draft = project / "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md"
    published_before = {article.id for article in load_site(SITE_CONTENT).articles}

    site = load_site(project / "content")
    assert {article.id for article in site.articles} == published_before
    report = generate(project / "content", project / "site_config" / "templates", project / "build" / "docs")
    # The draft record, and the entry ingest proposed for the forum it names, both off the site.
    assert report.drafts == [
        "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md: draft, not on the site; "
        "still to complete: title (line 6), source.publisher (line 9), the summary",
        "content/initiatives/forum-de-lavenir-de-lasean.md: draft, not on the site; still to complete: status (line 8)",
    ]
    assert report.summary().endswith("2 drafts left off the site:\n  " + "\n  ".join(report.drafts))

    # Once 'draft: true' is gone, what the draft lacks is an error like any other.
    draft.write_text(draft.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_site(project / "content")
    assert [str(problem) for problem in error.value.problems] == [
        "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md:5: title: empty; expected headline as published",
        "content/articles/2025/2025-02-26-004-c231b7b4a89e3f3b.md:8: source.publisher: empty; expected publisher "
        "as printed, e.g. French.china.org.cn",
    ]


@pytest.mark.build
def test_a_draft_in_content_keeps_mkdocs_build_strict_and_clean(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert run(root, str(CAPTURES / "004_c231b7b4a89e3f3b.txt")) == 0
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "2 drafts left off the site:" in result.stderr  # the record and the initiative entry it proposes
    assert not [path for path in (root / "site").rglob("*") if "004-c231b7b4a89e3f3b" in path.name]


def test_ingest_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(["ingest", "--help"])
    assert exit_status.value.code == 0
    assert "-o PATH, --output PATH" in capsys.readouterr().out
