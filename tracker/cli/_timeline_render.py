"""The two document formats of the timeline commands: `ics` (icalendar) and `html` (one page).

`output.emit` delegates here, so `--format` is still decided in one place. Both take the same dict
the JSON format prints (`as_of` plus `events` and/or `followups`) and return a string.

The HTML page is self-contained on purpose (inline CSS and SVG, no script, no external asset): it
is mailed, archived and opened offline. The SVG is drawn here, on a date axis: events as dots (or
bars for spans), each follow-up as a line from the day it was announced to its deadline, coloured
by status.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from html import escape
from typing import Any

STATUS_COLOURS = {"open": "#1f77b4", "fulfilled": "#2ca02c", "late": "#ff7f0e", "overdue": "#d62728",
                  "postponed": "#9467bd", "cancelled": "#7f7f7f"}
WIDTH = 1100
KIND_COLOURS = {"occurred": "#222", "ongoing": "#444", "scheduled": "#1f77b4", "expected": "#17becf"}


def render(data: dict[str, Any], fmt: str) -> str:
    return render_ics(data) if fmt == "ics" else render_html(data)


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _stamp(data: dict[str, Any]) -> datetime:
    stamp = data.get("generated_at")
    if isinstance(stamp, datetime):
        return stamp.astimezone(timezone.utc)
    day = _day(data.get("as_of")) or date(1970, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def render_ics(data: dict[str, Any]) -> str:
    """Events (all-day, spanning their interval) and follow-up deadlines as VEVENTs."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//tracker//timeline//EN")
    cal.add("version", "2.0")
    stamp = _stamp(data)
    for ev in data.get("events", []):
        start, end = _day(ev["start"]), _day(ev["end"]) or _day(ev["start"])
        if start is None or end is None:
            continue
        cal.add_component(_vevent(VEvent(), f"event-{ev['id']}@tracker", stamp, ev["title"], start, end,
                                  f"{ev['kind']}: " + "; ".join(s["text"] for s in ev.get("sources", [])[:3]),
                                  ev["kind"]))
    for fu in data.get("followups", []):
        deadline = _day(fu.get("deadline"))
        if deadline is None:
            continue
        src = fu.get("source") or {}
        cal.add_component(_vevent(VEvent(), f"followup-{fu['id']}@tracker", stamp,
                                  f"Deadline ({fu['status']}): {fu['claim']}", deadline, deadline,
                                  f"{src.get('text', '')} {src.get('url', '')}".strip(), fu["status"]))
    return cal.to_ical().decode("utf-8")


def _vevent(vev: Any, uid: str, stamp: datetime, summary: str, start: date, end: date, description: str,
            category: str) -> Any:
    vev.add("uid", uid)
    vev.add("dtstamp", stamp)
    vev.add("summary", summary)
    vev.add("dtstart", start)
    vev.add("dtend", end + timedelta(days=1))  # all-day DTEND is exclusive
    vev.add("description", description)
    vev.add("categories", [category])
    return vev


def render_html(data: dict[str, Any]) -> str:
    """One page: the SVG date axis, then the events and follow-ups as tables."""
    events, followups = data.get("events", []), data.get("followups", [])
    title = f"Timeline as of {data.get('as_of', '')}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>{_legend()}{_svg(events, followups)}"
        f"{_events_table(events)}{_followups_table(followups)}</body></html>\n"
    )


_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:20px} h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
.status{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px}
.legend span{margin-right:12px} svg{border:1px solid #eee;background:#fafafa;max-width:100%}
.axis text{font-size:11px;fill:#555} .label{font-size:11px;fill:#222}
"""


def _legend() -> str:
    items = "".join(f'<span><span class="status" style="background:{c}">{s}</span></span>'
                    for s, c in STATUS_COLOURS.items())
    return f'<p class="legend">Follow-ups: {items}</p>'


def _extent(events: list[dict[str, Any]], followups: list[dict[str, Any]]) -> tuple[date, date]:
    days = [d for ev in events for d in (_day(ev["start"]), _day(ev["end"])) if d]
    days += [d for fu in followups for d in (_day(fu.get("deadline")), _day((fu.get("source") or {}).get("published"))) if d]
    if not days:
        today = date(2000, 1, 1)
        return today, today + timedelta(days=30)
    lo, hi = min(days), max(days)
    pad = max(3, (hi - lo).days // 20)
    return lo - timedelta(days=pad), hi + timedelta(days=pad)


def _svg(events: list[dict[str, Any]], followups: list[dict[str, Any]]) -> str:
    lo, hi = _extent(events, followups)
    width, left, row = WIDTH, 20, 24
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return left + (d - lo).days / span * (width - 2 * left)

    rows = len(events) + len(followups)
    height = 60 + row * (rows + 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="timeline">', _axis(lo, hi, x, height)]
    y = 40
    for ev in events:
        parts.append(_event_mark(ev, x, y))
        y += row
    for fu in followups:
        parts.append(_followup_mark(fu, x, y))
        y += row
    parts.append("</svg>")
    return "".join(parts)


def _axis(lo: date, hi: date, x: Any, height: int) -> str:
    ticks, step_months = [], max(1, ((hi - lo).days // 30) // 10 + 1)
    d = date(lo.year, lo.month, 1)
    while d <= hi:
        if d >= lo:
            ticks.append(f'<line x1="{x(d):.1f}" y1="20" x2="{x(d):.1f}" y2="{height - 10}" stroke="#e3e3e3"/>'
                         f'<text x="{x(d) + 2:.1f}" y="16">{d.isoformat()[:7]}</text>')
        month = d.month - 1 + step_months
        d = date(d.year + month // 12, month % 12 + 1, 1)
    return f'<g class="axis">{"".join(ticks)}</g>'


def _event_mark(ev: dict[str, Any], x: Any, y: int) -> str:
    start, end = _day(ev["start"]), _day(ev["end"])
    colour = KIND_COLOURS.get(ev["kind"], "#8c564b")
    label = escape(f"{ev['title']} ({ev['start']})")
    x1, x2 = x(start), x(end)
    mark = (f'<circle cx="{x1:.1f}" cy="{y}" r="5" fill="{colour}"/>' if x2 - x1 < 4 else
            f'<rect x="{x1:.1f}" y="{y - 4}" width="{x2 - x1:.1f}" height="8" fill="{colour}" opacity="0.7"/>')
    return (f'<g class="event" data-id="{ev["id"]}"><title>{label}</title>{mark}{_label(label, x1, x2, y)}</g>')


def _followup_mark(fu: dict[str, Any], x: Any, y: int) -> str:
    colour = STATUS_COLOURS.get(fu["status"], "#000")
    deadline = _day(fu.get("deadline"))
    announced = _day((fu.get("source") or {}).get("published")) or deadline
    label = escape(f"{fu['claim']} [{fu['status']}]")
    if deadline is None or announced is None:
        return f'<g class="followup"><text class="label" x="20" y="{y + 4}" fill="{colour}">{label}</text></g>'
    x1, x2 = sorted((x(announced), x(deadline)))
    return (f'<g class="followup" data-status="{escape(fu["status"])}"><title>{label}</title>'
            f'<line x1="{x1:.1f}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke="{colour}" stroke-width="3"/>'
            f'<rect x="{x(deadline) - 4:.1f}" y="{y - 6}" width="8" height="12" fill="{colour}"/>'
            f'{_label(label, x1, x2, y)}</g>')


def _label(label: str, x1: float, x2: float, y: int) -> str:
    """A label right of its mark, or left of it in the right half of the axis (so it stays on the page)."""
    if x2 <= WIDTH * 0.55:
        return f'<text class="label" x="{x2 + 8:.1f}" y="{y + 4}">{label}</text>'
    if x1 >= WIDTH * 0.45:
        return f'<text class="label" x="{x1 - 8:.1f}" y="{y + 4}" text-anchor="end">{label}</text>'
    return f'<text class="label" x="{x1 + 4:.1f}" y="{y - 6}">{label}</text>'


def _events_table(events: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td>{escape(str(ev['start']))}</td><td>{escape(str(ev['end']))}</td><td>{escape(ev['kind'])}</td>"
        f"<td>{escape(ev['title'])}</td><td>{escape(', '.join(ev.get('entities', [])))}</td>"
        f"<td>{len(ev.get('sources', []))}</td></tr>" for ev in events)
    return ("<h2>Events</h2><table><tr><th>start</th><th>end</th><th>kind</th><th>title</th><th>entities</th>"
            f"<th>sources</th></tr>{rows}</table>")


def _followups_table(followups: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td><span class=\"status\" style=\"background:{STATUS_COLOURS.get(fu['status'], '#000')}\">"
        f"{escape(fu['status'])}</span></td><td>{escape(str(fu.get('deadline') or ''))}</td>"
        f"<td>{escape(fu['claim'])}</td><td>{escape((fu.get('resolution') or {}).get('text', ''))}</td></tr>"
        for fu in followups)
    return ("<h2>Follow-ups</h2><table><tr><th>status</th><th>deadline</th><th>claim</th><th>settled by</th></tr>"
            f"{rows}</table>")
