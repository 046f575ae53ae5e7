"""Readability measured offline with textstat, per article and per canonical section."""
