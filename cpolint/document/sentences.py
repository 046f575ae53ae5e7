"""Sentences and tokens from spaCy, computed once per document and shared by every rule.

The default pipeline is `spacy.blank("en")`: spaCy's tokenizer, and sentence starts by the
rule of spaCy's rule-based Sentencizer, computed here over the token arrays with NumPy
(the Sentencizer makes a Python Token object per token, which cost more than tokenizing).
No model to download, ~40x faster than a trained pipeline. A trained pipeline is used only
when the configuration names one (`nlp-model`) and it is installed; its parser or senter
then sets the sentences.

The article's blocks are one text to spaCy, joined by JOIN, as if tokenized in one call:
a sentence never runs from one block into the next (the whitespace token between them
ends any sentence the first leaves open), and tokens never cross white space, so the
blocks may go to the tokenizer in groups and come out the same.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from typing import TYPE_CHECKING

from cpolint.document.model import CODE, FRONT_MATTER, Sentence

if TYPE_CHECKING:
    from cpolint.document.model import Document

_lock = threading.Lock()
_pipelines: dict[str, object] = {}
_model_name = ""

# Blocks are joined with this separator so one spaCy call serves the whole document.
JOIN = "\n\n"
_MAX_CHARS = 900_000  # below spaCy's default nlp.max_length


def configure(model: str | None) -> None:
    """Choose the pipeline for this process: "" for the blank one, or a trained package name."""
    global _model_name
    _model_name = model or ""


def _spacy_info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy():
    """`import spacy` without spaCy's command line.

    spaCy's package __init__ imports `spacy.cli` for one name (`spacy.info`), and with it
    every spaCy command: `download` (which imports requests), weasel's project tooling,
    the config templates. That is a third of `import spacy` (0.3 s here), on every cold
    run, for nothing cpolint calls. While spaCy's __init__ runs, `spacy.cli.info` is a
    stand-in whose `info` imports the real one when called; the stand-ins are removed
    straight after, so `import spacy.cli` later imports the real command line. Should a
    spaCy release need more from `spacy.cli` at import, the plain import runs instead.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` can be found under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except Exception:  # this spaCy wants more of its command line: import it the usual way
        spacy = None
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and loaded.__dict__.get("cli") is cli:
            del loaded.cli
    if spacy is None:
        import spacy
    return spacy


def get_nlp():
    """The process-wide pipeline, loaded on first use."""
    name = _model_name
    with _lock:
        nlp = _pipelines.get(name)
        if nlp is None:
            spacy = import_spacy()

            if name:
                nlp = spacy.load(name, exclude=["ner", "lemmatizer", "textcat"])
                if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
                    nlp.add_pipe("sentencizer")
            else:
                nlp = _blank_english()
                # spaCy caches the tokens of 10,000 distinct chunks (a word with its
                # punctuation) and then stops caching: a folder of real articles passes
                # that early. An entry costs ~330 bytes: 50,000 are at most 16 MiB.
                nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, 50_000)
            _pipelines[name] = nlp
        return nlp


class _BlankEnglish:
    """What cpolint asks of `spacy.blank("en")`: its tokenizer, called on a text, and no pipes."""

    pipe_names: list[str] = []

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        return self.tokenizer(text)


def _blank_english() -> _BlankEnglish:
    """spacy.blank("en")'s tokenizer, made by spaCy's own tokenizer factory from English's
    defaults and vocabulary, as spacy.blank makes it, without the Language object around it:
    that one is built from a config that pydantic validates, ~0.08 s of every cold run.
    tests/test_document.py checks the tokens and their attributes against spacy.blank("en")."""
    from spacy.lang.en import English
    from spacy.language import create_tokenizer
    from spacy.vocab import create_vocab

    nlp = types.SimpleNamespace(Defaults=English.Defaults, vocab=create_vocab(English.lang, English.Defaults))
    return _BlankEnglish(create_tokenizer()(nlp))


def has_tags() -> bool:
    """Whether the pipeline in use tags parts of speech (only a trained one does)."""
    if not _model_name:
        return False
    nlp = get_nlp()
    return "tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names


def sentence_blocks(doc: "Document") -> list:
    """The blocks whose text goes to spaCy (joined by JOIN): all but code and front matter."""
    return [b for b in doc.blocks if b.kind not in (CODE, FRONT_MATTER) and b.text.strip()]


def split_sentences(doc: "Document") -> list[Sentence]:
    blocks = sentence_blocks(doc)
    if not blocks:
        return []
    nlp = get_nlp()
    sentences = _split_by_pipeline(nlp, blocks) if nlp.pipe_names else _split_by_rule(nlp.tokenizer, blocks)
    for index, sent in enumerate(sentences):
        sent.index = index
    return sentences


def _split_by_pipeline(nlp, blocks) -> list[Sentence]:
    """A trained pipeline's sentences, over the joined text (its parser reads across blocks)."""
    sentences: list[Sentence] = []
    # Chunk the document so very large files stay under spaCy's length limit.
    chunk: list = []
    size = 0
    for block in blocks:
        if chunk and size + len(block.text) > _MAX_CHARS:
            sentences.extend(_split_chunk(nlp, chunk))
            chunk, size = [], 0
        chunk.append(block)
        size += len(block.text) + len(JOIN)
    if chunk:
        sentences.extend(_split_chunk(nlp, chunk))
    return sentences


def _split_chunk(nlp, blocks) -> list[Sentence]:
    texts = [block.text[:_MAX_CHARS] for block in blocks]
    joined = JOIN.join(texts)
    spacy_doc = nlp(joined)
    if nlp.pipe_names:
        spans = [(span.start_char, span.end_char) for span in spacy_doc.sents]
    else:
        starts_at = sentence_starts(spacy_doc)
        spans = list(zip(starts_at, starts_at[1:] + [len(joined)]))
    return _cut(blocks, texts, _offsets(texts), spans, [(spacy_doc, 0)] * len(blocks))


# Words whose "'s" is one of spaCy's special cases ("it's"), not a possessive suffix.
_S_PRONOUNS = frozenset(("he", "how", "it", "let", "she", "that", "there", "this", "what", "when", "where", "who",
                         "why"))


# White space that is one of spaCy's special cases. The tokenizer makes a span of each run of
# white space between two chunks, less the run's first character when that is a space, and a
# span "\t", "\n", "\xa0" or " " is a special case (a token of its own) that stops the cache
# like any other: a non-breaking space, a line break inside a paragraph or two spaces after a
# period left every later chunk of a call uncached. Such a span is a run of one of the first
# three, or of a space and one of the four.
_WHITE_SPECIAL = re.compile(r"(?<!\s)(?: ?[\t\n\xa0]|  )(?!\s)")


def _may_hold_special(text: str) -> bool:
    """Whether the text may hold one of spaCy's English special cases ("it's", "don't",
    "cannot", "—", the white space above; emoticons and abbreviations are rare in articles).
    A miss, or a false alarm, costs time only.

    An apostrophe counts unless it starts a possessive "'s" (spaCy splits that off as a
    suffix) after a word other than the pronouns above. Each apostrophe is looked at where
    str.find puts it: a case-insensitive pattern was tried at every character of the text.
    """
    for quote in ("'", "’"):
        at = text.find(quote)
        while at >= 0:
            after = text[at + 1:at + 3]
            if after[:1] not in ("s", "S") or (len(after) == 2 and (after[1].isalnum() or after[1] == "_")):
                return True  # "don't", "'90s", a quotation mark
            start = at
            while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                start -= 1
            if text[start:at].lower() in _S_PRONOUNS:
                return True
            at = text.find(quote, at + 1)
    if "annot" in text or "—" in text:
        return True
    return ("\xa0" in text or "\n" in text or "\t" in text or "  " in text) and _WHITE_SPECIAL.search(text) is not None


def _split_by_rule(tokenizer, blocks) -> list[Sentence]:
    """The blank pipeline's sentences: the Sentencizer's rule over the tokens of all blocks.

    A block with no sentence-final mark before its end is one sentence whatever its tokens
    are (half the words of the generated bench articles, a quarter of the seeds'): it goes
    to no tokenizer call. Once spaCy's tokenizer has met a special case in a text ("it's"),
    it caches none of the text's later chunks (spacy/tokenizer.pyx, _save_cached, issue
    #1250): one call over a whole article re-tokenized everything after its first
    contraction, on every article (three quarters of the tokenizer's time on the seeds). So
    a call ends after each block that may hold one. The calls' token arrays, placed where
    their blocks sit in the joined text with a row for the white space between two calls,
    give the sentence starts of one call over the joined text.
    """
    import numpy

    texts = [block.text[:_MAX_CHARS] for block in blocks]
    offsets = _offsets(texts)
    arrays: list = []
    doc_of: list[tuple[object, int]] = [(None, 0)] * len(texts)  # (spaCy Doc, shift into its text)
    group: list[int] = []
    several: list[int] = []  # the blocks of more than one sentence (_amount_ends looks only there)
    size = 0
    for k, text in enumerate(texts):
        tokenized = not _one_sentence(text)
        if tokenized:
            group.append(k)
            several.append(k)
            size += len(text) + len(JOIN)
        if group and (k + 1 == len(texts) or size >= _MAX_CHARS or (tokenized and _may_hold_special(text))):
            _tokenize_group(tokenizer, texts, offsets, group, arrays, doc_of)
            group, size = [], 0
    if arrays:
        rows = arrays[0] if len(arrays) == 1 else numpy.concatenate(arrays)
        starts_at = _rule_starts(rows, tokenizer.vocab)
        starts_at[0] = 0  # what lies before the first token is blocks of one sentence (or white space)
        extra = _amount_ends(texts, offsets, several)
        if extra:
            starts_at = sorted(set(starts_at).union(extra))
        starts_at = _adjusted_starts(starts_at, texts, offsets)
    else:
        starts_at = [0]
    end = offsets[-1] + len(texts[-1])
    return _cut(blocks, texts, offsets, list(zip(starts_at, starts_at[1:] + [end])), doc_of)


# spaCy's suffix rules split a period off a lower-case letter but not off a capital, so an
# amount with a capital magnitude ("$215K.", "$1.2M.") stays one token with its period, and
# the Sentencizer never ends the sentence there: "... is $215K. In London ..." was one
# sentence, and London leaked into the US figure's population.
_AMOUNT_END = re.compile(r"\d[KMB]\.[\"\u201d\u2019')\]]*\s+(?=[A-Z\"\u201c(\[])")


# Opening brackets and quotes: the Sentencizer leaves one that opens the next sentence at the
# end of the sentence before ("... budgeting. [Expand this section ...]": the "[" ended the
# first sentence), so a note's span, or a fix that removes it, would miss it.
_OPENERS = frozenset("([{\"“‘'«")


def _opener_start(text: str, at: int) -> int:
    """`at`, moved back over the opening brackets and quotes that start the word there."""
    while at > 0 and text[at - 1] in _OPENERS and (at == 1 or text[at - 2].isspace()):
        at -= 1
    return at


# An abbreviation that a figure follows ("approx. $250,000", "Rs. 1.5 crore", "No. 1"): the
# Sentencizer ends a sentence at its period, and the figure lost what it is the pay of.
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:(?i:approx|appx|est|avg|ca|rs|yrs?|hrs?|mo)|No|Nos)\.\s+$")
_FIGURE_START = frozenset("0123456789$£€₹")


def _adjusted_starts(starts: list[int], texts: list[str], offsets: list[int]) -> list[int]:
    """Sentence starts (in the joined text of `texts`) moved back over their openers, less
    those at a figure right after an abbreviation's period (one walk for both)."""
    out = []
    k, last = 0, len(offsets) - 1
    for at in starts:  # both sorted: one walk over the blocks, not a search per start
        while k < last and offsets[k + 1] <= at:
            k += 1
        local = at - offsets[k]
        text = texts[k]
        if 0 < local < len(text) and text[local] in _FIGURE_START and text[local - 1].isspace() \
                and _ABBREVIATION_END.search(text, max(0, local - 12), local):
            continue
        if 0 < local < len(text) and text[local - 1] in _OPENERS and not text[local].isspace():
            at = offsets[k] + _opener_start(text, local)
        if not out or at > out[-1]:
            out.append(at)
    return out


def _amount_ends(texts: list[str], offsets: list[int], several: list[int]) -> list[int]:
    """Sentence starts after an amount with a capital magnitude and its period, in the
    joined text, in the blocks `several` (a one-sentence block ends with its last period);
    a substring test per block first (most blocks have none)."""
    out = []
    for k in several:
        text = texts[k]
        if "K." in text or "M." in text or "B." in text:
            out.extend(offsets[k] + m.end() for m in _AMOUNT_END.finditer(text))
    return out


def _tokenize_group(tokenizer, texts, offsets, group, arrays, doc_of) -> None:
    """One tokenizer call over the blocks `group` (joined by JOIN), its token rows moved to
    where each block sits in the joined text of all blocks."""
    import numpy

    spacy_doc = tokenizer(JOIN.join([texts[k] for k in group]))
    rows = spacy_doc.to_array(_attrs())
    starts, shifts = [], []
    local = 0
    for k in group:
        starts.append(local)
        shifts.append(offsets[k] - local)
        doc_of[k] = (spacy_doc, offsets[k] - local)
        local += len(texts[k]) + len(JOIN)
    if shifts[0] == shifts[-1]:  # consecutive blocks: one shift for all
        rows[:, 2] += shifts[0]
    else:  # blocks of one sentence left out between them: each row moves with its block
        at = numpy.searchsorted(numpy.array(starts, dtype=rows.dtype), rows[:, 2], side="right") - 1
        rows[:, 2] += numpy.array(shifts, dtype=rows.dtype)[at]
    if arrays:  # the whitespace token of JOIN: neither punctuation nor sentence-final
        arrays.append(numpy.array([[0, 0, offsets[group[0]] - len(JOIN)]], dtype=rows.dtype))
    arrays.append(rows)


# Characters that may end a block after its last sentence-final mark and make no token that
# could start a sentence: the marks themselves, closing quotes and brackets (white space
# inside that tail could, so it is not among them).
_CLOSERS = ")]}\"'\u201d\u2019\u00bb\u203a"
_FINAL: list = []  # [the Sentencizer's sentence-final characters (a set), those and _CLOSERS]


def _first_final(text: str, finals: frozenset) -> int:
    """Where the first sentence-final character of `text` is, or -1. str.find for ".", "!"
    and "?", and the others only in text that is not ASCII: a pattern class of all 128
    runs ~100 ns a character."""
    first = -1
    for mark in ".!?":
        at = text.find(mark)
        if at >= 0 and (first < 0 or at < first):
            first = at
    if not text.isascii():
        for mark in finals.intersection(text):
            at = text.find(mark)
            if first < 0 or at < first:
                first = at
    return first


def _one_sentence(text: str) -> bool:
    """True when no sentence-final character (the Sentencizer's) comes before the block's
    closing marks: no token in it can then start a second sentence."""
    if not _FINAL:
        from spacy.pipeline.sentencizer import Sentencizer

        finals = frozenset(Sentencizer.default_punct_chars)
        _FINAL[:] = [finals, "".join(sorted(finals)) + _CLOSERS]
    finals, tail = _FINAL
    first = _first_final(text, finals)
    if first < 0:
        return True
    # The first sentence-final character must lie in the closing tail: walk the tail back
    # from the end (a character or two) instead of copying the text without it.
    end = len(text.rstrip())
    while end > first and text[end - 1] in tail:
        end -= 1
    return end <= first


def _offsets(texts: list[str]) -> list[int]:
    """Where each text starts in JOIN.join(texts)."""
    out = [0]
    for text in texts[:-1]:
        out.append(out[-1] + len(text) + len(JOIN))
    return out


def _cut(blocks, texts, starts, spans, doc_of) -> list[Sentence]:
    """Sentences from (start, end) spans over JOIN.join(texts); `starts` from _offsets."""
    out: list[Sentence] = []
    block_index = 0
    for s_start, s_end in spans:
        # A spaCy sentence may run over a block boundary (a heading has no final period):
        # cut it at every boundary it crosses.
        while s_start < s_end:
            while block_index + 1 < len(starts) and starts[block_index + 1] <= s_start:
                block_index += 1
            b_start = starts[block_index]
            block_text = texts[block_index]
            piece_end = min(s_end, b_start + len(block_text))
            # Empty when the span starts in the white space between two blocks.
            text = block_text[s_start - b_start:piece_end - b_start]
            stripped = text.strip()
            if stripped:
                lead = len(text) - len(text.lstrip())
                local_start = s_start - b_start + lead
                spacy_doc, doc_start = doc_of[block_index]
                char = s_start + lead - doc_start
                out.append(Sentence(blocks[block_index], local_start, local_start + len(stripped), stripped,
                                    _doc=spacy_doc, _char=(char, char + len(stripped))))
            if piece_end >= s_end:
                break
            s_start = piece_end + len(JOIN)
    return out


_punct_ids: dict[int, object] = {}
_ATTRS: list[int] = []  # ORTH, IS_PUNCT, IDX (on first use: spacy.attrs comes with spaCy)


def sentence_starts(spacy_doc) -> list[int]:
    """Character offsets where sentences start, by spaCy's Sentencizer rule: the first
    token, and every token that is neither punctuation nor a sentence-final character and
    follows a sentence-final character ('.', '!', '?' ...) with only punctuation between."""
    if not len(spacy_doc):
        return []
    return _adjusted_starts(_rule_starts(spacy_doc.to_array(_attrs()), spacy_doc.vocab), [spacy_doc.text], [0])


def _attrs() -> list[int]:
    if not _ATTRS:
        from spacy.attrs import IDX, IS_PUNCT, ORTH

        _ATTRS[:] = [ORTH, IS_PUNCT, IDX]
    return _ATTRS


def _rule_starts(arr, vocab) -> list[int]:
    """sentence_starts over token rows (ORTH, IS_PUNCT, IDX)."""
    import numpy

    found = _punct_ids.get(id(vocab))
    if found is None:
        from spacy.pipeline.sentencizer import Sentencizer

        # Sorted and distinct (numpy.unique would import numpy.ma: 14 ms of a cold run).
        found = _punct_ids[id(vocab)] = (
            numpy.array(sorted({vocab.strings.add(c) for c in Sentencizer.default_punct_chars}), dtype=numpy.uint64),
            numpy.uint64(vocab.strings.add(",")), numpy.uint64(vocab.strings.add(";")))
    ids, comma, semicolon = found
    idx = arr[:, 2]
    # Membership in the sorted ids by binary search: numpy.isin sorts the token column with
    # the ids on every call (twice the time for the same answer).
    orth = arr[:, 0]
    at = numpy.minimum(numpy.searchsorted(ids, orth), len(ids) - 1)
    final = ids[at] == orth
    # A period the sentence goes on after ("£120k-£150k p.a., with a median of £135k", "e.g.,
    # the CPO"): a comma or semicolon right after it means no sentence ended there.
    going_on = (orth[1:] == comma) | (orth[1:] == semicolon)
    final[:-1] &= ~going_on
    words = numpy.flatnonzero(~(final | (arr[:, 1] == 1)))  # tokens that can start a sentence
    if not len(words):
        return [int(idx[0])]
    finals_before = numpy.cumsum(final)  # sentence-final tokens up to and including each token
    # A word starts a sentence when a sentence-final token lies between it and the word before.
    seen = finals_before[words - 1] - numpy.concatenate(([0], finals_before[words[:-1]]))
    if words[0] == 0:
        seen[0] = 0  # the first token starts the first sentence anyway
    return [int(idx[0])] + idx[words[seen > 0]].tolist()
