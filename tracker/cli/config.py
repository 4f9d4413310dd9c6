"""`tracker config show`: the effective settings, after file and environment, secrets masked."""
from __future__ import annotations

import dataclasses

import typer

from tracker.cli.app import STATE, FormatOption, app
from tracker.cli.output import default_format, emit

config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def show_command(fmt: str = FormatOption) -> None:
    """Print every setting with its effective value (the SMTP password is never shown)."""
    settings = STATE.settings
    rows = []
    for section in ("digest", "smtp", "daemon", "fetch"):
        for f in dataclasses.fields(getattr(settings, section)):
            value = getattr(getattr(settings, section), f.name)
            rows.append({"key": f"{section}.{f.name}", "value": list(value) if isinstance(value, tuple) else value,
                         "help": f.metadata.get("help", "")})
    rows += [{"key": "db_url", "value": _mask_url(settings.db_url), "help": "TRACKER_DB"},
             {"key": "config_path", "value": settings.config_path, "help": "TRACKER_CONFIG"}]
    fmt = default_format(fmt)
    data = {r["key"]: r["value"] for r in rows} if fmt == "json" else rows
    emit(data, fmt, columns=["key", "value", "help"], rows=rows)


def _mask_url(url: str) -> str:
    """Hide a password embedded in a database URL."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an invalid URL is reported when the database is opened, not here
        return url
