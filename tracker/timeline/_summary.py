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
        lines.append(f"  {span:<22} {ev['kind']:<10} {ev['title']}  ({len(ev['sources'])} source(s))")
    if len(events) > limit:
        lines.append(f"  ... and {len(events) - limit} more (tracker timeline)")
    lines.append("Follow-ups:")
    for fu in query_followups(session, today=today)[:limit]:
        deadline = fu["deadline"].isoformat() if fu["deadline"] else "no deadline"
        settled = ""
        if fu["resolution"]:
            settled = f" <- {fu['resolution']['url']}"
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
