"""Markdown into blocks with markdown-it-pyrs (markdown-it.rs: CommonMark plus tables).

markdown-it-pyrs parses eight times faster than markdown-it-py and gives every node its
source range in UTF-8 bytes; a block's lines come from those ranges. Inline ranges are not
used: they are unreliable around hard breaks. A Rust panic on some input is caught and the
file read as plain text, with a note, so no input stops the run.
"""

from __future__ import annotations

import bisect
import re

from cpolint.document.model import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document
from cpolint.document.shapes import ALNUM, ANSWER, QUESTION, bold_heading, bold_label, label_of, wraps_article
from cpolint.document.suppress import parse_directives_in_html

_parser = None

_HEADINGS = ("heading", "lheading")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _md():
    global _parser
    if _parser is None:
        from markdown_it_pyrs import MarkdownIt

        _parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return _parser


class _Lines:
    """Byte offsets of the parsed text to 1-based file lines."""

    def __init__(self, doc: Document, body: str, start_offset: int, base: int):
        self.doc = doc
        self.base = base
        chars = [o - start_offset for o in doc.line_offsets if o >= start_offset]
        if body.isascii():  # one byte a character
            self.starts = chars
        else:  # the file's own line breaks (\r\n, \r, \n), counted in bytes
            self.starts = [0]
            for a, b in zip(chars, chars[1:]):
                self.starts.append(self.starts[-1] + len(body[a:b].encode("utf-8")))

    def line(self, byte: int) -> int:
        return self.base + bisect.bisect_right(self.starts, byte) - 1

    def span(self, node, trim: bool = True) -> tuple[int, int]:
        """First and last line of a node. With \r\n line ends a list item's range may run on
        over the blank lines after it, so trailing blank lines are not counted (`trim`)."""
        start, end = node.srcmap
        line = self.line(start)
        end_line = max(line, self.line(max(end - 1, start)))
        while trim and end_line > line and not self.doc.line_text(end_line).strip(" \t"):
            end_line -= 1
        return line, end_line


def parse_markdown(doc: Document, body_start_line: int) -> None:
    """Parse the document text from `body_start_line` (1-based; after any front matter)."""
    start_offset = doc.line_offsets[body_start_line - 1] if body_start_line - 1 < len(doc.line_offsets) else len(doc.text)
    body = doc.text[start_offset:]
    # Lone surrogates cannot cross into Rust, and CommonMark reads NUL as U+FFFD: both become
    # U+FFFD here, which keeps every character's offset (line starts are counted in `parsed`).
    parsed = body
    if not body.isascii() and _SURROGATE.search(body):
        parsed = _SURROGATE.sub("\ufffd", parsed)
    if "\0" in parsed:
        parsed = parsed.replace("\0", "\ufffd")
    try:
        root = _md().tree(parsed)
    except BaseException as exc:  # pyo3 reports a Rust panic as a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        doc.parse_problems.append((body_start_line, 1, f"the Markdown parser failed ({type(exc).__name__}); "
                                                       "the file was read as plain text"))
        from cpolint.document.plaintext import parse_plaintext

        parse_plaintext(doc, body_start_line)
        return
    _Walker(doc, _Lines(doc, parsed, start_offset, body_start_line)).blocks(root.children, [])


class _Walker:
    def __init__(self, doc: Document, lines: _Lines):
        self.doc = doc
        self.lines = lines
        self.mdx = doc.path.lower().endswith(".mdx")
        self.list_counter = 0
        # One entry per open list item: (list id, ordered, depth) until its block is made, then None.
        self.items: list[tuple[int, bool, int] | None] = []
        self.level = 1  # the last real heading's level
        self.nested = 0  # inside a blockquote or the like (a bold line there is no heading, nor in a list)

    def blocks(self, nodes, lists: list[tuple[int, bool]]) -> None:
        """Block-level nodes; `lists` holds the (list id, ordered) of each enclosing list."""
        doc = self.doc
        for k, node in enumerate(nodes):
            name = node.name
            if name in _HEADINGS:
                block = self.inline_block(HEADING, node, node.children, underlined=name == "lheading")
                block.level = int(node.meta.get("level", 1))
                if block.text.endswith("}"):
                    # Pandoc's, kramdown's and Hugo's heading attributes ("Salary {#salary}") are markup.
                    block.text = _HEADING_ATTRS.sub("", block.text)
                    block.segments = [(0, src, len(block.text)) for _, src, _ in block.segments[:1]]
                self.level = block.level
                doc.blocks.append(block)
            elif name == "paragraph":
                inline = node.children  # (each read of a node's attribute builds new objects)
                if self.items and self.items[-1] is not None:
                    self.list_item_block(node, inline)
                    continue
                top = not self.nested and not lists
                if top and inline and inline[0].name == "strong" and _bold_line(inline):
                    # "**Key Responsibilities**" on a line of its own: a heading written in bold,
                    # one level under the last real heading (markdownlint's MD036 shape).
                    block = self.inline_block(HEADING, node, inline)
                    block.level = min(self.level + 1, 6)
                    doc.blocks.append(block)
                else:
                    block = self.inline_block(PARAGRAPH, node, inline)
                    if top and block.text[:1] == "Q" and QUESTION.match(block.text) \
                            and self.question(node, inline, nodes[k + 1] if k + 1 < len(nodes) else None):
                        continue
                    if "{" in block.text and not _SITE_MARKUP.sub("", block.text).strip():
                        continue  # a static-site generator's markup alone, like an HTML block
                    if block.text.startswith(":::"):
                        # A fenced div or admonition (Pandoc, Quarto, Docusaurus: "::: {.note}",
                        # ":::tip" ... ":::"): its fences are markup, its words the article's.
                        block.text = _FENCED_DIV.sub("", block.text).strip()
                        block.segments = []
                        if not block.text:
                            continue
                    if self.mdx and block.text[:7] in ("import ", "export ") and _ESM.match(block.text):
                        continue  # MDX's import and export statements: code, not prose
                    if self.mdx and block.text[:2] == "{/" and _MDX_COMMENT.fullmatch(block.text):
                        continue  # an MDX comment, hidden as an HTML comment is
                    if block.text[:1] == "[" and _TOC_MARKER.fullmatch(block.text):
                        continue  # Python-Markdown's, MkDocs' and GitLab's "[TOC]" line: the contents, rendered
                    block.label = label_of(block.text) or _bold_lead(inline)
                    doc.blocks.append(block)
            elif name in ("bullet_list", "ordered_list"):
                self.list_counter += 1
                self.blocks(node.children, lists + [(self.list_counter, name == "ordered_list")])
            elif name == "list_item":
                self.list_item(node, lists)
            elif name == "table":
                rows = [[_render(cell.children)[0] for cell in row.children]
                        for part in node.children for row in part.children]
                line, end_line = self.lines.span(node)
                doc.blocks.append(Block(kind=TABLE, text="\n".join(" | ".join(r) for r in rows), line=line,
                                        end_line=end_line))
            elif name in ("fence", "code_block"):
                line, end_line = self.lines.span(node, trim=False)
                content = node.meta.get("content", "")
                if name == "fence" and not self.nested and not lists and self.wrapped_article(node, content, line):
                    continue
                doc.blocks.append(Block(kind=CODE, text=content, line=line, end_line=end_line))
            elif name == "html_block":
                line, end_line = self.lines.span(node, trim=False)
                content = node.meta.get("content", "")
                parse_directives_in_html(doc, content, line)
                if _HTML_BLOCK_ELEMENT.search(content):
                    self.html_blocks(content, line, end_line)
                    continue
                text = content.strip() if prose_in_angles(content.strip()) else _html_text(content)
                if text:
                    doc.blocks.append(Block(kind=PARAGRAPH, text=text, line=line, end_line=end_line))
            elif node.children:
                self.nested += 1
                self.blocks(node.children, lists)  # blockquote and the like: their blocks count
                self.nested -= 1

    def html_blocks(self, content: str, line: int, end_line: int) -> None:
        """Raw HTML in the Markdown (a signup form, an author box, a callout): its blocks as the
        HTML parser reads them, with the elements around them (class="newsletter-signup"), which
        the boilerplate detector reads as it does on an HTML page."""
        from cpolint.document.html import parse_html

        doc = self.doc
        sub = Document(doc.path, content, "html")
        parse_html(sub)
        start = doc.line_offsets[line - 1] if line - 1 < len(doc.line_offsets) else len(doc.text)
        verbatim = doc.text[start:start + len(content)] == content  # then its offsets shift as its lines do
        for b in sub.blocks:
            if "aside" in b.context:
                b.context = tuple(c for c in b.context if c != "aside")  # a callout, as above
            b.line += line - 1
            b.end_line += line - 1
            b.segments = [(t, src + start, n) for t, src, n in b.segments] if verbatim else []
            doc.blocks.append(b)
        if sub.analyses.get("hidden_text"):
            doc.analyses["hidden_text"] = True
        if sub.blocks:  # (a fix that removes all of its blocks removes its lines, tags and all)
            doc.analyses.setdefault("html_spans", []).append((line, end_line))

    def wrapped_article(self, node, content: str, line: int) -> bool:
        """A chatbot's reply pasted whole: the article inside a ```markdown fence, which
        would render as one code block. Its text is parsed as the Markdown it is (so its
        sections, claims and notes are read), and the fence is noted for E002. Only a fence
        marked markdown/md, at the top level, holding a heading and 60 words or more, most of
        the file's words (a job-description template the article shows in a fence is the
        article's code sample), whose content is the file's own lines (not indented)."""
        if node.meta.get("info", "").strip().lower() not in ("markdown", "md") or not wraps_article(content, self.doc.text):
            return False
        doc = self.doc
        start = doc.line_offsets[line] if line < len(doc.line_offsets) else len(doc.text)  # the line after the fence
        if doc.text[start:start + len(content)] != content:
            return False
        root = _md().tree(content)
        outer = self.lines
        self.lines = _Lines(doc, content, start, line + 1)
        try:
            self.blocks(root.children, [])
        finally:
            self.lines = outer
        _, end_line = outer.span(node, trim=False)
        doc.analyses.setdefault("model_fences", []).append((line, end_line))
        return True

    def question(self, node, inline, after) -> bool:
        """An FAQ written as "Q: ..." over "A: ...", in one paragraph or two: the question
        becomes a heading one level under the last real one, the answer a paragraph. False
        (nothing added) for any other paragraph."""
        if not inline or inline[0].name != "text" or not QUESTION.match(inline[0].meta.get("content", "")):
            return False
        cut = next((i for i, n in enumerate(inline) if n.name in ("softbreak", "hardbreak")), len(inline))
        rest = inline[cut + 1:]
        if rest:  # "Q: ...?" and "A: ..." on the next line of the same paragraph
            if rest[0].name != "text" or not ANSWER.match(rest[0].meta.get("content", "")):
                return False
        elif after is None or after.name != "paragraph" or not after.children or after.children[0].name != "text" \
                or not ANSWER.match(after.children[0].meta.get("content", "")):
            return False
        question = self.inline_block(HEADING, node, inline[:cut])
        if len(question.text.split()) > 30:
            return False
        question.level = min(self.level + 1, 6)
        if rest:
            answer = self.inline_block(PARAGRAPH, node, rest)
            answer.line = question.line + 1
            question.end_line = question.line
            answer.segments = []  # offsets are the paragraph's, not the answer's: no exact map
            if answer.line == answer.end_line:
                at = self.doc.line_text(answer.line).find(answer.text)
                if at >= 0:
                    answer.segments = [(0, self.doc.line_offsets[answer.line - 1] + at, len(answer.text))]
            answer.label = label_of(answer.text)
            question.segments = []
            at = self.doc.line_text(question.line).find(question.text)
            if at >= 0:
                question.segments = [(0, self.doc.line_offsets[question.line - 1] + at, len(question.text))]
            self.doc.blocks.extend((question, answer))
        else:
            self.doc.blocks.append(question)
        return True

    def list_item(self, node, lists) -> None:
        """The first paragraph met inside an item (at any depth) is the list item; later
        blocks are ordinary blocks. In a tight list that paragraph's inline nodes sit
        directly in the item."""
        list_id, ordered = lists[-1] if lists else (0, False)
        self.items.append((list_id, ordered, len(lists)))
        children = node.children
        k = 0
        while k < len(children) and children[k].name not in _BLOCK_NODES:
            k += 1
        if k:
            self.list_item_block(node, children[:k], before=children[k] if k < len(children) else None)
        self.blocks(children[k:], lists)
        self.items.pop()

    def list_item_block(self, node, inline, before=None) -> None:
        list_id, ordered, level = self.items[-1]
        self.items[-1] = None  # the item has its block
        block = self.inline_block(LIST_ITEM, node, inline, before=before)
        block.level = level
        block.list_id = list_id
        block.ordered = ordered
        self.doc.blocks.append(block)

    def inline_block(self, kind: str, node, inline, before=None, underlined: bool = False) -> Block:
        """A block of inline text; `before` is the first nested block of a tight list item,
        whose range runs on over it; a Setext heading is `underlined` on its last line."""
        doc = self.doc
        text, links, images, comments, plain = _render(inline)
        line, end_line = self.lines.span(node)
        if before is not None:
            end_line = max(line, self.lines.line(before.srcmap[0]) - 1)
        block = Block(kind=kind, text=text, line=line, end_line=end_line, links=links, images=images)
        for comment in comments:  # suppression directives
            parse_directives_in_html(doc, comment, line)
        if plain and line == end_line - underlined and text:
            # Verbatim single-line text: map offsets exactly.
            at = doc.line_text(line).find(text)
            if at >= 0:
                block.segments = [(0, doc.line_offsets[line - 1] + at, len(text))]
        return block


def _bold_line(inline) -> bool:
    """A paragraph that is one bold span (bold_heading's shape, no link in it), with at most
    an emoji or punctuation beside it. A bold lead-in followed by text ("**Note:** ...") is a
    paragraph."""
    strong = [n for n in inline if n.name == "strong"]
    if len(strong) != 1 or any(n.name != "strong" and (n.name != "text" or ALNUM.search(n.meta.get("content", "")))
                               for n in inline):
        return False
    text, links, *_ = _render(strong[0].children)
    return bold_heading(text) and not links


def _bold_lead(inline) -> str | None:
    """The label of a paragraph that opens with a bold lead ("**Company stage.** Later-stage
    companies pay more"): shapes.bold_label."""
    first = inline[0] if inline else None
    if first is None or first.name != "strong" or len(inline) < 2:
        return None
    text, links, *_ = _render(first.children)
    return None if links else bold_label(text)


_BLOCK_NODES = {"paragraph", "heading", "lheading", "bullet_list", "ordered_list", "fence", "code_block",
                "html_block", "blockquote", "table", "hr", "list_item"}


def _render(nodes):
    """Plain text of inline nodes as a reader sees it, their links and images, the HTML
    comments among them, and whether the text is all plain text (so verbatim in the source)."""
    inline = _Inline()
    inline.walk(nodes)
    text = "".join(inline.out)
    if "  " in text or "\t" in text or "\n" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip(), inline.links, inline.images, inline.comments, inline.plain


class _Inline:
    """What _render gathers. A class, not a recursive closure: a closure that calls itself is
    a reference cycle, left to the cyclic collector (see Document.release)."""

    def __init__(self):
        self.out: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self.comments: list[str] = []
        self.plain = True

    def walk(self, children) -> None:
        out = self.out
        for child in children:
            name = child.name
            if name == "text":
                out.append(child.meta.get("content", ""))
                continue
            self.plain = False
            if name == "text_special":
                out.append(child.meta.get("content", ""))
            elif name == "code_inline":
                self.walk(child.children)
            elif name in ("softbreak", "hardbreak"):
                out.append(" ")
            elif name in ("link", "image"):
                first = len(out)
                self.walk(child.children)
                (self.links if name == "link" else self.images).append(
                    ("".join(out[first:]), str(child.meta.get("url", ""))))
            elif name == "html_inline":
                content = child.meta.get("content", "")
                if content.startswith("<!--"):
                    self.comments.append(content)
                elif prose_in_angles(content) or _ANGLED_SLOT.fullmatch(content):
                    out.append(content)  # "<<Need a stat here>>", "<COMPANY>": a drafter's words, not a tag
                # other tags are markup; their text comes as text nodes
            elif child.children:
                self.walk(child.children)  # emphasis, strikethrough: their text


_BLANKS = re.compile(r"[ \t\n]+")
_HEADING_ATTRS = re.compile(r"\s*\{\s*[#.][^{}]*\}$")
# (Docusaurus gives an admonition a title in brackets: ":::caution[Salary data]", a label.)
_FENCED_DIV = re.compile(r"^:::+\s*(?:\{[^{}]*\}|[\w-]+)?(?:\[[^\]\n]*\])?|:::+$")
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)
_ESM = re.compile(r"^(?:(?:import|export)\s[^\n]*(?:\s+|$))+$")
_TOC_MARKER = re.compile(r"\[(?:TOC|toc)\]|\[\[_TOC_\]\]")
# A static-site generator's markup in Markdown, never a slot to fill: Hugo's shortcodes ({{< name >}},
# {{% name %}}), Jekyll's Liquid tags ({% include cta.html %}) and its site and page variables
# ({{ site.title }}, {{ "/x" | relative_url }}). "{{ company_name }}" stays a placeholder.
SITE_MARKUP_SOURCE = (
    r"\{\{<[^{}\n]*?>\}\}|\{\{%[^{}\n]*?%\}\}"
    r"|\{%-?\s*(?:include|include_relative|raw|endraw|highlight|endhighlight|link|post_url|comment|endcomment|if|"
    r"elsif|else|endif|unless|endunless|for|endfor|assign|capture|endcapture|case|when|endcase)\b[^%\n]*%\}"
    r"|\{\{-?\s*(?:(?:site|page|include|layout|paginator|jekyll)\.[^{}\n]*|[^{}|\n]*\|\s*[a-z_]+[^{}\n]*)\}\}")
_SITE_MARKUP = re.compile(SITE_MARKUP_SOURCE)


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
# "<COMPANY>", "<CITY NAME>": capitals, no element of HTML's (CommonMark reads them as tags).
_ANGLED_SLOT = re.compile(r"<[A-Z][A-Z0-9_]+(?: [A-Z][A-Z0-9_]+){0,3}>")
# CommonMark reads "<Need a stat here>" as an inline tag named "Need" with bare attributes. A
# "tag" of two or more bare words whose name is no HTML element is a drafter's words ("<<add
# stat>>" lost its inner words as a tag named "add").
_ANGLED_WORDS = re.compile(r"<([A-Za-z][\w'’-]*)(?:\s+[A-Za-z0-9][\w'’?,.-]*){1,}\s*>")
_HTML_ELEMENTS = frozenset("""a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark
menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
search section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th
thead time title tr track u ul var video wbr""".split())


def prose_in_angles(tag: str) -> bool:
    m = _ANGLED_WORDS.fullmatch(tag)
    return m is not None and m.group(1).lower() not in _HTML_ELEMENTS


# Raw HTML that holds blocks of its own (not a lone <img>, <br> or inline tag).
# (Not a bare <aside>: Notion exports its callouts as one, the writer's words.)
_HTML_BLOCK_ELEMENT = re.compile(r"<(?:p|div|h[1-6]|ul|ol|li|form|section|blockquote|table|figure|figcaption|"
                                 r"details|summary|nav|footer|header|article|aside)\b", re.I)


def _html_text(html: str) -> str:
    import html as htmlmod

    return " ".join(htmlmod.unescape(_TAG.sub(" ", html)).split())
