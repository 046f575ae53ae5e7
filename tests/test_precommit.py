"""The pre-commit hook, run by the real `pre-commit` tool against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def sh(*args, cwd, env=None, timeout=900):
    return subprocess.run(list(args), cwd=cwd, capture_output=True, env=env, timeout=timeout)


def test_hook_blocks_a_bad_article_and_passes_a_clean_one(tmp_path):
    repo = tmp_path / "content"
    repo.mkdir()
    env = dict(os.environ)
    env.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.com", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
                # The hook's wiring is under test here; CI's own install builds the compiled modules.
                "CPOLINT_PURE_PYTHON": "1"})
    pre_commit = [sys.executable, "-m", "pre_commit"]
    assert sh("git", "init", "-q", cwd=repo, env=env).returncode == 0
    # The content team's configuration: only the rules this test is about.
    (repo / ".cpolint.yaml").write_text("select: [E009, E006]\n")
    (repo / "clean.md").write_text("# Chief Product Officer\n\nThe CPO owns the product strategy.\n")
    sh("git", "add", ".", cwd=repo, env=env)
    ok = sh(*pre_commit, "try-repo", str(REPO), "cpolint", cwd=repo, env=env)
    out = ok.stdout.decode() + ok.stderr.decode()
    assert ok.returncode == 0, out
    assert "cpolint" in out and "Passed" in out

    (repo / "bad.md").write_text("# Chief Product Officer\n\nMeta description: the best CPO guide.\n")
    sh("git", "add", "bad.md", cwd=repo, env=env)
    bad = sh(*pre_commit, "try-repo", str(REPO), "cpolint", cwd=repo, env=env)
    out = bad.stdout.decode() + bad.stderr.decode()
    assert bad.returncode == 1, out
    assert "Failed" in out
    assert "bad.md:3:1: E009 [editor-note] CMS or SEO field left in the article body: 'Meta description:'" in out
