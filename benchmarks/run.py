"""`make bench [N=1000]`: measure the generator and the site on a synthetic corpus of N articles.

Everything is measured in one run, on one corpus, so each figure has its baseline beside it:

- floor_s: read and parse every record with python-frontmatter (phases.py), nothing else;
- generate_s: the whole generator (read, validate, link, render, write) into an empty folder;
- build_s: `mkdocs build --strict` from an empty docs folder and no site folder, as a first
  build: generation (alongside MkDocs: generation_alongside.py), MkDocs, Pagefind;
- mkdocs_plain_s: `mkdocs build --strict` of the same generated pages with the same
  mkdocs.yml, theme and overrides, minus the briefings plugin (so no generation, no Pagefind);
- mkdocs_plain_before_s: the same, on the pages the generator of an earlier commit wrote from
  the same corpus, before the Markdown was made cheaper (markdown_before.py);
- incremental_s, files_rewritten: a title edit shown by the live preview (preview.py);
- incremental_relink_s: an edit of who did what (a position's role) shown by the preview;
- publish_one_edit_s, publish_pages_rebuilt: `make site` after one article changed, from the last
  build's site folder and state; serve_ready_s, serve_up_to_date_s: `make serve` from the last
  build until the first page is served, and until it shows an edit made before (last_build.py);
- peak_rss_mb: the most memory generation or the full build held at once, all their processes
  together (memory.py: MkDocs, the Pagefind service beside it, rendering workers), in one more
  run of each: sampling slows what it measures, so no timed run is sampled;
- site_mb, largest_page_kb: the built site and its heaviest HTML page;
- search_first_query_kb, search_first_results_s: the first search in Chromium (search.py), the
  median of three, each in a fresh browser.

Timings on a shared machine are noisy; the ratios against the same-run baselines are what
the targets are about. The figures go to benchmarks/results.json (and results-nN.json,
which the growth table of benchmarks/README.md is made from) and into that file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks.last_build import measure_publish_one_edit, measure_serve_ready
from benchmarks.make_corpus import write_corpus
from benchmarks.markdown_before import measure_plain_before
from benchmarks.memory import TreeMemory
from benchmarks.preview import address, free_port, measure_preview_edit
from benchmarks.search import measure_first_search

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
MKDOCS = Path(sys.executable).parent / "mkdocs"
QUERY = "gouvernance"
SEARCHES = 3
KEYS = (
    "n",
    "floor_s",
    "generate_s",
    "build_s",
    "mkdocs_plain_s",
    "mkdocs_plain_before_s",
    "incremental_s",
    "incremental_relink_s",
    "publish_one_edit_s",
    "publish_pages_rebuilt",
    "serve_ready_s",
    "serve_up_to_date_s",
    "files_rewritten",
    "peak_rss_mb",
    "site_mb",
    "largest_page_kb",
    "search_first_query_kb",
    "search_first_results_s",
)
RATIOS = (
    "generate_s / floor_s",
    "build_s / mkdocs_plain_s",
    "publish_one_edit_s / build_s",
    "serve_ready_s / build_s",
    "mkdocs_plain_s / mkdocs_plain_before_s",
)
"""Reported under the figures; those in TARGETS with their target (generation's is no longer one: issue 16)."""
TARGETS = {
    "build_s / mkdocs_plain_s": 1.3,
    "publish_one_edit_s / build_s": 0.15,
    "serve_ready_s / build_s": 0.05,
    "mkdocs_plain_s / mkdocs_plain_before_s": 0.6,
}


def ratio(results: dict[str, float | int], name: str) -> float:
    numerator, denominator = name.split(" / ")
    return results[numerator] / results[denominator]


def prepare(project: Path, n: int) -> None:
    """A fresh project folder: the site's configuration and templates, and a corpus of n articles."""
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "site_config", project / "site_config")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "build" / "docs").mkdir(parents=True)
    write_corpus(project, n)
    with (ROOT / "mkdocs.yml").open("rb") as stream:
        plain = yaml_load(stream)  # MkDocs' loader: it resolves the !ENV values
    plain["plugins"] = [p for p in plain["plugins"] if not (isinstance(p, dict) and "briefings" in p)]
    plain["site_dir"] = "site-plain"
    plain["edit_uri"] = None  # as the plugin does: MkDocs' own edit links would point at generated files
    (project / "mkdocs-plain.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), "utf-8")


def phase(name: str, project: Path, *, sample_memory: bool = False) -> dict[str, float]:
    """Run one phase of phases.py in a fresh process; return its seconds (and its peak memory in MB, if sampled)."""
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "benchmarks.phases", name, str(project)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    with _sampled(process.pid, sample_memory) as memory:
        output, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"benchmarks.phases {name} failed with status {process.returncode}")
    measured = json.loads(output.strip().splitlines()[-1])
    return {**measured, "peak_rss_mb": memory.peak_mb} if memory else measured


def timed_mkdocs(project: Path, *arguments: str, sample_memory: bool = False) -> tuple[float, float | None]:
    """Run `mkdocs build --strict` in `project`; return its seconds and, if sampled, the peak memory in MB of
    its process tree (MkDocs, the Pagefind service it runs alongside, the generation's child)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = project / "build.log"
    with log.open("w") as stream:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [str(MKDOCS), "build", "--strict", *arguments], cwd=project, env=environment, stdout=stream, stderr=stream
        )
        with _sampled(process.pid, sample_memory) as memory:
            process.wait()
        seconds = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{log.read_text(encoding='utf-8')[-4000:]}")
    return seconds, memory.peak_mb if memory else None


def first_build_peak_mb(project: Path) -> float:
    """The peak memory in MB of a first build's process tree."""
    first_build_ahead(project)
    _, peak = timed_mkdocs(project, sample_memory=True)
    assert peak is not None  # sampled
    return peak


def _sampled(pid: int, sample_memory: bool) -> contextlib.AbstractContextManager[TreeMemory | None]:
    """A sampler of the memory of `pid`'s tree, or none: a timed run is never sampled (memory.py says why)."""
    return TreeMemory(pid) if sample_memory else contextlib.nullcontext()


def first_build_ahead(project: Path) -> None:
    """Empty the docs folder and remove the site folder: the next build is a first build, not one over the last."""
    docs = project / "build" / "docs"
    shutil.rmtree(docs)
    docs.mkdir()
    shutil.rmtree(project / "site", ignore_errors=True)


def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1024**2


def run(n: int, repeat: int, work: Path) -> dict[str, float | int]:
    project = work / f"n{n}"
    print(f"Corpus of {n} articles in {project} …", flush=True)
    port = free_port()
    os.environ["SITE_URL"] = address(port)  # the preview's address: the previews below start from the full build
    prepare(project, n)
    floor = min(phase("floor", project)["seconds"] for _ in range(repeat + 1))  # the first run warms the disk cache
    generations = [phase("generate", project) for _ in range(repeat)]
    generate_s = min(run["seconds"] for run in generations)
    print(f"  floor {floor:.2f} s, generation {generate_s:.2f} s", flush=True)

    builds, plains = [], []
    for _ in range(repeat):
        first_build_ahead(project)
        builds.append(timed_mkdocs(project)[0])
        plains.append(timed_mkdocs(project, "-f", "mkdocs-plain.yml")[0])
    # Memory is measured in runs of their own, after the timed ones; the last leaves the site measured below.
    peaks = [phase("generate", project, sample_memory=True)["peak_rss_mb"]]
    peaks.append(first_build_peak_mb(project))
    plain_before = measure_plain_before(project, repeat)
    print(f"  build {min(builds):.1f} s, plain mkdocs {min(plains):.1f} s (before: {plain_before:.1f} s)", flush=True)

    site = project / "site"
    largest = max(path.stat().st_size for path in site.rglob("*.html"))
    # Each a first search, in a browser of its own; one run on a shared machine is too noisy.
    searches = sorted((measure_first_search(site, QUERY) for _ in range(SEARCHES)), key=lambda found: found.seconds)
    search = searches[len(searches) // 2]
    times = ", ".join(f"{found.seconds:.2f}" for found in searches)
    print(f"  search: {search.kilobytes:.0f} KB, median of {times} s, {search.results} results", flush=True)
    publish = measure_publish_one_edit(project)
    print(
        f"  publish one edit {publish.seconds:.1f} s ({publish.pages_rebuilt} of {publish.pages} pages rebuilt; "
        f"generation {publish.generation_s:.1f} s, search index {publish.search_index_s:.1f} s)",
        flush=True,
    )
    serve = measure_serve_ready(project, port)
    print(f"  serve: first page {serve.ready_s:.2f} s, edit shown {serve.up_to_date_s:.1f} s", flush=True)
    preview = measure_preview_edit(project, port)
    print(
        f"  preview: title edit {preview.seconds:.2f} s, {preview.files_rewritten} files rewritten; "
        f"position edit {preview.relink_seconds:.2f} s",
        flush=True,
    )
    return {
        "n": n,
        "floor_s": round(floor, 2),
        "generate_s": round(generate_s, 2),
        "build_s": round(min(builds), 1),
        "mkdocs_plain_s": round(min(plains), 1),
        "mkdocs_plain_before_s": round(plain_before, 1),
        "incremental_s": round(preview.seconds, 2),
        "incremental_relink_s": round(preview.relink_seconds, 2),
        "files_rewritten": preview.files_rewritten,
        "publish_one_edit_s": round(publish.seconds, 1),
        "publish_pages_rebuilt": publish.pages_rebuilt,
        "serve_ready_s": round(serve.ready_s, 2),
        "serve_up_to_date_s": round(serve.up_to_date_s, 1),
        "peak_rss_mb": round(max(peaks)),
        "site_mb": round(folder_mb(site), 1),
        "largest_page_kb": round(largest / 1024, 1),
        "search_first_query_kb": round(search.kilobytes),
        "search_first_results_s": round(search.seconds, 2),
    }


def table(results: dict[str, float | int]) -> str:
    """The figures of one run, and the ratios the targets are about, as a Markdown table."""
    rows = [f"| {key} | {results[key]} |" for key in KEYS]
    for name in RATIOS:
        target = f" (target ≤ {TARGETS[name]})" if name in TARGETS else ""
        rows.append(f"| {name} | {ratio(results, name):.2f}{target} |")
    return "\n".join(["| measure | value |", "| --- | --- |", *rows])


def growth_table() -> str:
    """One column per corpus size measured so far (results-nN.json), one row per figure."""
    runs = sorted(
        (json.loads(path.read_text(encoding="utf-8")) for path in HERE.glob("results-n*.json")),
        key=lambda run: run["n"],
    )
    header = "| measure | " + " | ".join(f"N={run['n']:,}".replace(",", " ") for run in runs) + " |"
    lines = [header, "| --- |" + " --- |" * len(runs)]
    lines += [f"| {key} | " + " | ".join(str(run.get(key, "—")) for run in runs) + " |" for key in KEYS[1:]]
    for name in RATIOS:
        cells = (f"{ratio(run, name):.2f}" if all(key in run for key in name.split(" / ")) else "—" for run in runs)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update_readme(readme: Path) -> None:
    """Replace the benchmark table of `readme` (between its markers) with the growth table."""
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    text = readme.read_text(encoding="utf-8")
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        readme.write_text(f"{before}{start}\n{growth_table()}\n{end}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the briefing generator on N synthetic articles.")
    parser.add_argument("--n", type=int, default=1_000, help="number of articles (default: 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timed build; the best counts")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench", help="where the corpus is built")
    parser.add_argument("--no-readme", action="store_true", help="do not record the results in benchmarks/README.md")
    arguments = parser.parse_args(argv)
    results = run(arguments.n, arguments.repeat, arguments.work)
    text = json.dumps(results, indent=2) + "\n"
    if not arguments.no_readme:
        (HERE / "results.json").write_text(text, encoding="utf-8")
        (HERE / f"results-n{arguments.n}.json").write_text(text, encoding="utf-8")
        update_readme(HERE / "README.md")
    print(table(results))


if __name__ == "__main__":
    main()
