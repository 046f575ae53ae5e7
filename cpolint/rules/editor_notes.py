"""Text meant for the writer, the editor or a model, published as if it were the article.

Leaked instructions are found by what a sentence does, not by a phrase list alone: an
imperative editing verb aimed at the text itself ("Add tags to the text given"), advice
about writing ("it's advisable to break paragraphs into ..."), a modal that tells the text
what it needs ("this section should mention ..."), or second-person orders to the writer,
each combined with a reference to the writing's own apparatus (tags, paragraphs, headings,
keywords, word counts, SEO). The word lists live in rules/packs/editor-notes.yaml as
lexicons a team can extend.
"""

from __future__ import annotations

import re

from cpolint.analysis.boilerplate import NOTE, cms_fields, content_blocks, is_boilerplate, opens
from cpolint.analysis.directives import IMPERATIVE, READER_SECTION, Directives, alternation, model_output_sentences, short
from cpolint.analysis.sections import context_of
from cpolint.diagnostics import Fix
from cpolint.document.model import CODE, FRONT_MATTER, Block, Sentence
from cpolint.document.shapes import DOC_COMMENT
from cpolint.document.markdown import SITE_MARKUP_SOURCE
from cpolint.fastre import first_chars, started
from cpolint.registry import Rule, rule

# The bare `block: Block` / `sent: Sentence` lines type loop variables when compiled: see hatch_build.py.


def _whole_block_fix(ctx, block: Block, what: str) -> Fix | None:
    """Remove a block's lines, if no other article text shares them (never in HTML: report only)."""
    return ctx.remove_lines_fix(block, None, f"remove the {what}", html=False)


def _passages(ctx, rule_obj, block: Block, flagged: list, message, what: str, data_of):
    """One diagnostic per run of flagged sentences; a block that is all flagged is one passage."""
    doc = ctx.doc
    sents = doc.sentences_of(block)
    if not sents:
        return
    if all(flagged):
        fix = _whole_block_fix(ctx, block, what) if rule_obj.fixable else None
        yield ctx.at_blocks(rule_obj, block, message(block.text), fix=fix, data=data_of(block.text))
        return
    k = 0
    while k < len(sents):
        if not flagged[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(sents) and flagged[j + 1]:
            j += 1
        start, end = sents[k].start, sents[j].end
        text = block.text[start:end]
        yield ctx.at_text(rule_obj, block, start, end, message(text), data=data_of(text))
        k = j + 1


_FOLLOW_ON = re.compile(r"^(?:this|that|these|doing so|it) (?:approach|method|structure|format|step|will|helps?|"
                        r"enhances?|improves?|ensures?|makes?|boosts?)\b", re.I)
_DIRECTIVE_LABELS = {"tone", "voice", "style", "audience", "target audience", "instructions", "instruction", "prompt",
                     "brief", "writing brief", "length", "format", "outline", "persona", "reading level"}


def _about_readers_document(doc, block) -> bool:
    """Whether the block's section is about a document of the reader's own ("Update your
    resume", "Build your portfolio")."""
    heading = doc.section_of(block).heading
    return heading is not None and READER_SECTION.search(heading.text) is not None


@rule
class LeakedInstruction(Rule):
    """An instruction to the writer or a model, published as part of the article.

    ## What it does
    Flags sentences that talk to whoever writes the article rather than to its reader:
    imperatives aimed at the text itself ("Add tags to the text given", "Expand this
    section to 300 words", "Make it more engaging"), advice about writing ("To optimize
    readability and SEO, it's advisable to break paragraphs into concise sentences"),
    modals that tell the text what it needs ("This section should mention salaries"), and
    brief labels ("Tone: friendly"), and the same instructions in brackets inside a sentence
    ("The CPO owns the roadmap (add internal link to the roadmap guide)"). A sentence that
    follows such an instruction and goes on about it ("This approach enhances search engine
    indexing") is part of the passage. One diagnostic per passage; `--fix` removes a
    paragraph that is all instruction, and an instruction in brackets.

    ## Why is this bad?
    It is the most embarrassing defect a publisher can ship: readers see the prompt or the
    brief behind the article, and with it that nobody edited the page.

    ## Example
    ```text
    Add tags to the text given and aim for a maximum of two sentences per tag section.
    ```
    Use instead: delete the instruction (and do what it asked, if it still matters).
    """

    code = "E001"
    name = "leaked-instruction"
    category = "editor-note"
    severity = "error"
    fixable = True

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        analysis = Directives(ctx)
        for block in content_blocks(doc):
            if block.label and block.label.lower() in _DIRECTIVE_LABELS and block.word_count <= 25:
                yield ctx.at_blocks(self, block, f"a writing brief left in the text: '{short(block.text)}'",
                                    data={"text": block.text, "reason": f"'{block.label}:' brief label"},
                                    fix=_whole_block_fix(ctx, block, "brief"))
                continue
            sents = doc.sentences_of(block)
            reasons = [analysis.directive(s.text) for s in sents]
            if any(reasons) and _about_readers_document(doc, block):
                # Under "Update your resume", "Add metrics to each bullet point" is advice.
                reasons = [r if r is None or not r.startswith(IMPERATIVE) else None for r in reasons]
            if any(reasons) and _bracketed(block.text):
                # "[Insert internal link to the on-call guide]" as a sentence is a slot (E005's);
                # in "Write blameless postmortems (add internal link to ...)" the aside is the
                # instruction (reported below), not the duty around it.
                reasons = [_outside_brackets(analysis, s.text, r) if r is not None else None
                           for r, s in zip(reasons, sents)]
            if not any(reasons):
                # An instruction in brackets inside a sentence: "The CPO owns the roadmap (add
                # internal link to the roadmap guide) and ...".
                for m in (_ASIDE.finditer(block.text) if _bracketed(block.text) else ()):
                    inner = m.group(1)
                    if _slot_bracket(m.group(0)):
                        continue  # "... [add internal link here] ...": a slot (E005's)
                    why = analysis.directive(inner[0].upper() + inner[1:])  # tested as a sentence of its own
                    if why:
                        start = m.start() - (1 if block.text[m.start() - 1:m.start()] == " " else 0)
                        yield ctx.at_text(self, block, m.start(), m.end(),
                                          f"instruction to the writer left in the article ({why}): '{m.group(0)}'",
                                          data={"text": m.group(0), "reason": why},
                                          fix=ctx.replace_text_fix(block, start, m.end(), "",
                                                                   "remove the leaked instruction"))
                continue
            flagged = [r is not None for r in reasons]
            # Sentences that carry an instruction on ("This approach enhances ... indexing").
            for k, s in enumerate(sents):
                if flagged[k]:
                    continue
                near = (k > 0 and flagged[k - 1]) or (k + 1 < len(sents) and flagged[k + 1])
                if near and (analysis.mentions_text(s.text) or _FOLLOW_ON.match(s.text)):
                    flagged[k] = True
            why = next(r for r in reasons if r)

            def message(text, why=why):
                return f"instruction to the writer left in the article ({why}): '{short(text)}'"

            yield from _passages(ctx, self, block, flagged, message, "leaked instruction",
                                 lambda text, why=why: {"text": text, "reason": why})


@rule
class ModelLeakage(Rule):
    """A chatbot's words to its user, left in the article.

    ## What it does
    Flags the tell-tale lines of a language model talking to whoever prompted it: "As an AI
    language model", "Sure! Here's the revised article:", "I hope this helps", "Let me know
    if you'd like me to ...", "as of my last knowledge update". The phrases are the
    `model-leakage` lexicon. In Markdown, the ```markdown fence a chatbot wraps around the
    article it wrote is reported too (the article inside is linted as the Markdown it is).
    `--fix` removes a paragraph that is all leakage.

    ## Why is this bad?
    It tells readers the article was generated and pasted without reading, which undoes
    every claim in it.

    ## Example
    `Sure! Here's the revised article with improved readability:`
    Use instead: delete it.
    """

    code = "E002"
    name = "model-leakage"
    category = "editor-note"
    severity = "error"
    fixable = True

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        for line, end_line in doc.analyses.get("model_fences", ()):
            # The fence a chatbot puts around the article it was asked for (document.markdown
            # reads the article inside it): published, the whole article is one code block.
            yield ctx.at_line(self, line, f"a language model's code fence around the article (closed at line "
                                          f"{end_line}): published, it shows as raw backticks or makes the "
                                          "article one code block",
                              data={"text": doc.line_text(line).strip(), "end_line": end_line})
        leaked = model_output_sentences(ctx)
        if not leaked:
            return
        for block in content_blocks(doc):
            flagged = [s.index in leaked for s in doc.sentences_of(block)]
            if not any(flagged):
                continue
            yield from _passages(
                ctx, self, block, flagged,
                lambda text: f"a language model's reply to its user left in the article: '{short(text)}'",
                "model output", lambda text: {"text": text})


_COMMENT_ANCHOR = re.compile(r"(?<=[^\s\[])\[([a-z]{1,2})\](?=\s|$)")
# A drafter's aside in double chevrons ("<<Need a stat here>>"): words, not code ("a << b").
_CHEVRON_NOTE = re.compile(r"<<\s*[A-Za-z][^<>\n]{2,200}?>>")
_OBSIDIAN_NOTE = re.compile(r"(?<![\d%])%%\s*[A-Za-z@][^%\n]{2,300}?%%")
# CriticMarkup, the editing marks of Markdown review: a comment {>>...<<}, an addition
# {++...++}, a deletion {--...--}, a substitution {~~old~>new~~}, a highlight {==...==}.
_CRITIC = re.compile(r"\{(?:>>[^{}\n]{1,300}?<<|\+\+[^{}\n]{1,300}?\+\+|--[^{}\n]{1,300}?--|"
                     r"~~[^{}\n]{1,300}?~>[^{}\n]{0,300}?~~|[^{}\n~]{1,300}?~>[^{}\n~]{0,300}?|==[^{}\n]{1,300}?==)\}")
# (A Markdown parser reads "~~old~>new~~" as struck-through text: "{old~>new}" is left.)
_CRITIC_OPENERS = ("{>>", "{++", "{--", "{~~", "{==", "~>")
# A colleague's initials over a question or a request, in brackets: "[JR: check this against
# the survey]", "(DW: is this list complete?)"; not "(US: $250,000; UK: £180,000)", nor E004's
# markers ("(TK: confirm with Dana)").
_INITIALS_NOTE = re.compile(r"[\[(]\s*(?!TK|TBD|TBC|XXX)[A-Z]{2,3}\s*:\s*(?:[^\])\n]{2,200}\?|(?:check|verify|confirm|add|cut|tighten|"
                            r"rewrite|fix|update|source|link|expand|move|delete|remove|swap|replace|trim|shorten)\b"
                            r"[^\])\n]{0,200})\s*[\])]")
_ASIDE = re.compile(r"[(\[]\s*([A-Za-z][^()\[\]\n]{8,120}?)\s*[)\]]")
_BRACKET_NOTE = re.compile(r"[\[(]\s*(?:note|notes|editor|ed|nb|n\.b\.|comment|query|q)\s*[:\-–]\s*[^\])]{3,}[\])]", re.I)
_UPPER_LABEL = re.compile(r"^(?:EDITOR|EDITORS|ED|NOTE TO EDITOR|NOTE FOR EDITOR|WRITER|AUTHOR|REVIEWER)S?\s*:")
_UPPER_LABEL_INITIALS = first_chars(_UPPER_LABEL.pattern)  # a cheap test before the pattern


def _bracketed(text: str) -> bool:
    """Whether a pattern that starts with [ or ( can match: most blocks have neither."""
    return "[" in text or "(" in text


@rule
class NoteToEditor(Rule):
    """A note to an editor, a colleague or oneself left in the text.

    ## What it does
    Flags "Note to editor:", upper-case "EDITOR:" labels, bracketed notes ("[Note: check
    this figure]"), asides in double chevrons ("<<Need a stat here>>"), a colleague's initials
    over a question or request ("[JR: check this against the survey]"), CriticMarkup's review
    comments and tracked changes ("{>>needs a source<<}", "{++added++}", "{~~old~>new~~}"), a document's
    exported comments ("[a]Can we find a better stat?", and the "[a]" anchors in the text),
    "do not publish", "@jane please check", "please verify this number", "needs a source",
    "check with legal", a check in brackets ("[CHECK against the 2026 pay circular]"), a
    colleague asked for material ("(ask Priya for a quote)"), "replace before publishing",
    and the covering email pasted in with the draft, from its greeting to
    its sign-off ("Hi Sam, here's the draft ... Best, Jo"), at the top or the end of the file.
    (A published "Editor's note:" addressed to readers is left alone, and so is an example
    email inside the article.)

    ## Why is this bad?
    Internal conversation published on the page looks careless and can leak things the
    team never meant readers to see.

    ## Example
    `@maria please check the salary figure before we publish.`
    Use instead: resolve the note and delete it.
    """

    code = "E003"
    name = "note-to-editor"
    category = "editor-note"
    severity = "error"

    def check(self, ctx):
        block: Block
        sent: Sentence
        doc = ctx.doc
        # The covering message a writer sent with the draft, found by the boilerplate classifier.
        verdicts = doc.analyses.get("boilerplate", {})
        note = [b for b in doc.blocks if b.index in verdicts and verdicts[b.index].kind == NOTE]
        if note:
            words = " / ".join(b.text.strip() for b in note if b.text.strip())
            yield ctx.at_blocks(self, note[0], f"a message to the editor left in the file: '{short(words)}'",
                                last=note[-1], data={"text": words})
        pattern = alternation(ctx, "editor-notes")
        blocks = content_blocks(doc)
        # A document's comments exported with it (Google Docs: "[a]Can we find a better stat?"
        # at the end, "[a]" where it was left in the text): the letters of those comments.
        letters: dict[int, str] = {}  # block index -> its comment's letter
        for b in blocks:
            comment = DOC_COMMENT.match(b.text) if b.text[:1] == "[" else None
            if comment is not None:
                letters[b.index] = comment.group(1)
        anchors = set(letters.values())
        for block in blocks:
            hits = []
            text = block.text
            if block.index in letters:
                hits.append((0, len(text)))
            for m in (_COMMENT_ANCHOR.finditer(text) if anchors and "[" in text else ()):
                if m.group(1) in anchors:
                    yield ctx.at_text(self, block, m.start(), m.end(),
                                      f"a document comment's anchor left in the text: '{m.group(0)}'",
                                      data={"text": m.group(0)})
            if text[:1] in _UPPER_LABEL_INITIALS and _UPPER_LABEL.match(text):
                hits.append((0, len(text)))
            for m in (_BRACKET_NOTE.finditer(text) if _bracketed(text) else ()):
                hits.append((m.start(), m.end()))
            for m in (_INITIALS_NOTE.finditer(text) if _bracketed(text) else ()):
                hits.append((m.start(), m.end()))
            critic = [(m.start(), m.end()) for m in _CRITIC.finditer(text)] \
                if "{" in text and any(o in text for o in _CRITIC_OPENERS) else []
            hits += critic
            for m in (_CHEVRON_NOTE.finditer(text) if "<<" in text else ()):
                hits.append((m.start(), m.end()))
            for m in (_OBSIDIAN_NOTE.finditer(text) if "%%" in text else ()):
                hits.append((m.start(), m.end()))  # an Obsidian comment: hidden there, raw anywhere else
            if pattern is not None:
                for sent in doc.sentences_of(block):
                    m = pattern.search(sent.text)
                    if m and ("[" in sent.text or "(" in sent.text) and any(
                            c.start() <= m.start() and m.end() <= c.end() for c in _CITATION.finditer(sent.text)):
                        m = None  # "Hiring is strong [Needs citation].": the marker is E004's, the sentence no note
                    if m:
                        start = sent.start
                        if start and text[start - 1] in "([" and sent.text.rstrip().endswith((")", "]")):
                            start -= 1  # "(Sam - can you check this?)", "[Writer: add ...]": with its brackets
                        found = m.group(0)
                        aside = (m.start(), m.end()) if found[:1] + found[-1:] in ("()", "[]") \
                            else _enclosing_aside(sent.text, m.start(), m.end())
                        if aside is not None:  # "[CHECK against ...]", "Leading teams (@Jordan can you confirm this one?)": the aside
                            hits.append((sent.start + aside[0], sent.start + aside[1]))
                        else:
                            hits.append((start, sent.end))
            for start, end in _merge(hits):
                text = block.text[start:end]
                if text[:1] in "[(" and _CITATION.fullmatch(text):
                    continue  # "[Needs citation]" alone: E004's marker, not a second finding
                what = "a note to the editor"
                if critic and any(start <= a and b <= end for a, b in critic):
                    what = "a review comment or tracked change (CriticMarkup)"
                yield ctx.at_text(self, block, start, end, f"{what} left in the text: '{short(text)}'",
                                  data={"text": text})


def _enclosing_aside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The parentheses around text[start:end] when the note sits in an aside after the
    sentence's own words, or None."""
    opened = text.rfind("(", 0, start + 1)
    if opened <= 0 or ")" in text[opened:start]:
        return None
    closed = text.find(")", end)
    return (opened, closed + 1) if closed >= 0 else None


def _merge(spans):
    out = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


_CITATION = re.compile(r"[\[(](?:citation needed|source needed|needs? (?:a )?(?:source|citation)|source\?|citation\?|"
                       r"ref(?:erence)? needed|link needed|cite)[\])]", re.I)


@rule
class TodoMarker(Rule):
    """A TODO, TK, FIXME, TBD or "[citation needed]" marker left in the text.

    ## What it does
    Flags the upper-case markers writers leave for themselves (TODO, FIXME, TK, TBD, TBC,
    XXX as a word, "???" standing alone) and "[citation needed]"-style brackets. Lower-case prose such as "a to-do
    list" is left alone, and so is "$XX,XXX" (that is a placeholder, E005).

    ## Why is this bad?
    A marker means the writer knew something was missing; publishing it shows the gap.

    ## Example
    `The median salary is TK, according to TK.`
    Use instead: fill in what is missing.
    """

    code = "E004"
    name = "todo-marker"
    category = "editor-note"
    severity = "error"

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        marker_re = _todo_pattern(ctx)
        for block in content_blocks(doc):
            found = []
            if marker_re is not None:
                found += [(m.start(), m.end(), m.group(0)) for m in marker_re.finditer(block.text)]
            if _bracketed(block.text):
                found += [(m.start(), m.end(), m.group(0)) for m in _CITATION.finditer(block.text)]
            if "???" in block.text:
                found += [(m.start(), m.end(), m.group(0)) for m in _QUERY_MARKS.finditer(block.text)]
            for start, end, text in sorted(found):
                yield ctx.at_text(self, block, start, end, f"marker '{text}' left in the text: something is missing here",
                                  data={"marker": text})


# "???" standing alone, a drafter's query ("Really???" is emphasis).
_QUERY_MARKS = re.compile(r"(?<![\w?])\?{3,}(?![\w?])")


def _todo_pattern(ctx):
    """The todo markers, not part of a word, a path or a mask such as "$XX,XXX"."""
    return ctx.registry.lexicon_pattern("todo-markers", r"(?<![\w$.\-/])(?<!,)(?:{body})(?!\w|,\w|-|/)", flags=0)


_CURLY = re.compile(r"\{\{\s*[^{}\n]{1,60}?\s*\}\}|\{%[^%\n]{1,80}%\}|\{[A-Z][A-Z0-9_ ]{1,30}\}|%[A-Z][A-Z0-9_]{2,30}%"
                    r"|__[A-Z][A-Z0-9_]{2,30}__|\{[a-z][a-z0-9]*(?:_[a-z0-9]+)+\}")  # "{company_name}"
_SITE_MARKUP = re.compile(SITE_MARKUP_SOURCE)
_ANGLE = re.compile(r"<(?:[A-Z][A-Z0-9_]+(?: [A-Z][A-Z0-9_]+){0,3})>")
_MASK = started(r"\$\s?X{1,3}(?:,X{3})+(?:\.X{2})?|\$\s?X{2,}[Kk]?\b|\b(?:X{1,3}(?:\.X+)?|N)\s?%|\bXX+(?:,X{3})+\b|"
                   r"\b(?:NN|N,NNN)\b|\bXX\b(?= [a-z])|(?<=\s)_{2,6}(?=\s)|\b(?:MM|DD)/(?:DD|MM)/(?:YYYY|YY)\b"
                   # (an image's slot, "INSERT CHART HERE", is E008's)
                   r"|\bINSERT(?! (?:IMAGE|PHOTO|PICTURE|CHART|GRAPH|GRAPHIC|INFOGRAPHIC|FIGURE|VIDEO|SCREENSHOT|DIAGRAM)\b)"
                   r"(?: [A-Z]{2,}){1,4}\b")  # "XX product managers", "__ years", "MM/DD/YYYY", "INSERT STAT HERE"
_LOREM = started(r"\blorem ipsum(?: dolor sit amet)?\b|\bdolor sit amet\b", re.I)
_NAME_SLOT = started(r"\b(?:Your|Company|Author|Client|Insert|Candidate|Employer|Hiring Manager)(?: Full)? "
                        r"(?:Name|Company|Title|Here)\b")
_SLOT_PATTERNS = [
    (_CURLY, lambda t: "{" in t or "%" in t or "__" in t),
    (_ANGLE, lambda t: "<" in t),
    (_MASK, lambda t: "XX" in t or "NN" in t or "X%" in t or "X " in t or "N%" in t or "N %" in t or "__" in t
     or "/YY" in t or "INSERT" in t),
    (_LOREM, lambda t: "orem" in t or "dolor" in t),
    (_NAME_SLOT, lambda t: " Name" in t or " Company" in t or " Title" in t or " Here" in t),
    # "(Insert a real example of a COO who started in support.)": a slot a writer left in
    # parentheses. Only "insert": "(add 10% for London)" talks to the reader.
    (re.compile(r"\((?:insert|Insert|INSERT)\s[^()\n]{3,160}\)"), lambda t: "(insert" in t or "(Insert" in t or "(INSERT" in t),
    # "(link to salary guide)": where a link was meant to go, its words left as text.
    (re.compile(r"\((?:[Ii]nternal\s+|INTERNAL\s+)?(?:link|Link|LINK)\s+(?:to|TO)\s+[^()\n]{3,60}\)"),
     lambda t: "link to" in t or "Link to" in t or "LINK TO" in t),
]
_BRACKETED = re.compile(r"\[(?P<inner>[^\[\]\n]{1,160})\]")
# A bracket opening with one of these verbs is a slot to fill (E005's), not an instruction
# (E001's), however long it is: "[Insert a quote from an SRE manager]".
_SLOT_VERBS = ("insert", "add")
_SHORT_SLOT = 60  # a longer bracket is a slot only when it opens with one of _SLOT_VERBS


def _outside_brackets(analysis, sentence: str, why: str) -> str | None:
    """Why (`why`, as read whole) a sentence is an instruction, read again without its
    bracketed asides; None when it is a slot in brackets (E005's)."""
    if _slot_bracket(sentence.strip()):
        return None
    return analysis.directive(_ASIDE.sub("", sentence)) if _ASIDE.search(sentence) else why


def _slot_bracket(text: str) -> bool:
    """Text that is one square bracket opening with a slot verb ("[Add a paragraph on pay].")."""
    text = text.rstrip(".")
    if text[:1] != "[" or text[-1:] != "]":
        return False
    inner = text[1:-1]
    words = inner.split(None, 1)
    return bool(words) and words[0].lower() in _SLOT_VERBS and "[" not in inner and "]" not in inner
_ANGLED = re.compile(r"<(?P<inner>[A-Za-z][^<>\n]{1,60})>")


_UNTITLED = re.compile(r"untitled(?: (?:page|document|doc|database|note))?", re.I)
# Bracketed text that is no placeholder: numbers and ranges, an ellipsis, editorial marks.
_EDITORIAL_BRACKET = re.compile(r"[\d,\s\-–]+|\.\.\.|…|sic|sic!|edited|emphasis added", re.I)
_LEADING_WORD = re.compile(r"[\w-]+")
# A bracketed note addressed to someone ("[Writer: add an example here]", "[EDITOR: ...]"):
# E003's, though it ends with a slot's word.
_ADDRESSED = re.compile(r"(?:note|nb|writer|writers|editor|editors|author|reviewer|dev|developer|designer|legal|sme|"
                        r"seo|internal(?: note)?|comment)\s*[:\-–—]\s", re.I)
_CAPITALISED_WORDS = re.compile(r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}")


@rule
class Placeholder(Rule):
    """A template placeholder left unfilled.

    ## What it does
    Flags "[Company Name]", "[Insert statistic]", "{{ var }}", "{% tag %}", "{company_name}",
    "<PLACEHOLDER>" (in Markdown too, where it would pass for a tag), a link's place in
    words ("(link to salary guide)"), "$XX,XXX", "XX%", "XX
    product managers", "__ years", "MM/DD/YYYY", "INSERT STAT HERE", "Lorem ipsum", "Your
    Name" and a link to a page never named ("[Untitled](...)"). Citation markers such as "[1]" are
    left alone, and so, in Markdown, is a static-site generator's markup: Hugo shortcodes
    ("{{< figure >}}", "{{% notice %}}"), Liquid tags ("{% include cta.html %}") and site or
    page variables ("{{ site.title }}"); pasted into plain text or HTML they are leftovers. Inside a section that presents a job-description template or example, a
    placeholder is expected: it is reported at info level, saying so. Placeholders are never
    fixed automatically: only a person knows what belongs there.

    ## Why is this bad?
    A reader who meets "[Company Name]" knows the page is a template nobody finished.

    ## Example
    `Chief product officers at [Company Name] earn $XX,XXX a year.`
    Use instead: the real name and figure, or a sentence without them.
    """

    code = "E005"
    name = "placeholder"
    category = "editor-note"
    severity = "error"

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        words = alternation(ctx, "placeholder-words", bounded=False)
        image = alternation(ctx, "image-words", bounded=False)
        verbs = alternation(ctx, "writer-verbs")
        notes = alternation(ctx, "editor-notes")
        # Built once a document, not once a bracket (each re.* call with a string looks it up).
        image_slot = re.compile(rf"(?:{image.pattern})\s*(?:[:\-–]|here|$)", re.I) if image is not None else None
        word_ends = re.compile(rf"^(?:{words.pattern})\b|\b(?:{words.pattern})$", re.I) if words is not None else None
        markdown = doc.format == "markdown"  # where "{{< name >}}" is a site's markup (see document.markdown)
        todo = _todo_pattern(ctx)  # "[TODO]" is E004's marker
        fields = cms_fields(ctx.registry)
        directives = None  # E001's reading of a bracketed instruction, made when one is met
        for block in content_blocks(doc):
            text = block.text
            if fields is not None and ":" in text and opens(fields, text):
                continue  # "Keywords: [cpo salary, cpo skills]" is E009's: its value is no slot
            found = []
            slots = _BRACKETED.finditer(text) if "[" in text else ()
            if "<" in text:  # "<Insert company name>", as a drafter types a slot in angle brackets
                slots = [*slots, *(m for m in _ANGLED.finditer(text) if text[m.start() - 1:m.start()] != "<")]
            for m in slots:
                inner = m.group("inner").strip()
                if not inner or _EDITORIAL_BRACKET.fullmatch(inner) or (todo is not None and todo.fullmatch(inner)):
                    continue
                if _ADDRESSED.match(inner) or _CITATION.fullmatch(m.group(0)) \
                        or (notes is not None and notes.match(text, m.start()) is not None):
                    continue  # a note to someone (E003: "[check this figure]"), "[Needs citation]" (E004)
                if len(inner) > _SHORT_SLOT and inner.split(None, 1)[0].lower() not in _SLOT_VERBS:
                    continue  # "[The 2023 survey of 400 product leaders ...]": an editorial aside
                if text[m.start()] == "[" and (text[m.end():m.end() + 1] == "(" or text[m.start() - 1:m.start()] == "["
                                               or text[m.end():m.end() + 1] == "]"):
                    continue  # a Markdown link or a wiki link (E007/E006)
                if image_slot is not None and image_slot.match(inner):
                    continue  # an image placeholder (E008)
                first = _LEADING_WORD.match(inner)
                if verbs is not None and first and verbs.fullmatch(first.group(0)) and len(inner.split()) >= 5 \
                        and first.group(0).lower() not in _SLOT_VERBS:
                    if directives is None:
                        directives = Directives(ctx)
                    if directives.directive(inner[0].upper() + inner[1:]):
                        continue  # a bracketed instruction (E001 reports it)
                    # "[Link to our VP of Marketing guide]": no instruction E001 knows, a slot.
                if word_ends is not None and word_ends.search(inner):
                    found.append((m.start(), m.end()))
                elif _CAPITALISED_WORDS.fullmatch(inner) and inner.isupper():
                    found.append((m.start(), m.end()))
            for link_text, _ in block.links:
                if link_text[:8].lower() == "untitled" and _UNTITLED.fullmatch(link_text):
                    # A link to a page the writer made and never named (Notion's "Untitled").
                    at = text.find(link_text)
                    if at >= 0:
                        found.append((at, at + len(link_text)))
            for regex, hint in _SLOT_PATTERNS:
                if hint(text):  # a cheap test first: most blocks hold no braces, masks or slots
                    found += [(m.start(), m.end()) for m in regex.finditer(text)
                              if not (markdown and _SITE_MARKUP.fullmatch(m.group(0)))]
            if found and "<<" in text:
                # A slot's words inside a drafter's aside ("<<Company Name>>") are the aside's (E003).
                asides = [(m.start(), m.end()) for m in _CHEVRON_NOTE.finditer(text)]
                found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in asides)]
            if not found:
                continue
            in_template = context_of(doc, block) == "template"
            for start, end in _merge(found):
                slot = text[start:end]
                if in_template:
                    yield ctx.at_text(self, block, start, end,
                                      f"placeholder '{slot}' inside a job-description template or example "
                                      "(expected there; make sure the published template means it)",
                                      data={"placeholder": slot, "context": "template"}, severity="info")
                else:
                    yield ctx.at_text(self, block, start, end, f"unfilled placeholder '{slot}'",
                                      data={"placeholder": slot, "context": None})


_PLACEHOLDER_SRC = re.compile(r"placeholder|placehold\.(?:it|co)|via\.placeholder|dummyimage|lorempixel|picsum\.photos|"
                              r"fakeimg|example\.(?:com|org|net)/|/(?:todo|tbd|image-here|img-here)\b|^#?$", re.I)


@rule
class ImagePlaceholder(Rule):
    """An image placeholder: "[FEATURED IMAGE] …", "[IMAGE: …]", or an image pointing at placeholder.png.

    ## What it does
    Flags bracketed image slots in the text, a line such as "INSERT CHART HERE", and
    Markdown or HTML images whose source is a placeholder (placeholder.png, placehold.co,
    example.com, an empty src).

    ## Why is this bad?
    Readers see a note where a picture should be, or a broken or stock placeholder image.

    ## Example
    `[FEATURED IMAGE] A product team gathered around a whiteboard`
    Use instead: the image itself, with alt text.
    """

    code = "E008"
    name = "image-placeholder"
    category = "editor-note"
    severity = "error"

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        image = alternation(ctx, "image-words", bounded=False)
        # "[IMAGE: ...]", "(insert chart here)", and a request for one in brackets: "(Add an image of
        # a CCO presenting renewal numbers to the board here.)"
        slot = re.compile(rf"[\[(]\s*(?:insert |add |place )?(?:an? )?(?:{image.pattern})\s*(?:[:\-–][^\])]*|here[^\])]*|)\s*[\])]"
                          rf"|[\[(]\s*(?:insert|add|place|put|include)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:{image.pattern})s?\b"
                          rf"[^\])\n]{{0,150}}[\])]", re.I) if image is not None else None
        # Unbracketed, as a line of its own: "INSERT CHART HERE", "INSERT CHART: CCO salary by company size".
        bare = re.compile(rf"^\s*(?:insert|add|place|put)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:{image.pattern})s?"
                          rf"(?:\s+here\b.{{0,40}}|\s*:.{{0,80}})$", re.I) if image is not None else None
        for block in doc.blocks:
            if block.kind in (CODE, FRONT_MATTER) or is_boilerplate(doc, block):
                continue
            found = slot.finditer(block.text) if slot is not None and _bracketed(block.text) else ()
            if bare is not None and block.word_count <= 12 and ("here" in block.text.lower() or ":" in block.text):
                found = [*found, *bare.finditer(block.text)]
            if found:
                for m in found:
                    yield ctx.at_text(self, block, m.start(), m.end(),
                                      f"image placeholder '{short(m.group(0), 50)}' instead of an image",
                                      data={"placeholder": m.group(0)})
            for alt, src in block.images:
                if _PLACEHOLDER_SRC.search(src or "") or re.search(r"\bplaceholder\b", alt or "", re.I):
                    yield ctx.at_blocks(self, block, f"image points at a placeholder ('{src or 'empty src'}')",
                                        data={"src": src, "alt": alt})
