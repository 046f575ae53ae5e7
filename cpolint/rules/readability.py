"""Readability: the article and its sections against the schema's reading-grade target,
and sentences, paragraphs and unbroken runs of text that are too long."""

from __future__ import annotations

from cpolint.analysis.boilerplate import is_boilerplate
from cpolint.analysis.sections import title_block
from cpolint.document.model import HEADING, PARAGRAPH, PROSE_KINDS, WORD, Block
from cpolint.readability.measure import (article_figures, readable_blocks, readable_sentences, section_figures,
                                        sentence_words)
from cpolint.registry import Rule, rule

# The bare `block: Block` / `sent: Sentence` lines type loop variables when compiled: see hatch_build.py.


def _target(ctx) -> float:
    return ctx.thresholds.get("grade-target", 12.0)


def _anchor(ctx):
    block = title_block(ctx.doc)
    if block is not None:
        return block
    return next((b for b in ctx.doc.blocks if b.kind in PROSE_KINDS and not is_boilerplate(ctx.doc, b)), None)


@rule
class GradeAboveTarget(Rule):
    """The article reads above the schema's target grade.

    ## What it does
    Measures the article's own text (no chrome, no editor notes, no headings) with textstat
    and reports when its Flesch-Kincaid grade is above the target: the schema's
    `readability: grade-target` (12 for the CPO schema), or `grade-target` under
    `thresholds` in configuration. The message and `data` carry the other scores too.

    ## Why is this bad?
    Career articles are read quickly, often on a phone, by people comparing options. Each
    grade above the target loses readers; search engines reward text people finish.

    ## Example
    An article at grade 16 (reading ease 27) against a target of 12.
    Use instead: shorter sentences, plainer words, one idea per paragraph.
    """

    code = "R001"
    name = "grade-above-target"
    category = "readability"
    severity = "warning"
    options = {"min-words-for-grade": 100}

    def check(self, ctx):
        figures = article_figures(ctx)
        if figures is None or figures.words < ctx.threshold("min-words-for-grade"):
            return
        grade = figures.scores["flesch_kincaid_grade"]
        target = _target(ctx)
        if grade <= target:
            return
        anchor = _anchor(ctx)
        if anchor is None:
            return
        yield ctx.at_blocks(
            self, anchor,
            f"the article reads at grade {grade:.1f} (Flesch-Kincaid), above the target of {target:g}; "
            f"reading ease {figures.scores['flesch_reading_ease']:.1f}, Gunning fog {figures.scores['gunning_fog']:.1f}, "
            f"average sentence {figures.average_sentence_words:.1f} words",
            data={"target": target, **figures.to_dict()})


@rule
class SectionGradeAboveTarget(Rule):
    """A canonical section reads far above the target grade.

    ## What it does
    Measures each schema section that has a heading (100 words or more) and reports those
    whose Flesch-Kincaid grade is above the target plus the schema's
    `section-grade-margin` (4 by default).

    ## Why is this bad?
    One dense section (often qualifications or salary, pasted from a report) is where
    readers give up, even when the article as a whole is fine.

    ## Example
    A "Skills" section at grade 19 in an article with a target of 12.
    Use instead: rewrite that section in shorter sentences.
    """

    code = "R002"
    name = "section-grade-above-target"
    category = "readability"
    severity = "warning"
    options = {"section-grade-margin": 4.0, "min-words-for-section-grade": 100}

    def check(self, ctx):
        target = _target(ctx)
        limit = target + ctx.threshold("section-grade-margin")
        for sid, heading, figures in section_figures(ctx):
            if figures.words < ctx.threshold("min-words-for-section-grade"):
                continue
            grade = figures.scores["flesch_kincaid_grade"]
            if grade <= limit:
                continue
            yield ctx.at_blocks(
                self, heading,
                f"section '{heading.text}' reads at grade {grade:.1f}, more than "
                f"{ctx.threshold('section-grade-margin'):g} above the target of {target:g}",
                data={"section": sid, "target": target, **figures.to_dict()})


@rule
class LongSentence(Rule):
    """A sentence longer than the limit (`max-sentence-words`, 40 by default).

    ## What it does
    Counts the words of every sentence of the article's own text and reports those over
    the limit.

    ## Why is this bad?
    Past about 25 words, comprehension drops quickly; past 40, most readers re-read.

    ## Example
    A 52-word sentence listing every responsibility of the role.
    Use instead: split it, or make the list a bulleted list.
    """

    code = "R003"
    name = "long-sentence"
    category = "readability"
    severity = "warning"
    options = {"max-sentence-words": 40}

    def check(self, ctx):
        limit = ctx.threshold("max-sentence-words")
        sentences = readable_sentences(ctx, readable_blocks(ctx))
        for sent, n in zip(sentences, sentence_words(ctx, sentences)):
            if n > limit:
                yield ctx.at_text(self, sent.block, sent.start, sent.end,
                                  f"sentence of {n} words (limit {limit:g}): '{sent.text[:50]}…'",
                                  data={"words": n, "limit": limit})


@rule
class LongParagraph(Rule):
    """A paragraph longer than the limit (`max-paragraph-words`, 150 by default).

    ## What it does
    Counts the words of each paragraph of the article's own text.

    ## Why is this bad?
    A wall of text on a phone screen is skipped; editors' tools (Yoast) flag paragraphs
    over 150 words.

    ## Example
    A 230-word "Work Environment" paragraph.
    Use instead: break it where the topic shifts.
    """

    code = "R004"
    name = "long-paragraph"
    category = "readability"
    severity = "warning"
    options = {"max-paragraph-words": 150}

    def check(self, ctx):
        limit = ctx.threshold("max-paragraph-words")
        for block in readable_blocks(ctx):
            if block.kind != PARAGRAPH:
                continue
            n = block.word_count
            if n > limit:
                yield ctx.at_blocks(self, block, f"paragraph of {n} words (limit {limit:g})",
                                    data={"words": n, "limit": limit})


@rule
class NoSubheading(Rule):
    """A long run of text with no subheading (`max-words-without-subheading`, 300).

    ## What it does
    Adds up the words between headings and reports each run over the limit, spanning it.

    ## Why is this bad?
    Readers scan career articles by their headings; 300 words without one hides the
    structure, and search engines use headings to understand the page.

    ## Example
    Five paragraphs (420 words) under one "Responsibilities" heading.
    Use instead: add subheadings where the topic changes.
    """

    code = "R005"
    name = "long-text-without-subheading"
    category = "readability"
    severity = "warning"
    options = {"max-words-without-subheading": 300}

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        limit = ctx.threshold("max-words-without-subheading")
        run, words = [], 0
        readable = {id(b) for b in readable_blocks(ctx)}
        for block in doc.blocks:
            if block.kind == HEADING and not is_boilerplate(doc, block):
                if run and words > limit:
                    yield self._report(ctx, run, words, limit)
                run, words = [], 0
            elif id(block) in readable:
                run.append(block)
                words += block.word_count
        if run and words > limit:
            yield self._report(ctx, run, words, limit)

    def _report(self, ctx, run, words, limit):
        # A method, not a closure in check: compiled, a generator's closure that holds a
        # function holding the closure is a reference cycle, and keeps the document alive
        # until the cyclic collector runs (Document.release).
        return ctx.at_blocks(self, run[0], f"{words} words without a subheading (limit {limit:g})",
                             last=run[-1], data={"words": words, "limit": limit})


@rule
class RepeatedSentenceStart(Rule):
    """Three or more consecutive sentences starting with the same word (off by default).

    ## What it does
    Within a section, reports runs of `repeated-start-run` (3) or more consecutive
    sentences that open with the same word, as Yoast does. Enable with
    `--extend-select R006`.

    ## Why is this bad?
    "The CPO ... The CPO ... The CPO ..." reads as a list pretending to be prose.

    ## Example
    Five paragraphs in a row that open with "The CPO".
    Use instead: vary the openings, or make it a list.
    """

    code = "R006"
    name = "repeated-sentence-start"
    category = "readability"
    severity = "info"
    default_enabled = False
    options = {"repeated-start-run": 3}

    def check(self, ctx):
        doc = ctx.doc
        limit = int(ctx.threshold("repeated-start-run"))
        sentences = readable_sentences(ctx, readable_blocks(ctx))
        run = []

        def first_word(s):
            m = WORD.search(s.text)
            return m.group(0).lower() if m else ""

        def flush():
            if len(run) >= limit:
                first, last = run[0], run[-1]
                line, column, _, _ = doc.text_span(first.block, first.start, first.end)
                _, _, end_line, end_column = doc.text_span(last.block, last.start, last.end)
                return ctx.diagnostic(self, (line, column, end_line, end_column),
                                      f"{len(run)} sentences in a row start with '{first_word(first)}'",
                                      data={"word": first_word(first), "sentences": len(run)})
            return None

        for s in sentences:
            if run and (first_word(s) != first_word(run[-1]) or doc.section_of(s.block) is not doc.section_of(run[-1].block)):
                found = flush()
                if found:
                    yield found
                run = []
            run.append(s)
        found = flush()
        if found:
            yield found


@rule
class PassiveVoice(Rule):
    """Passive voice above the share readers find easy (`max-passive-share`, 10%; off by default).

    ## What it does
    Detects passive sentences ("is expected", "are paid", "was built") with a rule-based
    detector that works with the blank spaCy pipeline (and uses part-of-speech tags when a
    trained pipeline is configured), and reports the article when their share is above the
    threshold. Enable with `--extend-select R007`.

    ## Why is this bad?
    Passive sentences hide who does what; Yoast flags articles above 10%.

    ## Example
    "Products are launched, budgets are set and teams are hired" - by whom?
    """

    code = "R007"
    name = "passive-voice"
    category = "readability"
    severity = "info"
    default_enabled = False
    options = {"max-passive-share": 0.10}

    def check(self, ctx):
        figures = article_figures(ctx)
        if figures is None or figures.sentences < 10:
            return
        share = figures.passive_voice_share
        if share <= ctx.threshold("max-passive-share"):
            return
        anchor = _anchor(ctx)
        if anchor is not None:
            yield ctx.at_blocks(self, anchor, f"{share:.0%} of sentences are passive "
                                              f"(limit {ctx.threshold('max-passive-share'):.0%})",
                                data={"passive_voice_share": share})
