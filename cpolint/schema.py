"""Role schemas: what an article about a role must cover, and the facts it must respect.

A schema is a YAML file (format documented in docs/schema-format.md). Bundled schemas live
in the top-level `rules/schemas/` folder and ship in the wheel; `--schema PATH` or the
`schema` configuration key picks a team's own, and front matter `cpolint: {schema: cto}`
picks one per file. Loading validates everything and reports mistakes with file, line and
column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from cpolint.data import data_path
from cpolint.document.shapes import OTHER_NAME_LEAD, as_shown
from cpolint.saferegex import SafePattern, compile_user_pattern, is_linear
from cpolint.yamlio import ConfigError, load_yaml_cached, position, to_plain

LEVELS = ("required", "recommended", "optional")
TOP_KEYS = {"schema": "str", "role": "str", "aliases": "list", "description": "str", "sections": "list",
            "facts": "map", "readability": "map", "version": "int"}
SECTION_KEYS = {"id": "str", "level": "str", "title": "str", "reader-misses": "str", "headings": "list",
                "exclude-headings": "list", "cues": "list", "min-cue-matches": "int", "definition": "bool",
                "promise-words": "list"}
FACT_KEYS = {"reports-to": "list", "wrong-reports-to": "list", "experience-years": "map", "salary": "map",
             "degree": "str"}
SALARY_KEYS = {"currency": "str", "annual": "map", "hourly": "map", "hours-per-year": "int"}
RANGE_KEYS = {"min": "num", "max": "num"}
READABILITY_KEYS = {"grade-target": "num", "section-grade-margin": "num"}
_TYPES = {"str": str, "list": list, "map": dict, "int": int, "bool": bool, "num": (int, float)}


@dataclass
class SectionSpec:
    id: str
    level: str
    title: str
    reader_misses: str
    headings: list[SafePattern]
    exclude_headings: list[SafePattern]
    cues: list[SafePattern]
    min_cue_matches: int = 2
    definition: bool = False
    promise_words: list[str] = field(default_factory=list)
    # All heading patterns as one alternation: a quick "none of them" test.
    any_heading: Any = None
    cue_keys: list = field(default_factory=list)  # per cue: words one of which each match holds, or None


@dataclass
class Schema:
    name: str
    role: str
    path: str
    aliases: list[str]
    sections: list[SectionSpec]
    facts: dict[str, Any]
    thresholds: dict[str, float]
    role_pattern: re.Pattern
    role_alt: str = ""  # regex alternation of the role's names, for composing patterns
    description: str = ""
    raw: Any = None

    @property
    def role_prefiltered(self):
        """`role_pattern` behind its names' prefilter words (fastre.prefiltered), for searching
        many texts, most of which name no role; built once per schema."""
        found = self.__dict__.get("_role_prefiltered")
        if found is None:
            from cpolint.fastre import prefiltered

            names = sorted([self.role, *self.aliases], key=len, reverse=True)
            entries = [role_entry(n) for n in names]
            found = self.__dict__["_role_prefiltered"] = prefiltered(
                entries, r"\b(?:{body})\b",
                lambda some: self.role_pattern if some == entries else role_regex(some))
        return found

    def section(self, section_id: str) -> SectionSpec | None:
        for spec in self.sections:
            if spec.id == section_id:
                return spec
        return None

    def heading_sections(self, heading: str) -> list[str]:
        """Canonical section ids a heading names (compound headings name several)."""
        return [sid for sid, _ in self.match_heading(heading)]

    def match_heading(self, heading: str) -> list[tuple[str, bool]]:
        """(section id, strong) for each section a heading names.

        Strong means the heading is about that section and nothing narrower: "Chief Product
        Officer Skills" is a strong skills heading, "Technical Skills" a weak one (a sub-topic).
        """
        memo = self.__dict__.setdefault("_heading_memo", {})
        if heading in memo:
            return memo[heading]
        text = normalise_heading(heading)
        words = set(_WORDS.findall(self.role_pattern.sub(" ", text))) - _GENERIC
        out = []
        for spec in self.sections:
            if spec.any_heading is not None and not spec.any_heading.search(text):
                continue  # one combined search rules the section out (the usual case)
            if any(p.search(text) for p in spec.exclude_headings):
                continue
            matched = None
            for p in spec.headings:
                m = p.search(text)
                if m:
                    matched = m
                    break
            if matched is None:
                continue
            # The words the pattern touched, widened to whole words ("responsibilit" -> "responsibilities").
            start, end = matched.span()
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            extra = words - set(_WORDS.findall(text[start:end]))
            out.append((spec.id, not extra))
        if len(memo) < 10_000:
            memo[heading] = out
        return out


_WORDS = re.compile(r"[a-z0-9$%']+")
# Words that do not narrow a heading's topic ("Key Skills", "Job Duties", "What Does a CPO Do").
_GENERIC = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "your", "you", "as", "what", "does", "do",
            "is", "are", "key", "main", "core", "top", "essential", "important", "typical", "common", "required",
            "needed", "necessary", "job", "role", "position", "career", "their", "its", "this", "s", "'s",
            "officer", "officers", "chief", "i", "my", "with", "about", "need", "needs", "know", "be"}


_HEADING_PUNCT = re.compile(r"[^a-z0-9'$%+ ]+")


# "2. Responsibilities", "Q: What does a CPO earn?", "Step 5: Career path", "Part II - Salary":
# the number and the FAQ's or the guide's mark name nothing.
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|(?:q|question)\s*\d*\s*[:.)]|"
                             r"(?:step|part|chapter|section)\s+(?:\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six|"
                             r"seven|eight|nine|ten)\s*[:.)\-–—])\s+")
_NUMBERED_STARTS = frozenset("0123456789qspc")


def normalise_heading(text: str) -> str:
    text = as_shown(text).lower()  # "Respon\u00adsibilities", "Qualiﬁcations" as they read
    if text.lstrip()[:1] in _NUMBERED_STARTS:
        text = _SECTION_NUMBER.sub("", text)
    text = text.replace("&", " and ").replace("’", "'")
    text = _HEADING_PUNCT.sub(" ", text)
    return " " + " ".join(text.split()) + " "


_bundled: dict[str, str] | None = None


def bundled_schemas() -> dict[str, str]:
    """Schema name -> path of the schemas shipped in the package (read once: every
    document resolves its schema name, and the package's files do not change)."""
    global _bundled
    if _bundled is None:
        folder = data_path("schemas")
        found = {}
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith((".yaml", ".yml")):
                    found[os.path.splitext(name)[0]] = os.path.join(folder, name)
        _bundled = found
    return dict(_bundled)


def resolve_schema_path(name_or_path: str) -> str:
    if os.sep in name_or_path or name_or_path.endswith((".yaml", ".yml")) or os.path.exists(name_or_path):
        return os.path.abspath(name_or_path)
    bundled = bundled_schemas()
    key = name_or_path.lower()
    if key in bundled:
        return bundled[key]
    raise ConfigError(name_or_path, None, None,
                      f"unknown schema {name_or_path!r}; bundled schemas: {', '.join(bundled) or 'none'}")


_cache: dict[str, Schema] = {}


def load_schema(name_or_path: str) -> Schema:
    path = resolve_schema_path(name_or_path)
    cached = _cache.get(path)
    if cached is not None:
        return cached
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise ConfigError(path, None, None, f"cannot read schema: {exc.strerror or exc}") from None
    schema = load_yaml_cached(text, path, lambda node: _build(node, path))
    _cache[path] = schema
    return schema


def _check_keys(node: Any, allowed: dict[str, str], path: str, what: str) -> None:
    if not isinstance(node, dict):
        line, col = position(node)
        raise ConfigError(path, line, col, f"{what} must be a mapping")
    for key, value in node.items():
        line, col = position(node, key)
        if key not in allowed:
            raise ConfigError(path, line, col, f"unknown key {key!r} in {what}; allowed: {', '.join(allowed)}")
        expected = _TYPES[allowed[key]]
        if isinstance(value, bool) and allowed[key] in ("int", "num"):
            raise ConfigError(path, line, col, f"{what}: {key!r} must be a number")
        if not isinstance(value, expected):
            kind = {"str": "a string", "list": "a list", "map": "a mapping", "int": "a whole number",
                    "bool": "true or false", "num": "a number"}[allowed[key]]
            raise ConfigError(path, line, col, f"{what}: {key!r} must be {kind}")


def _check_range(node: Any, key: str, path: str, what: str) -> dict[str, float]:
    value = node[key]
    _check_keys(value, RANGE_KEYS, path, f"{what} {key!r}")
    lo, hi = value.get("min"), value.get("max")
    if lo is not None and hi is not None and lo > hi:
        line, col = position(node, key)
        raise ConfigError(path, line, col, f"{what} {key!r}: min ({lo}) is above max ({hi})")
    if lo is not None and lo < 0:
        line, col = position(value, "min")
        raise ConfigError(path, line, col, f"{what} {key!r}: min must not be negative")
    return {k: float(v) for k, v in value.items()}


# The patterns of every schema built in this process, by source. The template of the other
# roles' schemas is built again for each role a folder's titles name (hundreds in a content
# team's repository); most of its patterns do not name the role, and are compiled once.
_patterns: dict[str, SafePattern] = {}
# is_linear of a template pattern with "{role}" in it, for every role: the names put in are
# words with white space (\s+) between them, as alternatives, and so is _ROLE_SHAPE.
_template_linear: dict[str, bool] = {}
_ROLE_SHAPE = r"(?:a\s+b|c)"
_MEMO_LIMIT = 4096  # roles' own patterns stop being kept past this (a run stays bounded)


def _compile(patterns: list, node: Any, key: str, path: str, role_alt: str) -> list[SafePattern]:
    out = []
    for index, raw in enumerate(patterns):
        line, col = position(node[key], index)
        if not isinstance(raw, str) or not raw.strip():
            raise ConfigError(path, line, col, f"{key}: entry {index + 1} must be a non-empty string")
        pattern = raw.replace("{role}", f"(?:{role_alt})")
        found = _patterns.get(pattern)
        if found is None:
            linear = None
            if "{role}" in raw:
                linear = _template_linear.get(raw)
                if linear is None:
                    linear = _template_linear[raw] = is_linear(raw.replace("{role}", _ROLE_SHAPE), re.I)
            try:
                # A file read back from the parsed-data cache was checked already: compile lazily.
                found = compile_user_pattern(pattern, re.I, lazy=not hasattr(node, "lc"), linear=linear)
            except ValueError as exc:
                raise ConfigError(path, line, col, f"{key}: invalid pattern {raw!r}: {exc}") from None
            if len(_patterns) < _MEMO_LIMIT:
                _patterns[pattern] = found
        out.append(found)
    return out


# What _keys_of and _any_of make of a list of pattern sources, shared by every schema that has
# the same list: the bundled schemas and each role of the generic one repeat most sections'
# patterns word for word, and reading a pattern's words parses it (a few ms a section).
_shared: dict[tuple, Any] = {}


def _keys_of(patterns: list[SafePattern], templates: list[str] | None = None) -> list:
    """Each pattern's prefilter words (see cpolint.fastre), None where it has none. From
    `templates` when given (see _role_free)."""
    from cpolint.fastre import entry_keys

    if not patterns:
        return []
    sources = templates or [p.pattern for p in patterns]
    key = ("keys", *sources)
    found = _shared.get(key)
    if found is None:
        found = entry_keys(sources, "(?:{body})")
        if len(_shared) < _MEMO_LIMIT:
            _shared[key] = found
    return found


def _any_of(patterns: list[SafePattern], templates: list[str] | None = None):
    """The patterns as one alternation, behind a whole-word prefilter where their words allow
    (see cpolint.fastre): most headings name none of a section's words. The words are found
    in `templates` when given (see _role_free)."""
    if not patterns:
        return None
    from cpolint.fastre import prefiltered

    key = ("any", *(p.pattern for p in patterns))
    if key in _shared:
        return _shared[key]

    def build(sources: list[str]) -> SafePattern:
        # Alternatives outside any repeat: linear when each one is (known from _compile).
        linear = all(_patterns[e].linear() if e in _patterns else is_linear(e, re.I) for e in sources)
        return compile_user_pattern("|".join(f"(?:{e})" for e in sources), re.I, lazy=True, linear=linear)

    try:
        found = prefiltered([p.pattern for p in patterns], "(?:{body})", build,
                            _keys_of(patterns, templates) if templates else None)
    except ValueError:
        found = None
    if len(_shared) < _MEMO_LIMIT:
        _shared[key] = found
    return found


# Stands for the role's names in a template pattern when its prefilter words are found: any
# words, whose spellings are not known, so the words come from the rest of the pattern. They
# hold for every role, and are found (and kept in the cache folder) once for all of them.
_ANY_ROLE = r"\w+(?:\s+\w+)*"


def _role_free(raw: list) -> list[str]:
    return [str(r).replace("{role}", f"(?:{_ANY_ROLE})") for r in raw]


class _EitherOf:
    """Two patterns searched in turn, as one alternation of both for a yes/no test: the first
    match, or None."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def search(self, text: str):
        return self.first.search(text) or self.second.search(text)


def _either(first, second):
    """first or second (patterns, either may be None) as one, for a yes/no test."""
    if first is None or second is None:
        return first if second is None else second
    return _EitherOf(first, second)


def role_entry(name: str) -> str:
    """One of the role's names as a regex: lower case, any white space between its words; a
    hyphen or slash inside the name may be a space, as in a heading read for its words
    ("UX/UI designer", "front-end developer")."""
    return re.escape(name.lower()).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]").replace("/", r"[/\s]")


def role_regex(entries: list[str]) -> re.Pattern:
    """The role's names (role_entry sources, longest first) as whole words, case-insensitive.

    A lookahead on the names' first letters comes first: under re.IGNORECASE the engine has
    no faster way to leave a position where no name starts (a third less time)."""
    from cpolint.fastre import lookahead_for, started

    return started(rf"{lookahead_for(entries)}\b(?:{'|'.join(entries)})\b", re.I)


def _build(node: Any, path: str, role: str | None = None, aliases: list[str] | None = None) -> Schema:
    """The schema a file's YAML describes; `role` and `aliases`, when given, replace the file's
    (other_role_schema: one template for every role no bundled schema covers)."""
    _check_keys(node, TOP_KEYS, path, "schema")
    for required in ("schema", "role", "sections"):
        if required not in node:
            raise ConfigError(path, 1, 1, f"schema is missing the {required!r} key")
    other_role = role is not None
    role = str(node["role"]) if role is None else role
    aliases = [str(a) for a in node.get("aliases", [])] if aliases is None else aliases
    names = [role] + aliases
    role_entries = [role_entry(n) for n in sorted(names, key=len, reverse=True)]
    role_alt = "|".join(role_entries)
    # A guide to another role's headings may call it by its last word ("Where therapists work"
    # in an occupational therapist guide); not a name with "of" in it ("Head of Engineering").
    words = role.split()
    heading_alt = role_alt
    if other_role and len(words) >= 2 and len(words[-1]) >= 4 and "of" not in (w.lower() for w in words):
        heading_alt = f"{role_alt}|{role_entry(words[-1])}"
    sections: list[SectionSpec] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(node["sections"]):
        _check_keys(raw, SECTION_KEYS, path, f"section {index + 1}")
        line, col = position(node["sections"], index)
        for required in ("id", "level", "headings"):
            if required not in raw:
                raise ConfigError(path, line, col, f"section {index + 1} is missing the {required!r} key")
        sid = raw["id"]
        if not re.match(r"^[a-z][a-z0-9-]*$", sid):
            l2, c2 = position(raw, "id")
            raise ConfigError(path, l2, c2, f"section id {sid!r} must be kebab-case")
        if sid in seen:
            l2, c2 = position(raw, "id")
            raise ConfigError(path, l2, c2, f"duplicate section id {sid!r} (first at line {seen[sid]})")
        seen[sid] = line or 0
        if raw["level"] not in LEVELS:
            l2, c2 = position(raw, "level")
            raise ConfigError(path, l2, c2, f"section {sid!r}: level must be one of {', '.join(LEVELS)}")
        sections.append(SectionSpec(
            id=sid,
            level=raw["level"],
            title=raw.get("title", sid.replace("-", " ").title()),
            reader_misses=raw.get("reader-misses", raw.get("title", sid)),
            headings=_compile(raw["headings"], raw, "headings", path, heading_alt),
            exclude_headings=_compile(raw.get("exclude-headings", []), raw, "exclude-headings", path, heading_alt)
            if "exclude-headings" in raw else [],
            cues=_compile(raw.get("cues", []), raw, "cues", path, role_alt) if "cues" in raw else [],
            min_cue_matches=int(raw.get("min-cue-matches", 2)),
            definition=bool(raw.get("definition", False)),
            promise_words=[str(w).lower() for w in raw.get("promise-words", [])],
        ))
        spec = sections[-1]
        if other_role:
            # The template of every other role: what does not depend on the role is made once
            # for all of them (the heading patterns that do not name it are one alternation),
            # and the prefilter words come from the template (no parse, no file, per role).
            named = ["{role}" in str(p) for p in raw["headings"]]
            shared = [p for p, n in zip(spec.headings, named) if not n]
            own = [p for p, n in zip(spec.headings, named) if n]
            spec.any_heading = _either(_any_of(shared),
                                       _any_of(own, _role_free([r for r, n in zip(raw["headings"], named) if n])))
            spec.cue_keys = _keys_of(spec.cues, _role_free(raw.get("cues", [])))
        else:
            spec.any_heading = _any_of(spec.headings)
            spec.cue_keys = _keys_of(spec.cues)
    facts: dict[str, Any] = {}
    if "facts" in node:
        fnode = node["facts"]
        _check_keys(fnode, FACT_KEYS, path, "facts")
        for key in ("reports-to", "wrong-reports-to"):
            if key in fnode:
                facts[key] = [str(v) for v in fnode[key]]
        if "experience-years" in fnode:
            facts["experience-years"] = _check_range(fnode, "experience-years", path, "facts")
        if "degree" in fnode:
            facts["degree"] = str(fnode["degree"])
        if "salary" in fnode:
            snode = fnode["salary"]
            _check_keys(snode, SALARY_KEYS, path, "facts salary")
            salary: dict[str, Any] = {"currency": str(snode.get("currency", "USD")),
                                      "hours-per-year": int(snode.get("hours-per-year", 2080))}
            for key in ("annual", "hourly"):
                if key in snode:
                    salary[key] = _check_range(snode, key, path, "facts salary")
            facts["salary"] = salary
    thresholds: dict[str, float] = {}
    if "readability" in node:
        _check_keys(node["readability"], READABILITY_KEYS, path, "readability")
        thresholds = {k: float(v) for k, v in node["readability"].items()}
    return Schema(
        name=str(node["schema"]), role=role, path=path, aliases=aliases, sections=sections, facts=facts,
        thresholds=thresholds, role_pattern=role_regex(role_entries), role_alt=role_alt,
        description=str(node.get("description", "")), raw=to_plain(node),
    )


DEFAULT_SCHEMA = "cpo"


def schema_for_document(doc, settings) -> tuple[Schema | None, str | None]:
    """The schema for one document: front matter `cpolint: {schema: ...}`, else configuration,
    else the bundled schema whose role the title names (a folder of CTO and CMO articles needs
    no configuration), else the generic schema under the name of another role the title names
    ("Chief Financial Officer"), else the CPO schema."""
    fm = doc.front_matter if isinstance(doc.front_matter, dict) else {}
    conf = fm.get("cpolint") if isinstance(fm.get("cpolint"), dict) else {}
    if isinstance(conf.get("schema"), str) and conf["schema"].strip():
        name = conf["schema"].strip()
        if not os.path.isabs(name) and (os.sep in name or name.endswith((".yaml", ".yml"))):
            name = os.path.join(os.path.dirname(os.path.abspath(doc.path)), name)
    else:
        name = settings.schema
        if not name:
            name, other = _role_named_by_title(doc)
            if other is not None:
                try:
                    return other_role_schema(other, _named_in_text(doc, other)), None
                except ConfigError as exc:
                    return None, f"schema: {exc}"
            name = name or DEFAULT_SCHEMA
    try:
        return load_schema(name), None
    except ConfigError as exc:
        return None, f"schema: {exc}"


def _role_named_by_title(doc) -> tuple[str | None, str | None]:
    """(the one bundled schema whose role or an alias the title names, or else a role no
    bundled schema covers that it names); (None, None) when the title names neither, or names
    several bundled roles ("CPO vs CTO"), or the bundled schemas cannot be read."""
    from cpolint.document.model import HEADING, PARAGRAPH
    from cpolint.document.shapes import is_title_case

    try:
        roles = [(name, load_schema(path).role_pattern) for name, path in bundled_schemas().items()]
    except ConfigError:
        return None, None
    title = doc.title
    lines = [(title, True)] if title and doc.format != "text" else []
    # Then the first short lines above the prose that name a role: plain text has no marked
    # title and may open with a menu or a date, and a newsletter's page may carry its own name
    # as the <h1> ("The Operator's Notebook") with the article's title under it.
    for b in doc.blocks[:10]:
        if b.word_count > 20:
            if _CONSENT_WORDS.search(b.text):
                continue  # a cookie banner above the title is no prose of the article
            break
        if b.kind in (HEADING, PARAGRAPH) and b.word_count:
            # A title pasted as text without a blank line under it (its byline follows) is a
            # paragraph: in title case and without a sentence's end, it is titled too.
            lines.append((b.text, b.kind == HEADING or (b.word_count <= 14 and b.text.rstrip()[-1:] not in ".!?,;"
                                                        and is_title_case(b.text))))
    for line, titled in lines:
        named = [name for name, pattern in roles if pattern.search(line)]
        if named:
            return (named[0] if len(named) == 1 else None), None
        # Another role only from a title or heading: a short paragraph near the top may be a
        # list's line or a sentence ("Coach product managers weekly").
        other = other_role(line) if titled else None
        if other is not None:
            return None, other
    return None, None


_CONSENT_WORDS = re.compile(r"\bcookies\b", re.I)


# A role no bundled schema covers, as a title names it: a chief officer ("Chief Financial
# Officer", "CFO"), a vice president, head or director of a function ("VP of Sales"), or a job
# title that ends in a job's noun ("Data Scientist", "Engineering Manager").
_CHIEF = re.compile(r"\bchief((?:\s+[a-z]+){1,3}?)\s+officers?\b", re.I)
_C_SUITE = re.compile(r"\b(C[A-Z]{1,3}O)s?\b")  # capitals only: CFO, COO, CISO, CHRO
_LEAD_OF = re.compile(r"\b(vp|vice[- ]president|svp|evp|head|director)s?\s+of((?:\s+[a-z]+){1,3})", re.I)
_JOB_NOUN = re.compile(r"((?:\b[a-z][a-z-]*(?:/[a-z][a-z-]*)*\s+){1,2})(manager|engineer|designer|developer|analyst|scientist|architect|"
                       r"director|consultant|strategist|researcher|marketer|recruiter|accountant|administrator|"
                       r"coordinator|specialist|officer|lead|editor|writer|producer|planner|technician|"
                       r"representative|assistant|executive|partner|owner|associate|agent|worker|driver|attendant|"
                       r"advis[eo]r|counsel+or|coach|rep|operator|supervisor|inspector|instructor|trainer|tutor|"
                       r"programmer|tester|clerk|banker|broker|underwriter|technologist|hygienist|aide|investigator|"
                       r"therapist|nurse|teacher|estimator|surveyor|dispatcher|mechanic|intern|trainee|apprentice|advocate|"
                       r"evangelist|steward|negotiator|fellow)\b",
                       re.I)  # singular: "coach product managers" is a duty
# Professions that are a role by themselves, without a word before them ("How to Become a
# Pharmacist", "What Does a Chief of Staff Do?"); singular, as _JOB_NOUN's nouns are.
_PROFESSION = re.compile(r"((?:\b[a-z][a-z-]*\s+){0,2})\b(chief\s+of\s+staff|physiotherapist|psychotherapist|optician|"
                         r"editor[- ]in[- ]chief|nurse\s+practitioner|registered\s+nurse|nurse|pharmacist|teacher|"
                         r"lawyer|attorney|paralegal|physician|surgeon|dentist|therapist|"
                         r"psychologist|electrician|plumber|carpenter|welder|mechanic|chef|pilot|firefighter|"
                         r"paramedic|veterinarian|librarian|journalist|copywriter|photographer|actuary|auditor|"
                         r"bookkeeper|economist|statistician|architect|curator|recruiter|scrum\s+master|"
                         r"general\s+counsel|controller|comptroller|treasurer|receptionist|secretary|translator|"
                         r"interpreter|cashier|bartender|barista|dietitian|nutritionist|optometrist|radiologist|"
                         r"chiropractor|phlebotomist|sonographer|midwife|caregiver|realtor|programmer|tutor)\b(?!['’]s)",
                         re.I)
# A job's noun alone after "a"/"an", where the title ends or goes on about it ("How to Become an
# Accountant", "What Does a Developer Do?", "Becoming a Consultant in 2026"); not "A Lead
# Magnet", "A Manager's Guide".
_BARE_JOB = re.compile(r"\ban?\s+(accountant|engineer|consultant|developer|designer|manager|analyst|architect|scientist|"
                       r"writer|editor|doctor|programmer|administrator|technician|marketer|strategist|researcher|"
                       r"producer|planner|coordinator|specialist|broker|banker|advis[eo]r|coach|supervisor|"
                       r"inspector|instructor|trainer|investigator|clerk)\b(?!['’]s)(?=\s*(?:$|[?:!.,;(–—-]|"
                       r"(?:in|without|with|at|for|do|does|did|career|salary|job|guide|skills|role|today|now)\b))",
                       re.I)
# Words next to a role's name in a title that are not part of it ("How to Become a Product
# Manager", "VP of Sales Salary Guide").
_NOT_ROLE = frozenset("""a an the to how become becoming what does do is are vs versus and or for of in at on with
your you my our their his her guide career careers job jobs salary salaries role roles description pay skills
new good great best being as from into why when who which successful better effective excellent outstanding
sample example template ultimate complete definitive essential comprehensive quick full simple basic free
every each any this that these those much so also today now really actually exactly truly typically usually
generally earn earns make makes need needs get gets should can will must""".split())


def _role_words(words: list[str], from_end: bool) -> list[str]:
    """The words of a role's name among `words` (the ones before its noun, from_end, or after
    "VP of"): the run next to the noun, up to the first word that is no part of a name."""
    out: list[str] = []
    for w in (reversed(words) if from_end else words):
        if w.lower() in _NOT_ROLE:
            break
        out.append(w)
    return out[::-1] if from_end else out


def _named(words: list[str]) -> str:
    """Words as a role's name: capitalised, "of" and acronyms ("VP") kept as they are. In a
    title in capitals ("CHIEF FINANCIAL OFFICER"), only words of up to three letters are
    acronyms ("VP OF HR", "HEAD OF DATA" is a Head of Data)."""
    shouted = all(w.isupper() for w in words if w.lower() not in ("of", "chief", "officer"))
    return " ".join(w if w == "of" or (w.isupper() and (len(w) <= 3 or not shouted)) else w[:1].upper() + w[1:].lower()
                    for w in words)


# A chief named as the boss of the title's role ("Executive Assistant to the CEO", "Chief of
# Staff to the CFO"): not the role.
_BOSS_OF = re.compile(r"\b(?:to|for|under|reporting\s+to|supporting)\s+(?:the|a|an|your)\s+$", re.I)


def _named_as_boss(line: str, at: int) -> bool:
    return _BOSS_OF.search(line, 0, at) is not None


def other_role(line: str) -> str | None:
    """The role a title line names when it has one of the shapes above ("Chief Financial
    Officer", "VP of Sales", "Data Scientist"); None otherwise."""
    for m in _CHIEF.finditer(line):
        if not _named_as_boss(line, m.start()):
            middle = _role_words(m.group(1).split(), from_end=True)
            if middle:
                return _named(["Chief", *middle, "Officer"])
            break
    for m in _C_SUITE.finditer(line):
        if not _named_as_boss(line, m.start()):
            return m.group(1)
    m = _LEAD_OF.search(line)
    if m:
        function = _role_words(m.group(2).split(), from_end=False)
        if function:
            lead = m.group(1).replace("-", " ").split()
            return _named([*(w.upper() if len(lead) == 1 and len(w) <= 3 else w for w in lead), "of", *function])
    for m in _JOB_NOUN.finditer(line):
        qualifier = _role_words(m.group(1).split(), from_end=True)
        if not qualifier:
            break
        if _COMPANY_AFTER.match(line, m.end()):
            break  # "Hartley & Shaw Executive Search", "Product Manager Insights": a firm or a site
        if not _named_as_boss(line, line.rfind(qualifier[0], m.start(1), m.end(1))):
            return _named([*qualifier, m.group(2)])
    m = _PROFESSION.search(line)
    if m and not _COMPANY_AFTER.match(line, m.end()):
        return _named([*_role_words(m.group(1).split(), from_end=True), *m.group(2).split()])
    m = _BARE_JOB.search(line)
    if m:
        return _named([m.group(1)])
    # Last, a title in a career article's shape names its role, whatever its noun ("How to
    # Become a Sommelier", "What Does a Florist Do?", "Barber Career Guide").
    for shape in _ROLE_TITLES:
        m = shape.search(line)
        if m:
            words = _role_words(m.group("role").split(), from_end=True)
            if words:
                return _named(words)
    return None


# The name in those titles: one to three words, the first a letter's word.
_NAME = r"(?P<role>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,2}?)"
_ROLE_TITLES = [
    re.compile(rf"^\s*(?:how\s+to\s+become|becoming|how\s+(?:do|can)\s+(?:i|you)\s+become)\s+an?\s+{_NAME}"
               r"\s*(?:$|[:?!.,(–—-]|\s+in\s+\d{4}\b|\s+(?:in|without|with|at|for|from)\s)", re.I),
    re.compile(rf"^\s*what\s+(?:does|do)\s+an?\s+{_NAME}\s+(?:actually\s+|really\s+|even\s+)?do\b", re.I),
    re.compile(rf"^\s*{_NAME}\s*[:–—-]?\s+(?:career\s+guide|job\s+description|salary\s+guide|career\s+path)\b", re.I),
]


# A job's noun that names a firm or a publication, not the article's role.
_COMPANY_AFTER = re.compile(r"\s+(?:search|ltd|limited|inc|llc|llp|plc|group|partners|consulting|recruitment|staffing|"
                            r"agency|associates|network|institute|academy|magazine|weekly|journal|podcast|insights|hub|"
                            r"blog|newsletter|club|community|collective|co)\b", re.I)


def _other_aliases(role: str) -> list[str]:
    """Other names of a role other_role found: its plural, a chief officer's initials, a vice
    president's long and short forms."""
    words = role.split()
    head = words.index("of") - 1 if "of" in words else len(words) - 1  # "VPs of Sales"
    out = [" ".join(words[:head] + [words[head] + "s"] + words[head + 1:])]
    if words[0] == "Chief" and words[-1] == "Officer" and len(words) > 2:  # (a Chief of Staff has no initials)
        initials = "C" + "".join(w[0].upper() for w in words[1:-1]) + "O"
        out += [initials, initials + "s"]
    elif words[0] in ("VP", "Vice", "Vice-president", "SVP", "EVP"):
        function = " ".join(words[words.index("of") + 1:]) if "of" in words else ""
        if function:
            out += [f"vice president of {function}", f"VP of {function}", f"VP {function}", f"VPs of {function}"]
    for name in _C_SUITE_NAMES.get(role, ()):  # a title that names the initials only ("The CFO Job ...")
        out += [name, name + "s"]
    return [a for a in dict.fromkeys(out) if a.lower() != role.lower()]


# The long names of a chief's initials, where a career article would spell them out ("The
# chief financial officer (CFO) is ..."); both where the initials are shared.
_C_SUITE_NAMES = {
    "CFO": ("chief financial officer",), "COO": ("chief operating officer",), "CEO": ("chief executive officer",),
    "CIO": ("chief information officer",), "CISO": ("chief information security officer",),
    "CHRO": ("chief human resources officer",), "CDO": ("chief data officer", "chief digital officer"),
    "CRO": ("chief revenue officer", "chief risk officer"), "CCO": ("chief customer officer", "chief commercial officer"),
    "CLO": ("chief legal officer", "chief learning officer"), "CSO": ("chief security officer", "chief strategy officer"),
    "CAO": ("chief accounting officer", "chief administrative officer"),
}


OTHER_ROLE = "role"  # the generic schema's name (the `schema` key of the template)
OTHER_ROLE_FILE = "other-role.yaml"
_other_cache: dict = {}  # role, or (role, the names the text gives it) -> its schema


# Another name the article gives the role near its start: "Radiologic technologists, often
# called rad techs, take ...", "a sommelier (also known as a wine steward)".
_OTHER_NAME = re.compile(rf",?\s*\(?{OTHER_NAME_LEAD}\s+"
                         r"(?:an?\s+|the\s+)?[\"“]?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)[\"”]?\s*[,.);]")


def _named_in_text(doc, role: str) -> tuple[str, ...]:
    """The other names the text gives `role` in its first 3,000 characters, each with its
    plural or singular (a heading may use either: "What rad techs do")."""
    head = doc.text[:3000]
    out: list[str] = []
    for m in re.finditer(rf"\b{role_entry(role)}s?\b", head, re.I):
        named = _OTHER_NAME.match(head, m.end())
        if named:
            name = named.group(1).lower()
            out += [name, name[:-1] if name.endswith("s") else name + "s"]
    return tuple(dict.fromkeys(n for n in out if n != role.lower()))


def other_role_schema(role: str, names: tuple[str, ...] = ()) -> Schema:
    """The schema of an article about a role no bundled schema covers: the template
    rules/other-role.yaml with the role's name and aliases put in (the sections of every career
    article, no facts), and `names`, the other names the article gives it. Built once per role
    (and names) in a process."""
    key = (role, names) if names else role
    cached = _other_cache.get(key)
    if cached is not None:
        return cached
    path = data_path(OTHER_ROLE_FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise ConfigError(path, None, None, f"cannot read schema: {exc.strerror or exc}") from None
    schema = load_yaml_cached(text, path, lambda node: _build(node, path, role, _other_aliases(role) + list(names)))
    if len(_other_cache) < 1000:
        _other_cache[key] = schema
    return schema
