"""The background daemon: APScheduler jobs that poll feeds, settle follow-ups and send the digest.

`run(settings, clock)` runs it until SIGTERM/SIGINT; `daemon_state(session)` is what
`tracker status` shows about it. APScheduler is imported only when the daemon starts.
"""
from tracker.daemon._run import run
from tracker.daemon._state import daemon_state

__all__ = ["daemon_state", "run"]
