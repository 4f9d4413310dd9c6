"""Logging setup: the only place that installs handlers. Everything else logs through
`logging.getLogger(__name__)` with a constant message and the facts in `extra={"event": ...}`.
"""
from __future__ import annotations

import json
import logging
import sys

_STANDARD = set(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


class KeyValueFormatter(logging.Formatter):
    """One line per record: time, level, logger, message, then key=value facts."""

    def format(self, record: logging.LogRecord) -> str:
        base = f"{self.formatTime(record, '%Y-%m-%dT%H:%M:%S')} {record.levelname} {record.name}: {record.getMessage()}"
        facts = " ".join(f"{k}={_short(v)}" for k, v in record.__dict__.items() if k not in _STANDARD)
        line = f"{base} {facts}".rstrip()
        if record.exc_info and record.levelno >= logging.ERROR:
            line += " exc=" + _short(repr(record.exc_info[1]))
        return line


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"), "level": record.levelname,
                "logger": record.name, "message": record.getMessage()}
        data.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        return json.dumps(data, default=str)


def _short(value: object) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= 200 else text[:197] + "..."


def setup_logging(level: str = "WARNING", fmt: str = "text") -> None:
    """Send tracker's logs to stderr, one line per event, unless the app configured logging already."""
    root = logging.getLogger("tracker")
    if root.handlers:
        root.setLevel(level)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else KeyValueFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
