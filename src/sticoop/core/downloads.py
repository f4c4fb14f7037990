"""The one way a download names its file: ``Content-Disposition`` with an ASCII ``filename`` for old clients
and the exact name, in UTF-8, as RFC 5987 ``filename*`` (RFC 6266), so a Vietnamese or French name arrives
intact (``Biên bản họp Ủy ban hỗn hợp.txt``) and no name can break or inject a header."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from unidecode import unidecode

_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\;/]+')


def content_disposition(filename: str, inline: bool = False) -> str:
    """``attachment; filename="Bien ban.txt"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.txt`` for ``filename``
    (any characters; control characters, quotes, slashes and semicolons are dropped)."""
    clean = _UNSAFE.sub("", filename).strip() or "download"
    fallback = _UNSAFE.sub("", unidecode(clean)).encode("ascii", "ignore").decode() or "download"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(clean, safe='')}"


def attachment(filename: str) -> dict[str, str]:
    """Response headers for a download of ``filename``: ``headers=attachment("agenda-3.ics")``."""
    return {"Content-Disposition": content_disposition(filename)}


def inline(filename: str) -> dict[str, str]:
    """The header showing a file in the browser (HTML briefing, a calendar feed) under ``filename``."""
    return {"Content-Disposition": content_disposition(filename, inline=True)}


def download_responses(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a download route: 200 is a file of ``media_type`` (``"*/*"`` when it is
    the stored file's own type), never JSON. Use with ``response_class=Response``:
    ``@router.get(..., response_class=Response, responses=download_responses("text/calendar", "..."))``."""
    return {200: {"description": description,
                  "content": {media_type: {"schema": {"type": "string", "format": "binary"}}}}}
