"""Publishing: the GitHub Pages workflow is well formed and gated by the tests, and `mkdocs gh-deploy`
publishes a working site to a gh-pages branch.

The workflow is checked against the GitHub Actions workflow schema that check-jsonschema
bundles (no network), then for what a Pages deployment needs. gh-deploy runs for real on a
copy of the project whose `origin` is a local bare repository; nothing leaves the machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import MKDOCS, PUBLISHED_URL, ROOT, copy_project
from tests.markers import require_marker

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    loaded["on"] = loaded.pop(True)  # YAML 1.1 reads the bare key `on` as true
    return loaded


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if str(step.get("uses", "")).startswith(f"{action}@")]


def test_workflow_matches_the_github_actions_schema() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_deploys_on_every_push_to_main(workflow: dict[str, Any]) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_workflow_builds_with_the_make_targets_after_the_tests_pass(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    commands = [str(step.get("run", "")) for step in build["steps"]]
    tests = commands.index("bash .ci/run")  # installs Chromium and Java, then `make test`
    site = commands.index("make site")
    assert tests < site
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    configure = steps_using(build, "actions/configure-pages")
    assert len(configure) == 1 and build["steps"].index(configure[0]) < site
    environment = build["steps"][site]["env"]
    assert environment["SITE_URL"] == f"${{{{ steps.{configure[0]['id']}.outputs.base_url }}}}"
    assert environment["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"

    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site" and build["steps"].index(upload) > site


def test_workflow_deploys_the_built_artifact_with_the_official_action(workflow: dict[str, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_every_make_target_the_workflow_runs_exists(workflow: dict[str, Any]) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = {
        target
        for job in workflow["jobs"].values()
        for step in job["steps"]
        for target in re.findall(r"\bmake (\w+)", str(step.get("run", "")))
    }
    assert targets and [target for target in targets if not re.search(rf"^{target}:", makefile, re.M)] == []


def git(*arguments: str, cwd: Path) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    result = subprocess.run(["git", *arguments], cwd=cwd, env=environment, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.build
def test_mkdocs_gh_deploy_publishes_the_site_to_a_gh_pages_branch(tmp_path: Path) -> None:
    require_marker("build", "runs `mkdocs gh-deploy`")
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    project = copy_project(tmp_path / "project")
    git("init", "--quiet", "--initial-branch=main", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "--quiet", "-m", "Briefings", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)

    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": PUBLISHED_URL,  # as the workflow sets it: a published site has its address (and a sitemap)
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    result = subprocess.run(
        [str(MKDOCS), "gh-deploy", "--strict", "--force", "--remote-name", "origin", "--message", "Publish"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    published = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines())
    assert {".nojekyll", "index.html", "404.html", "sitemap.xml", "pays/kz/index.html"} <= published
    assert "pagefind/pagefind-ui.js" in published  # the search index is built during gh-deploy too
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote).strip() == "Publish"
