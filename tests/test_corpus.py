"""Every corpus article yields exactly the diagnostics its .expected file lists: no more, no fewer."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from corpus_tools import actual_for, articles, describe, expected_for

ARTICLES = articles()


def test_the_corpus_is_not_empty():
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("article", ARTICLES, ids=[str(a.relative_to(CORPUS)) for a in ARTICLES])
def test_corpus_article(article):
    expected = expected_for(article)
    got, diagnostics = actual_for(article)
    missing = describe(expected - got)
    unexpected = describe(got - expected)
    if missing or unexpected:
        detail = "\n".join(f"  {d.line}-{d.end_line} {d.code} {d.message}" for d in diagnostics)
        pytest.fail(f"missing: {missing}\nunexpected: {unexpected}\nall findings:\n{detail}")


def test_no_false_missing_section_report_on_the_corpus():
    from missing_sections import evaluate

    results = evaluate()
    corpus = results["corpus"]
    assert corpus["false"] == [], corpus["false"]
    assert corpus["recall"] == 1.0, corpus["missed"]
    if "seeds" in results:
        assert results["seeds"]["false"] == [] and results["seeds"]["missed"] == []


def test_the_compiled_install_and_the_pure_python_source_write_the_same_json(tmp_path):
    # Cython compiles the hot modules "unchanged", but not every semantic survives (an
    # annotation made a number word 8.0 compiled and 8 in pure Python): both installs must
    # report the same findings, byte for byte.
    import subprocess
    import sys
    from pathlib import Path

    import cpolint.engine

    if cpolint.engine.__file__.endswith(".py"):
        pytest.skip("the installed package is pure Python: nothing to compare")
    repo = Path(__file__).resolve().parents[1]
    args = ["check", str(repo / "corpus"), str(repo / "bench" / "holdout"), "--no-cache", "--format", "json",
            "--jobs", "1"]
    compiled = subprocess.run([sys.executable, "-m", "cpolint", *args], cwd=tmp_path, capture_output=True)
    pure = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(repo)!r}); "
                           "import cpolint.engine; assert cpolint.engine.__file__.endswith('.py'); "
                           f"from cpolint.cli import main; sys.exit(main({args!r}))"],
                          cwd=tmp_path, capture_output=True)
    assert pure.returncode == compiled.returncode == 1, pure.stderr.decode() + compiled.stderr.decode()
    assert b'"diagnostics": [{' in compiled.stdout
    assert pure.stdout == compiled.stdout
