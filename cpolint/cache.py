"""A content-hash cache of lint results, so re-linting an unchanged folder is nearly free.

The key covers everything that can change a result: the file's bytes and path, the
cpolint version, the configuration, and the bytes of the schemas and rule packs in use.
A hit replays the stored result without parsing, so neither spaCy nor textstat is
imported. Entries are written to a temporary file and renamed into place, so two
processes sharing the folder never see a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os

from cpolint import __version__
from cpolint.config import Settings
from cpolint.data import data_root
from cpolint.diagnostics import Diagnostic

CACHE_DIR_NAME = ".cpolint_cache"
_instances: dict[str, "ResultCache"] = {}


def default_cache_dir(settings: Settings) -> str:
    env = os.environ.get("CPOLINT_CACHE_DIR")
    if settings.cache_dir:
        return settings.cache_dir
    if env:
        return env
    return os.path.join(settings.root or os.getcwd(), CACHE_DIR_NAME)


def _hash_tree(paths: list[str]) -> str:
    digest = hashlib.sha256()
    for top in paths:
        if os.path.isfile(top):
            files = [top]
        else:
            files = []
            for folder, _, names in os.walk(top):
                files.extend(os.path.join(folder, n) for n in names if n.endswith((".yaml", ".yml")))
        for path in sorted(files):
            digest.update(path.encode("utf-8", "replace"))
            try:
                with open(path, "rb") as handle:
                    digest.update(handle.read())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: str, salt: str):
        self.folder = folder
        self.salt = salt

    @classmethod
    def for_settings(cls, settings: Settings) -> "ResultCache":
        key = settings.fingerprint()
        cached = _instances.get(key)
        if cached is None:
            extra = list(settings.packs)
            if settings.schema and os.path.exists(settings.schema):
                extra.append(settings.schema)
            salt = f"{__version__}|{key}|{_hash_tree([data_root()] + extra)}"
            cached = cls(os.path.join(default_cache_dir(settings), "v2"), salt)
            _instances[key] = cached
        return cached

    def _key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def _read_bytes(self, path: str) -> bytes | None:
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def contains(self, path: str) -> bool:
        data = self._read_bytes(path)
        return data is not None and os.path.exists(self._entry(self._key(path, data)))

    def get(self, path: str):
        from cpolint.linter import FileResult

        data = self._read_bytes(path)
        if data is None:
            return None
        try:
            with open(self._entry(self._key(path, data)), encoding="utf-8") as handle:
                raw = json.load(handle)
        except (OSError, ValueError):
            return None
        try:
            return FileResult(path=path, diagnostics=[Diagnostic.from_dict(d) for d in raw["diagnostics"]],
                              info=raw.get("info"), notices=raw.get("notices", []),
                              skipped=raw.get("skipped", False), cached=True)
        except (KeyError, TypeError):
            return None

    def put(self, path: str, result) -> None:
        if result.errors or result.fixed:
            return  # never cache a run that went wrong or changed the file
        data = self._read_bytes(path)
        if data is None:
            return
        entry = self._entry(self._key(path, data))
        payload = {"diagnostics": [d.to_dict() for d in result.diagnostics], "info": result.info,
                   "notices": result.notices, "skipped": result.skipped}
        from cpolint.textio import write_cache_file

        self.write_tag()
        write_cache_file(entry, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def write_tag(self) -> None:
        # Mark the folder as a cache so backup tools and `git status` leave it alone.
        root = os.path.dirname(self.folder)
        tag = os.path.join(root, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            try:
                os.makedirs(root, exist_ok=True)
                with open(tag, "w") as handle:
                    handle.write("Signature: 8a477f597d28d172789f06886806bc55\n# cpolint cache\n")
                with open(os.path.join(root, ".gitignore"), "w") as handle:
                    handle.write("*\n")
            except OSError:
                pass
