"""Document-wide analyses shared by several rules (computed once per document)."""
