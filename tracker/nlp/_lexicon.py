"""Loads the nlp layer's declarative word lists (TOML under `tracker/nlp/data/`) once per process.

Lexicons are data, not code: adding a cue word or an abbreviation is an edit to a TOML file, and
every module reads it through `load()`, which caches the parsed table so that no call ever
re-reads a file.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> dict:
    """The parsed table `data/<name>.toml` (cached: callers must not mutate it)."""
    with open(DATA / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A lower-cased word list from a table, as a set for O(1) membership tests."""
    return frozenset(w.lower() for w in load(name)[key])
