"""Records whose __init__ is written out (so Cython compiles it) must still be their dataclass.

@dataclass makes __init__ with exec(), which Cython never compiles; the records made hundreds
of times an article write theirs out. Each must take exactly its fields, in order, with the
same defaults (a default_factory field takes None and makes a fresh value), and set them all.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from cpolint.analysis.claims import Claim
from cpolint.diagnostics import Diagnostic
from cpolint.document.model import Block, Section, Sentence
from cpolint.readability.formulas import Counts
from cpolint.readability.measure import _BlockFigures

WRITTEN_OUT = [Block, Section, Sentence, Claim, Diagnostic, Counts, _BlockFigures]


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_written_out_init_takes_the_fields_with_their_defaults(cls):
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # without self
    assert [p.name for p in params] == [f.name for f in fields]
    for f, p in zip(fields, params):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, f.name
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is None, f.name
        else:
            assert p.default is inspect.Parameter.empty, f.name


def _value(field: dataclasses.Field, k: int):
    """A value of the field's annotated type, distinct for each k (the compiled install
    checks annotated builtin types)."""
    kind = str(field.type).split("[")[0].split(" ")[0]
    makers = {"str": lambda: f"value {k}", "int": lambda: 1000 + k, "bool": lambda: True,
              "float": lambda: 0.5 + k, "list": lambda: [k], "tuple": lambda: (k,), "dict": lambda: {"k": k}}
    return makers.get(kind, object)()


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_written_out_init_sets_every_field(cls):
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    # Every field given (by keyword): each lands on its own attribute.
    given = {f.name: _value(f, k) for k, f in enumerate(fields)}
    made = cls(**given)
    for f in fields:
        assert getattr(made, f.name) is given[f.name], f.name
    # Only the required ones: the rest take their defaults, factories fresh for each record.
    one = cls(*[_value(f, k) for k, f in enumerate(required)])
    two = cls(*[_value(f, k) for k, f in enumerate(required)])
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(one, f.name) == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(one, f.name) == f.default_factory(), f.name
            assert getattr(one, f.name) is not getattr(two, f.name), f.name
