"""Plain text (as pasted from a CMS) into blocks.

Plain text has no markup, so structure comes from shape:
- a heading is a short line with no final period that starts like a title and is followed by
  more text (`## ` headings are honoured too);
- bullets are `•`, `-`, `*`, `1.` and friends;
- a paragraph is one line in CMS-pasted text, or a run of lines in hard-wrapped text
  (detected per file from its line lengths);
- bare headings are nested where the text says so: questions under an FAQ heading,
  job-description parts under a "Job Description Example" heading, and the items an
  introduction announces ("Here are three trends", "... include:").
"""

from __future__ import annotations

import re

from cpolint.document.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document, split_lines
from cpolint.document.shapes import (ANSWER, BULLET, DOC_COMMENT, EMOJI_BULLET, FAQ, MD_HEADING, QUESTION, SENTENCE_END,
                                     TEMPLATE,
                                     is_title_case, label_of, looks_like_heading, wraps_article)
from cpolint.document.wordnum import count_announcement
from cpolint.fastre import started

_JOB_AD_PART = started(
    r"\b(duties|responsibilities|requirements|qualifications|skills|benefits|about (us|the role|the company)|"
    r"what you.ll do|who you are|perks|compensation|nice to have|preferred|required)\b", re.I)
_QUESTION = re.compile(r"^(what|how|why|who|where|when|which|is|are|can|do|does|should|will)\b.*\?\s*$", re.I)
_MAJOR = re.compile(r"^(conclusion|summary|final thoughts|in conclusion|related|faqs?|frequently asked)", re.I)
_STOP = {"the", "a", "an", "of", "and", "to", "for", "in", "on", "what", "how", "is", "are", "does", "do",
         "you", "your", "this", "that", "with", "be", "can", "become"}


def parse_plaintext(doc: Document, start_line: int = 1) -> None:
    lines = split_lines(doc.text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    kinds = [_line_kind(line) for line in lines]
    _emoji_bullets(lines, kinds)
    wrapped = _is_hard_wrapped(lines, kinds)
    blocks: list[Block] = []
    bare: set[int] = set()  # headings recognised by shape alone, without "#"
    labels: list[Block] = []  # headings of lists pasted without bullets (_bare_list), FAQ questions
    list_id = 0
    in_list = False
    i = start_line - 1
    n = len(lines)
    fence_ends = _model_fence(doc, lines, i)
    while i < n:
        line = lines[i]
        kind = kinds[i]
        if i in fence_ends:
            i += 1  # a chatbot's fence around the article (E002 reports it): not the article's text
            continue
        if kind == "blank":
            in_list = False if (i + 1 < n and kinds[i + 1] != "bullet") else in_list
            i += 1
            continue
        if kind == "md_heading":
            match = MD_HEADING.match(line)
            text = match.group("text").strip()
            start = line.find(text) if text else 0
            blocks.append(_block(doc, HEADING, [(i, start, len(text))], level=len(match.group("hashes"))))
            in_list = False
            i += 1
            continue
        if kind == "bullet" and _numbered_heading(lines, kinds, i):
            # "2. Responsibilities" on a line of its own over a paragraph: a numbered section's
            # heading (a list's items have no paragraph of their own).
            start = len(line) - len(line.lstrip())
            blocks.append(_block(doc, HEADING, [(i, start, len(line.strip()))], level=2))
            bare.add(id(blocks[-1]))
            in_list = False
            i += 1
            continue
        if kind == "bullet":
            match = BULLET.match(line) or EMOJI_BULLET.match(line)
            if not in_list:
                list_id += 1
                in_list = True
            parts = [(i, match.end(), len(line.rstrip()) - match.end())]
            indent = len(match.group("indent").expandtabs(4))
            j = i + 1
            # Continuation lines: indented under the item, or any text line when hard-wrapped.
            while j < n and kinds[j] == "text" and (
                    _indent(lines[j]) > indent or (wrapped and not looks_like_heading(lines[j]))):
                stripped_start = len(lines[j]) - len(lines[j].lstrip())
                parts.append((j, stripped_start, len(lines[j].strip())))
                j += 1
            blocks.append(_block(doc, LIST_ITEM, parts, level=indent // 2 + 1, list_id=list_id,
                                 ordered=match.group("num") is not None))
            i = j
            continue
        # A text line: heading or paragraph, or the label of a list without bullets.
        in_list = False
        rows = _tab_rows(lines, kinds, i) if "\t" in line else None
        if rows:
            blocks.append(_table(doc, i, rows))  # a table pasted from a sheet or a doc: cells set apart by tabs
            i += len(rows)
            continue
        if i > 0 and kinds[i - 1] == "text" and _UNDERLINE.match(line):
            i += 1  # "=====" or "-----" under a heading (Setext style): layout, no text
            continue
        items = _bare_list(lines, kinds, i) or (0 if wrapped else _dense_list(lines, kinds, i))
        if items:
            text = line.strip()
            if text.endswith(":"):
                label = _block(doc, PARAGRAPH, [(i, len(line) - len(line.lstrip()), len(text))])
                label.label = label_of(text)
                blocks.append(label)
            else:
                blocks.append(_block(doc, HEADING, [(i, len(line) - len(line.lstrip()), len(text))], level=2))
                labels.append(blocks[-1])
            list_id += 1
            for j in range(i + 1, i + 1 + items):
                blocks.append(_block(doc, LIST_ITEM, [(j, len(lines[j]) - len(lines[j].lstrip()), len(lines[j].strip()))],
                                     level=1, list_id=list_id, ordered=False))
            i += 1 + items
            continue
        if _is_heading(lines, kinds, i, wrapped):
            text = line.strip()
            blocks.append(_block(doc, HEADING, [(i, len(line) - len(line.lstrip()), len(text))], level=2))
            if _is_question(lines, kinds, i):
                labels.append(blocks[-1])  # under the heading before the questions, never the title
            else:
                bare.add(id(blocks[-1]))
            i += 1
            continue
        parts = [(i, len(line) - len(line.lstrip()), len(line.strip()))]
        j = i + 1
        while j < n and kinds[j] == "text" and _continues(lines[j - 1], lines[j], wrapped) \
                and not _is_heading(lines, kinds, j, wrapped, after_text=True):
            parts.append((j, len(lines[j]) - len(lines[j].lstrip()), len(lines[j].strip())))
            j += 1
        block = _block(doc, PARAGRAPH, parts)
        block.label = label_of(block.text)
        blocks.append(block)
        i = j
    _nest_bare_headings(blocks, bare)
    _nest_labels(blocks, labels)
    doc.blocks.extend(blocks)


def _model_fence(doc: Document, lines: list[str], first: int) -> set[int]:
    """The lines of a ```markdown fence a chatbot put around the article it was asked for
    (shapes.wraps_article), noted in doc.analyses for E002; empty when there is none."""
    if "```" not in doc.text:
        return set()
    for i in range(first, len(lines)):
        if lines[i].strip().lower() not in ("```markdown", "```md"):
            continue
        for j in range(i + 1, len(lines)):
            if lines[j].strip() == "```":
                if wraps_article("\n".join(lines[i + 1:j]), doc.text):
                    doc.analyses.setdefault("model_fences", []).append((i + 1, j + 1))
                    return {i, j}
                break
    return set()


def _emoji_bullets(lines: list[str], kinds: list[str]) -> None:
    """Lines led by the same emoji one after another ("✅ ...", "✅ ..."), or by keycap digits
    ("1️⃣ ...", "2️⃣ ..."), are a list's items: their kind becomes "bullet"."""
    marks = [None] * len(lines)
    for i, line in enumerate(lines):
        if kinds[i] == "text" and (line[:1] > "\u25ff" or line[1:2] in ("\ufe0f", "\u20e3")):  # (cheap tests first)
            m = EMOJI_BULLET.match(line)
            if m:
                marks[i] = "keycap" if m.group("num") else m.group("mark")
    for i, mark in enumerate(marks):
        if mark is not None and ((i > 0 and marks[i - 1] == mark) or (i + 1 < len(marks) and marks[i + 1] == mark)):
            kinds[i] = "bullet"


def _line_kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if MD_HEADING.match(line) and line.lstrip().startswith("#"):
        return "md_heading"
    if BULLET.match(line):
        return "bullet"
    return "text"


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _is_hard_wrapped(lines: list[str], kinds: list[str]) -> int:
    """The width of text wrapped at a fixed width (paragraphs span lines), 0 for CMS pastes.

    In wrapped text most long lines stop mid-sentence and the next line carries on; in a
    CMS paste every line is a whole paragraph and ends with its final punctuation.
    """
    long_ends = 0
    mid_sentence = 0
    for k in range(len(lines) - 1):
        if kinds[k] != "text" or kinds[k + 1] not in ("text", "bullet"):
            continue
        line = lines[k].rstrip()
        if len(line) < 40:
            continue
        if len(line) > 110:
            return False
        long_ends += 1
        if not line.endswith(SENTENCE_END):
            mid_sentence += 1
    if long_ends >= 2 and mid_sentence >= long_ends * 0.5:
        return max(len(line.rstrip()) for line, kind in zip(lines, kinds) if kind == "text")
    return 0


def _continues(prev: str, line: str, wrapped: int) -> bool:
    if wrapped:
        # Filled to a width, a line breaks only where the next word would not fit: a line
        # that had room for it ended on purpose ("Marisol Vega" over "6 min read", a field
        # over the next field).
        words = line.split()
        return len(prev.rstrip()) + 1 + len(words[0] if words else "") > wrapped * 0.75
    # CMS paste: one line per paragraph, unless a sentence was broken mid-way.
    return not prev.rstrip().endswith(SENTENCE_END) and line.lstrip()[:1].islower()


_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")


def _nest_labels(blocks: list[Block], labels: list[Block]) -> None:
    """A list's label or an FAQ's question sits one level under the heading before it ("Core
    duties" under "Responsibilities" is that section's list, not the section again); the first
    heading of a file is the title and stays level 1."""
    if not labels:
        return
    level = 0
    ids = {id(b) for b in labels}
    for b in blocks:
        if b.kind != HEADING:
            continue
        if id(b) in ids:
            b.level = 1 if b is blocks[0] else min(level + 1, 6) if level else 2
        else:
            level = b.level


def _bare_list(lines: list[str], kinds: list[str], i: int) -> int:
    """How many lines under line i are the items of a list pasted without its bullets ("Key
    skills" over "Forecasting", "Negotiation", "Storytelling", one a line): 0 unless line i
    opens a run of its own (a blank line or nothing above it), is a short label (a heading's
    shape, or ending in ":"), and at least three short lines follow it with no blank line
    between and none ending a sentence, up to a blank line or the end. Read one by one, each
    item would be a heading over an empty section."""
    if (i > 0 and kinds[i - 1] != "blank") or i + 3 >= len(kinds) or kinds[i + 1] != "text" \
            or kinds[i + 2] != "text" or kinds[i + 3] != "text":
        return 0  # (most paragraphs stand alone between blank lines: no label and no items)
    label = lines[i].strip()
    if not (looks_like_heading(label) or (label.endswith(":") and len(label.split()) <= 8)) or label_of(label):
        return 0
    j = i + 1
    while j < len(lines) and kinds[j] == "text":
        if not _item_line(lines[j].strip()):
            return 0
        j += 1
    if j < len(lines) and kinds[j] != "blank":
        return 0  # a bulleted list or a Markdown heading right under it: not this shape
    return j - i - 1 if j - i - 1 >= 3 else 0


def _item_line(item: str) -> bool:
    """An item of a list pasted without bullets: up to 8 words, not a sentence (a question is
    an item's shape too), not a labelled field ("Focus keyword: ..." lines are fields)."""
    return len(item.split()) <= 8 and not (item.endswith(SENTENCE_END) and not item.endswith("?")) \
        and not label_of(item)


_MENU_MARKS = re.compile(r"\t|   |[›»|·•]|\s[>/]\s")


def _dense_list(lines: list[str], kinds: list[str], i: int) -> int:
    """_bare_list in a CMS paste without blank lines, where every line is a block: a label
    right under a paragraph of prose, at least three short lines, then the next
    section's heading over a paragraph of prose. The items are the short lines before that
    heading; a label whose lines each have prose of their own is a run of headings."""
    if i == 0 or i + 3 >= len(kinds) or kinds[i - 1] != "text" or kinds[i + 1] != "text" \
            or len(lines[i]) > 80 or len(lines[i + 1]) > 80 or not lines[i - 1].rstrip().endswith(SENTENCE_END):
        return 0  # (the cheap tests first: this runs for every line of a paste without blank lines)
    label = lines[i].strip()
    if not looks_like_heading(label) or label_of(label) or _MENU_MARKS.search(label) \
            or len(lines[i - 1].split()) < 12:
        return 0  # (the lines that open a page are its chrome and title, not a list)
    j = i + 1
    while j < len(lines) and kinds[j] == "text":
        item = lines[j].strip()
        if not _item_line(item) or _MENU_MARKS.search(item):
            break  # (a menu or breadcrumb line copied with the page is no item of the writer's)
        j += 1
    # Line j - 1 is the next section's heading when line j is prose under it.
    if j >= len(lines) or kinds[j] != "text" or len(lines[j].split()) < 12 \
            or not lines[j].rstrip().endswith(SENTENCE_END):
        return 0
    items = j - 1 - (i + 1)
    return items if items >= 3 else 0


def _numbered_heading(lines: list[str], kinds: list[str], i: int) -> bool:
    """A numbered line ("2. Responsibilities", "3) How to become a CPO?") of up to 12 words,
    not a sentence, after a blank line, with plain text (not another item) next: after a
    blank line, or right under it when that text is a paragraph of prose."""
    match = BULLET.match(lines[i])
    if match is None or match.group("num") is None or (i > 0 and kinds[i - 1] != "blank"):
        return False
    text = lines[i][match.end():].strip()
    # A short label with a colon ("1) Responsibilities:") names its section as a heading does.
    labelled = text.endswith(":") and len(text.split()) <= 5
    if len(text.split()) > 12 or (text.endswith(SENTENCE_END) and not text.endswith("?") and not labelled):
        return False
    if i + 1 < len(kinds) and kinds[i + 1] == "text":
        # No blank line under it: a heading only over a paragraph of prose (a list item's
        # wrapped second line starts lower-case or runs short); under a label, any sentence.
        nxt = lines[i + 1].strip()
        return nxt[:1].isupper() and len(nxt.split()) >= (3 if labelled else 8) and nxt.endswith(SENTENCE_END)
    if i + 1 >= len(kinds) or kinds[i + 1] != "blank":
        return False
    j = i + 1
    while j < len(kinds) and kinds[j] == "blank":
        j += 1
    return j < len(kinds) and kinds[j] == "text"


def _is_question(lines: list[str], kinds: list[str], i: int) -> bool:
    """A "Q:" line of up to 30 words with an "A:" line next (a blank line between or not)."""
    if "Q" not in lines[i][:12] or not QUESTION.match(lines[i]) or len(lines[i].split()) > 30:
        return False
    j = i + 1
    while j < len(kinds) and kinds[j] == "blank":
        j += 1
    return j < len(kinds) and ANSWER.match(lines[j]) is not None


# The page properties a document tool exports over the text (E009 reports them).
_PROPERTY_LABELS = frozenset(("status", "owner", "assignee", "reviewer", "reviewers", "approver", "approvers",
                              "due", "due date", "created", "created by", "last edited", "labels", "tags", "version",
                              "draft", "stage", "state"))


def _is_heading(lines: list[str], kinds: list[str], i: int, wrapped: int, after_text: bool = False) -> bool:
    line = lines[i]
    if _is_question(lines, kinds, i):
        return True
    if not looks_like_heading(line) or (line[:1] == "[" and DOC_COMMENT.match(line)):
        return False  # (a document's exported comment, "[a]Can we add a stat?", is no heading)
    stripped = line.strip()
    if ":" in stripped:
        # "Step 1: Earn a Degree" is a heading; "Education: a bachelor's degree" is a lead-in,
        # and "Last reviewed: 14 October 2026 | Reviewed by: Jonas Becker" a page's meta line.
        if " | " in stripped and stripped.count(":") >= 2:
            return False
        head, _, tail = stripped.partition(":")
        if head.lower() in _PROPERTY_LABELS:
            return False  # "Status: DRAFT", "Owner: Lena Ford": a document tool's page property
        if tail.strip() and not is_title_case(tail):
            return False
    # Followed by body text: a heading is never the last line.
    j = i + 1
    while j < len(kinds) and kinds[j] == "blank":
        j += 1
    if j >= len(kinds):
        return False
    if after_text:
        # Inside a run of lines, only a line after a finished sentence can start a heading.
        prev = lines[i - 1].rstrip()
        if wrapped or not prev.endswith(SENTENCE_END):
            return False
    elif wrapped:
        if i > 0 and kinds[i - 1] == "text":
            return False
        # A line as long as the wrap width that runs straight into more text is a wrapped line.
        if kinds[i + 1] == "text" and len(stripped) >= 45:
            return False
    return True


_CELL = re.compile(r"[^\t]+")


def _cells(line: str) -> list[tuple[int, str]]:
    """(column, text) of a line's cells set apart by tabs, empty ones left out."""
    out = []
    for m in _CELL.finditer(line):
        text = m.group(0).strip()
        if text:
            out.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), text))
    return out


def _tab_rows(lines: list[str], kinds: list[str], i: int) -> list[list[tuple[int, str]]] | None:
    """The cells of the rows of a table pasted with tabs from line i: two or more text lines
    of the same number (two or more) of cells; None when they are not."""
    rows: list[list[tuple[int, str]]] = []
    j = i
    while j < len(lines) and kinds[j] == "text" and "\t" in lines[j]:
        cells = _cells(lines[j])
        if len(cells) < 2 or (rows and len(cells) != len(rows[0])):
            break
        rows.append(cells)
        j += 1
    return rows if len(rows) >= 2 else None


def _table(doc: Document, i: int, rows: list[list[tuple[int, str]]]) -> Block:
    """A table block as the other formats make one (rows a line each, cells joined by " | "),
    each cell mapped to its place in the source; its rows start at line index i."""
    texts: list[str] = []
    segments = []
    offset = 0
    for j, cells in enumerate(rows, i):
        for column, text in cells:
            segments.append((offset, doc.line_offsets[j] + column, len(text)))
            offset += len(text) + 3  # " | "
        offset += 1 - 3  # the row ends with "\n", not " | "
        texts.append(" | ".join(text for _, text in cells))
    return Block(kind=TABLE, text="\n".join(texts), line=i + 1, end_line=i + len(rows), segments=segments)


def _block(doc: Document, kind: str, parts: list[tuple[int, int, int]], **attrs) -> Block:
    """A block from (line index, start column, length) parts, joined by spaces; a word broken
    with a hyphen at a line's end ("customer in-" over "sight") is joined without one, so it
    stays one word ("in-sight"; "decision-making" is right as it is)."""
    texts = []
    segments = []
    offset = 0
    for line_index, column, length in parts:
        source = doc.line_offsets[line_index] + column
        piece = doc.text[source:source + length]
        if texts and texts[-1].endswith("-") and texts[-1][-2:-1].isalpha() and piece[:1].islower():
            texts[-1] += piece
            offset -= 1  # no space before this piece
        else:
            texts.append(piece)
        segments.append((offset, source, len(piece)))
        offset += len(piece) + 1
    block = Block(kind=kind, text=" ".join(texts), line=parts[0][0] + 1, end_line=parts[-1][0] + 1,
                  segments=segments, **attrs)
    return block


_LONG_WORD = re.compile(r"[A-Za-z]{3,}")


def _content_words(text: str) -> list[str]:
    """The text's words of three letters or more that are not stop words, each once, in the
    order they first appear (an order a set would change with each process's string hashing)."""
    return [w for w in dict.fromkeys(w.lower() for w in _LONG_WORD.findall(text)) if w not in _STOP]


def _nest_bare_headings(blocks: list[Block], bare: set[int]) -> None:
    """Give bare headings the hierarchy their text implies (all start at level 2)."""
    headings = [b for b in blocks if b.kind == HEADING and id(b) in bare]
    if headings and blocks and headings[0] is blocks[0]:
        # The first line of the file, when it is heading-shaped, is the title: it heads everything.
        headings[0].level = 1
        headings = headings[1:]
    if len(headings) < 2:
        return
    # Topic words: those most headings share ("chief product officer").
    # Counted in the order the words first appear, so that ties go to the earlier word.
    counts: dict[str, int] = {}
    words_of: dict[int, list[str]] = {}
    for h in headings:
        words = words_of[id(h)] = _content_words(h.text)
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    common = sorted(counts.items(), key=lambda wc: -wc[1])[:3]
    topic = {w for w, c in common if c >= max(2, len(headings) * 0.1)}
    major: dict[int, bool] = {}  # a heading is asked about again by each parent before it

    def is_major(h: Block) -> bool:
        found = major.get(id(h))
        if found is None:
            found = major[id(h)] = bool(_MAJOR.match(h.text)) or bool(_QUESTION.match(h.text)) or \
                (len(topic) >= 2 and len(topic.intersection(words_of[id(h)])) >= 2) or \
                bool(FAQ.match(h.text)) or bool(TEMPLATE.search(h.text))
        return found

    index_of = {id(b): k for k, b in enumerate(blocks)}
    k = 0
    while k < len(headings):
        parent = headings[k]
        following = headings[k + 1:]
        children: list[Block] = []
        if FAQ.match(parent.text):
            for h in following:
                if not h.text.rstrip().endswith("?"):
                    break
                children.append(h)
        elif TEMPLATE.search(parent.text):
            for h in following:
                if not _JOB_AD_PART.search(h.text):
                    break
                children.append(h)
        else:
            intro = _intro_after(blocks, index_of[id(parent)], following[0] if following else None)
            announced = count_announcement(intro.text) if intro is not None else None
            if announced is not None and announced[0] >= 2:
                children = following[:announced[0]]
            elif is_major(parent) or (intro is not None and intro.text.rstrip().endswith(":")):
                for h in following:
                    if is_major(h):
                        break
                    children.append(h)
        for child in children:
            child.level = parent.level + 1
        k += 1 + len(children)


def _intro_after(blocks: list[Block], index: int, next_heading: Block | None) -> Block | None:
    """The paragraph directly between a heading and the next heading, if it is the only body."""
    body = []
    for b in blocks[index + 1:]:
        if b is next_heading or b.kind == HEADING:
            break
        body.append(b)
    paragraphs = [b for b in body if b.kind == PARAGRAPH]
    if not paragraphs or any(b.kind == LIST_ITEM for b in body):
        return None
    return paragraphs[-1]
