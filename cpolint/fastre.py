"""Word alternations as regular expressions that Python's engine runs fast.

`re` tries every branch of "one|two|three|..." at every position of the text, so a list of
forty words costs forty attempts per character. The same words as a trie ("t(?:hree|wo)|...")
cost one attempt per character that starts no word. Lexicons and number words go through here.
"""

from __future__ import annotations

import re

# An entry made only of these is a literal: it matches itself, character for character.
_LITERAL = re.compile(r"[\w '’-]+")


def alternation(entries: list[str]) -> str:
    """A regex body matching any of `entries` (regex sources), as `"|".join(entries)` would
    with the entries sorted longest first: literal entries are merged into a trie (which
    prefers the longest literal at a position); the others keep their order, before it."""
    literals = [e for e in entries if _LITERAL.fullmatch(e)]
    others = [e for e in entries if not _LITERAL.fullmatch(e)]
    parts = [f"(?:{e})" for e in others]
    if literals:
        parts.append(_trie(literals))
    if not others and literals:
        # Only literals: a lookahead on their first letters lets the engine skip a position in one test.
        return f"(?={initials(literals)})(?:{parts[0]})"
    return "|".join(parts)


def initials(words: list[str]) -> str:
    """A character class of the words' first characters."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "]"


def _trie(words: list[str]) -> str:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word may end here: the longer words through this node are tried first (greedy "?").
    return f"(?:{body})?" if "" in node else body
