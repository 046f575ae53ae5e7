"""Rules: the base class, the registry of built-in, pack and plugin rules, and rule selection.

A rule is a small documented unit, as in ruff: a class with a code, a name, a category, a
default severity, whether it can fix what it finds, and a docstring in three parts
("What it does", "Why is this bad", "Example") that `cpolint explain CODE` prints.

Rules come from three places:
- built-in modules listed in `cpolint.rules.BUILTIN_MODULES`;
- YAML packs (top-level `rules/packs/*.yaml`, plus any the configuration adds) whose
  entries name the check kind they extend, as Vale styles do (see cpolint.packs);
- plugins: distributions exposing the entry-point group `cpolint.rules`, each entry
  loading a Rule subclass, a list of them, or a module with a `RULES` list.
"""

from __future__ import annotations

import importlib
import inspect
import re
from typing import TYPE_CHECKING, ClassVar, Iterable

from cpolint.diagnostics import CATEGORIES, SEVERITIES
from cpolint.fastre import alternation, prefiltered, started

if TYPE_CHECKING:
    from cpolint.engine import Context
    from cpolint.diagnostics import Diagnostic

CODE_RE = re.compile(r"^[A-Z]{1,4}[0-9]{3,4}$")
ENTRY_POINT_GROUP = "cpolint.rules"


class Rule:
    """Base class. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    # Tunable numbers, settable under `thresholds` in configuration: {"name": default}.
    options: ClassVar[dict[str, float]] = {}
    origin: ClassVar[str] = "built-in"

    def check(self, ctx: "Context") -> Iterable["Diagnostic"]:  # pragma: no cover - interface
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "").strip()

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        for line in doc.splitlines():
            line = line.strip().lstrip("#").strip()
            if line and not line.lower().startswith("what it does"):
                return line
        return cls.name


_BUILTIN: list[type[Rule]] = []


def rule(cls: type[Rule]) -> type[Rule]:
    """Class decorator registering a built-in rule."""
    _BUILTIN.append(cls)
    return cls


class RuleError(Exception):
    """A rule definition is invalid (bad code, duplicate, unknown category ...)."""


def validate_rule_class(cls: type[Rule], where: str) -> None:
    if not CODE_RE.match(cls.code or ""):
        raise RuleError(f"{where}: rule code {cls.code!r} must look like ABC123 (letters then digits)")
    if not cls.name or not re.match(r"^[a-z][a-z0-9-]*$", cls.name):
        raise RuleError(f"{where}: rule {cls.code} needs a kebab-case name, got {cls.name!r}")
    if cls.category not in CATEGORIES:
        raise RuleError(f"{where}: rule {cls.code} has category {cls.category!r}; "
                        f"expected one of {', '.join(CATEGORIES)}")
    if cls.severity not in SEVERITIES:
        raise RuleError(f"{where}: rule {cls.code} has severity {cls.severity!r}; "
                        f"expected one of {', '.join(SEVERITIES)}")


class Registry:
    """Every known rule class, by code and by name."""

    def __init__(self) -> None:
        self.rules: dict[str, type[Rule]] = {}
        self.by_name: dict[str, str] = {}
        self.lexicons: dict[str, list] = {}
        self._lexicon_patterns: dict[tuple, re.Pattern | None] = {}

    def add(self, cls: type[Rule], where: str) -> None:
        validate_rule_class(cls, where)
        if cls.code in self.rules:
            raise RuleError(f"{where}: rule code {cls.code} is already used by {self.rules[cls.code].origin} "
                            f"rule {self.rules[cls.code].name!r}")
        if cls.name in self.by_name:
            raise RuleError(f"{where}: rule name {cls.name!r} is already used by {self.by_name[cls.name]}")
        self.rules[cls.code] = cls
        self.by_name[cls.name] = cls.code

    def sorted(self) -> list[type[Rule]]:
        return sorted(self.rules.values(), key=lambda c: (c.code[0], int(re.sub(r"\D", "", c.code) or 0), c.code))

    def lexicon_pattern(self, name: str, template: str = "(?:{body})", flags: int = re.I) -> re.Pattern | None:
        """A lexicon as one compiled alternation, placed in `template` (e.g. "^(?:{body})$" for
        a whole-text match); compiled once per registry. None when the lexicon is empty."""
        key = (name, template, flags)
        if key not in self._lexicon_patterns:
            entries = sorted(self.lexicons.get(name, []), key=len, reverse=True)

            def build(some: list[str]) -> re.Pattern:
                return started(template.replace("{body}", alternation(some)), flags)

            try:
                pattern = prefiltered(entries, template, build) if entries else None
            except re.error:  # an entry added after validation: leave the bad ones out
                entries = [e for e in entries if _compiles(e)]
                pattern = prefiltered(entries, template, build) if entries else None
            self._lexicon_patterns[key] = pattern
        return self._lexicon_patterns[key]

    def option_defaults(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for cls in self.rules.values():
            out.update(cls.options)
        return out

    def lookup(self, code_or_name: str) -> type[Rule] | None:
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        code = self.by_name.get(key.lower())
        return self.rules.get(code) if code else None

    def resolve(self, selector: str) -> set[str]:
        """Codes matched by a selector: code, code prefix, rule name, category or ALL."""
        s = selector.strip()
        if not s:
            return set()
        if s.upper() == "ALL":
            return set(self.rules)
        if s.upper() in self.rules:
            return {s.upper()}
        if s.lower() in self.by_name:
            return {self.by_name[s.lower()]}
        if s.lower() in CATEGORIES:
            return {c for c, cls in self.rules.items() if cls.category == s.lower()}
        prefixed = {c for c in self.rules if c.startswith(s.upper())}
        if prefixed and re.match(r"^[A-Za-z]+[0-9]*$", s):
            return prefixed
        raise KeyError(s)

    def select(self, select: list[str] | None, extend_select: list[str], ignore: list[str]) -> set[str]:
        """Enabled codes: defaults (or `select`), plus `extend_select`, minus `ignore`."""
        if select is None:
            enabled = {c for c, cls in self.rules.items() if cls.default_enabled}
        else:
            enabled = set()
            for s in select:
                enabled |= self.resolve(s)
        for s in extend_select:
            enabled |= self.resolve(s)
        for s in ignore:
            enabled -= self.resolve(s)
        return enabled


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
        return True
    except re.error:
        return False


_registries: dict[tuple, Registry] = {}


def load_registry(packs: Iterable[str] = (), plugins: bool = True) -> Registry:
    """Built-in rules + bundled packs + extra packs + plugins. Cached per argument set."""
    key = (tuple(packs), plugins)
    cached = _registries.get(key)
    if cached is not None:
        return cached
    from cpolint import packs as packmod
    from cpolint.rules import BUILTIN_MODULES

    registry = Registry()
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    for cls in _BUILTIN:
        registry.add(cls, cls.__module__)
    for path in packmod.bundled_pack_paths() + list(packs):
        packmod.load_pack(path, registry)
    if plugins:
        _load_plugins(registry)
    _registries[key] = registry
    return registry


def plugin_entry_points() -> list[tuple[str, str, str]]:
    """(name, "module:attr", distribution) for every `cpolint.rules` entry point installed.

    Reads the entry_points.txt of each distribution on sys.path directly: the same files
    importlib.metadata reads, without its 20 ms import on every run.
    """
    import os
    import sys

    found: dict[str, tuple[str, str, str]] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for name in entries:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            path = os.path.join(folder or ".", name, "entry_points.txt")
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            if ENTRY_POINT_GROUP not in text:
                continue
            dist = re.split(r"-\d", name.rsplit(".", 1)[0], maxsplit=1)[0].replace("_", "-")
            section = None
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1].strip()
                elif section == ENTRY_POINT_GROUP and "=" in line and not line.startswith(("#", ";")):
                    key, _, value = line.partition("=")
                    found.setdefault(key.strip(), (key.strip(), value.strip(), dist))
    return [found[k] for k in sorted(found)]


def _load_plugins(registry: Registry) -> None:
    for name, value, dist in plugin_entry_points():
        where = f"plugin {name!r} ({value})"
        try:
            module_name, _, attr = value.partition(":")
            obj = importlib.import_module(module_name.strip())
            for part in attr.split(".") if attr.strip() else []:
                obj = getattr(obj, part.strip())
        except Exception as exc:
            raise RuleError(f"{where}: cannot be loaded: {exc}") from exc
        if inspect.ismodule(obj):
            obj = getattr(obj, "RULES", [])
        classes = obj if isinstance(obj, (list, tuple)) else [obj]
        for cls in classes:
            if not (inspect.isclass(cls) and issubclass(cls, Rule)):
                raise RuleError(f"{where}: {cls!r} is not a cpolint Rule subclass")
            if cls.origin == "built-in":
                cls.origin = f"plugin {dist}"
            registry.add(cls, where)
