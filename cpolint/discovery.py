"""Finding the article files under the paths given on the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from cpolint.config import DEFAULT_EXCLUDE
from cpolint.document import ARTICLE_SUFFIXES
from cpolint.paths import glob_match, relpath


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def is_excluded(path: str, patterns: list[str], root: str) -> bool:
    if not patterns:
        return False
    rel = relpath(os.path.abspath(path), root).replace(os.sep, "/")
    name = os.path.basename(path.rstrip("/"))
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if pat.endswith("/**"):
            pat = pat[:-3]
        if glob_match(rel, pat) or glob_match(name, pat) or glob_match(path.replace(os.sep, "/"), pat):
            return True
        # A folder pattern excludes everything below it.
        parts = rel.split("/")
        if any(glob_match("/".join(parts[:i]), pat) for i in range(1, len(parts))):
            return True
    return False


def discover(paths: list[str], exclude_for) -> Discovery:
    """Walk `paths`. `exclude_for(path)` returns (patterns, root) that apply to that path.

    Explicit files are always linted (pre-commit passes `--force-exclude` to apply
    excludes to them too); folders are walked for article suffixes, skipping hidden
    folders, default excludes and symlink loops.
    """
    out = Discovery()
    seen_files: set[str] = set()
    for raw in paths:
        if not os.path.lexists(raw):
            out.errors.append(f"{raw}: no such file or folder")
            continue
        if os.path.isdir(raw):
            for path in _walk(raw, exclude_for, out):
                key = os.path.realpath(path)
                if key not in seen_files:
                    seen_files.add(key)
                    out.files.append(path)
        else:
            key = os.path.realpath(raw)
            if key not in seen_files:
                seen_files.add(key)
                out.files.append(raw)
    return out


def _walk(top: str, exclude_for, out: Discovery) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            out.errors.append(f"{folder}: cannot open folder: {exc.strerror or exc}")
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:
            if os.path.islink(folder):
                out.notices.append(f"{folder}: skipped: symlink loop")
            continue
        visited.add(ident)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.errors.append(f"{folder}: cannot list folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            patterns, root = exclude_for(path)
            if is_dir:
                if entry.name in DEFAULT_EXCLUDE or is_excluded(path, patterns, root):
                    continue
                subfolders.append(path)
                continue
            if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            if is_excluded(path, patterns, root):
                continue
            try:
                if not entry.is_file(follow_symlinks=True):
                    if entry.is_symlink():
                        out.notices.append(f"{path}: skipped: broken symlink")
                    continue
            except OSError:
                continue
            yield path
        stack.extend(reversed(subfolders))
