"""Settings: one frozen object, read once, validated once, passed down as an argument.

Precedence, lowest first: defaults < the TOML file (`TRACKER_CONFIG`, default
`<user config dir>/tracker/tracker.toml`) < `TRACKER_<SECTION>_<KEY>` environment variables.
Every key is optional; every field below has a type, a default and a help string, and
`docs/configuration.md` documents each one (a test checks).
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.errors import ConfigError

APP = "tracker"


def _f(default: Any, help: str, **kw: Any) -> Any:
    return field(default=default, metadata={"help": help, **kw})


@dataclass(frozen=True)
class DigestSettings:
    to: tuple[str, ...] = _f((), "recipients of the daily digest")
    sender: str = _f("tracker@localhost", "From address of the digest")
    time: str = _f("07:00", "local time (HH:MM, or HH:MM:SS) the daily digest is sent")
    timezone: str = _f("UTC", "IANA time zone of digest.time")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = _f("localhost", "SMTP server")
    port: int = _f(25, "SMTP port", min=1, max=65535)
    security: str = _f("none", "none | starttls | ssl", choices=("none", "starttls", "ssl"))
    username: str = _f("", "SMTP login name (empty: no login)")
    password_env: str = _f("TRACKER_SMTP_PASSWORD", "environment variable that holds the SMTP password")
    timeout_s: float = _f(30.0, "SMTP connection timeout in seconds", min=1)


@dataclass(frozen=True)
class DaemonSettings:
    poll_seconds: int = _f(60, "how often the daemon looks for due feeds", min=1)
    lease_seconds: int = _f(300, "how long a daemon holds a claimed feed before others may take it", min=10)
    batch_size: int = _f(50, "feeds claimed per poll", min=1)
    shutdown_timeout_s: float = _f(10.0, "how long shutdown waits for the article in hand", min=0)


@dataclass(frozen=True)
class FetchSettings:
    interval_minutes: int = _f(30, "default interval between polls of one feed", min=1)
    timeout_s: float = _f(20.0, "total time allowed for one request", min=0.1)
    connect_timeout_s: float = _f(10.0, "time allowed to connect", min=0.1)
    read_timeout_s: float = _f(10.0, "time allowed between two reads", min=0.1)
    max_bytes: int = _f(10_000_000, "largest response body accepted", min=1024)
    max_redirects: int = _f(5, "redirects followed at most", min=0, max=30)
    max_connections: int = _f(8, "requests in flight at once overall", min=1)
    max_per_host: int = _f(2, "requests in flight at once per host", min=1)
    max_backoff_minutes: int = _f(1440, "longest wait after failures (one try a day)", min=1)
    failing_after: int = _f(3, "consecutive failures after which a feed is reported as failing", min=1)
    user_agent: str = _f("", "User-Agent header (empty: tracker/<version> (+feed tracker))")


@dataclass(frozen=True)
class Settings:
    digest: DigestSettings = field(default_factory=DigestSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    daemon: DaemonSettings = field(default_factory=DaemonSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    db_url: str = ""
    config_path: str = ""


SECTIONS = {"digest": DigestSettings, "smtp": SmtpSettings, "daemon": DaemonSettings, "fetch": FetchSettings}


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP)) / "tracker.toml"


def default_db_url() -> str:
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir(APP)) / 'tracker.db'}"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read the config file and the environment, validate, and return the settings."""
    env = dict(os.environ) if env is None else env
    path = Path(env.get("TRACKER_CONFIG") or default_config_path())
    raw = _read_toml(path)
    sections = {name: _build_section(name, cls, raw.pop(name, {}), env) for name, cls in SECTIONS.items()}
    if raw:
        raise ConfigError(f"{path}: unknown section or key {sorted(raw)[0]!r}")
    db_url = env.get("TRACKER_DB") or default_db_url()
    return Settings(**sections, db_url=db_url, config_path=str(path))


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None


def _build_section(name: str, cls: type, raw: Any, env: dict[str, str]) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] must be a table")
    known = {f.name: f for f in fields(cls)}
    unknown = set(raw) - set(known)
    if unknown:
        raise ConfigError(f"unknown key {name}.{sorted(unknown)[0]} (known: {', '.join(known)})")
    values: dict[str, Any] = {}
    for key, f in known.items():
        env_key = f"TRACKER_{name}_{key}".upper()
        if env_key in env:
            values[key] = _coerce(f"{env_key}", f, env[env_key], from_env=True)
        elif key in raw:
            values[key] = _coerce(f"{name}.{key}", f, raw[key], from_env=False)
    section = cls(**values)
    _check_section(name, section)
    return section


def _coerce(label: str, f: Any, value: Any, from_env: bool) -> Any:
    """Turn a TOML or environment value into the field's type, or say what is wrong in one line."""
    kind = f.type if isinstance(f.type, str) else f.type.__name__
    try:
        if kind == "int":
            if isinstance(value, bool) or not (isinstance(value, int) or from_env):
                raise ValueError
            value = int(value)
        elif kind == "float":
            if isinstance(value, bool) or not (isinstance(value, (int, float)) or from_env):
                raise ValueError
            value = float(value)
        elif kind.startswith("tuple"):
            if from_env:
                value = [v.strip() for v in str(value).split(",") if v.strip()]
            elif isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError
            value = tuple(value)
        elif not isinstance(value, str):
            raise ValueError
    except ValueError:
        raise ConfigError(f"{label} must be {_describe(kind)}, got {value!r}") from None
    _check_range(label, f, value)
    return value


def _describe(kind: str) -> str:
    return {"int": "a whole number", "float": "a number"}.get(kind, "a list of strings" if kind.startswith("tuple") else "a string")


def _check_range(label: str, f: Any, value: Any) -> None:
    meta = f.metadata
    if "min" in meta and value < meta["min"]:
        raise ConfigError(f"{label} must be >= {meta['min']}, got {value!r}")
    if "max" in meta and value > meta["max"]:
        raise ConfigError(f"{label} must be <= {meta['max']}, got {value!r}")
    if "choices" in meta and value not in meta["choices"]:
        raise ConfigError(f"{label} must be one of {', '.join(meta['choices'])}, got {value!r}")


def _check_section(name: str, section: Any) -> None:
    if name == "digest":
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?", section.time):
            raise ConfigError(f"digest.time must be HH:MM (24-hour, optionally :SS), got {section.time!r}")
        try:
            ZoneInfo(section.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"digest.timezone must be an IANA time zone such as Europe/Paris, got {section.timezone!r}") from None
        for addr in section.to:
            if "@" not in addr:
                raise ConfigError(f"digest.to: {addr!r} is not an email address")


def with_overrides(settings: Settings, **sections: dict[str, Any]) -> Settings:
    """A copy of the settings with some section fields replaced (for CLI flags and tests)."""
    changes = {name: replace(getattr(settings, name), **vals) for name, vals in sections.items()}
    return replace(settings, **changes)


DEFAULT_TOML = """\
# tracker configuration. Every key is optional; these are the defaults.
[digest]
to = []                         # recipients, e.g. ["you@example.org"]
sender = "tracker@localhost"
time = "07:00"                  # local time of the daily digest
timezone = "UTC"                # IANA name

[smtp]
host = "localhost"
port = 25
security = "none"               # none | starttls | ssl
username = ""
password_env = "TRACKER_SMTP_PASSWORD"   # the password is read from this environment variable

[daemon]
poll_seconds = 60

[fetch]
interval_minutes = 30
max_bytes = 10000000
"""
