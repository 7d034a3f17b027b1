"""Reading and rendering on several cores give exactly what one process gives, errors included.

The tests pretend the machine has two cores and no other thread, so the workers really
are forked wherever the tests run.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from generator import parallel
from generator.content.errors import ContentError, Problem
from generator.content.read import read_content, read_document
from generator.output import markup
from generator.output.site_settings import SiteSettings
from generator.pipeline import load_site
from tests.conftest import GOOD_CONTENT, ROOT
from tests.rendering import render_site

TEMPLATES = ROOT / "site_config" / "templates"
SETTINGS = SiteSettings(url="https://exemple.github.io/briefings/")


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def count_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, work of two items or more goes to a pool; the list grows by one per pool made."""
    pools: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *arguments: Any, **options: Any) -> None:
            pools.append(1)
            super().__init__(*arguments, **options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    return pools


@pytest.mark.usefixtures("two_cores")
def test_results_come_back_in_order_from_several_workers() -> None:
    both_working = multiprocessing.get_context("fork").Barrier(2)
    waited: list[bool] = []  # each forked worker has its own copy

    def in_both_workers(item: int) -> tuple[int, int]:
        if not waited:  # a worker's first item waits until the other worker has taken one too
            waited.append(True)
            both_working.wait(timeout=30)
        return item, os.getpid()

    results = parallel.map_in_order(in_both_workers, list(range(1_000)))

    assert [item for item, _ in results] == list(range(1_000))
    workers = {pid for _, pid in results}
    assert len(workers) == 2
    assert os.getpid() not in workers


@pytest.mark.usefixtures("two_cores")
def test_each_result_is_told_in_order_before_the_whole_list_returns() -> None:
    """A first build hands MkDocs each page as it comes (generation_alongside.py): `done` sees them in order."""
    told: list[tuple[int, int]] = []
    results = parallel.map_in_order(lambda item: item * item, list(range(1_000)), done=lambda *pair: told.append(pair))
    assert told == [(item, item * item) for item in range(1_000)]
    assert results == [item * item for item in range(1_000)]


@pytest.mark.usefixtures("two_cores")
def test_small_jobs_stay_in_the_calling_process() -> None:
    results = parallel.map_in_order(lambda item: os.getpid(), list(range(parallel.PARALLEL_FROM - 1)))

    assert set(results) == {os.getpid()}


@pytest.mark.usefixtures("two_cores")
def test_a_process_with_other_threads_is_not_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 3)  # as under `mkdocs serve`

    assert set(parallel.map_in_order(lambda item: os.getpid(), list(range(1_000)))) == {os.getpid()}


@pytest.mark.usefixtures("two_cores")
def test_a_content_error_in_a_worker_reaches_the_caller_whole() -> None:
    problem = Problem("site_config/templates/article.md.j2", 12, "", "template error: 'x' is undefined")

    def fail_on_700(item: int) -> int:
        if item == 700:
            raise ContentError([problem])
        return item

    with pytest.raises(ContentError) as raised:
        parallel.map_in_order(fail_on_700, list(range(1_000)))

    assert raised.value.problems == [problem]


@pytest.mark.usefixtures("two_cores")
def test_pages_rendered_in_workers_are_the_pages_rendered_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    site = load_site(GOOD_CONTENT)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    alone = render_site(site, TEMPLATES, SETTINGS)
    pools = count_pools(monkeypatch)

    shared = render_site(site, TEMPLATES, SETTINGS)

    assert pools == [1]
    assert list(shared) == list(alone)
    assert shared == alone


@pytest.mark.usefixtures("two_cores")
def test_editor_texts_rendered_ahead_by_workers_are_those_rendered_on_demand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(markup, "_HTML", {})
    texts = [f"Texte **{number}** <script>x</script> [lien](https://exemple.org/{number})" for number in range(50)]

    markup.render_editor_texts(texts + texts[:5])
    rendered_ahead = dict(markup._HTML)

    assert rendered_ahead == {text: markup._safe_html(text) for text in texts}
    assert "<script>" not in markup.editor_html(texts[0])


@pytest.mark.usefixtures("two_cores")
def test_records_read_by_workers_are_those_read_in_one_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, content)
    for broken in ("not_utf8.md", "invalid_yaml.md", "no_front_matter.md"):  # problems travel back too
        shutil.copy(ROOT / "tests" / "fixtures" / "bad" / broken, content / "articles" / broken)
    alone = read_content(content, lambda files: [read_document(*file) for file in files])
    pools = count_pools(monkeypatch)

    shared = read_content(content)

    assert pools == [1]
    assert len(shared[1]) == 3
    assert shared == alone
