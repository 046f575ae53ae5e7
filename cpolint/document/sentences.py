"""Sentences and tokens from spaCy, computed once per document and shared by every rule.

The default pipeline is `spacy.blank("en")`: spaCy's tokenizer, and sentence starts by the
rule of spaCy's rule-based Sentencizer, computed here over the token arrays with NumPy
(the Sentencizer makes a Python Token object per token, which cost more than tokenizing).
No model to download, ~40x faster than a trained pipeline. A trained pipeline is used only
when the configuration names one (`nlp-model`) and it is installed; its parser or senter
then sets the sentences.
"""

from __future__ import annotations

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
                nlp = spacy.blank("en")
            _pipelines[name] = nlp
        return nlp


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
    for index, sent in enumerate(sentences):
        sent.index = index
    return sentences


def _split_chunk(nlp, blocks) -> list[Sentence]:
    starts = []
    pieces = []
    offset = 0
    for block in blocks:
        text = block.text[:_MAX_CHARS]
        starts.append(offset)
        pieces.append(text)
        offset += len(text) + len(JOIN)
    joined = JOIN.join(pieces)
    spacy_doc = nlp(joined)
    if nlp.pipe_names:
        spans = [(span.start_char, span.end_char) for span in spacy_doc.sents]
    else:
        starts_at = sentence_starts(spacy_doc)
        # A sentence runs to the next one's start: what lies between is its last token's
        # trailing space, which the strip below removes.
        spans = list(zip(starts_at, starts_at[1:] + [len(joined)]))
    out: list[Sentence] = []
    block_index = 0
    for s_start, s_end in spans:
        # A spaCy sentence may run over a block boundary (a heading has no final period):
        # cut it at every boundary it crosses.
        while s_start < s_end:
            while block_index + 1 < len(starts) and starts[block_index + 1] <= s_start:
                block_index += 1
            block = blocks[block_index]
            b_start = starts[block_index]
            b_end = b_start + len(pieces[block_index])
            piece_end = min(s_end, b_end)
            text = joined[s_start:piece_end]
            stripped = text.strip()
            if stripped:
                lead = len(text) - len(text.lstrip())
                local_start = s_start - b_start + lead
                local_end = local_start + len(stripped)
                out.append(Sentence(block, local_start, local_end, stripped, _doc=spacy_doc,
                                    _char=(s_start + lead, s_start + lead + len(stripped))))
            if piece_end >= s_end:
                break
            s_start = piece_end + len(JOIN)
    return out


_punct_ids: dict[int, object] = {}


def sentence_starts(spacy_doc) -> list[int]:
    """Character offsets where sentences start, by spaCy's Sentencizer rule: the first
    token, and every token that is neither punctuation nor a sentence-final character and
    follows a sentence-final character ('.', '!', '?' ...) with only punctuation between."""
    import numpy
    from spacy.attrs import IDX, IS_PUNCT, ORTH
    from spacy.pipeline.sentencizer import Sentencizer

    if not len(spacy_doc):
        return []
    vocab = spacy_doc.vocab
    ids = _punct_ids.get(id(vocab))
    if ids is None:
        ids = _punct_ids[id(vocab)] = numpy.unique(numpy.array(
            [vocab.strings.add(c) for c in Sentencizer.default_punct_chars], dtype=numpy.uint64))
    arr = spacy_doc.to_array([ORTH, IS_PUNCT, IDX])
    idx = arr[:, 2]
    # Membership in the sorted ids by binary search: numpy.isin sorts the token column with
    # the ids on every call (twice the time for the same answer).
    orth = arr[:, 0]
    at = numpy.minimum(numpy.searchsorted(ids, orth), len(ids) - 1)
    final = ids[at] == orth
    words = numpy.flatnonzero(~(final | (arr[:, 1] == 1)))  # tokens that can start a sentence
    if not len(words):
        return [int(idx[0])]
    finals_before = numpy.cumsum(final)  # sentence-final tokens up to and including each token
    # A word starts a sentence when a sentence-final token lies between it and the word before.
    seen = finals_before[words - 1] - numpy.concatenate(([0], finals_before[words[:-1]]))
    if words[0] == 0:
        seen[0] = 0  # the first token starts the first sentence anyway
    return [int(idx[0])] + idx[words[seen > 0]].tolist()
