# Cython declarations for fastre.py (read only when the module is compiled; see hatch_build.py).
# Keyed.search runs ~1,000 times an article: as an extension type its attributes are slots.
cdef class Keyed:
    cdef public object compiled
    cdef public frozenset keys
    cdef public object rest
