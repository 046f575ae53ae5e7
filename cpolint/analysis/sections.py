"""Which canonical schema sections an article covers, and where.

A section is covered by a heading that names it (compound headings name several), by a
lead-in label ("Education: ..."), or by a paragraph clearly about it (the schema's content
cues; for the overview, a lead paragraph defining the role). Headings inside a
job-description template or example do not cover the article's own sections, and are
marked so the structure rules can tell them apart; FAQ answers do cover sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cpolint.analysis.boilerplate import kept_blocks
from cpolint.document.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document

from cpolint.document.shapes import FAQ, OTHER_NAME_LEAD, TEMPLATE
from cpolint.document.wordnum import heading_count
from cpolint.fastre import words_in


@dataclass
class Coverage:
    section: str  # schema section id
    line: int
    block: Block
    via: str  # heading | label | paragraph | title (a listicle's: "7 Skills Every CMO Needs")
    text: str
    strong: bool = True
    context: str | None = None  # faq | template | None
    level: int = 0


def context_of(doc: Document, block: Block) -> str | None:
    """'template' inside a job-description example, 'faq' inside an FAQ, else None."""
    section = doc.section_of(block)
    memo = doc.analyses.setdefault(("_context_of", id(doc.sections)), {})
    key = id(section)
    if key not in memo:
        found = None
        for node in [section] + list(section.ancestors()):
            if node.heading is None:
                continue
            if TEMPLATE.search(node.heading.text) and not _names_a_template_below(node):
                found = "template"
                break
            if _THE_DESCRIPTION.match(node.heading.text) and any(
                    a.heading is not None and TEMPLATE.search(a.heading.text) for a in node.ancestors()):
                found = "template"  # the description under a title that names a template
                break
            if FAQ.match(node.heading.text):
                found = "faq"
                break
        memo[key] = found
    return memo[key]


def _names_a_template_below(node) -> bool:
    """Whether a heading that names a template ("Chief Product Officer Job Description
    Template", a page's title) has a sub-heading that names one too ("Job description
    example", "Chief Operating Officer job description"): then that sub-section is the
    template, and the rest of the page (its overview, its salary, its FAQ) is the article's."""
    return any(TEMPLATE.search(child.heading.text) or _THE_DESCRIPTION.match(child.heading.text)
               or _names_a_template_below(child)
               for child in node.children if child.heading is not None)


# A sub-heading that is the description itself: a role's name and "job description", with no
# question or advice around it ("How to write a COO job description" is the article's).
_THE_DESCRIPTION = re.compile(r"^(?!\s*(?:how|what|why|when|where|tips|writing|write|creating|create|sample|example)\b)"
                              r"[\w&/ -]{0,60}?\b(?:job|role|position)\s+(?:description|posting|ad|advert|listing)"
                              r"\s*:?\s*$", re.I)


def title_block(doc: Document) -> Block | None:
    """The article's title heading: the first h1 (Markdown, HTML), or in plain text the first
    heading of the article's own text when it comes before any paragraph."""
    if "title_block" in doc.analyses:
        found = doc.analyses["title_block"]
        return found if found.kind == HEADING else None
    content = [b for b in kept_blocks(doc) if b.kind in (HEADING, PARAGRAPH, LIST_ITEM, TABLE)]
    if doc.format != "text":
        for b in content:
            if b.kind == HEADING and b.level == 1:
                return b
        return None
    if content and content[0].kind == HEADING:
        return content[0]
    return None


def _title_text(doc: Document, title: Block | None) -> str | None:
    """The title's words: its heading's (title_block), else the front matter's or the page's."""
    return title.text if title is not None else doc.title


# An interview or a Q&A with someone in the role, or an article about interviewing for it
# ("Q&A: How Maya Chen Became CPO", "12 CPO Interview Questions"), by its title or its front
# matter's type: no role guide, so none of the schema's sections is missing from it. (A title
# that names two sections or more is a guide that has interview questions too.)
_INTERVIEW = re.compile(r"\b(?:interview(?:s|ed|ing)?|q\s*&\s*a|q\s+and\s+a)\b", re.I)
_INTERVIEW_KINDS = frozenset(("interview", "interviews", "q&a", "qa", "q-and-a", "podcast", "transcript"))


def is_not_a_guide(doc: Document, schema) -> bool:
    """Whether the article is an interview (see above), a news story or an essay (see _story)
    or a job posting (see _posting): no role guide, so none of the schema's sections is
    missing from it. Once per document."""
    found = doc.analyses.get("not_a_guide")
    if found is None:
        found = doc.analyses["not_a_guide"] = _interview(doc, schema) or _story(doc) or _posting(doc)
    return found


# A job posting ("Senior Product Designer": about us, what you'll do, what we're looking for,
# benefits, apply): an employer's ad, no guide to the role. Three of its headings, one of them
# in the employer's voice, under a title that names no guide ("... Job Description Template",
# "How to ...", "... Salary" are guides, whose example posting is a template: see context_of).
_POSTING_HEADING = re.compile(
    r"\s*(?:(?P<own>about\s+us|about\s+the\s+(?:company|team)|who\s+we\s+are|what\s+you(?:['’]ll|\s+will)\s+do|"
    r"what\s+we(?:['’]re|\s+are)\s+looking\s+for|what\s+we\s+offer|why\s+join\s+us|benefits(?:\s+and\s+perks)?|"
    r"perks|how\s+to\s+apply|nice\s+to\s+have|bonus\s+points)|about\s+the\s+(?:role|job|position)|the\s+role|"
    r"responsibilities|requirements|qualifications|compensation)\s*[:?!.]?\s*$", re.I)
_GUIDE_TITLE = re.compile(r"\b(?:job\s+descriptions?|templates?|guide|how|what|why|salar(?:y|ies)|careers?|skills|"
                          r"examples?|samples?|become|becoming|duties|role\s+of)\b", re.I)


def _posting(doc: Document) -> bool:
    title = title_block(doc)
    text = _title_text(doc, title)
    if not text or _GUIDE_TITLE.search(text):
        return False
    found: set[str] = set()
    own = False
    for b in kept_blocks(doc):
        if b.kind == HEADING and b is not title and b.word_count <= 6:
            m = _POSTING_HEADING.match(b.text)
            if m is not None:
                found.add(" ".join(m.group(0).lower().split()))
                own = own or m.group("own") is not None
    return own and len(found) >= 3


# A news story about the role ("How AI is changing the CFO role": a standfirst, a dateline,
# quotes, no sections), by its front matter's type, or by its shape: no section heading under
# the title, and people quoted ("..., said Priya Raman") in four sentences, or in two after a
# dateline ("LONDON —", "NEW YORK (Reuters) -").
_NEWS_KINDS = frozenset(("news", "news-story", "press-release", "press release", "press", "announcement"))
_DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
                       r"(?: \([A-Z][\w ]{1,20}\))?\s*[—–-]\s+\S")
_SAID = re.compile(r"\b(?:said|says|told)\b")


def _declared(doc: Document, kinds: frozenset) -> bool:
    """Whether the front matter's type, layout, kind, format or category is one of `kinds`."""
    fm = doc.front_matter if isinstance(doc.front_matter, dict) else {}
    for key in ("type", "layout", "kind", "format", "category", "categories"):
        value = fm.get(key)
        for v in (value if isinstance(value, list) else [value]):
            if isinstance(v, str) and v.strip().lower() in kinds:
                return True
    return False


def _story(doc: Document) -> bool:
    """A news story (see above) or a first-person essay about the role ("What nobody tells you
    about becoming a CPO": no section heading, a quarter of its sentences or more, four at
    least, in the writer's "I"): no guide to the role."""
    if _declared(doc, _NEWS_KINDS):
        return True
    title = title_block(doc)
    quoted = mine = sentences = 0
    dateline = False
    prose = 0
    for b in kept_blocks(doc):
        if b.kind == HEADING:
            if b is not title:
                return False  # a section heading: a guide's shape, or a feature's
            continue
        if b.kind != PARAGRAPH or b.word_count < 12:
            continue
        prose += 1
        if prose <= 3 and not dateline and _DATELINE.match(b.text):
            dateline = True
        said = _SAID.search(b.text) is not None
        first = _FIRST_PERSON.search(b.text) is not None
        for s in doc.sentences_of(b):
            sentences += 1
            if said and _SAID.search(s.text):
                quoted += 1
            if first and _FIRST_PERSON.search(s.text):
                mine += 1
    return quoted >= 4 or (dateline and quoted >= 2) or (mine >= 4 and mine * 4 >= sentences)


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Mm]e)\b")


def _interview(doc: Document, schema) -> bool:
    if _declared(doc, _INTERVIEW_KINDS):
        return True
    title = title_block(doc)
    text = _title_text(doc, title)
    return bool(text) and _INTERVIEW.search(text) is not None and len(schema.match_heading(text)) < 2


_role_patterns: dict[str, tuple] = {}  # role_alt -> (_definition_patterns, _lead_description_pattern)


def _definition_patterns(schema) -> tuple[re.Pattern, re.Pattern]:
    """A sentence that says what the role is, matched at a sentence's start ("A CPO is ...",
    "In most companies, the chief product officer, or CPO, is ..."), and one that names the
    role last ("... and that person is the chief product officer"), searched."""
    role = schema.role_alt
    return (re.compile(
        rf"(?:(?:in|at|for) [^,.]{{1,30}},\s*)?(?:the |a |an )?(?:{role})"
        rf"(?:(?:\s*\([^)]{{1,20}}\)|,\s*(?:or|also known as|also called|aka)\s+[^,.]{{1,30}},)?(?:\s+role|\s+position)?\s+"
        rf"(?:is|are|refers to|serves as|acts as|means|—|-|–)\s"
        # An aside between the name and its verb ("The CPO, in organisations of any size, is
        # the executive ..."): then the verb must open a definition.
        rf"|,[^,.;:]{{2,100}}(?:,[^,.;:]{{1,100}}){{0,3}},\s+(?:is|are)\s+(?:\w+ly\s+)?(?:the|an?|responsible|in charge)\b)",
        re.I),
        re.compile(rf"\b(?:that|this) (?:person|executive|leader|role|job|title) is (?:called |known as )?"
                   rf"(?:the |an? )?(?:{role})\b", re.I))


def _defines(doc: Document, block: Block, patterns: tuple, description: re.Pattern, lead: bool) -> bool:
    """Whether the paragraph defines the role (a sentence of it, see _definition_patterns), or,
    `lead` (one of the first three paragraphs), opens by describing it."""
    at_start, named_last = patterns
    if any(at_start.match(s.text) for s in doc.sentences_of(block)):
        return True
    low = block.text.lower()
    if ("that " in low or "this " in low) and named_last.search(block.text):
        return True
    if not lead:
        return False
    if description.match(block.text) is not None:
        return True
    # The initials set inside the name ("A vice president (VP) of engineering runs ..."):
    # the name read without them.
    return "(" in block.text[:80] and description.match(_INNER_INITIALS.sub("", block.text, count=1)) is not None


_INNER_INITIALS = re.compile(r"\s*\([A-Z]{2,6}s?\)(?=\s+(?:of|for)\s)")


# Verbs that open a description of what the role does ("A CMO leads ...").
_DESCRIBING = ("leads owns runs oversees manages directs heads sets shapes decides guides turns builds designs develops "
               "creates plans drives ensures coordinates supervises handles helps translates analy[sz]es combines "
               "connects works uses makes finds hires recruits screens sources writes edits sells teaches treats "
               "advises supports serves provides prepares produces maintains protects negotiates represents reviews "
               "tracks monitors investigates tests inspects installs repairs operates delivers organi[sz]es performs "
               "conducts evaluates assesses researches keeps steers champions bridges balances records processes "
               "calculates audits diagnoses cleans cooks fixes schedules markets promotes studies collects "
               "measures files examines interprets programs secures purchases buys ships chooses selects stores "
               "arranges grooms styles cuts mixes pours answers resolves welcomes greets guards flies transports "
               "loads sorts stocks checks trains coaches mentors takes captures").split() + [
    "is responsible", "has responsibility", "takes charge", "looks after", "cares for"]
_PLURAL_OF = {"is": "are", "has": "have"}


def _plural_verb(verb: str) -> str:
    """The form after a plural subject: "leads" -> "lead", "teaches" -> "teach", "is responsible"
    -> "are responsible"."""
    first, _, rest = verb.partition(" ")
    if first in _PLURAL_OF:
        first = _PLURAL_OF[first]
    elif first.endswith(("ches", "shes", "sses", "xes", "zes")):
        first = first[:-2]
    elif first.endswith("ies"):
        first = first[:-3] + "y"  # "studies" -> "study"
    else:
        first = first[:-1]
    return f"{first} {rest}" if rest else first


_DESCRIBING_PLURAL = [_plural_verb(v) for v in _DESCRIBING]


def _lead_description_pattern(schema) -> re.Pattern:
    """An opening paragraph that describes the role in general: "A chief marketing officer
    (CMO) leads ...", "The CTO decides ...", "A data scientist turns data into decisions",
    "Cybersecurity analysts protect ..." (counted in the first three paragraphs only; not "A
    CPO earns ...": that is the pay)."""
    # (with initials in brackets, or another name set off by commas: "Radiologic technologists,
    # often called rad techs, take ...")
    named = rf"(?:{schema.role_alt})(?:\s*\([^)]{{1,20}}\)|,\s*{OTHER_NAME_LEAD}\s+[^,.]{{1,30}},)?,?\s+(?:\w+ly\s+)?"
    return re.compile(rf"^(?:(?:an?|the) {named}(?:{'|'.join(_DESCRIBING)})|{named}(?:{'|'.join(_DESCRIBING_PLURAL)}))\b",
                      re.I)


def coverage(doc: Document, schema) -> list[Coverage]:
    cached = doc.analyses.get("coverage")
    if cached is not None:
        return cached
    out: list[Coverage] = []
    if schema is None:
        doc.analyses["coverage"] = out
        return out
    definition = description = None
    if any(s.definition for s in schema.sections):
        patterns = _role_patterns.get(schema.role_alt)
        if patterns is None:  # once a role: re's own cache holds 512 patterns, and a folder names hundreds of roles
            if len(_role_patterns) > 1024:
                _role_patterns.clear()
            patterns = _role_patterns[schema.role_alt] = (_definition_patterns(schema), _lead_description_pattern(schema))
        definition, description = patterns
    block: Block  # compiled, reads the slots directly (sections.pxd); from a list of blocks
    content = kept_blocks(doc)
    title = title_block(doc)
    # (Not a short field over the prose: "Status: DRAFT", "Owner: Lena Ford", "Last edited:
    # November 18, 2025", as a wiki page exports its properties.)
    first_paragraphs = [b for b in content if b.kind == PARAGRAPH and (b.word_count >= 10 or ":" not in b.text[:25])][:6]
    paragraphs = []
    openers: list[tuple[Block, str]] = []  # paragraphs that open with a short phrase and a comma
    for k, block in enumerate(content):
        if block.kind == HEADING:
            if block is title:
                continue  # the article's title names its subject, not one of its sections
            for sid, strong in schema.match_heading(block.text):
                out.append(Coverage(sid, block.line, block, "heading", block.text, strong,
                                    context_of(doc, block), block.level))
            continue
        if block.kind not in (PARAGRAPH, LIST_ITEM, TABLE):
            continue
        paragraphs.append(block)
        if block.kind == PARAGRAPH and block.word_count >= 15 and _may_open(block.text):
            opening = _OPENING.match(block.text)
            if opening is not None:
                openers.append((block, opening.group(1)))
        label = block.label or _lead_in(block, content[k + 1] if k + 1 < len(content) else None)
        if label:
            ctx = context_of(doc, block)
            for sid, strong in schema.match_heading(label):
                out.append(Coverage(sid, block.line, block, "label", label, strong, ctx))
    # Content cues matter only for sections no heading or label covers: look for the first
    # paragraph clearly about each of those (outside a job-description template).
    named = {c.section for c in out if c.context != "template"}
    listed = _listicle_section(doc, schema, title, content, named) or _path_title(doc, schema, title, content, named)
    if listed is not None:
        out.append(listed)
        named.add(listed.section)
    # A paragraph whose opening phrase names a section as a heading would ("Day to day, a CPO
    # sets ...", "When it comes to pay, ...") is about that section.
    for block, phrase in openers:
        for sid, strong in schema.match_heading(phrase):  # memoised per schema: openers recur
            if strong and sid not in named:
                ctx = context_of(doc, block)
                out.append(Coverage(sid, block.line, block, "paragraph", _excerpt(block.text), True, ctx))
                if ctx != "template":
                    named.add(sid)
    units = None  # (block, text) for the cue search, made when a section needs it
    for spec in schema.sections:
        if spec.id in named or not (spec.cues or spec.definition):
            continue
        need = max(1, min(spec.min_cue_matches, len(spec.cues)))  # at least one cue (a definition has its own test)
        if units is None:
            units = _cue_units(paragraphs)
        for block, text in units:
            if spec.definition and definition is not None:
                hit = block in first_paragraphs and _defines(doc, block, definition, description,
                                                             block in first_paragraphs[:3])
            else:
                # Only cues whose words the paragraph holds can match: count those first.
                words = words_in(text)
                possible = [cue for cue, keys in zip(spec.cues, spec.cue_keys) if keys is None or not keys.isdisjoint(words)]
                if len(possible) < need:
                    continue
                hit = sum(1 for cue in possible if cue.search(text)) >= need
            if not hit:
                continue
            ctx = context_of(doc, block)
            out.append(Coverage(spec.id, block.line, block, "paragraph", _excerpt(text), True, ctx))
            if ctx != "template":
                break
    out.sort(key=lambda c: (c.line, c.via != "heading"))
    doc.analyses["coverage"] = out
    return out


def _cue_units(paragraphs: list[Block]) -> list[tuple[Block, str]]:
    """What content cues are counted in: a paragraph, or a whole list (its items' text, from
    its first item): the steps "Earn a BSN degree", "Get licensed", "Gain two years of
    clinical experience" are about qualifications together, each item with one cue or two."""
    units: list[tuple[Block, str]] = []
    run: list[Block] = []
    for block in paragraphs + [None]:
        if run and (block is None or block.kind != LIST_ITEM or block.list_id != run[0].list_id
                    or block.list_id is None):
            units.append((run[0], "\n".join(b.text for b in run)) if len(run) > 1 else (run[0], run[0].text))
            run = []
        if block is None:
            break
        if block.kind == LIST_ITEM and block.list_id is not None:
            run.append(block)
        else:
            units.append((block, block.text))
    return units


_STEPS = frozenset(("steps", "ways", "stages", "tips", "things"))


def _listicle_section(doc: Document, schema, title: Block | None, content: list[Block],
                      named: set[str]) -> Coverage | None:
    """A title that counts one section's items ("7 Skills Every CMO Needs", "Top 10 CTO
    Responsibilities") over three or more headings: those headings are that section's items,
    so the article covers it (a title naming several sections counts none of them)."""
    text = _title_text(doc, title)
    counted = heading_count(text) if text else None
    if counted is None:
        return None
    # What is counted names the section ("7 Skills ..."); steps and ways are the title's
    # ("5 Steps to Become a CTO": the career path).
    noun = counted[1]
    sections = {sid for sid, _ in schema.match_heading(text if noun in _STEPS else noun)}
    if len(sections) != 1:
        return None
    headings = [b for b in content if b.kind == HEADING and b is not title]
    sid = sections.pop()
    if len(headings) < 3 or sid in named:
        return None
    anchor = title if title is not None else headings[0]
    return Coverage(sid, anchor.line, anchor, "title", text, True, None, anchor.level)


def _path_title(doc: Document, schema, title: Block | None, content: list[Block], named: set[str]) -> Coverage | None:
    """A title that promises the way into the role ("How to Become a Registered Dietitian")
    over a section on its qualifications: the article is the career path, its steps told
    there. (Without that section the title's promise is not kept.)"""
    if "career-path" in named or "qualifications" not in named:
        return None
    text = _title_text(doc, title)
    if not text or {sid for sid, _ in schema.match_heading(text)} - {"overview"} != {"career-path"}:
        return None
    anchor = title if title is not None else next((b for b in content if b.kind == HEADING), None)
    if anchor is None:
        return None
    return Coverage("career-path", anchor.line, anchor, "title", text, True, None, anchor.level)


# A paragraph's opening phrase of one to six words, set off by a comma ("Day to day, ...").
_OPENING = re.compile(r"^([A-Z][\w'’-]*(?: [\w'’-]+){0,5}),\s")


def _may_open(text: str) -> bool:
    """Whether _OPENING may match: its phrase holds no comma, so it ends at the first one, and
    has at most five spaces (most paragraphs fail here, without the pattern's backtracking)."""
    comma = text.find(",")
    return comma > 0 and text.count(" ", 0, comma) <= 5


def _lead_in(block: Block, nxt: Block | None) -> str | None:
    """A short sentence that introduces the list under it ("Here are five skills every CMO
    needs:"): it names what the list is about, as a heading would."""
    text = block.text.rstrip()
    if block.kind == PARAGRAPH and text.endswith(":") and block.word_count <= 15 and nxt is not None \
            and nxt.kind in (LIST_ITEM, TABLE):
        return text[:-1]
    return None


def focus_of(doc: Document, schema) -> str | None:
    """The one section a focused article is about, or None for a guide to the role: its title
    names that section alone ("CPO Salary 2026: How Much Do CPOs Make?", "7 Skills Every CMO
    Needs") and its own headings cover at most one other required or recommended section (a
    salary guide with sections on duties, skills and the career path is a guide)."""
    found = doc.analyses.get("focus", False)
    if found is not False:
        return found
    found = None
    title = title_block(doc)
    text = _title_text(doc, title)
    if text:
        named = {sid for sid, _ in schema.match_heading(text)} - {"overview"}
        # (Not duties or the career path: "What Does a CPO Do?" and "How to Become a CTO" title
        # whole guides as often as not, and a job description template covers a whole job.)
        if len(named) == 1 and not named & {"responsibilities", "career-path"}:
            sid = named.pop()
            level = {spec.id: spec.level for spec in schema.sections}
            others = {c.section for c in coverage(doc, schema)
                      if c.via == "heading" and c.context != "template" and c.section not in (sid, "overview")
                      and level.get(c.section) in ("required", "recommended")}
            found = sid if len(others) <= 1 else None
    doc.analyses["focus"] = found
    return found


def covered(doc: Document, schema, section_id: str) -> list[Coverage]:
    """Coverage of a section that counts for the article (not inside a job-description template)."""
    return [c for c in coverage(doc, schema) if c.section == section_id and c.context != "template"]


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def file_sections(doc: Document, engine) -> dict:
    """The JSON `files[].sections` list: each canonical section found and what covers it."""
    ctx = doc.analyses.get("context")
    schema = ctx.schema if ctx is not None else None
    if schema is None:
        return {"sections": []}
    rows = []
    for spec in schema.sections:
        found = covered(doc, schema, spec.id)
        headings = [c for c in found if c.via in ("heading", "label")]
        chosen = headings or found[:1]
        for c in chosen:
            row = {"id": spec.id, "line": c.line, "heading": c.text if c.via != "paragraph" else None,
                   "via": c.via}
            if c.via == "paragraph":
                row["paragraph"] = c.text
            rows.append(row)
    rows.sort(key=lambda r: (r["line"], r["id"]))
    return {"sections": rows}
