"""Stop on SIGTERM/SIGINT, politely first (procrastinate's `on_stop`, rq's warm then cold stop).

The first signal calls `callback` (the daemon stops taking work and lets the article in hand
finish or roll back). A second signal exits at once: the open transaction dies with the
process and the database rolls it back. Leaving the context restores the previous handlers.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

log = logging.getLogger(__name__)
SIGNALS = (signal.SIGTERM, signal.SIGINT)
HARD_EXIT_CODE = 1


@contextmanager
def on_stop(callback: Callable[[], None]) -> Iterator[None]:
    """Call `callback` on the first SIGTERM/SIGINT; exit the process at once on the second."""
    if threading.current_thread() is not threading.main_thread():
        log.warning("Signal handlers not installed: not on the main thread", extra={"event": "signals_skipped"})
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    stopping = threading.Event()

    def handle(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if stopping.is_set():
            log.warning("Second signal: exiting at once", extra={"event": "daemon_killed", "signal": name})
            flush_logs()
            os._exit(HARD_EXIT_CODE)
        stopping.set()
        log.info("Stop requested: finishing the work in hand", extra={"event": "daemon_stopping", "signal": name})
        callback()

    for sig in SIGNALS:
        signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def flush_logs() -> None:
    """Flush every handler of tracker's logger (os._exit skips it)."""
    for handler in logging.getLogger("tracker").handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001 - never let a broken stream block an exit
            pass
