"""Paths as CI systems want them: relative to the repository root, with forward slashes."""

from __future__ import annotations

import os


def repo_relative(path: str, root: str | None = None) -> str:
    root = os.path.abspath(root or os.getcwd())
    full = os.path.abspath(path)
    if full == root or full.startswith(root + os.sep):
        path = os.path.relpath(full, root)
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path
