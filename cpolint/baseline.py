"""Baselines: adopt cpolint in a repository of legacy articles and fail only on new problems.

`cpolint baseline PATH... -o .cpolint-baseline.json` records today's findings by path and
fingerprint (the rule code and the flagged words, not the line: see engine._fingerprint).
`cpolint check --baseline FILE` hides findings that are in it, counts baseline entries
whose findings are gone (fixed), and `--prune-baseline` rewrites the file without them.
Paths are stored relative to the baseline file, so the file can be committed.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter

from cpolint import __version__
from cpolint.textio import write_atomic

FORMAT_VERSION = 1


def _key_path(path: str, base: str) -> str:
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:
        rel = full
    return rel.replace(os.sep, "/")


class Baseline:
    def __init__(self, path: str, entries: list[dict]):
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))
        self.entries = entries
        self._remaining = Counter((e["path"], e["fingerprint"]) for e in entries)
        self._seen_paths: set[str] = set()
        self._used = Counter()
        self.matched = 0

    @classmethod
    def load(cls, path: str) -> "Baseline":
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise ValueError("not a cpolint baseline (expected an object with an 'entries' list)")
        entries = []
        for e in data["entries"]:
            if not isinstance(e, dict) or "path" not in e or "fingerprint" not in e:
                raise ValueError("a baseline entry needs 'path' and 'fingerprint'")
            entries.append(e)
        return cls(path, entries)

    def filter(self, result) -> None:
        """Drop the findings of `result` that the baseline already records."""
        key_path = _key_path(result.path, self.base)
        self._seen_paths.add(key_path)
        kept = []
        for d in result.diagnostics:
            key = (key_path, d.fingerprint)
            if self._remaining[key] > 0:
                self._remaining[key] -= 1
                self._used[key] += 1
                self.matched += 1
            else:
                kept.append(d)
        result.diagnostics = kept

    def unmatched_count(self) -> int:
        """Entries for files linted in this run whose findings are gone (fixed)."""
        return sum(n for (path, _), n in self._remaining.items() if path in self._seen_paths and n > 0)

    def prune(self) -> None:
        """Rewrite the baseline without the fixed entries (files not linted now are kept)."""
        left = Counter(self._used)
        kept = []
        for e in self.entries:
            key = (e["path"], e["fingerprint"])
            if e["path"] not in self._seen_paths:
                kept.append(e)
            elif left[key] > 0:
                left[key] -= 1
                kept.append(e)
        _write(self.path, kept)


def _write(path: str, entries: list[dict]) -> None:
    entries = sorted(entries, key=lambda e: (e["path"], e.get("line", 0), e.get("code", ""), e["fingerprint"]))
    data = {"tool": "cpolint", "version": __version__, "format": FORMAT_VERSION, "entries": entries}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))


def run_baseline(args) -> int:
    from cpolint.runner import lint_for_command

    planned = lint_for_command(args)
    if planned is None:
        return 2
    results, errors, _ = planned
    base = os.path.dirname(os.path.abspath(args.output))
    entries = []
    files = 0
    for result in results:
        errors.extend(result.errors)
        files += 1
        for d in result.diagnostics:
            entries.append({"path": _key_path(result.path, base), "fingerprint": d.fingerprint, "code": d.code,
                            "line": d.line, "message": d.message})
    for error in errors:
        sys.stderr.write(f"cpolint: error: {error}\n")
    _write(args.output, entries)
    print(f"wrote {args.output}: {len(entries)} findings in {files} files")
    return 2 if errors else 0
