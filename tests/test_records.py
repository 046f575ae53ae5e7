"""Records whose __init__ is written out (so Cython compiles it) must still be their dataclass.

@dataclass makes __init__ with exec(), which Cython never compiles; the records made hundreds
of times an article write theirs out. Each must take exactly its fields, in order, with the
same defaults (a default_factory field takes None and makes a fresh value), and set them all.
Block and Sentence are no dataclasses (compiled, they are extension types): their fields are
what model.pxd declares, and __init__ must take and set exactly those.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect

import pytest

from conftest import REPO
from cpolint.analysis.claims import Claim
from cpolint.diagnostics import Diagnostic
from cpolint.document.model import Block, Section, Sentence
from cpolint.readability.formulas import Counts
from cpolint.readability.measure import _BlockFigures

WRITTEN_OUT = [Section, Claim, Diagnostic, Counts, _BlockFigures]
EXTENSION_TYPES = [Block, Sentence]


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


def _value(annotation: str, k: int):
    """A value of an annotated type, distinct for each k (the compiled install checks
    annotated builtin types, and Block, an extension type there)."""
    kind = annotation.split("|")[0].split("[")[0].strip()
    if kind == "Block":
        return Block("paragraph", f"value {k}", 1, 1)
    makers = {"str": lambda: f"value {k}", "int": lambda: 1000 + k, "bool": lambda: True,
              "float": lambda: 0.5 + k, "list": lambda: [k], "tuple": lambda: (k,), "dict": lambda: {"k": k}}
    return makers.get(kind, object)()


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_written_out_init_sets_every_field(cls):
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    # Every field given (by keyword): each lands on its own attribute.
    given = {f.name: _value(str(f.type), k) for k, f in enumerate(fields)}
    made = cls(**given)
    for f in fields:
        assert getattr(made, f.name) is given[f.name], f.name
    # Only the required ones: the rest take their defaults, factories fresh for each record.
    one = cls(*[_value(str(f.type), k) for k, f in enumerate(required)])
    two = cls(*[_value(str(f.type), k) for k, f in enumerate(required)])
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(one, f.name) == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(one, f.name) == f.default_factory(), f.name
            assert getattr(one, f.name) is not getattr(two, f.name), f.name


def _declared_fields(cls) -> list[str]:
    """The attributes model.pxd declares for `cls`, in order."""
    lines = (REPO / "cpolint" / "document" / "model.pxd").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"cdef class {cls.__name__}:")
    fields = []
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        if line.startswith("    cdef public "):
            fields += [name.strip() for name in line.split(None, 3)[3].split(",")]
    return fields


def _init_params(cls) -> list[tuple[str, object, str]]:
    """(name, default, annotation) of __init__'s parameters, from model.py (a compiled
    __init__ shows Python no signature); inspect.Parameter.empty for a required one."""
    tree = ast.parse((REPO / "cpolint" / "document" / "model.py").read_text(encoding="utf-8"))
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    init = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    args = init.args.args[1:]
    defaults = [inspect.Parameter.empty] * (len(args) - len(init.args.defaults)) + \
        [ast.literal_eval(d) for d in init.args.defaults]
    return [(a.arg, d, ast.unparse(a.annotation) if a.annotation else "") for a, d in zip(args, defaults)]


@pytest.mark.parametrize("cls", EXTENSION_TYPES, ids=lambda c: c.__name__)
def test_extension_type_init_takes_and_sets_its_declared_fields(cls):
    params = _init_params(cls)
    assert [name for name, _, _ in params] == _declared_fields(cls)
    given = {name: _value(annotation, k) for k, (name, _, annotation) in enumerate(params)}
    made = cls(**given)
    for name, _, _ in params:
        assert getattr(made, name) is given[name], name
    # Defaults: a mutable one (None in the signature) is a fresh list for each record.
    required = [_value(annotation, k) for k, (_, default, annotation) in enumerate(params)
                if default is inspect.Parameter.empty]
    one, two = cls(*required), cls(*required)
    for name, default, _ in params:
        if default is not inspect.Parameter.empty:
            value = getattr(one, name)
            if default is None and isinstance(value, list):
                assert value == [] and value is not getattr(two, name), name
            else:
                assert value == default, name
