"""The one document model every rule reads: blocks with exact source spans, sections, sentences.

Parsers (plaintext.py, markdown.py, html.py) turn a file into `Block`s; everything else
(sections, sentences, shared analyses) is computed here, once per document, on demand.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Iterator

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The text's lines without their breaks (\r\n, \r or \n), as LINE_BREAK.split makes them."""
    return text.split("\n") if "\r" not in text else LINE_BREAK.split(text)


def line_starts(text: str) -> list[int]:
    """Offset of the first character of each line (after each break; 0 first)."""
    if "\r" in text:
        return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    # Only \n breaks (nearly every file): summed line lengths, 4x faster than a match per line.
    return [0, *accumulate([n + 1 for n in map(len, text.split("\n")[:-1])])]

class cached_property:  # noqa: N801 - used as functools.cached_property is
    """functools.cached_property without its lock: a value computed on first use and kept in
    the instance's __dict__. Python 3.11's takes a lock in interpreted code on every first
    use (a hundred times an article); the models here are never shared between threads
    while they are built."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


# Block kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE = "table"
CODE = "code"
FRONT_MATTER = "front_matter"
PROSE_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE)


class Block:
    """A unit of the article as a reader sees it, with where it sits in the source file.

    Its fields are __init__'s parameters. Compiled, it is an extension type (model.pxd): the
    rules read its fields thousands of times an article, and a slot is read without the
    instance dict's lookup; the __dict__ it keeps holds the computed-once properties.
    """

    def __init__(self, kind: str, text: str, line: int, end_line: int, level: int = 0, label: str | None = None,
                 list_id: int | None = None, ordered: bool = False, links=None, images=None,
                 context: tuple = (), segments=None, index: int = -1):
        self.kind = kind
        self.text = text
        self.line = line  # first source line, 1-based
        self.end_line = end_line  # last source line, 1-based, inclusive
        self.level = level  # heading level (1-6); nesting depth for list items
        self.label = label  # "Education" for a "Education: Most employers ..." lead-in
        self.list_id = list_id  # list items of one list share it
        self.ordered = ordered
        self.links: list[tuple[str, str]] = [] if links is None else links  # (text, href)
        self.images: list[tuple[str, str]] = [] if images is None else images  # (alt, src)
        self.context = context  # HTML ancestors as "tag#id.class1.class2"
        # (text offset, source offset, length): runs of `text` copied verbatim from the source.
        self.segments: list[tuple[int, int, int]] = [] if segments is None else segments
        self.index = index  # position in Document.blocks

    @cached_property
    def words(self) -> list[str]:
        """The block's words (blocks do not change once parsed, so this is computed once)."""
        return WORD.findall(self.text)

    @cached_property
    def word_count(self) -> int:
        """self.word_count, which is what the rules ask, without the list."""
        return count_words(self.text)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Block({self.kind}, L{self.line}-{self.end_line}, {self.text[:40]!r})"


# "$220,000" and "4.5" are one word. Written as runs (`[...]*`) rather than a repeated
# alternation, which the engine runs a third faster, with the same matches.
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*(?:[.,](?=\d)[A-Za-z0-9'’\-]*)*")


# count_words' byte classes: a letter, a digit, a decimal or thousands separator, a joiner
# (apostrophe, hyphen); every other byte (a non-ASCII character is "?" by then) separates.
_WORD_CLASSES = bytes(
    ord("a") if chr(c).isascii() and chr(c).isalpha() else ord("d") if 48 <= c <= 57 else
    ord("p") if chr(c) in ".," else ord("h") if chr(c) in "'-" else ord(" ") for c in range(256))
_WORD_RUNS = bytes.maketrans(b"dp", b"a ")


def count_words(text: str) -> int:
    """len(WORD.findall(text)), without the regex engine's cost per word (~1,000
    instructions a match, three passes' worth of text a word).

    A WORD match is a run of letters, digits and joiners that holds a letter or digit, where
    "." or "," before a digit continues the run ("$220,000", "4.5"). So: bytes classified in
    one translation, each separator before a digit made a digit, the joiners dropped (a run
    of joiners alone is no word) and the runs counted by where they start. Tested equal to
    WORD on the corpus and on random text.
    """
    if "’" in text:
        text = text.replace("’", "'")
    classes = text.encode("ascii", "replace").translate(_WORD_CLASSES)
    if b"pd" in classes:
        classes = classes.replace(b"pd", b"dd")
    runs = classes.translate(_WORD_RUNS, b"h")
    return runs.count(b" a") + runs.startswith(b"a")


@dataclass(eq=False)
class Section:
    """A heading and everything under it up to the next heading of the same or a higher level."""

    heading: Block | None  # None for the text before the first heading
    level: int
    blocks: list[Block] = field(default_factory=list)  # body directly under the heading
    children: list["Section"] = field(default_factory=list)
    parent: "Section | None" = None

    def __init__(self, heading: Block | None, level: int, blocks=None, children=None, parent=None):
        self.heading = heading
        self.level = level
        self.blocks = [] if blocks is None else blocks
        self.children = [] if children is None else children
        self.parent = parent

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def line(self) -> int:
        if self.heading:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 1

    def all_blocks(self) -> list[Block]:
        out = [self.heading] if self.heading else []
        out.extend(self.blocks)
        for child in self.children:
            out.extend(child.all_blocks())
        return out

    def body_blocks(self) -> list[Block]:
        """Every block under the heading, subsections included."""
        return [b for b in self.all_blocks() if b is not self.heading]

    @property
    def end_line(self) -> int:
        blocks = self.all_blocks()
        return max(b.end_line for b in blocks) if blocks else self.line

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator["Section"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Sentence:
    """A sentence inside one block (sentences never cross block boundaries). Its fields are
    __init__'s parameters; compiled, an extension type as Block is."""

    def __init__(self, block: Block, start: int, end: int, text: str, index: int = -1, _doc=None,
                 _char: tuple = (0, 0)):
        self.block = block
        self.start = start  # offset in block.text
        self.end = end
        self.text = text
        self.index = index
        self._doc = _doc  # the spaCy Doc over the joined text this sentence came from
        self._char = _char  # the sentence's character span in that Doc

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Sentence({self.start}-{self.end}, {self.text[:40]!r})"

    @property
    def tokens(self) -> list:
        """spaCy tokens of the sentence (no whitespace tokens), made on first use."""
        if self._doc is None:
            # A block that could only be one sentence went to no tokenizer call: its tokens
            # are those of its text alone (tokens never cross white space).
            from cpolint.document.sentences import get_nlp

            self._doc, self._char = get_nlp().tokenizer(self.text), (0, len(self.text))
        span = self._doc.char_span(self._char[0], self._char[1], alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    @cached_property
    def words(self) -> list[str]:
        """The block's words (blocks do not change once parsed, so this is computed once)."""
        return WORD.findall(self.text)


class Document:
    """A parsed article. Build with `cpolint.document.parse_document`."""

    def __init__(self, path: str, text: str, fmt: str):
        self.path = path
        self.text = text
        self.format = fmt  # "text", "markdown" or "html"
        self.line_offsets = line_starts(text)
        self.blocks: list[Block] = []
        self.front_matter: dict | None = None
        self.html_title: str | None = None
        # Inline suppression comments: (line, action, codes) with action in
        # disable / enable / disable-next-line; codes empty means all.
        self.directives: list[tuple[int, str, tuple[str, ...]]] = []
        # Problems met while parsing (bad front matter ...): (line, column, message).
        self.parse_problems: list[tuple[int, int, str]] = []
        # Shared analyses (boilerplate mask, schema sections, claims ...) keyed by name.
        self.analyses: dict[str, Any] = {}

    # -- source positions -------------------------------------------------------------
    @property
    def line_count(self) -> int:
        n = len(self.line_offsets)
        if n > 1 and self.line_offsets[-1] == len(self.text):
            return n - 1  # the file ends with a line break: no extra empty line
        return n

    def line_text(self, line: int) -> str:
        start = self.line_offsets[line - 1]
        end = self.line_offsets[line] if line < len(self.line_offsets) else len(self.text)
        # A line holds one break, at its end (LINE_BREAK: \r\n, \r or \n).
        return self.text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        """Source offset to (line, column), both 1-based."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_offsets, offset) - 1
        return index + 1, offset - self.line_offsets[index] + 1

    def line_range_offsets(self, line: int, end_line: int) -> tuple[int, int]:
        """Offsets of the first character of `line` and one past the line break of `end_line`."""
        start = self.line_offsets[line - 1]
        end = self.line_offsets[end_line] if end_line < len(self.line_offsets) else len(self.text)
        return start, end

    def block_span(self, block: Block) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of a whole block, trimmed to its text."""
        first = self.line_text(block.line)
        last = self.line_text(block.end_line)
        column = len(first) - len(first.lstrip()) + 1
        end_column = len(last.rstrip()) + 1
        if block.end_line == block.line and end_column <= column:
            end_column = column + 1
        return block.line, column, block.end_line, max(end_column, 1)

    def source_range(self, block: Block, start: int, end: int) -> tuple[int, int] | None:
        """Source offsets [s, e) of block.text[start:end], or None when it cannot be placed."""
        end = max(end, start + 1)
        src_start = self._source_offset(block, start)
        src_end = self._source_offset(block, end - 1)
        if src_start is not None and src_end is not None and src_end >= src_start:
            return src_start, src_end + 1
        return self._search(block, block.text[start:end])

    def text_span(self, block: Block, start: int, end: int) -> tuple[int, int, int, int]:
        """Source span of block.text[start:end]: exact where the text is verbatim in the source."""
        found = self.source_range(block, start, end)
        if found is None:
            return self.block_span(block)
        line, column = self.position(found[0])
        end_line, end_column = self.position(max(found[1] - 1, found[0]))
        return line, column, end_line, end_column + 1

    def _source_offset(self, block: Block, offset: int) -> int | None:
        for text_start, source_start, length in block.segments:
            if text_start <= offset < text_start + length:
                return source_start + offset - text_start
        return None

    def _search(self, block: Block, needle: str) -> tuple[int, int] | None:
        needle = needle.strip()
        if not needle:
            return None
        lo, hi = self.line_range_offsets(block.line, block.end_line)
        hay = self.text[lo:hi]
        at = hay.find(needle)
        if at >= 0:
            return lo + at, lo + at + len(needle)
        # Line breaks and indentation in the source are single spaces in block.text.
        words = needle.split()
        if len(words) > 1 and len(words) <= 400:
            m = re.search(r"\s+".join(re.escape(w) for w in words), hay)
            if m:
                return lo + m.start(), lo + m.end()
        # Inline markup may interrupt the phrase: anchor on its first word.
        at = hay.find(words[0])
        if at < 0:
            return None
        return lo + at, lo + at + len(words[0])

    # -- structure ----------------------------------------------------------------------
    @cached_property
    def sections(self) -> Section:
        """The section tree; the root (level 0) holds the text before the first heading."""
        block: Block  # compiled, reads the slots directly (see model.pxd)
        root = Section(heading=None, level=0)
        stack = [root]
        masked = self.analyses.get("boilerplate", {})  # site chrome is not part of the article's structure
        for block in self.blocks:
            if block.kind == FRONT_MATTER or block.index in masked:
                continue
            if block.kind == HEADING:
                while len(stack) > 1 and stack[-1].level >= block.level:
                    stack.pop()
                section = Section(heading=block, level=block.level, parent=stack[-1])
                stack[-1].children.append(section)
                stack.append(section)
            else:
                stack[-1].blocks.append(block)
        return root

    def section_of(self, block: Block) -> Section:
        """The innermost section holding `block` (a heading belongs to its own section)."""
        index = self.analyses.get("_section_index")
        if index is None:
            index = {}
            for section in self.sections.walk():
                if section.heading is not None:
                    index[id(section.heading)] = section
                for b in section.blocks:
                    index[id(b)] = section
            self.analyses["_section_index"] = index
        return index.get(id(block), self.sections)

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    @cached_property
    def title(self) -> str | None:
        """Front-matter title, else the HTML <title>, else the first level-1 heading."""
        if isinstance(self.front_matter, dict) and isinstance(self.front_matter.get("title"), str):
            return self.front_matter["title"].strip() or None
        for block in self.blocks:
            if block.kind == HEADING and block.level == 1:
                return block.text
        if self.html_title:
            return self.html_title
        return None

    @cached_property
    def sentences(self) -> list[Sentence]:
        from cpolint.document.sentences import split_sentences

        return split_sentences(self)

    def release(self) -> None:
        """Break the document's reference cycles once it has been linted and reported: the
        context in `analyses` points back at the document, and sections at their parent.
        Freed by reference counting when its last reference goes, a document is then never
        walked by the cyclic collector, which in a batch run spent a tenth of the time
        walking the documents of the files before."""
        sections = vars(self).pop("sections", None)
        if sections is not None:
            for section in list(sections.walk()):
                section.parent = None
                section.children = []
        self.analyses.clear()

    def sentences_of(self, block: Block) -> list[Sentence]:
        sent: Sentence  # compiled, reads the slots directly (see model.pxd)
        index = self.analyses.get("_sentences_by_block")
        if index is None:
            index = {}
            for sent in self.sentences:
                index.setdefault(id(sent.block), []).append(sent)
            self.analyses["_sentences_by_block"] = index
        return index.get(id(block), [])
