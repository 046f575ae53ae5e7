"""Declarative rule packs in YAML: pattern rules without Python, as Vale styles do.

A pack file holds `rules` (each names the check kind it `extends` and gives its
parameters) and `lexicons` (named word lists that built-in detectors read and that a
team's own pack can extend). Format, with every key, in docs/packs.md:

    pack: editor-notes
    rules:
      - code: E009
        name: seo-metadata-in-body
        extends: existence          # report each match of `tokens` / `patterns`
        category: editor-note
        severity: error
        scope: block                # block | heading | paragraph | list_item | block-start
        ignorecase: true
        tokens: ["meta description:", "focus keyword:"]
        patterns: ['^slug\\s*:']
        exceptions: []
        message: "CMS or SEO field left in the article body: '{match}'"
        what: ...                   # documentation shown by `cpolint explain`
        why: ...
        example: ...
    lexicons:
      writer-verbs: [add, rewrite, expand]
"""

from __future__ import annotations

import os
import re
from typing import Any, ClassVar, Iterable

from cpolint.data import data_path
from cpolint.registry import Registry, Rule, RuleError
from cpolint.yamlio import ConfigError, load_yaml, load_yaml_cached, position, to_plain
from cpolint.saferegex import compile_user_pattern

PACK_KEYS = {"pack", "description", "rules", "lexicons"}
RULE_KEYS = {"code", "name", "extends", "category", "severity", "scope", "ignorecase", "tokens", "patterns",
             "exceptions", "message", "what", "why", "example", "enabled", "skip-boilerplate"}
KINDS = ("existence",)
SCOPES = ("block", "heading", "paragraph", "list_item", "block-start")


def bundled_pack_paths() -> list[str]:
    folder = data_path("packs")
    if not os.path.isdir(folder):
        return []
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith((".yaml", ".yml"))]


class ExistenceRule(Rule):
    """Base for pack rules that report each match of a phrase or pattern."""

    pattern: ClassVar[re.Pattern | None] = None
    exceptions: ClassVar[list[re.Pattern]] = []
    scope: ClassVar[str] = "block"
    message: ClassVar[str] = "{match}"
    skip_boilerplate: ClassVar[bool] = True

    def check(self, ctx) -> Iterable:
        from cpolint.analysis.boilerplate import is_boilerplate
        from cpolint.document.model import CODE, FRONT_MATTER

        if self.pattern is None:
            return
        for block in ctx.doc.blocks:
            if block.kind in (CODE, FRONT_MATTER):
                continue
            if self.scope in ("heading", "paragraph", "list_item") and block.kind != self.scope:
                continue
            if self.skip_boilerplate and is_boilerplate(ctx.doc, block):
                continue
            text = block.text
            if self.scope == "block-start":
                first = self.pattern.match(text, len(text) - len(text.lstrip()))  # the field starts the block
                matches = [first] if first is not None else []
            else:
                matches = self.pattern.finditer(text)
            for match in matches:
                if self.scope == "block-start" and text[:match.start()].strip():
                    break
                if not self._excepted(text, match):
                    message, data = self._said(match)
                    yield ctx.at_text(self, block, match.start(), match.end(), message, data=data)
            if self.scope == "block-start" and block.end_line > block.line and ctx.doc.format != "html":
                # Fields on lines of their own that a paragraph joined ("Owner: Dana" /
                # "Status: In review"): each source line's start, as written.
                yield from self._line_starts(ctx, block, skip_first=bool(matches))

    def _line_starts(self, ctx, block, skip_first: bool) -> Iterable:
        doc = ctx.doc
        for line in range(block.line + skip_first, block.end_line + 1):
            source = doc.line_text(line)
            at = len(source) - len(source.lstrip())
            match = self.pattern.match(source, at)
            if match is not None and match.end() > at and not self._excepted(source, match):
                message, data = self._said(match)
                yield ctx.diagnostic(self, (line, match.start() + 1, line, match.end() + 1), message, data=data)

    def _excepted(self, text: str, match: re.Match) -> bool:
        found = match.group(0)
        return any(e.search(found) or e.search(_around(text, match)) for e in self.exceptions)

    def _said(self, match: re.Match) -> tuple[str, dict]:
        """The finding's message and data for a match."""
        found = match.group(0).strip()
        return self.message.replace("{match}", found), {"match": found}


def _around(text: str, match: re.Match, width: int = 40) -> str:
    return text[max(0, match.start() - width): match.end() + width]


def load_pack(path: str, registry: Registry) -> None:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise ConfigError(path, None, None, f"cannot read rule pack: {exc.strerror or exc}") from None
    lexicons, classes, node = load_yaml_cached(text, path, lambda node: (*_read_pack(node, path), node))
    for name, entries in lexicons.items():
        registry.lexicons.setdefault(name, []).extend(entries)
    for index, cls in enumerate(classes):
        try:
            registry.add(cls, f"{path}")
        except RuleError as exc:
            if not hasattr(node, "lc"):
                node = load_yaml(text, path)  # parse again for the line and column
            line, col = position(node["rules"], index)
            raise ConfigError(path, line, col, str(exc).split(": ", 1)[-1]) from None


def _read_pack(node: Any, path: str) -> tuple[dict[str, list[str]], list[type[Rule]]]:
    """A pack's lexicons and rule classes, validated; nothing is registered yet."""
    if node is None:
        return {}, []
    if not isinstance(node, dict):
        raise ConfigError(path, 1, 1, "a rule pack must be a mapping with `rules` and/or `lexicons`")
    for key in node:
        if key not in PACK_KEYS:
            line, col = position(node, key)
            raise ConfigError(path, line, col, f"unknown key {key!r} in rule pack; allowed: {', '.join(sorted(PACK_KEYS))}")
    pack_name = str(node.get("pack") or os.path.splitext(os.path.basename(path))[0])
    lexicons = node.get("lexicons") or {}
    if not isinstance(lexicons, dict):
        line, col = position(node, "lexicons")
        raise ConfigError(path, line, col, "`lexicons` must map names to lists of words or phrases")
    words: dict[str, list[str]] = {}
    for name, entries in lexicons.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            line, col = position(lexicons, name)
            raise ConfigError(path, line, col, f"lexicon {name!r} must be a list of strings")
        if hasattr(node, "lc"):  # first load of this file (not the checked cache copy): check every entry
            for k, entry in enumerate(entries):
                try:
                    re.compile(entry)
                except re.error as exc:
                    line, col = position(entries, k)
                    raise ConfigError(path, line, col, f"lexicon {name!r}: invalid pattern {entry!r}: {exc}") from None
        words.setdefault(str(name), []).extend(str(e) for e in entries)
    rules = node.get("rules") or []
    if not isinstance(rules, list):
        line, col = position(node, "rules")
        raise ConfigError(path, line, col, "`rules` must be a list")
    classes = [_rule_class(raw, node["rules"], index, path, pack_name) for index, raw in enumerate(rules)]
    return words, classes


def _rule_class(raw: Any, parent: Any, index: int, path: str, pack_name: str) -> type[Rule]:
    line, col = position(parent, index)
    if not isinstance(raw, dict):
        raise ConfigError(path, line, col, f"rule {index + 1} must be a mapping")
    for key in raw:
        if key not in RULE_KEYS:
            l2, c2 = position(raw, key)
            raise ConfigError(path, l2, c2, f"unknown key {key!r} in rule {raw.get('code', index + 1)}; "
                                            f"allowed: {', '.join(sorted(RULE_KEYS))}")
    for required in ("code", "name", "extends", "category", "message"):
        if required not in raw:
            raise ConfigError(path, line, col, f"rule {raw.get('code', index + 1)} is missing {required!r}")
    data = to_plain(raw)
    if data["extends"] not in KINDS:
        l2, c2 = position(raw, "extends")
        raise ConfigError(path, l2, c2, f"unknown check kind {data['extends']!r}; known: {', '.join(KINDS)}")
    scope = data.get("scope", "block")
    if scope not in SCOPES:
        l2, c2 = position(raw, "scope")
        raise ConfigError(path, l2, c2, f"unknown scope {scope!r}; known: {', '.join(SCOPES)}")
    flags = re.I if data.get("ignorecase", True) else 0
    checked = not hasattr(raw, "lc")  # read back from the parsed-data cache: checked when first loaded
    alternatives = []
    for key in ("tokens", "patterns"):
        entries = data.get(key, [])
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            l2, c2 = position(raw, key)
            raise ConfigError(path, l2, c2, f"{key!r} must be a list of non-empty strings")
        for k, entry in enumerate(entries):
            if key == "tokens":
                alternatives.append(_token_regex(entry))
            else:
                l2, c2 = position(raw[key], k)
                alternatives.append(entry if checked else _checked(entry, flags, path, l2, c2))
    if not alternatives:
        raise ConfigError(path, line, col, f"rule {data['code']} needs `tokens` or `patterns`")
    exceptions = []
    for k, entry in enumerate(data.get("exceptions", []) or []):
        l2, c2 = position(raw["exceptions"], k)
        exceptions.append(compile_user_pattern(entry if checked else _checked(entry, flags, path, l2, c2), flags,
                                               lazy=checked))
    pattern = compile_user_pattern("|".join(f"(?:{a})" for a in alternatives), flags, lazy=checked)
    doc = (f"{data.get('what', data['message'])}\n\n"
           f"## What it does\n{data.get('what', data['message'])}\n\n"
           f"## Why is this bad?\n{data.get('why', 'See the pack ' + pack_name + '.')}\n\n"
           f"## Example\n{data.get('example', '(none given)')}\n\n"
           f"Defined in the YAML pack `{pack_name}` ({os.path.basename(path)}), extending `{data['extends']}`.")
    attrs = {
        "__doc__": doc,
        "code": str(data["code"]),
        "name": str(data["name"]),
        "category": str(data["category"]),
        "severity": str(data.get("severity", "warning")),
        "default_enabled": bool(data.get("enabled", True)),
        "origin": f"pack {pack_name}",
        "pattern": pattern,
        "exceptions": exceptions,
        "scope": scope,
        "message": str(data["message"]),
        "skip_boilerplate": bool(data.get("skip-boilerplate", True)),
    }
    return type(f"Pack_{data['code']}", (ExistenceRule,), attrs)


def _token_regex(token: str) -> str:
    """A literal phrase, matched on word boundaries and flexible whitespace."""
    parts = [re.escape(p) for p in token.split()]
    body = r"\s+".join(parts)
    start = r"\b" if re.match(r"\w", token) else ""
    end = r"\b" if re.search(r"\w$", token) else ""
    return f"{start}{body}{end}"


def _checked(pattern: str, flags: int, path: str, line, col) -> str:
    try:
        compile_user_pattern(pattern, flags)
    except ValueError as exc:
        raise ConfigError(path, line, col, f"invalid pattern {pattern!r}: {exc}") from None
    return pattern
