"""A message to the editor pasted in with the article: the covering email a writer sends
with a draft ("Subject: CTO guide", "Hi Sam,", "Here's the draft ...", "Best,", "Jo") at the
top of the file, or a note in the same shape at its end.

Found by shape alone: a greeting line, at most six short paragraphs, a sign-off line and
perhaps a name, with only mail header lines or layout separators before it (at the top) or
after it (at the end). An example email inside the article is neither, so it is left alone.
The boilerplate classifier marks these blocks (kind NOTE) so no other rule reads them as the
article, and E003 reports them.
"""

from __future__ import annotations

import re

from cpolint.document.model import HEADING, PARAGRAPH, Block
from cpolint.document.shapes import ALNUM

_HEADER = re.compile(r"^(?:subject|to|from|cc|bcc|date|sent|re|fwd?)\s*:\s*\S", re.I)
# "Hi Sam,", "Hello team!", "Dear Ms Ortiz,", "Hey there", "Morning all".
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|morning|good (?:morning|afternoon|evening))\b(?:\s+[\w.'’-]+){0,3}\s*[,!:—–-]?$",
                       re.I)
# "Best,", "Thanks!", "Kind regards, Jo", "Many thanks", "Cheers - Jo".
_SIGN_OFF = re.compile(r"^(?:best|thanks|thank you|thanks so much|many thanks|cheers|regards|kind regards|best regards|"
                       r"warm regards|best wishes|all the best|talk soon|speak soon|thx)\b\s*[,!.—–-]?"
                       r"(?:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?$", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
_ABOUT_THE_DRAFT = re.compile(r"\b(?:draft|piece|article|post|guide|copy|edits?|review|feedback|publish\w*|deadline|"
                              r"let me know|shout|take a look|sources?|word count|tweak|version)\b", re.I)
_MAX_BODY = 6  # paragraphs between the greeting and the sign-off
_MAX_WORDS = 60  # in any one of them: a covering note, not the article


def cover_note(blocks: list[Block]) -> list[Block]:
    """The blocks of a covering message at the top or the end of `blocks` (the document's
    blocks in order, code and front matter left out), or []. A note is short (up to 120
    words) and the article beside it at least twice as long: a newsletter issue that opens
    with "Hi friends," and closes with "Cheers, Anna" is the article itself."""
    note = _at_top(blocks) or _at_end(blocks)
    words = sum(b.word_count for b in note)
    if not note or words > 120 or sum(b.word_count for b in blocks) - words < 2 * words:
        return []
    return note


def _at_top(blocks: list[Block]) -> list[Block]:
    k = 0
    while k < len(blocks) and k < 6 and _HEADER.match(blocks[k].text):
        k += 1
    while k < len(blocks) and _separator(blocks[k]):
        k += 1
    if k >= len(blocks) or not _greeting(blocks[k]):
        return []
    end = _sign_off_after(blocks, k)
    if end is None:
        return []
    while end + 1 < len(blocks) and _separator(blocks[end + 1]):
        end += 1  # the line ruled under the note ("---")
    return blocks[:end + 1]


def _at_end(blocks: list[Block]) -> list[Block]:
    last = len(blocks) - 1
    while last >= 0 and _separator(blocks[last]):
        last -= 1
    for k in range(max(1, last - _MAX_BODY - 3), last):
        before = blocks[k - 1].text.rstrip()
        if _greeting(blocks[k]) and blocks[k - 1].kind != HEADING and not before.endswith(":"):
            # (under a heading or a line ending in ":", it is the article's sample email)
            end = _sign_off_after(blocks, k)
            # Below the article, the note must be about the work: an email the article closes
            # with as its example ("Hi Dana, thank you for today's conversation") is not.
            if end == last and any(_ABOUT_THE_DRAFT.search(b.text) for b in blocks[k + 1:end]):
                start = k
                while start > 0 and _separator(blocks[start - 1]):
                    start -= 1
                return blocks[start:]
    return []


def _sign_off_after(blocks: list[Block], k: int) -> int | None:
    """Position of the last block of the note that a greeting at k opens: its sign-off, or
    the name under it; None when no sign-off closes a short run of short paragraphs."""
    for j in range(k + 1, min(len(blocks), k + _MAX_BODY + 2)):
        b = blocks[j]
        if _SIGN_OFF.match(b.text.strip()) and b.word_count <= 5:
            if j == k + 1:
                return None  # a greeting and a sign-off with nothing between: no note
            nxt = blocks[j + 1] if j + 1 < len(blocks) else None
            # "Best," with "Jo" on the next line (a title would stand after a blank line).
            if nxt is not None and nxt.kind in (PARAGRAPH, HEADING) and nxt.line == b.end_line + 1 \
                    and nxt.word_count <= 3 and _NAME.match(nxt.text.strip()):
                return j + 1
            return j
        # A short line of the note may look like a heading in plain text ("Can you take a
        # look?"); a marked-up title (level 1) means the article has begun.
        if b.kind not in (PARAGRAPH, HEADING) or (b.kind == HEADING and b.level == 1) or b.word_count > _MAX_WORDS:
            return None
    return None


def _greeting(b: Block) -> bool:
    return b.kind in (PARAGRAPH, HEADING) and b.word_count <= 5 and _GREETING.match(b.text.strip()) is not None


def _separator(b: Block) -> bool:
    """A layout line with no letter or digit ("---", "* * *"), or an empty block."""
    return not ALNUM.search(b.text) and not b.images
