"""Numbers written in digits or words, and announcements of a count ("here are three trends")."""

from __future__ import annotations

import re

from cpolint.fastre import alternation, fold, started, word_runs, words_in

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update(_TENS)
for _t, _v in _TENS.items():
    for _u in range(1, 10):
        WORD_VALUES[f"{_t}-{_UNITS[_u]}"] = _v + _u
        WORD_VALUES[f"{_t} {_UNITS[_u]}"] = _v + _u
WORD_VALUES.update({"a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "a single": 1,
                    "a decade": 10, "a decade of": 10, "two decades": 20, "half a dozen": 6})


def parse_number(text: str) -> float | None:
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    value = WORD_VALUES.get(t)
    # A float either way: compiled, the annotation makes "eight" 8.0, and the pure-Python
    # install must write the same JSON.
    return float(value) if value is not None else None


_ADJ = (r"(?:key|main|important|essential|common|major|top|core|primary|critical|crucial|different|simple|"
        r"basic|great|best|useful|practical|vital|big|biggest|notable|emerging|current|major|proven|"
        r"easy|quick|concrete|distinct|additional|further|new|unique|specific|soft|hard|technical)")
_NOUN = r"(?P<noun>[a-z][a-z\-]+s)\b"
_EXCLUDED_NOUNS = {
    "years", "months", "weeks", "days", "hours", "minutes", "percent", "people", "employees", "times",
    "companies", "dollars", "figures", "decades", "members", "candidates", "others", "ones", "users",
    "customers", "countries", "cities", "levels", "degrees", "stars", "points", "yes", "hundreds",
    "thousands", "millions", "billions", "products", "reports", "teams",
}
_CUE = (r"(?:here\s+are|here're|there\s+are|below\s+are|the\s+following|following|these|consider\s+these|"
        r"follow\s+these|take\s+these|top|in|with|has|have|need|needs|requires?|covers?|into)")
_SMALL = sorted((w for w, v in WORD_VALUES.items() if 2 <= v <= 30 and " " not in w or w in ("a dozen", "a couple of")),
               key=len, reverse=True)
# The number of an announcement: 2 to 30 in digits or words (a short list, so this is fast).
_COUNT = started(rf"\b(?P<num>\d{{1,2}}|{alternation(_SMALL)})\b", re.I)
# A text with none of the number words' longest words can only hold digits: _COUNT's
# matches there are this pattern's (a set lookup instead of the word branches at every word).
_COUNT_WORDS = frozenset(max(word_runs(fold(w)), key=len) for w in _SMALL)
_COUNT_DIGITS = started(r"\b(?P<num>\d{1,2})\b", re.I)
_AFTER = re.compile(rf"\s+(?:{_ADJ}\s+){{0,2}}{_NOUN}(?P<tail>\s*(?::|that\b|to\b|for\b|which\b|influencing\b|"
                    rf"shaping\b|every\b|you\b))?", re.I)
_CUE_BEFORE = started(rf"\b{_CUE}\s+(?:the\s+|our\s+|my\s+)?$", re.I)


def count_announcement(text: str) -> tuple[int, str, int, int] | None:
    """(count, noun, start, end) when the text announces a list of N things, else None.

    "Here are three trends influencing ..." -> (3, "trends", ...);
    "at least five years of experience" -> None (a quantity, not a list).
    An announcement is a number, up to two adjectives and a plural noun, after a cue
    ("here are", "the following", "these" ...) or before one (":", "that", "to" ...).
    """
    for m in (_COUNT if not _COUNT_WORDS.isdisjoint(words_in(text)) else _COUNT_DIGITS).finditer(text):
        value = parse_number(m.group("num"))
        if value is None or value != int(value) or not 2 <= value <= 30:
            continue
        after = _AFTER.match(text, m.end())
        if after is None:
            continue
        noun = after.group("noun").lower()
        if noun in _EXCLUDED_NOUNS:
            continue
        cue = _CUE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if cue is None and after.group("tail") is None:
            continue
        start = cue.start() if cue is not None else m.start()
        end = after.end() if cue is None else after.end("noun")
        return int(value), noun, start, end
    return None


# A heading that counts its list: "Top 5 CMO Skills", "7 Skills Every CMO Needs", "Five Trends
# Shaping the Role". The number opens it; the first plural noun within three words is counted.
_HEADING_COUNT = re.compile(rf"^(?:the\s+)?(?:top\s+)?(?P<num>\d{{1,2}}|{alternation(_SMALL)})\s+"
                            r"(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][a-z'’-]*[a-z]s)\b", re.I)


def heading_count(text: str) -> tuple[int, str, int, int] | None:
    """(count, noun, start, end) for a heading that opens with the number of its items."""
    m = _HEADING_COUNT.match(text.strip())
    if m is None:
        return None
    value = parse_number(m.group("num"))
    noun = m.group("noun").lower()
    if value is None or value != int(value) or not 2 <= value <= 30 or noun in _EXCLUDED_NOUNS:
        return None
    lead = len(text) - len(text.lstrip())
    return int(value), noun, lead + m.start(), lead + m.end()
