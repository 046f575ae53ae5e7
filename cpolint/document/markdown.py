"""Markdown into blocks with markdown-it-py (CommonMark plus tables), using its source line maps."""

from __future__ import annotations

import re

from cpolint.document.model import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document
from cpolint.document.shapes import label_of
from cpolint.document.suppress import parse_directives_in_html

_parser = None


def _md():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    return _parser


def parse_markdown(doc: Document, body_start_line: int) -> None:
    """Parse the document text from `body_start_line` (1-based; after any front matter)."""
    start_offset = doc.line_offsets[body_start_line - 1] if body_start_line - 1 < len(doc.line_offsets) else len(doc.text)
    body = doc.text[start_offset:]
    # markdown-it normalises line ends itself; its maps count lines like we do.
    tokens = _md().parse(body)
    base = body_start_line  # markdown-it maps are 0-based lines of `body`
    list_stack: list[tuple[int, bool]] = []  # (list id, ordered)
    list_counter = 0
    item_depth = 0
    item_first_para: list[bool] = []
    table: dict | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_counter += 1
            list_stack.append((list_counter, t == "ordered_list_open"))
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open":
            item_depth += 1
            item_first_para.append(True)
        elif t == "list_item_close":
            item_depth -= 1
            item_first_para.pop()
        elif t == "heading_open":
            inline = tokens[i + 1]
            block = _inline_block(doc, HEADING, inline, base, tok.map)
            block.level = int(tok.tag[1])
            doc.blocks.append(block)
            i += 3
            continue
        elif t == "paragraph_open":
            inline = tokens[i + 1]
            if item_depth and item_first_para and item_first_para[-1]:
                list_id, ordered = list_stack[-1] if list_stack else (0, False)
                block = _inline_block(doc, LIST_ITEM, inline, base, tok.map)
                block.level = len(list_stack)
                block.list_id = list_id
                block.ordered = ordered
                item_first_para[-1] = False
            else:
                block = _inline_block(doc, PARAGRAPH, inline, base, tok.map)
                block.label = label_of(block.text)
            doc.blocks.append(block)
            i += 3
            continue
        elif t == "table_open":
            table = {"map": tok.map, "rows": [], "row": []}
        elif t == "table_close" and table is not None:
            text = "\n".join(" | ".join(r) for r in table["rows"])
            doc.blocks.append(Block(kind=TABLE, text=text, line=base + table["map"][0],
                                    end_line=base + table["map"][1] - 1))
            table = None
        elif t == "tr_close" and table is not None:
            table["rows"].append(table["row"])
            table["row"] = []
        elif t == "inline" and table is not None:
            table["row"].append(_render_inline(tok)[0])
        elif t in ("fence", "code_block") and tok.map:
            doc.blocks.append(Block(kind=CODE, text=tok.content, line=base + tok.map[0],
                                    end_line=base + tok.map[1] - 1))
        elif t == "html_block" and tok.map:
            parse_directives_in_html(doc, tok.content, base + tok.map[0])
            text = _html_text(tok.content)
            if text:
                doc.blocks.append(Block(kind=PARAGRAPH, text=text, line=base + tok.map[0],
                                        end_line=base + tok.map[1] - 1))
        i += 1


def _inline_block(doc: Document, kind: str, inline, base: int, line_map) -> Block:
    text, links, images = _render_inline(inline)
    line = base + line_map[0]
    end_line = base + line_map[1] - 1
    block = Block(kind=kind, text=text, line=line, end_line=max(line, end_line), links=links, images=images)
    # Collect inline HTML comments (suppression directives).
    for child in inline.children or ():
        if child.type == "html_inline" and child.content.startswith("<!--"):
            parse_directives_in_html(doc, child.content, line)
    if "\n" not in inline.content and text == inline.content:
        # Verbatim single-line text: map offsets exactly.
        src_line = doc.line_text(line)
        at = src_line.find(text)
        if at >= 0:
            block.segments = [(0, doc.line_offsets[line - 1] + at, len(text))]
    return block


def _render_inline(inline) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """Plain text of an inline token as a reader sees it, plus its links and images."""
    out: list[str] = []
    links: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []
    link_stack: list[tuple[str, int]] = []
    for child in inline.children or ():
        ct = child.type
        if ct == "text" or ct == "code_inline":
            out.append(child.content)
        elif ct in ("softbreak", "hardbreak"):
            out.append(" ")
        elif ct == "link_open":
            link_stack.append((child.attrs.get("href", ""), len("".join(out))))
        elif ct == "link_close" and link_stack:
            href, start = link_stack.pop()
            links.append(("".join(out)[start:], str(href)))
        elif ct == "image":
            alt = child.content or ""
            images.append((alt, str(child.attrs.get("src", ""))))
            out.append(alt)
        elif ct == "html_inline":
            if not child.content.startswith("<!--"):
                pass  # tags are markup; their text comes as text tokens
    text = "".join(out)
    if "  " in text or "\t" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip(), links, images


_BLANKS = re.compile(r"[ \t]+")


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _html_text(html: str) -> str:
    import html as htmlmod

    return re.sub(r"\s+", " ", htmlmod.unescape(_TAG.sub(" ", html))).strip()
