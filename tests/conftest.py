"""Shared helpers: run the real CLI in a subprocess, or lint a string in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
# An article's opening sentence for any role ("{role}") and field ("{area}").
INTRO = ("The {role} sets the direction for the {area} team and answers to the chief executive officer for "
         "results across the company.\n")


def find_seeds() -> Path | None:
    """The shared seed articles, if this checkout sits beside them (they are not ours to copy)."""
    candidates = [os.environ.get("CPOLINT_SEEDS", ""), REPO.parent / "shared" / "seeds",
                  REPO.parent.parent / "shared" / "seeds", Path("/work/shared/seeds")]
    for c in candidates:
        if c and Path(c).is_dir() and any(Path(c).glob("*.txt")):
            return Path(c)
    return None


SEEDS = find_seeds()
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="the shared seed articles are not beside this checkout")


def article_lines() -> list[str]:
    """Every line of every corpus article and seed (when beside the checkout): real text for
    tests that hold a fast path equal to the pattern it replaces."""
    lines = []
    for folder in [CORPUS] + ([SEEDS] if SEEDS else []):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".md", ".html") and path.is_file():
                lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return lines


def run_cli(*args, cwd=None, input: bytes | None = None, env=None, timeout=300) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.setdefault("CPOLINT_CACHE_DIR", str(Path(cwd or os.getcwd()) / ".cpolint_cache_test"))
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "cpolint", *map(str, args)], cwd=cwd, input=input,
                          capture_output=True, env=full_env, timeout=timeout)


def run_json(*args, cwd=None, **kwargs) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd, **kwargs)
    try:
        return proc.returncode, json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"not JSON (exit {proc.returncode}):\n{proc.stdout.decode()}\n{proc.stderr.decode()}")


def lint(text: str, name: str = "article.txt", select=None, ignore=None, schema=None, thresholds=None,
         extend_select=None):
    """Lint a string in-process; returns the diagnostics (after selection and suppression)."""
    from cpolint.config import Settings
    from cpolint.linter import lint_text

    settings = Settings(select=select, ignore=list(ignore or []), schema=schema,
                        thresholds=dict(thresholds or {}), extend_select=list(extend_select or []))
    _, outcome, _ = lint_text(name, text, settings)
    assert not outcome.errors, outcome.errors
    return outcome.diagnostics


def codes(diags) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in diags]


def parse(text: str, name: str = "article.txt"):
    from cpolint.document import parse_document

    return parse_document(name, text)
