"""The set of characters a regex can start with, so the scanner can skip a rule in one step.

Python's `re` tries every alternative of the big rule alternation at every word start; most
fail only after some work (optional groups, case-insensitive literals). Prefixing each
alternative with a case-sensitive one-character lookahead `(?=[...])` computed here lets most
rules fail on their first character, which makes the scan several times faster. The set is
computed from `re`'s own parser, so it is exact for the patterns we write.
"""
from __future__ import annotations

import re
from typing import Any

try:                                     # Python 3.11+
    import re._constants as C  # type: ignore[import-not-found]
    import re._parser as P  # type: ignore[import-not-found]
except ImportError:                      # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_DIGITS = set("0123456789")


def _cased(chars: set[str], ignorecase: bool) -> set[str]:
    if not ignorecase:
        return chars
    return chars | {c.swapcase() for c in chars} | {c.upper() for c in chars} | {c.lower() for c in chars}


def _first_in(av: list[tuple[Any, Any]], ic: bool) -> set[str] | None:
    out: set[str] = set()
    for op, val in av:
        if op is C.LITERAL:
            out.add(chr(val))
        elif op is C.RANGE:
            if val[1] - val[0] > 300:
                return None
            out.update(chr(c) for c in range(val[0], val[1] + 1))
        elif op is C.CATEGORY and val is C.CATEGORY_DIGIT:
            out |= _DIGITS
        else:                            # NEGATE, \w, \s...: anything
            return None
    return _cased(out, ic)


def _first(items: Any, ic: bool) -> tuple[set[str] | None, bool]:
    """(first characters or None for "any", whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            return out | _cased({chr(av)}, ic), False
        if op is C.IN:
            chars = _first_in(av, ic)
            return (None if chars is None else out | chars), False
        if op is C.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, null = _first(alt, ic)
                if chars is None:
                    return None, False
                out |= chars
                nullable = nullable or null
            if not nullable:
                return out, False
            continue
        if op is C.SUBPATTERN:
            add, delete = av[1], av[2]
            scoped = (ic or bool(add & re.IGNORECASE)) and not (delete & re.IGNORECASE)
            chars, null = _first(av[3], scoped)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or getattr(C, "POSSESSIVE_REPEAT", None) is op:
            chars, null = _first(av[2], ic)
            null = null or av[0] == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not null:
            return out, False
    return out, True


def first_chars(regex: str) -> set[str] | None:
    """Characters a match of `regex` (compiled case-sensitively) can start with; None if any."""
    chars, nullable = _first(P.parse(regex), False)
    return None if nullable else chars


def lookahead(regex: str) -> str:
    """A case-sensitive `(?=[...])` guard for `regex`, or "" when it can start with anything."""
    chars = first_chars(regex)
    if not chars:
        return ""
    body = "".join(sorted(re.escape(c) if c not in "-]\\^" else "\\" + c for c in chars))
    return f"(?-i:(?=[{body}]))"
