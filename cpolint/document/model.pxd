# Cython declarations for model.py (read only when the module is compiled; see hatch_build.py):
# the document as an extension type, its fields as slots (rules read them hundreds of times a
# file); __dict__ stays for the computed-once properties (sections, sentences, title).
cdef class Document:
    cdef public str path, text, format
    cdef public list line_offsets, blocks, directives, parse_problems
    cdef public object front_matter, html_title
    cdef public dict analyses
    cdef dict __dict__
