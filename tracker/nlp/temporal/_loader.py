"""TOML rule files -> validated, compiled tables (read once per process).

Why a loader of its own: every mistake in a rule file (a duplicate id, a `{class}` nobody
defined, a regex that does not compile, a named group the value never reads, a rule without an
executable example) is reported at load time as `RuleError(file, rule, msg)`, never as a silent
mis-tag at run time.

Layout of `data/<lang>/`:
- `lexicon/*.toml`: one table per word class; canonical value on the left, lower-case variants on
  the right. `_case = "title"|"upper"` makes the class case-sensitive on its first letter
  (or whole word); `_not_before = [...]` lists words that veto a match right after it.
- `rules.toml`: `[macros]` (regex snippets usable as `{name}`) and `[[rule]]`s.
- `deadlines.toml`: `[[deadline]]` rules (rules that also carry a `deadline` spec) and
  `[[signal]]`s (words before a time expression that make it a deadline: "by", "before").
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import RuleError

DATA_DIR = Path(__file__).parent / "data"
OPS = frozenset({"date", "weekday", "shift", "ref", "duration", "set", "quarter", "half", "season",
                 "decade", "century", "time", "holiday", "narrative", "range", "month_part"})
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
RELATIONS = frozenset({"by", "before", "within"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_UPPER = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Lexicon:
    """One word class: the regex alternation it expands to and variant -> canonical lookup.
    `case = "title"`: the engine keeps a match only if the word is capitalized in the text."""

    name: str
    regex: str
    lookup: dict[str, str]
    case: str | None = None


@dataclass(frozen=True)
class Rule:
    """One validated rule: its regex source (classes expanded) and structured value."""

    id: str
    file: str
    type: str | None                             # None: the op decides (DATE unless it says)
    regex: str
    value: dict[str, Any]
    groups: dict[str, tuple[str, ...]]          # named group -> lexicon classes inside it
    examples: tuple[dict[str, str], ...]
    deadline: dict[str, Any] | None = None
    not_after: str | None = None
    set_after: str | None = None                 # a DURATION right after this is a rate: a SET


@dataclass(frozen=True)
class Signal:
    """Words right before a time expression that turn it into a deadline."""

    id: str
    regex: str
    date: str | None                             # relation for DATE/TIME targets
    duration: str | None                         # relation for DURATION targets
    examples: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Tables:
    """Everything the engine needs, in priority order (deadline rules first)."""

    lexicons: dict[str, Lexicon]
    rules: tuple[Rule, ...]
    signals: tuple[Signal, ...]
    numbers: dict[str, str] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()     # lower-case words one of which every match contains
    starters: frozenset[str] = frozenset()     # lower-case words a match may begin with (besides triggers)


def normalize(text: str) -> str:
    """The lookup key of a matched variant: lower case, single spaces, no dots or hyphens."""
    return " ".join(text.lower().replace(".", " ").replace("-", " ").split())


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(path.name, "-", f"cannot read: {exc}") from None


def _variant_regex(variant: str) -> str:
    """Regex for one lower-case variant (the engine matches lower-cased text); flexible spaces."""
    return r"[\s-]+".join(re.escape(w) for w in variant.split())


def load_lexicon(file: str, name: str, table: dict[str, Any]) -> Lexicon:
    """Validate one word class and build its alternation (longest variant first)."""
    case = table.get("_case")
    if case not in (None, "title"):
        raise RuleError(file, name, f"_case must be 'title', got {case!r}")
    lookup: dict[str, str] = {}
    for key, variants in table.items():
        if key.startswith("_"):
            continue
        if not isinstance(variants, list) or not all(isinstance(v, str) and v for v in variants):
            raise RuleError(file, name, f"{key!r} must list non-empty strings")
        for v in variants:
            norm = normalize(v)
            if norm in lookup:
                raise RuleError(file, name, f"variant {v!r} listed twice")
            lookup[norm] = str(key)
    variants = sorted({v for k, vs in table.items() if not k.startswith("_") for v in vs},
                      key=lambda v: (-len(v), v))
    alt = "|".join(_variant_regex(v.lower()) for v in variants)
    veto = table.get("_not_before") or []
    vetoes = "|".join(_variant_regex(w.lower()) for w in veto)
    tail = rf"(?![\s-]+(?:{vetoes})\b)" if veto else ""
    return Lexicon(name, f"(?:{alt}){tail}", lookup, case)


def load_lexicons(lang_dir: Path) -> dict[str, Lexicon]:
    """Every class of every `lexicon/*.toml` file; a class defined twice is an error."""
    out: dict[str, Lexicon] = {}
    for path in sorted((lang_dir / "lexicon").glob("*.toml")):
        for name, table in _read(path).items():
            if name in out:
                raise RuleError(path.name, name, "word class defined twice")
            if not isinstance(table, dict):
                raise RuleError(path.name, name, "a word class must be a table")
            out[name] = load_lexicon(path.name, name, table)
    return out


def expand(pattern: str, classes: dict[str, str], file: str, rule: str) -> str:
    """Replace `{class}` placeholders and make literal spaces flexible whitespace (an optional
    space " ?" any whitespace or none: "Oct. 23-25" as well as "Oct. 23 - 25")."""
    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in classes:
            raise RuleError(file, rule, f"unknown class {{{m.group(1)}}}")
        return classes[m.group(1)]
    return _PLACEHOLDER.sub(sub, pattern.replace(" ?", "\x00").replace(" ", r"\s+").replace("\x00", r"\s*"))


def group_classes(pattern: str) -> dict[str, tuple[str, ...]]:
    """Named group -> the `{class}` names inside its (balanced) body, before expansion."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _GROUP.finditer(pattern):
        depth, i = 1, m.end()
        while i < len(pattern) and depth:
            ch = pattern[i]
            if ch == "\\":
                i += 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            i += 1
        out[m.group(1)] = tuple(_PLACEHOLDER.findall(pattern[m.end():i - 1]))
    return out


def _refs(value: Any) -> set[str]:
    """Every `$group` a (possibly nested) value spec reads."""
    if isinstance(value, str):
        return {value[1:]} if value.startswith("$") else set()
    if isinstance(value, dict):
        return set().union(*(_refs(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_refs(v) for v in value)) if value else set()
    return set()


def _check_value(file: str, rid: str, value: Any) -> None:
    if not isinstance(value, dict) or value.get("op") not in OPS:
        raise RuleError(file, rid, f"value must be a table with op in {sorted(OPS)}")
    if value["op"] == "range":
        for part in ("from", "to"):
            _check_value(file, rid, value.get(part))


def _check_examples(file: str, rid: str, examples: Any) -> tuple[dict[str, str], ...]:
    if not isinstance(examples, list) or not examples:
        raise RuleError(file, rid, "needs at least one example (text, anchor, expect)")
    for ex in examples:
        if not isinstance(ex, dict) or not all(isinstance(ex.get(k), str) for k in ("text", "anchor", "expect")):
            raise RuleError(file, rid, "every example needs text, anchor and expect strings")
    return tuple(examples)


def load_rule(file: str, raw: dict[str, Any], classes: dict[str, str]) -> Rule:
    """Validate one `[[rule]]`/`[[deadline]]` table and compile-check its pattern."""
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise RuleError(file, str(rid), "id must be snake_case")
    pattern, value = raw.get("pattern"), raw.get("value")
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(file, rid, "pattern missing")
    _check_value(file, rid, value)
    rtype = raw.get("type")
    if rtype is not None and rtype not in TYPES:
        raise RuleError(file, rid, f"type must be one of {sorted(TYPES)}")
    deadline = raw.get("deadline")
    if deadline is not None and (not isinstance(deadline, dict) or deadline.get("relation") not in RELATIONS):
        raise RuleError(file, rid, f"deadline.relation must be one of {sorted(RELATIONS)}")
    if _UPPER.search(_PLACEHOLDER.sub("", _GROUP.sub("", re.sub(r"\\.", "", pattern)))):
        raise RuleError(file, rid, "text is matched lower-cased: write pattern letters in lower case")
    regex = expand(pattern, classes, file, rid)
    try:
        re.compile(regex)
    except re.error as exc:
        raise RuleError(file, rid, f"bad regex: {exc}") from None
    groups = group_classes(pattern)
    unused = set(groups) - _refs(value) - _refs(deadline)
    if unused:
        raise RuleError(file, rid, f"named group(s) never used by the value: {sorted(unused)}")
    missing = _refs(value) - set(groups)
    if missing:
        raise RuleError(file, rid, f"value reads undefined group(s): {sorted(missing)}")
    return Rule(rid, file, rtype, regex, value, groups, _check_examples(file, rid, raw.get("examples")),
                deadline, raw.get("not_after"), raw.get("set_after"))


def load_signal(file: str, raw: dict[str, Any], classes: dict[str, str]) -> Signal:
    """Validate one `[[signal]]` table."""
    sid = raw.get("id")
    if not isinstance(sid, str) or not _ID.match(sid):
        raise RuleError(file, str(sid), "id must be snake_case")
    regex = expand(str(raw.get("pattern", "")), classes, file, sid)
    try:
        re.compile(regex)
    except re.error as exc:
        raise RuleError(file, sid, f"bad regex: {exc}") from None
    date_rel, dur_rel = raw.get("date"), raw.get("duration")
    for rel in (date_rel, dur_rel):
        if rel is not None and rel not in RELATIONS:
            raise RuleError(file, sid, f"relation must be one of {sorted(RELATIONS)}")
    return Signal(sid, regex, date_rel, dur_rel, _check_examples(file, sid, raw.get("examples")))


def load_tables(lang_dir: Path | None = None) -> Tables:
    """Load and validate lexicons, deadline rules, signals and rules; ids are unique across files."""
    lang_dir = lang_dir or DATA_DIR / "en"
    lexicons = load_lexicons(lang_dir)
    rules_doc, dl_doc = _read(lang_dir / "rules.toml"), _read(lang_dir / "deadlines.toml")
    classes = {name: lex.regex for name, lex in lexicons.items()}
    for name, macro in (rules_doc.get("macros") or {}).items():
        if name in classes:
            raise RuleError("rules.toml", name, "macro shadows a word class")
        classes[name] = "(?:" + expand(str(macro), classes, "rules.toml", name) + ")"
    rules = [load_rule("deadlines.toml", r, classes) for r in dl_doc.get("deadline", [])]
    rules += [load_rule("rules.toml", r, classes) for r in rules_doc.get("rule", [])]
    signals = [load_signal("deadlines.toml", s, classes) for s in dl_doc.get("signal", [])]
    seen: set[str] = set()
    for item in [*rules, *signals]:
        if item.id in seen:
            raise RuleError(getattr(item, "file", "deadlines.toml"), item.id, "duplicate id")
        seen.add(item.id)
    numbers = lexicons["num_word"].lookup if "num_word" in lexicons else {}
    triggers, starters = rules_doc.get("triggers") or {}, rules_doc.get("starters") or {}
    return Tables(lexicons, tuple(rules), tuple(signals), numbers,
                  word_set("triggers", triggers, lexicons, every_word=True), word_set("starters", starters, lexicons))


def word_set(table: str, spec: dict[str, Any], lexicons: dict[str, Lexicon], every_word: bool = False) -> frozenset[str]:
    """The words of the listed classes' variants (every word, or only the first), plus `words`,
    minus `stopwords`."""
    words: set[str] = {w.lower() for w in spec.get("words", [])}
    for name in spec.get("classes", []):
        if name not in lexicons:
            raise RuleError("rules.toml", table, f"unknown class {name!r}")
        for variant in lexicons[name].lookup:
            found = re.findall(r"[a-z]+", variant)
            words.update(found if every_word else found[:1])
    return frozenset(words - {w.lower() for w in spec.get("stopwords", [])})
