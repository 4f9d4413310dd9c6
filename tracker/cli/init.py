"""`tracker init`: write a starting config file and create the database."""
from __future__ import annotations

from pathlib import Path

import typer

from tracker.cli.app import STATE, app
from tracker.errors import ConfigError


@app.command("init")
def init_command(force: bool = typer.Option(False, "--force", help="Overwrite an existing config file.")) -> None:
    """Write a default config file (if none) and create or upgrade the database."""
    import os

    from tracker.config import DEFAULT_TOML, default_config_path

    path = Path(os.environ.get("TRACKER_CONFIG") or default_config_path())
    if path.exists() and not force:
        typer.echo(f"Config: {path} (kept; --force overwrites it)")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(DEFAULT_TOML, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write {path}: {exc.strerror}") from None
        typer.echo(f"Config: {path} (written)")
    STATE.engine  # creates and migrates the database
    typer.echo(f"Database: {STATE.settings.db_url} (ready)")
