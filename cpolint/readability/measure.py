"""Readability of the article's own text, per article and per canonical section.

The text measured is the article itself: paragraphs and list items, without site chrome
(boilerplate), without instructions or model output left in it (E001/E002), and without
headings. Each block ends a sentence (a period is supplied where a list item has none),
so textstat does not run a bullet into the next one.

Scores come from textstat (run offline, see offline.py); the sentence figures (longest,
share over 25 words, passive voice, repeated starts) from the shared spaCy sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from cpolint.analysis.boilerplate import is_boilerplate, sources_label
from cpolint.analysis.directives import Directives, model_output_sentences
from cpolint.document.model import LIST_ITEM, PARAGRAPH, Block, Sentence, count_words
from cpolint.fastre import byte_table, split_runs, words_in

_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "gotten", "getting"}
_ADVERBS = {"not", "often", "usually", "also", "typically", "always", "never", "rarely", "widely", "highly", "well",
            "generally", "still", "then", "already", "just", "frequently", "sometimes", "mostly", "largely",
            "increasingly", "commonly", "primarily", "directly", "fully", "being", "n't", "all", "both", "only",
            "now", "really", "very", "easily", "seldom", "closely", "heavily"}
_IRREGULAR = set("""known given made taken seen done paid held led built found written chosen driven shown brought
sought set put kept told taught understood bought sold run begun become grown thrown drawn spent sent lent left
lost met read heard won shut cut hit hurt let quit spread forgotten gotten hidden ridden risen spoken stolen sworn
torn worn woven eaten fallen forbidden frozen beaten bitten broken""".split())
# "-ed" words that are adjectives after "to be" far more often than passives.
_ADJECTIVE_ED = set("""interested experienced skilled detailed dedicated motivated talented organized organised
qualified advanced complicated sophisticated excited concerned involved related tired pleased surprised
worried bored focused focussed aligned committed determined educated varied balanced diversified specialized
specialised expected supposed used accustomed limited united based required""".split())

READING_WPM = 238  # average silent reading speed for non-fiction (Brysbaert, 2019)


@dataclass
class Figures:
    """Scores for one stretch of text (an article or a section)."""

    words: int = 0
    sentences: int = 0
    scores: dict = field(default_factory=dict)
    average_sentence_words: float = 0.0
    longest_sentence_words: int = 0
    share_sentences_over_25_words: float = 0.0
    average_paragraph_words: float = 0.0
    passive_voice_share: float = 0.0
    reading_time_minutes: float = 0.0

    def to_dict(self) -> dict:
        out = dict(self.scores)
        out.update({
            "words": self.words, "sentences": self.sentences,
            "average_sentence_words": self.average_sentence_words,
            "longest_sentence_words": self.longest_sentence_words,
            "share_sentences_over_25_words": self.share_sentences_over_25_words,
            "average_paragraph_words": self.average_paragraph_words,
            "passive_voice_share": self.passive_voice_share,
            "reading_time_minutes": self.reading_time_minutes,
        })
        return out


def excluded_sentences(ctx) -> set[int]:
    """Sentences that are instructions or model output (E001/E002), by sentence index."""
    doc = ctx.doc
    cached = doc.analyses.get("editor_sentences")
    if cached is not None:
        return cached
    analysis = Directives(ctx)
    sent: Sentence  # compiled, reads the slots directly (measure.pxd)
    out = set(model_output_sentences(ctx))  # of the article's prose, which holds all readable text
    for sent in doc.sentences:
        if sent.index not in out and analysis.directive(sent.text):
            out.add(sent.index)
    doc.analyses["editor_sentences"] = out
    return out


def readable_blocks(ctx, blocks: list[Block] | None = None) -> list[Block]:
    """The paragraphs and list items of `blocks` (default: the article) that are not chrome."""
    doc = ctx.doc
    if blocks is None:
        cached = doc.analyses.get("readable_blocks")
        if cached is None:
            cached = doc.analyses["readable_blocks"] = readable_blocks(ctx, doc.blocks)
        return cached
    return [b for b in blocks if b.kind in (PARAGRAPH, LIST_ITEM) and b.text.strip() and not is_boilerplate(doc, b)
            and not _in_references(doc, b)]


def _in_references(doc, block: Block) -> bool:
    """Whether the block is under a "Sources" or "References" heading: citations, not prose."""
    heading = doc.section_of(block).heading
    return heading is not None and heading.word_count <= 3 and sources_label(heading)


@dataclass
class _BlockFigures:
    """What one readable block adds to any stretch of text that holds it."""

    sentences: list[Sentence]
    lengths: list[int]  # words per sentence
    counts: object  # formulas.Counts of the block's measured text

    def __init__(self, sentences: list, lengths: list, counts: object):  # written out: see model.Block
        self.sentences = sentences
        self.lengths = lengths
        self.counts = counts


def _block_figures(ctx, block: Block) -> _BlockFigures:
    """Computed once per block: the article and each section add up the same records."""
    memo = ctx.doc.analyses.setdefault("block_figures", {})
    found = memo.get(block.index)
    if found is None:
        from cpolint.readability import formulas

        skip = excluded_sentences(ctx)
        candidates = [s for s in ctx.doc.sentences_of(block) if s.index not in skip]
        pairs = [(s, n) for s, n in zip(candidates, sentence_words(ctx, candidates)) if n]  # sentences with words
        sentences = [s for s, _ in pairs]
        counts = formulas.count(_block_text(sentences)) if sentences else None
        found = memo[block.index] = _BlockFigures(sentences, [n for _, n in pairs], counts)
    return found


def readable_sentences(ctx, blocks: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for block in blocks:
        out.extend(_block_figures(ctx, block).sentences)
    return out


def text_for_scores(sentences: list[Sentence]) -> str:
    """The text textstat measures: each block's sentences as _block_text makes them, a line each."""
    return "\n".join(_block_text(list(group)) for _, group in groupby(sentences, key=lambda s: id(s.block)))


def _block_text(sentences: list[Sentence]) -> str:
    """One block's measured text: its sentences, closed with a period if the last is not."""
    text = " ".join(s.text for s in sentences).strip()
    return text if text[-1:] in ".!?…" or text.endswith(("?\"", ".\"", ".”", "?”", "!”")) else text + "."


def is_passive(sentence: Sentence) -> bool:
    if words_in(sentence.text).isdisjoint(_BE):
        return False  # no form of "to be" as a whole word: skip the tokens
    from cpolint.document.sentences import has_tags

    if not has_tags():
        # The blank pipeline has no tags: the words are enough. Most sentences hold no word
        # that could be a past participle: one set test rules them out.
        if not any(map(_participle_like, _letter_runs(sentence.text.lower()))):
            return False
        words = [w.lower() for w in _TOKEN.findall(sentence.text)]
        return _passive(words, lambda j: _participle_like(words[j]))
    tokens = sentence.tokens
    return _passive([t.text.lower() for t in tokens], lambda j: tokens[j].tag_ == "VBN")


_TOKEN = re.compile(r"[A-Za-z]+?(?=n't\b)|n't|[A-Za-z]+(?:'[a-z]+)?")  # "isn't" -> "is", "n't" as spaCy splits it
_LETTERS = re.compile(r"[a-z]+")  # a participle _TOKEN finds is one such run of the lower-cased text
_LETTER_BYTES = byte_table(lambda ch: "a" <= ch <= "z")


def _letter_runs(text: str) -> set[str]:
    """set(_LETTERS.findall(text)), split in C."""
    return set(split_runs(text, _LETTER_BYTES))


def _participle_like(word: str) -> bool:
    """A past participle to the untagged test: an irregular one, or an "-ed" word that is not
    one of the adjectives that follow "to be" far more often than passives do."""
    return word in _IRREGULAR or (word.endswith("ed") and len(word) > 4 and word not in _ADJECTIVE_ED)


def _passive(words: list[str], participle) -> bool:
    """A form of "to be", then adverbs, then a word that `participle(index)` says is a past participle."""
    for k, w in enumerate(words):
        if w not in _BE:
            continue
        j = k + 1
        while j < len(words) and words[j] in _ADVERBS:
            j += 1
        if j < len(words) and participle(j):
            return True
    return False


def measure(ctx, blocks: list[Block]) -> Figures | None:
    """Figures for the readable text of `blocks`, or None if there is no text."""
    from cpolint.readability import formulas

    records = [r for r in (_block_figures(ctx, b) for b in blocks) if r.sentences]
    if not records:
        return None
    counts = formulas.total([r.counts for r in records])
    scores = formulas.scores(counts)
    lengths = [n for r in records for n in r.lengths]
    sentences = [s for r in records for s in r.sentences]
    words = sum(lengths)
    passive = _passive_sentences(ctx)
    return Figures(
        words=words,
        sentences=len(sentences),
        scores={name: round(value, 2) for name, value in scores.items()},
        average_sentence_words=round(words / len(sentences), 2),
        longest_sentence_words=max(lengths),
        share_sentences_over_25_words=round(sum(1 for n in lengths if n > 25) / len(sentences), 3),
        average_paragraph_words=round(words / len(records), 2),
        passive_voice_share=round(sum(1 for s in sentences if s.index in passive) / len(sentences), 3),
        reading_time_minutes=round(words / READING_WPM, 1),
    )


def sentence_words(ctx, sentences: list[Sentence]) -> list[int]:
    """Words per sentence, counted once per document."""
    s: Sentence  # compiled, reads the slots directly (measure.pxd); from a list of sentences
    memo = ctx.doc.analyses.setdefault("sentence_words", {})
    out = []
    for s in sentences:
        n = memo.get(s.index)
        if n is None:
            # A sentence that is its whole block has the block's words, counted already.
            n = memo[s.index] = s.block.word_count if s.text == s.block.text else count_words(s.text)
        out.append(n)
    return out


def _passive_sentences(ctx) -> set[int]:
    doc = ctx.doc
    found = doc.analyses.get("passive")
    if found is None:
        found = {s.index for s in readable_sentences(ctx, readable_blocks(ctx)) if is_passive(s)}
        doc.analyses["passive"] = found
    return found


def article_figures(ctx) -> Figures | None:
    doc = ctx.doc
    if "readability" not in doc.analyses:
        doc.analyses["readability"] = measure(ctx, readable_blocks(ctx))
    return doc.analyses["readability"]


def section_figures(ctx) -> list[tuple[str, Block, Figures]]:
    """(schema section id, heading, figures) for each outermost canonical section with a heading
    (FAQ questions and job-description templates are not sections of the article)."""
    doc = ctx.doc
    if "section_readability" in doc.analyses:
        return doc.analyses["section_readability"]
    out = []
    if ctx.schema is not None:
        from cpolint.analysis.sections import coverage

        seen = set()
        headings = [c for c in coverage(doc, ctx.schema) if c.via == "heading" and c.context is None]
        sections = {id(c.block): doc.section_of(c.block) for c in headings}
        for cov in headings:
            if id(cov.block) in seen:
                continue
            seen.add(id(cov.block))
            section = sections[id(cov.block)]
            # Only the article's own sections: a canonical heading nested in another one
            # ("Technical Skills" under "Skills") is measured as part of its parent.
            if any(id(a.heading) in sections for a in section.ancestors() if a.heading is not None):
                continue
            figures = measure(ctx, readable_blocks(ctx, section.body_blocks()))
            if figures is not None:
                out.append((cov.section, cov.block, figures))
    doc.analyses["section_readability"] = out
    return out


def file_readability(doc, engine) -> dict:
    """The JSON `files[].readability` entry (article figures, then each section's)."""
    ctx = doc.analyses.get("context")
    if ctx is None or not engine.measure_readability:
        return {}
    figures = article_figures(ctx)
    if figures is None:
        return {"readability": None}
    data = figures.to_dict()
    data["sections"] = [{"id": sid, "line": block.line, "heading": block.text, **f.to_dict()}
                        for sid, block, f in section_figures(ctx)]
    return {"readability": data}
