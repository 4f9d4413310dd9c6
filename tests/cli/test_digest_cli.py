"""`tracker digest`: text to stdout, --output .html/.eml, --send once per recipient and day
(asked again it says so and exits 0), and one-line errors for what cannot work."""
from __future__ import annotations

import email
import email.policy
import socket
from pathlib import Path

import pytest

from tests.conftest import cli_invoker


from tests.integration._digest_helpers import add_event, at


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `tracker ARGS` in-process with a fixed clock; return (exit code, stdout, stderr)."""
    return cli_invoker(capsys, monkeypatch, at("2026-03-02 09:00"))


@pytest.fixture
def news(sqlite_url):
    from tracker.store import make_engine

    eng = make_engine(sqlite_url)
    add_event(eng, "Parliament <i>votes</i>", "2026-03-01 10:00")
    yield eng
    eng.dispose()


def _config(tmp_path: Path, port: int = 25, to: str = '["reader@example.org"]') -> None:
    (tmp_path / "tracker.toml").write_text(
        f'[digest]\nto = {to}\n[smtp]\nhost = "127.0.0.1"\nport = {port}\ntimeout_s = 2\n', encoding="utf-8")


def test_prints_the_text_digest(run, news, tmp_path) -> None:
    code, out, err = run("digest", "--date", "2026-03-02")
    assert code == 0 and err == ""
    assert out.startswith("tracker digest for 2026-03-02") and "NEW EVENTS" in out and "Parliament <i>votes</i>" in out


def test_output_html_and_eml(run, news, tmp_path) -> None:
    code, out, _ = run("digest", "--date", "2026-03-02", "--output", str(tmp_path / "d.html"))
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert code == 0 and "d.html" in out and "Parliament &lt;i&gt;votes&lt;/i&gt;" in html and "<i>votes" not in html
    code, _, _ = run("digest", "--date", "2026-03-02", "--output", str(tmp_path / "d.eml"))
    msg = email.message_from_bytes((tmp_path / "d.eml").read_bytes(), policy=email.policy.default)
    assert code == 0 and msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == "tracker digest for 2026-03-02"


def test_bad_output_suffix_and_both_options_are_usage_errors(run, news, tmp_path) -> None:
    code, _, err = run("digest", "--output", str(tmp_path / "d.pdf"))
    assert code == 2 and err.count("\n") == 1 and ".html or .eml" in err
    code, _, err = run("digest", "--send", "--output", str(tmp_path / "d.html"))
    assert code == 2 and err.count("\n") == 1


def test_send_without_recipients_is_one_line_error(run, news, tmp_path) -> None:
    _config(tmp_path, to="[]")
    code, out, err = run("digest", "--send")
    assert code == 1 and out == "" and err.startswith("Error: no recipients") and err.count("\n") == 1


def test_send_twice_sends_once(run, news, tmp_path) -> None:
    from aiosmtpd.controller import Controller

    received = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            received.append(envelope)
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = Controller(Inbox(), hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        _config(tmp_path, port)
        code, out, _ = run("digest", "--date", "2026-03-02", "--send")
        assert code == 0 and out == "Sent the digest for 2026-03-02 to reader@example.org.\n"
        code, out, _ = run("digest", "--date", "2026-03-02", "--send")
        assert code == 0 and "already sent" in out
    finally:
        ctl.stop()
    assert len(received) == 1


def test_send_to_a_server_that_is_down_fails_in_one_line(run, news, tmp_path, monkeypatch) -> None:
    import tracker.digest.send as send_mod

    monkeypatch.setattr(send_mod, "BACKOFF_S", 0.01)
    monkeypatch.setattr(send_mod.send_digest, "__kwdefaults__", {"retries": 2, "backoff_s": 0.01, "sleep": send_mod.time.sleep})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _config(tmp_path, port)
    code, _, err = run("digest", "--date", "2026-03-02", "--send")
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert code == 1 and len(errors) == 1 and err.splitlines()[-1] == errors[0]
    assert errors[0].startswith("Error: the digest for 2026-03-02 was not sent to reader@example.org: cannot reach")
