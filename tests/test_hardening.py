"""Hardening: no input crashes cpolint, nothing is lost, nothing runs from a YAML file.

The property tests feed the document model and every default rule arbitrary and hostile
text in each format; each reports how many inputs it tried (see the README's table).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, run_cli

EXAMPLES = int(os.environ.get("CPOLINT_HYPOTHESIS_EXAMPLES", "150"))
TRIED: dict[str, int] = {}

# Characters that break naive text handling.
NASTY = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\u202d", "\u2066", "\u2069", "\r\n", "\r",
         "\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\x85", "é", "😀", "\u0301", "[[", "]]", "{{", "}}",
         "<!--", "-->", "<p>", "</p>", "<li>", "---\n", "# ", "- ", "* ", "1. ", "> ", "|", "$", "£", "%",
         "TODO", "at least 5 years", "$120,000", "($50/hour)", "reports to the CEO", "Here are three trends:"]
text_strategy = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(NASTY)), max_size=60).map("".join)


def _check(name: str, text: str) -> None:
    from cpolint.config import Settings
    from cpolint.linter import lint_text

    doc, outcome, _ = lint_text(name, text, Settings())
    assert outcome.errors == [], outcome.errors
    lines = doc.line_count
    for d in outcome.diagnostics:
        assert 1 <= d.line <= d.end_line <= max(lines, 1), (d, lines)
        assert d.column >= 1 and d.end_column >= 1
        assert d.column <= len(doc.line_text(d.line)) + 1 or d.line == d.end_line == 1
    # Keyed by the running test, so the count below checks each property test on its own.
    test = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]
    TRIED[test] = TRIED.get(test, 0) + 1


HYP = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@HYP
@given(text_strategy)
def test_any_plain_text(text):
    _check("a.txt", text)


@HYP
@given(text_strategy)
def test_any_markdown(text):
    _check("a.md", text)


@HYP
@given(text_strategy)
def test_any_html(text):
    _check("a.html", text)


@HYP
@given(st.integers(1, 60), st.sampled_from(["- ", "> ", "1. ", "  - ", "* > "]))
def test_deeply_nested_markdown(depth, marker):
    text = "".join("  " * k + marker + f"item {k}\n" for k in range(depth)) + ("> " * depth) + "quote\n"
    _check("a.md", text)


@HYP
@given(st.lists(st.sampled_from(["<div>", "<p>", "</div>", "<ul>", "<li>", "</p>", "<table>", "<td>", "<b>",
                                 "<!--", "<script>", "</script>", "<", ">", "&amp", "&#x", "text ", "<h2>",
                                 "</h2>", "<a href='x'>", "</a>", "<img src=placeholder.png>"]), max_size=80))
def test_malformed_html(parts):
    _check("a.html", "".join(parts))


@HYP
@given(st.text(max_size=200))
def test_front_matter_that_is_not_yaml(body):
    _check("a.md", f"---\n{body}\n---\n# Title\n\nSome text.\n")


def test_edge_shapes():
    for name, text in [("a.txt", ""), ("a.txt", "   \n\t\n  "), ("a.md", "\n\n\n"), ("a.html", " "),
                       ("a.txt", "x" * 100_000), ("a.md", "# " + "word " * 20_000),
                       ("a.txt", "\ufeffTitle\r\nBody text.\rMore.\n"), ("a.md", "## A\n\n## B\n\n## C\n"),
                       ("a.txt", "Heading\n" * 500)]:
        _check(name, text)


def test_every_property_test_tried_its_full_count_of_inputs():
    # Runs after the property tests in this module (pytest keeps file order); the README quotes
    # 6 x EXAMPLES. Run on its own (-k), nothing has been tried yet and there is nothing to check.
    tried = {test: n for test, n in TRIED.items() if "test_edge_shapes" not in test}
    if not tried:
        pytest.skip("no property test ran in this session")
    assert all(n >= EXAMPLES for n in tried.values()), tried


# -- files ---------------------------------------------------------------------------------------
def test_a_rule_that_crashes_is_an_internal_error_and_the_rest_goes_on(tmp_path, monkeypatch):
    from cpolint.config import Settings
    from cpolint.linter import get_engine, lint_path

    (tmp_path / "a.txt").write_text("CDO\nThe CDO runs [[Data]].\n")
    settings = Settings(select=["E006", "E004"])
    engine = get_engine(settings)
    broken = next(r for r in engine.rules if r.code == "E004")
    monkeypatch.setattr(broken, "check", lambda ctx: 1 / 0)
    result = lint_path(str(tmp_path / "a.txt"), settings)
    assert [d.code for d in result.diagnostics] == ["E006"]
    assert any("internal error in rule E004 (todo-marker): ZeroDivisionError" in e for e in result.errors)


def test_oversized_file_is_refused_with_a_clear_message(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "w") as handle:
        line = "The chief product officer leads the product team and sets its strategy.\n"
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 100 * 1024 * 1024
    (tmp_path / "ok.txt").write_text("CDO\nThe CDO runs [[Data]].\n")
    start = time.monotonic()
    proc = run_cli("check", "big.txt", "ok.txt", "--no-cache", "--select", "E006", cwd=tmp_path)
    assert time.monotonic() - start < 60
    err = proc.stderr.decode()
    assert "big.txt: skipped: file is 104,857,6" in err and "over the 10,000,000-byte limit (max-file-size)" in err
    assert "ok.txt:2:14: E006" in proc.stdout.decode()
    (tmp_path / ".cpolint.yaml").write_text("select: [E006]\nmax-file-size: 200000000\n")
    small = tmp_path / "medium.txt"
    small.write_text("CDO\n" + "The CDO runs data work every day without fuss.\n" * 40_000 + "See [[Data]].\n")
    proc = run_cli("check", "medium.txt", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0 and b"medium.txt:40002:5: E006" in proc.stdout


def test_twenty_thousand_files_and_a_symlink_loop_finish(tmp_path):
    root = tmp_path / "articles"
    for d in range(100):
        folder = root / f"d{d:03}"
        folder.mkdir(parents=True)
        for f in range(200):
            (folder / f"a{f:03}.txt").write_text("" if f % 50 == 0 else "CDO\nShort article.\n")
    os.symlink(root, root / "d000" / "loop", target_is_directory=True)
    start = time.monotonic()
    proc = run_cli("check", "articles", "--no-cache", "--select", "S009", "--format", "json", "--jobs", "2",
                   cwd=tmp_path, timeout=900)
    elapsed = time.monotonic() - start
    data = json.loads(proc.stdout)
    assert len(data["files"]) == 20_000
    assert len(data["diagnostics"]) == 400  # every 50th file is empty
    assert proc.returncode == 1
    print(f"20,000 files in {elapsed:.0f} s")


@pytest.mark.parametrize("name,data,expected_line", [
    ("utf8-bom.txt", "\ufeffCDO\nThe CDO runs [[Data]].\n".encode("utf-8"), 2),
    ("utf16.txt", "CDO\nThe CDO runs [[Data]].\n".encode("utf-16"), 2),
    ("utf16be.txt", b"\xfe\xff" + "CDO\nThe CDO runs [[Data]].\n".encode("utf-16-be"), 2),
    ("latin1.txt", "Café CDO\nThe CDO runs [[Data]].\n".encode("latin-1"), 2),
    ("utf32.txt", "CDO\nThe CDO runs [[Data]].\n".encode("utf-32"), 2),
])
def test_encodings_are_decoded_or_reported(tmp_path, name, data, expected_line):
    (tmp_path / name).write_bytes(data)
    proc = run_cli("check", name, "--no-cache", "--select", "E006", cwd=tmp_path)
    assert f"{name}:{expected_line}:".encode() in proc.stdout
    assert b"Traceback" not in proc.stderr


# -- fixes ---------------------------------------------------------------------------------------
def test_fix_keeps_line_endings_and_a_bom(tmp_path):
    path = tmp_path / "a.txt"
    original = "\ufeffCDO\r\nThe CDO runs [[Data Governance]].\r\nMore text here.\r\n"
    path.write_bytes(original.encode("utf-8"))
    run_cli("check", "a.txt", "--no-cache", "--fix", "--select", "E006", cwd=tmp_path)
    assert path.read_bytes() == "\ufeffCDO\r\nThe CDO runs Data Governance.\r\nMore text here.\r\n".encode("utf-8")


def test_fix_never_writes_through_a_symlink_out_of_the_tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "a.txt"
    target.write_text("CDO\nThe CDO runs [[Data]].\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    os.symlink(target, tree / "link.txt")
    proc = run_cli("check", "link.txt", "--no-cache", "--fix", "--select", "E006", cwd=tree)
    assert target.read_text() == "CDO\nThe CDO runs [[Data]].\n"
    assert b"symlink to a file outside this tree" in proc.stderr


def test_fix_refuses_a_file_decoded_with_replacement(tmp_path):
    path = tmp_path / "a.txt"
    # UTF-8 ("’") with one byte that is not: the byte is replaced, so the file is never rewritten.
    data = "The CDO’s guide\n".encode("utf-8") + b"Caf\xe9 CDO\nThe CDO runs [[Data]].\n"
    path.write_bytes(data)
    proc = run_cli("check", "a.txt", "--no-cache", "--fix", "--select", "E006", cwd=tmp_path)
    assert path.read_bytes() == data
    assert b"not fixed" in proc.stderr and b"replacement characters" in proc.stderr


def test_a_windows_1252_file_is_read_as_such_and_fixed_in_it(tmp_path):
    path = tmp_path / "a.txt"
    data = "Caf\xe9 CDO\nThe CDO\u2019s pay is \u20ac150,000 a year.\nThe CDO runs [[Data]].\n".encode("cp1252")
    path.write_bytes(data)
    proc = run_cli("check", "a.txt", "--no-cache", "--format", "json", "--select", "E006", cwd=tmp_path)
    assert b"read as Windows-1252" in proc.stderr
    assert [d["line"] for d in json.loads(proc.stdout)["diagnostics"]] == [3]
    run_cli("check", "a.txt", "--no-cache", "--fix", "--select", "E006", cwd=tmp_path)
    # Fixed, and still Windows-1252: every byte outside the fix is as it was.
    assert path.read_bytes() == data.replace(b"[[Data]]", b"Data")


# -- YAML and patterns -----------------------------------------------------------------------------
MALICIOUS = "!!python/object/apply:os.system ['touch PWNED']"


@pytest.mark.parametrize("where", ["config", "schema", "pack", "front-matter"])
def test_yaml_tags_are_rejected_and_nothing_runs(tmp_path, where):
    article = tmp_path / "a.md"
    article.write_text("# CPO\n\nThe CPO runs product.\n")
    args = ["check", "a.md", "--no-cache"]
    if where == "config":
        (tmp_path / ".cpolint.yaml").write_text(f"schema: {MALICIOUS}\n")
    elif where == "schema":
        (tmp_path / "evil.yaml").write_text(f"schema: evil\nrole: {MALICIOUS}\nsections: []\n")
        args += ["--schema", "evil.yaml"]
    elif where == "pack":
        (tmp_path / "evil.yaml").write_text(f"pack: evil\nlexicons:\n  writer-verbs: {MALICIOUS}\n")
        (tmp_path / ".cpolint.yaml").write_text("packs: [evil.yaml]\n")
    else:
        article.write_text(f"---\ntitle: {MALICIOUS}\n---\n# CPO\n\nThe CPO runs product.\n")
    proc = run_cli(*args, cwd=tmp_path)
    assert not (tmp_path / "PWNED").exists()
    out = proc.stdout.decode() + proc.stderr.decode()
    assert "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in out
    expected = {"config": ".cpolint.yaml:1:1: YAML tag", "schema": "evil.yaml:2:1: YAML tag",
                "pack": "evil.yaml:3:3: YAML tag", "front-matter": "a.md:2:1: S010"}[where]
    assert expected in out
    # Broken configuration stops the run (exit 2); broken front matter is a finding in that article.
    assert proc.returncode == (1 if where == "front-matter" else 2)


def test_an_evil_pattern_cannot_hang_the_run(tmp_path):
    (tmp_path / "evil.yaml").write_text(textwrap.dedent("""\
        pack: evil
        rules:
          - code: X900
            name: evil-pattern
            extends: existence
            category: editor-note
            patterns: ['(a|aa)+$']
            message: found
    """))
    (tmp_path / ".cpolint.yaml").write_text("select: [X900]\npacks: [evil.yaml]\n")
    for k in range(5):
        (tmp_path / f"a{k}.txt").write_text("CDO\n" + "a" * 60 + "b\n")
    start = time.monotonic()
    proc = run_cli("check", ".", "--no-cache", "--jobs", "1", cwd=tmp_path)
    assert time.monotonic() - start < 30
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "rule X900 (evil-pattern, from pack evil) stopped for this run" in err
    assert "(catastrophic backtracking?)" in err
    assert err.count("stopped for this run") == 1  # stopped once, not paid again on every file


def test_a_linear_pattern_runs_on_re_and_a_nested_one_on_regex():
    from cpolint.saferegex import SafePattern, is_linear

    assert is_linear(r"\bsalar(y|ies)\b") and is_linear(r"(?:ab)+c")
    assert not is_linear(r"(a+)+$") and not is_linear(r"(a|aa)+$") and not is_linear(r"(\w+\s?)*$")
    assert SafePattern(r"(a|aa)+$").search("aaa") is not None



def test_every_bundled_pack_pattern_runs_on_re():
    # A pattern with a repeat inside a repeat runs on `regex` under a guard: slower on every
    # block, and the module's import is paid by every run. The bundled packs have none.
    from cpolint.packs import bundled_pack_paths
    from cpolint.saferegex import is_linear
    from cpolint.yamlio import load_yaml

    for path in bundled_pack_paths():
        with open(path, encoding="utf-8") as handle:
            pack = load_yaml(handle.read(), path)
        for rule in pack.get("rules", []):
            for pattern in rule.get("patterns", []):
                assert is_linear(pattern, re.I), (rule["code"], pattern)


# -- cache ---------------------------------------------------------------------------------------
def test_two_processes_sharing_a_cache_never_corrupt_it(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS, folder)
    cache = tmp_path / "shared-cache"
    env = {"CPOLINT_CACHE_DIR": str(cache)}
    fresh = run_cli("check", "articles", "--no-cache", "--format", "json", "--jobs", "1", cwd=tmp_path)
    expected = json.loads(fresh.stdout)["diagnostics"]
    procs = [subprocess.Popen([sys.executable, "-m", "cpolint", "check", "articles", "--format", "json",
                               "--jobs", "2", "--cache-dir", str(cache)], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, **env}) for _ in range(3)]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    for out in outputs:
        assert json.loads(out)["diagnostics"] == expected
    for entry in cache.rglob("*.json"):
        json.loads(entry.read_text())  # every entry whole
    assert not list(cache.rglob(".tmp-*"))
    replay = run_cli("check", "articles", "--format", "json", "--cache-dir", str(cache), cwd=tmp_path)
    assert json.loads(replay.stdout)["diagnostics"] == expected


def test_the_configuration_fingerprint_keys_results_by_what_changes_them():
    # The engine and the result cache are found by it for every file: the fields' JSON,
    # hashed, without those that change no result. Its value is what it was when it was
    # computed from dataclasses.asdict, so caches written by earlier builds stay valid.
    import dataclasses
    import hashlib

    from cpolint.config import Settings

    def reference(s: Settings) -> str:
        data = dataclasses.asdict(s)
        for key in ("positions", "debug", "cache_dir", "fail_on", "source"):
            data.pop(key, None)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]

    base = Settings(select=["E001"], severity={"E001": "warning"}, thresholds={"max-sentence-words": 30.0},
                    per_file_ignores={"a/*.md": ["R001"]}, positions={"select": (1, 2)})
    assert base.fingerprint() == reference(base)
    assert Settings(**{**vars(base), "debug": True, "cache_dir": "/x", "source": "y"}).fingerprint() == base.fingerprint()
    for change in ({"select": ["E002"]}, {"thresholds": {"max-sentence-words": 31.0}}, {"schema": "cto"}):
        other = Settings(**{**vars(base), **change})
        assert other.fingerprint() != base.fingerprint()
        assert other.fingerprint() == reference(other)


def _upper_or_die(batch):
    """Work for the worker-pool tests: dies on "boom", raises on "bad"."""
    if "boom" in batch:
        os._exit(3)
    if "bad" in batch:
        raise ValueError("no good")
    return [item.upper() for item in batch]


def test_a_worker_that_dies_costs_only_the_file_that_killed_it_and_the_run_goes_on():
    # A crash in a C extension or the OOM killer takes a worker with its batches: they are
    # linted again a file at a time in a new worker, and only the file that kills a worker by
    # itself fails. (multiprocessing.Pool waited forever for the lost batch.)
    import multiprocessing

    from cpolint.workers import run_batches

    batches = [["a", "b"], ["c", "boom", "d"], ["e"], ["f", "bad", "g"], ["h"], ["i", "j"]]
    out = list(run_batches(multiprocessing.get_context("fork"), 2, batches, _upper_or_die,
                           lambda item, why: f"failed {item}: {why}"))
    assert out == [["A", "B"], ["C", "failed boom: the worker process linting it stopped (exit code 3)", "D"],
                   ["E"], [f"failed {x}: internal error: ValueError: no good" for x in ("f", "bad", "g")],
                   ["H"], ["I", "J"]]


def _kill_the_idle_worker(batch):
    """Work for the pool test below: "a" leaves its pid and returns; "b" kills that worker,
    idle by then, and returns a little later."""
    import signal

    marker = os.environ["CPOLINT_TEST_MARKER"]
    if batch == ["a"]:
        with open(marker + ".tmp", "w") as handle:
            handle.write(str(os.getpid()))
        os.replace(marker + ".tmp", marker)
        return ["A"]
    while not os.path.exists(marker):
        time.sleep(0.01)
    time.sleep(0.2)
    with open(marker) as handle:
        os.kill(int(handle.read()), signal.SIGKILL)
    time.sleep(0.3)  # the run sees the death before this result
    return ["B"]


def test_a_worker_that_dies_holding_no_batch_costs_nothing(tmp_path, monkeypatch):
    import multiprocessing

    from cpolint.workers import run_batches

    monkeypatch.setenv("CPOLINT_TEST_MARKER", str(tmp_path / "pid"))
    out = list(run_batches(multiprocessing.get_context("fork"), 2, [["a"], ["b"]], _kill_the_idle_worker,
                           lambda item, why: f"failed {item}: {why}"))
    assert out == [["A"], ["B"]]


def test_a_folder_run_reports_a_file_whose_worker_died_and_lints_the_others(tmp_path):
    # End to end: a worker killed while it lints one file (here by a stand-in for a crash or
    # the OOM killer: SIGKILL on a marked file, from a sitecustomize) is an error on that file;
    # the other files are linted and reported in order, and the run exits 2.
    articles = tmp_path / "articles"
    articles.mkdir()
    for k in range(8):
        (articles / f"a{k}.txt").write_text("Chief Data Officer\n\nIt runs [[Data Governance]] for the company.\n")
    (articles / "a3.txt").write_text("Chief Data Officer\n\nKILL-THIS-WORKER and [[Data Governance]].\n")
    (tmp_path / "sitecustomize.py").write_text(textwrap.dedent("""\
        import os
        import cpolint.linter as linter
        _lint_source = linter._lint_source
        def _dying(result, path, source, *a, **k):
            if "KILL-THIS-WORKER" in source.text and os.getpid() != int(os.environ["CPOLINT_TEST_PARENT"]):
                os.kill(os.getpid(), 9)
            return _lint_source(result, path, source, *a, **k)
        linter._lint_source = _dying
        """))
    env = {**os.environ, "PYTHONPATH": str(tmp_path) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    code = ("import os, sys; os.environ['CPOLINT_TEST_PARENT'] = str(os.getpid()); "
            "from cpolint.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, "check", "articles", "--no-cache", "--jobs", "2",
                           "--select", "E006"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "a3.txt: the worker process linting it stopped (killed by signal 9)" in err
    reported = [line.split(":")[0] for line in out.splitlines() if " E006 " in line]
    assert reported == [f"articles/a{k}.txt" for k in range(8) if k != 3], err


def _long_folder(tmp_path, files: int = 2000) -> int:
    """A folder whose workers lint for a few seconds: one corpus article, varied per file (400
    files lasted ~0.7 s on a fast host, so a worker could finish its share before the check).
    Returns how many files it holds."""
    articles = tmp_path / "articles"
    articles.mkdir()
    text = next(CORPUS.rglob("*.md")).read_text(encoding="utf-8")
    for k in range(files):
        (articles / f"a{k:03}.md").write_text(text.replace("Chief", f"Chief {k}"), encoding="utf-8")
    return files


def _wait_for_workers(proc) -> list[str]:
    """The run's worker pids, once both are linting (then 0.3 s more, well inside the run)."""
    deadline = time.monotonic() + 60
    children: list[str] = []
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        if len(children) >= 2:
            break
        time.sleep(0.05)
    assert len(children) >= 2 and proc.poll() is None
    time.sleep(0.3)
    return children


def test_a_sigint_to_one_worker_alone_is_ignored(tmp_path):
    # The workers ignore SIGINT (the run's own process ends the run on Ctrl-C and stops them):
    # one sent to a worker alone leaves it linting, with no traceback, and every file reported.
    import signal

    files = _long_folder(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "cpolint", "check", "articles", "--no-cache", "--jobs", "2",
                             "--format", "json"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        worker = int(_wait_for_workers(proc)[0])
        os.kill(worker, signal.SIGINT)
        time.sleep(0.3)
        still_running = proc.poll() is None
        try:  # the worker's state: "Z" (or gone) if the signal ended it
            with open(f"/proc/{worker}/stat", encoding="ascii") as handle:
                worker_state = handle.read().rsplit(")", 1)[-1].split()[0]
        except FileNotFoundError:
            worker_state = "gone"
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert still_running  # the signal came while the run was linting
    assert worker_state in ("R", "S", "D"), worker_state
    assert proc.returncode == 1 and err.decode().strip() == ""
    assert len(json.loads(out)["files"]) == files


def test_ctrl_c_stops_a_folder_run_and_its_workers_at_once(tmp_path):
    # Ctrl-C reaches the whole process group: the run ends at once with 130 and one line,
    # and its workers are gone (they ignore the signal and are terminated by the run).
    import signal

    _long_folder(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "cpolint", "check", "articles", "--no-cache", "--jobs", "2"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _wait_for_workers(proc)
        os.killpg(proc.pid, signal.SIGINT)
        err = proc.communicate(timeout=20)[1].decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert err.strip() == "cpolint: interrupted"
    time.sleep(0.2)
    left = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert left == []
