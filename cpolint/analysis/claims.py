"""Factual claims an article makes, extracted sentence by sentence from the shared model.

Kinds: years of experience (value, bound, scope, role, hedge), salary figures (amount,
period, currency, statistic, population), announced counts, reporting lines and degree
requirements. The contradiction rules compare them; everything here only extracts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cpolint.analysis.boilerplate import content_blocks
from cpolint.analysis.sections import context_of
from cpolint.document.model import LIST_ITEM, TABLE, Block, Sentence
from cpolint.document.wordnum import WORD_VALUES, parse_number
from cpolint.fastre import (Keyed, Needled, alternation, compile_led, entry_keys, is_word_char, keyed, started,
                            words_in)


@dataclass
class Claim:
    kind: str
    block: Block
    start: int  # offsets in block.text of the claim's own words
    end: int
    text: str
    sentence: str
    context: str | None = None  # 'template' inside a job-description example
    attrs: dict = field(default_factory=dict)
    line: int = 0  # the source line the claim's words start on

    def __init__(self, kind: str, block: Block, start: int, end: int, text: str, sentence: str,
                 context: str | None = None, attrs=None, line: int = 0):  # written out: see model.Block
        self.kind = kind
        self.block = block
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.context = context
        self.attrs = {} if attrs is None else attrs
        self.line = line


# -- experience ----------------------------------------------------------------------------
_LOWER = r"(?:at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+less\s+than|no\s+fewer\s+than|more\s+than|over|" \
         r"upwards\s+of|in\s+excess\s+of)"
_UPPER = r"(?:up\s+to|no\s+more\s+than|at\s+most|a\s+maximum\s+of|less\s+than|under)"
_YEARS = r"(?:years?|yrs?)(?:['’])?"
# A number: digits, or the number words parse_number reads (as a trie, see fastre: a loose
# "any one or two words" token made the search retry at every word before "years").
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{alternation(sorted(WORD_VALUES, key=len, reverse=True))})"
# Each pattern opens with a lookahead on the first letters its matches can have: under re.I
# the engine otherwise tries every alternative at every word start (most start no match).
_EXP_RANGE = started(
    rf"\b(?=[\dabdefhnostz])(?:between\s+)?(?P<a>{_NUM})\s*(?:-|–|—|to|and)\s*(?P<b>{_NUM})\+?\s+{_YEARS}", re.I)
# The whole words an _EXP_ONE match can start with: the bounds' first words, "a" and "two" of
# the decades, the number words' first words (each is followed by a space, "+" or "-"). A
# lookahead on them lets the engine skip "the", "for", "experience" ... at once, which a
# lookahead on first letters let through.
_EXP_STARTS = sorted({"at", "a", "minimum", "no", "more", "over", "upwards", "in", "up", "less", "under", "two"}
                     | {w.replace("-", " ").split()[0] for w in WORD_VALUES})
_EXP_ONE = started(
    rf"\b(?=\d|(?:{alternation(_EXP_STARTS)})\b)(?:(?P<lower>{_LOWER})\s+|(?P<upper>{_UPPER})\s+)?(?P<n>a\s+decade|two\s+decades|a\s+couple\s+of|{_NUM})"
    rf"(?P<plus>\+|-plus|\s+or\s+more|\s+plus|\s+or\s+so)?\s+{_YEARS}(?P<more>\s+or\s+more|\s+plus|\+)?", re.I)
_DECADE = started(rf"\b(?=[aimnotu])(?:(?P<lower>{_LOWER})\s+)?(?P<n>a|one|two|three)\s+decades?\b(?!\s+ago)", re.I)
# What makes "N years" about experience rather than a program length or a forecast.
_EXP_TAIL = re.compile(
    r"^\s*(?:of\s+(?:[\w-]+\s+){0,3}?(?:experience|work|leadership|management)|['’]?\s*(?:[\w-]+\s+){0,2}?experience|"
    r"in\s+(?:a\s+|an\s+|the\s+)?[\w\s-]{2,40}|as\s+(?:a|an)\s+[\w\s-]{2,40}|(?:of\s+)?(?:working|leading|managing|"
    r"running|building)\b|leading|managing|doing|post[- ]?qualifi\w*|pqe\b)", re.I)
_NOT_EXPERIENCE = compile_led(r"\b(?:program|programme|degree|course|old|ago|from now|next|forecast|projected|growth|"
                             r"outlook|until|by 20\d\d|over the (?:next|last|past)|in a row)\b", re.I)  # "grown five years in a row"
# Time spent in a step of the career ("Expect to spend 3-5 years as an engineering manager"),
# not what the role asks for.
_STEP = compile_led(r"\b(?:spend|spends|spent|spending|stay|stays|stayed|staying|serve|serves|served)\b"
                    r"(?:\s+(?:about|around|roughly|some|at\s+least|another|a\s+further))?\s*$", re.I)
_SCOPES = [
    ("leadership", compile_led(r"\b(?:leadership|leading|lead|manag(?:er|ement|ing)\s+(?:role|position|level)|"
                              r"people\s+management|managing\s+(?:\w+\s+)?(?:teams?|people|others|engineers|developers|"
                              r"staff|managers|marketers|designers|reports)|senior\s+(?:[a-z-]+\s+){0,2}?(?:roles?|positions?)|"
                              r"executive|c-level|director|vp|vice\s+president)\b", re.I)),
    ("product", compile_led(r"\bproduct(?:\s+management|\s+manager|\s+development|\s+roles?|\s+leadership)?\b", re.I)),
    ("industry", compile_led(r"\b(?:industry|field|sector|domain)\b", re.I)),
    ("engineering", compile_led(r"\b(?:engineering|software|technical|technology|development)\b", re.I)),
    ("marketing", compile_led(r"\bmarketing\b", re.I)),
]
_REQUIRE = compile_led(r"\b(?:requir(?:e|es|ed|ing|ement)|must\s+have|must\s+bring|need(?:s|ed)?|minimum|mandatory|"
                      r"expect(?:s|ed)?|ask(?:s)?\s+for|look(?:s)?\s+for)\b", re.I)
_PREFER = compile_led(r"\b(?:prefer(?:s|red|ably|ence)?|ideal(?:ly)?|nice\s+to\s+have|desirable|bonus|plus\s+if|"
                     r"would\s+be\s+(?:a\s+)?plus|advantage)\b", re.I)
# "Most COOs have ...", "most chief operating officers bring ...": any role's plural, not only the bundled ones'.
_TYPICAL = compile_led(r"\b(?:typically|usually|often|on\s+average|most\s+(?:of\s+them|(?:[a-z-]+\s+){0,3}?[a-z-]+s(?:\s+of\s+[a-z-]+)?)|"
                      r"tend\s+to|commonly|generally)\s+(?:have|has|bring|spend|hold|come\s+with)\b", re.I)
_SOME = compile_led(r"\b(?:a\s+few|some|certain|a\s+handful\s+of|a\s+minority\s+of)\s+(?:(?:of\s+(?:them|these)|"
                   r"employers|companies|firms|organi[sz]ations|start-?ups|roles|(?:job\s+)?postings|boards|recruiters|"
                   r"hiring\s+managers)\s+)?(?:(?:will|would|may|might|do|can)\s+)?(?:ask|want|require|look|accept|expect|settle|hire|"
                   r"consider|take|interview)", re.I)
# A hedge is looked for in whole sentences, whose words the prefilter already knows.
_REQUIRE, _PREFER, _TYPICAL, _SOME = keyed(_REQUIRE), keyed(_PREFER), keyed(_TYPICAL), keyed(_SOME)
_OTHER_ROLE_NAMES = (
    r"associate\s+product\s+managers?|senior\s+product\s+managers?|product\s+managers?|product\s+owners?|"
    r"group\s+product\s+managers?|directors?\s+of\s+product|vps?\s+of\s+product|vice\s+presidents?\s+of\s+product|"
    r"heads?\s+of\s+product|engineers?|developers?|analysts?|designers?|managers?|interns?|graduates?|"
    # The C-suite (the schema's own role among them is told apart by position, see _role_of).
    + "|".join(f"{c}|{c}s" for c in "ceo cfo coo cto cmo cio ciso cro cdo chro cpo".split()))
# Other leaders of any function: a VP, director or head of it, a chief ... officer.
_OTHER_LEADERS = (r"(?:vp|vps|vice\s+president|vice\s+presidents|director|directors|head|heads)\s+of\s+\w+|"
                  r"chief\s+\w+\s+(?:officer|officers)")
# Roles of another seniority are other roles too: "senior roles ask for at least 7 years" after
# "3-5 years" for the role itself is no conflict. (Senior ones in the plural only: "the CPO is a
# senior-level position, so companies require 15 years" is the role itself.)
_LEVELS = (r"(?:entry|mid|junior)-level\s+\w+|junior\s+(?:roles?|positions?|posts?|hires?|jobs?|openings?|candidates?)|"
           r"(?:more\s+)?senior(?:-level)?\s+(?:roles|positions|posts|hires|jobs|openings|candidates)")
_OTHER_ROLES = compile_led(rf"\b(?:{_OTHER_ROLE_NAMES}|{_OTHER_LEADERS}|{_LEVELS})\b", re.I)
_LEVEL_ROLE = re.compile(rf"(?:{_LEVELS})", re.I)  # fullmatch: a seniority's roles, by any noun
_LEVEL = re.compile(r"(?:more\s+)?(entry|mid|junior|senior)", re.I)
# A seniority named after the claim, for whom the years are ("at least 7 years for senior
# roles", "2 years of design experience for a mid-level role"); not "for a senior role like this".
_FOR_LEVEL = re.compile(r"^[^.;:!?]*?\bfor\s+(?:an?\s+|the\s+|most\s+)?(?P<who>(?:entry|mid|junior|senior)(?:-level)?)\s+"
                        r"(?:roles?|positions?|posts?|hires?|jobs?|openings?|candidates?)\b(?!\s+(?:like|such\s+as)\b)",
                        re.I)


def _level_role(text: str) -> str:
    """A seniority's roles by one name, whatever their noun ("senior positions", "more senior
    hires" and "a senior role" are all "senior role"): their claims are one population's."""
    level = _LEVEL.match(text).group(1).lower()
    return f"{level}-level role" if level in ("entry", "mid") else f"{level} role"
# Whole words one of which every _OTHER_ROLES match holds (written out for the branches whose
# last word is any word): a sentence holding none of them names no other role.
_OTHER_ROLE_WORDS = entry_keys([rf"\b(?:{_OTHER_ROLE_NAMES})\b"], "(?:{body})")[0] | {
    "entry", "mid", "junior", "senior", "vp", "vps", "vice", "director", "directors", "head", "heads", "chief"}


# Patterns used inline below, compiled once (a call with a pattern string looks it up in re's cache each time).
_AS_A = started(r"\b(?:as|from|like)\s+(?:a|an)?\s*$", re.I)
_PLURAL_S = re.compile(r"s$")
_BARE_END = re.compile(r"^\s*(?:[.,;)]|$)")
_DECADE_TAIL = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:experience|work|leadership|management|in\b|as\b|leading|"
                          r"managing)", re.I)
_COURSE = started(r"\b(?:program|programme|course)\b", re.I)
_AGE = re.compile(r"^-?\s*(?:old|year-old)")
# Where what the experience is in ends: "five years of experience before they are considered
# for a director title" is no leadership experience; nor is "... for senior roles" (whose years).
_SCOPE_END = started(r"[,;.]|\bwith\b|\band\b(?!\s+(?:development|management))|\b(?:before|prior\s+to|until|ahead\s+of|"
                     r"to\s+(?:become|reach|move|step|qualify|be\s+considered)|"
                     r"for\s+(?:an?\s+|the\s+|most\s+)?(?:entry|mid|junior|senior)(?:-level)?\s)\b")
_HOURLY = compile_led(r"\bhourly\b|\bper\s+hour\b", re.I)
_ANNUAL = compile_led(r"\bannual\b|\bper\s+year\b|\byearly\b", re.I)
_MONTHLY = compile_led(r"\bmonthly\b", re.I)
_TO_CLAUSE_END = re.compile(r"[^,;.]*")
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:they|he|she|this\s+(?:executive|leader|role|person)|the\s+role)\b", re.I)


def scope_of(text: str) -> str | None:
    for name, pattern in _SCOPES:
        if pattern.search(text):
            return name
    return None


def _hedge(sentence: str) -> str | None:
    if _PREFER.search(sentence):
        return "prefer"
    if _SOME.search(sentence):
        return "some"  # "A few employers ask for six years": a minority's ask, not the role's
    if _REQUIRE.search(sentence):
        return "require"
    if _TYPICAL.search(sentence):
        return "typical"
    return None


def _role_of(before: str, schema, sentence_words: frozenset | None = None) -> str:
    """Whose experience: the schema's role, or another role named as the subject.

    `sentence_words`: words_in of the sentence `before` begins, given when `before` ends
    between two words, so that its words are among the sentence's: without one of
    _OTHER_ROLE_WORDS there, no other role is named and the answer is "self"."""
    if sentence_words is not None and _OTHER_ROLE_WORDS.isdisjoint(sentence_words):
        return "self"
    if schema is not None:
        last_role = None
        for m in schema.role_pattern.finditer(before):
            last_role = m.end()
        other = None
        for m in _OTHER_ROLES.finditer(before):
            if before[max(0, m.start() - 7):m.start()].lower() == "hiring ":
                continue  # "hiring managers look for 20 years": the hirers, not whose years they are
            other = m
        if other is not None and (last_role is None or other.start() > last_role):
            if _AS_A.search(before[:other.start()]):
                return "self"  # "years as a product manager" is the role's own experience
            if _LEVEL_ROLE.fullmatch(other.group(0)):
                return _level_role(other.group(0))
            return _PLURAL_S.sub("", other.group(0).lower())
    return "self"


_YEAR_WORD = compile_led(r"years?|yrs?|decades?", re.I)


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches around each "years"/"decade": the number regexes only need to look there."""
    out: list[tuple[int, int]] = []
    for y in _YEAR_WORD.finditer(text):
        start, end = max(0, y.start() - 70), min(len(text), y.end() + 14)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _numeric(m: re.Match) -> bool:
    groups = m.groupdict()
    for name in ("a", "b", "n"):
        value = groups.get(name)
        if value is not None and value.lower() not in ("a decade", "two decades", "a couple of") \
                and parse_number(" ".join(value.split())) is None:
            return False
    return True


def _scan(regex: re.Pattern, text: str, windows: list[tuple[int, int]], check: bool = True):
    """Matches of `regex` inside the windows whose number tokens are numbers; after a token
    that is not a number ("the first five years"), the search resumes one character on."""
    seen = set()
    for start, end in windows:
        pos = start
        while pos < end:
            m = regex.search(text, pos, end)
            if m is None:
                break
            if check and not _numeric(m):
                pos = m.start() + 1
                continue
            if m.span() not in seen:
                seen.add(m.span())
                yield m
            pos = max(m.end(), m.start() + 1)


_PART_OF = re.compile(r"(?:\bincluding|\bof\s+which|\bout\s+of\s+which|,\s*with)\s+$", re.I)


def _experience_claims(sent_text: str, schema) -> list[dict]:
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(sent_text)

    def free(a, b):
        return all(b <= s or a >= e for s, e in taken)

    for m in _scan(_EXP_RANGE, sent_text, windows):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        tail = sent_text[m.end():m.end() + 60]
        if _STEP.search(sent_text[max(0, m.start() - 30):m.start()]):
            taken.append((m.start(), m.end()))  # neither the range nor its "5 years" is a requirement
            continue
        if a is None or b is None or not _EXP_TAIL.match(tail) or _NOT_EXPERIENCE.search(tail[:30]):
            continue
        if a > 60 or b > 60:
            continue
        out.append({"min": a, "max": b, "bound": "range", "start": m.start(), "end": m.end(), "tail": tail,
                    "bare": False})
        taken.append((m.start(), m.end()))
    decades = "decade" in sent_text.lower()  # every _DECADE match holds the word
    for regex in ((_EXP_ONE, _DECADE) if decades else (_EXP_ONE,)):
        for m in _scan(regex, sent_text, windows, check=regex is not _DECADE):
            if not free(m.start(), m.end()):
                continue
            raw = m.group("n").lower()
            if regex is _DECADE:
                value = {"a": 10, "one": 10, "two": 20, "three": 30}[raw]
            else:
                value = parse_number(raw) if raw not in ("a decade", "two decades", "a couple of") else \
                    {"a decade": 10, "two decades": 20, "a couple of": 2}[raw]
            if value is None or value > 60:
                continue
            tail = sent_text[m.end():m.end() + 60]
            bare = False
            if regex is _EXP_ONE and not _EXP_TAIL.match(tail):
                if not (m.group("lower") or m.group("plus") or m.group("more")) or not _BARE_END.match(tail):
                    continue
                bare = True  # "Some insist on at least seven years." carries on the claim before it
            if regex is _DECADE and not _DECADE_TAIL.match(tail):
                continue
            if _NOT_EXPERIENCE.search(tail[:30]) or _COURSE.search(sent_text[max(0, m.start() - 20):m.start()]) \
                    or _STEP.search(sent_text[max(0, m.start() - 30):m.start()]):
                continue
            if _AGE.match(tail):
                continue
            bound = "exact"
            if m.group("lower") or (regex is _EXP_ONE and (m.group("plus") or m.group("more"))):
                bound = "min"
            elif regex is _EXP_ONE and m.group("upper"):
                bound = "max"
            out.append({"min": value if bound != "max" else None, "max": value if bound in ("max", "exact") else None,
                        "bound": bound, "start": m.start(), "end": m.end(), "tail": tail, "bare": bare})
            taken.append((m.start(), m.end()))
    out.sort(key=lambda c: c["start"])
    for k, claim in enumerate(out):
        # "... at least ten years, including five managing engineers": the second is part of
        # the first, not another minimum for it.
        claim["part"] = k > 0 and _PART_OF.search(sent_text, 0, claim["start"]) is not None
        # Scope: what the experience is in (the words right after the number), else unscoped.
        tail = claim.pop("tail")
        head = _SCOPE_END.split(tail, maxsplit=1)[0]
        claim["scope"] = scope_of(head)
        # (A claim starts at \b before a word character: `before` ends between two words.)
        claim["role"] = _role_of(sent_text[:claim["start"]], schema, words_in(sent_text))
        if claim["role"] == "self":
            level = _FOR_LEVEL.match(tail)
            if level is not None:
                claim["role"] = _level_role(level.group("who"))
    return sorted(out, key=lambda c: c["start"])


# -- salary --------------------------------------------------------------------------------
# A multiplier after the number: thousands and millions, and India's lakh (100,000) and crore
# (10 million); "LPA" is lakhs per annum.
_MULT = r"(?P<mult>k\b|K\b|thousand\b|million\b|m\b|M\b|mn\b|lakhs?\b|lacs?\b|crores?\b|cr\b|LPA\b)"
# (Indian grouping too: "12,00,000" is twelve lakh.)
_NUMBER = r"(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# The sign or code before the number: dollars of several countries, pounds, euros, rupees,
# Swiss francs; a code's letters start no other word ("yrs 5" is no rupee).
_MONEY = started(
    r"(?P<cur>US\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|HK\$|\$|£|€|₹|(?<![A-Za-z])(?:Rs\.?|INR|USD|GBP|EUR|CHF|CAD|AUD|NZD|"
    rf"SGD)\s?)\s?{_NUMBER}\s?{_MULT}?", re.I)
# The code or currency's name after the number ("150,000 EUR", "90,000 euros").
_MONEY_AFTER = started(rf"(?<![\w$£€₹.,]){_NUMBER}\s?{_MULT}?\s?(?P<cur>USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|INR|"
                       r"euros?|dollars|rupees)\b", re.I)
_PERIOD = [
    ("hour", re.compile(r"^\s*(?:\)?\s*)?(?:/\s*(?:hour|hr|h)\b|per\s+hour|an\s+hour|hourly|p/h)", re.I)),
    ("year", re.compile(r"^\s*(?:/\s*(?:year|yr|annum)\b|per\s+(?:year|annum)|a\s+year|annually|each\s+year|yearly|p\.?a\.?\b)", re.I)),
    ("month", re.compile(r"^\s*(?:/\s*(?:month|mo)\b|per\s+month|a\s+month|monthly)", re.I)),
    ("week", re.compile(r"^\s*(?:/\s*(?:week|wk)\b|per\s+week|a\s+week|weekly)", re.I)),
]
_PARTS = {"tenth": 10, "decile": 10, "fifth": 20, "quintile": 20, "quarter": 25}
_STATISTICS = [
    ("median", compile_led(r"\bmedian\b", re.I)),
    ("average", compile_led(r"\b(?:average|mean)\b", re.I)),
    ("top", compile_led(r"\b(?:top|highest[- ]paid|upper)\s+(?P<pct>\d{1,2})\s?(?:%|percent\b|per\s+cent\b)"
                        r"|\b(?P<pct2>\d{2})(?:th)?\s+percentile\b"
                        r"|\b(?:top|upper|highest)\s+(?P<q>quartile)\b"
                        r"|\b(?:top|upper|highest(?:[- ]paid)?)\s+(?P<part>tenth|decile|fifth|quintile|quarter)\b", re.I)),
    ("bottom", compile_led(r"\b(?:bottom|lowest[- ]paid|lower)\s+(?P<pct>\d{1,2})\s?(?:%|percent\b|per\s+cent\b)|\b(?P<pct2>\d{1,2})(?:st|nd|rd|th)\s+percentile\b"
                           r"|\b(?:bottom|lower|lowest)\s+(?P<q>quartile)\b"
                           r"|\b(?:bottom|lower|lowest(?:[- ]paid)?)\s+(?P<part>tenth|decile|fifth|quintile|quarter)\b", re.I)),
    ("starting", compile_led(r"\b(?:starting|entry[- ]level|entry)\b", re.I)),
]
_COUNTRIES = [
    ("US", compile_led(r"\b(?:U\.?S\.?A?\b|United\s+States|America[n]?|nationwide)", re.I)),
    ("UK", compile_led(r"\b(?:U\.?K\.?\b|United\s+Kingdom|Britain|British|England|London)", re.I)),
    ("CA", compile_led(r"\b(?:Canada|Canadian|Toronto|Vancouver)\b", re.I)),
    ("DE", compile_led(r"\b(?:Germany|German|Berlin|Munich)\b", re.I)),
    ("IN", compile_led(r"\b(?:India|Indian|Bangalore|Bengaluru|Mumbai|Delhi|Hyderabad|Pune|Chennai)\b", re.I)),
    ("AU", compile_led(r"\b(?:Australia|Australian|Sydney|Melbourne)\b", re.I)),
    ("EU", started(r"\b(?:Europe|European|EU)\b")),
]
_CITIES = compile_led(r"\b(?:New\s+York|San\s+Francisco|Silicon\s+Valley|Seattle|Boston|Austin|Chicago|Los\s+Angeles|"
                     r"London|Berlin|Toronto|Sydney|Bangalore|Bengaluru|Mumbai|Delhi|Hyderabad|Pune|Chennai)\b", re.I)
# A company's funding stage and a few industries are segments of their own, as sizes are:
# "at Series B companies, the median is $230,000" is no second US median. (Looked for before
# the sizes: "Series B startups" and "seed-stage startups" are two segments.)
_SEGMENTS = [
    ("series A", compile_led(r"\bseries\s+a\b", re.I)),
    ("series B", compile_led(r"\bseries\s+b\b", re.I)),
    ("series C", compile_led(r"\bseries\s+c\b", re.I)),
    ("series D+", compile_led(r"\bseries\s+(?:d|e|f)\b", re.I)),
    ("late-stage", compile_led(r"\b(?:late[- ]stage|pre-?ipo)\b", re.I)),
    ("fintech", compile_led(r"\b(?:fintech|financial\s+services|banking|insurance)\b", re.I)),
    ("healthcare", compile_led(r"\b(?:health\s*care|health\s*tech|healthtech|biotech|pharma(?:ceutical)?s?)\b", re.I)),
    ("e-commerce", compile_led(r"\b(?:e-?commerce|retail)\b", re.I)),
    ("gaming", compile_led(r"\b(?:gaming|video\s+games?)\b", re.I)),
    ("public sector", compile_led(r"\b(?:government|public\s+sector|non-?profits?)\b", re.I)),
    ("edtech", compile_led(r"\b(?:edtech|higher\s+education)\b", re.I)),
]
_SIZES = [
    ("startup", compile_led(r"\b(?:start-?ups?|early[- ]stage|seed[- ]stage|small(?:er)?\s+(?:companies|firms|businesses))\b", re.I)),
    ("large", compile_led(r"\b(?:large|big|enterprise|fortune\s+\d+|public(?:ly traded)?|multinational)\s*(?:companies|firms|corporations|employers|organi[sz]ations|tech)?\b"
                          r"|\b(?:more\s+than|over|at\s+least)\s+\d{1,3}(?:,\d{3})+\s+(?:employees|staff|people)\b", re.I)),
    ("mid", compile_led(r"\b(?:mid-?sized?|medium-?sized?|midsize)\b", re.I)),
]
# Behind a prefilter: a figure's stretch and context are searched by a dozen of these, and
# most name no statistic, country, city or company size. keyed() finds the words in the
# pattern; where it finds none the prefilter is written out (tests check each against its
# plain pattern): "top"/"bottom" and "percentile" are whole words in every match; "U.S."
# holds "u", "us" or "usa" as a word; the others by substrings, since "America[n]?",
# "London" and "large\s*companies" may run into the next letters.
_WRITTEN_OUT = {
    "top": lambda p: Keyed(p, ["top", "highest", "upper", "percentile"]),
    "bottom": lambda p: Keyed(p, ["bottom", "lowest", "lower", "percentile"]),
    "US": lambda p: Needled(p, ["united", "america", "nationwide"], words=["u", "us", "usa"]),
    "UK": lambda p: Needled(p, ["uk", "u.k", "kingdom", "brit", "england", "london"]),
    "large": lambda p: Needled(p, ["large", "big", "enterprise", "fortune", "public", "multinational", "employees",
                                   "staff", "people"]),
}


def _behind_prefilter(family: list[tuple[str, re.Pattern]]) -> list:
    out = []
    for name, pattern in family:
        found = keyed(pattern)
        out.append((name, _WRITTEN_OUT[name](pattern) if found is pattern and name in _WRITTEN_OUT else found))
    return out


_STATISTICS, _COUNTRIES, _SIZES = _behind_prefilter(_STATISTICS), _behind_prefilter(_COUNTRIES), _behind_prefilter(_SIZES)
_SEGMENTS = _behind_prefilter(_SEGMENTS)
# Every segment's prefilter words: a text holding none of them names no segment (one set test
# instead of ten, for each figure's stretch and context).
_SEGMENT_WORDS = (frozenset().union(*(p.keys for _, p in _SEGMENTS))
                  if all(isinstance(p, Keyed) and p.rest is None for _, p in _SEGMENTS) else None)
_CITIES = keyed(_CITIES)
_COUNTRY_PATTERNS = dict(_COUNTRIES)
# What joins a range's two ends: "$150,000 to $200,000", "start at $190,000 and top out at around $350,000".
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|up\s+to|,?\s*(?:and|to)\s+tops?\s+out\s+at(?:\s+(?:around|about|roughly|nearly))?)"
                         r"\s*$", re.I)


def _amount(m: re.Match) -> float:
    num = m.group("num")
    mult = (m.group("mult") or "").lower()
    if not mult and "." in num and _DOT_THOUSANDS.fullmatch(num):
        return float(num.replace(".", ""))  # "200.000 EUR", "€95.000": thousands, as much of Europe writes them
    value = float(num.replace(",", ""))
    if mult in ("k", "thousand"):
        value *= 1_000
    elif mult in ("million", "m", "mn"):
        value *= 1_000_000
    elif mult in ("lakh", "lakhs", "lac", "lacs", "lpa"):
        value *= 100_000
    elif mult in ("crore", "crores", "cr"):
        value *= 10_000_000
    return value


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


# A currency's sign, for messages.
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹", "CAD": "C$", "AUD": "A$", "NZD": "NZ$", "SGD": "S$",
                  "HKD": "HK$", "CHF": "CHF "}
_CURRENCIES = {**{sign.strip(): code for code, sign in CURRENCY_SIGNS.items()}, **{c: c for c in CURRENCY_SIGNS},
               "US$": "USD", "CA$": "CAD", "AU$": "AUD", "RS": "INR", "RS.": "INR", "EURO": "EUR", "EUROS": "EUR",
               "DOLLARS": "USD", "RUPEES": "INR"}


def _currency(symbol: str) -> str:
    return _CURRENCIES.get(symbol.strip().upper(), "USD")


# A figure for something other than pay: a budget, revenue, funding, a deal ("owns a product
# budget of $6 million", "a $30 million Series B", "$50 million in annual revenue"), named
# before the figure with no pay word after it, or right after the figure. ("A raise of
# $10,000", "a contract rate of $150 an hour", "equity worth $100K" and "Chief Revenue
# Officer: $250,000" are pay.)
_NOT_PAY = compile_led(r"\b(?:(?<!salary )(?<!pay )budgets?|spend(?:ing)?|(?<!chief )revenues?|turnover|funding|raised|"
                       r"valuations?|valued|ARR|profits?|investments?|capital|deals?|quotas?|P&L)\b", re.I)
_PAY_NOUN = compile_led(r"\b(?:salar(?:y|ies)|pay|paid|earn(?:s|ed|ing)?|compensation|make|makes|income|wages?|"
                        r"bonus(?:es)?|equity|OTE|package)\b", re.I)
_NOT_PAY_AFTER = re.compile(r"\s*(?:(?:in|of)\s+(?:annual\s+|yearly\s+|recurring\s+|new\s+)?(?:revenue|sales|funding|"
                            r"ARR|turnover|bookings|pipeline)|(?:[\w-]+\s+)?budgets?|(?:funding\s+)?round|Series\s+[A-H]\b|"
                            r"valuation|ARR|P&L|(?:company|business|firm|startup|start-up|brand|portfolio|fund)\b)", re.I)


def _not_pay(text: str, matches: list, joined: list[bool], befores: list[str]) -> set[int]:
    """Indices of the figures in `matches` that are no one's pay (see _NOT_PAY); a range
    goes with both its ends. `joined` and `befores` are _salary_claims'."""
    out: set[int] = set()
    named_any = _NOT_PAY.search(text) is not None  # (most sentences with a figure name no budget)
    for k, m in enumerate(matches):
        if named_any:
            before = befores[k]
            named = None
            for named in _NOT_PAY.finditer(before):
                pass
            if named is not None and not _PAY_NOUN.search(before, named.end()):
                out.add(k)
                continue
        if _NOT_PAY_AFTER.match(text, m.end()):
            out.add(k)
    for k in range(len(matches) - 1):
        if joined[k] and (k in out or k + 1 in out):
            out.update((k, k + 1))
    return out


# A range's high end written without the currency sign ("£85–110k", "$150K-200K").
_BARE_HIGH = re.compile(rf"\s?(?:-|–|—|to)\s?{_NUMBER}\s?{_MULT}?(?!\s*(?:%|(?:percent|per\s*cent|years?)\b))", re.I)


_DASH_OR_TO = re.compile(r"[-–—]|to")


class _Figure:
    """A figure read as a _MONEY match is, with what the text leaves implied filled in: the
    sign before the range for its high end ("£85–110k"), the high end's "k" for its low end."""

    __slots__ = ("_start", "_end", "_text", "_groups")

    def __init__(self, start: int, end: int, text: str, cur: str, num: str, mult: str | None):
        self._start, self._end, self._text = start, end, text
        self._groups = {"cur": cur, "num": num, "mult": mult}

    def start(self, group=0) -> int:
        return self._start

    def end(self, group=0) -> int:
        return self._end

    def group(self, name=0):
        return self._text if name == 0 else self._groups[name]


def _money_figures(text: str) -> list:
    """_MONEY's matches, and the high end of each range written with one sign."""
    out: list = []
    found = list(_MONEY.finditer(text))
    if not _CODE_AFTER.isdisjoint(words_in(text)):
        # "150,000 EUR": figures whose code comes after them, where no sign takes them first.
        taken = [(m.start(), m.end()) for m in found]
        found += [m for m in _MONEY_AFTER.finditer(text) if all(m.end() <= a or m.start() >= b for a, b in taken)]
        found.sort(key=lambda m: m.start())
    starts = {m.start() for m in found}
    for m in found:
        out.append(m)  # (a high end so found has no sign: no _MONEY match starts inside it)
        if not _DASH_OR_TO.search(text, m.end(), m.end() + 3):
            continue  # (a cheap test first: most figures end no range written so)
        bare = _BARE_HIGH.match(text, m.end())
        if bare is None or bare.start("num") in starts:  # ("150,000 EUR to 220,000 EUR": a figure of its own)
            continue
        at = bare.start("num")
        high = _Figure(at, bare.end(), text[at:bare.end()], m.group("cur"), bare.group("num"), bare.group("mult"))
        low = m
        if not m.group("mult") and bare.group("mult"):  # "£85–110k": the low end is £85k
            low = _Figure(m.start(), m.end(), m.group(0), m.group("cur"), m.group("num"), bare.group("mult"))
        if _amount(high) >= _amount(low):
            out[-1] = low
            out.append(high)
    return out


def _salary_claims(text: str, label: str | None) -> list[dict]:
    out: list[dict] = []
    matches = _money_figures(text)
    # joined[k]: figures k and k+1 make a range ("$100,000 to $150,000"). What names a figure's
    # period and statistic comes before it, back to the figure before it ("The median is
    # $253,000, and top earners make over $501,000": the second is no median), unless the two
    # make a range ("a median of $X to $Y").
    joined = [_RANGE_JOIN.match(text[matches[k].end():matches[k + 1].start()]) is not None
              for k in range(len(matches) - 1)]
    befores = [text[max(matches[k - 1].end() if k > 0 and not joined[k - 1] else 0, m.start() - 80):m.start()]
               for k, m in enumerate(matches)]
    not_pay = _not_pay(text, matches, joined, befores)
    for k, m in enumerate(matches):
        amount = _amount(m)
        if amount <= 0 or k in not_pay:
            continue
        after = text[m.end():m.end() + 30]
        period = None
        for name, pattern in _PERIOD:
            if pattern.match(after):
                period = name
                break
        window = (label or "") + " " + befores[k]
        if period is None:
            if _HOURLY.search(window[-40:]):
                period = "hour"
            elif _ANNUAL.search(window[-60:]):
                period = "year"
            elif _MONTHLY.search(window[-40:]):
                period = "month"
            else:
                period = "year" if amount >= 5_000 else None
        low_end = k + 1 < len(matches) and joined[k]
        if period is None and not low_end:
            continue  # (a range's low end takes its high end's period below: "$100 to $150 an hour")
        statistic, percentile = None, None
        # The statistic named closest before the figure (in the sentence, or the list label).
        best = -1
        ranked = None  # N of an "Nth percentile"
        for name, pattern in _STATISTICS:
            for sm in pattern.finditer(window):
                if sm.start() > best:
                    best = sm.start()
                    statistic = name
                    pct = sm.groupdict().get("pct")
                    ranked = sm.groupdict().get("pct2")
                    part = sm.groupdict().get("part")  # "the top tenth", "the bottom quarter"
                    percentile = int(pct or ranked) if (pct or ranked) else (25 if sm.groupdict().get("q") else
                                                                             _PARTS[part.lower()] if part else None)
        if ranked is not None:
            # "90th percentile" is the top 10%, "10th percentile" the bottom 10%, the 50th the median.
            n = int(ranked)
            statistic, percentile = ("top", 100 - n) if n > 50 else ("bottom", n) if n < 50 else ("median", None)
        range_role = None
        if low_end:
            range_role = "low"
        elif k > 0 and joined[k - 1]:
            range_role = "high"
        end = m.start() + len(m.group(0).rstrip())
        out.append({"amount": amount, "period": period, "currency": _currency(m.group("cur")),
                    "statistic": statistic, "percentile": percentile, "range": range_role,
                    "start": m.start(), "end": end})
    # A range's low end takes the high end's period ("$100,000 to $150,000 a year").
    for k, c in enumerate(out):
        if c["range"] == "low" and k + 1 < len(out) and out[k + 1]["range"] == "high":
            c["period"] = out[k + 1]["period"] if c["period"] in (None, "year") or c["amount"] < 5_000 else c["period"]
    return [c for c in out if c["period"] is not None]


def _first_named(patterns, text: str) -> str | None:
    """The name of the first of (name, pattern) whose pattern occurs in text."""
    for name, pattern in patterns:
        if pattern.search(text):
            return name
    return None


_OUTSIDE = re.compile(r"\b(?:outside|beyond)(?:\s+of)?\s+$", re.I)


def _city(text: str) -> str | None:
    """The city a text names; "outside london" for the rest of the country around it ("Outside
    London the typical band is ...": another population than London's, and than the UK's)."""
    found = _CITIES.search(text)
    if found is None:
        return None
    city = found.group(0).lower()
    return "outside " + city if _OUTSIDE.search(text, max(0, found.start() - 12), found.start()) else city


def _named(text: str) -> tuple:
    """(country, city, company size) named in text, each None when it names none."""
    segment = None
    if _SEGMENT_WORDS is None or not _SEGMENT_WORDS.isdisjoint(words_in(text)):
        segment = _first_named(_SEGMENTS, text)
    return _first_named(_COUNTRIES, text), _city(text), segment or _first_named(_SIZES, text)


def _place_positions(sentence: str, named: tuple) -> tuple[int, int]:
    """Where the sentence first names the country and the city of `named` (-1 when the label
    or section title named it instead, so it holds for the whole sentence)."""
    out = []
    for value, pattern in ((named[0], _COUNTRY_PATTERNS.get(named[0])), (named[1], _CITIES)):
        found = pattern.search(sentence) if value is not None and pattern is not None else None
        out.append(found.start() if found is not None else -1)
    return out[0], out[1]


def _population(text: str, currency: str, fallback, memo: dict,
                size_fallback: str | None = None) -> tuple:
    """(country, city, company size) a figure is about: its own words first, then the
    fallback context (searched only for what its own words leave open, and once: `memo`
    keeps what it names, since a sentence's figures share it). `size_fallback`, when given,
    replaces the fallback for the company size: in a sentence of several figures, a size
    named in one figure's stretch ("... while at startups it is $190,000") is that figure's."""
    country, city, size = _named(text)
    if None in (country, city, size):
        named = memo.get(fallback)
        if named is None:
            named = memo[fallback] = _named(fallback)
        country = country or named[0]
        city = city or named[1]
        if size is None and size_fallback is not None:
            sized = memo.get(size_fallback)
            if sized is None:
                sized = memo[size_fallback] = _named(size_fallback)
            size = sized[2]
        elif size is None:
            size = named[2]
    if city and not country:
        country = "UK" if city.endswith("london") else "US"
    if country is None:
        # (A currency of one country is that country's pay: "₹6 lakh" with no place named is India's.)
        country = {"USD": "US", "GBP": "UK", "EUR": "EU", "INR": "IN", "CAD": "CA", "AUD": "AU"}.get(currency, currency)
    return (country, city, size)


# -- reporting lines and degrees -----------------------------------------------------------
# "reports (up) to", "answers to", "rolls up to", "is managed by", "sits under", "is a direct report
# of". (Not "is accountable to": a CPO who reports to the CEO is accountable to the board as well.)
_REPORTS = compile_led(r"\b(?:(?:report(?:s|ed|ing)?|answer(?:s|ed|ing)?|roll(?:s|ed|ing)?(?=\s+up))\s+(?:directly\s+|straight\s+|solely\s+)?"
                      r"(?:up\s+)?(?:in)?to|(?:is|are)\s+(?:usually\s+|typically\s+|often\s+|directly\s+)?managed\s+by|"
                      r"sit(?:s|ting)?\s+"
                      # (under a boss: not "sits under a lot of pressure")
                      r"(?:directly\s+)?under(?=\s+(?:the\s+|a\s+|an\s+)?(?:chief|founders?|board|president|vp|svp|evp|vice|"
                      r"head|director|general\s+manager|managing\s+director|gm|md|ceo|coo|cto|cfo|cro|cmo|cpo|cio)\b)|"
                      r"direct\s+reports?\s+(?:of|to)|"
                      # (for a boss: not "works for a hospital", "works for the board's approval")
                      r"work(?:s|ed|ing)?\s+(?:directly\s+)?for(?=\s+(?:the\s+)?(?:chief|founders?|president|ceo|coo|cto|"
                      r"cfo|cro|cmo|cpo|cio|managing\s+director|general\s+manager)\b))"
                      r"\s+(?P<rest>[^.;:!?]{2,160})", re.I)
# The words one of those holds (a substring test before the pattern).
def _report_hint(low: str) -> bool:
    # (" under " spaced: "understand" is everywhere; written out, not any() over a tuple: this
    # runs on every block and sentence.)
    return "report" in low or "answer" in low or " under " in low or ("work" in low and " for " in low) \
        or "roll" in low or "managed by" in low


_BOSSES = [
    ("CEO", compile_led(r"\b(?:the\s+)?(?:CEO|chief\s+executive(?:\s+officer)?|managing\s+director)\b", re.I)),
    ("founder", compile_led(r"\b(?:the\s+)?(?:co-?)?founders?\b", re.I)),
    ("board", compile_led(r"\b(?:the\s+)?board(?:\s+of\s+directors)?\b", re.I)),
    ("president", compile_led(r"\b(?:the\s+)?president\b(?!\s+of\s+(?:product|engineering|marketing))", re.I)),
    ("COO", compile_led(r"\b(?:the\s+)?(?:COO|chief\s+operating\s+officer)\b", re.I)),
    ("CTO", compile_led(r"\b(?:the\s+)?(?:CTO|chief\s+technology\s+officer)\b", re.I)),
    ("CPO", compile_led(r"\b(?:the\s+)?(?:CPO|chief\s+product\s+officer)\b", re.I)),
    ("CMO", compile_led(r"\b(?:the\s+)?(?:CMO|chief\s+marketing\s+officer)\b", re.I)),
    ("CFO", compile_led(r"\b(?:the\s+)?(?:CFO|chief\s+financial\s+officer)\b", re.I)),
    ("CRO", compile_led(r"\b(?:the\s+)?(?:CRO|chief\s+revenue\s+officer)\b", re.I)),
    ("CIO", compile_led(r"\b(?:the\s+)?(?:CIO|chief\s+information\s+officer)\b", re.I)),
    ("CISO", compile_led(r"\b(?:the\s+)?(?:CISO|chief\s+(?:information\s+)?security\s+officer)\b", re.I)),
    ("CDO", compile_led(r"\b(?:the\s+)?(?:CDO|chief\s+(?:data|digital)\s+officer)\b", re.I)),
    ("CHRO", compile_led(r"\b(?:the\s+)?(?:CHRO|chief\s+(?:human\s+resources|people)\s+officer)\b", re.I)),
    ("chief risk officer", compile_led(r"\b(?:the\s+)?chief\s+risk\s+officer\b", re.I)),
    ("general counsel", compile_led(r"\b(?:the\s+)?general\s+counsel\b", re.I)),
    ("VP of sales", compile_led(r"\b(?:VP|vice\s+president)\s+of\s+sales\b", re.I)),
    ("VP of operations", compile_led(r"\b(?:VP|vice\s+president)\s+of\s+operations\b", re.I)),
    ("VP of product", compile_led(r"\b(?:VP|vice\s+president)\s+of\s+product\b", re.I)),
    ("VP of engineering", compile_led(r"\b(?:VP|vice\s+president)\s+of\s+engineering\b", re.I)),
    ("VP of marketing", compile_led(r"\b(?:VP|vice\s+president)\s+of\s+marketing\b", re.I)),
    ("product manager", compile_led(r"\bproduct\s+managers?\b", re.I)),
    ("engineering manager", compile_led(r"\bengineering\s+managers?\b", re.I)),
    ("marketing manager", compile_led(r"\bmarketing\s+managers?\b", re.I)),
    ("director of product", compile_led(r"\bdirector\s+of\s+product\b", re.I)),
]
# Each boss as a Keyed pattern, so that one clause's words are found once for all of them (a
# pattern with no prefilter words runs on every clause).
_BOSSES = [(name, p if isinstance(p, Keyed) else Keyed(p, (), p)) for name, p in _behind_prefilter(_BOSSES)]
# A reporting line denied ("does not report to", "rarely answers to"), a boss ruled out ("to the
# CRO, not the CEO"), and a second reporting verb in the same sentence (its own claim).
_NEGATED_VERB = re.compile(r"(?:\bnot|n['’]t|\bnever|\brarely|\bseldom|\bno\s+longer)\s+(?:\w+ly\s+)?$", re.I)
_NEGATED_BOSS = re.compile(r"(?:\bnot|\brather\s+than|\binstead\s+of|\bnever|\bnor|\bexcept)\s+(?:directly\s+)?"
                           r"(?:to\s+)?$", re.I)
_NEXT_CLAUSE = re.compile(r",?\s+(?:and|but|while|whereas|though)\s+(?P<between>(?:[\w'’]+\s+){0,3}?)(?:report|answer)",
                          re.I)


def _accountable(after: str) -> bool:
    """Whether what follows the boss makes "answers to" being held to account ("... when
    something goes wrong"), not a reporting line."""
    words = after.split(None, 1)
    return bool(words) and words[0].lower() in ("when", "whenever", "if")


_CLAUSE_WORD = re.compile(r"\s*(?:and|but|while|whereas|though)\s+", re.I)
_ADVERBS_ONLY = re.compile(r"^\s*(?:(?:also|often|sometimes|usually|typically|then|may|can|will|might|\w+ly)\s+)*$",
                           re.I)


def _reporting_clauses(text: str):
    """(match, what it reports to, who reports) for each reporting verb of a sentence. What it
    reports to is cut where the next reporting verb's clause starts ("..., and the design lead
    reports to ..."); that clause's subject is its own words, or the sentence's when they are
    only adverbs ("..., and rarely answers to the board")."""
    pos, clause, first_subject = 0, 0, None
    while True:
        m = _REPORTS.search(text, pos)
        if m is None:
            return
        subject = text[clause:m.start()]
        if first_subject is None:
            first_subject = subject
        elif _ADVERBS_ONLY.match(subject):
            subject = first_subject + subject
        rest = m.group("rest")
        cut = _NEXT_CLAUSE.search(rest)
        if cut is not None and _ADVERBS_ONLY.match(cut.group("between")) and not _NEGATED_VERB.search(cut.group("between")):
            cut = None  # "reports to the CEO and also answers to the board": one subject, both bosses
        if cut is not None:
            rest = rest[:cut.start()]
        yield m, rest, subject
        pos = m.start("rest") + len(rest)
        if cut is not None:  # the next clause's subject starts after its "and"
            lead = _CLAUSE_WORD.match(text, pos + (1 if text[pos:pos + 1] == "," else 0))
            clause = lead.end() if lead else pos


# A reporting line said only of some companies is not the general claim.
_CONDITIONS = [
    ("startup", compile_led(r"\b(?:start-?ups?|early[- ]stage|seed[- ]stage|seed stage|earliest stage|small(?:er)?\s+"
                           r"(?:companies|firms|businesses|organi[sz]ations)|founder-led)\b", re.I)),
    ("large", compile_led(r"\b(?:large|larger|enterprise|big|public(?:ly traded)?)\s+(?:companies|firms|corporations|"
                         r"organi[sz]ations|enterprises)\b|\bat\s+scale\b", re.I)),
    ("conditional", compile_led(r"\b(?:in|at|for)\s+(?:some|certain|a\s+few)\b|\bsometimes\b|\boccasionally\b|"
                               r"\bin\s+some\s+cases\b|\bdepending\s+on\b|\bunless\b|\bif\s+the\b|\bwhere\s+there\b|"
                               r"\binstead\b", re.I)),  # "... answers to the chief risk officer instead"
]
# A kind of employer set apart first: "In banking, ...", "At insurers, ...", "In regulated
# industries such as insurance, ..." ("In most companies, ...", "In many companies the CMO ...",
# "In our survey, ..." scope nothing).
_SET_APART = re.compile(r"\s*(?:in|at|within)\s+(?!most\b|many\b)(?:[\w&-]+\s+){0,4}?(?:banking|banks|"
                        r"financial\s+services|insurance|insurers|healthcare|hospitals|government|public\s+sector|"
                        r"non-?profits?|charities|retail(?:ers)?|manufacturing|universities|agencies|industr(?:y|ies)|"
                        r"sectors?|companies|firms|businesses|organi[sz]ations|groups|subsidiaries)\b"
                        r"(?:\s+(?:such\s+as|like)\s+[\w\s&-]{1,30}|\s*\([^)]{1,40}\))?,", re.I)


def _condition(sentence: str) -> str:
    for name, pattern in _CONDITIONS:
        if pattern.search(sentence):
            return name
    if sentence.lstrip()[:2].lower() in ("in", "at", "wi") and _SET_APART.match(sentence):
        return "conditional"
    return "general"


# A degree named as enough ("A bachelor's degree is enough to practice", "... suffices"): the
# words right after it, in its own clause; "is not enough", "was once enough" say otherwise.
_SUFFICIENT = re.compile(r"[^.;,:]{0,40}?\b(?:(?:is|are)\s+(?!not\b|no\b|rarely\b|seldom\b|never\b|hardly\b|"
                         r"n['’]t\b)(?:\w+\s+)?(?:enough|sufficient|all\s+(?:you|one|they)\s+needs?)|suffices?)\b",
                         re.I)
# A narrower or other job the sufficient degree is for ("enough to start as an assistant",
# "for entry-level posts"): a claim about that job, not the role's requirement.
_OTHER_JOB = re.compile(r"\b(?:assistants?|aides?|technicians?|trainees?|apprentices?|interns?|entry|junior|mid|senior|"
                        r"lead|leadership|management|support|some|certain|few|many)\b|\b(?:as|become|becoming)\s+(?:an?\s+)?(?P<job>[\w-]+(?:\s+[\w-]+){0,3})",
                        re.I)


def _sufficient_condition(sentence: str, schema) -> str:
    """The condition of a degree named as enough: "general" when its sentence names no other
    or narrower job than the role's."""
    for m in _OTHER_JOB.finditer(sentence):
        job = m.group("job")
        if job is None or schema is None or not schema.role_pattern.match(job):
            return "conditional"
    return "general"


_DEGREE_LEVEL = compile_led(r"\b(?P<level>(?:bachelor['’]?s|undergraduate|master['’]?s|MBA|Ph\.?D|doctorate)(?:\s+degrees?)?|"
                           r"(?:college|university|four-year|advanced|graduate)\s+degrees?|degrees?)\b", re.I)
_NOT_REQUIRED = compile_led(r"\b(?:not\s+(?:strictly\s+|always\s+|necessarily\s+)?(?:required|needed|necessary|mandatory|"
                           r"essential)|no\s+(?:formal\s+)?(?:\w+\s+)?degree\s+(?:is\s+)?(?:required|needed|necessary)|"
                           r"(?:do|does|did)\s*(?:n['’]t|\s+not)\s+(?:need|require|have\s+to\s+have)|without\s+a\s+"
                           r"(?:\w+\s+)?degree|optional|(?:isn|aren)['’]t\s+(?:strictly\s+|always\s+|necessarily\s+|really\s+)?"
                           r"(?:required|needed|necessary|mandatory|essential))\b", re.I)
_REQUIRED = compile_led(r"\b(?:requir(?:e|es|ed|ement)|must\s+(?:have|hold|possess)|need\s+(?:a|an|to\s+have)|"
                       r"mandatory|essential|necessary|a\s+must)\b", re.I)


def _degree_key(level: str) -> str:
    low = level.lower().replace("’", "'")
    if low.startswith(("advanced", "graduate")):
        return "master"
    if low.startswith("bachelor") or "undergraduate" in low or "college" in low or "university" in low or "four-year" in low:
        return "bachelor"
    if low.startswith("master"):
        return "master"
    if low == "mba":
        return "mba"
    if low.startswith("ph") or low.startswith("doctor"):
        return "phd"
    return "any"


# -- extraction ------------------------------------------------------------------------------
# Cheap tests first: most sentences name no money, years, boss or degree.
_CODE_AFTER = frozenset({"usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "sgd", "inr", "euro", "euros", "dollars",
                         "rupees"})
_CURRENCY_WORDS = _CODE_AFTER | {"rs"}


def _money_hint(text: str) -> bool:
    """A currency sign, or USD/GBP/EUR as a word (a set lookup, not a search)."""
    return "$" in text or "£" in text or "€" in text or "₹" in text or not _CURRENCY_WORDS.isdisjoint(words_in(text))


def _degree_hint(low: str) -> bool:
    """Any of the degree words in lower-cased text (substring tests: no pattern to run)."""
    return ("degree" in low or "bachelor" in low or "master" in low or "mba" in low or "phd" in low
            or "ph.d" in low or "doctorate" in low or "undergraduate" in low)


def claims(ctx) -> list[Claim]:
    doc = ctx.doc
    cached = doc.analyses.get("claims")
    if cached is not None:
        return cached
    schema = ctx.schema
    out: list[Claim] = []
    named_in_context: dict[str, tuple] = {}  # _population's memo
    # Compiled, these read the slots directly (claims.pxd); each comes from a list of them.
    block: Block
    sent: Sentence
    for block in content_blocks(doc):
        # The same cheap tests on the whole block first: most blocks make no claim at all.
        b_low = block.text.lower()
        years = "year" in b_low or "decade" in b_low or "yrs" in b_low
        money = _money_hint(block.text)
        reports = _report_hint(b_low)
        degree = _degree_hint(b_low)
        if not (years or money or reports or degree):
            continue
        context = context_of(doc, block)
        if block.kind == TABLE:
            # A table's sentences run across its cells: its figures are read row by row.
            if money:
                out.extend(_table_salary_claims(block, doc.section_of(block).title, context, named_in_context))
            if years:
                out.extend(_table_experience_claims(block, schema, context))
            continue
        label = block.label or (block.text.split(":", 1)[0] if block.kind == LIST_ITEM and ":" in block.text[:40] else None)
        section_title = doc.section_of(block).title
        last_scope = last_role = None
        for sent in doc.sentences_of(block):
            s_text = sent.text
            if s_text.rstrip().endswith("?"):
                continue  # a question ("Do you need a degree?") claims nothing
            low = s_text.lower()
            for c in (_experience_claims(s_text, schema) if years and ("year" in low or "decade" in low or "yrs" in low)
                      else ()):
                if c["bare"] and last_scope is None:
                    continue  # bare "at least seven years" only counts after a claim it continues
                scope = c["scope"]
                inherited = False
                if scope is None and last_scope is not None and last_role == c["role"]:
                    # "... in a leadership role. Some prefer 10 years." (not another role's years)
                    scope, inherited = last_scope, True
                elif scope is not None:
                    last_scope, last_role = scope, c["role"]
                out.append(Claim("experience", block, sent.start + c["start"], sent.start + c["end"],
                                 s_text[c["start"]:c["end"]], s_text, context,
                                 _experience_attrs(c, scope, inherited, c["role"], s_text)))
            figures = _salary_claims(s_text, label) if money and _money_hint(s_text) else []
            # What each figure's own stretch leaves open is looked up here (in _population's memo).
            fallback = (label or "") + " " + section_title + " " + s_text if figures else ""
            sources = _sources(s_text, figures, schema) if figures and _SOURCE_HINT.search(s_text) else None
            for k, c in enumerate(figures):
                # Each figure's population comes from its own stretch of the sentence (from the
                # previous figure to the next), then the list label and the section title.
                lo = figures[k - 1]["end"] if k > 0 and not figures[k - 1]["range"] == "low" else 0
                hi = figures[k + 1]["start"] if k + 1 < len(figures) and c["range"] != "low" else len(s_text)
                tail = _TO_CLAUSE_END.match(s_text[c["end"]:hi]).group(0)
                stretch = s_text[lo:c["end"]] + tail
                # Of several figures, a place named after this one ("..., and in San Francisco
                # the median is $290,000") is a later figure's: the sentence up to this figure's
                # end is its context ("In London, the median is £120,000 and the top 10% ...").
                places = fallback  # (not `context`: that is the block's, every claim's)
                if len(figures) > 1:
                    whole = named_in_context.get(fallback)
                    if whole is None:
                        whole = named_in_context[fallback] = _named(fallback)
                    if whole[0] is not None or whole[1] is not None:  # (most sentences name no place)
                        # A place the sentence names only after this figure's stretch is left out
                        # (by where the sentence names it: one search a sentence, not one a figure).
                        at = named_in_context.get((fallback, "at"))
                        if at is None:
                            at = named_in_context[(fallback, "at")] = _place_positions(s_text, whole)
                        limit = c["end"] + len(tail)
                        places = (fallback, limit)
                        if places not in named_in_context:
                            named_in_context[places] = (whole[0] if at[0] < limit else None,
                                                         whole[1] if at[1] < limit else None, whole[2])
                population = _population(stretch, c["currency"], places, named_in_context,
                                         (label or "") + " " + section_title if len(figures) > 1 else None)
                start = c["start"]
                between = not start or not is_word_char(s_text[start - 1]) or not is_word_char(s_text[start])
                role = _role_of(s_text[:start], schema, words_in(s_text) if between else None)
                out.append(Claim("salary", block, sent.start + c["start"], sent.start + c["end"],
                                 s_text[c["start"]:c["end"]], s_text, context,
                                 {**c, "population": population, "role": role,
                                  "component": _component(stretch + " " + (label or "")),
                                  "source": sources[k] if sources else None}))
            for m, rest, subject in (_reporting_clauses(s_text) if reports and _report_hint(low)
                                     else ()):
                if _NEGATED_VERB.search(subject):
                    continue  # "does not report to the CFO", "rarely answers to the board"
                if schema is not None and not _subject_is_role(subject, schema, doc, sent):
                    continue
                hits = []
                rest_words = words_in(rest)  # once for every boss's prefilter (each is Keyed)
                for name, pattern in _BOSSES:
                    picked = pattern.pick(rest_words)
                    hit = picked.search(rest) if picked is not None else None
                    if hit and not _NEGATED_BOSS.search(rest, 0, hit.start()):  # "..., not the CEO"
                        hits.append((hit.start(), hit.end(), name))
                hits.sort()
                if hits and m.group(0)[:6].lower() == "answer" and _accountable(rest[hits[-1][1]:]):
                    continue  # "answers to the board when something goes wrong": who holds it to account
                options = [n for _, _, n in hits]
                if schema is not None:
                    own = _own_titles(schema)
                    options = [o for o in options if o not in own]
                if options:
                    # The claim's words end with the last boss it names.
                    end = m.start("rest") + max(e for _, e, n in hits if n in options)
                    out.append(Claim("reports-to", block, sent.start + m.start(), sent.start + end,
                                     s_text[m.start():end], s_text, context,
                                     {"options": options,
                                      # A condition before the claim ("At seed stage, the CPO reports
                                      # to ...") or after it scopes it; one between two bosses ("the
                                      # CEO or, in startups, the founder") is an alternative.
                                      "condition": _condition(s_text[:m.start()] + " " + s_text[end:])}))
            for m in (_DEGREE_LEVEL.finditer(s_text) if degree and _degree_hint(low) else ()):
                window = s_text[max(0, m.start() - 80):m.end() + 80]
                enough = _SUFFICIENT.match(s_text, m.end())
                if enough:
                    # "A bachelor's degree is enough ..." (checked first: the window may hold another
                    # degree's requirement)
                    out.append(Claim("degree", block, sent.start + m.start(), sent.start + m.end(), m.group(0),
                                     s_text, context, {"degree": _degree_key(m.group("level")), "status": "sufficient",
                                                       "condition": _sufficient_condition(s_text, schema)
                                                       if _condition(s_text) == "general" else "conditional"}))
                    continue
                if _NOT_REQUIRED.search(window):
                    status = "not-required"
                elif _PREFER.search(window):
                    status = "preferred"
                elif _REQUIRED.search(window):
                    status = "required"
                else:
                    continue
                out.append(Claim("degree", block, sent.start + m.start(), sent.start + m.end(), m.group(0), s_text,
                                 context, {"degree": _degree_key(m.group("level")), "status": status,
                                           # "essential at large enterprises", "optional at startups"
                                           "condition": _condition(s_text)}))
    for claim in out:
        claim.line = doc.text_span(claim.block, claim.start, claim.end)[0]
    doc.analyses["claims"] = out
    return out


def _experience_attrs(c: dict, scope, inherited: bool, role: str, sentence: str) -> dict:
    """An experience claim's attributes, from _experience_claims' reading `c` of its sentence."""
    return {"min": c["min"], "max": c["max"], "bound": c["bound"], "scope": scope, "scope_inherited": inherited,
            "role": role, "hedge": _hedge(sentence), "part": c["part"]}


def _table_experience_claims(block: Block, schema, context) -> list[Claim]:
    """The required years a table's rows state ("Experience | At least 3 years in operations"),
    each row read as a sentence (its cells joined by " | ", as the table's text holds them)."""
    out: list[Claim] = []
    pos = 0
    for row in block.text.split("\n"):
        low = row.lower()
        if "year" in low or "decade" in low or "yrs" in low:
            label = row.split(" | ", 1)[0].strip().lower().rstrip(":") if " | " in row else ""
            for c in _experience_claims(row, schema):
                if c["bare"]:
                    continue  # a bare "3 years" in a cell continues no claim
                # A row's label other than the field's name is whose years they are ("Junior SRE |
                # 0-2 years", "Senior SRE | 5+ years": one level a row, not one role's conflict).
                role = c["role"] if not label or label in _FIELD_LABELS else label
                out.append(Claim("experience", block, pos + c["start"], pos + c["end"], row[c["start"]:c["end"]], row,
                                 context, _experience_attrs(c, c["scope"], False, role, row)))
        pos += len(row) + 1
    return out


# A row label that names the field, not a population ("Experience | At least 3 years").
_FIELD_LABELS = frozenset(("experience", "work experience", "years of experience", "experience required",
                           "required experience", "minimum experience", "requirement", "requirements",
                           "qualifications", "background", "minimum"))


def _table_salary_claims(block: Block, section_title: str, context, memo: dict) -> list[Claim]:
    """The pay figures of a table, each read with its row's label and its column's heading, as
    "90th percentile Annual salary: $210,000" (statistic, period and population come from
    those): the figures of a row make one sentence, so an hourly cell is checked against the
    annual cell beside it. The table's text holds its rows a line each, cells joined by " | "."""
    rows: list[list[str]] = []
    starts: list[list[int]] = []
    pos = 0
    for line in block.text.split("\n"):
        cells = line.split(" | ")
        at, offsets = pos, []
        for cell in cells:
            offsets.append(at)
            at += len(cell) + 3
        rows.append(cells)
        starts.append(offsets)
        pos += len(line) + 1
    header = rows[0] if rows and not any(_money_hint(cell) for cell in rows[0]) else None
    out: list[Claim] = []
    for r in range(1 if header else 0, len(rows)):
        row = rows[r]
        sentence = " | ".join(row)
        for j in range(1, len(row)):
            if not _money_hint(row[j]):
                continue
            prefix = f"{row[0]} {header[j] if header is not None and j < len(header) else ''}: "
            text = prefix + row[j]
            for c in _salary_claims(text, None):
                if c["start"] < len(prefix):
                    continue  # a figure in the row's label, not in this cell
                start, end = starts[r][j] + c["start"] - len(prefix), starts[r][j] + c["end"] - len(prefix)
                population = _population(text, c["currency"], section_title + " " + (header[0] if header else ""),
                                         memo)
                if population[2] is None and _segment(row[0]):
                    # A row label that names no statistic and no population ("Seed", "Series B",
                    # "Base salary") sets the row's figures apart from the other rows'.
                    population = (population[0], population[1], row[0].strip())
                out.append(Claim("salary", block, start, end, block.text[start:end], sentence, context,
                                 {**c, "population": population, "role": "self", "component": _component(text)}))
    return out


# Pay beyond the base salary: "total compensation", "OTE", "including bonus and equity".
_TOTAL_PAY = compile_led(r"\b(?:total\s+(?:comp(?:ensation)?|pay|cash|earnings|package|rewards?|remuneration)|ote|"
                         r"on-target\s+earnings|(?:including|with|plus)\s+(?:bonus(?:es)?|equity|stock))\b", re.I)


# A figure's named source: "according to Glassdoor", "Salary.com puts ... at", "(source: BLS)".
_SOURCE = re.compile(
    r"\baccording to (?:the |data from |figures from )?(?P<a>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
    r"|\b(?P<b>[A-Z][\w&'’-]*(?:\.[a-z]{2,6})?(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?:puts|reports(?!\s+to\b)|says|"
    r"estimates|lists|shows|finds|found|gives|pegs|cites)\b"
    r"|\b(?:per|source:?|data from)\s+(?P<c>[A-Z][\w&'’-]*(?:\.[a-z]{2,6})?)")  # ("Salary.com", "Levels.fyi")


_SOURCE_HINT = re.compile(r"\b(?:according|puts|reports|says|estimates|lists|shows|finds|found|gives|pegs|"
                          r"cites|per|source|data from)\b")  # (a cheap test before _SOURCE, which most sentences fail)


def _source_name(m: re.Match, schema) -> str | None:
    name = m.group("a") or m.group("b") or m.group("c")
    if not name or name.lower() in ("the", "this", "our", "it", "that") or \
            (schema is not None and schema.role_pattern.search(name)):
        return None  # "CPOs say ..." names no source
    return name.lower()


def _sources(text: str, figures: list[dict], schema) -> list[str | None]:
    """The source each figure of a sentence is credited to: "according to X" right after it
    ("$255,000, according to Glassdoor"), else the nearest one before it since the previous
    figure ("Salary.com puts the average at $285,000", "According to the BLS, ... $X")."""
    found = [(m.start(), m.end(), _source_name(m, schema)) for m in _SOURCE.finditer(text)]
    found = [f for f in found if f[2] is not None]
    out: list[str | None] = []
    for k, c in enumerate(figures):
        after = [f for f in found if c["end"] <= f[0] <= c["end"] + 3 and text[f[0]:f[0] + 9].lower() == "according"]
        if after:
            out.append(after[0][2])
            continue
        lo = figures[k - 1]["end"] if k else 0
        prev_after = lo + 3 if k else -1  # the previous figure's "according to" is the previous figure's
        before = [f for f in found if lo <= f[0] and f[1] <= c["start"] and f[0] > prev_after]
        out.append(before[-1][2] if before else None)
    return out


def _component(text: str) -> str:
    """Which pay a figure is: "total" (with bonus or equity) or "base" (a salary, as most are)."""
    return "total" if _TOTAL_PAY.search(text) else "base"


def _segment(label: str) -> bool:
    """A table row's label that is a segment of its own: words, no figure, no statistic
    ("median", "90th percentile", "entry level") and no country, city or company size."""
    label = label.strip()
    if not label or _money_hint(label) or not any(ch.isalpha() for ch in label):
        return False
    return all(pattern.search(label) is None for _, pattern in _STATISTICS) and _named(label) == (None, None, None)


def _own_titles(schema) -> set[str]:
    """The bosses that are the schema's role itself (a CPO does not report to a CPO); once per schema."""
    found = schema.__dict__.get("_own_titles")
    if found is None:
        found = schema.__dict__["_own_titles"] = {
            n for n, p in _BOSSES if p.fullmatch(schema.role) or any(p.fullmatch(a) for a in schema.aliases)}
    return found


def _subject_is_role(subject: str, schema, doc, sent) -> bool:
    """Whether the one reporting is the schema's role (named, or "they"/"he"/"she" after it)."""
    if schema.role_pattern.search(subject):
        # "Product managers who work for the CPO report to ..." names the role but not as subject.
        last_role = max(m.end() for m in schema.role_pattern.finditer(subject))
        other = [m for m in _OTHER_ROLES.finditer(subject) if m.start() > last_role]
        return not other
    if _PRONOUN_SUBJECT.match(subject) \
            or not subject.strip():
        prev = [s for s in doc.sentences_of(sent.block) if s.end <= sent.start]
        context = prev[-1].text if prev else doc.section_of(sent.block).title
        return bool(schema.role_pattern.search(context)) or not subject.strip()
    return False
