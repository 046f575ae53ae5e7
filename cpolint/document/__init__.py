"""Parse an article file (plain text, Markdown or HTML) into the shared document model."""

from __future__ import annotations

import os
import re

from cpolint.document.model import (CODE, FRONT_MATTER, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block,
                                    Document, Section, Sentence)

__all__ = ["Block", "Document", "Section", "Sentence", "parse_document", "format_for_path",
           "HEADING", "PARAGRAPH", "LIST_ITEM", "TABLE", "CODE", "FRONT_MATTER", "ARTICLE_SUFFIXES"]

# .mdx is Markdown with ESM imports and JSX components (Astro, Docusaurus, Next.js content).
ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".mdown": "markdown", ".mdx": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}

_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def format_for_path(path: str) -> str:
    return ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")


def parse_document(path: str, text: str, fmt: str | None = None) -> Document:
    fmt = fmt or format_for_path(path)
    doc = Document(path, text, fmt)
    if fmt == "markdown":
        body_line = _front_matter(doc)
        from cpolint.document.markdown import parse_markdown

        parse_markdown(doc, body_line)
    elif fmt == "html":
        from cpolint.document.html import parse_html

        parse_html(doc)
    else:
        from cpolint.document.plaintext import parse_plaintext

        parse_plaintext(doc)
    doc.blocks.sort(key=lambda b: (b.line, b.end_line))
    for index, block in enumerate(doc.blocks):
        block.index = index
    return doc


def _front_matter(doc: Document) -> int:
    """Read YAML (or Hugo's TOML) front matter at the top of a Markdown file; return the
    first body line."""
    if doc.line_count < 2:
        return 1
    first = doc.line_text(1)
    toml = _toml_fence(first)  # Hugo and Zola also write front matter in TOML between "+++" lines
    if not toml and not _FENCE.match(first):
        return 1
    end = None
    for line in range(2, doc.line_count + 1):
        if _toml_fence(doc.line_text(line)) if toml else _FENCE_END.match(doc.line_text(line)):
            end = line
            break
    if end is None:
        return 1
    start_offset, _ = doc.line_range_offsets(2, 2)
    end_offset = doc.line_offsets[end - 1]
    raw = doc.text[start_offset:end_offset]
    doc.blocks.append(Block(kind=FRONT_MATTER, text=raw, line=1, end_line=end))
    if toml:
        doc.front_matter = _toml_front_matter(doc, raw)
        return end + 1
    from cpolint.yamlio import ConfigError, load_yaml, to_plain

    try:
        data = load_yaml(raw, doc.path, line_offset=1)
    except ConfigError as exc:
        doc.parse_problems.append((exc.line or 1, exc.column or 1, f"front matter: {exc.message}"))
        doc.front_matter = {}
        return end + 1
    if data is None:
        doc.front_matter = {}
    elif isinstance(data, dict):
        doc.front_matter = to_plain(data)
        doc.analyses["front_matter_node"] = data
    else:
        doc.parse_problems.append((2, 1, "front matter: expected a mapping of keys to values"))
        doc.front_matter = {}
    return end + 1


def _toml_fence(line: str) -> bool:
    return line.startswith("+++") and line.rstrip(" \t") == "+++"


def _toml_front_matter(doc: Document, raw: str) -> dict:
    """The TOML front matter between "+++" lines (its text starts on line 2), or {} with a
    parse problem naming the line."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(at.group(1)) + 1, int(at.group(2))) if at else (2, 1)
        message = str(exc).split(" (at ", 1)[0]
        doc.parse_problems.append((line, column, f"front matter: invalid TOML: {message}"))
        return {}
