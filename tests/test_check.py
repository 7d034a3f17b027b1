"""`briefings check`: every error and warning, with its message, file and line.

Each warning test adds one file to a copy of the good tree (which has no warnings) and
expects the exact lines `briefings check` prints for it. "Today" is fixed, so which dates
are in the future does not depend on when the tests run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.editors.check import check_content
from generator.editors.cli import main
from generator.editors.lint import Rule
from tests import test_hostile_text, test_own_words
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 23)
KZ_ARTICLE = "content/articles/2025/2025-08-12-tokaiev-soutient-organisation-mondiale-ia.md"


def add(content: Path, relative: str, text: str) -> None:
    target = content / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def warnings_in(content: Path) -> list[str]:
    """Check the content, which must have no errors; return the warnings as printed."""
    report = check_content(content, TODAY)
    assert report.errors == []
    return [warning.describe("warning") for warning in report.warnings]


def test_the_good_tree_has_no_warning(good_content: Path) -> None:
    assert warnings_in(good_content) == []


def test_the_real_content_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "--project", str(ROOT)], today=TODAY)
    output = capsys.readouterr().out.splitlines()
    assert status == 0, output
    assert output[-1].startswith("0 errors, ")


# -- one test per warning -----------------------------------------------------------------

NO_COUNTRY = """\
---
title: "Un débat sans pays"
published: 2025-09-01
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
---
Résumé.
"""
NO_COUNTRY_WARNING = (
    "content/articles/2025/sans-pays.md:2: warning: countries: the article concerns no country and no organisation, "
    "so no briefing of either lists it; add the codes of the countries it is about, e.g. [KZ, CN], or its organisations"
)


def test_article_with_no_country(good_content: Path) -> None:
    add(good_content, "articles/2025/sans-pays.md", NO_COUNTRY)
    assert warnings_in(good_content) == [NO_COUNTRY_WARNING]


def test_an_article_about_an_organisation_alone_needs_no_country(good_content: Path) -> None:
    # A UN statement or an OECD report: its organisation's briefing lists it, and no country is concerned.
    add(
        good_content,
        "articles/2025/sans-pays.md",
        NO_COUNTRY.replace("\n---\nRésumé", "\norganisations: [cnuced]\n---\nRésumé"),
    )
    assert warnings_in(good_content) == []


def test_article_with_an_empty_country_list_points_at_that_line(good_content: Path) -> None:
    add(good_content, "articles/2025/sans-pays.md", NO_COUNTRY.replace("\n---\nRésumé", "\ncountries: []\n---\nRésumé"))
    assert [line.split(" warning:")[0] for line in warnings_in(good_content)] == [
        "content/articles/2025/sans-pays.md:8:"
    ]


NO_SUMMARY = """\
---
title: "Un article sans résumé"
published: 2025-09-01
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
countries: [KZ]
---
<!-- Summary: replace this comment with it. -->
"""


def test_article_with_no_summary_points_at_the_body(good_content: Path) -> None:
    add(good_content, "articles/2025/sans-resume.md", NO_SUMMARY)
    assert warnings_in(good_content) == [
        "content/articles/2025/sans-resume.md:10: warning: the article has no summary; write one below the front "
        "matter, in French and in your own words"
    ]


POSITIONS = """\
---
title: "Deux positions incomplètes"
published: 2025-09-01
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
positions:
  - actor: KZ
    initiative: organisation-mondiale-cooperation-ia
    role: supports
    evidence: "Le Kazakhstan soutient le projet"
  - actor: CN
    initiative: organisation-mondiale-cooperation-ia
    role: proposes
    date: 2025-07
---
Résumé.
"""


def test_position_without_date_or_evidence(good_content: Path) -> None:
    add(good_content, "articles/2025/positions.md", POSITIONS)
    assert warnings_in(good_content) == [
        "content/articles/2025/positions.md:9: warning: positions[0]: the position has no date, so it is shown "
        "under the publication date (2025-09-01); add 'date:' with the day the stance was taken",
        "content/articles/2025/positions.md:13: warning: positions[1]: the position has no evidence; add "
        "'evidence:' with the short quote from the article that shows it",
    ]


def test_registry_entry_nothing_refers_to(good_content: Path) -> None:
    add(good_content, "people/inconnu.md", '---\nname: "Personne Inconnue"\nrole: ministre\ncountry: KZ\n---\nX.\n')
    # ONU is referred to by the initiative it proposes, so only the initiative is unused.
    add(good_content, "organisations/onu.md", '---\nname: "Organisation des Nations unies"\n---\nX.\n')
    add(
        good_content,
        "initiatives/pacte-numerique.md",
        '---\nname: "Pacte numérique"\nproposer: onu\nstatus: adopted\n---\n',
    )
    assert warnings_in(good_content) == [
        "content/initiatives/pacte-numerique.md:2: warning: nothing refers to this initiative: no article or "
        "registry entry names 'pacte-numerique'; refer to it from an article, or delete the file",
        "content/people/inconnu.md:2: warning: nothing refers to this person: no article or registry entry names "
        "'inconnu'; refer to it from an article, or delete the file",
    ]


FUTURE = """\
---
title: "Des dates à venir"
published: 2026-12
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-24
countries: [KZ]
initiatives: [charte-ia]
events:
  - name: "sommet"
    date: 2027
quotes:
  - speaker: kassym-jomart-tokaiev
    text: "Nous y serons"
    date: 2026-11
---
Résumé.
"""


def test_dates_in_the_future(good_content: Path) -> None:
    add(good_content, "articles/2026/futur.md", FUTURE)
    add(good_content, "initiatives/charte-ia.md", '---\nname: "Charte"\nstatus: proposed\nannounced: 2027-03\n---\n')
    # The quote's 2026-11 includes today: not in the future.
    assert warnings_in(good_content) == [
        "content/articles/2026/futur.md:3: warning: published: 2026-12 is in the future (today is 2026-11-23); "
        "check the year",
        "content/articles/2026/futur.md:7: warning: source.retrieved: 2026-11-24 is in the future "
        "(today is 2026-11-23); check the year",
        "content/articles/2026/futur.md:12: warning: events[0].date: 2027 is in the future (today is 2026-11-23); "
        "check the year",
        "content/initiatives/charte-ia.md:4: warning: announced: 2027-03 is in the future (today is 2026-11-23); "
        "check the year",
    ]


def test_today_is_injected_not_read_from_the_clock(good_content: Path) -> None:
    add(good_content, "articles/2026/futur.md", FUTURE.replace("initiatives: [charte-ia]\n", ""))
    report = check_content(good_content, dt.date(2027, 1, 1))
    assert report.warnings == []


def same_source(title: str, url: str, capture: str) -> str:
    return f"""\
---
title: "{title}"
published: 2025-09-01
source:
  publisher: Xinhua
  url: "{url}"
  language: fr
  retrieved: 2026-11-23
  capture: "{capture}"
countries: [KZ]
---
Résumé.
"""


def test_two_records_with_the_same_source(good_content: Path) -> None:
    add(
        good_content,
        "articles/2025/a.md",
        same_source("Premier texte", "https://www.example.org/ia/article#haut", "001_a"),
    )
    add(
        good_content,
        "articles/2025/b.md",
        same_source("Reprise", "http://example.org/ia/article/?utm_source=rss", "002_b"),
    )
    add(good_content, "articles/2025/c.md", same_source("Autre adresse", "https://example.org/ia/autre", "001_a"))
    assert warnings_in(good_content) == [
        "content/articles/2025/b.md:6: warning: source.url: same source URL as content/articles/2025/a.md: "
        "the article may be curated twice; merge the two records",
        "content/articles/2025/c.md:9: warning: source.capture: same capture as content/articles/2025/a.md: "
        "the article may be curated twice; merge the two records",
    ]


def test_near_duplicate_titles_ignore_accents_case_and_punctuation(good_content: Path) -> None:
    original = (good_content.parent / KZ_ARTICLE).read_text(encoding="utf-8")
    copy = original.replace(
        "Le président kazakh soutient l'initiative de coopération mondiale sur l'IA proposée par la Chine",
        "LE PRESIDENT KAZAKH SOUTIENT L’INITIATIVE DE COOPERATION MONDIALE SUR L’IA, PROPOSEE PAR LA CHINE !",
    ).replace("/exemple/2025-08/12/tokaiev.htm", "/exemple/2025-08/13/reprise.htm")  # another outlet's copy
    add(good_content, "articles/2025/copie.md", copy)
    assert warnings_in(good_content) == [
        "content/articles/2025/copie.md:2: warning: title: nearly the same as the title of "
        f"{KZ_ARTICLE} (\"Le président kazakh soutient l'initiative de coopération mondiale sur l'IA proposée par "
        'la Chine"): the article may be curated twice'
    ]


def test_near_duplicate_registry_names(good_content: Path) -> None:
    add(good_content, "people/tokaiev.md", '---\nname: "Kassym Jomart Tokaiev"\nrole: président\ncountry: KZ\n---\n')
    assert warnings_in(good_content) == [
        "content/people/tokaiev.md:2: warning: nothing refers to this person: no article or registry entry names "
        "'tokaiev'; refer to it from an article, or delete the file",
        "content/people/tokaiev.md:2: warning: name: nearly the same as the name in "
        "content/people/kassym-jomart-tokaiev.md ('Kassym-Jomart Tokaïev'): the same person may be registered twice",
    ]


DRAFT = """\
---
draft: true
title: ""
published: 2025-09-01
source:
  publisher: Xinhua
  language: fr
  retrieved: 2026-11-23
countries: [KZ]
---
"""


def test_a_draft_is_listed_with_what_it_lacks(good_content: Path) -> None:
    add(good_content, "articles/2025/brouillon.md", DRAFT)
    assert warnings_in(good_content) == [
        "content/articles/2025/brouillon.md:2: warning: draft: draft, not on the site; "
        "still to complete: title (line 3), the summary"
    ]


def test_a_published_record_still_holding_the_captured_text(good_content: Path) -> None:
    capture = ROOT / "tests/fixtures/captures/000_96d299f1953af554.txt"
    assert main(["ingest", str(capture), "-o", str(good_content / "articles/2025/ingere.md")], today=TODAY) == 0
    draft = (good_content / "articles/2025/ingere.md").read_text(encoding="utf-8")
    kept = [line for line in draft.splitlines() if line != "draft: true" and "guo-jiakun" not in line]  # no entry
    published = "\n".join(kept).replace('capture: "000_96d299f1953af554"', 'capture: "000_copie"') + "\nRésumé.\n"
    (good_content / "articles/2025/ingere.md").write_text(published, encoding="utf-8")
    mark = next(number for number, line in enumerate(published.splitlines(), 1) if "Texte extrait" in line)
    found = [warning for warning in warnings_in(good_content) if "captured article" in warning]
    assert found == [
        f"content/articles/2025/ingere.md:{mark}: warning: the captured article's text is still here, as comments; "
        "delete those lines before publishing: the text is not ours and the repository is public"
    ]


def test_an_outlet_without_an_entry_is_a_warning(good_content: Path) -> None:
    article = good_content / "articles" / "2025" / "2025-07-26-chine-propose-organisation-mondiale-ia.md"
    article.write_text(article.read_text(encoding="utf-8").replace("French.china.org.cn", "Le Matin"), "utf-8")
    assert [warning.rule for warning in check_content(good_content, TODAY).warnings] == [Rule.UNKNOWN_PUBLISHER]
    [warning] = warnings_in(good_content)
    assert warning.startswith(f"{article.relative_to(good_content.parent)}:5: warning: source.publisher: ")
    assert "no publisher entry is named 'Le Matin'" in warning


def test_every_rule_has_a_test() -> None:
    tested = {
        Rule.NO_COUNTRY: test_article_with_no_country,
        Rule.NO_SUMMARY: test_article_with_no_summary_points_at_the_body,
        Rule.UNDATED_POSITION: test_position_without_date_or_evidence,
        Rule.POSITION_WITHOUT_EVIDENCE: test_position_without_date_or_evidence,
        Rule.UNUSED_ENTRY: test_registry_entry_nothing_refers_to,
        Rule.FUTURE_DATE: test_dates_in_the_future,
        Rule.SAME_SOURCE: test_two_records_with_the_same_source,
        Rule.SIMILAR_TITLE: test_near_duplicate_titles_ignore_accents_case_and_punctuation,
        Rule.SIMILAR_NAME: test_near_duplicate_registry_names,
        Rule.DRAFT: test_a_draft_is_listed_with_what_it_lacks,
        Rule.CAPTURED_TEXT: test_a_published_record_still_holding_the_captured_text,
        Rule.INVISIBLE_CHARACTER: test_hostile_text.test_check_warns_on_bidi_controls_and_zero_width_characters,
        Rule.UNKNOWN_PUBLISHER: test_an_outlet_without_an_entry_is_a_warning,
        Rule.OWN_WORDS: test_own_words.test_a_summary_copying_its_capture_is_a_warning,
    }
    assert set(tested) == set(Rule)


# -- errors, and the command's output and exit status -----------------------------------------


def project_with(good_content: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        add(good_content, relative, text)
    return good_content.parent


def run_check(project: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[str]]:
    status = main(["check", "--project", str(project), *options], today=TODAY)
    return status, capsys.readouterr().out.splitlines()


def test_clean_content_exits_0(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check(good_content.parent, capsys) == (0, ["0 errors, 0 warnings"])


def test_warnings_pass_unless_strict(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = project_with(good_content, {"articles/2025/sans-pays.md": NO_COUNTRY})
    expected = [NO_COUNTRY_WARNING, "0 errors, 1 warning"]
    assert run_check(project, capsys) == (0, expected)
    assert run_check(project, capsys, "--strict") == (1, expected)


BROKEN = {
    # YAML stops at the unclosed list: line and column where the parser stopped.
    "countries/fr.md": "---\ncode: [FR\n---\nLa France.\n",
    "articles/2025/vide.md": NO_COUNTRY.replace("published: 2025-09-01", "published:"),
    "articles/2025/inconnu.md": NO_COUNTRY.replace("\n---\nRésumé", "\norganisations: [omc]\n---\nRésumé"),
    "people/sans-role.md": '---\nname: "Sans Rôle"\ncountry: KZ\nrole:\naliases: [a]\nrole: x\n---\n',
}


def test_errors_exit_1_sorted_by_file_then_line(good_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run_check(project_with(good_content, BROKEN), capsys)
    assert status == 1
    assert output == [
        "content/articles/2025/inconnu.md:8: error: organisations[0]: unknown organisation 'omc': expected a "
        "registry entry content/organisations/omc.md",
        "content/articles/2025/vide.md:3: error: published: empty; expected publication date as printed: "
        "YYYY-MM-DD, YYYY-MM or YYYY",
        "content/countries/fr.md:3: error: invalid YAML at line 3, column 1: expected ',' or ']', but got "
        "'<stream end>' (while parsing a flow sequence that starts at line 2, column 7)",
        "content/people/sans-role.md:6: error: role: field given twice (first on line 4); keep only one",
        "4 errors, 0 warnings (warnings are looked for once the errors are fixed)",
    ]
