"""The `tracker` command. Each command group is one module; `main` is the one error handler.

Errors print `Error: <what failed>` on one stderr line and exit 1 (2 for usage, 130 when
interrupted); tracebacks only with `--debug`.
"""
from __future__ import annotations

import importlib
import sys

from typer.exceptions import TyperException

from tracker.cli.app import STATE, app

# Command modules register themselves on `app` when imported. A module not written yet is skipped.
COMMANDS = ("init", "config", "feeds", "ingest", "status", "demo", "times", "timeline", "followups", "digest", "daemon")


def _load_commands() -> None:
    for name in COMMANDS:
        try:
            importlib.import_module(f"tracker.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tracker.cli.{name}":
                raise


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with one error handler for everything tracker raises."""
    from tracker.errors import TrackerError

    _load_commands()
    try:
        rc = app(args=argv, standalone_mode=False)
    except TrackerError as exc:
        _fail(exc, f"Error: {exc.message}", exc.exit_code)
    except KeyboardInterrupt:
        _fail(None, "Interrupted.", 130)
    except TyperException as exc:
        _usage_failure(exc)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # pragma: no cover - last resort: still one line, never a traceback
        _fail(exc, f"Error: unexpected {type(exc).__name__}: {exc}. Run with --debug for details.", 1)
    sys.exit(rc if isinstance(rc, int) else 0)


def _usage_failure(exc: TyperException) -> None:
    """Click's usage errors as one line (a bare group prints its help instead), exit 2."""
    if type(exc).__name__ == "NoArgsIsHelpError" and getattr(exc, "ctx", None) is not None:
        sys.stdout.write(exc.ctx.get_help() + "\n")
        sys.exit(2)
    if type(exc).__name__ == "Abort":
        _fail(None, "Aborted.", 130)
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    _fail(None, f"Error: {message}", getattr(exc, "exit_code", 2))


def _fail(exc: BaseException | None, line: str, code: int) -> None:
    if STATE.debug and exc is not None:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    sys.stderr.write(line.replace("\n", " ") + "\n")
    sys.exit(code)


__all__ = ["app", "main"]
