"""The search index: one row per searchable record (derived data, rebuilt by ``sticoop search reindex``).

The folded columns (``sticoop.core.text.fold``) are what is matched; ``title`` and ``body`` keep the original
text for the result's title and highlighted snippet. ``partnership_id``, ``editors_only`` and ``confidential``
carry the record's scope as ``accounts/scoping.py`` decides it (a child takes its parent's partnership), so a
query filters by the viewer's partnerships before it ranks. The full-text index itself exists only in the
migration: an FTS5 table kept by triggers on SQLite, a two-column GIN index over ``search_vector`` (kept by a
trigger) and the entry's scope tokens on PostgreSQL (``ix_search_entries_scoped_fts``, migration 0033).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text, false, text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base


class SearchEntry(Base):
    """One record as the search box sees it."""

    __tablename__ = "search_entries"
    __table_args__ = (
        Index("ix_search_entries_kind_record_id", "kind", "record_id", unique=True),
        # the entries waiting for their vector (the search.embed job's work), migration 0027
        Index("ix_search_entries_waiting", "id", sqlite_where=text("embedding IS NULL"),
              postgresql_where=text("embedding IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the partnership the record (or its parent) belongs to; None: general, seen by every signed-in user
    partnership_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: bound to no partnership but seen by editors only (a document not yet linked to a record)
    editors_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)
    #: the record or its parent is confidential: the secretariat and admins only
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    title_folded: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body_folded: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: PostgreSQL only: the weighted ``tsvector`` of the folded title (A) and body (B), set by a trigger of the
    #: migration on every insert and update (stored, so matching and ranking never re-parse the text); always
    #: NULL on SQLite, where the FTS5 table holds the words
    search_vector: Mapped[str | None] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))
    #: the record's meaning for the semantic half of the search: an L2-normalised float32 vector (little-endian
    #: bytes, ``dim`` × 4) of its title and the start of its body, computed once per version of the entry (in the
    #: write's transaction, or by the reindex) by the embedder named in ``embedder``; NULL when none was computed
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: name of the embedder that computed ``embedding`` (vectors of another embedder are never compared)
    embedder: Mapped[str | None] = mapped_column(String(100))
