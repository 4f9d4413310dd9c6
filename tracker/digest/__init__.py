"""The daily digest: what changed since the last one, as an HTML + plain-text email.

`build_digest` gathers the sections for (recipient, day), `render_digest` makes the email,
`send_digest` hands it to SMTP, and `deliver_digest` does all three at most once per
(recipient, day), claiming the day's unique Digest row first.
"""
from tracker.digest.build import DigestContent, build_digest, cutoff_for, local_day
from tracker.digest.render import render_digest
from tracker.digest.send import Delivery, deliver_digest, send_digest

__all__ = ["Delivery", "DigestContent", "build_digest", "cutoff_for", "deliver_digest", "local_day",
           "render_digest", "send_digest"]
