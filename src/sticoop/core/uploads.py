"""Reading an uploaded file without ever holding more than the configured limit (+1 byte) in memory."""

from __future__ import annotations

from fastapi import UploadFile

from sticoop.core.config import get_settings
from sticoop.core.errors import PayloadTooLarge


async def read_limited(upload: UploadFile, limit: int | None = None) -> bytes:
    limit = limit or get_settings().max_upload_bytes
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise PayloadTooLarge(f"{upload.filename}: over the limit of {limit:,} bytes")
    return content
