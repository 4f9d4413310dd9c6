"""Test data for the nlp tests: the seed article, read from tests/data or, failing that, shared/."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_SEED_NAME = "japan-china-innovation-dialogue-2018-09-23.txt"


def seed_article() -> str:
    """The Japan Times seed article (dct 2018-09-23), page clutter included."""
    for path in (ROOT / "tests" / "data" / "seed_article.txt", ROOT.parent / "shared" / "data" / "seed" / _SEED_NAME,
                 Path("/work/shared/data/seed") / _SEED_NAME):
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(_SEED_NAME)
