"""Headless Chromium for the page tests: find it, run it, and tell a drawn page from a blank one."""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_chromium = [pytest.mark.chromium,
                  pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars"]


def run_chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=60)


def png_pixels(data: bytes) -> list[bytes]:
    """Raw pixel samples of an 8-bit RGB/RGBA PNG (enough to tell a page from a blank one)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, channels = 8, b"", 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _h, _depth, color = struct.unpack(">IIBB", chunk[:10])
            channels = {2: 3, 6: 4}.get(color, 4)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    # Sample bytes of each row (filter byte skipped); distinct values mean something was drawn.
    return [raw[r + 1 + c:r + 1 + c + channels] for r in range(0, len(raw), stride * 7)
            for c in range(0, width * channels, channels * 5)]
