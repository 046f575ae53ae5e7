"""Safe YAML with positions (ruamel.yaml), for schemas, rule packs, config and front matter.

Only plain YAML data is accepted: any explicit tag (`!!python/object`, `!custom` ...) is
rejected with the file, line and column, so nothing in a YAML file can construct objects
or run code. Errors carry positions so users can fix the exact line.
"""

from __future__ import annotations

from typing import Any

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}


class ConfigError(Exception):
    """A problem in a configuration, schema, pack or front-matter file, with its position."""

    def __init__(self, path: str, line: int | None, column: int | None, message: str):
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


_loader: list = []


def _yaml():
    """One round-trip loader per process: ruamel resets it after every load. A new one per
    call cost its construction each time and left ~100 objects in reference cycles."""
    if not _loader:
        from ruamel.yaml import YAML

        yaml = YAML(typ="rt")
        yaml.allow_duplicate_keys = False
        _loader.append(yaml)
    return _loader[0]


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Parse YAML text; errors become ConfigError at the right line (plus `line_offset`)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark is not None and ("end of stream" in str(exc.problem) or "stream end" in str(exc.problem)):
            # An unclosed quote or bracket: point at where it opened, not at the end of the file.
            mark = exc.context_mark
            opened = str(exc.context).replace("while scanning ", "").replace("while parsing ", "")
            problem = f"{opened} opened here is never closed"
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        if "duplicate key" in str(problem) or exc.__class__.__name__ == "DuplicateKeyError":
            problem = f"duplicate key: {problem}"
        raise ConfigError(path, line, column, f"invalid YAML: {problem}") from None
    except YAMLError as exc:
        raise ConfigError(path, None, None, f"invalid YAML: {exc}") from None
    except Exception as exc:  # ruamel raises a few non-YAMLError types on odd input
        raise ConfigError(path, None, None, f"invalid YAML: {exc}") from None
    _reject_tags(data, path, line_offset)
    return data


def load_yaml_cached(text: str, path: str, build):
    """`build(data)` on the file's YAML, parsed once per content.

    ruamel.yaml is thorough and slow (tens of milliseconds for a schema). A file that parsed
    and built cleanly before is read back from a JSON copy of its data in the cache folder
    instead. If building from that copy fails, the file is parsed again with ruamel so the
    error names its line and column.
    """
    import hashlib
    import json
    import os

    from cpolint import __version__
    from cpolint.readability.offline import cache_folder

    key = hashlib.sha256(f"{__version__}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    cached = os.path.join(cache_folder(), "parsed-yaml", key[:2], key + ".json")
    try:
        with open(cached, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        data = None
    if data is not None:
        try:
            return build(data)
        except ConfigError:
            pass  # parse again below, for the position of the problem
    node = load_yaml(text, path)
    result = build(node)
    from cpolint.textio import write_cache_file

    write_cache_file(cached, json.dumps(to_plain(node)).encode("utf-8"))
    return result


def position(node: Any, key: Any = None, line_offset: int = 0) -> tuple[int | None, int | None]:
    """1-based (line, column) of a mapping key, a sequence index, or the node itself."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is not None:
            if isinstance(key, int) and hasattr(node, "append"):
                line, col = lc.item(key)
            else:
                line, col = lc.key(key)
        else:
            line, col = lc.line, lc.col
    except (KeyError, IndexError, TypeError, AttributeError):
        line, col = lc.line, lc.col
    return line + 1 + line_offset, col + 1


def _reject_tags(node: Any, path: str, line_offset: int, parent: Any = None, key: Any = None) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    tag = None
    if isinstance(node, TaggedScalar):
        tag = str(node.tag.value if hasattr(node.tag, "value") else node.tag)
    elif isinstance(node, (CommentedMap, CommentedSeq)):
        raw = getattr(node, "tag", None)
        value = getattr(raw, "value", None) if raw is not None else None
        if value:
            tag = str(value)
    if tag and tag not in _STANDARD_TAGS:
        line, col = position(parent, key, line_offset) if parent is not None else (None, None)
        raise ConfigError(path, line, col, f"YAML tag {tag!r} is not allowed: only plain data "
                                           "(maps, lists, strings, numbers, booleans) is accepted")
    if isinstance(node, dict):
        for k, v in node.items():
            _reject_tags(v, path, line_offset, node, k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _reject_tags(v, path, line_offset, node, i)


def to_plain(node: Any) -> Any:
    """ruamel's round-trip types to plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return str(node)
