"""Contradictions: claims in one article that cannot all be true, and claims against the schema.

Every rule here reads the claims cpolint.analysis.claims extracted and lists each
conflicting claim, with its line and its words, in `data.claims`. Claims inside a
job-description template are compared only with each other: an example job ad is not the
article's own statement about the role.
"""

from __future__ import annotations

import re

from cpolint.analysis.claims import CURRENCY_SIGNS, Claim, claims, scope_of
from cpolint.document.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE
from cpolint.document.wordnum import count_announcement, heading_count
from cpolint.registry import Rule, rule


def _claim_data(c: Claim, **extra) -> dict:
    return {"line": c.line, "text": c.text, **extra}


def _span(ctx, group: list[Claim]):
    first = group[0]
    same_block = [c for c in group if c.block is first.block]
    end = max(c.end for c in same_block)
    return ctx.doc.text_span(first.block, first.start, end)


def _quote(c: Claim) -> str:
    return f"'{c.text}' (line {c.line})"


_SCOPE_WORDS = {"leadership": "in a leadership role", "product": "in product management", "industry": "in the industry",
                "engineering": "in engineering", "marketing": "in marketing", None: "(overall)"}


def _article_group(c: Claim) -> str:
    return "template" if c.context == "template" else "article"


@rule
class ConflictingExperience(Rule):
    """Different minimum years of experience for the same requirement.

    ## What it does
    Compares every "at least N years", "N+ years", "a decade of", "between N and M years"
    claim about the same role and the same scope (a leadership role, product management,
    the industry ...). Different required minimums conflict; so does a preference below a
    required minimum. A sentence that names no scope takes the scope of the claim before it
    in the same paragraph ("... five years in a leadership role. Some prefer 10 years.").
    Not conflicts: a preference above the minimum on its own, two scopes ("10+ years in
    product management, with at least 5 in a leadership role"), a part of the claim before
    it ("at least ten years, including five managing engineers"), two roles (a product
    manager's 3-5 years vs a CPO's 15), descriptions of what CPOs typically have. A table's
    rows are read one by one: a row labelled with the field ("Experience | At least 3 years")
    is the role's requirement, a row labelled with a level ("Senior SRE | 5+ years") that
    level's.

    ## Why is this bad?
    A reader cannot tell whether they qualify; the article contradicts itself on the one
    question a candidate asks first.

    ## Example
    ```text
    Most companies require at least five years of experience in a leadership role. Some
    prefer at least 10 years. Companies usually require at least 15 years of experience.
    ```
    Use instead: one minimum, and say which employers ask for more.
    """

    code = "C001"
    name = "conflicting-experience-years"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        groups: dict[tuple, list[Claim]] = {}
        for c in claims(ctx):
            if c.kind != "experience" or c.attrs["min"] is None or c.attrs["hedge"] in ("typical", "some"):
                continue
            key = (_article_group(c), c.attrs["role"], c.attrs["scope"])
            groups.setdefault(key, []).append(c)
        for (_, role, scope), group in groups.items():
            # A part ("..., including five ...") is no rival of the whole it is part of.
            group = [c for c in group if not (c.attrs["part"] and any(
                w is not c and w.sentence is c.sentence and w.block is c.block and w.start < c.start for w in group))]
            required = [c for c in group if c.attrs["hedge"] in ("require", None)]
            preferred = [c for c in group if c.attrs["hedge"] == "prefer"]
            if not required:
                continue
            floor = max(c.attrs["min"] for c in required)
            distinct = {c.attrs["min"] for c in required}
            below = [p for p in preferred if p.attrs["min"] < floor]
            if len(distinct) < 2 and not below:
                continue
            involved = sorted(group, key=lambda c: (c.line, c.start))
            listed = []
            for c in involved:
                hedge = "preferred" if c.attrs["hedge"] == "prefer" else "required"
                listed.append(f"'{c.text}' (line {c.line}, {hedge})")
            who = "" if role == "self" else f" for a {role}"
            yield ctx.diagnostic(
                self, _span(ctx, involved),
                f"conflicting minimum experience{who} {_SCOPE_WORDS.get(scope, scope)}: " + " vs ".join(listed),
                data={"scope": scope, "role": role,
                      "claims": [_claim_data(c, years=c.attrs["min"],
                                             hedge="preferred" if c.attrs["hedge"] == "prefer" else "required")
                                 for c in involved]})


def _annual(c: Claim, hours: float) -> float:
    factor = {"year": 1, "hour": hours, "month": 12, "week": 52}.get(c.attrs["period"], 1)
    return c.attrs["amount"] * factor


def _salary_ranges(figures: list[Claim]) -> list[tuple[Claim, Claim]]:
    """(low end, high end) of each salary range among `figures` (the salary claims in order):
    a low end and the high end right after it, in one block."""
    return [(low, high) for low, high in zip(figures, figures[1:])
            if low.attrs["range"] == "low" and high.attrs["range"] == "high" and high.block is low.block]


def _hours_per_year(ctx) -> int:
    """The working hours a year that annualise an hourly figure: the schema's, else 2,080."""
    return ctx.schema.facts.get("salary", {}).get("hours-per-year", 2080) if ctx.schema else 2080


def _money(c: Claim) -> str:
    return c.text


@rule
class HourlyAnnualMismatch(Rule):
    """An hourly figure that does not match its annual figure at 2,080 hours a year.

    ## What it does
    Pairs an hourly figure with the annual one it restates ("$220,000 ($105.77/hour)", or
    the same statistic in one block) and checks annual = hourly x hours-per-year (2,080 by
    default, from the schema) within 1%; or, when the sentence states its working week
    ("at 37.5 hours a week"), that week times 52 or 50.

    ## Why is this bad?
    One of the two numbers is wrong, and readers cannot tell which.

    ## Example
    `Median Annual Salary: $220,000 ($95.00/hour)` ($95 x 2,080 = $197,600).
    Use instead: `$220,000 ($105.77/hour)`.
    """

    code = "C002"
    name = "hourly-annual-mismatch"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        hours = _hours_per_year(ctx)
        figures = [c for c in claims(ctx) if c.kind == "salary"]
        for k, c in enumerate(figures):
            if c.attrs["period"] != "hour" or c.attrs["range"]:
                continue
            # The annual figure it restates: right before it in the same sentence ("$220,000
            # ($105.77/hour)"), else the one annual figure of the same statistic in the block.
            prev = figures[k - 1] if k > 0 else None
            nxt = figures[k + 1] if k + 1 < len(figures) else None
            if prev is not None and prev.block is c.block and prev.sentence == c.sentence \
                    and prev.attrs["period"] == "year" and not prev.attrs["range"]:
                partner = prev
            elif nxt is not None and nxt.block is c.block and nxt.sentence == c.sentence \
                    and nxt.attrs["period"] == "year" and not nxt.attrs["range"] \
                    and _RESTATED_AS.match(c.block.text, c.end, nxt.start):
                partner = nxt  # "$95/hr, or $250,000 annually"
            else:
                same = [f for f in figures if f.block is c.block and f.attrs["period"] == "year"
                        and not f.attrs["range"] and c.attrs["statistic"]
                        and f.attrs["statistic"] == c.attrs["statistic"]]
                partner = same[0] if len(same) == 1 else None
            if partner is None:
                continue
            annual = partner.attrs["amount"]
            # The sentence may give its own basis: "... £117,000 a year at 37.5 hours a week"
            # (52 such weeks, or 50: a year less two weeks off).
            basis = [hours]
            week = _HOURS_A_WEEK.search(c.sentence) if "week" in c.sentence else None
            if week is not None:
                basis = [round(float(week.group(1)) * weeks) for weeks in (52, 50)]
            if any(abs(c.attrs["amount"] * h - annual) / annual <= 0.01 for h in basis):
                continue
            used = basis[0]
            implied = c.attrs["amount"] * used
            sign = CURRENCY_SIGNS.get(c.attrs["currency"], "$")
            yield ctx.diagnostic(
                self, _span(ctx, sorted([partner, c], key=lambda x: (x.line, x.start))),
                f"hourly and annual figures disagree: {_money(c)}/hour x {used:,} hours = {sign}{implied:,.0f}, "
                f"not {_money(partner)} (that would be {sign}{annual / used:,.2f}/hour)",
                data={"hours_per_year": used, "claims": [_claim_data(partner, amount=annual, period="year"),
                                                          _claim_data(c, amount=c.attrs["amount"], period="hour")]})


# A working week the sentence states ("at 37.5 hours a week", "on a 37.5-hour week").
_HOURS_A_WEEK = re.compile(r"\b(\d{2}(?:\.\d)?)[- ]hours?(?:(?: a| per|/)\s*|[- ](?:working[- ])?)week\b", re.I)


# Between an hourly figure and the annual one that restates it: "$95/hr, or $250,000", "$110 an hour ($228,800)",
# "$150 an hour, which works out to roughly $312,000 a year".
_RESTATED_AS = re.compile(r"[^$£€\d]{0,12}?(?:,\s*|\s)(?:or|about|roughly|approximately|around|i\.e\.|that is|"
                          r"which is|equal to|equivalent to|the equivalent of|(?:which\s+|that\s+)?(?:works?\s+out\s+(?:to|at)|"
                          r"comes?\s+(?:out\s+)?to|translates?\s+(?:in)?to|amounts?\s+to))\s+(?:about\s+|roughly\s+)?$|"
                          r"[^$£€\d]{0,12}?\(\s*(?:about\s+|roughly\s+|approximately\s+)?$|"
                          # Further on, only a clause that says it restates: "$120 an hour is typical,
                          # which works out to roughly $150,000 a year".
                          r"[^$£€\d.;]{0,40}?,?\s+(?:which|that)\s+(?:works?\s+out\s+(?:to|at)|comes?\s+(?:out\s+)?to|"
                          r"translates?\s+(?:in)?to|amounts?\s+to|is\s+(?:equal|equivalent)\s+to)\s+"
                          r"(?:about\s+|roughly\s+|approximately\s+|around\s+)?$", re.I)


_STAT_WORDS = {"median": "median", "average": "average", "starting": "starting", "top": "top", "bottom": "bottom"}


def _stat_label(c: Claim) -> str:
    s = c.attrs["statistic"]
    if s in ("top", "bottom") and c.attrs["percentile"]:
        return f"{s} {c.attrs['percentile']}%"
    return s


def _pop_label(pop: tuple) -> str:
    country, city, size = pop
    bits = [b for b in (city.title() if city else None, country, f"{size} companies" if size else None) if b]
    return ", ".join(bits)


@rule
class ConflictingSalaryFigures(Rule):
    """Two different values for the same salary statistic and population.

    ## What it does
    Compares salary figures that name a statistic (median, average, top 10%, starting)
    for the same population (country, city, company size, or a salary table's row) and the
    same pay (base salary, or total compensation with bonus and equity): annualised, they
    must agree within 2%. The US and the UK, startups and large companies are different
    populations; a product manager's median is not a CPO's. Figures credited to two named
    sources ("$255,000, according to Glassdoor, while Salary.com puts it at $285,000") are the
    sources' difference, which the article reports, not a contradiction.

    ## Why is this bad?
    "The median CPO salary is $180,000" and, later, "$230,000" cannot both be the median.

    ## Example
    `The median salary is $180,000.` … `CPOs earn a median of $230,000 a year.`
    Use instead: one figure, with its source and year.
    """

    code = "C003"
    name = "conflicting-salary-figures"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        hours = _hours_per_year(ctx)
        groups: dict[tuple, list[Claim]] = {}
        figures = [c for c in claims(ctx) if c.kind == "salary"]
        for k, c in enumerate(figures):
            if c.attrs["statistic"] is None or c.attrs["range"]:
                continue
            if _restates(figures, k):
                continue  # "($105.77/hour)" restates the annual figure before it (C002 checks it)
            # Figures credited to two named sources ("$255,000, according to Glassdoor, while
            # Salary.com puts it at $285,000") are the sources' difference, not the article's.
            key = (_article_group(c), c.attrs["statistic"], c.attrs["percentile"], c.attrs["population"],
                   c.attrs["currency"], _salary_role(c), c.attrs.get("component"), c.attrs.get("source"))
            groups.setdefault(key, []).append(c)
        for key, group in groups.items():
            values = [_annual(c, hours) for c in group]
            if max(values) <= min(values) * 1.02:
                continue
            label = _stat_label(group[0])
            yield ctx.diagnostic(
                self, _span(ctx, group),
                f"two different {label} salaries for {_pop_label(key[3])}: " + " vs ".join(_quote(c) for c in group),
                data={"statistic": label, "population": _pop_label(key[3]),
                      "claims": [_claim_data(c, amount=c.attrs["amount"], period=c.attrs["period"]) for c in group]})


def _restates(figures: list[Claim], k: int) -> bool:
    c = figures[k]
    prev = figures[k - 1] if k > 0 else None
    return c.attrs["period"] != "year" and prev is not None and prev.sentence == c.sentence \
        and prev.block is c.block and prev.attrs["period"] == "year"


def _salary_role(c: Claim) -> str:
    return c.attrs.get("role", "self")


@rule
class PercentileBelowMedian(Rule):
    """A top-percentile salary at or below the median (or a bottom percentile at or above it).

    ## What it does
    For one population, checks that "top 10%" (or "90th percentile") pay is above the
    median, and "bottom 10%" pay below it.

    ## Why is this bad?
    It is arithmetically impossible: one of the figures is a typo or from another source.

    ## Example
    `Median: $220,000` … `Top 10%: $190,000`.
    Use instead: check both figures against the source.
    """

    code = "C004"
    name = "percentile-below-median"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        hours = _hours_per_year(ctx)
        figures = [c for c in claims(ctx) if c.kind == "salary" and not c.attrs["range"]]
        # An hourly figure that restates the annual one before it is the same claim (C002 checks it).
        figures = [c for k, c in enumerate(figures) if not _restates(figures, k)]
        medians: dict[tuple, list[Claim]] = {}

        def key(c: Claim) -> tuple:  # one population's one kind of pay (base or total)
            return _article_group(c), c.attrs["population"], _salary_role(c), c.attrs.get("component")

        for c in figures:
            if c.attrs["statistic"] == "median":
                medians.setdefault(key(c), []).append(c)
        for c in figures:
            if c.attrs["statistic"] not in ("top", "bottom"):
                continue
            for m in medians.get(key(c), []):
                top, mid = _annual(c, hours), _annual(m, hours)
                wrong = top <= mid if c.attrs["statistic"] == "top" else top >= mid
                if not wrong:
                    continue
                word = "at or below" if c.attrs["statistic"] == "top" else "at or above"
                yield ctx.diagnostic(
                    self, _span(ctx, sorted([m, c], key=lambda x: (x.line, x.start))),
                    f"{_stat_label(c)} pay {_quote(c)} is {word} the median {_quote(m)}",
                    data={"claims": [_claim_data(m, amount=m.attrs["amount"], statistic="median"),
                                     _claim_data(c, amount=c.attrs["amount"], statistic=_stat_label(c))]})


@rule
class InvertedRange(Rule):
    """A range whose low end is above its high end.

    ## What it does
    Flags salary ranges ("$300,000 to $200,000") and experience ranges ("between 12 and 8
    years") written backwards.

    ## Why is this bad?
    Readers cannot tell which end is the typo, and scrapers that read the range get it wrong.

    ## Example
    `between $320,000 and $240,000 a year`
    Use instead: `between $240,000 and $320,000 a year`.
    """

    code = "C005"
    name = "inverted-range"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        found = claims(ctx)
        for c, high in _salary_ranges([c for c in found if c.kind == "salary"]):
            if c.attrs["amount"] > high.attrs["amount"]:
                yield ctx.diagnostic(self, _span(ctx, [c, high]),
                                     f"salary range runs backwards: {_quote(c)} is above {_quote(high)}",
                                     data={"claims": [_claim_data(c, amount=c.attrs["amount"], end="low"),
                                                      _claim_data(high, amount=high.attrs["amount"], end="high")]})
        for c in found:
            if c.kind == "experience" and c.attrs["bound"] == "range" and c.attrs["min"] > c.attrs["max"]:
                yield ctx.diagnostic(self, _span(ctx, [c]),
                                     f"experience range runs backwards: {_quote(c)}",
                                     data={"claims": [_claim_data(c, low=c.attrs["min"], high=c.attrs["max"])]})


@rule
class MedianOutsideRange(Rule):
    """A median salary outside the range the article gives for the same pay.

    ## What it does
    For one population's one kind of pay (base, or total compensation), checks that a median
    lies inside a salary range given without a statistic of its own ("CFO pay runs from
    $250K to $400K in base salary"), annualised, with 2% to spare. A range of starting or
    top pay ("top CFOs earn $500K to $1M") says nothing about the median, and a range whose
    ends name other populations ("from $150,000 at startups to $300,000 at public
    companies") is two figures, not one population's range; a group named only in the next
    clause ("most earn $63,000 to $88,000; the top tenth earns more") does not narrow the
    range. The same median said again is reported once. In a table whose header row names
    pay ("Country | Median salary | Range"), each row's median is checked against its range.

    ## Why is this bad?
    The middle of a distribution cannot lie outside its usual range: one of the figures is a
    typo, or the two come from different sources or years.

    ## Example
    `CFO pay runs from $250K to $400K in base salary.` … `The median CFO makes $450,000 in base pay.`
    Use instead: check both against one source, and say when they differ.
    """

    code = "C012"
    name = "median-outside-range"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        hours = _hours_per_year(ctx)
        found = [c for c in claims(ctx) if c.kind == "salary"]

        def key(c: Claim) -> tuple:  # one population's one kind of pay, in one currency
            return (_article_group(c), c.attrs["population"], _salary_role(c), c.attrs.get("component"),
                    c.attrs["currency"])

        ranges: dict[tuple, list[tuple[Claim, Claim]]] = {}
        for low, high in _salary_ranges(found):
            if low.attrs["statistic"] is None and high.attrs["statistic"] is None \
                    and key(low) == key(high) and low.attrs["amount"] <= high.attrs["amount"] \
                    and not _EXTRA_PAY.search(low.block.text, max(0, low.start - 50), low.start) \
                    and (_PAY_WORD.search(low.sentence) or _pay_table(low)) and not _narrowed(low, high):
                ranges.setdefault(key(low), []).append((low, high))
        if not ranges:
            return
        told = set()  # (median, range): the same median said again is told once
        for m in found:
            if m.attrs["statistic"] != "median" or m.attrs["range"]:
                continue
            value = _annual(m, hours)
            for low, high in ranges.get(key(m), []):
                lo, hi = _annual(low, hours), _annual(high, hours)
                if lo / 1.02 <= value <= hi * 1.02 or (value, id(low)) in told:
                    continue
                told.add((value, id(low)))
                where = "above" if value > hi else "below"
                yield ctx.diagnostic(
                    self, _span(ctx, sorted([low, high, m], key=lambda x: (x.line, x.start))),
                    f"the median {_quote(m)} is {where} the range {_quote(low)} to {_quote(high)}",
                    data={"claims": [_claim_data(low, amount=low.attrs["amount"], end="low"),
                                     _claim_data(high, amount=high.attrs["amount"], end="high"),
                                     _claim_data(m, amount=m.attrs["amount"], statistic="median")]})


# Words before a range that make it an amount on top of the salary ("bonuses add $30,000 to
# $60,000", "equity worth $100K-$300K"), not the salary's range.
_EXTRA_PAY = re.compile(r"\b(?:bonus(?:es)?|equity|stock|shares|options|RSUs?|commissions?|signing|sign-on|stipends?|"
                        r"allowances?|raises?|increases?|premiums?|add(?:s|ing)?|extra|on top)\b", re.I)


# A range is the role's pay when its sentence says so ("CFO pay runs from ...", "salaries
# range from ..."), and no narrower group's when it names none: top or senior earners, new
# hires, one kind of company.
_PAY_WORD = re.compile(r"\b(?:salar(?:y|ies)|pay|paid|earn(?:s|ing)?|compensation|makes?|income|wages?)\b", re.I)
_NARROWED = re.compile(r"\b(?:top(?!s?\s+out\b)|highest|best[- ]paid|leading|elite|senior|junior|entry|starting|new|first[- ]year|"
                       r"freshers?|graduates?|"
                       r"experienced|veteran|lowest|bottom|small(?:er)?|large(?:r)?|big(?:ger)?|start-?ups?|"
                       r"enterprises?|public|private|early[- ]stage|late[- ]stage|fortune)\b", re.I)


# Where one clause of a sentence ends and another begins: a group named in the next clause
# ("Most earn between $63,000 and $88,000; the top tenth earns ...") does not narrow the range.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s|\s[—–]\s")


def _narrowed(low: Claim, high: Claim) -> bool:
    """Whether the range's own clause names a narrower group than the role's earners."""
    sentence = low.sentence
    if sentence != high.sentence or low.block.kind == TABLE:  # (a table row's figures are read cell by cell)
        return _NARROWED.search(sentence) is not None
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, low.attrs["start"]):
        start = m.end()
    after = _CLAUSE_BREAK.search(sentence, high.attrs["end"])
    return _NARROWED.search(sentence, start, after.start() if after else len(sentence)) is not None


def _pay_table(claim: Claim) -> bool:
    """A table row's figure under a header row that says it is pay ("Median salary | Range")."""
    return claim.block.kind == TABLE and _PAY_WORD.search(claim.block.text.split("\n", 1)[0]) is not None


def _content_after(ctx) -> tuple[list, dict[int, int]]:
    """The article's blocks with text or images, and each one's position among them (once per document)."""
    doc = ctx.doc
    found = doc.analyses.get("count_content")
    if found is None:
        from cpolint.analysis.boilerplate import kept_blocks

        content = [b for b in kept_blocks(doc) if b.text.strip() or b.images]
        found = doc.analyses["count_content"] = (content, {id(b): k for k, b in enumerate(content)})
    return found


def _next_content(ctx, block):
    content, position = _content_after(ctx)
    pos = position.get(id(block))
    return content[pos + 1] if pos is not None and pos + 1 < len(content) else None


_BONUS = re.compile(r"\W*(?:bonus|extra|one more|plus one)\b", re.I)


def _following_items(ctx, block) -> tuple[str, list] | None:
    """What a count announcement in `block` is followed by: list items, sub-headings or labels."""
    doc = ctx.doc
    content, position = _content_after(ctx)
    pos = position.get(id(block))
    if pos is None:
        return None
    nxt = content[pos + 1] if pos + 1 < len(content) else None
    if nxt is None:
        return None
    if nxt.kind == LIST_ITEM:
        items = [b for b in content[pos + 1:] if b.kind == LIST_ITEM and b.list_id == nxt.list_id
                 and b.level == nxt.level]
        if len(items) > 1 and _BONUS.match(items[-1].text):
            items.pop()  # "Bonus: what does the board expect?" is one more than the count, on purpose
        return "list items", items
    if block.kind == HEADING and nxt.kind == PARAGRAPH and not nxt.label:
        # "7 Skills Every CMO Needs" over an introduction, then its numbered sections, or a
        # list right under the introduction (one or two paragraphs) when there are none.
        after = next((k for k in range(pos + 1, len(content)) if content[k].kind == HEADING), None)
        run = _numbered_run(content, after) if after is not None else []
        if run and run[0].level > block.level:
            return "numbered sections", run
        k = pos + 2
        if k < len(content) and content[k].kind == PARAGRAPH and not content[k].label:
            k += 1
        if k < len(content) and content[k].kind == LIST_ITEM and (after is None or k < after):
            first = content[k]
            items = [b for b in content[k:] if b.kind == LIST_ITEM and b.list_id == first.list_id and b.level == first.level]
            if len(items) >= 3:
                if _BONUS.match(items[-1].text):
                    items.pop()
                return "list items", items
        return None
    if nxt.kind == PARAGRAPH and nxt.label:
        labels = []
        for b in content[pos + 1:]:
            if b.kind == PARAGRAPH and b.label:
                labels.append(b)
            elif b.kind == PARAGRAPH and labels and not b.label:
                continue
            else:
                break
        return "labelled paragraphs", labels
    if nxt.kind == HEADING:
        section = doc.section_of(block)
        if section.heading is None:
            # The introduction of an article without a title heading: its numbered sections.
            run = _numbered_run(content, pos + 1)
            return ("numbered sections", run) if run else None
        if nxt.level <= section.level:
            return None
        run = _numbered_run(content, pos + 1)
        if run:
            return "numbered sections", run  # ("Final thoughts" after them is no item)
        children = list(section.children)
        if doc.format == "text":
            children += _extra_plain_siblings(ctx, section)
        headings = [c.heading for c in children]
        if len(headings) > 1 and _BONUS.match(headings[-1].text):
            headings.pop()  # "Bonus tip: ..." after the counted ones
        return "sub-headings", headings
    return None


_NUMBERED = re.compile(r"(\d{1,2})[.):]\s")


def _numbered_run(content: list, pos: int) -> list:
    """The headings numbered 1, 2, 3 ... at one level from content[pos] on ("1. Brand
    judgement", "2. Data fluency"), up to the first that breaks the run ("Final thoughts");
    empty unless content[pos] is heading number 1."""
    first = content[pos]
    m = _NUMBERED.match(first.text) if first.kind == HEADING else None
    if m is None or m.group(1) != "1":
        return []
    run = [first]
    for b in content[pos + 1:]:
        if b.kind != HEADING or b.level > first.level:
            continue
        m = _NUMBERED.match(b.text) if b.level == first.level else None
        if m is None or int(m.group(1)) != len(run) + 1:
            break
        run.append(b)
    return run


def _extra_plain_siblings(ctx, section) -> list:
    """Plain text only: headings right after the announced ones that look like more items."""
    from cpolint.document.shapes import FAQ, TEMPLATE

    parent = section.parent
    if parent is None or ctx.schema is None:
        return []
    siblings = parent.children
    out = []
    for s in siblings[siblings.index(section) + 1:]:
        h = s.heading.text
        if ctx.schema.heading_sections(h) or ctx.schema.role_pattern.search(h) or FAQ.match(h) or TEMPLATE.search(h) \
                or re.match(r"^(conclusion|summary|final thoughts|related|how |what |why )", h, re.I) or s.children:
            break
        out.append(s)
    return out


@rule
class CountMismatch(Rule):
    """A stated count that the list or sub-headings after it do not match.

    ## What it does
    Reads announcements ("Here are three trends", "five key skills:", "the following 4
    steps") at the end of an introduction, and headings that open with a count ("Top 5 CMO
    Skills", "Seven Habits of Great CPOs"), and counts what follows them: the list items, the
    sub-headings, or the labelled paragraphs ("Technical skills: ..."). A listicle whose title
    is in front matter ("7 Skills Every CMO Needs") is read against its numbered sections
    ("1. Brand judgement", "2. Data fluency" ...), as is its introduction's count.

    ## Why is this bad?
    "Three trends" followed by four (or two) tells the reader an item was added or cut
    without an edit to the introduction.

    ## Example
    `Here are five skills every CPO needs:` followed by four bullets.
    Use instead: fix the number or the list.
    """

    code = "C006"
    name = "count-mismatch"
    category = "contradiction"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.doc
        from cpolint.analysis.boilerplate import is_boilerplate

        yield from self._front_matter_title(ctx)
        for block in doc.blocks:
            if block.kind == HEADING and not is_boilerplate(doc, block):
                yield from self._heading(ctx, block)
                continue
            if block.kind not in (PARAGRAPH, LIST_ITEM) or is_boilerplate(doc, block):
                continue
            nxt = _next_content(ctx, block)
            if nxt is None or nxt.kind not in (LIST_ITEM, PARAGRAPH, HEADING) or (nxt.kind == PARAGRAPH and not nxt.label):
                continue  # nothing countable follows (what _following_items needs, tested first)
            sents = doc.sentences_of(block)
            for k, sent in enumerate(sents):
                last = k == len(sents) - 1
                cue = _ANNOUNCE_CUE.match(sent.text)
                if not (last or cue or sent.text.rstrip().endswith(":")):
                    continue
                found = count_announcement(sent.text)
                if found is None:
                    continue
                diagnostic = self._mismatch(ctx, block, sent.start, sent.text, found, 1)
                if diagnostic is not None:
                    yield diagnostic
                    break

    def _heading(self, ctx, block):
        """A heading that opens with its count ("Top 5 CMO Skills"), against what follows it
        (one item under "10 Tips" is not the list it counts)."""
        found = heading_count(block.text) if block.text[:1].isalnum() else None
        diagnostic = self._mismatch(ctx, block, 0, block.text, found, 2) if found is not None else None
        if diagnostic is not None:
            yield diagnostic

    def _front_matter_title(self, ctx):
        """A front-matter title that counts ("7 Skills Every CMO Needs") over an article
        without a title heading, against its numbered sections."""
        doc = ctx.doc
        fm = doc.front_matter
        title = fm.get("title") if isinstance(fm, dict) else None
        found = heading_count(title) if isinstance(title, str) else None
        if found is None or any(b.kind == HEADING and b.level == 1 for b in doc.blocks):
            return
        content, _ = _content_after(ctx)
        first = next((k for k, b in enumerate(content) if b.kind == HEADING), None)
        run = _numbered_run(content, first) if first is not None else []
        if len(run) < 2 or len(run) == found[0]:
            return
        line = next((n for n in range(1, doc.line_count + 1) if _title_key(doc.line_text(n))), 1)
        words = title[found[2]:found[3]]
        yield ctx.at_line(self, line, f"the title's '{words}' but {len(run)} numbered sections follow "
                                      f"(lines {run[0].line}-{run[-1].line})",
                          data={"stated": found[0], "found": len(run), "items": "numbered sections",
                                "claims": [{"line": line, "text": words}] +
                                          [{"line": b.line, "text": b.text[:80]} for b in run]})

    def _mismatch(self, ctx, block, shift: int, text: str, found: tuple, least: int):
        """The diagnostic for a count (n, noun, start, end in `text`, which starts at `shift` in
        the block) that the items after `block` do not match, or None."""
        n, _, start, end = found
        following = _following_items(ctx, block)
        if following is None:
            return None
        what, items = following
        if len(items) < least or len(items) == n:
            return None
        words = text[start:end]
        return ctx.at_text(
            self, block, shift + start, shift + end,
            f"'{words}' but {len(items)} {what} follow (lines {items[0].line}-{items[-1].end_line})",
            data={"stated": n, "found": len(items), "items": what,
                  "claims": [{"line": block.line, "text": words}] +
                            [{"line": b.line, "text": b.text[:80]} for b in items]})


def _title_key(line: str) -> bool:
    """YAML's "title:" or TOML's "title =" line."""
    rest = line.lstrip()
    return rest.startswith("title") and rest[5:].lstrip()[:1] in (":", "=")


_ANNOUNCE_CUE = re.compile(r"^\s*(here\s+are|the\s+following|these|below\s+are|there\s+are)\b", re.I)


def _norm_boss(name: str) -> str:
    from cpolint.analysis.claims import _BOSSES

    for key, pattern in _BOSSES:
        if pattern.fullmatch(name.strip()) or pattern.search(name.strip()):
            return key
    return name.strip().lower()


@rule
class ConflictingReportingLine(Rule):
    """Two different reporting lines for the role.

    ## What it does
    Compares every "reports (directly) to ...", "answers to ...", "sits under ...", "rolls up
    to ...", "is managed by ..." and "works (directly) for the <chief>" said of the role. A claim lists all the
    bosses it allows ("reports to the CEO or, in startups, to the founder" allows both);
    two claims conflict when they allow no boss in common. A claim limited to some
    companies ("at seed stage, the CPO reports to the founder") is compared only with
    claims about the same kind of company, never with the general rule.

    ## Why is this bad?
    Where a role sits is a basic fact about it; two answers undermine the whole article.

    ## Example
    `The CPO reports directly to the CEO.` … `The CPO reports to the CTO.`
    Use instead: one reporting line, with the exceptions said as such.
    """

    code = "C007"
    name = "conflicting-reporting-line"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        lines = [c for c in claims(ctx) if c.kind == "reports-to" and c.context != "template"]
        reported = set()
        for i, a in enumerate(lines):
            for b in lines[i + 1:]:
                if set(a.attrs["options"]) & set(b.attrs["options"]):
                    continue
                # "In startups, the CPO reports to the founder" does not contradict the general
                # rule; only claims about the same kind of company are compared.
                if a.attrs["condition"] != b.attrs["condition"] or a.attrs["condition"] == "conditional":
                    continue
                key = (a.start, a.block.index, b.start, b.block.index)
                if key in reported:
                    continue
                reported.add(key)
                yield ctx.diagnostic(
                    self, _span(ctx, [a, b]),
                    f"two reporting lines: {_quote(a)} vs {_quote(b)}",
                    data={"claims": [_claim_data(a, reports_to=a.attrs["options"]),
                                     _claim_data(b, reports_to=b.attrs["options"])]})


@rule
class ConflictingDegreeRequirement(Rule):
    """A degree stated as required and as not required.

    ## What it does
    Compares what the article says about degrees: required ("employers require a
    bachelor's degree"), preferred, or not required ("a degree is not required"). A
    degree required in one place and not required in another conflicts; "a degree is not
    required" covers a bachelor's too. An MBA that is preferred or not required does not
    conflict with a required bachelor's, and a degree required by one kind of employer and
    waived by another ("essential at large enterprises", "optional at startups") is no
    conflict; the general rule against either is. A lower degree said to be enough for the
    role ("a bachelor's degree is enough to practice") where a higher one is required
    conflicts too; one that "was once enough", "is not enough", or is enough for another or
    narrower job ("to start as an assistant", "for entry-level posts") does not.

    ## Why is this bad?
    Candidates decide whether to apply on this; the article must say one thing.

    ## Example
    `Most employers require a bachelor's degree.` … `You don't need a degree to become a CPO.`
    """

    code = "C008"
    name = "conflicting-degree-requirement"
    category = "contradiction"
    severity = "error"

    def check(self, ctx):
        degrees = [c for c in claims(ctx) if c.kind == "degree" and c.context != "template"]
        required = [c for c in degrees if c.attrs["status"] == "required"]
        waived = [c for c in degrees if c.attrs["status"] == "not-required"]
        enough = [c for c in degrees if c.attrs["status"] == "sufficient" and c.attrs["condition"] == "general"]
        for r in required:
            # A sentence that waives the degree twice ("... without a master's, so the degree is
            # not required") says it once: one finding, naming its words for this degree first.
            by_sentence: dict[tuple, list] = {}
            for n in waived:
                kinds = {n.attrs["condition"], r.attrs["condition"]}
                if len(kinds) == 2 and not kinds & {"general", "conditional"}:
                    continue  # "essential at large enterprises" and "optional at startups": two kinds of employer
                if n.attrs["degree"] == "any" or n.attrs["degree"] == r.attrs["degree"] \
                        or (r.attrs["degree"] == "any" and n.attrs["degree"] == "bachelor"):
                    by_sentence.setdefault((id(n.block), n.sentence), []).append(n)
            for group in by_sentence.values():
                n = next((x for x in group if x.attrs["degree"] == r.attrs["degree"]), group[0])
                pair = sorted([r, n], key=lambda c: (c.line, c.start))
                yield ctx.diagnostic(
                    self, _span(ctx, pair),
                    f"a degree is both required and not required: {_quote(r)} (required) vs {_quote(n)} (not required)",
                    data={"claims": [_claim_data(r, status="required", degree=r.attrs["degree"]),
                                     _claim_data(n, status="not required", degree=n.attrs["degree"])]})
        for n in enough:
            # "new therapists need a master's degree" ... "a bachelor's degree is enough to practice":
            # one finding for the lower degree, with the first requirement above it.
            r = next((r for r in required if r.attrs["condition"] == "general"
                      and _DEGREE_RANK[n.attrs["degree"]] < _DEGREE_RANK[r.attrs["degree"]]), None)
            if r is not None:
                pair = sorted([r, n], key=lambda c: (c.line, c.start))
                yield ctx.diagnostic(
                    self, _span(ctx, pair),
                    f"a lower degree is said to be enough where a higher one is required: {_quote(r)} "
                    f"(required) vs {_quote(n)} (enough)",
                    data={"claims": [_claim_data(r, status="required", degree=r.attrs["degree"]),
                                     _claim_data(n, status="sufficient", degree=n.attrs["degree"])]})


# Degrees by level, for "a lower one is enough": "a degree" named as enough is a bachelor's, and
# a master's and an MBA are one level (neither is enough where the other is required: both equal).
_DEGREE_RANK = {"any": 1, "bachelor": 1, "master": 2, "mba": 2, "phd": 3}


@rule
class ImplausibleExperience(Rule):
    """A minimum experience for the role outside the schema's plausible range.

    ## What it does
    Checks required minimums of experience for the role itself against the schema's
    `facts: experience-years` range (3 to 25 years for a CPO): those that name no field, or
    the role's own (product for a CPO, engineering for a CTO, marketing for a CMO).

    ## Why is this bad?
    "A minimum of 40 years" is a typo or a misread source; it misleads candidates.

    ## Example
    `CPO roles require at least 40 years of product experience.`
    """

    code = "C009"
    name = "implausible-experience"
    category = "contradiction"
    severity = "warning"

    def check(self, ctx):
        if ctx.schema is None or "experience-years" not in ctx.schema.facts:
            return
        lo = ctx.schema.facts["experience-years"].get("min", 0)
        hi = ctx.schema.facts["experience-years"].get("max", 100)
        field = scope_of(ctx.schema.role)  # the role's own field: product, engineering, marketing
        for c in claims(ctx):
            if c.kind != "experience" or c.attrs["role"] != "self" or c.context == "template" \
                    or c.attrs["min"] is None or c.attrs["hedge"] in ("typical", "some") or c.attrs["part"]:
                continue  # (a part: "at least seven years, including two managing others")
            if c.attrs["scope"] is not None and c.attrs["scope"] != field:
                continue  # "five years in a leadership role" is one part of the path
            value = c.attrs["min"]
            if lo <= value <= hi:
                continue
            yield ctx.diagnostic(
                self, _span(ctx, [c]),
                f"{_quote(c)} is outside the plausible range for a {ctx.schema.role} "
                f"({lo:g}-{hi:g} years, from the {ctx.schema.name} schema)",
                data={"range": [lo, hi], "claims": [_claim_data(c, years=value)]})


@rule
class ImplausibleSalary(Rule):
    """A typical salary for the role outside the schema's plausible range.

    ## What it does
    Checks median and average US salaries stated for the role against the schema's
    `facts: salary` range (annual, or hourly at the schema's hours per year).

    ## Why is this bad?
    "A CPO median salary of $22,000" is a dropped digit; readers and search snippets repeat it.

    ## Example
    `The median chief product officer salary is $22,000 a year.`
    """

    code = "C010"
    name = "implausible-salary"
    category = "contradiction"
    severity = "warning"

    def check(self, ctx):
        if ctx.schema is None or "salary" not in ctx.schema.facts:
            return
        facts = ctx.schema.facts["salary"]
        annual = facts.get("annual")
        if not annual:
            return
        hours = facts.get("hours-per-year", 2080)
        for c in claims(ctx):
            if c.kind != "salary" or c.context == "template" or c.attrs["statistic"] not in ("median", "average"):
                continue
            if c.attrs["currency"] != facts.get("currency", "USD") or c.attrs["population"][0] != "US" \
                    or _salary_role(c) != "self":
                continue
            value = _annual(c, hours)
            if annual.get("min", 0) <= value <= annual.get("max", float("inf")):
                continue
            yield ctx.diagnostic(
                self, _span(ctx, [c]),
                f"{c.attrs['statistic']} salary {_quote(c)} (${value:,.0f} a year) is outside the plausible range "
                f"for a {ctx.schema.role} (${annual.get('min', 0):,.0f}-${annual.get('max', 0):,.0f})",
                data={"range": [annual.get("min"), annual.get("max")],
                      "claims": [_claim_data(c, amount=c.attrs["amount"], annual=value)]})


@rule
class ReportingLineAgainstSchema(Rule):
    """A reporting line the schema says is wrong for the role.

    ## What it does
    Checks each "reports to ..." said of the role against the schema's `facts`: a claim
    whose every boss is in `wrong-reports-to` (a CPO reporting to the CTO) is reported.

    ## Why is this bad?
    It misdescribes the role's seniority to readers weighing a career move.

    ## Example
    `The CPO reports to the VP of Product.`
    """

    code = "C011"
    name = "reporting-line-against-schema"
    category = "contradiction"
    severity = "warning"

    def check(self, ctx):
        if ctx.schema is None:
            return
        wrong = {_norm_boss(n) for n in ctx.schema.facts.get("wrong-reports-to", [])}
        right = {_norm_boss(n) for n in ctx.schema.facts.get("reports-to", [])}
        for c in claims(ctx):
            if c.kind != "reports-to" or c.context == "template":
                continue
            options = set(c.attrs["options"])
            if options and options <= wrong and not options & right:
                yield ctx.diagnostic(
                    self, _span(ctx, [c]),
                    f"{_quote(c)}: the {ctx.schema.name} schema says a {ctx.schema.role} reports to "
                    f"{' or '.join(sorted(right))}",
                    data={"expected": sorted(right), "claims": [_claim_data(c, reports_to=c.attrs["options"])]})
