"""Built-in rules, one module per family. Each rule is a documented class; see registry.Rule."""

BUILTIN_MODULES = [
    "cpolint.rules.files",
    "cpolint.rules.markup",
    "cpolint.rules.structure",
    "cpolint.rules.boilerplate",
    "cpolint.rules.editor_notes",
    "cpolint.rules.contradictions",
    "cpolint.rules.readability",
]
