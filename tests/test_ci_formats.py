"""CI formats (SARIF, GitHub annotations, GitLab Code Quality), --output-file, baselines,
stdin and the GitHub Action step, as a content repository's CI would use them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, run_cli

DATA = Path(__file__).parent / "data"


def corpus_copy(tmp_path) -> Path:
    dest = tmp_path / "articles"
    shutil.copytree(CORPUS, dest)
    return dest


def test_sarif_validates_against_the_official_schema_with_rule_metadata(tmp_path):
    import jsonschema
    corpus_copy(tmp_path)
    proc = run_cli("check", "articles", "missing.md", "--no-cache", "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 2  # the missing file is an error; the rest is still reported
    sarif = json.loads(proc.stdout)
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    from cpolint.registry import load_registry

    registry = load_registry()
    for code in ("S001", "C001", "B001", "E001", "R001"):
        cls = registry.rules[code]
        assert rules[code]["help"]["text"] == cls.documentation()
        assert rules[code]["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                                 "info": "note"}[cls.severity]
        assert rules[code]["properties"]["ruleName"] == cls.name
    results = run["results"]
    assert results and all(r["ruleId"] in rules and r["partialFingerprints"]["cpolintFingerprint/v1"] for r in results)
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("articles/") and loc["region"]["startLine"] >= 1
    assert any("missing.md" in n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"])


def test_github_annotations_are_escaped(tmp_path):
    from cpolint.reporters.github import escape_data, escape_property

    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z\n") == "x%3Ay%2Cz%0A"
    (tmp_path / "odd, name: v2.txt").write_text("CDO\nThe CDO runs [[Data Governance]] at 100% effort.\n")
    proc = run_cli("check", "odd, name: v2.txt", "--no-cache", "--format", "github", "--select", "E006", cwd=tmp_path)
    line = proc.stdout.decode().splitlines()[0]
    assert line.startswith("::warning file=odd%2C name%3A v2.txt,line=2,endLine=2,col=14,endColumn=33,"
                           "title=E006 wiki-link [editor-note]::")
    assert line.endswith("'[[Data Governance]]' is shown raw to readers; write 'Data Governance' or a real link")


def test_gitlab_code_quality_report(tmp_path):
    import jsonschema
    corpus_copy(tmp_path)
    proc = run_cli("check", "articles", "--no-cache", "--format", "gitlab", cwd=tmp_path)
    report = json.loads(proc.stdout)
    jsonschema.Draft7Validator(json.loads((DATA / "gitlab-codequality.json").read_text())).validate(report)
    assert len({r["fingerprint"] for r in report}) == len(report)  # unique, as GitLab requires
    assert {r["severity"] for r in report} <= {"major", "minor", "info"}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab"])
def test_exit_status_and_fail_on_are_the_same_in_every_format(tmp_path, fmt):
    (tmp_path / "a.txt").write_text("CDO\nThe CDO runs [[Data Governance]].\n")
    base = ["check", "a.txt", "--no-cache", "--select", "E006", "--format", fmt]
    assert run_cli(*base, cwd=tmp_path).returncode == 0
    assert run_cli(*base, "--fail-on", "warning", cwd=tmp_path).returncode == 1
    assert run_cli(*base, "--select", "NOPE9", cwd=tmp_path).returncode == 2


def test_output_file_keeps_text_on_the_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("CDO\nThe CDO runs [[Data Governance]].\n")
    proc = run_cli("check", "a.txt", "--no-cache", "--select", "E006", "--format", "sarif",
                   "--output-file", "out.sarif", cwd=tmp_path)
    assert proc.stdout.decode().startswith("a.txt:2:14: E006 [editor-note]")
    assert json.loads((tmp_path / "out.sarif").read_text())["version"] == "2.1.0"


def _codes(proc) -> list[tuple[str, int, str]]:
    return [(d["path"], d["line"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]]


def test_baseline_round_trip(tmp_path):
    repo = tmp_path
    (repo / ".cpolint.yaml").write_text("select: [editor-note]\n")
    a = repo / "articles" / "a.txt"
    b = repo / "articles" / "b.txt"
    a.parent.mkdir()
    a.write_text("CDO\nThe CDO runs [[Data Governance]].\nTODO: add salary data.\n")
    b.write_text("CMO\nThe CMO owns the brand. [[Brand Book]]\n")
    proc = run_cli("baseline", "articles", "-o", ".cpolint-baseline.json", cwd=repo)
    assert proc.returncode == 0 and b"3 findings in 2 files" in proc.stdout
    check = ["check", "articles", "--no-cache", "--baseline", ".cpolint-baseline.json", "--format", "json",
             "--fail-on", "warning"]
    clean = run_cli(*check, cwd=repo)
    assert clean.returncode == 0 and _codes(clean) == []

    # A paragraph added above a known finding does not resurrect it.
    a.write_text("CDO\nA new opening paragraph.\nThe CDO runs [[Data Governance]].\nTODO: add salary data.\n")
    assert _codes(run_cli(*check, cwd=repo)) == []
    # A new defect fails the build, alone.
    b.write_text("CMO\nThe CMO owns the brand. [[Brand Book]]\nNote to editor: check the pay figure.\n")
    new = run_cli(*check, cwd=repo)
    assert new.returncode == 1 and _codes(new) == [("articles/b.txt", 3, "E003")]
    # Changing the flagged text makes it a new finding.
    a.write_text("CDO\nA new opening paragraph.\nThe CDO runs [[Data Stewardship]].\nTODO: add salary data.\n")
    assert ("articles/a.txt", 3, "E006") in _codes(run_cli(*check, cwd=repo))
    # Fixing an old finding: the baseline says how many entries can go; --prune-baseline drops them.
    a.write_text("CDO\nA new opening paragraph.\nThe CDO runs data stewardship.\nSalary data follows.\n")
    b.write_text("CMO\nThe CMO owns the brand. [[Brand Book]]\n")
    text = run_cli("check", "articles", "--no-cache", "--baseline", ".cpolint-baseline.json", cwd=repo)
    assert b"2 baseline entries are fixed and can be dropped" in text.stdout
    run_cli("check", "articles", "--no-cache", "--baseline", ".cpolint-baseline.json", "--prune-baseline", cwd=repo)
    entries = json.loads((repo / ".cpolint-baseline.json").read_text())["entries"]
    assert [(e["path"], e["code"]) for e in entries] == [("articles/b.txt", "E006")]


def test_stdin_with_json(tmp_path):
    proc = run_cli("check", "--stdin", "--stdin-filename", "drafts/cpo.html", "--no-cache", "--format", "json",
                   "--select", "E006", input=b"<p>The CPO owns the [[Roadmap]].</p>", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert data["files"][0]["path"] == "drafts/cpo.html" and data["files"][0]["format"] == "html"
    assert [(d["line"], d["column"], d["code"]) for d in data["diagnostics"]] == [(1, 21, "E006")]


def test_the_github_action_step_writes_sarif_and_annotations(tmp_path):
    import ruamel.yaml

    action = ruamel.yaml.YAML(typ="safe").load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("CDO\nThe CDO runs [[Data Governance]].\nTODO: check.\n")
    out = tmp_path / "github_output"
    bindir = Path(os.environ.get("VIRTUAL_ENV", "")) / "bin"
    env = dict(os.environ, CPOLINT_PATHS="articles", CPOLINT_ARGS="--select editor-note --no-cache",
               CPOLINT_SARIF="true", CPOLINT_ANNOTATIONS="true", GITHUB_OUTPUT=str(out),
               PATH=f"{Path(os.sys.executable).parent}:{bindir}:{os.environ['PATH']}")
    proc = subprocess.run(["bash", str(REPO / ".github" / "action-lint.sh")], cwd=tmp_path, env=env,
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().strip() == "exit-code=1"  # a TODO is an error: the workflow fails after uploading
    assert json.loads((tmp_path / "cpolint.sarif").read_text())["runs"][0]["results"]
    assert "::error file=articles/a.txt,line=3" in proc.stdout.decode()
