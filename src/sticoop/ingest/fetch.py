"""Fetch a press release by URL with httpx, within a time and size limit.

Why a total deadline on top of httpx's timeouts: httpx times each network operation, so a server that
trickles a byte every few seconds never trips it; an ingest worker must not hang on one page. The limit is
`STICOOP_FETCH_TIMEOUT` seconds (default 20) for the whole answer; the size limit is the upload limit.
"""

from __future__ import annotations

import os
import time
from urllib.parse import urlparse

import httpx

from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import N_

TIMEOUT_SECONDS = 20.0
TIMEOUT_ENV = "STICOOP_FETCH_TIMEOUT"


def fetch_timeout() -> float:
    """Seconds allowed for one whole fetch (configurable per deployment, read at each call)."""
    raw = os.environ.get(TIMEOUT_ENV, "")
    try:
        value = float(raw) if raw else TIMEOUT_SECONDS
    except ValueError:
        value = TIMEOUT_SECONDS
    return value if value > 0 else TIMEOUT_SECONDS


#: why a URL could not be fetched (message codes with their arguments, translated where they are shown)
NOT_HTTP = N_("%(url)s: not an http(s) URL")
HTTP_ERROR = N_("%(url)s: the server answered HTTP %(status)s")
TOO_LARGE = N_("%(url)s: larger than the %(limit)s limit")
TIMED_OUT = N_("%(url)s: no complete answer within %(seconds)s s")
UNREACHABLE = N_("%(url)s: unreachable (%(error)s)")
FETCH_ERRORS = (NOT_HTTP, HTTP_ERROR, TOO_LARGE, TIMED_OUT, UNREACHABLE)


def _limit(max_bytes: int) -> str:
    return f"{max_bytes / 1048576:.0f} MB" if max_bytes >= 1048576 else f"{max_bytes / 1024:.0f} KB"


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) address, before any network access."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationFailed(NOT_HTTP, params={"url": url})


def fetch_url(url: str, max_bytes: int) -> tuple[bytes, str]:
    """Returns (content, filename with a suffix the readers understand); clear one-line errors."""
    check_url(url)
    parsed = urlparse(url)
    timeout = fetch_timeout()
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True) as client,
            client.stream("GET", url, headers={"User-Agent": "sticoop-ingest"}) as response,
        ):
            if response.status_code >= 400:
                raise ValidationFailed(HTTP_ERROR, params={"url": url, "status": response.status_code})
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ValidationFailed(TOO_LARGE, params={"url": url, "limit": _limit(max_bytes)})
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ValidationFailed(TOO_LARGE, params={"url": url, "limit": _limit(max_bytes)})
                if time.monotonic() > deadline:
                    raise ValidationFailed(TIMED_OUT, params={"url": url, "seconds": f"{timeout:g}"})
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
    except httpx.TimeoutException:
        raise ValidationFailed(TIMED_OUT, params={"url": url, "seconds": f"{timeout:g}"}) from None
    except httpx.HTTPError as exc:
        raise ValidationFailed(UNREACHABLE, params={"url": url, "error": type(exc).__name__}) from None
    suffix = {
        "application/pdf": ".pdf",
        "text/plain": ".txt",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    }.get(content_type, ".html")
    name = parsed.path.rstrip("/").rsplit("/", 1)[-1] or parsed.netloc
    if not name.lower().endswith(suffix):
        name += suffix
    return b"".join(chunks), name
