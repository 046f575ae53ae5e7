"""Line shapes shared by the parsers and the detectors: what looks like a heading, a bullet, a label."""

from __future__ import annotations

import re

from cpolint.fastre import compile_led

BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<mark>[•·▪◦‣●○■□►▸✓✔➢➤\-\*\+–])|(?P<num>\d{1,3})[.)])[ \t]+(?=\S)")
# A line led by an emoji ("✅ Design landing zones", "1️⃣ AWS Solutions Architect"): a bullet
# when the line next to it is led by the same one (or both by keycap digits), as social posts
# set lists (see plaintext._emoji_bullets); one such line alone may be a heading ("👉 Salary").
EMOJI_BULLET = re.compile("^(?P<indent>[ \t]*)(?:(?P<num>\\d)\ufe0f?\u20e3|(?P<mark>[\u2600-\u27bf\u2b50\u2b55"
                          "\U0001F300-\U0001FAFF])\ufe0f?)[ \t]+(?=\\S)")
# The words that give a role another name after its own ("Radiologic technologists, often
# called rad techs, ..."): read by the schema (the name becomes an alias) and by the lead's
# description (the name set off by commas before the verb).
OTHER_NAME_LEAD = r"(?:often|also|sometimes|commonly|usually)\s+(?:called|known\s+as|referred\s+to\s+as)"
MD_HEADING = re.compile(r"^[ ]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_ATX = re.compile(r"^[ ]{0,3}#{1,6}[ \t]", re.M)


def wraps_article(content: str, file_text: str) -> bool:
    """Whether a ```markdown fence's content is the article a chatbot was asked for (its
    reply pasted whole), not a sample the article shows: a Markdown heading, 60 words or more,
    and most (70%) of the file's words. Both parsers read the fence's content as the article."""
    words = len(content.split())
    return words >= 60 and "#" in content and _ATX.search(content) is not None \
        and words >= 0.7 * len(file_text.split())
# "Education: Most employers require ..." -- a short label run into its paragraph.
LABEL = re.compile(r"^(?P<label>[A-Z0-9][A-Za-z0-9&/’'()+\-. ]{0,48}?)\s*:\s+(?=\S)")
SENTENCE_END = tuple(".!?:;…\"”’')]")
# Headings that open an FAQ, and those that present a job-description template or example:
# the parsers nest what follows them, and the rules treat their contents apart.
QUESTION = re.compile(r"^\s*(?:Q|Question)\s*\d*\s*[:.)]\s+\S")  # "Q: ...", "Question 3. ..." (an FAQ's)
SECTION_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")  # "2. Responsibilities": a numbered section
ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.)]\s+\S")  # its answer: "A: ..."
FAQ = re.compile(r"^\s*(frequently asked questions|faqs?\b|common questions|questions and answers|q ?& ?a\b)", re.I)
TEMPLATE = compile_led(
    r"\b(job|role|position)\s+(description|posting|ad|advert|listing)\s+(example|template|sample)s?\b"
    r"|\b(sample|example|template)\s+(job|role)?\s*(description|posting|ad|advert|listing)\b"
    r"|\bjob description template\b", re.I)
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
    "the", "to", "vs", "via", "with", "your", "you", "its", "their", "this", "that", "is", "are",
}


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def is_title_case(text: str) -> bool:
    """Most significant words capitalised ("Chief Product Officer Job Duties")."""
    words = [w for w in _TITLE_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


# A document's comment exported with it (Google Docs: "[a]Can we find a better stat?"), and
# a citation or such a comment's anchor after a sentence's last word: "... CEO.[a]", "[12]".
DOC_COMMENT = re.compile(r"\[([a-z]{1,2})\](?=[^\s\]])")
ANCHOR = r"\[(?:[a-z]{1,2}|\d{1,3})\]"  # one such anchor, as a pattern to compose
ANCHORS = re.compile(rf"(?:{ANCHOR})+$")


# Characters a paste carries that a reader never sees (a soft hyphen, zero-width spaces and
# joiners, a byte-order mark) and a PDF's typographic ligatures ("ﬁ" in "Qualiﬁcations"): read
# as the plain text they show, where a heading's shape and words are judged.
PLAIN_TEXT = {0xAD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None,
              0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_UNSEEN = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")


def as_shown(text: str) -> str:
    """`text` as PLAIN_TEXT reads it (the same string when it holds none of those)."""
    return text if text.isascii() or _UNSEEN.isdisjoint(text) else text.translate(PLAIN_TEXT)


def looks_like_heading(line: str) -> bool:
    """A short line with no final sentence punctuation that starts like a title (read without
    the anchors after its last word: "... product leaders.[b]" ends a sentence)."""
    s = as_shown(line).strip()
    if s.endswith("]"):
        s = ANCHORS.sub("", s).rstrip()
    if s[:1] > "\u25ff":
        emoji = EMOJI_BULLET.match(s)  # "👉 What cloud architects do": a social post's heading
        if emoji is not None:
            s = s[emoji.end():]
    if not s or len(s) > 120:
        return False
    words = s.split()
    limit = 18 if s.endswith("?") else 13
    if len(words) > limit:
        return False
    if s[-1] in ".,;:!…" and not s.endswith("..."):
        return False
    first = s[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([¿"):
        return False
    if s.count(",") >= 3:  # a list of things, not a title
        return False
    return True


def label_of(text: str) -> str | None:
    """The lead-in label of a paragraph, if it has one of at most six words."""
    match = LABEL.match(text) if ":" in text else None  # most paragraphs have no colon at all
    if not match:
        return None
    label = match.group("label").strip()
    if len(label.split()) > 6 or label.lower().startswith(("http", "www")):
        return None
    return label


def bold_label(text: str) -> str | None:
    """The label in a paragraph's bold lead closed with a period ("Company stage." before
    "Later-stage companies pay more"), as a "Label:" lead-in is one: up to six words."""
    text = text.strip()
    if not text.endswith(".") or text.count(".") > 1 or not 1 <= len(text.split()) <= 6:
        return None
    return text[:-1].strip() or None


ALNUM = re.compile(r"[^\W_]")  # a letter or digit, in any script


def bold_heading(text: str) -> bool:
    """The text of a line set wholly in bold that serves as a heading ("Salary", "Skills You'll
    Need:", "What is a CPO?"): up to 12 words with a letter or digit, not a sentence, not a
    callout or a label over a statement."""
    if text[:1] in "\"“‘'":
        return False  # a pull quote set in bold ("“The best CPOs say no.”")
    end = text.rstrip("\"”’')]*_ ")
    if not ALNUM.search(text) or len(text.split()) > 12 or end.endswith((".", "!", ";", ",")):
        return False
    head, colon, tail = end.partition(":")
    # A callout ("Important: CPOs must own pricing", "Tip: ask about the board") or a label
    # over a statement of five words or more ("Education: a bachelor's degree in business")
    # is a line of the text in bold; "Step 1: Get experience" and "Salary: what to expect"
    # are headings.
    if not colon or not tail.strip() or _SEQUENCE.fullmatch(head.strip()):
        return True
    tail = tail.strip()
    return not (_CALLOUT.fullmatch(head.strip()) or (len(tail.split()) >= 5 and not is_title_case(tail)))


_SEQUENCE = re.compile(r"(?:step|phase|stage|part|level|chapter|section|day|week|month|year|tip)\s+\d{1,2}", re.I)


_CALLOUT = re.compile(r"important|note|nb|n\.b\.|tip|pro tip|quick tip|top tip|warning|caution|remember|reminder|"
                      r"heads up|fun fact|key takeaway|takeaway|bottom line|tl;?dr", re.I)
