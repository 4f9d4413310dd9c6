"""Config: defaults, TOML, environment overrides, and one-line errors for bad values."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.config import load_settings
from tracker.errors import ConfigError


def write(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "c.toml"
    path.write_text(text)
    return {"TRACKER_CONFIG": str(path)}


def test_defaults_without_a_file(tmp_path: Path) -> None:
    s = load_settings({"TRACKER_CONFIG": str(tmp_path / "missing.toml"), "TRACKER_DB": "sqlite:///x.db"})
    assert s.daemon.poll_seconds == 60 and s.digest.time == "07:00" and s.smtp.security == "none"
    assert s.db_url == "sqlite:///x.db"


def test_file_then_environment(tmp_path: Path) -> None:
    env = write(tmp_path, '[digest]\nto = ["a@b.org"]\ntime = "06:30"\ntimezone = "Asia/Tokyo"\n[daemon]\npoll_seconds = 15\n')
    s = load_settings(env)
    assert s.digest.to == ("a@b.org",) and s.digest.timezone == "Asia/Tokyo" and s.daemon.poll_seconds == 15
    s = load_settings({**env, "TRACKER_DAEMON_POLL_SECONDS": "5"})
    assert s.daemon.poll_seconds == 5


@pytest.mark.parametrize("text, words", [
    ("[daemon]\npoll_seconds = 0\n", "daemon.poll_seconds must be >= 1"),
    ("[daemon]\npoll_seconds = 'often'\n", "daemon.poll_seconds must be a whole number"),
    ("[digest]\ntime = '25:00'\n", "digest.time must be HH:MM"),
    ("[digest]\ntimezone = 'Mars/Olympus'\n", "digest.timezone must be an IANA time zone"),
    ("[smtp]\nsecurity = 'tls'\n", "smtp.security must be one of none, starttls, ssl"),
    ("[smtp]\nprt = 25\n", "unknown key smtp.prt"),
    ("[nonsense]\n", "unknown section or key 'nonsense'"),
    ("this is = = not toml", "is not valid TOML"),
    ("[digest]\nto = ['nobody']\n", "is not an email address"),
])
def test_bad_config_says_what_is_wrong(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text))
    assert words in err.value.message
    assert "\n" not in err.value.message
