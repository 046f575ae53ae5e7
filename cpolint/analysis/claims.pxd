# Cython declarations for claims.py (read only when the module is compiled; see hatch_build.py):
# Block and Sentence cimported, so that a parameter or local annotated with one reads its slots
# directly (the extraction reads a sentence's text and offsets for every claim it makes).
from cpolint.document.model cimport Block, Sentence
