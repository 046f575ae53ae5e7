"""Paths: relative forms for matching globs and for CI systems."""

from __future__ import annotations

import fnmatch
import os


def relpath(path: str, root: str) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def glob_match(path: str, pattern: str) -> bool:
    """Match a glob against a path and each of its tails ("*.md" matches "a/b/c.md")."""
    path = path.replace(os.sep, "/")
    if fnmatch.fnmatch(path, pattern):
        return True
    parts = path.split("/")
    return any(fnmatch.fnmatch("/".join(parts[i:]), pattern) for i in range(1, len(parts)))


def repo_relative(path: str, root: str | None = None) -> str:
    root = os.path.abspath(root or os.getcwd())
    full = os.path.abspath(path)
    if full == root or full.startswith(root + os.sep):
        path = os.path.relpath(full, root)
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path
