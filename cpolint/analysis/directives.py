"""Sentences meant for the writer or carrying a model's words, found once per document.

The editor-note rules report them (E001 instructions, E002 model output) and readability
leaves them out of its figures, so the analysis lives here rather than in either. The word
lists are the lexicons of rules/packs/editor-notes.yaml, which a team can extend.
"""

from __future__ import annotations

import re

from cpolint.analysis.boilerplate import content_blocks
from cpolint.document.model import Block
from cpolint.fastre import Keyed, fold, keyed, started, words_in


def alternation(ctx, name: str, flags=re.I, bounded: bool = True) -> re.Pattern | None:
    """A lexicon as one pattern; bounded: not inside a longer word or an @handle."""
    template = r"(?<![\w@])(?:{body})(?![\w])" if bounded else "(?:{body})"
    return ctx.registry.lexicon_pattern(name, template, flags)


def short(text: str, limit: int = 70) -> str:
    """The text on one line, cut at a word to `limit` characters (for messages)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


_LEAD = re.compile(
    r"^(?:[\[(]\s*)?(?:(?:please|also|then|now|next|finally|additionally|lastly|first|second|third|and|note:|"
    r"in (?:the|this) (?:next|following|previous|last|first|second|final) (?:section|paragraph|part)|"
    r"for (?:seo|readability|the intro(?:duction)?|each section)|here|make sure to|be sure to|don['’]t forget to|"
    r"remember to)[,:]?\s+)*", re.I)
# The lookaheads name the first letters a match can start with (under re.I the engine would
# otherwise try every alternative at every word start).
_TEXT_PARTS = ["article", "section", "paragraph", "post", "text", "draft", "piece", "intro", "introduction",
               "conclusion", "heading", "sentence", "copy", "blog post", "content"]
# Behind the words for the text's parts (each match names one, singular or plural, as a whole
# word) rather than keyed()'s choice, the determiners: "the" is in nearly every sentence.
_MODAL_ON_TEXT = Keyed(started(
    rf"(?=[ent])\b(?:this|the|each|every|that|next) (?:{'|'.join(_TEXT_PARTS)})s? (?:should|must|needs?(?: to)?|"
    r"has to|will need|could use|ought to|requires?|is missing)\b", re.I),
    [form for part in _TEXT_PARTS for form in (part.split()[0], part.split()[0] + "s")])
_ADVICE = keyed(started(r"(?=i)\b(?:it['’]?s|it is) (?:advisable|recommended|best|a good idea|important|essential|crucial|"
                     r"better|necessary|wise) to (\w[\w-]*)", re.I))
_SECOND_PERSON = keyed(started(r"(?=[ty])\b(?:you should|you need to|you must|you['’]ll need to|you will need to|"
                            r"you may want to|try to) (\w[\w-]*)", re.I))
_MAKE_IT = re.compile(r"^make (?:it|this|them|the (?:text|article|tone|copy|intro))\s+(?:sound |read |feel )?"
                      r"(?:more |less |a bit |very )?(?:engaging|readable|concise|punchy|friendly|professional|"
                      r"formal|casual|conversational|shorter|longer|compelling|seo[- ]friendly|clearer|simpler|"
                      r"persuasive|human|natural|catchy)\b", re.I)
_FIRST_WORD = re.compile(r"[\w-]+")
# "When you write about AI, avoid hype.": how to write the article's topic (about a topic
# only: "When you write your resume, keep it short" is advice to readers).
_WRITING_ABOUT = re.compile(r"(?:when|whenever|if|as) you(?:['’]re)? (?:write|writing) about\b(?!\s+(?:your|yourself|their)\b)"
                            r"[^,.;]{1,60},\s*([\w-]+)", re.I)
# The first words of _LEAD's lead-ins (folded), and "make" (_MAKE_IT's): a sentence whose
# first word is none of these and no writer verb has no imperative.
_LEAD_STARTS = frozenset("""please also then now next finally additionally lastly first second third and in for here
make be don remember note ensure""".split())
# "Make sure the salary figures below are updated every January": the text's part, to be done to.
_ENSURE = re.compile(r"^(?:make sure|ensure)(?: that)? (?P<what>[^,;:.]{3,50}?) (?:is|are|gets?|get|stays?|stay) "
                     r"(?:[\w-]+ly )?[\w-]+ed\b", re.I)
# A document of the reader's own that the imperative is about, named before what it asks of it:
# "Keep each job description under 700 words", "Keep your resume to two pages" is advice to a
# reader who writes one (a recruiter, a candidate), not an instruction about this text.
_READER_DOC = re.compile(r"\b(?:job\s+(?:descriptions?|ads?|postings?|adverts?|listings?)|postings?|resumes?|r[ée]sum[ée]s?|"
                         r"cvs?|cover\s+letters?|emails?|linkedin\s+(?:profile|summary|headline)|profiles?|bios?|"
                         r"proposals?|decks?|presentations?|offer\s+letters?|briefs?\s+to\s+(?:the\s+)?agency)\b", re.I)
# Whose the text's part is, said after it: "the introduction on your website", "a salary table
# to your offer letter" are the reader's.
_READERS_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:of|on|in|for|from|to|into)\s+(?:your|their|his|her)\b", re.I)
# A section about a document of the reader's own ("Update your resume", "Build your
# portfolio"): its imperatives are advice about that document, not instructions for this text.
READER_SECTION = re.compile(r"\byour\s+(?:own\s+)?(?:resume|r[ée]sum[ée]|cv|portfolio|cover\s+letter|linkedin|"
                            r"profile|application|website|personal\s+site|case\s+stud(?:y|ies)|pitch|bio|answers?)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:so|because|which|while)\b|\s(?:that|which|who|can|could|will|would|so|because|"
                         r"when|while|if)\s", re.I)


# The role a prompt gives the model ("You are an expert career writer.", "Act as a senior
# recruiter and explain ..."): a writer, an editor or an expert in writing, never the reader's
# own qualities ("You are an expert communicator" names no writer).
_PERSONA = re.compile(r"(?:you are|you['’]re|act as|pretend (?:to be|you are)|imagine you are|take on the role of)\s+"
                      r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:writer|copywriter|content (?:writer|strategist|marketer)|"
                      r"editor|journalist|blogger|(?:seo|career|content|hr|hiring|recruitment|writing) (?:expert|specialist|"
                      r"coach|advisor|adviser)|recruiter|helpful assistant|ai assistant)\b(?!['’])", re.I)  # (not "a recruiter's dream")
_PERSONA_STARTS = frozenset(("Yo", "yo", "Ac", "ac", "Pr", "pr", "Im", "im", "Ta", "ta"))

_DETERMINERS = ("the", "this", "that", "these", "those", "your")
IMPERATIVE = "an imperative"  # how an imperative's reason starts (E001 leaves some of them to readers)


def _part(target: re.Match) -> str:
    """The part of the text a directive names, for a message ("the text's salary figures")."""
    words = target.group(0).split(None, 1)
    return short(words[1] if len(words) == 2 and words[0].lower() in _DETERMINERS else target.group(0), 30)


class Directives:
    """Which sentences talk to the writer, and how (memoised per document by sentence text)."""

    def __init__(self, ctx):
        self.verbs = alternation(ctx, "writer-verbs")
        self.objects = alternation(ctx, "text-objects")
        # The verbs' words (and "make", which _MAKE_IT starts with) when every verb has
        # prefilter words; else None, and every sentence is tested.
        keyed_verbs = isinstance(self.verbs, Keyed) and self.verbs.rest is None
        self.verb_words = self.verbs.keys | {"make"} if keyed_verbs else None
        self._memo: dict[str, str | None] = ctx.doc.analyses.setdefault("directives", {})

    def directive(self, text: str) -> str | None:
        if text not in self._memo:
            self._memo[text] = self._directive(text)
        return self._memo[text]

    def _directive(self, text: str) -> str | None:
        if self.verbs is None or self.objects is None:
            return None
        # An imperative needs a writer verb somewhere in the sentence ("make" is one): most
        # sentences have none, and go straight to the modal, advice and second-person tests.
        if self.verb_words is None or not self.verb_words.isdisjoint(words_in(text)):
            found = self._imperative(text)
            if found:
                return found
        if _MODAL_ON_TEXT.search(text):
            return "tells the text what it needs"
        if text[:2] in _PERSONA_STARTS and _PERSONA.match(text):
            return "a prompt's persona for the model"
        if text[:2] in ("Wh", "wh", "If", "if", "As", "as"):
            m = _WRITING_ABOUT.match(text)
            if m and self.verbs.fullmatch(m.group(1)):
                return f"an instruction for writing about a topic ('{short(m.group(0), 40)}')"
        for pattern, what in ((_ADVICE, "advice about writing"), (_SECOND_PERSON, "an order to the writer")):
            m = pattern.search(text)
            # The text's part must be the verb's object, in its own clause: "You'll need to write
            # clearly, too: designers write ... the copy in their mock-ups" is advice to a reader.
            if m and self.verbs.fullmatch(m.group(1)) and self._object_in(_CLAUSE_END.split(text[m.end():], maxsplit=1)[0]):
                return f"{what} ('{short(m.group(0), 40)}')"
        return None

    def _object_in(self, clause: str) -> re.Match | None:
        """The part of the text that `clause` names, unless it is the reader's own ("the
        introduction on your website", "the summary of your resume")."""
        target = self.objects.search(clause)
        if target is None or _READER_DOC.search(clause, 0, target.start()) or _READERS_AFTER.match(clause, target.end()):
            return None
        return target

    def _imperative(self, text: str) -> str | None:
        # Without a lead-in, the first word decides: most sentences start with neither a
        # lead-in word nor a writer verb, and skip _LEAD and _MAKE_IT (tested equal to the
        # full test on every sentence of the corpus and seeds and on each lead-in).
        head = text.strip()
        rest = head[1:].lstrip() if head[:1] in ("[", "(") else head  # what _LEAD's bracket takes
        first = _FIRST_WORD.match(rest)
        word = fold(first.group(0)) if first else ""
        if word not in _LEAD_STARTS and not (first and self.verbs.fullmatch(first.group(0))):
            return None
        return self._imperative_full(text)

    def _imperative_full(self, text: str) -> str | None:
        original = text.strip().lstrip("[(").strip()
        stripped = text.strip()
        stripped = stripped[_LEAD.match(stripped).end():]
        led = stripped != original  # a lead-in such as "In the next section," was removed
        if _MAKE_IT.match(stripped):
            return "an instruction to rewrite the text"
        ensure = _ENSURE.match(stripped) if stripped[:1] in "mMeE" else None
        if ensure:
            target = self._object_in(ensure.group("what"))
            if target:
                return f"an instruction about the text's {_part(target)}"
        first = _FIRST_WORD.match(stripped)
        if first and self.verbs.fullmatch(first.group(0)) and (led or not stripped[:1].islower()):
            # The verb's object must be the text: look in its own clause, not a later one
            # ("Make sure your team can explain the brand in one sentence" is about the team).
            clause = _CLAUSE_END.split(stripped[first.end():], maxsplit=1)[0]
            clause = " ".join(clause.split()[:15])
            target = self._object_in(clause)
            if target:
                return f"{IMPERATIVE} ('{first.group(0)}') about the text's {_part(target)}"
        return None

    def mentions_text(self, text: str) -> bool:
        return self.objects is not None and self.objects.search(text) is not None


def model_output_sentences(ctx) -> set[int]:
    """Indexes of the article's prose sentences that hold a model's words to its user (the
    model-leakage lexicon), once per document: E002 reports them, readability leaves them out.
    A block is searched first; only the sentences of a block that holds some are."""
    doc = ctx.doc
    found = doc.analyses.get("model_output_sentences")
    if found is None:
        block: Block  # compiled, reads the slots directly (directives.pxd); from a list of blocks
        found = set()
        pattern = alternation(ctx, "model-leakage")
        if pattern is not None:
            for block in content_blocks(doc):
                if pattern.search(block.text):
                    sentences = doc.sentences_of(block)
                    for s in sentences:
                        m = pattern.search(s.text)
                        if m is not None and not _quoted(s.text, m.start()):
                            found.add(s.index)
                    # A phrase that runs over a sentence end ("Certainly! Here's a more engaging
                    # version ...") marks the sentence it starts in and the next one.
                    for m in pattern.finditer(block.text):
                        if not _quoted(block.text, m.start()):
                            found.update([s.index for s in sentences if s.end > m.start() and s.start < m.end()][:2])
        doc.analyses["model_output_sentences"] = found
    return found


def _quoted(text: str, at: int) -> bool:
    """Whether text[at] sits inside quotation marks: words the article quotes ('Interviewers
    often ask: "Would you like me to walk you through it?"'), not a model talking."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
