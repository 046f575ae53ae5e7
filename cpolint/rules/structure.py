"""Structure: the article against its role schema (missing, empty, duplicated, promised sections)."""

from __future__ import annotations

import re

from cpolint.analysis.boilerplate import is_boilerplate, kept_blocks
from cpolint.analysis.sections import coverage, covered, focus_of, is_not_a_guide
from cpolint.document.model import HEADING, PARAGRAPH, PROSE_KINDS, Block, Sentence
from cpolint.document.shapes import is_title_case
from cpolint.fastre import started
from cpolint.registry import Rule, rule

# The bare `block: Block` / `sent: Sentence` lines type loop variables when compiled: see hatch_build.py.

_LEVEL_RULE = {"required": "S001", "recommended": "S002", "optional": "S003"}


def _anchor(ctx):
    """Where an article-level finding points: the first line of the article's own text."""
    block: Block
    for block in ctx.doc.blocks:
        if block.kind in PROSE_KINDS and not is_boilerplate(ctx.doc, block):
            return block
    return None


class _MissingSection(Rule):
    level = "required"

    def check(self, ctx):
        schema = ctx.schema
        if schema is None:
            return
        anchor = _anchor(ctx)
        if anchor is None:
            return  # an empty article is S009's finding
        if is_not_a_guide(ctx.doc, schema):
            return  # an interview, a Q&A or a news story is no role guide: none of its sections is missing
        focus = focus_of(ctx.doc, schema)
        for spec in schema.sections:
            if spec.level != self.level or covered(ctx.doc, schema, spec.id):
                continue
            if focus is not None and spec.id not in (focus, "overview"):
                continue  # a salary guide, a skills listicle: judged on what it is about
            line = anchor.line
            yield ctx.at_line(
                self, line,
                f"missing {spec.level} section '{spec.id}' ({spec.title}): readers miss {spec.reader_misses}",
                data={"section": spec.id, "level": spec.level, "schema": schema.name})


@rule
class MissingRequiredSection(_MissingSection):
    """A section the role schema requires is not covered anywhere in the article.

    ## What it does
    Checks the article against its role schema (`cpolint schema show cpo`): each required
    section (overview, responsibilities, skills, qualifications, salary for a Chief Product
    Officer) must be covered by a heading that names it, a lead-in label, or a paragraph
    clearly about it. Compound headings count for several sections ("Salary & Outlook").
    `data.section` is the schema id of the missing section. An interview or Q&A with someone
    in the role, or an article about interviewing for it ("Q&A: How Maya Chen Became CPO",
    "12 CPO Interview Questions", front matter `type: interview`), is no role guide: no
    section is missing from it (S001 to S003). A title that names two sections or more
    ("CPO: Salary, Skills and Interview Questions") is a guide. Nor is a news story about the
    role: front matter `type: news`, or no section heading under the title and people quoted
    ("..., said Priya Raman") in four sentences, or in two after a dateline ("LONDON —"); nor a
    first-person essay (no section heading, a quarter of its sentences in the writer's "I"); nor a
    job posting (three of an employer's headings: "About us", "What you'll do", "Benefits" ...,
    under a title that names no guide: "... Job Description Template" is one). A focused
    article, whose title names one section ("CPO Salary 2026", "7 Skills Every CMO Needs")
    and whose own headings cover at most one other, is judged on that section and the
    overview only (not for titles of duties or the career path, which title whole guides).

    ## Why is this bad?
    Readers come to a career article with a fixed set of questions: what the job is, what
    it pays, what it takes. An article that skips one sends them to a competitor, and search
    engines rank the more complete page higher.

    ## Example
    A Chief Product Officer article with duties, skills and a career path but not a word
    about pay is reported as missing `salary`.
    Use instead: add a section such as "Chief Product Officer Salary" with figures and sources.
    """

    code = "S001"
    name = "missing-required-section"
    category = "structure"
    severity = "error"
    level = "required"


@rule
class MissingRecommendedSection(_MissingSection):
    """A section the role schema recommends is not covered.

    ## What it does
    Like S001, for the schema's recommended sections (career path and job outlook for a
    Chief Product Officer).

    ## Why is this bad?
    These sections are what make a career article useful to someone planning a move; most
    strong articles on the role have them.

    ## Example
    An article that never says how people become a CPO is reported as missing `career-path`.
    Use instead: add a "How to Become a Chief Product Officer" section.
    """

    code = "S002"
    name = "missing-recommended-section"
    category = "structure"
    severity = "warning"
    level = "recommended"


@rule
class MissingOptionalSection(_MissingSection):
    """A section the role schema lists as optional is not covered (off by default).

    ## What it does
    Like S001, for optional sections (work environment for a Chief Product Officer).
    Enable it with `--extend-select S003`.

    ## Why is this bad?
    It is not: optional sections are a checklist for teams that want complete articles.

    ## Example
    An article with no word on where or how a CPO works is reported as missing `work-environment`.
    """

    code = "S003"
    name = "missing-optional-section"
    category = "structure"
    severity = "info"
    default_enabled = False
    level = "optional"


@rule
class EmptySection(Rule):
    """A heading with nothing under it before the next heading of the same or a higher level.

    ## What it does
    Flags headings whose section (including its subsections) has no text at all.

    ## Why is this bad?
    An empty section is a promise broken in the table of contents: usually a draft heading
    left behind, or content lost in a CMS export.

    ## Example
    ```markdown
    ## Salary

    ## Skills
    Strong communication ...
    ```
    Use instead: write the salary section, or remove its heading.
    """

    code = "S004"
    name = "empty-section"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.doc
        for section in doc.sections.walk():
            heading = section.heading
            if heading is None:
                continue
            if any(b.text.strip() or b.images for b in section.body_blocks()):
                continue
            if doc.format == "text" and not (is_title_case(heading.text) or heading.text.endswith("?")):
                continue  # a short plain line may just be a one-line paragraph
            if heading.level == 1 and heading is doc.blocks[-1]:
                continue  # a lone title is an empty file's problem, not an empty section
            yield ctx.at_blocks(self, heading, f"section '{heading.text}' is empty: nothing under the heading",
                                data={"heading": heading.text})


# A heading asking what the role does: over a definition of the role, it is the overview.
_WHAT_IT_DOES = re.compile(r"\bwhat\b.*\bdo(?:es)?\b", re.I)


@rule
class DuplicateSection(Rule):
    """The same canonical section appears twice at the same level.

    ## What it does
    Flags a second heading that names the same schema section as an earlier one at the same
    heading level ("Responsibilities" twice, or "Job Duties" and "Responsibilities").
    Sub-topic headings ("Technical Skills" under "Skills"), FAQ questions and the parts of a
    job-description example are not duplicates, nor is "Key responsibilities" after a "What
    does a CFO do?" section when no heading names the overview (the question's section is
    then the article's account of the role, the list its duties).

    ## Why is this bad?
    Readers meet the same topic twice with different wording, often with facts that drift
    apart; it usually comes from merging two drafts.

    ## Example
    `## Chief Product Officer Duties` … `## Responsibilities of a CPO`
    Use instead: merge the two sections.
    """

    code = "S005"
    name = "duplicate-section"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        schema = ctx.schema
        if schema is None:
            return
        doc = ctx.doc
        seen: dict[tuple[str, int], object] = {}
        found = coverage(doc, schema)
        # "What does a CFO do?" names the overview or the duties. With no heading of its own for
        # the overview, the question's section is the article's account of the role, and a "Key
        # responsibilities" list after it no repeat; beside an "Overview" it is the duties.
        overview_headed = any(c.section == "overview" and c.via == "heading" and c.context is None for c in found)
        for cov in found:
            if cov.via != "heading" or not cov.strong or cov.context is not None:
                continue
            key = (cov.section, cov.level)
            first = seen.get(key)
            if first is None:
                seen[key] = cov
                continue
            # Not a duplicate when one heading sits inside the other's section.
            first_section = doc.section_of(first.block)
            this_section = doc.section_of(cov.block)
            if first_section in this_section.ancestors() or this_section in first_section.ancestors():
                continue
            if cov.section == "responsibilities" and not overview_headed and _WHAT_IT_DOES.search(first.text) \
                    and not _WHAT_IT_DOES.search(cov.text):
                seen[key] = cov
                continue
            yield ctx.at_blocks(
                self, cov.block,
                f"section '{cov.section}' appears again: '{cov.text}' repeats '{first.text}' (line {first.line})",
                data={"section": cov.section, "first_line": first.line, "first_heading": first.text})


_TRIGGER = started(
    r"\b(?:(?:we|i)(?:[’']ll| will| am going to| are going to| shall)?\s+(?:also\s+|then\s+|briefly\s+|finally\s+)?"
    r"(?:explore|cover|discuss|look at|examine|walk (?:you )?through|"
    r"explain|go over|break down|answer|outline|delve into)"
    r"|let(?:[’']s| us)\s+(?:dive(?:\s+deep)?(?:\s+into|\s+and\s+(?:understand|explore|learn|look at))?|explore|"
    r"look at|take a (?:closer )?look at|understand|discuss|break down|unpack)"
    r"|you(?:[’']ll| will)\s+(?:learn|find out|discover|see|read about|get)"
    r"|(?:below|here|inside),?\s+you(?:[’']ll| will)\s+find"  # (not "In most firms you'll find the CFO ...")
    r"|(?:this|the following|our)\s+(?:article|guide|post|piece|page)(?:\s+will)?\s+(?:provides?|covers?|explains?|"
    r"explores?|offers?|outlines?|discuss(?:es)?|looks? at|walks? (?:you )?through|describes?|breaks? down|unpacks?)"
    r"|here(?:[’']s| is) what (?:you(?:[’']ll)? need to know|we(?:[’']ll| will) cover)"
    r"|find out|read on (?:to (?:learn|find out|discover)|for)|in this (?:article|guide|post)\b)", re.I)
# Where the list of promised topics starts, after the trigger.
_LIST_START = started(
    r"\b(?:including|such as|understand|explore|cover|discuss|learn|find out|look at|examine|explain|"
    r"walk (?:you )?through|go over|break down|outline|describe|describes|covers|explains|discover)\b|:", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|;\s*|\s+and\s+|\s+as well as\s+|\s+or\s+", re.I)
_SKIP_WORDS = {"the", "a", "an", "its", "their", "our", "your", "his", "her", "key", "main", "common", "different",
               "various", "biggest", "most", "top", "typical", "some", "many", "all", "these", "those", "this",
               "that", "how", "what", "why", "who", "which", "also", "more", "much", "deep", "into", "the", "of",
               "then", "finally", "even", "just", "real", "important", "essential", "both", "other"}
_VAGUE = {"everything", "anything", "more", "all", "things", "role", "world", "way", "ways", "lot", "details",
          "information", "insights", "tips", "overview", "basics", "look", "career", "position", "job", "it",
          "one", "you", "them", "they", "we", "us", "article", "guide", "post", "topic", "topics", "answers",
          "questions", "meaning"}


def promises(ctx) -> list[tuple[object, int, int, str]]:
    """(block, start, end, item) for each topic the introduction promises."""
    block: Block
    sent: Sentence
    doc = ctx.doc
    intro = []
    headings_seen = 0
    for block in doc.blocks:
        if is_boilerplate(doc, block) or block.kind not in (HEADING, PARAGRAPH):
            continue
        if block.kind == HEADING:
            headings_seen += 1
            if headings_seen >= 3 or (intro and headings_seen >= 2):
                break
            continue
        intro.append(block)
        if len(intro) >= 4:
            break
    out = []
    for block in intro:
        for sent in doc.sentences_of(block):
            trigger = _TRIGGER.search(sent.text)
            if not trigger:
                continue
            rest_at = trigger.end()
            starts = [m for m in _LIST_START.finditer(sent.text) if m.start() >= trigger.start()]
            if starts:
                rest_at = max(rest_at, starts[-1].end()) if starts[-1].end() <= len(sent.text) - 3 else rest_at
            tail = sent.text[rest_at:]
            offset = sent.start + rest_at
            pos = 0
            for piece in _SPLIT.split(tail):
                at = tail.find(piece, pos)
                pos = at + len(piece) if at >= 0 else pos
                item = piece.strip().rstrip(".!?").strip()
                if len(item) < 3:
                    continue
                lead = piece.find(item) if at >= 0 else 0
                start = offset + max(at, 0) + max(lead, 0)
                out.append((block, start, start + len(item), item))
    return out


def _promise_patterns(schema) -> list[tuple[str, re.Pattern]]:
    """(section id, its promise words as one pattern), compiled once per schema."""
    found = schema.__dict__.get("_promise_patterns")
    if found is None:
        found = schema.__dict__["_promise_patterns"] = [
            (spec.id, re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w.strip()) for w in spec.promise_words) + r")(?![a-z])"))
            for spec in schema.sections if spec.promise_words]
    return found


def _head_noun(item: str) -> str | None:
    for word in re.findall(r"[A-Za-z][A-Za-z\-]+", item):
        low = word.lower()
        if low in _SKIP_WORDS:
            continue
        if low in _VAGUE or word.isupper() or low.endswith("ing"):
            return None  # vague, an acronym, or an action rather than a topic
        return low
    return None


_PURPOSE = re.compile(r"(?<=\w)\s+(?:(?:you|one)(?:['’]ll| will)? (?:need|want) |needed |required )?to "
                      r"(?:land|get|win|secure|become|reach|do|succeed in|thrive in|excel in)\b.*$")


@rule
class PromisedTopicMissing(Rule):
    """The introduction promises a topic that no section delivers.

    ## What it does
    Reads the introduction's promises ("In this article we will explore the responsibilities,
    the skills and how to become one"; "Let's dive deep and understand its meaning, the
    challenges CPOs face, and how you can become one"), maps each promised topic to a schema
    section (or, for a topic outside the schema, looks for a heading or repeated discussion
    of it), and reports each promise the article never keeps.

    ## Why is this bad?
    The introduction is a contract with the reader. A promise left unkept tells the reader
    the article was cut, or generated without an outline, and sends them back to search.

    ## Example
    "… and how you can become one." with no section on becoming a CPO.
    Use instead: add the section, or take the promise out of the introduction.
    """

    code = "S006"
    name = "promised-topic-missing"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        schema = ctx.schema
        if schema is None:
            return
        doc = ctx.doc
        found = promises(ctx)
        if not found:
            return
        content = [b for b in kept_blocks(doc) if b.kind in PROSE_KINDS]
        for block, start, end, item in found:
            low = " " + item.lower() + " "
            # The section whose promise words say most of it ("where the role is heading" is the
            # outlook's "is heading", not the overview's "the role"), read without a purpose
            # clause that follows what is promised ("the skills you'll need to land the job").
            # A possessive names whose the topic is, not the topic: "the role's pay" is the pay.
            for text in (_PURPOSE.sub(" ", low), low):
                hits = []
                for sid, words in _promise_patterns(schema):
                    sizes = [len(m.group(0)) for m in words.finditer(text) if text[m.end():m.end() + 2] not in ("'s", "’s")]
                    if sizes:
                        hits.append((max(sizes), sid))
                if hits:
                    break
            ids = [sid for n, sid in hits if n == max(hits)[0]] if hits else []
            if ids:
                if any(covered(doc, schema, sid) for sid in ids):
                    continue
                spec = schema.section(ids[0])
                yield ctx.at_text(self, block, start, end,
                                  f"the introduction promises '{item}' but no section covers it "
                                  f"(readers expect {spec.reader_misses})",
                                  data={"promise": item, "section": ids[0]})
                continue
            noun = _head_noun(item)
            if noun is None or len(noun) < 4:
                continue
            stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
            pattern = re.compile(r"\b" + re.escape(stem), re.I)
            if any(b.kind == HEADING and pattern.search(b.text) for b in content):
                continue
            mentions = sum(len(pattern.findall(b.text)) for b in content if b is not block)
            if mentions >= 2:
                continue
            yield ctx.at_text(self, block, start, end,
                              f"the introduction promises '{item}' but no section covers it "
                              f"('{noun}' has no heading and is mentioned {mentions} time"
                              f"{'' if mentions == 1 else 's'} elsewhere)",
                              data={"promise": item, "section": None, "topic": noun})


@rule
class SkippedHeadingLevel(Rule):
    """A heading jumps more than one level deeper than the heading before it.

    ## What it does
    In Markdown and HTML, flags a heading such as an `h4` directly after an `h2`.

    ## Why is this bad?
    Screen readers and search engines read the heading outline; a skipped level breaks it
    and usually means a section heading was lost or mis-tagged.

    ## Example
    `## Skills` followed by `#### Communication`.
    Use instead: `### Communication`.
    """

    code = "S007"
    name = "skipped-heading-level"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.doc
        if doc.format == "text":
            return
        previous = None
        for block in doc.blocks:
            if block.kind != HEADING or is_boilerplate(doc, block):
                continue
            if previous is not None and block.level > previous.level + 1:
                yield ctx.at_blocks(self, block,
                                    f"heading level jumps from h{previous.level} to h{block.level}; "
                                    f"use h{previous.level + 1}",
                                    data={"from": previous.level, "to": block.level})
            previous = block


@rule
class MultipleTitles(Rule):
    """More than one top-level (h1) title in one article.

    ## What it does
    In Markdown and HTML, flags every level-1 heading after the first (site chrome excluded).

    ## Why is this bad?
    An article has one title. A second h1 is usually a section tagged at the wrong level or
    two articles pasted together; search engines and screen readers take the outline from it.

    ## Example
    `# Chief Product Officer` … `# Salary`.
    Use instead: `## Salary`.
    """

    code = "S008"
    name = "multiple-top-level-titles"
    category = "structure"
    severity = "warning"

    def check(self, ctx):
        doc = ctx.doc
        if doc.format == "text":
            return
        titles = [b for b in kept_blocks(doc) if b.kind == HEADING and b.level == 1]
        for block in titles[1:]:
            yield ctx.at_blocks(self, block,
                                f"a second top-level title '{block.text}' (the first is on line {titles[0].line})",
                                data={"first_line": titles[0].line})
