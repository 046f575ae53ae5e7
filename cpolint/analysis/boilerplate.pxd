# Cython declarations for boilerplate.py (read only when the module is compiled; see
# hatch_build.py): the classifier's state as an extension type's slots, read in every pass;
# Block cimported so that a parameter or local annotated Block reads the block's slots directly.
from cpolint.document.model cimport Block

cdef class _Classifier:
    cdef public object ctx, doc, role, spam_words, signoff, cta
    cdef public list blocks
    cdef public dict verdicts, lex, _topical, _bare, _prose_shape
    cdef public set vocab
