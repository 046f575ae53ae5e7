"""The corpus regression suite: every article in corpus/ with the diagnostics expected of it.

Each article `name.ext` has `name.ext.expected` beside it, one expected diagnostic per line:

    # comment
    44 C001            a finding on line 44
    3-45 B001          a finding spanning lines 3 to 45

An article with no findings has an expected file with only comments. The configuration
that applies is found as for any user (a `.cpolint.yaml` in the article's folder selects
the family the folder exercises).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from conftest import CORPUS

SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".html", ".htm"}
LINE = re.compile(r"^(?P<line>\d+)(?:-(?P<end>\d+))?\s+(?P<code>[A-Z]+\d+)\s*(?:#.*)?$")


def articles() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def expected_for(article: Path) -> Counter:
    path = article.with_name(article.name + ".expected")
    if not path.exists():
        raise AssertionError(f"{article.relative_to(CORPUS)} has no .expected file beside it")
    out = Counter()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r} (expected 'LINE[-END] CODE')")
        start = int(match.group("line"))
        end = int(match.group("end") or start)
        out[(start, end, match.group("code"))] += 1
    return out


def lint_article(article: Path):
    from cpolint.config import settings_for
    from cpolint.linter import lint_path

    settings = settings_for(str(article), None, {})
    return lint_path(str(article), settings)


def actual_for(article: Path) -> tuple[Counter, list]:
    result = lint_article(article)
    assert not result.errors, result.errors
    got = Counter((d.line, d.end_line, d.code) for d in result.diagnostics)
    return got, result.diagnostics


def describe(counter: Counter) -> list[str]:
    rows = []
    for (line, end, code), n in sorted(counter.items()):
        span = f"{line}" if line == end else f"{line}-{end}"
        rows.extend([f"{span} {code}"] * n)
    return rows
