# Cython declarations for boilerplate.py (read only when the module is compiled; see
# hatch_build.py): Block and Sentence cimported, so that a parameter or local annotated with
# one reads its slots directly.
from cpolint.document.model cimport Block, Sentence
