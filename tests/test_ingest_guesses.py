"""The rules `briefings ingest` reads titles and dates by, each on a small text showing it.

Each rule came from a real capture that was misread (tests/fixtures/captures/real/, named
in each test); the texts here are shortened versions of what those pages print, so a test
fails for the rule it names and not for the rest of a page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.dates import PartialDate
from generator.content.yaml_dialect import load
from generator.editors.cli import main
from generator.editors.ingest.address import Address
from generator.editors.ingest.plain_text import extract_plain_text
from generator.editors.ingest.printed_dates import day_named_by_weekday, find_publication_date
from tests.conftest import SITE_PROJECT

RETRIEVED = dt.date(2026, 2, 1)
EN = ("en", "fr")


def drafted(tmp_path: Path, text: str, url: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """Ingest `text` as a plain-text capture of the page at `url`; return the draft's front matter."""
    capture = tmp_path / "capture.txt"
    capture.write_text(text, encoding="utf-8")
    arguments = ["ingest", str(capture), "-o", "-", "--url", url, "--project", str(SITE_PROJECT)]
    assert main([*arguments, "--retrieved", RETRIEVED.isoformat()]) == 0
    meta = load(capsys.readouterr().out.removeprefix("---\n").removesuffix("---\n"))
    assert isinstance(meta, dict)
    return meta


PARAGRAPH = (
    "China has presented an Action Plan for Global Artificial Intelligence Governance during the World AI "
    "Conference held in Shanghai, the ministry said."
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # 19 (mmtv.mv): the site's date bar, the day the page was read, above the masthead.
        (
            ["Fri, 01 Aug 2025", "|", "China unveils Action Plan for AI governance", "31 Jul 2025", "Juman Anwar"],
            "2025-07-31",
        ),
        # 43 (csis.org via a distributor): "10/07/2025" is the distributor's line, in the US order.
        (
            [
                "10/07/2025 | Press release | Distributed by Public on 10/07/2025 15:20",
                "China unveils Action Plan for AI governance",
                "Published October 7, 2025",
            ],
            "2025-10-07",
        ),
    ],
)
def test_the_date_under_the_headline_is_the_articles(header: list[str], expected: str) -> None:
    found = find_publication_date(header, [PARAGRAPH], EN, RETRIEVED, "China unveils Action Plan for AI governance")
    assert found is not None and found.date.iso == expected


def test_without_a_date_under_the_headline_the_one_above_it_is_read() -> None:
    header = ["31 Jul 2025", "China unveils Action Plan for AI governance", "Juman Anwar"]
    found = find_publication_date(header, [PARAGRAPH], EN, RETRIEVED, "China unveils Action Plan for AI governance")
    assert found is not None and found.date.iso == "2025-07-31"


def test_a_dateline_with_the_month_first_and_no_year_is_read() -> None:
    # 06 (trend.az): the dispatch prints only its dateline, month first, without the year.
    lead = "ASTANA, Kazakhstan, September 24. President Tokayev reaffirmed Kazakhstan's support for the initiative."
    found = find_publication_date([], [lead], EN, RETRIEVED)
    assert found is not None and found.date.iso == "2025-09-24"
    assert found.printed == "September 24" and "sans année" in found.how


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # 49 (nippon.com): a Jiji dispatch's number starts with its day.
        ("https://www.nippon.com/fr/news/yjj2025021200234/", "2025-02-12"),
        ("https://www.asahi.com/ajw/articles/AJ202502120012.html", "2025-02-12"),
        # An article number, a hash and an invalid day are no dates.
        ("https://www.trend.az/business/4086174.html", None),
        ("https://french.shanghai.gov.cn/fr-Editorspick/2f190b5f07314c159b5e8e5508b566cb.html", None),
        ("https://example.org/news/ab2025133100/", None),
    ],
)
def test_a_day_at_the_head_of_an_article_number_is_read_from_the_address(url: str, expected: str | None) -> None:
    date = Address(url).date
    assert (date.iso if date else None) == expected


def test_a_stored_month_is_made_exact_by_the_day_the_address_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 49: the capture tool stored only "2025-02"; the address says which day of February.
    text = f"date 2025-02 Actualités\n\n{PARAGRAPH}\n"
    meta = drafted(tmp_path, text, "https://www.nippon.com/fr/news/yjj2025021200234/", capsys)
    assert str(meta["published"]) == "2025-02-12"


def test_a_month_is_made_exact_by_the_weekday_the_lead_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 63 (kyodonews.net): the address gives the month, the lead "on Thursday", a caption the day.
    text = (
        "The U.N. General Assembly on Thursday adopted its first resolution urging members to ensure safety "
        "in using artificial intelligence.\n\n"
        "Photo shows the U.N. General Assembly in session in New York on March 21, 2024. (Photo courtesy of "
        "United Nations)(Kyodo)\n"
    )
    url = "https://english.kyodonews.net/news/2024/03/847d1fd6d438-un-general-assembly-adopts-resolution.html"
    assert str(drafted(tmp_path, text, url, capsys)["published"]) == "2024-03-21"


def test_a_day_the_lead_prints_is_the_events_and_leaves_the_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 58 (astanatimes.com): "an April 17 press conference" is when the news was made, not printed.
    text = (
        "ASTANA – Kazakhstan is preparing to upgrade its Concept for the Development of Artificial Intelligence "
        "into a Strategy, the chairman announced during an April 17 press conference.\n"
    )
    url = "https://astanatimes.com/2025/04/kazakhstan-to-develop-national-ai-strategy-this-year/"
    assert str(drafted(tmp_path, text, url, capsys)["published"]) == "2025-04"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Assembly on Thursday adopted it.", "In session on March 21, 2024."], "2024-03-21"),
        (["L'Assemblée a adopté jeudi la résolution.", "Séance du 21 mars 2024 à New York."], "2024-03-21"),
        (["The Assembly on Friday adopted it.", "In session on March 21, 2024."], None),  # a Thursday
        (["The Assembly on Thursday adopted it.", "In session on April 18, 2024."], None),  # another month
        (["The Assembly adopted it.", "In session on March 21, 2024."], None),  # no weekday named
    ],
)
def test_the_day_named_by_its_weekday(paragraphs: list[str], expected: str | None) -> None:
    found = day_named_by_weekday(paragraphs, EN, PartialDate(2024, 3))
    assert (found.date.iso if found else None) == expected


def test_a_headline_ending_in_an_abbreviation_is_not_a_paragraph() -> None:
    # 22 (shanghai.gov.cn): a long headline ending "(IA)" was read as the article's first paragraph.
    headline = (
        "Le gouvernement chinois prend l'initiative de la création d'une organisation mondiale de coopération "
        "en matière d'intelligence artificielle (IA)"
    )
    lead = "Le 26 juillet, le gouvernement chinois a proposé la création d'une organisation mondiale de coopération."
    credited = "Une initiative chinoise a été présentée pour réduire la fracture numérique. (Fin) (S.K.) (Kh.J.)"
    extraction = extract_plain_text(f"{headline}\n\nfrench.shanghai.gov.cn\n\n{lead}\n\n{credited}\n")
    assert extraction.title is not None and extraction.title.value == headline
    assert extraction.paragraphs == [lead, credited]  # credits after the last sentence still end a paragraph


def test_a_lead_that_lost_its_full_stop_is_still_the_article_s_first_paragraph() -> None:
    # 66 (boursorama.com): the stored page's lead ends without a stop; it and the photo caption before it
    # were both left out, and with the lead the country it names ("indien").
    headline = "Sommet de New Delhi sur l'IA: la déclaration des dirigeants retardée à samedi"
    caption = "Des dirigeants lors du Sommet sur l'impact de l'IA, le 19 février 2026 ( AFP / Ludovic MARIN )"
    lead = (
        "Les dizaines de chefs d'Etat et ministres qui ont assisté au sommet de l'IA à New Delhi publieront samedi "
        "une déclaration sur la manière de réguler l'usage de l'intelligence artificielle, soit avec un jour de "
        "retard, a déclaré vendredi le ministre indien des Technologies de l’information"
    )
    quoted = '"La déclaration et ses détails seront communiqués demain", a assuré le ministre à la presse vendredi.'
    extraction = extract_plain_text(f"{headline}\n\n{caption}\n\n{lead}\n\n{quoted}\n")
    assert extraction.paragraphs[-2:] == [lead, quoted]


def test_a_line_announcing_a_statement_is_not_its_headline() -> None:
    # 69 (press.un.org): a statement without a headline, introduced by the line that says who issued it.
    text = (
        "The following statement was issued today by the Spokesman for UN Secretary-General António Guterres:\n\n"
        "The Secretary-General warmly welcomes the General Assembly’s decision to establish two new mechanisms.\n"
    )
    assert extract_plain_text(text).title is None


def test_a_function_under_a_name_is_not_the_headline() -> None:
    # 60 (itu.int): a speech page prints the speaker, their function, then the speech's title.
    text = (
        "Doreen Bogdan-Martin\n"
        "Secretary-General, International Telecommunication Union (ITU)\n"
        "Keynote at the AI for Good Global Summit 2025\n\n"
        "Welcome to Geneva, for the AI for Good Global Summit, and thank you all for making the journey here.\n"
    )
    extraction = extract_plain_text(text)
    assert extraction.title is not None and extraction.title.value == "Keynote at the AI for Good Global Summit 2025"


def test_a_headline_with_a_comma_is_still_a_headline() -> None:
    text = (
        "Par Jeanne Martin\n"
        "China, France pledge joint work on global AI governance\n\n"
        "Beijing and Paris said on Monday that they would work together on the governance of artificial intelligence.\n"
    )
    extraction = extract_plain_text(text)
    assert extraction.title is not None
    assert extraction.title.value == "China, France pledge joint work on global AI governance"
