"""HTML into blocks with the standard library's HTML parser.

Why html.parser: it is a real, forgiving tokenizer (malformed and unclosed markup never
raises), it reports the line and column of every tag and text run, and it costs no
dependency. Script, style and comments are dropped (comments are read for suppression
directives); headings, paragraphs, list items and tables are kept with their source lines,
and every block remembers its ancestors (nav, footer, class="sidebar" ...) for the
boilerplate detector.
"""

from __future__ import annotations

import html as htmlmod
import re
from html.parser import HTMLParser

from cpolint.document.model import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document
from cpolint.document.shapes import ALNUM, bold_heading, bold_label, label_of
from cpolint.document.suppress import parse_directives_in_html

_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
         "canvas", "audio", "video"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr", "keygen"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "div", "section",
          "article", "header", "footer", "nav", "aside", "main", "form", "figure", "figcaption", "ul", "ol",
          "dl", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "hr", "br", "address",
          "body", "html", "fieldset", "legend", "details", "summary", "menu", "label", "button", "textarea",
          "center", "title"}
# Elements worth remembering as context for the boilerplate detector.
_CONTEXT = {"nav", "header", "footer", "aside", "form", "main", "article", "section", "menu", "ul", "ol",
            "table", "div", "span", "p", "li", "a", "button", "label", "address", "figure"}
_WS = re.compile(r"\s+")
_ARIA_LEVEL = re.compile(r"\[aria-level=(\d+)\]")
# A heading element that holds the title's subtitle ("subtitle", "dek", "standfirst").
_DEK = re.compile(r"[.\s_-](?:sub-?title|dek|standfirst|strapline|tagline)(?:[.\s_-]|$)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A utility class that hides an element (Tailwind's "hidden", Bootstrap's "d-none"), unless
# another shows it from some screen width up ("hidden md:flex", "d-none d-lg-block").
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|invisible|d-none|is-hidden|display-none)(?=\s|$)")
_SHOWN_AT = re.compile(r"(?:^|\s)(?:(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|inline-flex|table|contents|"
                       r"visible)|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|inline-flex|table))(?=\s|$)")


def _hidden_by_class(classes: str) -> bool:
    return ("hidden" in classes or "none" in classes or "invisible" in classes) \
        and _HIDDEN_CLASS.search(classes) is not None and _SHOWN_AT.search(classes) is None


_FONT_WEIGHT = re.compile(r"font-weight\s*:\s*([a-z]+|\d+)", re.I)
_BOLD_WEIGHTS = {"bold", "bolder", "600", "700", "800", "900"}
_MSO_LIST = re.compile(r"mso-list:\s*l\d+\s+level(\d+)\s+(lfo\d+)")
# The glyph or number Word sets before a list paragraph's text: Symbol's "·", Courier's "o",
# Wingdings' "§", or "1." / "a)" / "iv." (the numbers are group 1), then padding.
_WORD_BULLET = re.compile(r"(?:[·•o§Ø▪\-–]|(\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]))\s+")


class _Builder(HTMLParser):
    def __init__(self, doc: Document):
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.stack: list[tuple[str, str]] = []  # (tag, context string)
        self.skip_depth = 0
        self.skip_tag: str | None = None
        self.buf: list[str] = []
        self.buf_len = 0
        self.segments: list[tuple[int, int, int]] = []
        self.start: tuple[int, int] | None = None
        self.end_line = 0
        self.links: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self.link_stack: list[tuple[str, int]] = []
        self.list_ids: list[tuple[int, bool]] = []
        self.list_counter = 0
        self.table_depth = 0
        # Whether each open <table> lays the page out (see _layout_tables): its cells are not
        # a table's cells but the page's columns, and what they hold is read as blocks.
        self.layout_tables: set[int] = _layout_tables(doc.text) if ("<table" in doc.text or "<TABLE" in doc.text
                                                                    or "<Table" in doc.text) else set()
        self.table_kinds: list[bool] = []
        self.table_rows: list[list[str]] = []
        self.table_start: int | None = None
        self.row: list[str] = []
        self.in_title = False
        self.title_parts: list[str] = []
        # A <p> whose text is all in <strong> or <b> is a heading written in bold (see flush).
        self.bold_depth = 0
        self.bold_text = self.plain_text = False
        self.bold_lead_end = 0  # where a bold lead ends in the buffer ("<strong>Company stage.</strong> ...")
        # Whether each open <b>, <strong> or <span> made its text bold (a site builder's
        # <span style="font-weight:700">; Google Docs wraps a whole paste in <b
        # style="font-weight:normal">, which is not).
        self.bold_stack: list[tuple[bool, int]] = []  # (bold, the depth of self.stack it opened at)
        self.level = 1  # the last <h1>-<h6>'s level
        # Word's HTML: a list item is a <p> with an mso-list style (or a MsoListParagraph class)
        # whose text starts with the bullet glyph; its title is <p class=MsoTitle>.
        self.word_list: tuple[str, int] | None = None  # (the list's lfo, the item's level)
        self.word_title = False
        self.word_lists: dict[str, int] = {}
        self.start_context: tuple | None = None  # the open elements (stack pairs) at the block's first text
        # Two inline elements side by side with no space between ("<a>Find jobs</a><a>Company
        # reviews</a>", "<span>Editorial Team</span><span>Updated ...</span>") show as two
        # items; their words are joined with a space when a capital or digit starts the second
        # ("<span>T</span>he", a drop cap, stays one word). -1, or the buffer's length when an
        # inline element closed (`_closed`) and another opened right after it (`_reopened`).
        self._closed = self._reopened = -1

    # -- helpers ----------------------------------------------------------------------
    def _offset(self, line: int, col: int) -> int:
        return self.doc.line_offsets[line - 1] + col

    def _context(self) -> tuple[str, ...]:
        return tuple(ctx for tag, ctx in self.stack if ctx)

    def _kind(self) -> tuple[str, int]:
        for tag, ctx in reversed(self.stack):
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                if ctx and _DEK.search(ctx) and self.doc.blocks and self.doc.blocks[-1].kind == HEADING \
                        and self.doc.blocks[-1].level == 1:
                    return PARAGRAPH, 0  # <h3 class="subtitle"> right under the title (Substack): its dek
                return HEADING, int(tag[1])
            if ctx and "[role=heading]" in ctx:  # <div role="heading" aria-level="2">
                level = _ARIA_LEVEL.search(ctx)
                return HEADING, min(max(int(level.group(1)), 1), 6) if level else 2
            if tag in ("li", "dt", "dd"):
                return LIST_ITEM, 0
            if tag == "pre":
                return CODE, 0
            if tag in ("p", "blockquote", "figcaption", "td", "th", "caption"):
                return PARAGRAPH, 0
        return PARAGRAPH, 0

    def _in_heading(self) -> bool:
        return any(tag in ("h1", "h2", "h3", "h4", "h5", "h6") or (ctx and "[role=heading]" in ctx)
                   for tag, ctx in self.stack)

    def _container(self) -> str | None:
        """The innermost element around the text that makes a block of it."""
        for tag, _ in reversed(self.stack):
            if tag in _BLOCK:
                return tag
        return None

    def flush(self) -> None:
        text = "".join(self.buf)
        stripped = text.strip()
        if stripped and self.start is not None:
            if self.table_depth and any(t in ("td", "th") for t, _ in self.stack):
                self.row.append(" ".join(stripped.split()))
            else:
                kind, level = self._kind()
                verbatim = True  # whether the block's text is the buffer's, less white space
                if kind == PARAGRAPH and self.word_list is not None:
                    stripped, kind, level, ordered = self._word_item(stripped)
                    verbatim = kind == PARAGRAPH  # (the glyph taken off: no column mapping)
                elif kind == PARAGRAPH and self.word_title:
                    kind, level = HEADING, 1
                if kind == HEADING:
                    self.level = level
                elif kind == PARAGRAPH and self.bold_text and not self.plain_text and not self.links \
                        and self._container() in ("p", "div") and bold_heading(" ".join(stripped.split())):
                    kind, level = HEADING, min(self.level + 1, 6)
                lead = len(text) - len(text.lstrip())
                # str.split and re's \s agree on what white space is: this is _WS.sub(" ", stripped).
                final = stripped if kind == CODE else " ".join(stripped.split())
                segments = []
                if final == stripped and verbatim:  # no whitespace collapsed: verbatim pieces still line up
                    for t, s, n in self.segments:
                        if t + n <= lead:
                            continue
                        cut = max(0, lead - t)
                        segments.append((t + cut - lead, s + cut, n - cut))
                block = Block(kind=kind, text=final, line=self.start[0], end_line=max(self.start[0], self.end_line),
                              level=level, links=self.links, images=self.images,
                              context=self._context() if self.start_context is None else self._block_context(),
                              segments=segments)
                if kind == LIST_ITEM and self.word_list is not None:
                    block.list_id, block.ordered = self.word_lists[self.word_list[0]], ordered
                elif kind == LIST_ITEM and self.list_ids:
                    block.list_id, block.ordered = self.list_ids[-1]
                    block.level = len(self.list_ids)
                if kind == PARAGRAPH:
                    block.label = label_of(final) or (bold_label(text[:self.bold_lead_end]) if self.bold_lead_end
                                                      else None)
                self.doc.blocks.append(block)
        elif self.images and self.start is not None:
            # An image on its own: keep it as an empty paragraph so image rules can see it.
            self.doc.blocks.append(Block(kind=PARAGRAPH, text="", line=self.start[0],
                                         end_line=max(self.start[0], self.end_line), images=self.images,
                                         context=self._context()))
        self.buf, self.buf_len, self.segments = [], 0, []
        self.bold_text = self.plain_text = False
        self.bold_lead_end = 0
        self.word_list, self.word_title = None, False
        self.start_context = None
        self.start = None
        self.links, self.images = [], []
        self.link_stack = []

    def _block_context(self) -> tuple[str, ...]:
        """The elements around the block: those open now, and, when the block's text began
        inside a link or button that has closed since (a bare `<a class="btn">Post a job</a>`
        between two paragraphs), that one too: its class says what the block is."""
        now = self._context()
        began = self.start_context  # the stack's (tag, context) pairs when the text began
        depth = len(self.stack)
        if began is not None and len(began) > depth and began[:depth] == tuple(self.stack) \
                and all(tag in ("a", "button") for tag, _ in began[depth:]):
            return tuple(ctx for _, ctx in began if ctx)
        return now

    def _word_paragraph(self, attrs: dict[str, str]) -> None:
        """Note what a Word paragraph's class and style make it: a list item or the title."""
        cls, style = attrs.get("class", ""), attrs.get("style", "")
        if "mso-list" in style or cls.startswith("MsoListParagraph"):
            m = _MSO_LIST.search(style)
            lfo, level = (m.group(2), int(m.group(1))) if m else ("", 1)
            if lfo not in self.word_lists:
                self.list_counter += 1
                self.word_lists[lfo] = self.list_counter
            self.word_list = (lfo, level)
        elif cls in ("MsoTitle", "MsoTitleCxSpFirst"):
            self.word_title = True

    def _word_item(self, text: str) -> tuple[str, str, int, bool]:
        """(text, kind, level, ordered) of a Word list paragraph: its bullet glyph or number
        (and the spaces Word pads it with) taken off; a paragraph without one stays one."""
        m = _WORD_BULLET.match(text)
        if m is None:
            return text, PARAGRAPH, 0, False
        return text[m.end():], LIST_ITEM, self.word_list[1], m.group(1) is not None

    def _append(self, text: str, verbatim: bool) -> None:
        line, col = self.getpos()
        if not text:
            return
        if self.start is None:
            if not text.strip() and not self.images:
                return
            breaks = text.count("\n", 0, len(text) - len(text.lstrip()))
            # The block starts where its first word is ("<br>\nA chief ..." starts on the next line).
            self.start = (line + breaks, 0) if breaks else (line, col)
            if self.stack and self.stack[-1][0] in ("a", "button"):
                self.start_context = tuple(self.stack)  # (see _block_context)
        # (searched only until the block has each kind of text: most blocks' first words settle it)
        if self.bold_depth:
            if not self.bold_text and ALNUM.search(text):
                self.bold_text = True
        elif not self.plain_text and ALNUM.search(text):
            self.plain_text = True
            if self.bold_text:
                self.bold_lead_end = self.buf_len  # the words so far were all bold
        if verbatim:
            self.segments.append((self.buf_len, self._offset(line, col), len(text)))
        self.buf.append(text)
        self.buf_len += len(text)
        # Line of the last visible character so far.
        if text.strip():
            self.end_line = line + text.rstrip().count("\n") if verbatim else line

    # -- parser callbacks ----------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIP:
            self.skip_depth, self.skip_tag = 1, tag
            return
        attrs_d = {k.lower(): (v or "") for k, v in attrs}
        if tag == "a" and attrs_d.get("href", "").startswith("#") and self._in_heading() and _permalink(attrs_d):
            # A heading's permalink ("¶", "#", "🔗" a docs site adds): no words of the heading.
            self.skip_depth, self.skip_tag = 1, tag
            return
        if tag in _BLOCK or attrs_d.get("role") == "heading":
            self.flush()
        elif self._closed == self.buf_len:
            self._reopened = self.buf_len
        if tag == "p" and attrs_d.get("class", "").startswith("Mso"):
            self._word_paragraph(attrs_d)
        if tag == "br":
            self._append(" ", False)
            return
        if tag == "img":
            line, _ = self.getpos()
            if self.start is None:
                self.start = (line, 0)
                self.end_line = line
            self.images.append((attrs_d.get("alt", ""), attrs_d.get("src", "")))
            return
        if tag == "a":
            self.link_stack.append((attrs_d.get("href", ""), self.buf_len))
        if tag in ("strong", "b", "span"):
            weight = _FONT_WEIGHT.search(attrs_d["style"]) if "weight" in attrs_d.get("style", "") else None
            bold = (weight.group(1).lower() in _BOLD_WEIGHTS) if weight else tag != "span"
            self.bold_stack.append((bold, len(self.stack)))
            self.bold_depth += bold
        if tag in ("ul", "ol", "menu"):
            self.list_counter += 1
            self.list_ids.append((self.list_counter, tag == "ol"))
        if tag == "table":
            layout = self._offset(*self.getpos()) in self.layout_tables
            self.table_kinds.append(layout)
            if not layout:
                if self.table_depth == 0:
                    self.table_rows, self.table_start = [], self.getpos()[0]
                self.table_depth += 1
        if tag in _VOID:
            return
        ctx = ""
        if tag in _CONTEXT or attrs_d.get("id") or attrs_d.get("class") or attrs_d.get("role"):
            ctx = tag
            if attrs_d.get("id"):
                ctx += "#" + attrs_d["id"].strip().replace(" ", "_")
            for cls in attrs_d.get("class", "").split():
                ctx += "." + cls
            if attrs_d.get("role"):
                ctx += "[role=" + attrs_d["role"].strip().lower() + "]"
                if ctx.endswith("[role=heading]") and attrs_d.get("aria-level", "").strip().isdigit():
                    ctx += "[aria-level=" + attrs_d["aria-level"].strip() + "]"
        style = attrs_d.get("style")
        classes = attrs_d.get("class")
        if "hidden" in attrs_d or (style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style)) \
                or (classes and _hidden_by_class(classes)):
            ctx = (ctx or tag) + "[hidden]"  # shown to search engines, not to readers
            self.doc.analyses["hidden_text"] = True  # (the classifier looks for it only then)
        self.stack.append((tag, ctx))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "title":
            self.in_title = False
            title = _WS.sub(" ", "".join(self.title_parts)).strip()
            if title and not self.doc.html_title:
                self.doc.html_title = title
            return
        if tag == "a" and self.link_stack:
            href, start = self.link_stack.pop()
            self.links.append(("".join(self.buf)[start:].strip(), href))
        if tag in _BLOCK or (self.stack and self.stack[-1][0] == tag and "[role=heading]" in self.stack[-1][1]):
            self.flush()
        elif self.buf_len:
            self._closed = self.buf_len
        if tag in ("tr",) and self.table_depth:
            if self.row:
                self.table_rows.append(self.row)
            self.row = []
        if tag == "table" and self.table_kinds and self.table_kinds.pop():
            pass  # a layout table's end: nothing was collected
        elif tag == "table" and self.table_depth:
            self.table_depth -= 1
            if self.table_depth == 0:
                if self.row:
                    self.table_rows.append(self.row)
                    self.row = []
                if self.table_rows:
                    text = "\n".join(" | ".join(r) for r in self.table_rows)
                    self.doc.blocks.append(Block(kind=TABLE, text=text, line=self.table_start or 1,
                                                 end_line=max(self.getpos()[0], self.table_start or 1),
                                                 context=self._context()))
                self.table_rows = []
        if tag in ("ul", "ol", "menu") and self.list_ids:
            self.list_ids.pop()
        # Pop to the matching open element, if any (unclosed children close with it).
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break
        # Bold ends with its element, or with the element it was left open in ("<p><span
        # style=...>Outlook</p>": the next paragraph is not bold).
        while self.bold_stack and self.bold_stack[-1][1] >= len(self.stack):
            self.bold_depth -= self.bold_stack.pop()[0]

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._reopened == self.buf_len and self.buf_len and (data[:1].isupper() or data[:1].isdigit()) \
                and self.buf[-1][-1:].isalnum():
            self._append(" ", False)
        self._reopened = -1
        self._append(data, True)

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")

    def _entity(self, raw: str) -> None:
        if self.skip_depth:
            return
        text = htmlmod.unescape(raw)
        if self.in_title:
            self.title_parts.append(text)
            return
        self._append(text, False)

    def handle_comment(self, data):
        line, _ = self.getpos()
        parse_directives_in_html(self.doc, f"<!--{data}-->", line)

    def close(self):
        super().close()
        self.flush()


_PERMALINK_CLASS = re.compile(r"(?:^|[\s_-])(?:headerlink|header-link|anchor|anchorjs-link|anchor-link|permalink|"
                              r"hash-link|heading-link|heading-anchor)(?:$|[\s_-])", re.I)


def _permalink(attrs: dict[str, str]) -> bool:
    """Whether a link inside a heading is the heading's own permalink, as docs generators
    mark it (MkDocs and Sphinx "headerlink", Hugo and GitHub "anchor", Docusaurus
    "hash-link"), or hidden from screen readers."""
    return bool(_PERMALINK_CLASS.search(attrs.get("class", ""))) or attrs.get("aria-hidden", "").lower() == "true" \
        or "permalink" in attrs.get("title", "").lower() or "permanent link" in attrs.get("title", "").lower()


_TABLE_TAGS = re.compile(r"<(/?)(table|tr|td|th|p|h[1-6]|blockquote)\b([^>]*)>", re.I)
_PRESENTATION = re.compile(r"\brole\s*=\s*[\"']?(?:presentation|none)\b", re.I)


def _layout_tables(text: str) -> set[int]:
    """The offsets of the <table> tags that lay a page out rather than hold data: an email's
    or an old site's columns. Such a table says so (role="presentation"), or holds a heading,
    a quotation or another table (an email template nests them), or has a single column, or
    a cell of several paragraphs; a data table, even one exported from Word with a <p> in
    each cell, has none of these."""
    layout: set[int] = set()
    # Each open table: [offset, the most cells in one of its rows, cells in its open row,
    # paragraphs in its open cell].
    open_tables: list[list[int]] = []
    for m in _TABLE_TAGS.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        top = open_tables[-1] if open_tables else None
        if name == "table":
            if closing:
                if top is not None:
                    open_tables.pop()
                    if max(top[1], top[2]) == 1:
                        layout.add(top[0])  # one column: a stack of boxes
                continue
            for outer in open_tables:
                layout.add(outer[0])  # every table around a table lays it out
            if _PRESENTATION.search(m.group(3)):
                layout.add(m.start())
            open_tables.append([m.start(), 0, 0, 0])
        elif top is None or closing:
            continue
        elif name == "tr":
            top[1], top[2] = max(top[1], top[2]), 0
        elif name in ("td", "th"):
            top[2] += 1
            top[3] = 0
        elif name == "p":
            top[3] += 1
            if top[3] >= 2:
                layout.add(top[0])
        else:
            layout.add(top[0])
    return layout


def parse_html(doc: Document) -> None:
    # html.parser counts only "\n" as a line break: make "\r" breaks agree without moving offsets.
    text = doc.text.replace("\r\n", " \n").replace("\r", "\n")
    builder = _Builder(doc)
    builder.feed(text)
    builder.close()
