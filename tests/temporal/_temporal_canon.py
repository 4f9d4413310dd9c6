"""The canonical one-line form of a Timex that rule examples and table tests compare against."""
from __future__ import annotations

from datetime import date

from tracker.nlp.temporal import Timex


def canonical(t: Timex) -> str:
    """`value [mod] first..last deadline D`, the parts that are set, so failures diff in one line."""
    out = [t.value]
    if t.mod:
        out.append(f"[{t.mod}]")
    if t.first and t.last:
        out.append(f"{t.first.isoformat()}..{t.last.isoformat()}")
    if t.deadline:
        out.append(f"deadline {t.deadline.isoformat()}")
    return " ".join(out)


def day(text: str) -> date:
    """An ISO day."""
    return date.fromisoformat(text)
