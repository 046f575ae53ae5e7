#!/usr/bin/env python3
"""Precision and recall of cpolint's missing-section reports (S001-S003) against a gold file.

The gold (tests/data/missing_sections_gold.yaml) says which schema sections each article
really lacks. Each (article, section) pair counts once: a report of a section the article
lacks is a true positive, a report of a section it covers a false positive, and a lacking
section not reported a miss. Run it directly to print the table the README quotes.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import CORPUS, SEEDS  # noqa: E402

GOLD = HERE / "data" / "missing_sections_gold.yaml"
CODES = {"S001", "S002", "S003"}


def gold() -> dict[str, set[str]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(GOLD.read_text())
    return {key: set(value or []) for key, value in data.items()}


def article_path(key: str) -> Path | None:
    if key.startswith("seed:"):
        if SEEDS is None:
            return None
        found = sorted(SEEDS.glob(key[5:] + "_*.txt"))
        return found[0] if found else None
    return CORPUS / key


def reported(path: Path) -> set[str]:
    from cpolint.config import settings_for
    from cpolint.linter import lint_path

    settings = settings_for(str(path), None, {})
    settings.select = sorted(CODES)  # the folder's selection may leave some of them out
    settings.extend_select, settings.ignore = [], []
    result = lint_path(str(path), settings)
    assert not result.errors, result.errors
    return {d.data["section"] for d in result.diagnostics if d.code in CODES}


def evaluate() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for key, missing in gold().items():
        path = article_path(key)
        if path is None:
            continue
        group = "seeds" if key.startswith("seed:") else "corpus"
        got = reported(path)
        row = out.setdefault(group, {"tp": 0, "fp": 0, "fn": 0, "false": [], "missed": []})
        row["tp"] += len(got & missing)
        row["fp"] += len(got - missing)
        row["fn"] += len(missing - got)
        row["false"] += [f"{key}:{s}" for s in sorted(got - missing)]
        row["missed"] += [f"{key}:{s}" for s in sorted(missing - got)]
    for row in out.values():
        row["precision"] = row["tp"] / (row["tp"] + row["fp"]) if row["tp"] + row["fp"] else 1.0
        row["recall"] = row["tp"] / (row["tp"] + row["fn"]) if row["tp"] + row["fn"] else 1.0
    return out


def main() -> int:
    for group, row in sorted(evaluate().items()):
        print(f"{group:7} precision {row['precision']:.3f} recall {row['recall']:.3f} "
              f"({row['tp']} right, {row['fp']} false, {row['fn']} missed)")
        for item in row["false"]:
            print(f"   false report: {item}")
        for item in row["missed"]:
            print(f"   missed: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
