"""Configuration: `[tool.cpolint]` in pyproject.toml or `.cpolint.yaml`, found by walking up.

The closest configuration file to a linted file wins (as in ruff); `--config PATH` forces
one for every file. Command-line options override the file. Every key and every rule
selector is validated: a mistake is an error naming the file and line (exit status 2).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from cpolint.diagnostics import SEVERITIES
from cpolint.yamlio import ConfigError, load_yaml, position, to_plain

CONFIG_NAMES = (".cpolint.yaml", ".cpolint.yml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 10_000_000

# key -> expected type description
KEYS: dict[str, str] = {
    "select": "list", "extend-select": "list", "ignore": "list", "severity": "map",
    "per-file-ignores": "map", "exclude": "list", "extend-exclude": "list", "schema": "str",
    "thresholds": "map", "packs": "list", "fail-on": "str", "nlp-model": "str", "max-file-size": "int",
    "cache-dir": "str",
}
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "_site", "public"]


@dataclass
class Settings:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    schema: str | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)
    fail_on: str = "error"
    nlp_model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    cache_dir: str | None = None
    root: str = "."  # folder of the configuration file (relative paths in it start here)
    source: str | None = None  # the configuration file, if any
    debug: bool = False
    # Where each key was set, for error messages: key -> (line, column).
    positions: dict[str, tuple[int | None, int | None]] = field(default_factory=dict, repr=False)

    # -- selection ---------------------------------------------------------------------------
    def enabled_codes(self, registry) -> set[str]:
        return registry.select(self.select, self.extend_select, self.ignore)

    def ignores_for(self, path: str) -> list[str]:
        from cpolint.paths import glob_match, relpath

        if not self.per_file_ignores:
            return []
        rel = relpath(os.path.abspath(path), self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if glob_match(rel, pattern) or glob_match(path, pattern):
                out.extend(codes)
        return out

    def severity_for(self, diag, registry) -> str:
        """Configured severity: the most specific selector wins (code > name > prefix > category)."""
        if not self.severity:
            return diag.severity
        best = None
        for selector, level in self.severity.items():
            try:
                codes = registry.resolve(selector)
            except KeyError:
                continue
            if diag.code in codes:
                rank = len(codes)
                if best is None or rank < best[0]:
                    best = (rank, level)
        return best[1] if best else diag.severity

    def validate(self, registry) -> None:
        """Check every selector and threshold against the known rules."""
        def check(selectors, key):
            for s in selectors:
                try:
                    registry.resolve(str(s))
                except KeyError:
                    line, col = self.positions.get(key, (None, None))
                    raise ConfigError(self.source or "command line", line, col,
                                      f"unknown rule code, name or category {s!r} in {key!r} "
                                      "(see `cpolint rules`)") from None

        check(self.select or [], "select")
        check(self.extend_select, "extend-select")
        check(self.ignore, "ignore")
        check(list(self.severity), "severity")
        for codes in self.per_file_ignores.values():
            check(codes, "per-file-ignores")
        known = registry.option_defaults()
        for name in self.thresholds:
            if name not in known and name not in ("grade-target",):
                line, col = self.positions.get("thresholds", (None, None))
                raise ConfigError(self.source or "command line", line, col,
                                  f"unknown threshold {name!r}; known: {', '.join(sorted(known))}")

    def fingerprint(self) -> str:
        """A stable hash of everything that changes results (for the cache)."""
        # The fields as they are: asdict would deep-copy every list and dict first, for the
        # same JSON (this runs for every file linted, to find its engine and cache).
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        for key in ("positions", "debug", "cache_dir", "fail_on", "source"):
            data.pop(key, None)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


# -- discovery ---------------------------------------------------------------------------------
_found: dict[str, str | None] = {}
_loaded: dict[str, Settings] = {}


def find_config(start: str) -> str | None:
    """The closest configuration file at or above `start` (a file or folder)."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    trail = []
    result = None
    while True:
        if folder in _found:
            result = _found[folder]
            break
        trail.append(folder)
        hit = None
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name == "pyproject.toml" and not _pyproject_has_section(candidate):
                    continue
                hit = candidate
                break
        if hit:
            result = hit
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for f in trail:
        _found[f] = result
    return result


def _pyproject_has_section(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            return re.search(r"^\[tool\.cpolint[\].]", handle.read(), re.M) is not None
    except OSError:
        return False


def load_settings(path: str | None) -> Settings:
    """Settings from a configuration file (or defaults when `path` is None). Cached per file."""
    if path is None:
        return Settings(root=os.getcwd())
    path = os.path.abspath(path)
    if path in _loaded:
        return dataclasses.replace(_loaded[path])
    if not os.path.isfile(path):
        raise ConfigError(path, None, None, "configuration file not found")
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, None, f"cannot read configuration: {exc}") from None
    if path.endswith(".toml"):
        raw, positions = _read_toml(path, text)
    else:
        node = load_yaml(text, path)
        if node is None:
            node = {}
        if not isinstance(node, dict):
            raise ConfigError(path, 1, 1, "configuration must be a mapping of keys to values")
        positions = {str(k): position(node, k) for k in node}
        raw = to_plain(node)
    settings = _from_mapping(raw, path, positions)
    _loaded[path] = settings
    return dataclasses.replace(settings)


def _read_toml(path: str, text: str) -> tuple[dict, dict]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        raise ConfigError(path, line, col, f"invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("cpolint", {})
    if not isinstance(section, dict):
        raise ConfigError(path, None, None, "[tool.cpolint] must be a table")
    # tomllib keeps no positions: find each key's line inside the [tool.cpolint] tables.
    positions: dict[str, tuple[int | None, int | None]] = {}
    in_section = False
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            name = header.group(1).replace('"', "").replace("'", "")
            in_section = name == "tool.cpolint" or name.startswith("tool.cpolint.")
            if name.startswith("tool.cpolint."):
                key = name[len("tool.cpolint."):].split(".")[0]
                positions.setdefault(key, (number, 1))
            continue
        if in_section:
            key = re.match(r"^\s*([A-Za-z0-9_\-\"']+)\s*=", line)
            if key:
                positions.setdefault(key.group(1).strip("\"'"), (number, line.index(key.group(1)) + 1))
    return section, positions


def _from_mapping(raw: dict[str, Any], path: str, positions: dict) -> Settings:
    settings = Settings(root=os.path.dirname(path), source=path, positions=positions)

    def fail(key: str, message: str):
        line, col = positions.get(key, (None, None))
        raise ConfigError(path, line, col, message)

    for key, value in raw.items():
        if key not in KEYS:
            close = [k for k in KEYS if k.replace("-", "_") == key or k.replace("-", "") == key.replace("_", "")]
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            fail(key, f"unknown configuration key {key!r}{hint}")
        kind = KEYS[key]
        if kind == "list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(key, f"{key!r} must be a list of strings")
        elif kind == "map" and not isinstance(value, dict):
            fail(key, f"{key!r} must be a mapping")
        elif kind == "str" and not isinstance(value, str):
            fail(key, f"{key!r} must be a string")
        elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
            fail(key, f"{key!r} must be a positive whole number")
        attr = key.replace("-", "_")
        if key == "severity":
            for sel, level in value.items():
                if level not in SEVERITIES:
                    fail(key, f"severity for {sel!r} must be one of {', '.join(SEVERITIES)}, got {level!r}")
            value = {str(k): str(v) for k, v in value.items()}
        elif key == "per-file-ignores":
            fixed = {}
            for pattern, codes in value.items():
                if isinstance(codes, str):
                    codes = [codes]
                if not isinstance(codes, list):
                    fail(key, f"per-file-ignores for {pattern!r} must be a list of codes")
                fixed[str(pattern)] = [str(c) for c in codes]
            value = fixed
        elif key == "thresholds":
            fixed = {}
            for name, number in value.items():
                if isinstance(number, bool) or not isinstance(number, (int, float)):
                    fail(key, f"threshold {name!r} must be a number, got {number!r}")
                fixed[str(name)] = float(number)
            value = fixed
        elif key == "fail-on" and value not in SEVERITIES:
            fail(key, f"fail-on must be one of {', '.join(SEVERITIES)}, got {value!r}")
        elif key == "packs":
            value = [p if os.path.isabs(p) else os.path.join(settings.root, p) for p in value]
        elif key == "cache-dir":
            value = value if os.path.isabs(value) else os.path.join(settings.root, value)
        elif key == "extend-exclude":
            settings.exclude = settings.exclude + value
            continue
        elif key == "exclude":
            value = settings.exclude + value
        setattr(settings, attr, value)
    return settings


def settings_for(path: str, forced: str | None, overrides: dict[str, Any]) -> Settings:
    """Settings for one linted path: its configuration file plus command-line overrides."""
    source = forced if forced else find_config(path)
    settings = load_settings(source)
    for key, value in overrides.items():
        if value is None:
            continue
        if key == "extend_select":
            settings.extend_select = settings.extend_select + value
        elif key == "ignore":
            settings.ignore = settings.ignore + value
        elif key == "exclude":
            settings.exclude = settings.exclude + value
        elif key == "thresholds":
            settings.thresholds = {**settings.thresholds, **value}
        elif key == "packs":
            settings.packs = settings.packs + value
        else:
            setattr(settings, key, value)
    return settings
