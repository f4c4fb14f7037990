"""The linkage index: ``linkage_keys`` (entity, key) → record id, the keys that find link candidates.

Each record kind that takes part in linkage has its key function in :data:`sticoop.linkage.rank.KEYS_OF`: the
language-neutral keys of a record
(see :mod:`sticoop.linkage.names`), e.g. ``"neutral:#university ghent"`` and ``"sounds:#university ~G530"``
for "Ghent University". They are kept here, refreshed on every flush like ``natural_keys``, so finding the
candidates of a proposed record is one indexed lookup bounded by a LIMIT, whatever the table size. The keys
only retrieve candidates; :mod:`sticoop.linkage.rank` scores each one by comparing the names themselves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Index, Integer, String, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from sticoop.core.duplicates import key, rebuild_key_index, refresh_key_index
from sticoop.core.models import Base

LOOKUP_LIMIT = 50


class LinkKey(Base):
    """One linkage key of one record (derived data: rebuilt from the records, never edited by hand)."""

    __tablename__ = "linkage_keys"
    __table_args__ = (
        Index("ix_linkage_keys_entity_key", "entity", "key"),
        Index("ix_linkage_keys_entity_record_id", "entity", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    key: Mapped[str] = mapped_column(String(400), nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)


def link_key(kind: str, value: str) -> str:
    """A linkage key string (cut and hashed like a natural key when long)."""
    return key(kind, value)


def linked_services() -> list[Any]:
    """The registered services of the kinds that take part in linkage."""
    from sticoop.core.registry import services

    return [s for entity, s in services().items() if entity in _keys_of()]


def _keys_of() -> dict[str, Any]:
    from sticoop.linkage.rank import KEYS_OF  # rank reads this module's lookup

    return KEYS_OF


def keys_of(service: Any, obj: Any) -> list[str]:
    """The linkage keys of ``obj``, a record of ``service``'s kind."""
    return list(_keys_of()[service.entity](obj))


def lookup(db: Session, entity: str, keys: set[str], limit: int = LOOKUP_LIMIT) -> list[int]:
    """Ids of the ``entity`` records holding any of ``keys`` (one indexed query, at most ``limit``)."""
    if not keys:
        return []
    rows = db.execute(select(LinkKey.record_id).where(LinkKey.entity == entity, LinkKey.key.in_(sorted(keys)))
                           .limit(limit)).scalars().all()
    return sorted(set(rows))


@event.listens_for(Session, "after_flush")
def _refresh_link_keys(db: Session, _ctx: Any) -> None:
    """Rewrite the linkage keys of every linked record this flush inserted, changed or deleted."""
    refresh_key_index(db, LinkKey, linked_services(), keys_of)


def rebuild_link_keys(connection: Connection, batch: int = 2000) -> int:
    """Recompute the whole ``linkage_keys`` table from the record tables (by reflection, so a migration can
    call it); returns the number of keys written."""
    return rebuild_key_index(connection, "linkage_keys", linked_services(), keys_of, batch)
