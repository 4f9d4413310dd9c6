"""A short plain-text account of the timeline and its follow-ups (the end of `tracker demo`)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tracker.timeline.queries import query_followups, query_timeline


def summarize_timeline(session: Session, today: date | None = None, limit: int = 30) -> str:
    """The timeline (one line per event) and the follow-ups (one line each, with how they ended)."""
    lines = ["Timeline:"]
    events = query_timeline(session)
    for ev in events[:limit]:
        span = ev["start"].isoformat() if ev["start"] == ev["end"] else f"{ev['start']}..{ev['end']}"
        count = len(ev["sources"])
        lines.append(f"  {span:<22} {ev['kind']:<10} {ev['title']}  ({count} source{'' if count == 1 else 's'})")
    if len(events) > limit:
        lines.append(f"  ... and {len(events) - limit} more (tracker timeline)")
    lines.append("Follow-ups:")
    for fu in query_followups(session, today=today)[:limit]:
        deadline = fu["deadline"].isoformat() if fu["deadline"] else "no deadline"
        settled = ""
        if moved := _earlier_deadlines(fu):
            settled += f" (moved from {', '.join(moved)})"
        if fu["resolution"]:
            settled += f" <- {fu['resolution']['url']}"
        lines.append(f"  [{fu['status']:<9}] by {deadline:<11} {_clip(fu['claim'], 70)}{settled}")
    if len(lines) == 2:
        lines.append("  (none)")
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _earlier_deadlines(fu: dict) -> list[str]:
    """Deadlines a follow-up had before its current one, oldest first ('moved from 2026-05-15')."""
    current = fu["deadline"].isoformat() if fu.get("deadline") else None
    seen: list[str] = []
    for entry in fu.get("history") or []:
        day = entry.get("deadline")
        day = day.isoformat() if hasattr(day, "isoformat") else str(day)[:10] if day else None
        if day and day != current and day not in seen:
            seen.append(day)
    return seen
