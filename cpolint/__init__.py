"""cpolint: a content-quality linter for career articles."""

__version__ = "0.1.0"
