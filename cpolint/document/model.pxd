# Cython declarations for model.py (read only when the module is compiled; see hatch_build.py).
# The document, its blocks and its sentences as extension types: their fields are slots (rules
# read them tens of thousands of times a file, and a slot is read without a dict lookup). Each
# keeps a __dict__ for its computed-once properties (Document.sections, Block.word_count ...).
# A field added to a class's __init__ must be added here too (tests/test_records.py checks).
cdef class Document:
    cdef public str path, text, format
    cdef public list line_offsets, blocks, directives, parse_problems
    cdef public object front_matter, html_title
    cdef public dict analyses
    cdef dict __dict__


cdef class Block:
    cdef public object kind, text, line, end_line, level, label, list_id, ordered, links, images, context, segments, index
    cdef dict __dict__


cdef class Sentence:
    cdef public object block, start, end, text, index, _doc, _char
    cdef dict __dict__
