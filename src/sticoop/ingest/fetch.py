"""Fetch a press release by URL with httpx, within a time and size limit."""

from __future__ import annotations

from urllib.parse import urlparse

import httpx

from sticoop.core.errors import ValidationFailed

TIMEOUT_SECONDS = 20.0


def fetch_url(url: str, max_bytes: int) -> tuple[bytes, str]:
    """Returns (content, filename with a suffix the readers understand); clear one-line errors."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationFailed(f"{url}: not an http(s) URL")
    try:
        with (
            httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True) as client,
            client.stream("GET", url, headers={"User-Agent": "sticoop-ingest"}) as response,
        ):
            if response.status_code >= 400:
                raise ValidationFailed(f"{url}: the server answered HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ValidationFailed(f"{url}: larger than the {max_bytes / 1048576:.0f} MB limit")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
    except httpx.HTTPError as exc:
        raise ValidationFailed(f"{url}: unreachable ({type(exc).__name__})") from None
    suffix = {
        "application/pdf": ".pdf",
        "text/plain": ".txt",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    }.get(content_type, ".html")
    name = parsed.path.rstrip("/").rsplit("/", 1)[-1] or parsed.netloc
    if not name.lower().endswith(suffix):
        name += suffix
    return b"".join(chunks), name
