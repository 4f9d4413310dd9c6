"""The digest through a real SMTP server (aiosmtpd on 127.0.0.1): parsed back, it is a
multipart/alternative email with both parts and hostile article text escaped; login, STARTTLS
and implicit TLS work; a server that is down is retried, then reported in one line."""
from __future__ import annotations

import email
import email.policy
import functools
import logging
import socket
import ssl
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.integration._digest_helpers import add_event, at
from tracker.clock import FixedClock
from tracker.config import with_overrides
from tracker.digest import deliver_digest, send_digest
from tracker.errors import SmtpError

aiosmtpd = pytest.importorskip("aiosmtpd")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

TO = "reader@example.org"
HOSTILE = 'Vote <script>alert("x")</script> & <b>more</b>'


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    """Start an aiosmtpd controller with the given options; stopped after the test."""
    started = []

    def start(**kw):
        inbox = Inbox()
        ctl = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kw)
        ctl.start()
        started.append(ctl)
        return inbox, ctl.port

    yield start
    for ctl in started:
        ctl.stop()


@pytest.fixture
def cert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    """A self-signed certificate for 127.0.0.1, trusted by the client through SSL_CERT_FILE."""
    key, crt = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(crt))
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(str(crt), str(key))
    return ctx


@pytest.fixture
def engine(sqlite_url: str):
    """SQLite only: what these tests check is the mail, not the database."""
    from tracker.store import make_engine

    eng = make_engine(sqlite_url)
    yield eng
    eng.dispose()


def _accept(server, session, envelope, mechanism, data):
    return AuthResult(success=True)


def _refuse(server, session, envelope, mechanism, data):
    return AuthResult(success=False, handled=False)


def _settings(settings, port: int, **smtp):
    return with_overrides(settings, digest={"to": (TO,), "sender": "tracker@example.org"},
                          smtp={"host": "127.0.0.1", "port": port, "timeout_s": 5.0, **smtp})


def _deliver(engine, s):
    return deliver_digest(engine, s, FixedClock(at("2026-03-02 07:00")), TO, date(2026, 3, 2), "test")


def test_the_digest_arrives_as_multipart_alternative_with_hostile_text_escaped(engine, settings, smtp_server) -> None:
    inbox, port = smtp_server()
    add_event(engine, HOSTILE, "2026-03-01 10:00")
    assert _deliver(engine, _settings(settings, port)).outcome == "sent"
    [msg] = inbox.messages
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == "tracker digest for 2026-03-02" and msg["To"] == TO and msg["From"] == "tracker@example.org"
    assert msg["Date"] and msg["Message-ID"].strip().startswith("<") and inbox.envelopes[0].rcpt_tos == [TO]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert HOSTILE in text
    assert "<script>" not in html and "<b>more</b>" not in html
    assert "Vote &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;" in html
    assert 'id="new-events"' in html and "style=" in html


def test_login_without_tls_and_the_password_is_never_logged(engine, settings, smtp_server, monkeypatch, caplog) -> None:
    seen = []

    def auth(server, session, envelope, mechanism, data):
        seen.append((mechanism, data))
        ok = isinstance(data, LoginPassword) and data.login == b"bot" and data.password == b"s3cret-pw"
        return AuthResult(success=ok, handled=False)

    inbox, port = smtp_server(authenticator=auth, auth_require_tls=False)
    monkeypatch.setenv("DIGEST_PW", "s3cret-pw")
    monkeypatch.setattr(logging.getLogger("tracker"), "propagate", True)   # setup_logging may have run
    caplog.set_level(logging.DEBUG, logger="tracker")
    s = _settings(settings, port, username="bot", password_env="DIGEST_PW")
    assert _deliver(engine, s).outcome == "sent" and len(inbox.messages) == 1 and seen
    assert "digest_sent" in [getattr(r, "event", None) for r in caplog.records]   # the check below saw the logs
    assert "s3cret-pw" not in caplog.text and TO not in caplog.text
    assert all("s3cret-pw" not in str(r.__dict__) and TO not in str(r.__dict__) for r in caplog.records)


def test_a_wrong_password_fails_in_one_line_without_retrying(engine, settings, smtp_server, monkeypatch) -> None:
    _inbox, port = smtp_server(authenticator=_refuse, auth_require_tls=False)
    monkeypatch.setenv("DIGEST_PW", "wrong")
    sleeps = []
    s = _settings(settings, port, username="bot", password_env="DIGEST_PW")
    with pytest.raises(SmtpError) as err:
        send_digest(_message(s), s, sleep=sleeps.append)
    assert "refused the login" in err.value.message and "\n" not in err.value.message and sleeps == []


def test_starttls_with_login(engine, settings, smtp_server, cert, monkeypatch) -> None:
    inbox, port = smtp_server(tls_context=cert, require_starttls=True,
                              authenticator=_accept)
    monkeypatch.setenv("DIGEST_PW", "pw")
    s = _settings(settings, port, security="starttls", username="bot", password_env="DIGEST_PW")
    assert _deliver(engine, s).outcome == "sent" and len(inbox.messages) == 1


def test_implicit_tls(engine, settings, smtp_server, cert) -> None:
    inbox, port = smtp_server(ssl_context=cert)
    assert _deliver(engine, _settings(settings, port, security="ssl")).outcome == "sent"
    assert len(inbox.messages) == 1


def test_a_server_that_is_down_is_retried_with_backoff_then_reported_in_one_line(engine, settings) -> None:
    s = _settings(settings, free_port())
    sleeps: list[float] = []
    with pytest.raises(SmtpError) as err:
        send_digest(_message(s), s, retries=3, backoff_s=0.5, sleep=sleeps.append)
    assert sleeps == [0.5, 1.0]
    assert err.value.message.startswith("cannot reach the mail server 127.0.0.1:") and "\n" not in err.value.message


def test_a_failed_digest_is_recorded_and_can_be_sent_again(engine, settings, smtp_server) -> None:
    quick = functools.partial(send_digest, backoff_s=0.01)
    clock = FixedClock(at("2026-03-02 07:00"))
    done = deliver_digest(engine, _settings(settings, free_port()), clock, TO, date(2026, 3, 2), "t", send=quick)
    assert done.outcome == "failed" and "cannot reach the mail server" in done.error
    inbox, port = smtp_server()
    assert _deliver(engine, _settings(settings, port)).outcome == "sent" and len(inbox.messages) == 1
    assert _deliver(engine, _settings(settings, port)).outcome == "already" and len(inbox.messages) == 1


def _message(s):
    from tracker.digest.build import DigestContent, Window
    from tracker.digest.render import render_digest

    content = DigestContent(TO, date(2026, 3, 2), Window(at("2026-03-02 07:00"), at("2026-03-02 07:00")))
    return render_digest(content, s.digest.sender, at("2026-03-02 07:00"))
