"""The integer range every id and count must fit: the database's own (PostgreSQL ``integer`` columns are
32-bit; SQLite's are 64-bit, so the narrower range holds on both). Values outside it are refused as 422
before any query runs; anything that still reaches the database out of range is answered 422 by the app's
handler for database range errors (``sticoop.server.app``), never a 500."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1

#: how a description states that range
DB_INT_RANGE = f"a 32-bit integer, {INT_MIN} to {INT_MAX}"
#: an integer a database integer column can hold (ids in bodies and query filters, counts)
DbInt = Annotated[int, Field(ge=INT_MIN, le=INT_MAX)]
